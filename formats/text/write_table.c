/*
 * write_table.c - a table in plain text: each cell flattened to one line,
 * columns padded to their widest cell, a dashed line under the header row.
 */
#include "text_writer.h"
#include "wrap.h"

#include <stdlib.h>
#include <string.h>

/* Plain text of a cell, flattened to one line. */
static int cell_text(artconv_buf *b, const artconv_node *cell)
{
    artconv_buf raw = ARTCONV_BUF_INIT;
    int rc, space = 0;
    size_t i;

    if ((rc = ac_plain_text(&raw, cell)) < 0)
        goto cleanup;
    for (i = 0; i < raw.len && rc == 0; i++) {
        char c = raw.ptr[i];

        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = 1;
            continue;
        }
        if (space && b->len > 0 && b->ptr[b->len - 1] != '\0')
            rc = artconv_buf_putc(b, ' ');
        space = 0;
        if (rc == 0)
            rc = artconv_buf_putc(b, c);
    }
    if (rc == 0)
        rc = artconv_buf_putc(b, '\0');
cleanup:
    artconv_buf_dispose(&raw);
    return rc;
}

/* A table as aligned columns, with a dashed line under the first row. */
int ac_tw_write_table(ac_tw_writer *w, const artconv_node *table)
{
    artconv_buf cells = ARTCONV_BUF_INIT;
    size_t *width = NULL, ncols = 0, nrows = 0, r, c, pos = 0;
    const artconv_node *row, *cell;
    int rc = 0;

    for (row = artconv_node_first_child(table); row != NULL; row = artconv_node_next(row)) {
        size_t n = 0;

        for (cell = artconv_node_first_child(row); cell != NULL; cell = artconv_node_next(cell))
            n++;
        if (n > ncols)
            ncols = n;
        nrows++;
    }
    if (ncols == 0)
        goto cleanup;
    if ((width = calloc(ncols, sizeof *width)) == NULL) {
        rc = ARTCONV_ENOMEM;
        goto cleanup;
    }
    /* Every row gets ncols cells, each NUL-terminated in `cells`. */
    for (row = artconv_node_first_child(table); row != NULL; row = artconv_node_next(row)) {
        cell = artconv_node_first_child(row);
        for (c = 0; c < ncols; c++) {
            size_t at = cells.len, cw;

            if (cell != NULL) {
                AC_CHECK(cell_text(&cells, cell));
                cell = artconv_node_next(cell);
            } else {
                AC_CHECK(artconv_buf_putc(&cells, '\0'));
            }
            cw = ac_text_width(cells.ptr + at, cells.len - at - 1);
            if (cw > width[c])
                width[c] = cw;
        }
    }
    for (c = 0; c < ncols; c++)
        if (width[c] < 3)
            width[c] = 3;
    AC_CHECK(ac_tw_begin_block(w));
    for (r = 0; r < nrows; r++) {
        artconv_buf line = ARTCONV_BUF_INIT;

        for (c = 0; c < ncols && rc == 0; c++) {
            const char *s = cells.ptr + pos;
            size_t n = strlen(s), cw = ac_text_width(s, n);

            pos += n + 1;
            if (c > 0)
                rc = artconv_buf_puts(&line, "  ");
            if (rc == 0)
                rc = artconv_buf_put(&line, s, n);
            for (; rc == 0 && cw < width[c] && c + 1 < ncols; cw++)
                rc = artconv_buf_putc(&line, ' ');
        }
        while (rc == 0 && line.len > 0 && line.ptr[line.len - 1] == ' ')
            line.len--;
        if (rc == 0 && (rc = ac_tw_puts(w, ac_tw_line_prefix(w))) == 0 &&
            (rc = ac_tw_put(w, line.ptr != NULL ? line.ptr : "", line.len)) == 0)
            rc = artconv_buf_putc(w->out, '\n');
        w->has_first = 0;
        artconv_buf_dispose(&line);
        if (rc < 0)
            goto cleanup;
        if (r == 0) {
            AC_CHECK(ac_tw_puts(w, w->cont.ptr));
            for (c = 0; c < ncols; c++) {
                size_t k;

                if (c > 0)
                    AC_CHECK(ac_tw_puts(w, "  "));
                for (k = 0; k < width[c]; k++)
                    AC_CHECK(artconv_buf_putc(w->out, '-'));
            }
            AC_CHECK(artconv_buf_putc(w->out, '\n'));
        }
    }
cleanup:
    free(width);
    artconv_buf_dispose(&cells);
    return rc;
}
