/*
 * dom.c - questions asked of the libxml2 HTML tree by every stage of the
 * HTML reader (extraction, metadata, building): tag classes, attributes,
 * visible text, URLs and whether a table holds data.
 */
#include "html.h"
#include "url.h"

#include <stdlib.h>
#include <string.h>

/* Tag tests run for every element, many times over: comparing the first
 * letter before calling strcmp skips almost all of the calls. */
int ac_html_is(const xmlNode *node, const char *name)
{
    return node != NULL && node->type == XML_ELEMENT_NODE && node->name[0] == name[0] &&
           strcmp((const char *)node->name, name) == 0;
}

int ac_html_in_list(const char *name, const char *const *list)
{
    size_t i;

    for (i = 0; list[i] != NULL; i++)
        if (name[0] == list[i][0] && strcmp(name, list[i]) == 0)
            return 1;
    return 0;
}

static const char *const block_tags[] = {
    "address",    "article", "aside",    "blockquote", "body",   "center",   "dd",
    "details",    "dialog",  "dir",      "div",        "dl",     "dt",       "fieldset",
    "figcaption", "figure",  "footer",   "form",       "h1",     "h2",       "h3",
    "h4",         "h5",      "h6",       "header",     "hgroup", "hr",       "li",
    "main",       "menu",    "nav",      "ol",         "p",      "pre",      "section",
    "summary",    "table",   "tbody",    "thead",      "tfoot",  "tr",       "td",
    "th",         "ul",      "caption",  "html",       "legend", "noscript", "listing",
    "plaintext",  "xmp",     "frameset", "frame",      NULL};

int ac_html_is_block(const xmlNode *node)
{
    return node->type == XML_ELEMENT_NODE && ac_html_in_list((const char *)node->name, block_tags);
}

/* Elements whose content is never article text.  Ruby annotations (rt,
 * and rp's fallback brackets) are readings printed above the text: the
 * model has no place for them, and run into the line they would double it
 * ("子供" becoming "子こ供ども"). */
static const char *const skip_tags[] = {
    "script", "style",  "noscript", "template", "head",   "meta",     "link",
    "title",  "iframe", "object",   "embed",    "svg",    "math",     "canvas",
    "button", "input",  "select",   "textarea", "option", "datalist", "audio",
    "video",  "map",    "area",     "applet",   "param",  "source",   "track",
    "frame",  "dialog", "rt",       "rp",       NULL};

int ac_html_skipped(const xmlNode *node)
{
    return ac_html_in_list((const char *)node->name, skip_tags) ||
           (node->_private != NULL &&
            (AC_INFO(node)->flags & (AC_HTML_DROP | AC_HTML_BYLINE | AC_HTML_TITLE)) != 0);
}

const char *ac_html_attr(const xmlNode *node, const char *name)
{
    const xmlAttr *a;

    if (node == NULL || node->type != XML_ELEMENT_NODE)
        return NULL;
    for (a = node->properties; a != NULL; a = a->next) {
        if (a->name != NULL && ac_strcaseeq((const char *)a->name, name)) {
            if (a->children != NULL && a->children->type == XML_TEXT_NODE &&
                a->children->content != NULL)
                return (const char *)a->children->content;
            return "";
        }
    }
    return NULL;
}

int ac_html_is_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Appends s[0..len) with whitespace runs collapsed to one space; *space
 * says whether the output ends in a space (or sits where spaces are
 * dropped, at the start of a block). */
int ac_html_put_collapsed(artconv_buf *out, const char *s, size_t len, int *space)
{
    size_t i, n;
    char *p;
    int rc;

    /* Collapsing never lengthens the text: one allocation, then bytes are
     * stored directly instead of two buffer calls per word. */
    if ((rc = artconv_buf_grow(out, len)) < 0)
        return rc;
    p = out->ptr;
    n = out->len;
    for (i = 0; i < len; i++) {
        if (!ac_html_is_space((unsigned char)s[i])) {
            p[n++] = s[i];
            *space = 0;
            continue;
        }
        if (!*space)
            p[n++] = ' ';
        *space = 1;
    }
    out->len = n;
    p[n] = '\0';
    return 0;
}

