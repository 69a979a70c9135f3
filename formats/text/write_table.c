/*
 * write_table.c - a table in plain text: each cell flattened to one line,
 * columns padded to their widest cell, a dashed line under the header row.
 *
 * A table wider than the output's width is written with its cells wrapped
 * inside narrower columns instead, and then needs to say where a row ends:
 * the line under the header is made of '=' runs, rows are separated by
 * blank lines, and a line of '=' runs closes the table (the reader knows
 * both layouts, formats/text/blocks.c).  Columns are narrowed from the
 * widest down, each no narrower than its longest word.
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

/* Display width of the widest word of s (what wrapping cannot split). */
static size_t widest_word(const char *s)
{
    size_t widest = 0, i = 0, n = strlen(s);

    while (i < n) {
        size_t start = i, wd;

        while (i < n && s[i] != ' ')
            i++;
        wd = ac_text_width(s + start, i - start);
        if (wd > widest)
            widest = wd;
        while (i < n && s[i] == ' ')
            i++;
    }
    return widest;
}

/* The column widths for `avail` columns of text in all: each column's
 * natural width capped at one common cap, the largest that fits, but
 * never under its floor (its widest word). */
static void fit_columns(size_t *width, const size_t *floor_, size_t ncols, size_t avail)
{
    size_t lo = 0, hi = 0, c;

    for (c = 0; c < ncols; c++)
        if (width[c] > hi)
            hi = width[c];
    /* the largest cap whose total fits: the totals grow with the cap */
    while (lo < hi) {
        size_t cap = lo + (hi - lo + 1) / 2, total = 0;

        for (c = 0; c < ncols; c++) {
            size_t wd = width[c] < cap ? width[c] : cap;

            total += wd > floor_[c] ? wd : floor_[c];
        }
        if (total <= avail)
            lo = cap;
        else
            hi = cap - 1;
    }
    for (c = 0; c < ncols; c++) {
        if (width[c] > lo)
            width[c] = lo;
        if (width[c] < floor_[c])
            width[c] = floor_[c];
    }
}

/* One rule line: a run of `ch` over each column. */
static int put_rule(ac_tw_writer *w, const size_t *width, size_t ncols, char ch)
{
    size_t c, k;
    int rc = 0;

    if ((rc = ac_tw_puts(w, w->cont.ptr)) < 0)
        return rc;
    for (c = 0; c < ncols && rc == 0; c++) {
        if (c > 0)
            rc = ac_tw_puts(w, "  ");
        for (k = 0; k < width[c] && rc == 0; k++)
            rc = artconv_buf_putc(w->out, ch);
    }
    return rc == 0 ? artconv_buf_putc(w->out, '\n') : rc;
}

/* The wrapped layout: each row's cells wrapped into their columns and set
 * side by side, line by line.  `cells` holds nrows * ncols NUL-terminated
 * cells. */
static int write_wrapped(ac_tw_writer *w, const char *cells, size_t nrows, size_t ncols,
                         const size_t *width)
{
    artconv_buf wrapped = ARTCONV_BUF_INIT, line = ARTCONV_BUF_INIT;
    const char **at = calloc(ncols, sizeof *at);
    size_t *offset = calloc(ncols, sizeof *offset);
    size_t r, c, pos = 0;
    int rc = at != NULL && offset != NULL ? 0 : ARTCONV_ENOMEM;

    for (r = 0; r < nrows && rc == 0; r++) {
        int more = 1;

        /* each cell wrapped alone, the cells one after another in `wrapped` */
        artconv_buf_clear(&wrapped);
        for (c = 0; c < ncols && rc == 0; c++) {
            const char *s = cells + pos;
            ac_wrap_style style = {(int)width[c], NULL, NULL, NULL};

            pos += strlen(s) + 1;
            offset[c] = wrapped.len; /* the buffer may move while it grows */
            if ((rc = ac_wrap(&wrapped, s, strlen(s), &style)) == 0)
                rc = artconv_buf_putc(&wrapped, '\0');
        }
        for (c = 0; c < ncols && rc == 0; c++)
            at[c] = wrapped.ptr + offset[c];
        if (rc == 0 && r > 1)
            rc = ac_tw_blank_line(w);
        while (rc == 0 && more) {
            artconv_buf_clear(&line);
            more = 0;
            for (c = 0; c < ncols && rc == 0; c++) {
                const char *s = at[c], *end = strchr(s, '\n');
                size_t n = end != NULL ? (size_t)(end - s) : strlen(s), cw = ac_text_width(s, n);

                if (c > 0)
                    rc = artconv_buf_puts(&line, "  ");
                if (rc == 0)
                    rc = artconv_buf_put(&line, s, n);
                for (; rc == 0 && cw < width[c] && c + 1 < ncols; cw++)
                    rc = artconv_buf_putc(&line, ' ');
                at[c] = end != NULL ? end + 1 : s + n;
                more |= *at[c] != '\0';
            }
            while (rc == 0 && line.len > 0 && line.ptr[line.len - 1] == ' ')
                line.len--;
            if (rc == 0 && (rc = ac_tw_puts(w, ac_tw_line_prefix(w))) == 0 &&
                (rc = ac_tw_put(w, line.ptr != NULL ? line.ptr : "", line.len)) == 0)
                rc = artconv_buf_putc(w->out, '\n');
            w->has_first = 0;
        }
        if (rc == 0 && r == 0)
            rc = put_rule(w, width, ncols, '=');
    }
    if (rc == 0)
        rc = put_rule(w, width, ncols, '=');
    free(at);
    free(offset);
    artconv_buf_dispose(&wrapped);
    artconv_buf_dispose(&line);
    return rc;
}

/* A table as aligned columns, with a dashed line under the first row. */
int ac_tw_write_table(ac_tw_writer *w, const artconv_node *table)
{
    artconv_buf cells = ARTCONV_BUF_INIT;
    size_t *width = NULL, *floor_ = NULL, ncols = 0, nrows = 0, nrows_seen = 0, r, c, pos = 0;
    size_t total;
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
    if ((width = calloc(ncols, sizeof *width)) == NULL ||
        (floor_ = calloc(ncols, sizeof *floor_)) == NULL) {
        rc = ARTCONV_ENOMEM;
        goto cleanup;
    }
    /* Every row gets ncols cells, each NUL-terminated in `cells`. */
    for (row = artconv_node_first_child(table); row != NULL;
         row = artconv_node_next(row), nrows_seen++) {
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
            /* The header row stays on one line: the reader takes a table's
             * header from the one line above its rule. */
            if (nrows_seen == 0 && cw > floor_[c])
                floor_[c] = cw;
            if ((cw = widest_word(cells.ptr + at)) > floor_[c])
                floor_[c] = cw;
        }
    }
    for (c = 0, total = 2 * (ncols - 1); c < ncols; c++) {
        if (width[c] < 3)
            width[c] = 3;
        if (floor_[c] < 3)
            floor_[c] = 3;
        total += width[c];
    }
    AC_CHECK(ac_tw_begin_block(w));
    /* Too wide for the output: the wrapped layout. */
    if (w->width > 0) {
        size_t prefix = ac_text_width(w->cont.ptr, w->cont.len);
        size_t avail = (size_t)w->width > prefix + 2 * (ncols - 1)
                           ? (size_t)w->width - prefix - 2 * (ncols - 1)
                           : 0;

        if (prefix + total > (size_t)w->width) {
            fit_columns(width, floor_, ncols, avail);
            rc = write_wrapped(w, cells.ptr, nrows, ncols, width);
            goto cleanup;
        }
    }
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
    free(floor_);
    artconv_buf_dispose(&cells);
    return rc;
}
