/*
 * newsml_read.c - the NewsML-G2 reader: a text newsItem (or the first one in
 * a newsMessage) into the model.  Metadata comes from contentMeta, itemMeta
 * and rightsInfo; the body from contentSet: XHTML in inlineXML (through the
 * HTML reader's DOM-to-model code), NITF's body.content, or plain text in
 * inlineData.  docs/newsml.md has the mapping table.
 *
 * The XML is untrusted.  It is parsed with XML_PARSE_NONET and without
 * NOENT, DTDLOAD or HUGE, so no external entity or DTD is ever fetched and
 * libxml2's depth limit (256) holds.  A document type that declares any
 * entity stops the parser at the declaration, before anything is expanded:
 * NewsML-G2 never needs one, and refusing them outright is simpler to trust
 * than amplification counters.
 */
#include "format_entries.h"
#include "news.h"
#include "xml_safe.h"
#include "newsml.h"
#include "xhtml.h"
#include "xhtml_in.h"

#include <jansson.h>
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
    *out = ac_xml_read_without_entities(ctxt, data, len, opts->filename, XML_PARSE_NOCDATA,
                                        &entity);
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

/* --- looking at the tree ----------------------------------------------------- */

static int is_named(const xmlNode *node, const char *name)
{
    return node != NULL && node->type == XML_ELEMENT_NODE && xmlStrEqual(node->name, BAD_CAST name);
}

static int in_ns(const xmlNode *node, const char *uri)
{
    return node->ns != NULL && xmlStrEqual(node->ns->href, BAD_CAST uri);
}

/* A NewsML-G2 element of this name. */
static int is_nar(const xmlNode *node, const char *name)
{
    return is_named(node, name) && in_ns(node, AC_NEWSML_NS);
}

/* The first child element called `name`, whatever its namespace. */
static xmlNodePtr child(const xmlNode *parent, const char *name)
{
    xmlNodePtr c;

    for (c = parent->children; c != NULL; c = c->next)
        if (is_named(c, name))
            return c;
    return NULL;
}

