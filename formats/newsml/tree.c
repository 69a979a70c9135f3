/*
 * tree.c - the NewsML-G2 reader's lookups in libxml2's tree: names,
 * namespaces, the first child of a name, text and attributes collapsed.
 */
#include "newsml.h"
#include "newsml_reader.h"

int ac_nml_is_named(const xmlNode *node, const char *name)
{
    return node != NULL && node->type == XML_ELEMENT_NODE && xmlStrEqual(node->name, BAD_CAST name);
}

int ac_nml_in_ns(const xmlNode *node, const char *uri)
{
    return node->ns != NULL && xmlStrEqual(node->ns->href, BAD_CAST uri);
}

/* A NewsML-G2 element of this name. */
int ac_nml_is_nar(const xmlNode *node, const char *name)
{
    return ac_nml_is_named(node, name) && ac_nml_in_ns(node, AC_NEWSML_NS);
}

/* The first child element called `name`, whatever its namespace. */
xmlNodePtr ac_nml_child(const xmlNode *parent, const char *name)
{
    xmlNodePtr c;

    for (c = parent->children; c != NULL; c = c->next)
        if (ac_nml_is_named(c, name))
            return c;
    return NULL;
}

xmlNodePtr ac_nml_first_element(const xmlNode *parent)
{
    xmlNodePtr c;

    for (c = parent->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            return c;
    return NULL;
}

int ac_nml_is_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Sets `out` to the element's text, whitespace collapsed ("" if none). */
int ac_nml_text_of(artconv_buf *out, const xmlNode *node)
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
int ac_nml_attr_of(artconv_buf *out, const xmlNode *node, const char *name)
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
