/*
 * read_stack.c - the Markdown reader's stack of open model nodes: where the
 * next node goes, how deep it is, and the text merged before it becomes a
 * node.  A level that the depth limit or the model refuses is "flattened":
 * its children go to the parent's node, so cmark's tree maps onto the model
 * without recursion and never deeper than ARTCONV_MAX_DEPTH.
 */
#include "md_reader.h"

#include <stdlib.h>

int ac_mdr_stack_start(md_reader *r, const cmark_node *doc)
{
    r->cap = 64;
    if ((r->stack = malloc(r->cap * sizeof *r->stack)) == NULL)
        return ac_nomem(r->err);
    r->stack[0].src = doc;
    r->stack[0].close = NULL;
    r->stack[0].node = artconv_article_body(r->article);
    r->stack[0].depth = 0;
    r->n = 1;
    return ARTCONV_OK;
}

int ac_mdr_line_of(const md_reader *r, const cmark_node *node)
{
    return cmark_node_get_start_line((cmark_node *)node) + r->line_offset;
}

level *ac_mdr_top(md_reader *r)
{
    return &r->stack[r->n - 1];
}

static int push(md_reader *r, const cmark_node *src, const cmark_node *close, artconv_node *node,
                size_t depth)
{
    if (r->n == r->cap) {
        size_t cap = r->cap * 2;
        level *grown = realloc(r->stack, cap * sizeof *grown);

        if (grown == NULL)
            return ac_nomem(r->err);
        r->stack = grown;
        r->cap = cap;
    }
    r->stack[r->n].src = src;
    r->stack[r->n].close = close;
    r->stack[r->n].node = node;
    r->stack[r->n].depth = depth;
    r->n++;
    return ARTCONV_OK;
}

int ac_mdr_flush_text(md_reader *r)
{
    if (r->text.len == 0)
        return ARTCONV_OK;
    if (ac_node_add_text(ac_mdr_top(r)->node, r->text.ptr, r->text.len, r->err) == NULL)
        return r->err != NULL ? r->err->code : ARTCONV_ENOMEM;
    artconv_buf_clear(&r->text);
    return ARTCONV_OK;
}

int ac_mdr_open_node(md_reader *r, const cmark_node *src, const cmark_node *close,
                     artconv_node_kind kind, size_t room, artconv_node **out)
{
    level *l = ac_mdr_top(r);
    artconv_node *node;

    if (out != NULL)
        *out = NULL;
    if (kind == ARTCONV_NODE_NONE ||
        !artconv_node_can_contain(artconv_node_get_kind(l->node), kind))
        return push(r, src, close, l->node, l->depth);
    if (l->depth + 1 + room > ARTCONV_MAX_DEPTH) {
        if (!r->warned_depth)
            ac_warn_read(r->opts, ARTCONV_ELIMIT, ac_mdr_line_of(r, src),
                         "nesting deeper than %d levels is flattened", ARTCONV_MAX_DEPTH);
        r->warned_depth = 1;
        return push(r, src, close, l->node, l->depth);
    }
    if ((node = ac_node_add(l->node, kind, r->err)) == NULL)
        return r->err != NULL ? r->err->code : ARTCONV_ENOMEM;
    if (out != NULL)
        *out = node;
    return push(r, src, close, node, l->depth + 1);
}
