/*
 * text_write.c - writing an article as clean, wrapped plain text.
 *
 * The layout (docs/text-format.md) is the one the text reader understands,
 * so that reading the output and writing it again gives the same bytes:
 * the title underlined with '=', the standfirst right under it, a block of
 * byline and dates, the body, the credit in parentheses, and the links as
 * numbered references.  Wrapping and line prefixes come from src/wrap.c.
 */
#include "format_entries.h"
#include "internal.h"
#include "wrap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>

typedef struct frame {
    artconv_node_kind kind;
    size_t cont_len; /* length of w->cont before this container */
    int number;      /* LIST: the next item's number */
    int items;       /* LIST: items written so far */
} frame;

typedef struct writer {
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
    frame stack[ARTCONV_MAX_DEPTH + 2];
    int depth;
} writer;

static int put(writer *w, const char *s, size_t len)
{
    return artconv_buf_put(w->out, s, len);
}

static int puts_(writer *w, const char *s)
{
    return artconv_buf_puts(w->out, s);
}

/* Appends `s` with line ends turned into spaces: metadata is one line. */
static int put_flat(artconv_buf *b, const char *s)
{
    size_t n;
    int rc = 0;

    /* Runs without line ends go in one piece: text nodes are long. */
    while (*s != '\0' && rc == 0) {
        n = strcspn(s, "\n\r\t");
        if (n > 0 && (rc = artconv_buf_put(b, s, n)) < 0)
            break;
        s += n;
        if (*s != '\0') {
            rc = artconv_buf_putc(b, ' ');
            s++;
        }
    }
    return rc;
}

/* Trims blanks and line ends from both ends of w->text. */
static void trim_text(writer *w)
{
    size_t start = 0, end = w->text.len;

    while (start < end && (w->text.ptr[start] == ' ' || w->text.ptr[start] == '\n'))
        start++;
    while (end > start && (w->text.ptr[end - 1] == ' ' || w->text.ptr[end - 1] == '\n'))
        end--;
    if (w->text.ptr == NULL)
        return;
    memmove(w->text.ptr, w->text.ptr + start, end - start);
    w->text.len = end - start;
    w->text.ptr[w->text.len] = '\0';
}

static const char *line_prefix(const writer *w)
{
    return w->has_first ? w->first.ptr : w->cont.ptr;
}

/* The container prefix without trailing spaces, for an empty line. */
static int blank_line(writer *w)
{
    size_t n = w->cont.len;
    int rc;

    while (n > 0 && w->cont.ptr[n - 1] == ' ')
        n--;
    if ((rc = put(w, w->cont.ptr, n)) < 0)
        return rc;
    return artconv_buf_putc(w->out, '\n');
}

static int begin_block(writer *w)
{
    int rc = 0;

    if (!w->has_first && w->need_blank)
        rc = blank_line(w);
    w->need_blank = 0;
    return rc;
}

/* After a block: blocks of a tight list item follow without a blank. */
static void end_block(writer *w, const artconv_node *node)
{
    const artconv_node *parent = artconv_node_parent(node);

    w->need_blank = !(artconv_node_get_kind(parent) == ARTCONV_NODE_ITEM &&
                      artconv_node_get_list_tight(artconv_node_parent(parent)));
}

/* Writes w->text wrapped, as one block, with the current prefixes. */
static int write_wrapped(writer *w, const char *next_extra)
{
    artconv_buf next = ARTCONV_BUF_INIT;
    ac_wrap_style st;
    int rc = 0;

    AC_CHECK(artconv_buf_put(&next, w->cont.ptr, w->cont.len));
    if (next_extra != NULL)
        AC_CHECK(artconv_buf_puts(&next, next_extra));
    st.width = w->width;
    st.first_prefix = line_prefix(w);
    st.next_prefix = next.ptr;
    st.hard_break = "\\";
    AC_CHECK(ac_wrap(w->out, w->text.ptr, w->text.len, &st));
    AC_CHECK(artconv_buf_putc(w->out, '\n'));
    w->has_first = 0;
cleanup:
    artconv_buf_dispose(&next);
    return rc;
}

