/*
 * text_writer.h - what the parts of the plain-text writer share: the state
 * of one write, the line layout (layout.c), the inline text
 * (write_inline.c), tables (write_table.c) and the body walk
 * (write_body.c).  write.c writes the header and the whole around them.
 */
#ifndef ARTCONV_TEXT_WRITER_H
#define ARTCONV_TEXT_WRITER_H

#include "internal.h"

typedef struct ac_tw_frame {
    artconv_node_kind kind;
    size_t cont_len; /* length of w->cont before this container */
    int number;      /* LIST: the next item's number */
    int items;       /* LIST: items written so far */
} ac_tw_frame;

typedef struct ac_tw_writer {
    artconv_buf *out;
    const artconv_write_options *opts;
    artconv_error *err;
    int width;
    artconv_buf cont;  /* prefix of every line in the current container */
    artconv_buf first; /* prefix of the next line, when has_first */
    int has_first;     /* a list item or quote has just begun */
    int need_blank;    /* a blank line goes before the next block */
    artconv_buf refs;  /* "[n]: url" lines, written at the end */
    size_t nrefs;
    artconv_buf text; /* the inline text of the block being written */
    const artconv_node *dateline_para;
    ac_tw_frame stack[ARTCONV_MAX_DEPTH + 2];
    int depth;
} ac_tw_writer;

/* --- layout.c: lines, prefixes, blank lines, wrapping, references -------- */
int ac_tw_put(ac_tw_writer *w, const char *s, size_t len);
int ac_tw_puts(ac_tw_writer *w, const char *s);
/* Appends `s` with line ends turned into spaces: metadata is one line. */
int ac_tw_put_flat(artconv_buf *b, const char *s);
/* Trims blanks and line ends from both ends of w->text. */
void ac_tw_trim_text(ac_tw_writer *w);
/* The prefix of the next line. */
const char *ac_tw_line_prefix(const ac_tw_writer *w);
/* The container prefix without trailing spaces, for an empty line. */
int ac_tw_blank_line(ac_tw_writer *w);
/* Before a block: the blank line it needs. */
int ac_tw_begin_block(ac_tw_writer *w);
/* After a block: blocks of a tight list item follow without a blank. */
void ac_tw_end_block(ac_tw_writer *w, const artconv_node *node);
/* Writes w->text wrapped, as one block, with the current prefixes. */
int ac_tw_write_wrapped(ac_tw_writer *w, const char *next_extra);
/* Numbers a link's URL as a reference and appends "[n]" to w->text. */
int ac_tw_add_ref(ac_tw_writer *w, const char *url);

/* --- write_inline.c ---------------------------------------------------------- */
/* Renders the inline content of `node` into w->text. */
int ac_tw_render_inlines(ac_tw_writer *w, const artconv_node *node);
/* A figure: "[Image][n] caption | credit", into w->text. */
int ac_tw_figure_text(ac_tw_writer *w, const char *url, const artconv_node *caption,
                      const char *alt, const char *credit);

/* --- write_table.c ------------------------------------------------------------ */
/* A table as aligned columns, with a dashed line under the first row. */
int ac_tw_write_table(ac_tw_writer *w, const artconv_node *table);

/* --- write_body.c -------------------------------------------------------------- */
/* The enter and exit events of the body walk. */
int ac_tw_enter(ac_tw_writer *w, artconv_iter *it, const artconv_node *node);
int ac_tw_leave(ac_tw_writer *w, const artconv_node *node);

#endif /* ARTCONV_TEXT_WRITER_H */
