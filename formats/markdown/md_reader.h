/*
 * md_reader.h - the Markdown reader's private parts: the state of one read
 * and the functions its files share (names start ac_mdr_, "Markdown
 * reader").  The files lean one way, each on those listed before it:
 *   read_stack.c     the stack of open model nodes
 *   read_raw_html.c  cmark's raw HTML nodes into the model
 *   read.c           the entry point and the walk over cmark's tree
 * read.c also calls front_matter_read.c, and walks an image's description
 * with cmark_walk.c, which the writer uses too.
 */
#ifndef ARTCONV_MD_READER_H
#define ARTCONV_MD_READER_H

#include "internal.h"

#include <cmark-gfm.h>

/* One open model node, and the cmark node that opened it. */
typedef struct {
    const cmark_node *src;   /* the cmark container, or the opening tag */
    const cmark_node *close; /* for an inline tag: its closing tag */
    artconv_node *node;      /* where children go; the parent's own node
                              * when this level was flattened */
    size_t depth;            /* depth of `node` below the body */
} level;

typedef struct {
    const artconv_read_options *opts;
    artconv_error *err;
    artconv_article *article;
    int line_offset; /* input lines before the Markdown (front matter) */
    level *stack;
    size_t n, cap;
    artconv_buf text; /* adjacent text, merged before it becomes a node */
    artconv_buf tmp;
    int warned_depth;
    int built_html; /* the HTML reader added structure (see the depth check) */
} md_reader;

/* read_stack.c */
/* Starts the stack with one level: the article's body, opened by `doc`. */
int ac_mdr_stack_start(md_reader *r, const cmark_node *doc);
/* The input line of `node`, counting the front matter's lines. */
int ac_mdr_line_of(const md_reader *r, const cmark_node *node);
level *ac_mdr_top(md_reader *r);
/* Turns the merged text into one TEXT node of the current parent. */
int ac_mdr_flush_text(md_reader *r);
/* Opens a model node of `kind` for the cmark node `src`, or, past the
 * depth limit or where the model does not allow it, a flattened level
 * whose children go to the current parent.  `room` is how many levels the
 * new node's content needs below it; `*out` (unless `out` is NULL) is the
 * new node, or NULL for a flattened level. */
int ac_mdr_open_node(md_reader *r, const cmark_node *src, const cmark_node *close,
                     artconv_node_kind kind, size_t room, artconv_node **out);

/* read_raw_html.c: an HTML block, or one inline tag (with `it` moved past
 * what it consumed), into the model. */
int ac_mdr_html_block(md_reader *r, cmark_node *node);
int ac_mdr_html_inline(md_reader *r, cmark_iter *it, cmark_node *node);

#endif /* ARTCONV_MD_READER_H */