static xmlNodePtr first_element(const xmlNode *parent)
{
    xmlNodePtr c;

    for (c = parent->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            return c;
    return NULL;
}

static int is_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Sets `out` to the element's text, whitespace collapsed ("" if none). */
static int text_of(artconv_buf *out, const xmlNode *node)
{
    xmlChar *text = xmlNodeGetContent(node);
    int rc;

    artconv_buf_clear(out);
    if (text == NULL)
        return artconv_buf_puts(out, "");
    rc = ac_text_collapse(out, (const char *)text);
    xmlFree(text);
    return rc < 0 ? rc : artconv_buf_puts(out, "");
}

/* Same for an attribute; "" if it is absent. */
static int attr_of(artconv_buf *out, const xmlNode *node, const char *name)
{
    xmlChar *value = xmlGetProp(node, BAD_CAST name);
    int rc;

    artconv_buf_clear(out);
    if (value == NULL)
        return artconv_buf_puts(out, "");
    rc = ac_text_collapse(out, (const char *)value);
    xmlFree(value);
    return rc < 0 ? rc : artconv_buf_puts(out, "");
}

/* --- metadata ---------------------------------------------------------------- */

typedef struct {
    artconv_article *a;
    const artconv_read_options *opts;
    artconv_error *err;
    artconv_buf tmp;
    artconv_buf byline;  /* <by>, for when no <creator> names the authors */
    artconv_buf located; /* located/name, for when there is no <dateline> */
    artconv_buf holder;  /* copyrightHolder/name, for when no infoSource */
    int lead_found;      /* the XHTML body had our <figure class="lead"> */
} reader;

/* Sets a field from `value` unless it is set already or `value` is empty. */
static int set_once(reader *r, artconv_meta field, const artconv_buf *value)
{
    if (value->len == 0 || artconv_article_get(r->a, field) != NULL)
        return ARTCONV_OK;
    return ac_article_set_n(r->a, field, value->ptr, value->len, r->err);
}

/* Sets a field from the element's collapsed text, first one wins. */
static int set_text(reader *r, artconv_meta field, const xmlNode *node)
{
    if (text_of(&r->tmp, node) < 0)
        return ac_nomem(r->err);
    return set_once(r, field, &r->tmp);
}

/* The text of a party or place's <name>, else its literal attribute. */
static int name_of(reader *r, const xmlNode *node)
{
    const xmlNode *name = child(node, "name");

    if (name != NULL)
        return text_of(&r->tmp, name);
    return attr_of(&r->tmp, node, "literal");
}

static int add_to_list(reader *r, artconv_meta_list list, const artconv_buf *value)
{
    if (value->len == 0)
        return ARTCONV_OK;
    return ac_article_list_add_n(r->a, list, value->ptr, value->len, r->err);
}

/* 1 if the space-separated QCode list `roles` holds `qcode`. */
static int has_role(const xmlNode *node, const char *qcode)
{
    xmlChar *roles = xmlGetProp(node, BAD_CAST "role");
    size_t n = strlen(qcode);
    const char *p;
    int found = 0;

    for (p = (const char *)roles; p != NULL && *p != '\0' && !found;) {
        while (is_space((unsigned char)*p))
            p++;
        found = strncmp(p, qcode, n) == 0 && (p[n] == '\0' || is_space((unsigned char)p[n]));
        while (*p != '\0' && !is_space((unsigned char)*p))
            p++;
    }
    xmlFree(roles);
    return found;
}

static int set_slugline(reader *r, const xmlNode *node)
{
    json_t *value;
    char *json = NULL;
    int rc;

    if (text_of(&r->tmp, node) < 0)
        return ac_nomem(r->err);
    if (r->tmp.len == 0 || artconv_article_extra_get(r->a, AC_NEWSML_SLUGLINE_KEY) != NULL)
        return ARTCONV_OK;
    value = json_stringn(r->tmp.ptr, r->tmp.len);
    if (value != NULL)
        json = json_dumps(value, JSON_ENCODE_ANY | JSON_COMPACT);
    json_decref(value);
    if (json == NULL)
        return ac_nomem(r->err);
    rc = artconv_article_extra_set(r->a, AC_NEWSML_SLUGLINE_KEY, json, r->err);
    free(json);
    return rc;
}

/* A subject we wrote for the section carries a literal; coded subjects
 * (medtop...) are topics, kept as keywords by their names. */
static int read_subject(reader *r, const xmlNode *node)
{
    int rc;

    if (xmlHasProp(node, BAD_CAST "literal") != NULL &&
        artconv_article_get(r->a, ARTCONV_META_SECTION) == NULL) {
        AC_CHECK(name_of(r, node));
        return set_once(r, ARTCONV_META_SECTION, &r->tmp);
    }
    if (child(node, "name") == NULL)
        return ARTCONV_OK;
    AC_CHECK(text_of(&r->tmp, child(node, "name")));
    rc = add_to_list(r, ARTCONV_LIST_KEYWORDS, &r->tmp);
cleanup:
    return rc == ARTCONV_ENOMEM ? ac_nomem(r->err) : rc;
}

static int read_description(reader *r, const xmlNode *node)
{
    if (has_role(node, AC_NEWSML_TEASER))
        return set_text(r, ARTCONV_META_SUBTITLE, node);
    if (has_role(node, AC_NEWSML_SUMMARY) || xmlHasProp(node, BAD_CAST "role") == NULL)
        return set_text(r, ARTCONV_META_DESCRIPTION, node);
    return ARTCONV_OK;
}

static int read_content_meta(reader *r, const xmlNode *meta)
{
    const xmlNode *c;
    int rc = ARTCONV_OK;

    for (c = meta->children; c != NULL && rc == ARTCONV_OK; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || !in_ns(c, AC_NEWSML_NS))
            continue;
        if (is_named(c, "contentCreated"))
            rc = set_text(r, ARTCONV_META_DATE, c);
        else if (is_named(c, "contentModified"))
            rc = set_text(r, ARTCONV_META_MODIFIED, c);
        else if (is_named(c, "located") && r->located.len == 0)
            rc = name_of(r, c) < 0 || artconv_buf_puts(&r->located, r->tmp.ptr) < 0
                     ? ac_nomem(r->err)
                     : ARTCONV_OK;
        else if (is_named(c, "creator"))
            rc = name_of(r, c) < 0 ? ac_nomem(r->err)
                                   : add_to_list(r, ARTCONV_LIST_AUTHORS, &r->tmp);
        else if (is_named(c, "infoSource"))
            rc =
                name_of(r, c) < 0 ? ac_nomem(r->err) : set_once(r, ARTCONV_META_PUBLISHER, &r->tmp);
        else if (is_named(c, "altId"))
            rc = set_text(r, ARTCONV_META_ID, c);
        else if (is_named(c, "language"))
            rc = attr_of(&r->tmp, c, "tag") < 0 ? ac_nomem(r->err)
                                                : set_once(r, ARTCONV_META_LANGUAGE, &r->tmp);
        else if (is_named(c, "keyword"))
            rc = text_of(&r->tmp, c) < 0 ? ac_nomem(r->err)
                                         : add_to_list(r, ARTCONV_LIST_KEYWORDS, &r->tmp);
        else if (is_named(c, "subject"))
            rc = read_subject(r, c);
        else if (is_named(c, "slugline"))
            rc = set_slugline(r, c);
        else if (is_named(c, "headline"))
            rc = set_text(r, ARTCONV_META_TITLE, c);
        else if (is_named(c, "dateline"))
            rc = set_text(r, ARTCONV_META_DATELINE, c);
        else if (is_named(c, "by") && r->byline.len == 0)
            rc = text_of(&r->tmp, c) < 0 || artconv_buf_puts(&r->byline, r->tmp.ptr) < 0
                     ? ac_nomem(r->err)
                     : ARTCONV_OK;
        else if (is_named(c, "creditline"))
            rc = set_text(r, ARTCONV_META_CREDIT, c);
        else if (is_named(c, "description"))
            rc = read_description(r, c);
    }
    return rc;
}

