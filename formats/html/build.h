/*
 * build.h - what the files of the HTML builder share (private to
 * formats/html/build*.c; the entry points are in html.h and xhtml_in.h):
 * the builder's state, and one function per job the walk in build.c hands
 * out to build_place.c, build_element.c, build_media.c and build_tidy.c.
 */
#ifndef ARTCONV_HTML_BUILD_H
#define ARTCONV_HTML_BUILD_H

#include "html.h"

typedef enum {
    MODE_FLOW = 0, /* blocks go into `block` */
    MODE_INLINE,   /* only inlines fit (heading, cell, caption): blocks flatten */
    MODE_TABLE,    /* inside a data table, outside any cell */
    MODE_FIGURE    /* inside a figure: text goes to its caption */
} build_mode;

typedef struct {
    const xmlNode *el;
    artconv_node *block;
    artconv_node *inl;
    artconv_node *table;
    artconv_node *row;
    artconv_node *figure;
    build_mode mode;
    unsigned gen;
} frame;

typedef struct {
    const ac_html_page *page;
    artconv_error *err;
    artconv_node *block; /* DOCUMENT, ITEM, BLOCKQUOTE or LIST (needs an ITEM) */
    artconv_node *inl;   /* where inlines go, NULL at block level */
    artconv_node *table; /* MODE_TABLE: the table */
    artconv_node *row;   /* MODE_TABLE: the open row */
    artconv_node *figure;
    build_mode mode;
    unsigned gen; /* bumped at each block boundary, see ac_build_leave */
    int space;    /* the inline container ends in a space or is empty */
    artconv_buf tmp;
    frame stack[ARTCONV_MAX_DEPTH + 2];
    size_t depth;
    int consume;                  /* free DOM nodes once built (see release) */
    int fragment;                 /* raw HTML from Markdown, not a page */
    artconv_node *quote;          /* the last block quote made... */
    const xmlNode *quote_wrapper; /* ...and the parent of its element */
} builder;

/* --- where content goes (build_place.c) ---------------------------------- */

/* 1 if two more levels fit below `n` within the writers' depth limit. */
int ac_build_has_room(const artconv_node *n);
/* Ends the open paragraph: the next text opens a new one. */
void ac_build_boundary(builder *b);
/* The block container, making an ITEM when the container is a list; NULL
 * when memory runs out. */
artconv_node *ac_build_flow(builder *b);
/* Appends text, whitespace collapsed, opening a paragraph (or caption,
 * cell) if needed.  Returns 0 or a negative status. */
int ac_build_add_text(builder *b, const char *s, size_t len);
/* A LINEBREAK in the open inline container, if any. */
int ac_build_add_break(builder *b);
/* Opens an inline container of `kind` under the current inline parent, or
 * returns NULL: without error (*rc 0) when the model does not allow it
 * there, with *rc negative when memory ran out. */
artconv_node *ac_build_open_inline(builder *b, artconv_node_kind kind, int *rc);
/* Pushes the frame of `el`, to be restored by ac_build_leave.  Fails with
 * ARTCONV_ELIMIT past ARTCONV_MAX_DEPTH open elements. */
int ac_build_push(builder *b, const xmlNode *el);
/* A space between the texts of blocks flattened into one inline container. */
int ac_build_separate(builder *b);
/* 1 if an element on the stack below the top one is a <q>. */
int ac_build_inside_q(const builder *b);
/* Pops the top frame when its element is left, closing what it opened. */
int ac_build_leave(builder *b);

/* --- elements (build_element.c) ------------------------------------------ */

/* Starts an element: pushes a frame and sets *descend to whether its
 * children are walked.  Elements may open model nodes and change where
 * content goes. */
int ac_build_enter(builder *b, const xmlNode *el, int *descend);

/* --- images and figures (build_media.c) ---------------------------------- */

/* The first <img> below `el` that is not in a nested figure or table. */
const xmlNode *ac_build_first_image(const xmlNode *el);
/* 1 for a credit line inside a figure ("Photo: ...", class="credit"). */
int ac_build_is_credit(const xmlNode *el);
/* An <img>: the figure's image, a figure of its own when it stands alone,
 * or an inline image. */
int ac_build_add_image(builder *b, const xmlNode *el);
/* The figure's credit from the text of `el`, unless it has one. */
int ac_build_add_credit(builder *b, const xmlNode *el);

/* --- the last pass (build_tidy.c) ---------------------------------------- */

/* 1 if the model node holds nothing worth keeping. */
int ac_build_is_empty(const artconv_node *n);
/* Trims and removes empty nodes among `first` and its following siblings
 * (all children of one parent), bottom-up and without recursion. */
int ac_build_tidy(artconv_node *first, artconv_error *err);

#endif /* ARTCONV_HTML_BUILD_H */
