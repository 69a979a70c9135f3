/*
 * write_fenced.c - two pieces of Markdown that cmark-gfm's CommonMark
 * renderer writes in a way that does not read back, built here as literal
 * Markdown that the renderer copies as it is:
 *  - a code block right after a list: cmark-gfm puts "<!-- end list -->"
 *    between them (an HTML comment that would stay in the article); a
 *    fenced block ends the list by itself;
 *  - a code span of spaces only: cmark-gfm pads it with one more space on
 *    each side, which a code span of spaces only keeps, so it would grow
 *    on every pass;
 *  - a code span in a pipe table's cell: its "|" must be escaped there.
 */
#include "md_writer.h"

#include <string.h>

const char ac_mdw_code_mark = 0;

/* The longest run of `c` in `s`. */
static size_t longest_run(const char *s, char c)
{
    size_t best = 0, run = 0;

    for (; *s != '\0'; s++) {
        run = *s == c ? run + 1 : 0;
        if (run > best)
            best = run;
    }
    return best;
}

static int put_fence(artconv_buf *b, char c, size_t n)
{
    while (n-- > 0)
        if (artconv_buf_putc(b, c) < 0)
            return ARTCONV_ENOMEM;
    return ARTCONV_OK;
}

/* The info string with every ASCII punctuation character escaped, so that
 * no reference or backslash in it is read as anything but itself. */
static int put_info(artconv_buf *b, const char *info)
{
    for (; *info != '\0'; info++) {
        if (*info == '\r' || *info == '\n') {
            if (artconv_buf_putc(b, ' ') < 0)
                return ARTCONV_ENOMEM;
            continue;
        }
        if (strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", *info) != NULL &&
            artconv_buf_putc(b, '\\') < 0)
            return ARTCONV_ENOMEM;
        if (artconv_buf_putc(b, *info) < 0)
            return ARTCONV_ENOMEM;
    }
    return ARTCONV_OK;
}

int ac_mdw_add_fenced_code(md_writer *w, const char *literal, const char *info, artconv_error *err)
{
    artconv_buf b = ARTCONV_BUF_INIT;
    /* A backtick fence cannot carry an info string with a backtick. */
    char c = info != NULL && strchr(info, '`') != NULL ? '~' : '`';
    size_t n = longest_run(literal, c) + 1;
    int rc = ARTCONV_OK;

    n = n < 3 ? 3 : n;
    if (put_fence(&b, c, n) < 0 || (info != NULL && put_info(&b, info) < 0) ||
        artconv_buf_putc(&b, '\n') < 0)
        goto nomem;
    ac_mdw_copy_breaks(&w->tmp, literal, "\n", 0, &rc);
    if (rc < 0 || artconv_buf_puts(&b, w->tmp.ptr) < 0)
        goto nomem;
    if (w->tmp.len > 0 && w->tmp.ptr[w->tmp.len - 1] != '\n' && artconv_buf_putc(&b, '\n') < 0)
        goto nomem;
    if (put_fence(&b, c, n) < 0 || artconv_buf_putc(&b, '\n') < 0)
        goto nomem;
    rc = ac_mdw_add_literal(w->cur, CMARK_NODE_HTML_BLOCK, b.ptr, err);
    artconv_buf_dispose(&b);
    return rc;
nomem:
    artconv_buf_dispose(&b);
    return ac_nomem(err);
}

int ac_mdw_is_blank_code(const char *s)
{
    return *s != '\0' && s[strspn(s, " ")] == '\0';
}

/* The backticks around `s`: one more than its longest run of them. */
static int put_ticks(artconv_buf *b, size_t n)
{
    while (n-- > 0)
        if (artconv_buf_putc(b, '`') < 0)
            return ARTCONV_ENOMEM;
    return ARTCONV_OK;
}

int ac_mdw_add_code_markdown(md_writer *w, const char *code, int escape_pipes,
                             artconv_error *err)
{
    artconv_buf b = ARTCONV_BUF_INIT;
    size_t ticks = longest_run(code, '`') + 1, len = strlen(code);
    /* A reader strips one space at each end when both are there, unless
     * the span is spaces only; a backtick at an end needs a space too. */
    int pad = !ac_mdw_is_blank_code(code) && len > 0 &&
              (code[0] == ' ' || code[0] == '`' || code[len - 1] == ' ' || code[len - 1] == '`');
    cmark_node *node;
    int rc = ARTCONV_OK;

    if (put_ticks(&b, ticks) < 0 || (pad && artconv_buf_putc(&b, ' ') < 0))
        goto nomem;
    for (; *code != '\0'; code++)
        if ((escape_pipes && *code == '|' && artconv_buf_putc(&b, '\\') < 0) ||
            artconv_buf_putc(&b, *code) < 0)
            goto nomem;
    if ((pad && artconv_buf_putc(&b, ' ') < 0) || put_ticks(&b, ticks) < 0)
        goto nomem;
    if ((rc = ac_mdw_add(&node, w->cur, CMARK_NODE_HTML_INLINE, err)) == 0 &&
        (!cmark_node_set_literal(node, b.ptr) ||
         !cmark_node_set_user_data(node, (void *)&ac_mdw_code_mark)))
        rc = ac_mdw_cmark_failed(err, "a code span");
    artconv_buf_dispose(&b);
    return rc;
nomem:
    artconv_buf_dispose(&b);
    return ac_nomem(err);
}