/* The lead image and the source page, from links we (or others) wrote. */
static int read_link(reader *r, const xmlNode *link)
{
    xmlChar *type = xmlGetProp(link, BAD_CAST "contenttype");
    int rc = ARTCONV_OK;

    if (type == NULL)
        return ARTCONV_OK;
    if (attr_of(&r->tmp, link, "href") < 0)
        rc = ac_nomem(r->err);
    else if (xmlStrncmp(type, BAD_CAST "image/", 6) == 0)
        rc = set_once(r, ARTCONV_META_IMAGE, &r->tmp);
    else if (xmlStrEqual(type, BAD_CAST "text/html"))
        rc = set_once(r, ARTCONV_META_SOURCE, &r->tmp);
    xmlFree(type);
    return rc;
}

/* pubStatus: a code of IPTC's stat scheme, by QCode or URI, keeps only
 * the code ("canceled"); another scheme's QCode is kept whole.  Usable,
 * the default, leaves the field unset. */
static int read_pub_status(reader *r, const xmlNode *node)
{
    const char *code;

    if (attr_of(&r->tmp, node, "qcode") < 0)
        return ac_nomem(r->err);
    if (r->tmp.len == 0 && attr_of(&r->tmp, node, "uri") < 0)
        return ac_nomem(r->err);
    code = r->tmp.ptr;
    if (strncmp(code, AC_NEWSML_STAT, strlen(AC_NEWSML_STAT)) == 0)
        code += strlen(AC_NEWSML_STAT);
    else if (strncmp(code, AC_NEWSML_STAT_URI, strlen(AC_NEWSML_STAT_URI)) == 0)
        code += strlen(AC_NEWSML_STAT_URI);
    if (*code == '\0' || strcmp(code, "usable") == 0)
        return ARTCONV_OK;
    return ac_article_set_n(r->a, ARTCONV_META_PUBSTATUS, code, strlen(code), r->err);
}

