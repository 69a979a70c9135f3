/*
 * inline.c - paragraph text for the plain-text reader: joining a record's
 * lines (soft wraps against intended line breaks) and building inline
 * content (text, hard breaks, "[text][n]" links, "[Image: alt][n]" images).
 */
#include "text_reader.h"
#include "url.h"
#include "wrap.h"

/* Joins lines [first, first+count) into r->pool.  Soft wraps become a space
 * (or nothing between wide characters); other line ends become '\n'. */
int ac_text_join_lines(reader *r, size_t first, size_t count, int soft_only, size_t *start,
                       size_t *len)
{
    size_t j;

    *start = r->pool.len;
    for (j = 0; j < count; j++) {
        const line_ref *l = &r->lines[first + j];
        const char *s = r->text.ptr + l->start;
        size_t n = l->len;
        int hard = 0;

        n -= count_spaces(s, n);
        s = r->text.ptr + l->start + (l->len - n);
        if (j + 1 < count && line_ends_hard(r, l) && !soft_only) {
            hard = 1;
            n--;
            while (n > 0 && s[n - 1] == ' ')
                n--;
        }
        if (artconv_buf_put(&r->pool, s, n) < 0)
            return nomem(r);
        if (j + 1 < count) {
            const line_ref *next = &r->lines[first + j + 1];
            const char *ns = r->text.ptr + next->start;
            size_t nn = next->len - count_spaces(ns, next->len);
            int spaced;
            size_t unit;

            ns += next->len - nn;
            unit = ac_wrap_first_unit(ns, nn, ac_wrap_ends_wide(s, n), &spaced);
            if (!hard && !soft_only && l->width + (size_t)spaced + unit <= r->width)
                hard = 1;
            if (hard ? artconv_buf_putc(&r->pool, '\n') < 0
                     : (spaced && artconv_buf_putc(&r->pool, ' ') < 0))
                return nomem(r);
        }
    }
    *len = r->pool.len - *start;
    return 0;
}

static int add_text(reader *r, artconv_node *parent, const char *s, size_t len)
{
    if (len == 0)
        return 0;
    return ac_node_add_text(parent, s, len, r->err) == NULL ? fail(r) : 0;
}

/* A reference whose scheme could run script (src/url.h) leaves the URL
 * empty: plain text is data, but the model feeds HTML and Markdown. */
int ac_text_set_url(artconv_node *node, const char *url, size_t len, int image, artconv_error *err)
{
    if (!ac_url_is_safe(url, len, image))
        len = 0;
    return ac_node_set_url_n(node, url, len, err);
}

/* Inline content: text, '\n' as hard breaks, "[text][n]" as links and
 * "[Image: alt][n]" as images when reference n exists. */
int ac_text_build_inlines(reader *r, artconv_node *parent, const char *s, size_t len)
{
    size_t i = 0, run = 0;
    int rc;

    while (i < len) {
        size_t close, j, n = 0;

        if (s[i] == '\n') {
            if ((rc = add_text(r, parent, s + run, i - run)) < 0)
                return rc;
            if (ac_node_add(parent, ARTCONV_NODE_LINEBREAK, r->err) == NULL)
                return fail(r);
            run = ++i;
            continue;
        }
        if (s[i] != '[') {
            i++;
            continue;
        }
        /* The scan stops at the next '[', so each byte is looked at a
         * bounded number of times. */
        for (close = i + 1; close < len && s[close] != ']' && s[close] != '[' && s[close] != '\n';
             close++)
            ;
        if (close + 2 >= len || s[close] != ']' || s[close + 1] != '[') {
            i = close > i + 1 ? close : i + 1;
            continue;
        }
        for (j = close + 2; j < len && is_digit((unsigned char)s[j]) && n < 100000000; j++)
            n = n * 10 + (size_t)(s[j] - '0');
        if (j >= len || s[j] != ']' || n == 0 || n > r->nrefs) {
            i = close;
            continue;
        }
        if ((rc = add_text(r, parent, s + run, i - run)) < 0)
            return rc;
        {
            const char *url = r->text.ptr + r->refs[(n - 1) * 2];
            size_t ulen = r->refs[(n - 1) * 2 + 1];
            artconv_node *node;

            if (starts_with(s + i + 1, close - i - 1, "Image: ")) {
                if ((node = ac_node_add(parent, ARTCONV_NODE_IMAGE, r->err)) == NULL ||
                    (rc = ac_node_set_alt_n(node, s + i + 8, close - i - 8, r->err)) < 0 ||
                    (rc = ac_text_set_url(node, url, ulen, 1, r->err)) < 0)
                    return fail(r);
            } else {
                if ((node = ac_node_add(parent, ARTCONV_NODE_LINK, r->err)) == NULL ||
                    (rc = ac_text_set_url(node, url, ulen, 0, r->err)) < 0 ||
                    (rc = add_text(r, node, s + i + 1, close - i - 1)) < 0)
                    return fail(r);
            }
        }
        i = run = j + 1;
    }
    return add_text(r, parent, s + run, len - run);
}
