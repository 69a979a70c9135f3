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
/* At most how many cells pipe tables could have in these `len` bytes.
 * cmark-gfm fills each short row up to the header's width, so 18 KB (a
 * header of 2,000 cells, 5,000 one-cell rows) make 10 million cells:
 * a linear scan bounds that before cmark-gfm builds them. */
size_t ac_md_table_cells_bound(const char *data, size_t len);
int ac_md_is_table(cmark_node *node);
int ac_md_is_table_row(cmark_node *node);
int ac_md_is_table_cell(cmark_node *node);
int ac_md_is_header_row(cmark_node *node);

#endif /* ARTCONV_MD_TABLE_H */