/* embargoed: a date-time, or empty for an embargo with no end yet. */
static int read_embargo(reader *r, const xmlNode *node)
{
    artconv_buf date = ARTCONV_BUF_INIT;
    int rc;

    if (text_of(&r->tmp, node) < 0)
        return ac_nomem(r->err);
    if (r->tmp.len == 0)
        return artconv_article_set(r->a, ARTCONV_META_EMBARGOED, "indefinite", r->err);
    rc = ac_date_normalize(&date, r->tmp.ptr, r->tmp.len);
    if (rc == ARTCONV_OK)
        rc = ac_article_set_n(r->a, ARTCONV_META_EMBARGOED, date.ptr, date.len, r->err);
    else if (rc == ARTCONV_EPARSE)
        rc = ac_article_set_n(r->a, ARTCONV_META_EMBARGOED, r->tmp.ptr, r->tmp.len, r->err);
    else
        rc = ac_nomem(r->err);
    artconv_buf_dispose(&date);
    return rc;
}

static int read_item_meta(reader *r, const xmlNode *meta)
{
    const xmlNode *c;
    int rc = ARTCONV_OK;

    for (c = meta->children; c != NULL && rc == ARTCONV_OK; c = c->next) {
        if (is_nar(c, "itemClass")) {
            if (attr_of(&r->tmp, c, "qcode") < 0)
                return ac_nomem(r->err);
            /* Any scheme's "text" class; pictures, videos... are no article. */
            if (r->tmp.len > 0 && (strchr(r->tmp.ptr, ':') == NULL ||
                                   strcmp(strchr(r->tmp.ptr, ':') + 1, "text") != 0))
                return ac_error(r->err, ARTCONV_EUNSUPPORTED,
                                "the newsItem's class is %s; only text items (ninat:text) are "
                                "articles",
                                r->tmp.ptr);
        } else if (is_nar(c, "link")) {
            rc = read_link(r, c);
        } else if (is_nar(c, "pubStatus")) {
            rc = read_pub_status(r, c);
        } else if (is_nar(c, "embargoed")) {
            rc = read_embargo(r, c);
        }
    }
    return rc;
}

static int read_rights(reader *r, const xmlNode *rights)
{
    const xmlNode *c;
    int rc = ARTCONV_OK;

    for (c = rights->children; c != NULL && rc == ARTCONV_OK; c = c->next) {
        if (is_nar(c, "copyrightNotice"))
            rc = set_text(r, ARTCONV_META_RIGHTS, c);
        else if (is_nar(c, "copyrightHolder") && r->holder.len == 0)
            rc = name_of(r, c) < 0 || artconv_buf_puts(&r->holder, r->tmp.ptr) < 0
                     ? ac_nomem(r->err)
                     : ARTCONV_OK;
    }
    return rc;
}

/* What contentMeta did not say: the dateline from located, the authors
 * from the printed byline, the publisher from the copyright holder, the
 * date from itemMeta's firstCreated and the language from xml:lang. */
static int fill_gaps(reader *r, const xmlNode *item)
{
    const xmlNode *meta = child(item, "itemMeta");
    const xmlNode *first = meta != NULL ? child(meta, "firstCreated") : NULL;
    xmlChar *lang;
    int rc;

    AC_CHECK(set_once(r, ARTCONV_META_DATELINE, &r->located));
    AC_CHECK(set_once(r, ARTCONV_META_PUBLISHER, &r->holder));
    if (first != NULL)
        AC_CHECK(set_text(r, ARTCONV_META_DATE, first));
    if (artconv_article_list_count(r->a, ARTCONV_LIST_AUTHORS) == 0 && r->byline.len > 0)
        AC_CHECK(ac_news_add_authors(r->a, r->byline.ptr, r->byline.len, r->err));
    lang = xmlNodeGetLang(item);
    if (lang != NULL) {
        artconv_buf_clear(&r->tmp);
        rc = artconv_buf_puts(&r->tmp, (const char *)lang);
        xmlFree(lang);
        if (rc < 0)
            return ac_nomem(r->err);
        AC_CHECK(set_once(r, ARTCONV_META_LANGUAGE, &r->tmp));
    }
cleanup:
    return rc;
}

