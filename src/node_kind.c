/*
 * node_kind.c - the node kinds: their names, which are blocks or inlines
 * or leaves, and which kind may hold which (the tree's one containment
 * rule, as artconv.h documents it).
 */
#include "internal.h"

#include <string.h>

static const char *const kind_names[] = {
    [ARTCONV_NODE_NONE] = "none",
    [ARTCONV_NODE_DOCUMENT] = "document",
    [ARTCONV_NODE_HEADING] = "heading",
    [ARTCONV_NODE_PARAGRAPH] = "paragraph",
    [ARTCONV_NODE_BLOCKQUOTE] = "blockquote",
    [ARTCONV_NODE_LIST] = "list",
    [ARTCONV_NODE_ITEM] = "item",
    [ARTCONV_NODE_CODE_BLOCK] = "code_block",
    [ARTCONV_NODE_THEMATIC_BREAK] = "thematic_break",
    [ARTCONV_NODE_FIGURE] = "figure",
    [ARTCONV_NODE_CAPTION] = "caption",
    [ARTCONV_NODE_ATTRIBUTION] = "attribution",
    [ARTCONV_NODE_TABLE] = "table",
    [ARTCONV_NODE_TABLE_ROW] = "table_row",
    [ARTCONV_NODE_TABLE_CELL] = "table_cell",
    [ARTCONV_NODE_TEXT] = "text",
    [ARTCONV_NODE_SOFTBREAK] = "softbreak",
    [ARTCONV_NODE_LINEBREAK] = "linebreak",
    [ARTCONV_NODE_CODE] = "code",
    [ARTCONV_NODE_EMPH] = "emph",
    [ARTCONV_NODE_STRONG] = "strong",
    [ARTCONV_NODE_LINK] = "link",
    [ARTCONV_NODE_IMAGE] = "image",
    [ARTCONV_NODE_SUPERSCRIPT] = "superscript",
    [ARTCONV_NODE_SUBSCRIPT] = "subscript",
    [ARTCONV_NODE_RAW_HTML_BLOCK] = "raw_html_block",
    [ARTCONV_NODE_RAW_HTML_INLINE] = "raw_html_inline",
};

int ac_node_kind_valid(artconv_node_kind kind)
{
    return kind >= ARTCONV_NODE_FIRST_BLOCK && kind <= ARTCONV_NODE_LAST_KIND;
}

/* The raw HTML kinds lie past the numeric ranges (they came later), so
 * these two add them by hand; everything else asks them. */
int artconv_node_kind_is_block(artconv_node_kind kind)
{
    return (kind >= ARTCONV_NODE_FIRST_BLOCK && kind <= ARTCONV_NODE_LAST_BLOCK) ||
           kind == ARTCONV_NODE_RAW_HTML_BLOCK;
}

int artconv_node_kind_is_inline(artconv_node_kind kind)
{
    return (kind >= ARTCONV_NODE_FIRST_INLINE && kind <= ARTCONV_NODE_LAST_INLINE) ||
           kind == ARTCONV_NODE_RAW_HTML_INLINE;
}

/* Blocks that may stand in a document, a quote or a list item. */
static int is_flow_block(artconv_node_kind kind)
{
    switch (kind) {
    case ARTCONV_NODE_HEADING:
    case ARTCONV_NODE_PARAGRAPH:
    case ARTCONV_NODE_BLOCKQUOTE:
    case ARTCONV_NODE_LIST:
    case ARTCONV_NODE_CODE_BLOCK:
    case ARTCONV_NODE_THEMATIC_BREAK:
    case ARTCONV_NODE_FIGURE:
    case ARTCONV_NODE_TABLE:
    case ARTCONV_NODE_RAW_HTML_BLOCK:
        return 1;
    default:
        return 0;
    }
}

const char *artconv_node_kind_name(artconv_node_kind kind)
{
    if (!ac_node_kind_valid(kind))
        return NULL;
    return kind_names[kind];
}

artconv_node_kind artconv_node_kind_from_name(const char *name)
{
    int kind;

    if (name == NULL)
        return ARTCONV_NODE_NONE;
    for (kind = ARTCONV_NODE_FIRST_BLOCK; kind <= ARTCONV_NODE_LAST_KIND; kind++)
        if (strcmp(kind_names[kind], name) == 0)
            return (artconv_node_kind)kind;
    return ARTCONV_NODE_NONE;
}

int artconv_node_kind_is_leaf(artconv_node_kind kind)
{
    switch (kind) {
    case ARTCONV_NODE_CODE_BLOCK:
    case ARTCONV_NODE_THEMATIC_BREAK:
    case ARTCONV_NODE_TEXT:
    case ARTCONV_NODE_SOFTBREAK:
    case ARTCONV_NODE_LINEBREAK:
    case ARTCONV_NODE_CODE:
    case ARTCONV_NODE_IMAGE:
    case ARTCONV_NODE_RAW_HTML_BLOCK:
    case ARTCONV_NODE_RAW_HTML_INLINE:
        return 1;
    default:
        return 0;
    }
}

int artconv_node_can_contain(artconv_node_kind parent, artconv_node_kind child)
{
    if (!ac_node_kind_valid(parent) || !ac_node_kind_valid(child) || child == ARTCONV_NODE_DOCUMENT)
        return 0;
    switch (parent) {
    case ARTCONV_NODE_DOCUMENT:
    case ARTCONV_NODE_ITEM:
        return is_flow_block(child);
    case ARTCONV_NODE_BLOCKQUOTE:
        return is_flow_block(child) || child == ARTCONV_NODE_ATTRIBUTION;
    case ARTCONV_NODE_LIST:
        return child == ARTCONV_NODE_ITEM;
    case ARTCONV_NODE_FIGURE:
        return child == ARTCONV_NODE_CAPTION;
    case ARTCONV_NODE_TABLE:
        return child == ARTCONV_NODE_TABLE_ROW;
    case ARTCONV_NODE_TABLE_ROW:
        return child == ARTCONV_NODE_TABLE_CELL;
    case ARTCONV_NODE_HEADING:
    case ARTCONV_NODE_PARAGRAPH:
    case ARTCONV_NODE_CAPTION:
    case ARTCONV_NODE_ATTRIBUTION:
    case ARTCONV_NODE_TABLE_CELL:
    case ARTCONV_NODE_EMPH:
    case ARTCONV_NODE_STRONG:
    case ARTCONV_NODE_LINK:
    case ARTCONV_NODE_SUPERSCRIPT:
    case ARTCONV_NODE_SUBSCRIPT:
        return artconv_node_kind_is_inline(child);
    default:
        return 0;
    }
}
