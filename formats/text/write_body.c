/*
 * write_body.c - the plain-text writer's body walk: each node's enter and
 * exit event (paragraphs, headings, lists, quotes, code, figures, rules),
 * with a frame a container to keep its line prefix and list number.
 */
#include "text_writer.h"
#include "wrap.h"

#include <stdio.h>
#include <string.h>

static int write_code(ac_tw_writer *w, const char *lit)
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
    if ((rc = ac_tw_begin_block(w)) < 0)
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
            AC_CHECK(ac_tw_blank_line(w));
            w->has_first = 0;
            continue;
        }
        AC_CHECK(ac_tw_puts(w, first ? ac_tw_line_prefix(w) : w->cont.ptr));
        AC_CHECK(ac_tw_puts(w, "    "));
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

static int push(ac_tw_writer *w, artconv_node_kind kind, const char *first_mark, size_t cont_spaces,
                const char *cont_mark)
{
    ac_tw_frame *f;
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

static void pop(ac_tw_writer *w)
{
    ac_tw_frame *f = &w->stack[--w->depth];

    w->cont.len = f->cont_len;
    w->cont.ptr[w->cont.len] = '\0';
}

int ac_tw_enter(ac_tw_writer *w, artconv_iter *it, const artconv_node *node)
{
    char mark[32];
    int rc = 0, n;
    ac_tw_frame *list;

    switch (artconv_node_get_kind(node)) {
    case ARTCONV_NODE_PARAGRAPH:
    case ARTCONV_NODE_ATTRIBUTION:
        artconv_buf_clear(&w->text);
        if (artconv_node_get_kind(node) == ARTCONV_NODE_ATTRIBUTION)
            AC_CHECK(artconv_buf_puts(&w->text, "\xE2\x80\x94 "));
        AC_CHECK(ac_tw_render_inlines(w, node));
        artconv_iter_skip_children(it);
        ac_tw_trim_text(w);
        if (w->text.len == 0 ||
            (w->text.len == 4 && artconv_node_get_kind(node) == ARTCONV_NODE_ATTRIBUTION))
            return 0;
        AC_CHECK(ac_tw_begin_block(w));
        AC_CHECK(ac_tw_write_wrapped(w, NULL));
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
            rc = ac_tw_put_flat(&w->text, plain.ptr);
        artconv_buf_dispose(&plain);
        if (rc < 0)
            goto cleanup;
        artconv_iter_skip_children(it);
        AC_CHECK(ac_tw_begin_block(w));
        {
            int width = w->width;

            w->width = 0; /* a heading stays on one line */
            rc = ac_tw_write_wrapped(w, NULL);
            w->width = width;
        }
        break;
    }
    case ARTCONV_NODE_FIGURE: {
        const artconv_node *cap = artconv_node_first_child(node);

        artconv_iter_skip_children(it);
        AC_CHECK(ac_tw_figure_text(w, artconv_node_get_url(node), cap, artconv_node_get_alt(node),
                                   artconv_node_get_credit(node)));
        AC_CHECK(ac_tw_begin_block(w));
        AC_CHECK(ac_tw_write_wrapped(w, NULL));
        break;
    }
    case ARTCONV_NODE_CODE_BLOCK:
        AC_CHECK(write_code(w, artconv_node_get_literal(node)));
        ac_tw_end_block(w, node);
        break;
    case ARTCONV_NODE_THEMATIC_BREAK:
        AC_CHECK(ac_tw_begin_block(w));
        AC_CHECK(ac_tw_puts(w, ac_tw_line_prefix(w)));
        AC_CHECK(ac_tw_puts(w, "* * *\n"));
        w->has_first = 0;
        ac_tw_end_block(w, node);
        break;
    case ARTCONV_NODE_TABLE:
        artconv_iter_skip_children(it);
        AC_CHECK(ac_tw_write_table(w, node));
        break;
    case ARTCONV_NODE_BLOCKQUOTE:
        AC_CHECK(ac_tw_begin_block(w));
        AC_CHECK(push(w, ARTCONV_NODE_BLOCKQUOTE, "> ", 0, "> "));
        break;
    case ARTCONV_NODE_LIST:
        AC_CHECK(ac_tw_begin_block(w));
        AC_CHECK(push(w, ARTCONV_NODE_LIST, NULL, 0, NULL));
        w->stack[w->depth - 1].number = artconv_node_get_list_start(node);
        break;
    case ARTCONV_NODE_ITEM:
        list = &w->stack[w->depth - 1];
        if (list->items > 0 && !artconv_node_get_list_tight(artconv_node_parent(node)))
            AC_CHECK(ac_tw_blank_line(w));
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

int ac_tw_leave(ac_tw_writer *w, const artconv_node *node)
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
            if ((rc = ac_tw_put(w, w->first.ptr, n)) < 0 ||
                (rc = artconv_buf_putc(w->out, '\n')) < 0)
                return rc;
            w->has_first = 0;
        }
        pop(w);
        ac_tw_end_block(w, node);
        break;
    case ARTCONV_NODE_LIST:
        pop(w);
        ac_tw_end_block(w, node);
        break;
    case ARTCONV_NODE_PARAGRAPH:
    case ARTCONV_NODE_ATTRIBUTION:
    case ARTCONV_NODE_HEADING:
    case ARTCONV_NODE_FIGURE:
    case ARTCONV_NODE_TABLE:
        ac_tw_end_block(w, node);
        break;
    default:
        break;
    }
    return rc;
}
