/*
 * write_pipe_table.c - a table as a GFM pipe table, when writing GFM and
 * the table fits one: its first row, and only that row, is a header row,
 * every row has as many cells as the header (at least one), and no cell
 * holds a hard line break (a pipe table's row is one line) or a link
 * whose URL or title has a "|".  Any other
 * table stays an HTML table (write_html_block.c).  Each cell's inlines are
 * rendered to Markdown by cmark from a detached paragraph, on one line,
 * with every "|" escaped (write_nodes.c), so a cell keeps its emphasis,
 * links and code.
 */
#include "md_writer.h"

#include <stdlib.h>
#include <string.h>

static size_t count_children(const artconv_node *node)
{
    size_t n = 0;

    for (node = artconv_node_first_child(node); node != NULL; node = artconv_node_next(node))
        n++;
    return n;
}

static int has_pipe(const char *s)
{
    return s != NULL && strchr(s, '|') != NULL;
}

/* 1 if no cell of `row` holds a hard line break, or a link or image whose
 * URL or title has a "|" (cmark writes those unescaped); a flat walk. */
static int row_is_one_line(const artconv_node *row)
{
    artconv_iter it;
    artconv_event ev;

    artconv_iter_init(&it, row);
    while ((ev = artconv_iter_next(&it)) != ARTCONV_EVENT_DONE) {
        const artconv_node *n = artconv_iter_node(&it);

        if (ev == ARTCONV_EVENT_ENTER &&
            (artconv_node_get_kind(n) == ARTCONV_NODE_LINEBREAK ||
             has_pipe(artconv_node_get_url(n)) || has_pipe(artconv_node_get_title(n))))
            return 0;
    }
    return 1;
}

int ac_mdw_pipe_table_fits(const artconv_node *table)
{
    const artconv_node *row = artconv_node_first_child(table);
    size_t columns = count_children(row);

    if (row == NULL || !artconv_node_get_header(row) || columns == 0)
        return 0;
    for (; row != NULL; row = artconv_node_next(row))
        if ((row != artconv_node_first_child(table) && artconv_node_get_header(row)) ||
            count_children(row) != columns || !row_is_one_line(row))
            return 0;
    return 1;
}

int ac_mdw_put_cell_markdown(artconv_buf *out, cmark_node *paragraph, artconv_error *err)
{
    cmark_node *doc = cmark_node_new(CMARK_NODE_DOCUMENT);
    char *md;
    size_t len, i;
    int rc = ARTCONV_OK;

    if (doc == NULL || !cmark_node_append_child(doc, paragraph)) {
        if (doc != NULL)
            cmark_node_free(doc);
        return ac_nomem(err);
    }
    md = cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0);
    cmark_node_unlink(paragraph);
    cmark_node_free(doc);
    if (md == NULL)
        return ac_nomem(err);
    len = strlen(md);
    while (len > 0 && md[len - 1] == '\n')
        len--;
    /* Breaks became spaces while the cell was built; this is a guard. */
    for (i = 0; i < len; i++)
        if (md[i] == '\n' || md[i] == '\r')
            md[i] = ' ';
    if (artconv_buf_put(out, md, len) < 0)
        rc = ac_nomem(err);
    free(md);
    return rc;
}

int ac_mdw_put_delimiter_row(artconv_buf *out, size_t columns)
{
    if (artconv_buf_putc(out, '|') < 0)
        return ARTCONV_ENOMEM;
    while (columns-- > 0)
        if (artconv_buf_puts(out, " --- |") < 0)
            return ARTCONV_ENOMEM;
    return artconv_buf_putc(out, '\n');
}
