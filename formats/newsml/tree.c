/*
 * tree.c - the NewsML-G2 reader's lookups in libxml2's tree: names,
 * namespaces, the first child of a name, text and attributes collapsed.
 */
#include "newsml.h"
#include "newsml_reader.h"

#include <string.h>

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

/* Sets `out` to `s` with whitespace collapsed ("" if NULL), and frees `s`. */
static int take_collapsed(artconv_buf *out, xmlChar *s)
{
    int rc;

    artconv_buf_clear(out);
    if (s == NULL)
        return artconv_buf_puts(out, "");
    rc = ac_text_collapse(out, (const char *)s);
    xmlFree(s);
    return rc < 0 ? rc : artconv_buf_puts(out, "");
}

int ac_nml_text_of(artconv_buf *out, const xmlNode *node)
{
    return take_collapsed(out, xmlNodeGetContent(node));
}

int ac_nml_attr_of(artconv_buf *out, const xmlNode *node, const char *name)
{
    return take_collapsed(out, xmlGetProp(node, BAD_CAST name));
}

int ac_nml_has_token(const xmlNode *node, const char *name, const char *word)
{
    xmlChar *value = xmlGetProp(node, BAD_CAST name);
    size_t n = strlen(word);
    const char *p;
    int found = 0;

    for (p = (const char *)value; p != NULL && *p != '\0' && !found;) {
        while (ac_nml_is_space((unsigned char)*p))
            p++;
        found = strncmp(p, word, n) == 0 && (p[n] == '\0' || ac_nml_is_space((unsigned char)p[n]));
        while (*p != '\0' && !ac_nml_is_space((unsigned char)*p))
            p++;
    }
    xmlFree(value);
    return found;
}
