/*
 * build_place.c - where the builder puts what it meets: the frame stack
 * (one frame an open element, popped when the element is left), the block
 * and inline containers, paragraphs opened for loose text, and the text,
 * line breaks and inline containers placed in them.
 */
#include "build.h"

#include <string.h>

static size_t model_depth(const artconv_node *n)
{
    size_t d = 0;

    while ((n = artconv_node_parent(n)) != NULL)
        d++;
    return d;
}

/* Room for two more levels below `n` within the writers' depth limit. */
int ac_build_has_room(const artconv_node *n)
{
    return n == NULL || model_depth(n) + 3 < ARTCONV_MAX_DEPTH;
}

/* Ends the open paragraph: the next text opens a new one. */
void ac_build_boundary(builder *b)
{
    if (b->mode == MODE_FLOW) {
        b->inl = NULL;
        b->gen++;
    }
}

/* The block container, making an ITEM when the container is a list. */
artconv_node *ac_build_flow(builder *b)
{
    if (artconv_node_get_kind(b->block) == ARTCONV_NODE_LIST) {
        artconv_node *item = ac_node_add(b->block, ARTCONV_NODE_ITEM, b->err);

        if (item == NULL)
            return NULL;
        b->block = item;
    }
    return b->block;
}

/* The inline container, opening a paragraph (or caption, cell) if needed. */
static artconv_node *inline_parent(builder *b)
{
    artconv_node *parent;

    if (b->inl != NULL)
        return b->inl;
    switch (b->mode) {
    case MODE_FIGURE:
        /* One caption a figure: text after an inner block joins it. */
        b->inl = artconv_node_first_child(b->figure);
        if (b->inl == NULL)
            b->inl = ac_node_add(b->figure, ARTCONV_NODE_CAPTION, b->err);
        break;
    case MODE_TABLE:
        if (b->row == NULL &&
            (b->row = ac_node_add(b->table, ARTCONV_NODE_TABLE_ROW, b->err)) == NULL)
            return NULL;
        b->inl = ac_node_add(b->row, ARTCONV_NODE_TABLE_CELL, b->err);
        break;
    default:
        if ((parent = ac_build_flow(b)) == NULL)
            return NULL;
        b->inl = ac_node_add(parent, ARTCONV_NODE_PARAGRAPH, b->err);
        break;
    }
    b->space = 1;
    return b->inl;
}

int ac_build_add_text(builder *b, const char *s, size_t len)
{
    size_t i;
    artconv_node *parent;
    int rc;

    if (b->inl == NULL) {
        for (i = 0; i < len && ac_html_is_space((unsigned char)s[i]); i++)
            ;
        if (i == len)
            return 0;
        if (b->mode == MODE_TABLE)
            return 0; /* stray text between rows and cells */
    }
    if ((parent = inline_parent(b)) == NULL)
        return ARTCONV_ENOMEM;
    artconv_buf_clear(&b->tmp);
    if ((rc = ac_html_put_collapsed(&b->tmp, s, len, &b->space)) < 0)
        return ac_nomem(b->err);
    if (b->tmp.len == 0)
        return 0;
    return ac_node_add_text(parent, b->tmp.ptr, b->tmp.len, b->err) == NULL ? ARTCONV_ENOMEM : 0;
}

int ac_build_add_break(builder *b)
{
    if (b->inl == NULL)
        return 0;
    if (ac_node_add(b->inl, ARTCONV_NODE_LINEBREAK, b->err) == NULL)
        return ARTCONV_ENOMEM;
    b->space = 1;
    return 0;
}

/* Opens an inline container of `kind` under the current inline parent, or
 * returns NULL (without error) when the model does not allow it there. */
artconv_node *ac_build_open_inline(builder *b, artconv_node_kind kind, int *rc)
{
    artconv_node *parent;

    *rc = 0;
    if (b->mode == MODE_TABLE)
        return NULL;
    if ((parent = inline_parent(b)) == NULL) {
        *rc = ARTCONV_ENOMEM;
        return NULL;
    }
    if (!artconv_node_can_contain(artconv_node_get_kind(parent), kind) ||
        !ac_build_has_room(parent))
        return NULL;
    return ac_node_add(parent, kind, b->err);
}

int ac_build_push(builder *b, const xmlNode *el)
{
    frame *f;

    if (b->depth >= sizeof b->stack / sizeof b->stack[0])
        return ac_error(b->err, ARTCONV_ELIMIT, "elements nest more than %d levels deep",
                        ARTCONV_MAX_DEPTH);
    f = &b->stack[b->depth++];
    f->el = el;
    f->block = b->block;
    f->inl = b->inl;
    f->table = b->table;
    f->row = b->row;
    f->figure = b->figure;
    f->mode = b->mode;
    f->gen = b->gen;
    return 0;
}

/* A space between the texts of blocks flattened into one inline container. */
int ac_build_separate(builder *b)
{
    if (b->mode != MODE_FLOW && b->inl != NULL && !b->space)
        return ac_build_add_text(b, " ", 1);
    return 0;
}

/* 1 if an element on the stack below the top one is a <q>: a quote inside
 * a quote takes single marks. */
int ac_build_inside_q(const builder *b)
{
    size_t i;

    for (i = 0; i + 1 < b->depth; i++)
        if (ac_html_is(b->stack[i].el, "q"))
            return 1;
    return 0;
}

int ac_build_leave(builder *b)
{
    const frame *f = &b->stack[b->depth - 1];
    int blockish = ac_html_is_block(f->el), rc = 0;
    /* <q> shows its quotation marks, as browsers draw them. */
    const char *close =
        ac_html_is(f->el, "q") ? (ac_build_inside_q(b) ? "\xe2\x80\x99" : "\xe2\x80\x9d") : NULL;
    unsigned gen = b->gen;

    b->depth--;
    b->block = f->block;
    b->table = f->table;
    b->row = f->row;
    b->figure = f->figure;
    b->mode = f->mode;
    if (b->mode == MODE_FLOW) {
        b->inl = !blockish && f->gen == gen ? f->inl : NULL;
        if (blockish)
            b->gen++;
    } else {
        b->inl = f->inl;
        if (blockish)
            rc = ac_build_separate(b);
    }
    if (rc == 0 && close != NULL && b->inl != NULL)
        rc = ac_build_add_text(b, close, 3);
    return rc;
}
