/*
 * layout.c - the plain-text writer's lines: output, the prefixes of the
 * current container, blank lines between blocks, wrapped paragraphs and the
 * numbered link references.
 */
#include "text_writer.h"
#include "wrap.h"

#include <stdio.h>
#include <string.h>

int ac_tw_put(ac_tw_writer *w, const char *s, size_t len)
{
    return artconv_buf_put(w->out, s, len);
}

int ac_tw_puts(ac_tw_writer *w, const char *s)
{
    return artconv_buf_puts(w->out, s);
}

/* Appends `s` with line ends turned into spaces: metadata is one line. */
int ac_tw_put_flat(artconv_buf *b, const char *s)
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
void ac_tw_trim_text(ac_tw_writer *w)
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

const char *ac_tw_line_prefix(const ac_tw_writer *w)
{
    return w->has_first ? w->first.ptr : w->cont.ptr;
}

/* The container prefix without trailing spaces, for an empty line. */
int ac_tw_blank_line(ac_tw_writer *w)
{
    size_t n = w->cont.len;
    int rc;

    while (n > 0 && w->cont.ptr[n - 1] == ' ')
        n--;
    if ((rc = ac_tw_put(w, w->cont.ptr, n)) < 0)
        return rc;
    return artconv_buf_putc(w->out, '\n');
}

int ac_tw_begin_block(ac_tw_writer *w)
{
    int rc = 0;

    if (!w->has_first && w->need_blank)
        rc = ac_tw_blank_line(w);
    w->need_blank = 0;
    return rc;
}

/* After a block: blocks of a tight list item follow without a blank. */
void ac_tw_end_block(ac_tw_writer *w, const artconv_node *node)
{
    const artconv_node *parent = artconv_node_parent(node);

    w->need_blank = !(artconv_node_get_kind(parent) == ARTCONV_NODE_ITEM &&
                      artconv_node_get_list_tight(artconv_node_parent(parent)));
}

/* Writes w->text wrapped, as one block, with the current prefixes. */
int ac_tw_write_wrapped(ac_tw_writer *w, const char *next_extra)
{
    artconv_buf next = ARTCONV_BUF_INIT;
    ac_wrap_style st;
    int rc = 0;

    AC_CHECK(artconv_buf_put(&next, w->cont.ptr, w->cont.len));
    if (next_extra != NULL)
        AC_CHECK(artconv_buf_puts(&next, next_extra));
    st.width = w->width;
    st.first_prefix = ac_tw_line_prefix(w);
    st.next_prefix = next.ptr;
    st.hard_break = "\\";
    AC_CHECK(ac_wrap(w->out, w->text.ptr, w->text.len, &st));
    AC_CHECK(artconv_buf_putc(w->out, '\n'));
    w->has_first = 0;
cleanup:
    artconv_buf_dispose(&next);
    return rc;
}

int ac_tw_add_ref(ac_tw_writer *w, const char *url)
{
    char num[32];
    int rc, n;

    w->nrefs++;
    n = snprintf(num, sizeof num, "[%zu]: ", w->nrefs);
    if ((rc = artconv_buf_put(&w->refs, num, (size_t)n)) < 0 ||
        (rc = ac_tw_put_flat(&w->refs, url)) < 0 || (rc = artconv_buf_putc(&w->refs, '\n')) < 0)
        return rc;
    n = snprintf(num, sizeof num, "[%zu]", w->nrefs);
    return artconv_buf_put(&w->text, num, (size_t)n);
}
