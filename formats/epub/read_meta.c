/*
 * read_meta.c - the EPUB reader's metadata: the package's Dublin Core and
 * <meta> elements into the article's fields.
 */
#include "epub_reader.h"

#include <stdlib.h>
#include <string.h>

#define DC_NS "http://purl.org/dc/elements/1.1/"

static int is_dc(const xmlNode *node)
{
    return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
           xmlStrEqual(node->ns->href, BAD_CAST DC_NS);
}

/* Sets a field, unless already set, from an element's text.  The model's
 * setters trim it and take empty text as no value. */
int ac_epub_set_from(ac_epub_reader *r, artconv_meta field, const xmlNode *el)
{
    xmlChar *text = xmlNodeGetContent(el);
    int rc = ARTCONV_OK;

    if (text != NULL && artconv_article_get(r->article, field) == NULL)
        rc = ac_article_set_n(r->article, field, (const char *)text, strlen((const char *)text),
                              r->err);
    xmlFree(text);
    return rc;
}

static int add_from(ac_epub_reader *r, artconv_meta_list list, const xmlNode *el)
{
    xmlChar *text = xmlNodeGetContent(el);
    int rc = ARTCONV_OK;

    if (text != NULL)
        rc = ac_article_list_add_n(r->article, list, (const char *)text, strlen((const char *)text),
                                   r->err);
    xmlFree(text);
    return rc;
}

/* Dates go into the model in ISO 8601 when they can be read. */
static int set_date(ac_epub_reader *r, artconv_meta field, const xmlNode *el)
{
    xmlChar *text = xmlNodeGetContent(el);
    artconv_buf iso = ARTCONV_BUF_INIT;
    int rc = ARTCONV_OK;

    if (text == NULL || artconv_article_get(r->article, field) != NULL)
        goto cleanup;
    rc = ac_date_normalize(&iso, (const char *)text, strlen((const char *)text));
    if (rc == ARTCONV_OK)
        rc = ac_article_set_n(r->article, field, iso.ptr, iso.len, r->err);
    else if (rc == ARTCONV_EPARSE)
        rc = ac_epub_set_from(r, field, el);
cleanup:
    xmlFree(text);
    artconv_buf_dispose(&iso);
    return rc;
}

/* EPUB 2 names its cover image by manifest id in <meta name="cover">. */
static int keep_cover_id(ac_epub_reader *r, const xmlNode *el)
{
    xmlChar *id = xmlGetProp(el, BAD_CAST "content");

    if (id != NULL)
        r->cover_id = ac_strndup((const char *)id, strlen((const char *)id));
    if (id != NULL && r->cover_id == NULL) {
        xmlFree(id);
        return ac_nomem(r->err);
    }
    xmlFree(id);
    return ARTCONV_OK;
}

int ac_epub_read_metadata(ac_epub_reader *r, const xmlNode *metadata, const char *unique_id)
{
    xmlNodePtr el;
    int rc = ARTCONV_OK;

    for (el = metadata->children; el != NULL && rc == ARTCONV_OK; el = el->next) {
        if (is_dc(el)) {
            const char *name = (const char *)el->name;

            if (strcmp(name, "title") == 0)
                rc = ac_epub_set_from(r, ARTCONV_META_TITLE, el);
            else if (strcmp(name, "creator") == 0)
                rc = add_from(r, ARTCONV_LIST_AUTHORS, el);
            else if (strcmp(name, "language") == 0)
                rc = ac_epub_set_from(r, ARTCONV_META_LANGUAGE, el);
            else if (strcmp(name, "date") == 0)
                rc = set_date(r, ARTCONV_META_DATE, el);
            else if (strcmp(name, "publisher") == 0)
                rc = ac_epub_set_from(r, ARTCONV_META_PUBLISHER, el);
            else if (strcmp(name, "description") == 0)
                rc = ac_epub_set_from(r, ARTCONV_META_DESCRIPTION, el);
            else if (strcmp(name, "subject") == 0)
                rc = add_from(r, ARTCONV_LIST_KEYWORDS, el);
            else if (strcmp(name, "rights") == 0)
                rc = ac_epub_set_from(r, ARTCONV_META_RIGHTS, el);
            else if (strcmp(name, "source") == 0)
                rc = ac_epub_set_from(r, ARTCONV_META_SOURCE, el);
            else if (strcmp(name, "identifier") == 0) {
                xmlChar *id = xmlGetProp(el, BAD_CAST "id");

                if (unique_id == NULL || (id != NULL && strcmp((const char *)id, unique_id) == 0))
                    rc = ac_epub_set_from(r, ARTCONV_META_ID, el);
                xmlFree(id);
            }
        } else if (ac_epub_is_el(el, "meta")) {
            xmlChar *property = xmlGetProp(el, BAD_CAST "property");

            xmlChar *name = xmlGetProp(el, BAD_CAST "name");

            if (property != NULL && xmlStrEqual(property, BAD_CAST "dcterms:modified"))
                rc = set_date(r, ARTCONV_META_MODIFIED, el);
            else if (name != NULL && xmlStrEqual(name, BAD_CAST "cover") && r->cover_id == NULL)
                rc = keep_cover_id(r, el);
            xmlFree(property);
            xmlFree(name);
        }
    }
    return rc;
}