int ac_html_text(artconv_buf *out, const xmlNode *node)
{
    return ac_html_text_without(out, node, NULL);
}

int ac_html_text_without(artconv_buf *out, const xmlNode *node, const char *left_out)
{
    const xmlNode *n = node->children;
    size_t start = out->len;
    int space = 1, rc, skip;

    while (n != NULL) {
        skip = 0;
        if (n->type == XML_ELEMENT_NODE) {
            skip = ac_html_skipped(n) || (left_out != NULL && ac_html_is(n, left_out));
            if (!skip && !space && (ac_html_is_block(n) || ac_html_is(n, "br"))) {
                if ((rc = artconv_buf_putc(out, ' ')) < 0)
                    return rc;
                space = 1;
            }
        } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
                   n->content != NULL) {
            if ((rc = ac_html_put_collapsed(out, (const char *)n->content,
                                            strlen((const char *)n->content), &space)) < 0)
                return rc;
        }
        n = ac_xml_next(n, node, skip);
    }
    if (out->len > start && out->ptr[out->len - 1] == ' ') {
        out->len--;
        out->ptr[out->len] = '\0';
    }
    return 0;
}

char *ac_html_url(const ac_html_page *page, const char *href, int image, int *nomem)
{
    const char *s = href, *e;
    char *copy, *res;
    xmlChar *built;
    size_t len;

    *nomem = 0;
    if (s == NULL)
        return NULL;
    while (ac_html_is_space((unsigned char)*s))
        s++;
    e = s + strlen(s);
    while (e > s && ac_html_is_space((unsigned char)e[-1]))
        e--;
    len = (size_t)(e - s);
    if (len == 0)
        return NULL;
    /* Schemes that run code never reach the model (src/url.h). */
    if (!ac_url_is_safe(s, len, image))
        return NULL;
    copy = ac_strndup(s, len);
    if (copy == NULL) {
        *nomem = 1;
        return NULL;
    }
    if (page == NULL || page->base == NULL)
        return copy;
    built = xmlBuildURI((const xmlChar *)copy, page->base);
    if (built == NULL)
        return copy;
    res = ac_strndup((const char *)built, strlen((const char *)built));
    xmlFree(built);
    free(copy);
    if (res == NULL) {
        *nomem = 1;
    } else if (!ac_url_is_safe(res, strlen(res), image)) {
        free(res); /* the base made it unsafe: never, with an http(s) base */
        res = NULL;
    }
    return res;
}

/* Tables that hold data rather than lay out a page: header cells, a
 * caption or summary, or a grid bigger than a layout would use. */
int ac_html_is_data_table(const xmlNode *table)
{
    const xmlNode *n;
    const char *role = ac_html_attr(table, "role");
    size_t rows = 0, cols = 0, c;
    int skip;

    if (role != NULL && ac_strcaseeq(role, "presentation"))
        return 0;
    if (ac_html_attr(table, "summary") != NULL)
        return 1;
    n = table->children;
    while (n != NULL) {
        skip = 0;
        if (n->type == XML_ELEMENT_NODE) {
            if (ac_html_is(n, "table"))
                return 0; /* tables inside tables are layout */
            if (ac_html_is(n, "th") || ac_html_is(n, "thead") || ac_html_is(n, "tfoot") ||
                ac_html_is(n, "col") || ac_html_is(n, "colgroup"))
                return 1;
            if (ac_html_is(n, "caption") && n->children != NULL)
                return 1;
            if (ac_html_is(n, "tr")) {
                const xmlNode *cell;

                rows++;
                for (c = 0, cell = n->children; cell != NULL; cell = cell->next)
                    c += ac_html_is(cell, "td");
                if (c > cols)
                    cols = c;
            }
        }
        n = ac_xml_next(n, table, skip);
    }
    if (rows >= 10 || cols > 4)
        return 1;
    return rows * cols > 10;
}
