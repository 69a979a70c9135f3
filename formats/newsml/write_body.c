/*
 * write_body.c - the NewsML-G2 writer's body: the article as an XHTML
 * document by formats/shared/xhtml.c, with the lead image first and no
 * heading that only repeats the headline.
 */
#include "newsml.h"
#include "newsml_writer.h"
#include "xhtml.h"

#include <string.h>

/* Puts <figure class="lead"><img src alt/><figcaption>caption <small
 * class="credit">credit</small></figcaption></figure>, the shape formats/shared/xhtml.c
 * gives the lead image in a page header, first in the body, unless the
 * body shows that image already. */
static int add_lead_image(xmlNodePtr body, const ac_xhtml_options *o, const artconv_article *a)
{
    const char *image = artconv_article_get(a, ARTCONV_META_IMAGE);
    const char *alt = artconv_article_get(a, ARTCONV_META_IMAGE_ALT);
    const char *caption = artconv_article_get(a, ARTCONV_META_IMAGE_CAPTION);
    const char *credit = artconv_article_get(a, ARTCONV_META_IMAGE_CREDIT);
    xmlNodePtr figure, img, figcaption;
    int rc = ARTCONV_OK;

    /* The body's XHTML is built later, a block at a time: the model says
     * whether it shows the image (pages often repeat their lead image). */
    if (image == NULL || !ac_xhtml_url_is_safe(image, 1) ||
        ac_body_shows_image(artconv_article_body(a), image))
        return ARTCONV_OK;
    AC_NEED(figure = xmlNewDocNode(body->doc, o->ns, BAD_CAST "figure", NULL));
    /* First in the body; xmlAddChild for an empty one. */
    if ((body->children != NULL ? xmlAddPrevSibling(body->children, figure)
                                : xmlAddChild(body, figure)) == NULL) {
        xmlFreeNode(figure);
        return ARTCONV_ENOMEM;
    }
    AC_CHECK(ac_xhtml_set_attr(figure, "class", AC_NEWSML_LEAD_CLASS));
    AC_NEED(img = ac_xhtml_add(figure, o, "img"));
    AC_CHECK(ac_xhtml_set_attr(img, "src", image));
    AC_CHECK(ac_xhtml_set_attr(img, "alt", alt != NULL ? alt : ""));
    if (caption == NULL && credit == NULL)
        return ARTCONV_OK;
    AC_NEED(figcaption = ac_xhtml_add_text_element(figure, o, "figcaption", NULL, caption));
    if (credit != NULL) {
        if (caption != NULL)
            AC_CHECK(ac_xhtml_add_text(figcaption, " "));
        AC_NEED(ac_xhtml_add_text_element(figcaption, o, "small", "credit", credit));
    }
cleanup:
    return rc;
}

/* 1 if the element's text, whitespace runs read as one space, is `title`
 * read the same way. */
static int same_text(const xmlNode *el, const char *title)
{
    artconv_buf a = ARTCONV_BUF_INIT, b = ARTCONV_BUF_INIT;
    xmlChar *text = xmlNodeGetContent(el);
    int same = 0;

    if (text != NULL && ac_text_collapse(&a, (const char *)text) == 0 &&
        ac_text_collapse(&b, title) == 0)
        same = strcmp(a.ptr, b.ptr) == 0;
    xmlFree(text);
    artconv_buf_dispose(&a);
    artconv_buf_dispose(&b);
    return same;
}

/* The headline is contentMeta's, so a body <h1> repeating it (as text and
 * web pages often have) is dropped.  Walks in document order without
 * recursion. */
static void drop_title_headings(xmlNodePtr body, void *payload)
{
    const char *title = payload;
    xmlNodePtr node = body->children, next;

    while (node != NULL) {
        next = ac_xml_next(node, body, 1);
        if (node->type == XML_ELEMENT_NODE && xmlStrEqual(node->name, BAD_CAST "h1") &&
            same_text(node, title)) {
            xmlUnlinkNode(node);
            xmlFreeNode(node);
        } else if (node->type == XML_ELEMENT_NODE && node->children != NULL) {
            next = node->children;
        }
        node = next;
    }
}

/* Builds <html xmlns="...XHTML"><head><title/></head><body>...</body></html>
 * and appends it serialised, indented for its place in the item. */
int ac_nml_build_body(artconv_buf *out, const artconv_article *a, artconv_error *err)
{
    const char *title = artconv_article_get(a, ARTCONV_META_TITLE);
    const char *language = artconv_article_get(a, ARTCONV_META_LANGUAGE);
    artconv_buf lang = ARTCONV_BUF_INIT;
    ac_xhtml_options o = {NULL};
    xmlDocPtr doc = ac_xhtml_doc_new();
    xmlNodePtr html = NULL, head, body, mark;
    int rc = ARTCONV_OK;

    AC_NEED(doc);
    /* Unlinked from the document: see ac_xhtml_save. */
    AC_NEED(html = xmlNewDocNode(doc, NULL, BAD_CAST "html", NULL));
    AC_NEED(o.ns = xmlNewNs(html, BAD_CAST AC_XHTML_NS, NULL));
    xmlSetNs(html, o.ns);
    if (language != NULL) {
        rc = ac_nml_put_language(&lang, language);
        if (rc < 0)
            goto cleanup;
        if (rc == 1)
            AC_CHECK(ac_xhtml_set_attr(html, "lang", lang.ptr));
        rc = ARTCONV_OK;
    }
    AC_NEED(head = ac_xhtml_add(html, &o, "head"));
    AC_NEED(ac_xhtml_add_text_element(head, &o, "title", NULL, title != NULL ? title : ""));
    AC_NEED(body = ac_xhtml_add(html, &o, "body"));
    /* The body is written in place of the mark, a block at a time. */
    AC_NEED(mark = ac_xhtml_add_text_element(body, &o, "div", AC_XHTML_BODY_MARK, NULL));
    AC_CHECK(add_lead_image(body, &o, a));
    /* newsItem > contentSet > inlineXML > html, so body's blocks are at 5 */
    AC_CHECK(ac_xhtml_indent(html, 3, err));
    AC_CHECK(ac_xhtml_save_around(out, html, mark, artconv_article_body(a), 5, &o,
                                  title != NULL ? drop_title_headings : NULL, (void *)title, err));
cleanup:
    xmlFreeNode(html);
    xmlFreeDoc(doc);
    artconv_buf_dispose(&lang);
    return rc;
}
