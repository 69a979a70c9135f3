/*
 * fit.c - an article's XHTML made fit for a book: local images embedded
 * (formats/epub/image.c), remote ones dropped with their captions kept,
 * links that would dangle made absolute from the article's source URL or
 * unwrapped, and a lead image the body shows again left out.
 */
#include "epub.h"
#include "xhtml.h"
#include "xml.h"

#include <libxml/uri.h>
#include <stdlib.h>
#include <string.h>

/* Moves the children of `el` in its place and frees it. */
static void unwrap(xmlNodePtr el)
{
    xmlNodePtr child = el->children, next;

    for (; child != NULL; child = next) {
        next = child->next;
        xmlUnlinkNode(child);
        if (xmlAddPrevSibling(el, child) == NULL)
            xmlFreeNode(child);
    }
    xmlUnlinkNode(el);
    xmlFreeNode(el);
}

static int has_content(const xmlNode *el)
{
    const xmlNode *child;

    for (child = el->children; child != NULL; child = child->next) {
        if (child->type == XML_ELEMENT_NODE)
            return 1;
        if (child->type == XML_TEXT_NODE && child->content != NULL) {
            const xmlChar *p;

            for (p = child->content; *p != '\0'; p++)
                if (!ac_is_space(*p))
                    return 1;
        }
    }
    return 0;
}

static int fix_image(ac_epub_chapter *c, xmlNodePtr img)
{
    xmlChar *src = xmlGetProp(img, BAD_CAST "src"), *alt = NULL;
    xmlNodePtr parent = img->parent, text;
    const char *href = NULL;
    int rc;

    rc = ac_epub_article_image(c->book, c->article, c->dir, (const char *)src, 0, &href, c->err);
    if (rc < 0)
        goto cleanup;
    if (href != NULL) {
        rc = ac_xhtml_set_attr(img, "src", href);
        alt = xmlGetProp(img, BAD_CAST "alt");
        if (alt == NULL || alt[0] == '\0')
            c->book->images_without_alt++;
        goto cleanup;
    }
    /* Not embedded: a figure keeps its caption, an inline image its alt
     * text; a figure with no caption shows its alt text as the caption
     * (what the picture was is still worth telling); an empty one goes. */
    alt = xmlGetProp(img, BAD_CAST "alt");
    if (!ac_epub_is_el(parent, "figure") && alt != NULL && alt[0] != '\0') {
        text = xmlNewDocText(img->doc, alt);
        if (text == NULL || xmlAddPrevSibling(img, text) == NULL) {
            xmlFreeNode(text);
            rc = ARTCONV_ENOMEM;
            goto cleanup;
        }
    }
    xmlUnlinkNode(img);
    xmlFreeNode(img);
    if (ac_epub_is_el(parent, "figure") && !has_content(parent) && alt != NULL &&
        alt[0] != '\0') {
        xmlNodePtr caption = xmlNewDocNode(parent->doc, parent->ns, BAD_CAST "figcaption", NULL);

        text = xmlNewDocText(parent->doc, alt);
        if (caption == NULL || text == NULL || xmlAddChild(caption, text) == NULL) {
            xmlFreeNode(caption);
            xmlFreeNode(text);
            rc = ARTCONV_ENOMEM;
            goto cleanup;
        }
        if (xmlAddChild(parent, caption) == NULL) {
            xmlFreeNode(caption);
            rc = ARTCONV_ENOMEM;
            goto cleanup;
        }
    }
    if (ac_epub_is_el(parent, "figure") && !has_content(parent)) {
        xmlUnlinkNode(parent);
        xmlFreeNode(parent);
    }
cleanup:
    xmlFree(src);
    xmlFree(alt);
    return rc < 0 ? ac_nomem(c->err) : ARTCONV_OK;
}

static int has_scheme(const char *url, const char *scheme)
{
    size_t n = strlen(scheme);

    return ac_strncaseeq(url, scheme, n) && url[n] == ':';
}

/* 1 for the schemes a reading system hands to a browser or mail program. */
static int external_ok(const char *url)
{
    return has_scheme(url, "http") || has_scheme(url, "https") || has_scheme(url, "mailto") ||
           has_scheme(url, "ftp") || has_scheme(url, "tel");
}

static int url_has_scheme(const char *url)
{
    const char *p = url;

    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
        return 0;
    while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
           *p == '+' || *p == '-' || *p == '.')
        p++;
    return *p == ':';
}

