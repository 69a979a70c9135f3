/*
 * read.c - the NewsML-G2 reader: a text newsItem, or each text item of a
 * newsMessage (ac_newsml_read_all; ac_newsml_read takes the first), into
 * the model.  Metadata comes from contentMeta, itemMeta
 * and rightsInfo (read_meta.c); the body from contentSet (read_body.c):
 * XHTML in inlineXML (through the HTML reader's DOM-to-model code), NITF's
 * body.content, or plain text in inlineData.  docs/newsml.md has the
 * mapping table.  This file parses the bytes and finds the items.
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
#include <stdlib.h>
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

/* --- the items ------------------------------------------------------------------ */

/* The next element of a newsMessage's itemSet after `c` (the first when
 * `c` is NULL), or NULL. */
static const xmlNode *next_item(const xmlNode *set, const xmlNode *c)
{
    for (c = c == NULL ? set->children : c->next; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE && ac_nml_in_ns(c, AC_NEWSML_NS))
            return c;
    return NULL;
}

/* The number of items in a newsMessage's itemSet. */
static size_t count_items(const xmlNode *set)
{
    const xmlNode *c;
    size_t n = 0;

    for (c = next_item(set, NULL); c != NULL; c = next_item(set, c))
        n++;
    return n;
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

/* One item into a new article; `err` says why it is none (an item that
 * is no text newsItem: ARTCONV_EUNSUPPORTED). */
static int read_one(artconv_article **out, const xmlNode *item, const artconv_read_options *opts,
                    artconv_error *err)
{
    ac_nml_reader r = {
        NULL, opts, err, ARTCONV_BUF_INIT, ARTCONV_BUF_INIT, ARTCONV_BUF_INIT, ARTCONV_BUF_INIT, 0};
    int rc;

    *out = NULL;
    if (!ac_nml_is_nar(item, "newsItem"))
        return ac_error_at(err, ARTCONV_EUNSUPPORTED, item->line, 0, 0,
                           "a NewsML-G2 %s is not an article: only a newsItem can be read",
                           (const char *)item->name);
    r.a = artconv_article_new();
    if (r.a == NULL)
        return ac_nomem(err);
    AC_CHECK(read_item(&r, item));
    *out = r.a;
    r.a = NULL;
cleanup:
    artconv_article_free(r.a);
    artconv_buf_dispose(&r.tmp);
    artconv_buf_dispose(&r.byline);
    artconv_buf_dispose(&r.located);
    artconv_buf_dispose(&r.holder);
    return rc;
}

/* The state of reading a document's items: the articles so far, and the
 * first reason an item was left out (for when none is left). */
typedef struct {
    const artconv_read_options *opts;
    artconv_error *err;
    size_t max;  /* stop after this many articles */
    size_t seen; /* items looked at */
    artconv_article **list;
    size_t count, cap;
    artconv_error first_refusal;
} items_reader;

static int keep(items_reader *ir, artconv_article *a)
{
    artconv_article **grown;

    if (ir->count == ir->cap) {
        size_t cap = ir->cap == 0 ? 4 : ir->cap * 2;

        if ((grown = realloc(ir->list, cap * sizeof *grown)) == NULL) {
            artconv_article_free(a);
            return ac_nomem(ir->err);
        }
        ir->list = grown;
        ir->cap = cap;
    }
    ir->list[ir->count++] = a;
    return ARTCONV_OK;
}

/* One item of a newsMessage: kept, or left out with a warning when it is
 * no article; any other failure stops the read. */
static int message_item(items_reader *ir, const xmlNode *item)
{
    artconv_error e;
    artconv_article *a = NULL;
    int rc;

    memset(&e, 0, sizeof e);
    e.file = ir->opts->filename;
    ir->seen++;
    rc = read_one(&a, item, ir->opts, &e);
    if (rc == ARTCONV_OK)
        return keep(ir, a);
    if (rc != ARTCONV_EUNSUPPORTED) {
        if (ir->err != NULL)
            *ir->err = e;
        return rc;
    }
    if (ir->first_refusal.code == 0)
        ir->first_refusal = e;
    ac_warn_read(ir->opts, ARTCONV_EUNSUPPORTED, e.line,
                 "item %zu of the newsMessage left out: %s%s", ir->seen, e.message,
                 ac_nml_is_nar(item, "packageItem")
                     ? " (the text items it groups are read where the message holds them)"
                     : "");
    return ARTCONV_OK;
}

/* The articles of the document's root: a newsItem, or the text items of a
 * newsMessage up to ir->max. */
static int read_items(items_reader *ir, const xmlNode *root)
{
    const xmlNode *set, *c;
    artconv_article *a;
    size_t n;
    int rc;

    if (!ac_nml_in_ns(root, AC_NEWSML_NS))
        return ac_error_at(ir->err, ARTCONV_EPARSE, root->line, 0, 0,
                           "not NewsML-G2: the root element <%s> is not in the namespace %s",
                           (const char *)root->name, AC_NEWSML_NS);
    if (!ac_nml_is_nar(root, "newsMessage")) {
        if ((rc = read_one(&a, root, ir->opts, ir->err)) < 0)
            return rc;
        return keep(ir, a);
    }
    set = ac_nml_child(root, "itemSet");
    n = set != NULL ? count_items(set) : 0;
    if (n == 0)
        return ac_error(ir->err, ARTCONV_EPARSE, "the newsMessage holds no item");
    for (c = next_item(set, NULL); c != NULL && ir->count < ir->max; c = next_item(set, c))
        if ((rc = message_item(ir, c)) < 0)
            return rc;
    if (ir->count == 0) {
        if (ir->err != NULL)
            *ir->err = ir->first_refusal;
        if (n > 1)
            ac_error_at(ir->err, ARTCONV_EUNSUPPORTED, ir->first_refusal.line, 0, 0,
                        "the newsMessage holds %zu items and none is a text newsItem; item 1: "
                        "%.150s",
                        n, ir->first_refusal.message);
        return ARTCONV_EUNSUPPORTED;
    }
    /* The one-article API reads the first; the rest are not lost silently. */
    if (ir->max == 1 && n > ir->seen)
        ac_warn_read(ir->opts, ARTCONV_EUNSUPPORTED, c != NULL ? c->line : 0,
                     "the newsMessage holds %zu items; only the first text item is read", n);
    return ARTCONV_OK;
}

/* Parses the bytes and reads up to `max` articles. */
static int read_document(items_reader *ir, const char *data, size_t len)
{
    xmlDocPtr doc = NULL;
    xmlNodePtr root;
    int rc;

    AC_CHECK(parse(&doc, data, len, ir->opts, ir->err));
    root = xmlDocGetRootElement(doc);
    if (root == NULL) {
        rc = ac_error(ir->err, ARTCONV_EPARSE, "the XML document has no root element");
        goto cleanup;
    }
    rc = read_items(ir, root);
cleanup:
    xmlFreeDoc(doc);
    return rc;
}

static void items_reader_init(items_reader *ir, const artconv_read_options *opts,
                              artconv_error *err, size_t max)
{
    memset(ir, 0, sizeof *ir);
    ir->opts = opts;
    ir->err = err;
    ir->max = max;
}

static void items_reader_dispose(items_reader *ir)
{
    size_t i;

    for (i = 0; i < ir->count; i++)
        artconv_article_free(ir->list[i]);
    free(ir->list);
}

int ac_newsml_read(artconv_article **out, const char *data, size_t len,
                   const artconv_read_options *opts, artconv_error *err)
{
    items_reader ir;
    int rc;

    *out = NULL;
    items_reader_init(&ir, opts, err, 1);
    if ((rc = read_document(&ir, data, len)) == ARTCONV_OK) {
        *out = ir.list[0];
        ir.count = 0;
    }
    items_reader_dispose(&ir);
    return rc;
}

int ac_newsml_read_all(artconv_article ***out, size_t *count, const char *data, size_t len,
                       const artconv_read_options *opts, artconv_error *err)
{
    items_reader ir;
    int rc;

    *out = NULL;
    *count = 0;
    /* One past the limit, so that artconv_read_all sees it is passed. */
    items_reader_init(&ir, opts, err, (size_t)ARTCONV_MAX_ARTICLES + 1);
    if ((rc = read_document(&ir, data, len)) == ARTCONV_OK) {
        *out = ir.list;
        *count = ir.count;
        ir.list = NULL;
        ir.count = 0;
    }
    items_reader_dispose(&ir);
    return rc;
}