/* --- the body ---------------------------------------------------------------- */

/* Builds the siblings from `first` up to (not including) `end` into
 * `into` with the HTML reader's builder, which also enforces
 * ARTCONV_MAX_DEPTH: the parsed tree goes over as it is, no second parse. */
static int build_run(reader *r, const xmlNode *first, const xmlNode *end, artconv_node *into)
{
    return first == NULL ? ARTCONV_OK : ac_xhtml_in_nodes_to_model(into, first, end, r->err);
}

static int has_class(const xmlNode *node, const char *cls);

/* formats/shared/xhtml.c writes a quote with an attribution as <figure
 * class="quote"><blockquote/><figcaption class="attribution"/></figure>,
 * which the HTML reader's code does not know; it is built here. */
static int is_quote(const xmlNode *node)
{
    return is_named(node, "figure") && has_class(node, "quote") &&
           child(node, "blockquote") != NULL;
}

/* Drops the spaces the inline builder keeps at both ends of `node`. */
static int trim_inlines(artconv_node *node, artconv_error *err)
{
    artconv_node *ends[2] = {artconv_node_first_child(node), artconv_node_last_child(node)};
    const char *s;
    size_t len;
    char *copy;
    int i, rc;

    for (i = 0; i < 2; i++) {
        if (artconv_node_get_kind(ends[i]) != ARTCONV_NODE_TEXT)
            continue;
        s = artconv_node_get_literal(ends[i]);
        len = strlen(s);
        if (i == 0)
            while (len > 0 && *s == ' ') {
                s++;
                len--;
            }
        else
            while (len > 0 && s[len - 1] == ' ')
                len--;
        if (len == 0) {
            if (ends[1] == ends[0])
                ends[1] = NULL;
            artconv_node_free(ends[i]);
            continue;
        }
        if ((copy = ac_strndup(s, len)) == NULL)
            return ac_nomem(err);
        rc = artconv_node_set_literal(ends[i], copy, err);
        free(copy);
        if (rc < 0)
            return rc;
    }
    return ARTCONV_OK;
}

static int build_quote(reader *r, const xmlNode *figure, artconv_node *into)
{
    const xmlNode *caption = child(figure, "figcaption");
    artconv_node *quote, *attribution;
    int rc;

    quote = ac_node_add(into, ARTCONV_NODE_BLOCKQUOTE, r->err);
    if (quote == NULL)
        return ARTCONV_ENOMEM;
    AC_CHECK(ac_xhtml_in_to_model(quote, child(figure, "blockquote"), r->err));
    if (caption == NULL || caption->children == NULL)
        return ARTCONV_OK;
    attribution = ac_node_add(quote, ARTCONV_NODE_ATTRIBUTION, r->err);
    if (attribution == NULL)
        return ARTCONV_ENOMEM;
    AC_CHECK(ac_xhtml_in_to_model(attribution, caption, r->err));
    rc = trim_inlines(attribution, r->err);
cleanup:
    return rc;
}

/* Builds the children of `parent` (the XHTML body or NITF's body.content)
 * into the article's body, quotes with attributions at the top level by
 * hand and the rest, in runs, by the HTML reader's code. */
static int build_children(reader *r, const xmlNode *parent)
{
    artconv_node *root = artconv_article_body(r->a);
    xmlNodePtr c, run = NULL;
    int rc = ARTCONV_OK;

    for (c = parent->children; c != NULL; c = c->next) {
        if (is_quote(c)) {
            AC_CHECK(build_run(r, run, c, root));
            run = NULL;
            AC_CHECK(build_quote(r, c, root));
        } else if (run == NULL) {
            run = c;
        }
    }
    rc = build_run(r, run, NULL, root);
cleanup:
    return rc == ARTCONV_ENOMEM ? ac_nomem(r->err) : rc;
}

/* <pre><code class="language-x">, as formats/shared/xhtml.c writes code blocks: the
 * HTML reader's code looks for the language on <pre>, so it is copied
 * there.  Walks the body without recursion. */
