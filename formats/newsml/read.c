/*
 * read.c - the NewsML-G2 reader: a text newsItem (or the first one in a
 * newsMessage) into the model.  Metadata comes from contentMeta, itemMeta
 * and rightsInfo (read_meta.c); the body from contentSet (read_body.c):
 * XHTML in inlineXML (through the HTML reader's DOM-to-model code), NITF's
 * body.content, or plain text in inlineData.  docs/newsml.md has the
 * mapping table.  This file parses the bytes and finds the item.
 *
 * The XML is untrusted.  It is parsed with XML_PARSE_NONET and without
 * NOENT, DTDLOAD or HUGE, so no external entity or DTD is ever fetched and
 * libxml2's depth limit (256) holds.  A document type that declares any
 * entity stops the parser at the declaration, before anything is expanded:
 * NewsML-G2 never needs one, and refusing them outright is simpler to trust
 * than amplification counters.
 */
#include "format_entries.h"
#include "newsml.h"
#include "newsml_reader.h"
#include "xml_safe.h"

#include <libxml/parser.h>
#include <limits.h>
#include <string.h>

/* libxml2 takes the input size as an int. */
#define NEWSML_MAX_INPUT ((size_t)INT_MAX)

/* --- parsing ---------------------------------------------------------------- */

/* libxml2's messages end with a line feed. */
static int trimmed_length(const char *s)
{
    size_t n = strlen(s);

    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' '))
        n--;
    return n > 200 ? 200 : (int)n;
}

static int parse(xmlDocPtr *out, const char *data, size_t len, const artconv_read_options *opts,
                 artconv_error *err)
{
    xmlParserCtxtPtr ctxt;
    int entity;
    const xmlError *e;
    int rc = ARTCONV_OK;

    *out = NULL;
    if (len > NEWSML_MAX_INPUT)
        return ac_error(err, ARTCONV_ELIMIT, "NewsML-G2 input of %zu bytes is too large", len);
    ctxt = xmlNewParserCtxt();
    if (ctxt == NULL)
        return ac_nomem(err);
    *out =
        ac_xml_read_without_entities(ctxt, data, len, opts->filename, XML_PARSE_NOCDATA, &entity);
    if (*out != NULL)
        goto cleanup;
    e = xmlCtxtGetLastError(ctxt);
    if (entity)
        rc = ac_error_at(err, ARTCONV_EPARSE, e != NULL ? e->line : 0, 0, 0,
                         "the document type declares entities; they are refused, so no external "
                         "file is read and nothing is expanded");
    else if (e != NULL && e->code == XML_ERR_NO_MEMORY)
        rc = ac_nomem(err);
    else if (e != NULL && e->code == XML_ERR_INTERNAL_ERROR && e->message != NULL &&
             strstr(e->message, "depth") != NULL)
        rc = ac_error_at(err, ARTCONV_ELIMIT, e->line, e->int2, 0,
                         "the XML is nested deeper than libxml2's limit of 256 levels");
    else if (e != NULL && e->message != NULL)
        rc = ac_error_at(err, ARTCONV_EPARSE, e->line, e->int2, 0, "not well-formed XML: %.*s",
                         trimmed_length(e->message), e->message);
    else
        rc = ac_error(err, ARTCONV_EPARSE, "not well-formed XML");
cleanup:
    xmlFreeParserCtxt(ctxt);
    return rc;
}

/* --- the item ------------------------------------------------------------------ */

/* The number of items in a newsMessage's itemSet. */
static size_t count_items(const xmlNode *set)
{
    const xmlNode *c;
    size_t n = 0;

    for (c = set->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE && ac_nml_in_ns(c, AC_NEWSML_NS))
            n++;
    return n;
}

/* The newsItem to read, or an error saying why there is none.  The API
 * returns one article a read, so a newsMessage gives its first item and a
 * warning with the number of the others. */
static int find_item(xmlNodePtr *out, const xmlNode *root, const artconv_read_options *opts,
                     artconv_error *err)
{
    const xmlNode *set, *c;
    size_t n;

    *out = NULL;
    if (!ac_nml_in_ns(root, AC_NEWSML_NS))
        return ac_error_at(err, ARTCONV_EPARSE, root->line, 0, 0,
                           "not NewsML-G2: the root element <%s> is not in the namespace %s",
                           (const char *)root->name, AC_NEWSML_NS);
    if (ac_nml_is_nar(root, "newsMessage")) {
        set = ac_nml_child(root, "itemSet");
        for (c = set != NULL ? set->children : NULL; c != NULL; c = c->next)
            if (c->type == XML_ELEMENT_NODE && ac_nml_in_ns(c, AC_NEWSML_NS))
                break;
        if (c == NULL)
            return ac_error(err, ARTCONV_EPARSE, "the newsMessage holds no item");
        n = count_items(set);
        if (n > 1)
            ac_warn_read(opts, ARTCONV_EUNSUPPORTED, c->line,
                         "the newsMessage holds %zu items; only the first is read", n);
        root = c;
    }
    if (ac_nml_is_nar(root, "newsItem")) {
        *out = (xmlNodePtr)root;
        return ARTCONV_OK;
    }
    return ac_error_at(err, ARTCONV_EUNSUPPORTED, root->line, 0, 0,
                       "a NewsML-G2 %s is not an article: only a newsItem can be read",
                       (const char *)root->name);
}

static int read_item(ac_nml_reader *r, const xmlNode *item)
{
    const xmlNode *c;
    int rc = ARTCONV_OK;

    for (c = item->children; c != NULL && rc == ARTCONV_OK; c = c->next) {
        if (ac_nml_is_nar(c, "rightsInfo"))
            rc = ac_nml_read_rights(r, c);
        else if (ac_nml_is_nar(c, "itemMeta"))
            rc = ac_nml_read_item_meta(r, c);
        else if (ac_nml_is_nar(c, "contentMeta"))
            rc = ac_nml_read_content_meta(r, c);
    }
    if (rc < 0)
        return rc;
    c = ac_nml_child(item, "contentSet");
    if (c != NULL)
        AC_CHECK(ac_nml_read_content_set(r, c));
    rc = ac_nml_fill_gaps(r, item);
cleanup:
    return rc;
}

int ac_newsml_read(artconv_article **out, const char *data, size_t len,
                   const artconv_read_options *opts, artconv_error *err)
{
    ac_nml_reader r = {
        NULL, opts, err, ARTCONV_BUF_INIT, ARTCONV_BUF_INIT, ARTCONV_BUF_INIT, ARTCONV_BUF_INIT, 0};
    xmlDocPtr doc = NULL;
    xmlNodePtr root, item;
    int rc;

    *out = NULL;
    AC_CHECK(parse(&doc, data, len, opts, err));
    root = xmlDocGetRootElement(doc);
    if (root == NULL) {
        rc = ac_error(err, ARTCONV_EPARSE, "the XML document has no root element");
        goto cleanup;
    }
    AC_CHECK(find_item(&item, root, opts, err));
    r.a = artconv_article_new();
    if (r.a == NULL) {
        rc = ac_nomem(err);
        goto cleanup;
    }
    AC_CHECK(read_item(&r, item));
    *out = r.a;
    r.a = NULL;
cleanup:
    artconv_article_free(r.a);
    xmlFreeDoc(doc);
    artconv_buf_dispose(&r.tmp);
    artconv_buf_dispose(&r.byline);
    artconv_buf_dispose(&r.located);
    artconv_buf_dispose(&r.holder);
    return rc;
}