static int add_ref(writer *w, const char *url)
{
    char num[32];
    int rc, n;

    w->nrefs++;
    n = snprintf(num, sizeof num, "[%zu]: ", w->nrefs);
    if ((rc = artconv_buf_put(&w->refs, num, (size_t)n)) < 0 ||
        (rc = put_flat(&w->refs, url)) < 0 || (rc = artconv_buf_putc(&w->refs, '\n')) < 0)
        return rc;
    n = snprintf(num, sizeof num, "[%zu]", w->nrefs);
    return artconv_buf_put(&w->text, num, (size_t)n);
}

static int has_url(const artconv_node *node)
{
    const char *url = artconv_node_get_url(node);

    return url != NULL && url[0] != '\0';
}

/* Renders the inline content of `node` into w->text: links as
 * "[text][n]", images as "[Image: alt][n]", hard breaks as '\n'. */
static int render_inlines(writer *w, const artconv_node *node)
{
    artconv_iter it;
    artconv_event ev;
    int rc = 0;

    artconv_iter_init(&it, node);
    while (rc == 0 && (ev = artconv_iter_next(&it)) != ARTCONV_EVENT_DONE) {
        const artconv_node *cur = artconv_iter_node(&it);
        const char *s;

        if (cur == node)
            continue;
        switch (artconv_node_get_kind(cur)) {
        case ARTCONV_NODE_TEXT:
        case ARTCONV_NODE_CODE:
            s = artconv_node_get_literal(cur);
            rc = put_flat(&w->text, s != NULL ? s : "");
            break;
        case ARTCONV_NODE_SOFTBREAK:
            rc = artconv_buf_putc(&w->text, ' ');
            break;
        case ARTCONV_NODE_LINEBREAK:
            rc = artconv_buf_putc(&w->text, '\n');
            break;
        case ARTCONV_NODE_LINK:
            if (!has_url(cur))
                break;
            if (ev == ARTCONV_EVENT_ENTER)
                rc = artconv_buf_putc(&w->text, '[');
            else if ((rc = artconv_buf_putc(&w->text, ']')) == 0)
                rc = add_ref(w, artconv_node_get_url(cur));
            break;
        case ARTCONV_NODE_IMAGE:
            s = artconv_node_get_alt(cur);
            if (!has_url(cur)) {
                rc = put_flat(&w->text, s != NULL ? s : "");
                break;
            }
            if ((rc = artconv_buf_puts(&w->text, "[Image: ")) < 0 ||
                (rc = put_flat(&w->text, s != NULL ? s : "")) < 0 ||
                (rc = artconv_buf_putc(&w->text, ']')) < 0)
                break;
            rc = add_ref(w, artconv_node_get_url(cur));
            break;
        case ARTCONV_NODE_SUPERSCRIPT:
            if (ev == ARTCONV_EVENT_ENTER)
                rc = artconv_buf_putc(&w->text, '^');
            break;
        default:
            break;
        }
    }
    return rc;
}

/* A figure: "[Image][n] caption | credit"; without an image and a credit
 * the "[Image]" mark alone tells the reader it is a figure. */
static int figure_text(writer *w, const char *url, const artconv_node *caption, const char *alt,
                       const char *credit)
{
    size_t mark_end;
    int rc = 0;

    artconv_buf_clear(&w->text);
    if (url != NULL && url[0] != '\0') {
        AC_CHECK(artconv_buf_puts(&w->text, "[Image]"));
        AC_CHECK(add_ref(w, url));
        AC_CHECK(artconv_buf_putc(&w->text, ' '));
    } else if (credit == NULL || credit[0] == '\0') {
        AC_CHECK(artconv_buf_puts(&w->text, "[Image] "));
    }
    mark_end = w->text.len;
    if (caption != NULL)
        AC_CHECK(render_inlines(w, caption));
    if (w->text.len == mark_end && alt != NULL)
        AC_CHECK(put_flat(&w->text, alt));
    if (credit != NULL && credit[0] != '\0') {
        AC_CHECK(artconv_buf_puts(&w->text, " | "));
        AC_CHECK(put_flat(&w->text, credit));
    }
    trim_text(w);
cleanup:
    return rc;
}

