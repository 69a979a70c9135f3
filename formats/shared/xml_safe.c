/*
 * xml_safe.c - see xml_safe.h.  The context's SAX handler (its own copy,
 * so nothing changes for other parsers in the process) stops at the first
 * entity declaration, before libxml2 could resolve a parameter entity or
 * expand a general one: refusing them outright is simpler to trust than
 * amplification counters, and no EPUB part or image needs one.
 */
#include "xml_safe.h"

static void stop(void *ctx)
{
    xmlParserCtxtPtr ctxt = ctx;
    int *entity = ctxt->_private;

    *entity = 1;
    xmlStopParser(ctxt);
}

static void on_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *public_id,
                           const xmlChar *system_id, xmlChar *content)
{
    (void)name;
    (void)type;
    (void)public_id;
    (void)system_id;
    (void)content;
    stop(ctx);
}

static void on_unparsed_entity_decl(void *ctx, const xmlChar *name, const xmlChar *public_id,
                                    const xmlChar *system_id, const xmlChar *notation)
{
    (void)name;
    (void)public_id;
    (void)system_id;
    (void)notation;
    stop(ctx);
}

xmlDocPtr ac_xml_read_without_entities(xmlParserCtxtPtr ctxt, const char *data, size_t len,
                                       const char *name, int extra, int *entity)
{
    const int never = XML_PARSE_NOENT | XML_PARSE_DTDLOAD | XML_PARSE_HUGE;
    xmlDocPtr doc;
    void *saved = ctxt->_private;

    *entity = 0;
    ctxt->_private = entity;
    ctxt->sax->entityDecl = on_entity_decl;
    ctxt->sax->unparsedEntityDecl = on_unparsed_entity_decl;
    doc = xmlCtxtReadMemory(ctxt, data, (int)len, name, NULL,
                            (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | extra) &
                                ~never);
    ctxt->_private = saved;
    /* Belt and braces: whatever reached the tree's DTD counts too. */
    if (doc != NULL && doc->intSubset != NULL &&
        (doc->intSubset->entities != NULL || doc->intSubset->pentities != NULL))
        *entity = 1;
    if (*entity) {
        xmlFreeDoc(doc);
        doc = NULL;
    }
    return doc;
}
