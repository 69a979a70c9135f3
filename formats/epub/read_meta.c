/*
 * read_meta.c - the EPUB reader's metadata: the package's Dublin Core and
 * <meta> elements into the article's fields.
 */
#include "epub_reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DC_NS  "http://purl.org/dc/elements/1.1/"
#define OPF_NS "http://www.idpf.org/2007/opf"

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

/* Book producers (role "bkp": calibre, Sigil) name the software that made
 * the file, not a contributor to the text.  EPUB 3 gives a role in a
 * <meta refines="#id" property="role">: the ids so marked are listed first,
 * at most this many (a bound on the lookups, which scan the list). */
#define PRODUCERS_NAMED 8

static int list_producers(artconv_buf *ids, const xmlNode *metadata)
{
    xmlNodePtr el;
    size_t n = 0;
    int rc = ARTCONV_OK;

    for (el = metadata->children; el != NULL && n < PRODUCERS_NAMED && rc == 0; el = el->next) {
        xmlChar *property = ac_epub_is_el(el, "meta") ? xmlGetProp(el, BAD_CAST "property") : NULL;
        xmlChar *refines = property != NULL ? xmlGetProp(el, BAD_CAST "refines") : NULL;
        xmlChar *role = refines != NULL ? xmlNodeGetContent(el) : NULL;

        if (xmlStrEqual(property, BAD_CAST "role") && refines != NULL && refines[0] == '#' &&
            role != NULL && xmlStrEqual(role, BAD_CAST "bkp")) {
            rc = artconv_buf_puts(ids, (const char *)refines + 1) < 0 ||
                         artconv_buf_putc(ids, ' ') < 0
                     ? ARTCONV_ENOMEM
                     : ARTCONV_OK;
            n++;
        }
        xmlFree(property);
        xmlFree(refines);
        xmlFree(role);
    }
    return rc;
}

/* 1 if a dc:contributor is a book producer (EPUB 2's opf:role, or one of
 * the ids list_producers found). */
static int is_producer(const xmlNode *el, const artconv_buf *producers)
{
    xmlChar *role = xmlGetProp(el, BAD_CAST "role"), *id = xmlGetProp(el, BAD_CAST "id");
    int yes = xmlStrEqual(role, BAD_CAST "bkp") ||
              (id != NULL && ac_epub_has_word(producers->ptr, (const char *)id));

    xmlFree(role);
    xmlFree(id);
    return yes;
}

/* A dc:contributor that is a person (not the software that made the book)
 * joins the article's contributors, with its EPUB 2 opf:role ("edt",
 * "ill") when it has one. */
static int add_contributor(ac_epub_reader *r, const xmlNode *el, const artconv_buf *producers)
{
    xmlChar *text = is_producer(el, producers) ? NULL : xmlNodeGetContent(el);
    xmlChar *role = text != NULL ? xmlGetNsProp(el, BAD_CAST "role", BAD_CAST OPF_NS) : NULL;
    artconv_buf name = ARTCONV_BUF_INIT;
    artconv_concept person = {NULL, NULL, NULL, NULL};
    int rc = ARTCONV_OK;

    if (text != NULL && ac_text_collapse(&name, (const char *)text) < 0)
        rc = ac_nomem(r->err);
    if (rc == ARTCONV_OK && name.len > 0) {
        person.name = name.ptr;
        person.role = role != NULL && role[0] != '\0' ? (const char *)role : NULL;
        rc = artconv_article_concept_add(r->article, ARTCONV_CONCEPT_CONTRIBUTORS, &person, r->err);
    }
    xmlFree(text);
    xmlFree(role);
    artconv_buf_dispose(&name);
    return rc;
}

/* The values artconv's writer made up for a book (see epub.h) are not
 * the article's; nor is "und" (undetermined) a language, nor the zip
 * epoch, 1980-01-01, a time the article was modified. */
static int drop_placeholders(ac_epub_reader *r, const char *made_up)
{
    static const struct {
        const char *word;
        artconv_meta field;
    } words[] = {{"identifier", ARTCONV_META_ID},
                 {"title", ARTCONV_META_TITLE},
                 {"language", ARTCONV_META_LANGUAGE},
                 {"modified", ARTCONV_META_MODIFIED}};
    const char *v;
    size_t i;
    int rc = ARTCONV_OK;

    for (i = 0; i < sizeof words / sizeof words[0] && rc == ARTCONV_OK; i++)
        if (made_up != NULL && ac_epub_has_word(made_up, words[i].word))
            rc = artconv_article_set(r->article, words[i].field, NULL, r->err);
    v = artconv_article_get(r->article, ARTCONV_META_LANGUAGE);
    if (rc == ARTCONV_OK && v != NULL && ac_strcaseeq(v, "und"))
        rc = artconv_article_set(r->article, ARTCONV_META_LANGUAGE, NULL, r->err);
    v = artconv_article_get(r->article, ARTCONV_META_MODIFIED);
    if (rc == ARTCONV_OK && v != NULL && strncmp(v, "1980-01-01T00:00:00", 19) == 0)
        rc = artconv_article_set(r->article, ARTCONV_META_MODIFIED, NULL, r->err);
    return rc;
}

int ac_epub_read_metadata(ac_epub_reader *r, const xmlNode *metadata, const char *unique_id)
{
    xmlNodePtr el;
    xmlChar *placeholders = NULL;
    artconv_buf producers = ARTCONV_BUF_INIT;
    int rc = list_producers(&producers, metadata) < 0 ? ac_nomem(r->err) : ARTCONV_OK;

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
            else if (strcmp(name, "contributor") == 0)
                rc = add_contributor(r, el, &producers);
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
            else if (name != NULL && xmlStrEqual(name, BAD_CAST "artconv:placeholders") &&
                     placeholders == NULL) /* the first; a second one leaked (fuzz_epub) */
                placeholders = xmlGetProp(el, BAD_CAST "content");
            xmlFree(property);
            xmlFree(name);
        }
    }
    if (rc == ARTCONV_OK)
        rc = drop_placeholders(r, (const char *)placeholders);
    xmlFree(placeholders);
    artconv_buf_dispose(&producers);
    return rc;
}