/* 1 if `url` parses as a URI (epubcheck refuses spaces and the like). */
static int uri_ok(const char *url)
{
    xmlURIPtr uri = xmlParseURI(url);

    if (uri == NULL)
        return 0;
    xmlFreeURI(uri);
    return 1;
}

/* Links inside the book would dangle (the article's anchors are not kept,
 * other pages of the site are not in it): site-relative ones become
 * absolute against the source URL, the rest lose their link but keep
 * their text.  Nested links (invalid HTML) are unwrapped too. */
static int fix_link(ac_epub_chapter *c, xmlNodePtr a)
{
    xmlChar *href = xmlGetProp(a, BAD_CAST "href"), *absolute = NULL;
    xmlNodePtr up;
    int keep = 0, rc = ARTCONV_OK;

    for (up = a->parent; up != NULL; up = up->parent)
        if (ac_epub_is_el(up, "a"))
            goto drop;
    if (href == NULL) {
        keep = 1; /* a plain <a> links nowhere: harmless */
        goto drop;
    }
    if (url_has_scheme((const char *)href)) {
        keep = external_ok((const char *)href) && uri_ok((const char *)href);
    } else if (href[0] != '#' && c->source != NULL && external_ok(c->source)) {
        absolute = xmlBuildURI(href, BAD_CAST c->source);
        if (absolute != NULL && external_ok((const char *)absolute) &&
            uri_ok((const char *)absolute)) {
            rc = ac_xhtml_set_attr(a, "href", (const char *)absolute);
            keep = 1;
        }
    }
drop:
    if (!keep)
        unwrap(a);
    xmlFree(href);
    xmlFree(absolute);
    return rc < 0 ? ac_nomem(c->err) : ARTCONV_OK;
}

/* The src of an <img>, or NULL (borrowed: libxml2 keeps an attribute's
 * value in one text child). */
static const xmlChar *src_of(const xmlNode *img)
{
    xmlAttrPtr attr = xmlHasProp(img, BAD_CAST "src");

    return attr != NULL && attr->children != NULL ? attr->children->content : NULL;
}

/* The src of the first <img> below `el`, or NULL (borrowed). */
static const xmlChar *first_src(const xmlNode *el)
{
    xmlNodePtr node;

    for (node = (xmlNodePtr)el; node != NULL; node = ac_xml_next(node, el, 0))
        if (ac_epub_is_el(node, "img"))
            return src_of(node);
    return NULL;
}

/* Drops the title block's lead figure when the body shows the same image
 * (the HTML reader takes the lead image from the first figure), so that a
 * book does not show it, or its caption, twice in a row.  The body is
 * looked at in the model: its XHTML is built a page at a time, after the
 * header. */
void ac_epub_drop_repeated_lead(xmlNodePtr header, const artconv_node *body)
{
    xmlNodePtr lead = NULL, node;
    const xmlChar *src;

    if (!ac_epub_is_el(header, "header"))
        return;
    for (node = header->children; node != NULL; node = node->next)
        if (ac_epub_is_el(node, "figure"))
            lead = node;
    if (lead == NULL || (src = first_src(lead)) == NULL ||
        !ac_body_shows_image(body, (const char *)src))
        return;
    xmlUnlinkNode(lead);
    xmlFreeNode(lead);
}

/* Images and links of the chapter, fixed in document order.  The elements
 * are collected first, since fixing them changes the tree. */
int ac_epub_fix_tree(ac_epub_chapter *c, xmlNodePtr root)
{
    xmlNodePtr *found = NULL, node;
    size_t n = 0, cap = 0, i;
    int rc = ARTCONV_OK;

    for (node = root; node != NULL; node = ac_xml_next(node, root, 0)) {
        if (ac_epub_is_el(node, "img") || ac_epub_is_el(node, "a")) {
            void *items = found;

            if (ac_epub_reserve(&items, &cap, n, sizeof *found) < 0) {
                rc = ac_nomem(c->err);
                goto cleanup;
            }
            found = items;
            found[n++] = node;
        }
    }
    for (i = 0; i < n; i++)
        AC_CHECK(ac_epub_is_el(found[i], "img") ? fix_image(c, found[i]) : fix_link(c, found[i]));
cleanup:
    free(found);
    return rc;
}