static int lift_code_languages(xmlNodePtr body)
{
    xmlNodePtr node = body->children;
    xmlChar *cls;

    while (node != NULL && node != body) {
        if (is_named(node, "code") && is_named(node->parent, "pre") &&
            xmlHasProp(node->parent, BAD_CAST "class") == NULL &&
            (cls = xmlGetProp(node, BAD_CAST "class")) != NULL) {
            xmlAttrPtr set = xmlSetProp(node->parent, BAD_CAST "class", cls);

            xmlFree(cls);
            if (set == NULL)
                return ARTCONV_ENOMEM;
        }
        node = ac_xml_next(node, body, 0);
    }
    return ARTCONV_OK;
}

static int has_class(const xmlNode *node, const char *cls)
{
    xmlChar *value = xmlGetProp(node, BAD_CAST "class");
    size_t n = strlen(cls);
    const char *p;
    int found = 0;

    for (p = (const char *)value; p != NULL && *p != '\0' && !found;) {
        while (is_space((unsigned char)*p))
            p++;
        found = strncmp(p, cls, n) == 0 && (p[n] == '\0' || is_space((unsigned char)p[n]));
        while (*p != '\0' && !is_space((unsigned char)*p))
            p++;
    }
    xmlFree(value);
    return found;
}

/* Takes our <figure class="lead"> out of the body into the image fields.
 * The image itself overrides the itemMeta link: the figure is ours. */
static int take_lead_figure(reader *r, xmlNodePtr body)
{
    xmlNodePtr figure = first_element(body), img, caption, credit;
    int rc = ARTCONV_OK;

    if (!is_named(figure, "figure") || !has_class(figure, AC_NEWSML_LEAD_CLASS) ||
        (img = child(figure, "img")) == NULL)
        return ARTCONV_OK;
    r->lead_found = 1;
    AC_CHECK(attr_of(&r->tmp, img, "src"));
    if (r->tmp.len > 0)
        AC_CHECK(ac_article_set_n(r->a, ARTCONV_META_IMAGE, r->tmp.ptr, r->tmp.len, r->err));
    AC_CHECK(attr_of(&r->tmp, img, "alt"));
    AC_CHECK(set_once(r, ARTCONV_META_IMAGE_ALT, &r->tmp));
    caption = child(figure, "figcaption");
    if (caption != NULL) {
        credit = child(caption, "small");
        if (credit != NULL && has_class(credit, "credit")) {
            AC_CHECK(text_of(&r->tmp, credit));
            AC_CHECK(set_once(r, ARTCONV_META_IMAGE_CREDIT, &r->tmp));
            xmlUnlinkNode(credit);
            xmlFreeNode(credit);
        }
        AC_CHECK(text_of(&r->tmp, caption));
        AC_CHECK(set_once(r, ARTCONV_META_IMAGE_CAPTION, &r->tmp));
    }
    xmlUnlinkNode(figure);
    xmlFreeNode(figure);
cleanup:
    return rc == ARTCONV_ENOMEM ? ac_nomem(r->err) : rc;
}

static int read_xhtml(reader *r, const xmlNode *html)
{
    xmlNodePtr body = child(html, "body");
    int rc;

    if (body == NULL)
        return ARTCONV_OK;
    AC_CHECK(take_lead_figure(r, body));
    if (lift_code_languages(body) < 0)
        return ac_nomem(r->err);
    AC_CHECK(build_children(r, body));
    /* Without our lead figure, the lead image's caption and credit are
     * those of the body's figure that shows it, as in web pages. */
    if (!r->lead_found && artconv_article_get(r->a, ARTCONV_META_IMAGE) != NULL)
        rc = ac_news_lead_image(r->a, r->err);
cleanup:
    return rc;
}

/* NITF names its block elements differently from HTML: hl2 is a
 * subheading, block a division.  Renamed in place, walking without
 * recursion. */