static int write_code(writer *w, const char *lit)
{
    const char *end, *line, *stop;
    int rc = 0, first = 1;

    if (lit == NULL)
        return 0;
    /* Leading and trailing blank lines cannot be told apart from the blank
     * lines around the block, so they go. */
    while (*lit == '\n')
        lit++;
    end = lit + strlen(lit);
    while (end > lit && (end[-1] == '\n' || end[-1] == ' ' || end[-1] == '\t'))
        end--;
    if (end == lit)
        return 0;
    if ((rc = begin_block(w)) < 0)
        return rc;
    for (line = lit; line < end; line = stop + 1) {
        size_t col = 0, n;

        stop = memchr(line, '\n', (size_t)(end - line));
        if (stop == NULL)
            stop = end;
        n = (size_t)(stop - line);
        while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t'))
            n--;
        if (n == 0) {
            AC_CHECK(blank_line(w));
            w->has_first = 0;
            continue;
        }
        AC_CHECK(puts_(w, first ? line_prefix(w) : w->cont.ptr));
        AC_CHECK(puts_(w, "    "));
        w->has_first = 0;
        first = 0;
        for (size_t i = 0; i < n; i++) {
            if (line[i] == '\t') {
                do {
                    AC_CHECK(artconv_buf_putc(w->out, ' '));
                } while (++col % 4 != 0);
            } else {
                AC_CHECK(artconv_buf_putc(w->out, line[i]));
                if (((unsigned char)line[i] & 0xC0) != 0x80)
                    col++;
            }
        }
        AC_CHECK(artconv_buf_putc(w->out, '\n'));
    }
cleanup:
    return rc;
}

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
static int write_table(writer *w, const artconv_node *table)
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
    AC_CHECK(begin_block(w));
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
        if (rc == 0 && (rc = puts_(w, line_prefix(w))) == 0 &&
            (rc = put(w, line.ptr != NULL ? line.ptr : "", line.len)) == 0)
            rc = artconv_buf_putc(w->out, '\n');
        w->has_first = 0;
        artconv_buf_dispose(&line);
        if (rc < 0)
            goto cleanup;
        if (r == 0) {
            AC_CHECK(puts_(w, w->cont.ptr));
            for (c = 0; c < ncols; c++) {
                size_t k;

                if (c > 0)
                    AC_CHECK(puts_(w, "  "));
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

static int push(writer *w, artconv_node_kind kind, const char *first_mark, size_t cont_spaces,
                const char *cont_mark)
{
    frame *f;
    int rc;
    size_t i;

    if (w->depth >= (int)(sizeof w->stack / sizeof w->stack[0]))
        return ac_error(w->err, ARTCONV_ELIMIT, "the article is nested too deeply");
    f = &w->stack[w->depth++];
    memset(f, 0, sizeof *f);
    f->kind = kind;
    f->cont_len = w->cont.len;
    if (first_mark == NULL)
        return 0;
    /* The marker goes on the next line written; the lines after it get
     * the same room, in spaces, or the quote mark again. */
    if (!w->has_first) {
        artconv_buf_clear(&w->first);
        if ((rc = artconv_buf_put(&w->first, w->cont.ptr, w->cont.len)) < 0)
            return rc;
    }
    if ((rc = artconv_buf_puts(&w->first, first_mark)) < 0)
        return rc;
    w->has_first = 1;
    for (i = 0; i < cont_spaces; i++)
        if ((rc = artconv_buf_putc(&w->cont, ' ')) < 0)
            return rc;
    return cont_mark != NULL ? artconv_buf_puts(&w->cont, cont_mark) : 0;
}

static void pop(writer *w)
{
    frame *f = &w->stack[--w->depth];

    w->cont.len = f->cont_len;
    w->cont.ptr[w->cont.len] = '\0';
}

static int enter(writer *w, artconv_iter *it, const artconv_node *node)
{
    char mark[32];
    int rc = 0, n;
    frame *list;

    switch (artconv_node_get_kind(node)) {
    case ARTCONV_NODE_PARAGRAPH:
    case ARTCONV_NODE_ATTRIBUTION:
        artconv_buf_clear(&w->text);
        if (artconv_node_get_kind(node) == ARTCONV_NODE_ATTRIBUTION)
            AC_CHECK(artconv_buf_puts(&w->text, "\xE2\x80\x94 "));
        AC_CHECK(render_inlines(w, node));
        artconv_iter_skip_children(it);
        trim_text(w);
        if (w->text.len == 0 ||
            (w->text.len == 4 && artconv_node_get_kind(node) == ARTCONV_NODE_ATTRIBUTION))
            return 0;
        AC_CHECK(begin_block(w));
        AC_CHECK(write_wrapped(w, NULL));
        break;
    case ARTCONV_NODE_HEADING: {
        artconv_buf plain = ARTCONV_BUF_INIT;

        artconv_buf_clear(&w->text);
        for (n = 0; n < artconv_node_get_level(node); n++)
            AC_CHECK(artconv_buf_putc(&w->text, '#'));
        rc = ac_plain_text(&plain, node);
        if (rc == 0 && plain.len > 0)
            rc = artconv_buf_putc(&w->text, ' ');
        if (rc == 0 && plain.len > 0)
            rc = put_flat(&w->text, plain.ptr);
        artconv_buf_dispose(&plain);
        if (rc < 0)
            goto cleanup;
        artconv_iter_skip_children(it);
        AC_CHECK(begin_block(w));
        {
            int width = w->width;

            w->width = 0; /* a heading stays on one line */
            rc = write_wrapped(w, NULL);
            w->width = width;
        }
        break;
    }
    case ARTCONV_NODE_FIGURE: {
        const artconv_node *cap = artconv_node_first_child(node);

        artconv_iter_skip_children(it);
        AC_CHECK(figure_text(w, artconv_node_get_url(node), cap, artconv_node_get_alt(node),
                             artconv_node_get_credit(node)));
        AC_CHECK(begin_block(w));
        AC_CHECK(write_wrapped(w, NULL));
        break;
    }
    case ARTCONV_NODE_CODE_BLOCK:
        AC_CHECK(write_code(w, artconv_node_get_literal(node)));
        end_block(w, node);
        break;
    case ARTCONV_NODE_THEMATIC_BREAK:
        AC_CHECK(begin_block(w));
        AC_CHECK(puts_(w, line_prefix(w)));
        AC_CHECK(puts_(w, "* * *\n"));
        w->has_first = 0;
        end_block(w, node);
        break;
    case ARTCONV_NODE_TABLE:
        artconv_iter_skip_children(it);
        AC_CHECK(write_table(w, node));
        break;
    case ARTCONV_NODE_BLOCKQUOTE:
        AC_CHECK(begin_block(w));
        AC_CHECK(push(w, ARTCONV_NODE_BLOCKQUOTE, "> ", 0, "> "));
        break;
    case ARTCONV_NODE_LIST:
        AC_CHECK(begin_block(w));
        AC_CHECK(push(w, ARTCONV_NODE_LIST, NULL, 0, NULL));
        w->stack[w->depth - 1].number = artconv_node_get_list_start(node);
        break;
    case ARTCONV_NODE_ITEM:
        list = &w->stack[w->depth - 1];
        if (list->items > 0 && !artconv_node_get_list_tight(artconv_node_parent(node)))
            AC_CHECK(blank_line(w));
        w->need_blank = 0;
        if (artconv_node_get_list_ordered(artconv_node_parent(node)))
            n = snprintf(mark, sizeof mark, "%d. ", list->number++);
        else
            n = snprintf(mark, sizeof mark, "- ");
        list->items++;
        AC_CHECK(push(w, ARTCONV_NODE_ITEM, mark, (size_t)n, NULL));
        break;
    default:
        break;
    }
cleanup:
    return rc;
}

static int leave(writer *w, const artconv_node *node)
{
    int rc = 0;

    switch (artconv_node_get_kind(node)) {
    case ARTCONV_NODE_BLOCKQUOTE:
    case ARTCONV_NODE_ITEM:
        /* An empty item or quote still shows its marker. */
        if (w->has_first) {
            size_t n = w->first.len;

            while (n > 0 && w->first.ptr[n - 1] == ' ')
                n--;
            if ((rc = put(w, w->first.ptr, n)) < 0 || (rc = artconv_buf_putc(w->out, '\n')) < 0)
                return rc;
            w->has_first = 0;
        }
        pop(w);
        end_block(w, node);
        break;
    case ARTCONV_NODE_LIST:
        pop(w);
        end_block(w, node);
        break;
    case ARTCONV_NODE_PARAGRAPH:
    case ARTCONV_NODE_ATTRIBUTION:
    case ARTCONV_NODE_HEADING:
    case ARTCONV_NODE_FIGURE:
    case ARTCONV_NODE_TABLE:
        end_block(w, node);
        break;
    default:
        break;
    }
    return rc;
}

/* "By A", "By A and B", "By A, B and C". */
static int byline(writer *w, const artconv_article *a)
{
    size_t n = artconv_article_list_count(a, ARTCONV_LIST_AUTHORS), i;
    int rc = 0;

    if (n == 0)
        return 0;
    artconv_buf_clear(&w->text);
    AC_CHECK(artconv_buf_puts(&w->text, "By "));
    for (i = 0; i < n; i++) {
        if (i > 0)
            AC_CHECK(artconv_buf_puts(&w->text, i + 1 == n ? " and " : ", "));
        AC_CHECK(put_flat(&w->text, artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, i)));
    }
    AC_CHECK(write_wrapped(w, NULL));
cleanup:
    return rc;
}

/* The widest line of the text just written from `from` on. */
static size_t widest_line(const artconv_buf *b, size_t from)
{
    size_t best = 0, start = from, i;

    for (i = from; i <= b->len; i++) {
        if (i < b->len && b->ptr[i] != '\n')
            continue;
        if (i > start) {
            size_t wd = ac_text_width(b->ptr + start, i - start);

            if (wd > best)
                best = wd;
        }
        start = i + 1;
    }
    return best;
}

static int write_header(writer *w, const artconv_article *a)
{
    const char *title = artconv_article_get(a, ARTCONV_META_TITLE);
    const char *subtitle = artconv_article_get(a, ARTCONV_META_SUBTITLE);
    const char *date = artconv_article_get(a, ARTCONV_META_DATE);
    const char *modified = artconv_article_get(a, ARTCONV_META_MODIFIED);
    const char *image = artconv_article_get(a, ARTCONV_META_IMAGE);
    const char *caption = artconv_article_get(a, ARTCONV_META_IMAGE_CAPTION);
    const char *credit = artconv_article_get(a, ARTCONV_META_IMAGE_CREDIT);
    size_t at, width, i;
    int rc = 0;

    /* Shown by the body already: once is enough. */
    if (ac_body_shows_image(artconv_article_body(a), image))
        image = caption = credit = NULL;
    if (title != NULL) {
        artconv_buf_clear(&w->text);
        AC_CHECK(put_flat(&w->text, title));
        at = w->out->len;
        AC_CHECK(write_wrapped(w, NULL));
        width = widest_line(w->out, at);
        for (i = 0; i < (width > 0 ? width : 1); i++)
            AC_CHECK(artconv_buf_putc(w->out, '='));
        AC_CHECK(artconv_buf_putc(w->out, '\n'));
        w->need_blank = 1;
    }
    if (subtitle != NULL) {
        artconv_buf_clear(&w->text);
        AC_CHECK(put_flat(&w->text, subtitle));
        if (title == NULL)
            AC_CHECK(begin_block(w));
        AC_CHECK(write_wrapped(w, NULL));
        w->need_blank = 1;
    }
    if (artconv_article_list_count(a, ARTCONV_LIST_AUTHORS) > 0 || date != NULL ||
        modified != NULL) {
        AC_CHECK(begin_block(w));
        AC_CHECK(byline(w, a));
        if (date != NULL) {
            AC_CHECK(puts_(w, "Published: "));
            AC_CHECK(puts_(w, date));
            AC_CHECK(artconv_buf_putc(w->out, '\n'));
        }
        if (modified != NULL) {
            AC_CHECK(puts_(w, "Updated: "));
            AC_CHECK(puts_(w, modified));
            AC_CHECK(artconv_buf_putc(w->out, '\n'));
        }
        w->need_blank = 1;
    }
    /* The lead image is written as the first figure. */
    if (image != NULL || caption != NULL || credit != NULL) {
        AC_CHECK(figure_text(
            w, image, NULL,
            caption != NULL ? caption : artconv_article_get(a, ARTCONV_META_IMAGE_ALT), credit));
        AC_CHECK(begin_block(w));
        AC_CHECK(write_wrapped(w, NULL));
        w->need_blank = 1;
    }
cleanup:
    return rc;
}

/* The paragraph that gets the dateline: the body's first block, figures
 * aside, when it is a paragraph (the reader looks there). */
static const artconv_node *dateline_target(const artconv_node *body)
{
    const artconv_node *n = artconv_node_first_child(body);

    while (n != NULL && artconv_node_get_kind(n) == ARTCONV_NODE_FIGURE)
        n = artconv_node_next(n);
    return artconv_node_get_kind(n) == ARTCONV_NODE_PARAGRAPH ? n : NULL;
}

int ac_text_write(artconv_buf *out, const artconv_article *article,
                  const artconv_write_options *opts, artconv_error *err)
{
    artconv_write_options defaults;
    const char *dateline = artconv_article_get(article, ARTCONV_META_DATELINE);
    const char *credit = artconv_article_get(article, ARTCONV_META_CREDIT);
    const artconv_node *body = artconv_article_body(article);
    uint8_t *upper = NULL;
    artconv_iter it;
    artconv_event ev;
    writer w;
    int rc = 0;

    artconv_write_options_init(&defaults);
    memset(&w, 0, sizeof w);
    w.out = out;
    w.opts = opts != NULL ? opts : &defaults;
    w.err = err;
    w.width = w.opts->width > 0 ? w.opts->width : 0;
    AC_CHECK(artconv_buf_put(&w.cont, "", 0));
    AC_CHECK(artconv_buf_put(&w.first, "", 0));
    AC_CHECK(artconv_buf_put(&w.text, "", 0));
    AC_CHECK(write_header(&w, article));
    if (dateline != NULL)
        w.dateline_para = dateline_target(body);
    artconv_iter_init(&it, body);
    while ((ev = artconv_iter_next(&it)) != ARTCONV_EVENT_DONE) {
        const artconv_node *node = artconv_iter_node(&it);

        if (node == w.dateline_para && ev == ARTCONV_EVENT_ENTER) {
            /* "PORTSMOUTH — " in capitals before the first paragraph, the
             * wire-service way; the reader finds it there. */
            size_t ulen = 0;

            free(upper);
            upper =
                u8_toupper((const uint8_t *)dateline, strlen(dateline), NULL, NULL, NULL, &ulen);
            if (upper == NULL) {
                rc = ARTCONV_ENOMEM;
                goto cleanup;
            }
            artconv_buf_clear(&w.text);
            AC_CHECK(artconv_buf_put(&w.text, upper, ulen));
            AC_CHECK(artconv_buf_puts(&w.text, " \xE2\x80\x94 "));
            AC_CHECK(render_inlines(&w, node));
            artconv_iter_skip_children(&it);
            trim_text(&w);
            AC_CHECK(begin_block(&w));
            AC_CHECK(write_wrapped(&w, NULL));
            end_block(&w, node);
            continue;
        }
        if (ev == ARTCONV_EVENT_ENTER) {
            AC_CHECK(enter(&w, &it, node));
            /* A skipped node gets no EXIT event of its own. */
            if (it.event == ARTCONV_EVENT_EXIT)
                AC_CHECK(leave(&w, node));
        } else {
            AC_CHECK(leave(&w, node));
        }
    }
    if (credit != NULL) {
        artconv_buf_clear(&w.text);
        AC_CHECK(artconv_buf_putc(&w.text, '('));
        AC_CHECK(put_flat(&w.text, credit));
        AC_CHECK(artconv_buf_putc(&w.text, ')'));
        AC_CHECK(begin_block(&w));
        AC_CHECK(write_wrapped(&w, NULL));
        w.need_blank = 1;
    }
    if (w.nrefs > 0) {
        AC_CHECK(begin_block(&w));
        AC_CHECK(put(&w, w.refs.ptr, w.refs.len));
    }
cleanup:
    if (rc == ARTCONV_ENOMEM)
        ac_nomem(err);
    free(upper);
    artconv_buf_dispose(&w.cont);
    artconv_buf_dispose(&w.first);
    artconv_buf_dispose(&w.text);
    artconv_buf_dispose(&w.refs);
    return rc;
}
