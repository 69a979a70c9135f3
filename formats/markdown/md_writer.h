/*
 * md_writer.h - the Markdown writer's private parts: the state of one write
 * and the functions its files share (names start ac_mdw_, "Markdown
 * writer").  The files lean one way, each on those listed before it:
 *   write_nodes.c       cmark nodes made from model text
 *   write_fenced.c      code cmark-gfm's renderer would write wrongly
 *   write_pipe_table.c  tables as GFM pipe tables, where they fit
 *   write_html_block.c  tables and HTML figures as HTML blocks
 *   write_raw_html.c    raw HTML nodes, and the check that they read back
 *   write_tidy.c        white space at the edges of emphasis and lines
 *   write_render.c      cmark's tree rendered, list after list kept apart
 *   write_tree.c        the model's tree as a cmark tree
 *   write.c             the entry point: front matter or title, the body
 * write_raw_html.c and write_tidy.c walk cmark's tree with cmark_walk.c,
 * which the reader uses too; write.c calls front_matter_write.c.
 */
#ifndef ARTCONV_MD_WRITER_H
#define ARTCONV_MD_WRITER_H

#include "internal.h"

#include <cmark-gfm.h>

/* Table sections opened so far. */
enum { SECTION_NONE, SECTION_HEAD, SECTION_BODY };

typedef struct {
    cmark_node *root; /* the cmark document */
    cmark_node *cur;  /* where the next cmark node goes */
    /* While a table or an HTML figure is written: the node the finished
     * HTML block goes into, the HTML so far, and a detached paragraph that
     * collects one cell's or caption's inlines for cmark to render. */
    int in_html;
    int gfm;  /* writing GFM: pipe tables where they fit */
    int pipe; /* the table being written is a pipe table (in w->html) */
    cmark_node *html_parent;
    cmark_node *scratch;
    artconv_buf html;
    int section;    /* SECTION_* of the table */
    int header_row; /* the current row is a header row */
    size_t row_cells; /* cells of the current row (a pipe table's header) */
    int in_heading; /* ATX headings hold one line: breaks become spaces */
    int link_depth; /* links nested in links are written as their text */
    artconv_buf tmp;
    const artconv_write_options *opts;
    const artconv_article *article; /* its resources become data: image URLs */
    artconv_buf data_url;
    size_t data_url_budget; /* AC_DATA_URL_BUDGET, less what is written */
    int has_raw; /* a raw inline was written: ac_mdw_check_raw_inlines has work */
} md_writer;

/* Where rendered Markdown goes: `started` once anything (the front
 * matter, a segment) is there, so that the next segment follows a blank
 * line. */
typedef struct {
    artconv_buf *out;
    int started;
} md_output;

/* write_nodes.c */
int ac_mdw_cmark_failed(artconv_error *err, const char *what);
/* Creates a cmark node of `type` at the end of `parent`'s children;
 * `out` may be NULL. */
int ac_mdw_add(cmark_node **out, cmark_node *parent, cmark_node_type type, artconv_error *err);
int ac_mdw_add_literal(cmark_node *parent, cmark_node_type type, const char *literal,
                       artconv_error *err);
/* Copies `s` into `buf` (emptied first) with each line ending (CRLF, CR,
 * LF) replaced by `nl`, and stops before the next line ending when `stop`
 * is set; returns the number of bytes of `s` consumed. */
size_t ac_mdw_copy_breaks(artconv_buf *buf, const char *s, const char *nl, int stop, int *rc);
/* Puts `s` into w->tmp on one line: its line endings become spaces. */
int ac_mdw_one_line(md_writer *w, const char *s, artconv_error *err);
/* Sets the destination and title of a link or image node; an unsafe URL
 * is left empty, and then the title too. */
int ac_mdw_set_destination(md_writer *w, cmark_node *node, const char *url, const char *title,
                           artconv_error *err);