static int rename_nitf(xmlNodePtr root)
{
    static const char *const renames[][2] = {{"hl2", "h2"}, {"block", "div"}, {"bq", "blockquote"}};
    xmlNodePtr node = root->children;
    size_t i;

    while (node != NULL && node != root) {
        if (node->type == XML_ELEMENT_NODE) {
            for (i = 0; i < sizeof renames / sizeof renames[0]; i++)
                if (xmlStrEqual(node->name, BAD_CAST renames[i][0])) {
                    xmlNodeSetName(node, BAD_CAST renames[i][1]);
                    if (!xmlStrEqual(node->name, BAD_CAST renames[i][1]))
                        return ARTCONV_ENOMEM;
                }
        }
        node = ac_xml_next(node, root, 0);
    }
    return ARTCONV_OK;
}

/* The NITF byline's text without the title (byttl): "By Meredith Jameson". */
static int nitf_byline(reader *r, const xmlNode *byline)
{
    const xmlNode *c;
    xmlChar *text;
    size_t n;
    int rc = ARTCONV_OK;

    artconv_buf_clear(&r->byline);
    for (c = byline->children; c != NULL && rc == ARTCONV_OK; c = c->next) {
        if (is_named(c, "byttl") || (c->type != XML_TEXT_NODE && c->type != XML_ELEMENT_NODE))
            continue;
        text = xmlNodeGetContent(c);
        rc = text != NULL ? ac_text_collapse(&r->byline, (const char *)text) : ARTCONV_OK;
        if (rc == ARTCONV_OK && artconv_buf_putc(&r->byline, ' ') < 0)
            rc = ARTCONV_ENOMEM;
        xmlFree(text);
    }
    n = r->byline.len;
    while (n > 0 && (r->byline.ptr[n - 1] == ' ' || r->byline.ptr[n - 1] == ','))
        n--;
    r->byline.len = n;
    if (r->byline.ptr != NULL)
        r->byline.ptr[n] = '\0';
    return rc < 0 ? ac_nomem(r->err) : ARTCONV_OK;
}

static int read_nitf(reader *r, const xmlNode *nitf)
{
    const xmlNode *body = child(nitf, "body");
    const xmlNode *head = body != NULL ? child(body, "body.head") : NULL;
    xmlNodePtr content = body != NULL ? child(body, "body.content") : NULL;
    const xmlNode *el;
    int rc = ARTCONV_OK;

    if (head != NULL) {
        if ((el = child(head, "hedline")) != NULL && (el = child(el, "hl1")) != NULL)
            AC_CHECK(set_text(r, ARTCONV_META_TITLE, el));
        if ((el = child(head, "abstract")) != NULL)
            AC_CHECK(set_text(r, ARTCONV_META_DESCRIPTION, el));
        if ((el = child(head, "byline")) != NULL && r->byline.len == 0)
            AC_CHECK(nitf_byline(r, el));
    }
    if (content == NULL)
        return ARTCONV_OK;
    if (rename_nitf(content) < 0)
        return ac_nomem(r->err);
    rc = build_children(r, content);
cleanup:
    return rc;
}

/* Plain text: paragraphs at blank lines, line ends as soft breaks. */
static int read_plain(reader *r, const char *s)
{
    artconv_node *para = NULL;
    const char *line, *end;
    int blank;

    for (line = s; *line != '\0'; line = *end == '\0' ? end : end + 1) {
        size_t len;

        end = strchr(line, '\n');
        if (end == NULL)
            end = line + strlen(line);
        len = (size_t)(end - line);
        while (len > 0 && is_space((unsigned char)line[len - 1]))
            len--;
        while (len > 0 && is_space((unsigned char)*line)) {
            line++;
            len--;
        }
        blank = len == 0;
        if (blank) {
            para = NULL;
            continue;
        }
        if (para == NULL) {
            para = ac_node_add(artconv_article_body(r->a), ARTCONV_NODE_PARAGRAPH, r->err);
            if (para == NULL)
                return r->err != NULL ? r->err->code : ARTCONV_ENOMEM;
        } else if (ac_node_add(para, ARTCONV_NODE_SOFTBREAK, r->err) == NULL) {
            return r->err != NULL ? r->err->code : ARTCONV_ENOMEM;
        }
        if (ac_node_add_text(para, line, len, r->err) == NULL)
            return r->err != NULL ? r->err->code : ARTCONV_ENOMEM;
    }
    return ARTCONV_OK;
}

