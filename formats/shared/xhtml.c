/*
 * xhtml.c - the article model as a libxml2 tree of (X)HTML elements, shared
 * by the writers that produce HTML or XHTML (see xhtml.h for the mapping):
 * the small tree helpers, URL safety, and the images and credit lines that
 * both the body and the header write.  The other parts (xhtml_parts.h):
 * xhtml_body.c, xhtml_header.c, xhtml_indent.c, xhtml_save.c.
 */
#include "xhtml_parts.h"
#include "url.h"

#include <string.h>

/* --- small tree helpers ---------------------------------------------------- */

xmlDocPtr ac_xhtml_doc_new(void)
{
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");

    if (doc == NULL)
        return NULL;
    doc->encoding = xmlStrdup(BAD_CAST "UTF-8");
    if (doc->encoding == NULL) {
        xmlFreeDoc(doc);
        return NULL;
    }
    return doc;
}

xmlNodePtr ac_xhtml_add(xmlNodePtr parent, const ac_xhtml_options *o, const char *name)
{
    xmlNodePtr el = xmlNewDocNode(parent->doc, o != NULL ? o->ns : NULL, BAD_CAST name, NULL);

    if (el == NULL)
        return NULL;
    if (xmlAddChild(parent, el) == NULL) {
        xmlFreeNode(el);
        return NULL;
    }
    return el;
}

int ac_xhtml_add_text(xmlNodePtr parent, const char *text)
{
    xmlNodePtr node;

    if (text == NULL || *text == '\0')
        return ARTCONV_OK;
    /* A text node's content is taken literally; only xmlNewChild and
     * xmlNewDocProp would parse "&amp;" in it. */
    node = xmlNewDocText(parent->doc, BAD_CAST text);
    if (node == NULL)
        return ARTCONV_ENOMEM;
    /* xmlAddChild may merge the node into a preceding text node and free it. */
    if (xmlAddChild(parent, node) == NULL) {
        xmlFreeNode(node);
        return ARTCONV_ENOMEM;
    }
    return ARTCONV_OK;
}

int ac_xhtml_set_attr(xmlNodePtr el, const char *name, const char *value)
{
    return xmlSetProp(el, BAD_CAST name, BAD_CAST value) != NULL ? ARTCONV_OK : ARTCONV_ENOMEM;
}

xmlNodePtr ac_xhtml_add_text_element(xmlNodePtr parent, const ac_xhtml_options *o, const char *name,
                                     const char *cls, const char *text)
{
    xmlNodePtr el = ac_xhtml_add(parent, o, name);

    if (el == NULL)
        return NULL;
    if ((cls != NULL && ac_xhtml_set_attr(el, "class", cls) < 0) || ac_xhtml_add_text(el, text) < 0)
        return NULL; /* `el` stays in the tree, which the caller frees */
    return el;
}

/* --- URL safety ---------------------------------------------------------- */

int ac_xhtml_url_is_safe(const char *url, int for_image)
{
    return url == NULL || ac_url_is_safe(url, strlen(url), for_image);
}

/* --- images and credits ---------------------------------------------------- */

int ac_xhtml_image_usable(const char *url)
{
    return url != NULL && *url != '\0' && ac_xhtml_url_is_safe(url, 1);
}

/* Reports an image whose URL is refused (none for an image without one). */
void ac_xhtml_warn_refused(const ac_xhtml_options *o, const char *url)
{
    if (url != NULL && *url != '\0')
        ac_warn_write(o->warn, ARTCONV_EINVALID,
                      "image %.200s refused: only relative, http, https and data: PNG, GIF, "
                      "JPEG or WebP image URLs are written",
                      url);
}

/* An image, or its alt text when it has no usable URL. */
int ac_xhtml_add_image(xmlNodePtr parent, const ac_xhtml_options *o, const char *url,
                       const char *alt, const char *title)
{
    xmlNodePtr img;

    if (!ac_xhtml_image_usable(url)) {
        ac_xhtml_warn_refused(o, url);
        return ac_xhtml_add_text(parent, alt);
    }
    img = ac_xhtml_add(parent, o, "img");
    if (img == NULL || ac_xhtml_set_attr(img, "src", url) < 0 ||
        ac_xhtml_set_attr(img, "alt", alt != NULL ? alt : "") < 0 ||
        (title != NULL && ac_xhtml_set_attr(img, "title", title) < 0))
        return ARTCONV_ENOMEM;
    return ARTCONV_OK;
}

/* Ends a figcaption with the credit line. */
int ac_xhtml_add_credit(xmlNodePtr figcaption, const ac_xhtml_options *o, const char *credit)
{
    if (figcaption->children != NULL && ac_xhtml_add_text(figcaption, " ") < 0)
        return ARTCONV_ENOMEM;
    return ac_xhtml_add_text_element(figcaption, o, "small", "credit", credit) != NULL
               ? ARTCONV_OK
               : ARTCONV_ENOMEM;
}

int ac_xhtml_is_element(const xmlNode *node, const char *name)
{
    return node != NULL && node->type == XML_ELEMENT_NODE && xmlStrEqual(node->name, BAD_CAST name);
}