/* Appends text; line endings become soft breaks, or spaces when `soft`
 * is 0. */
int ac_mdw_add_text(md_writer *w, cmark_node *parent, const char *s, int soft, artconv_error *err);
int ac_mdw_add_image(md_writer *w, cmark_node *parent, const char *url, const char *alt,
                     const char *title, artconv_error *err);

/* write_fenced.c */
/* Marks the literal Markdown the writer adds itself (code spans, escapes), which reads back as no raw HTML. */
extern const char ac_mdw_code_mark;
/* Appends a fenced code block to w->cur as literal Markdown (for a code
 * block right after a list; uses w->tmp). */
int ac_mdw_add_fenced_code(md_writer *w, const char *literal, const char *info,
                           artconv_error *err);
/* 1 if the code span `s` is spaces only (and not empty). */
int ac_mdw_is_blank_code(const char *s);
/* Appends a code span to w->cur as literal Markdown, with each "|"
 * escaped when `escape_pipes` (in a pipe table's cell). */
int ac_mdw_add_code_markdown(md_writer *w, const char *code, int escape_pipes,
                             artconv_error *err);

/* write_pipe_table.c */
/* 1 if `table` can be written as a GFM pipe table. */
int ac_mdw_pipe_table_fits(const artconv_node *table);
/* Appends the Markdown of a detached paragraph's inlines, on one line. */
int ac_mdw_put_cell_markdown(artconv_buf *out, cmark_node *paragraph, artconv_error *err);
/* Appends "| --- | --- |" and a line end; ARTCONV_ENOMEM or 0. */
int ac_mdw_put_delimiter_row(artconv_buf *out, size_t columns);

/* write_html_block.c: the HTML of a table or figure collects in w->html
 * and becomes one HTML block when it ends. */
int ac_mdw_enter_figure(md_writer *w, const artconv_node *figure, artconv_error *err);
int ac_mdw_exit_figure(md_writer *w, const artconv_node *figure, artconv_error *err);
int ac_mdw_enter_table(md_writer *w, const artconv_node *table, artconv_error *err);
int ac_mdw_exit_table(md_writer *w, artconv_error *err);
int ac_mdw_enter_row(md_writer *w, const artconv_node *row, artconv_error *err);
int ac_mdw_exit_row(md_writer *w, artconv_error *err);
int ac_mdw_enter_cell(md_writer *w, artconv_error *err);
int ac_mdw_exit_cell(md_writer *w, artconv_error *err);

/* write_raw_html.c: raw HTML written only where it is inert and reads
 * back as the same raw HTML; otherwise dropped with a warning. */
int ac_mdw_add_raw_block(md_writer *w, const char *html, artconv_error *err);
int ac_mdw_add_raw_inline(md_writer *w, const char *html, artconv_error *err);
/* Drops the raw HTML of each paragraph and heading that would not read
 * back with it; `*dropped` says whether any went. */
int ac_mdw_check_raw_inlines(md_writer *w, int *dropped, artconv_error *err);

/* write_tidy.c */
/* Closes the emphasis or strong node w->cur, moving white space at the
 * edges of its content out of it. */
int ac_mdw_close_emphasis(md_writer *w, artconv_error *err);
/* Makes white space at the edges of lines survive a read back.  Returns 0,
 * ARTCONV_ENOMEM or ARTCONV_EINVALID (cmark refused a literal), without
 * filling any artconv_error. */
int ac_mdw_tidy_spaces(cmark_node *root, artconv_buf *tmp);

/* write_render.c: renders the blocks of `root` (which it empties) and
 * appends them to the output. */
int ac_mdw_render_body(md_output *out, cmark_node *root, artconv_error *err);

/* write_tree.c: builds the cmark tree of one top-level model block under
 * w->cur. */
int ac_mdw_build_block(md_writer *w, const artconv_node *block, artconv_error *err);

#endif /* ARTCONV_MD_WRITER_H */
