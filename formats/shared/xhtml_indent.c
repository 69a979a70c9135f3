/*
 * xhtml_indent.c - whitespace between block-level elements so that the
 * written (X)HTML shows its structure, and nowhere it could render.
 */
#include "xhtml_parts.h"

/* Elements whose children are indented, one level deeper. */
static const char *const containers[] = {
    "html",  "head",  "body",  "article", "header", "footer",     "section", "div",
    "main",  "nav",   "aside", "ul",      "ol",     "li",         "figure",  "table",
    "thead", "tbody", "tfoot", "tr",      "dl",     "blockquote",
};

/* Further elements that start on a line of their own.  Whitespace beside a
 * block-level box does not render, so it is safe next to these only. */
static const char *const blocks[] = {
    "p",     "h1",     "h2",   "h3",      "h4",         "h5",      "h6",   "pre",
    "hr",    "td",     "th",   "caption", "figcaption", "title",   "meta", "link",
    "style", "script", "base", "dt",      "dd",         "address",
};

static int name_in(const xmlNode *node, const char *const *names, size_t count)
{
    size_t i;

    if (node == NULL || node->type != XML_ELEMENT_NODE)
        return 0;
    for (i = 0; i < count; i++)
        if (xmlStrEqual(node->name, BAD_CAST names[i]))
            return 1;
    return 0;
}

static int is_container(const xmlNode *node)
{
    return name_in(node, containers, sizeof containers / sizeof containers[0]);
}

static int is_block(const xmlNode *node)
{
    return is_container(node) || name_in(node, blocks, sizeof blocks / sizeof blocks[0]) ||
           (ac_xhtml_is_element(node, "img") && ac_xhtml_is_element(node->parent, "figure"));
}

static xmlNodePtr new_indent(xmlDocPtr doc, int level)
{
    char ws[1 + 2 * AC_XHTML_INDENT_MAX_LEVEL];
    int n;

    if (level > AC_XHTML_INDENT_MAX_LEVEL)
        level = AC_XHTML_INDENT_MAX_LEVEL;
    ws[0] = '\n';
    for (n = 0; n < 2 * level; n++)
        ws[1 + n] = ' ';
    return xmlNewDocTextLen(doc, BAD_CAST ws, 1 + 2 * level);
}

/* Puts each block child of `el` (at `level`) on a new line, and the end tag
 * too when the last child is a block. */
static int indent_children(xmlNodePtr el, int level)
{
    xmlNodePtr child, ws;

    if (level + 1 > AC_XHTML_INDENT_MAX_LEVEL)
        return ARTCONV_OK;
    for (child = el->children; child != NULL; child = child->next) {
        if (!is_block(child))
            continue;
        ws = new_indent(el->doc, level + 1);
        if (ws == NULL)
            return ARTCONV_ENOMEM;
        if (xmlAddPrevSibling(child, ws) == NULL) {
            xmlFreeNode(ws);
            return ARTCONV_ENOMEM;
        }
    }
    if (is_block(el->last)) {
        ws = new_indent(el->doc, level);
        if (ws == NULL)
            return ARTCONV_ENOMEM;
        if (xmlAddChild(el, ws) == NULL) {
            xmlFreeNode(ws);
            return ARTCONV_ENOMEM;
        }
    }
    return ARTCONV_OK;
}

int ac_xhtml_indent(xmlNodePtr root, int depth, artconv_error *err)
{
    ac_xml_walk w;
    ac_xml_event ev;

    /* Into containers only: every element walked is one level deeper than
     * its parent container. */
    ac_xml_walk_init(&w, root);
    while ((ev = ac_xml_walk_next(&w)) != AC_XML_DONE) {
        xmlNodePtr el = ac_xml_walk_node(&w);

        if (ev != AC_XML_ENTER)
            continue;
        if (!is_container(el))
            ac_xml_walk_skip(&w);
        else if (indent_children(el, depth + (int)ac_xml_walk_depth(&w)) < 0)
            return ac_nomem(err);
    }
    return ARTCONV_OK;
}
