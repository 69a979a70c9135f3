/*
 * md_table.h - cmark-gfm's table extension for the Markdown reader and
 * writer (formats/markdown/gfm_table.c).
 */
#ifndef ARTCONV_MD_TABLE_H
#define ARTCONV_MD_TABLE_H

#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <stddef.h>

/* The table extension, registered on first use (thread-safe); NULL only
 * if cmark-gfm lacks it. */
cmark_syntax_extension *ac_md_table_extension(void);
/* Parses `len` bytes as CommonMark, with GFM pipe tables when `tables`,
 * as cmark_parse_document does without them (cmark aborts if memory runs
 * out; NULL only if no parser could be made). */
cmark_node *ac_md_parse(const char *data, size_t len, int tables);
/* 1 if cmark-gfm's table extension could cost far more than the input's
 * size, found in one linear pass:
 *  - it fills each short row up to the header's width, so 18 KB (a header
 *    of 2,000 cells, 5,000 one-cell rows) would make 10 million cells: the
 *    cells pipe tables could have (a delimiter row's width times the lines
 *    up to the next blank line, and the header row) may be at most twice
 *    the input's bytes, plus 65,536;
 *  - it splits a row in time quadratic in its cells (a list appended to at
 *    its end), so one row of 50,000 cells took over a minute: the sum of
 *    the squares of the cells of the rows may be at most 64 times the
 *    input's bytes, plus 16 million. */
int ac_md_tables_too_costly(const char *data, size_t len);
int ac_md_is_table(cmark_node *node);
int ac_md_is_table_row(cmark_node *node);
int ac_md_is_table_cell(cmark_node *node);
int ac_md_is_header_row(cmark_node *node);

#endif /* ARTCONV_MD_TABLE_H */
