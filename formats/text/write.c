/*
 * write.c - writing an article as clean, wrapped plain text.
 *
 * The layout (docs/text-format.md) is the one the text reader understands,
 * so that reading the output and writing it again gives the same bytes:
 * the title underlined with '=', the standfirst right under it, a block of
 * byline and dates, the body (write_body.c), the credit in parentheses, and
 * the links as numbered references.  This file writes the header and puts
 * the parts together; wrapping and line prefixes come from layout.c and
 * wrap.c.
 */
#include "format_entries.h"
#include "text_writer.h"
#include "wrap.h"

#include <stdlib.h>
#include <string.h>

/* "Published: 14 March 2024, 07:30 UTC": the date as a person reads it,
 * in the article's language where the C library has it; a value that is
 * no date we can read is written as it is. */
static int date_line(ac_tw_writer *w, const char *label, const char *value,
                     const artconv_article *a)
{
    artconv_buf shown = ARTCONV_BUF_INIT;
    int rc = ac_date_for_people(&shown, value, artconv_article_get(a, ARTCONV_META_LANGUAGE));

    if (rc == ARTCONV_OK || rc == ARTCONV_EPARSE) {
        rc = ac_tw_puts(w, label);
        if (rc == ARTCONV_OK)
            rc = ac_tw_puts(w, shown.ptr != NULL ? shown.ptr : value);
        if (rc == ARTCONV_OK)
            rc = artconv_buf_putc(w->out, '\n');
    }
    artconv_buf_dispose(&shown);
    return rc;
}

/* "By A", "By A and B", "By A, B and C". */
static int byline(ac_tw_writer *w, const artconv_article *a)
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
        AC_CHECK(ac_tw_put_flat(&w->text, artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, i)));
    }
    AC_CHECK(ac_tw_write_wrapped(w, NULL));
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

static int write_header(ac_tw_writer *w, const artconv_article *a)
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
        AC_CHECK(ac_tw_put_flat(&w->text, title));
        at = w->out->len;
        AC_CHECK(ac_tw_write_wrapped(w, NULL));
        width = widest_line(w->out, at);
        for (i = 0; i < (width > 0 ? width : 1); i++)
            AC_CHECK(artconv_buf_putc(w->out, '='));
        AC_CHECK(artconv_buf_putc(w->out, '\n'));
        w->need_blank = 1;
    }
    if (subtitle != NULL) {
        artconv_buf_clear(&w->text);
        AC_CHECK(ac_tw_put_flat(&w->text, subtitle));
        if (title == NULL)
            AC_CHECK(ac_tw_begin_block(w));
        AC_CHECK(ac_tw_write_wrapped(w, NULL));
        w->need_blank = 1;
    }
    if (artconv_article_list_count(a, ARTCONV_LIST_AUTHORS) > 0 || date != NULL ||
        modified != NULL) {
        AC_CHECK(ac_tw_begin_block(w));
        AC_CHECK(byline(w, a));
        if (date != NULL)
            AC_CHECK(date_line(w, "Published: ", date, a));
        if (modified != NULL)
            AC_CHECK(date_line(w, "Updated: ", modified, a));
        w->need_blank = 1;
    }
    /* The lead image is written as the first figure. */
    if (image != NULL || caption != NULL || credit != NULL) {
        AC_CHECK(ac_tw_figure_text(
            w, image, NULL,
            caption != NULL ? caption : artconv_article_get(a, ARTCONV_META_IMAGE_ALT), credit));
        AC_CHECK(ac_tw_begin_block(w));
        AC_CHECK(ac_tw_write_wrapped(w, NULL));
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
    artconv_iter it;
    artconv_event ev;
    ac_tw_writer w;
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
            /* "PORTSMOUTH — " before the first paragraph, the wire-service
             * way, as the article spells it: upper-casing would turn
             * "SPRINGFIELD, Jan 15" into a different string. */
            artconv_buf_clear(&w.text);
            AC_CHECK(artconv_buf_puts(&w.text, dateline));
            AC_CHECK(artconv_buf_puts(&w.text, " \xE2\x80\x94 "));
            AC_CHECK(ac_tw_render_inlines(&w, node));
            artconv_iter_skip_children(&it);
            ac_tw_trim_text(&w);
            AC_CHECK(ac_tw_begin_block(&w));
            AC_CHECK(ac_tw_write_wrapped(&w, NULL));
            ac_tw_end_block(&w, node);
            continue;
        }
        if (ev == ARTCONV_EVENT_ENTER) {
            AC_CHECK(ac_tw_enter(&w, &it, node));
            /* A skipped node gets no EXIT event of its own. */
            if (it.event == ARTCONV_EVENT_EXIT)
                AC_CHECK(ac_tw_leave(&w, node));
        } else {
            AC_CHECK(ac_tw_leave(&w, node));
        }
    }
    if (credit != NULL) {
        artconv_buf_clear(&w.text);
        AC_CHECK(artconv_buf_putc(&w.text, '('));
        AC_CHECK(ac_tw_put_flat(&w.text, credit));
        AC_CHECK(artconv_buf_putc(&w.text, ')'));
        AC_CHECK(ac_tw_begin_block(&w));
        AC_CHECK(ac_tw_write_wrapped(&w, NULL));
        w.need_blank = 1;
    }
    if (w.nrefs > 0) {
        AC_CHECK(ac_tw_begin_block(&w));
        AC_CHECK(ac_tw_put(&w, w.refs.ptr, w.refs.len));
    }
cleanup:
    if (rc == ARTCONV_ENOMEM)
        ac_nomem(err);
    artconv_buf_dispose(&w.cont);
    artconv_buf_dispose(&w.first);
    artconv_buf_dispose(&w.text);
    artconv_buf_dispose(&w.refs);
    return rc;
}