/* The body: the first inlineXML (XHTML or NITF) or inlineData (text) of
 * contentSet.  Anything else is no body we can read; that is a warning. */
static int read_content_set(reader *r, const xmlNode *set)
{
    xmlNodePtr c, el;
    xmlChar *type, *text;
    int rc;

    for (c = set->children; c != NULL; c = c->next) {
        if (is_nar(c, "inlineXML")) {
            el = first_element(c);
            if (el == NULL)
                return ARTCONV_OK;
            if (is_named(el, "html"))
                return read_xhtml(r, el);
            if (is_named(el, "nitf"))
                return read_nitf(r, el);
            ac_warn_read(r->opts, ARTCONV_EUNSUPPORTED, el->line,
                         "inlineXML holds <%s>, which is neither XHTML nor NITF; no body read",
                         (const char *)el->name);
            return ARTCONV_OK;
        }
        if (is_nar(c, "inlineData")) {
            type = xmlGetProp(c, BAD_CAST "contenttype");
            if (xmlHasProp(c, BAD_CAST "encoding") == NULL &&
                (type == NULL || xmlStrncmp(type, BAD_CAST "text/plain", 10) == 0)) {
                xmlFree(type);
                text = xmlNodeGetContent(c);
                if (text == NULL)
                    return ARTCONV_OK;
                rc = read_plain(r, (const char *)text);
                xmlFree(text);
                return rc;
            }
            xmlFree(type);
        }
    }
    ac_warn_read(r->opts, ARTCONV_EUNSUPPORTED, set->line,
                 "contentSet has no inline XHTML, NITF or text; no body read");
    return ARTCONV_OK;
}

/* --- the item ------------------------------------------------------------------ */

/* The newsItem to read, or an error saying why there is none. */
static int find_item(xmlNodePtr *out, const xmlNode *root, artconv_error *err)
{
    const xmlNode *set, *c;

    *out = NULL;
    if (!in_ns(root, AC_NEWSML_NS))
        return ac_error_at(err, ARTCONV_EPARSE, root->line, 0, 0,
                           "not NewsML-G2: the root element <%s> is not in the namespace %s",
                           (const char *)root->name, AC_NEWSML_NS);
    if (is_nar(root, "newsMessage")) {
        set = child(root, "itemSet");
        for (c = set != NULL ? set->children : NULL; c != NULL; c = c->next)
            if (c->type == XML_ELEMENT_NODE && in_ns(c, AC_NEWSML_NS))
                break;
        if (c == NULL)
            return ac_error(err, ARTCONV_EPARSE, "the newsMessage holds no item");
        root = c;
    }
    if (is_nar(root, "newsItem")) {
        *out = (xmlNodePtr)root;
        return ARTCONV_OK;
    }
    return ac_error_at(err, ARTCONV_EUNSUPPORTED, root->line, 0, 0,
                       "a NewsML-G2 %s is not an article: only a newsItem can be read",
                       (const char *)root->name);
}

static int read_item(reader *r, const xmlNode *item)
{
    const xmlNode *c;
    int rc = ARTCONV_OK;

    for (c = item->children; c != NULL && rc == ARTCONV_OK; c = c->next) {
        if (is_nar(c, "rightsInfo"))
            rc = read_rights(r, c);
        else if (is_nar(c, "itemMeta"))
            rc = read_item_meta(r, c);
        else if (is_nar(c, "contentMeta"))
            rc = read_content_meta(r, c);
    }
    if (rc < 0)
        return rc;
    c = child(item, "contentSet");
    if (c != NULL)
        AC_CHECK(read_content_set(r, c));
    rc = fill_gaps(r, item);
cleanup:
    return rc;
}

int ac_newsml_read(artconv_article **out, const char *data, size_t len,
                   const artconv_read_options *opts, artconv_error *err)
{
    reader r = {
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
    AC_CHECK(find_item(&item, root, err));
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
