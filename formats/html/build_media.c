/*
 * build_media.c - figures, images and their credits: which source an
 * <img> stands for (lazy-loading attributes, srcset), an image alone in a
 * block becoming a figure, and credit lines inside a figure.
 */
#include "build.h"

#include <stdlib.h>
#include <string.h>

/* An image's source: lazy-loading attributes first when src is a
 * placeholder, then the first srcset candidate. */
static const char *image_source(const xmlNode *img, char *scratch, size_t size)
{
    static const char *const lazy[] = {"data-src", "data-lazy-src",   "data-original",
                                       "data-url", "data-hi-res-src", NULL};
    const char *src = ac_html_attr(img, "src"), *v;
    size_t i;

    if (src != NULL && *src != '\0' && !ac_strncaseeq(src, "data:", 5))
        return src;
    for (i = 0; lazy[i] != NULL; i++)
        if ((v = ac_html_attr(img, lazy[i])) != NULL && *v != '\0')
            return v;
    if ((v = ac_html_attr(img, "srcset")) == NULL)
        v = ac_html_attr(img, "data-srcset");
    if (v != NULL && *v != '\0') {
        for (i = 0;
             v[i] != '\0' && !ac_html_is_space((unsigned char)v[i]) && v[i] != ',' && i + 1 < size;
             i++)
            scratch[i] = v[i];
        scratch[i] = '\0';
        if (i > 0)
            return scratch;
    }
    return src;
}

static int set_image(builder *b, artconv_node *node, const xmlNode *img)
{
    char scratch[2048];
    const char *alt = ac_html_attr(img, "alt"), *title;
    char *url;
    int nomem, rc = 0;

    url = ac_html_url(b->page, image_source(img, scratch, sizeof scratch), 1, &nomem);
    if (nomem)
        return ac_nomem(b->err);
    if (url == NULL)
        return 1; /* no usable source */
    rc = ac_node_set_url_n(node, url, strlen(url), b->err);
    free(url);
    if (rc == 0 && alt != NULL && *alt != '\0')
        rc = ac_node_set_alt_n(node, alt, strlen(alt), b->err);
    /* A figure's words are its caption; an inline image keeps its title. */
    title = ac_html_attr(img, "title");
    if (rc == 0 && title != NULL && *title != '\0' &&
        artconv_node_get_kind(node) == ARTCONV_NODE_IMAGE)
        rc = ac_node_set_title_n(node, title, strlen(title), b->err);
    return rc;
}

const xmlNode *ac_build_first_image(const xmlNode *el)
{
    const xmlNode *n;

    for (n = el->children; n != NULL; n = ac_xml_next(n, el, 0)) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (ac_html_is(n, "img"))
            return n;
        if (ac_html_is(n, "figure") || ac_html_is(n, "table"))
            return NULL; /* a nested figure keeps its own image */
    }
    return NULL;
}

/* Credit lines inside figures: "Photo: ...", class="credit". */
int ac_build_is_credit(const xmlNode *el)
{
    static const char *const words[] = {"credit",   "copyright", "photographer", "byline", "source",
                                        "courtesy", NULL};
    const char *cls = ac_html_attr(el, "class");
    size_t i;

    if (cls == NULL)
        return 0;
    for (i = 0; words[i] != NULL; i++)
        if (strstr(cls, words[i]) != NULL)
            return 1;
    return 0;
}

/* Tracking pixels and spacers. */
static int is_tiny(const xmlNode *img)
{
    const char *w = ac_html_attr(img, "width"), *h = ac_html_attr(img, "height");

    return (w != NULL && atoi(w) > 0 && atoi(w) <= 2) || (h != NULL && atoi(h) > 0 && atoi(h) <= 2);
}

int ac_build_add_image(builder *b, const xmlNode *el)
{
    artconv_node *node, *parent;
    int rc;

    if (is_tiny(el))
        return 0;
    if (b->mode == MODE_FIGURE) {
        if (artconv_node_get_url(b->figure) != NULL)
            return 0;
        rc = set_image(b, b->figure, el);
        return rc > 0 ? 0 : rc;
    }
    if (b->mode == MODE_TABLE)
        return 0;
    if (b->mode == MODE_FLOW &&
        (b->inl == NULL || (artconv_node_get_kind(b->inl) == ARTCONV_NODE_PARAGRAPH &&
                            artconv_node_first_child(b->inl) == NULL))) {
        /* An image standing alone is a figure, placed before the empty
         * paragraph that may be waiting for text after it. */
        if ((node = artconv_node_new(ARTCONV_NODE_FIGURE)) == NULL)
            return ac_nomem(b->err);
        if ((rc = set_image(b, node, el)) != 0) {
            artconv_node_free(node);
            return rc > 0 ? 0 : rc;
        }
        if (b->inl != NULL)
            rc = artconv_node_insert_before(b->inl, node, b->err);
        else if ((parent = ac_build_flow(b)) == NULL)
            rc = ARTCONV_ENOMEM;
        else
            rc = artconv_node_append(parent, node, b->err);
        if (rc < 0)
            artconv_node_free(node);
        return rc;
    }
    if ((node = ac_build_open_inline(b, ARTCONV_NODE_IMAGE, &rc)) == NULL)
        return rc;
    if ((rc = set_image(b, node, el)) > 0) {
        artconv_node_free(node);
        return 0;
    }
    b->space = 0; /* a space after the image is a word boundary to keep */
    return rc;
}

int ac_build_add_credit(builder *b, const xmlNode *el)
{
    if (artconv_node_get_credit(b->figure) != NULL)
        return 0;
    artconv_buf_clear(&b->tmp);
    if (ac_html_text(&b->tmp, el) < 0)
        return ac_nomem(b->err);
    if (b->tmp.len == 0)
        return 0;
    return ac_node_set_credit_n(b->figure, b->tmp.ptr, b->tmp.len, b->err);
}
