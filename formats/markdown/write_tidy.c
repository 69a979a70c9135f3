/*
 * write_tidy.c - white space that CommonMark would read differently from
 * how cmark writes it: at the edges of emphasis (moved out of it) and at
 * the start and end of a paragraph's or heading's lines (a character
 * reference, or dropped), and a tilde fence at a line's start.
 */
#include "cmark_walk.h"
#include "md_writer.h"

#include <string.h>

static size_t leading_blanks(const char *s)
{
    size_t n = 0;

    while (s[n] == ' ' || s[n] == '\t')
        n++;
    return n;
}

static size_t trailing_blanks(const char *s, size_t len)
{
    size_t n = 0;

    while (n < len && (s[len - 1 - n] == ' ' || s[len - 1 - n] == '\t'))
        n++;
    return n;
}

/* Closes an emphasis or strong node.  A delimiter run next to white space
 * does not count ("* a *" is no emphasis), so white space at the edges of
 * its content moves out in front of and behind it; one left empty goes. */
int ac_mdw_close_emphasis(md_writer *w, artconv_error *err)
{
    cmark_node *em = w->cur, *first, *last, *space;
    const char *lit;
    size_t n, len;
    int rc;

    w->cur = cmark_node_parent(em);
    first = cmark_node_first_child(em);
    if (first != NULL && cmark_node_get_type(first) == CMARK_NODE_TEXT &&
        (n = leading_blanks(lit = cmark_node_get_literal(first))) > 0) {
        space = cmark_node_new(CMARK_NODE_TEXT);
        if (space == NULL)
            return ac_nomem(err);
        if (!cmark_node_set_literal(space, " ") || !cmark_node_insert_before(em, space)) {
            cmark_node_free(space);
            return ac_mdw_cmark_failed(err, "a space");
        }
        if (!cmark_node_set_literal(first, lit + n))
            return ac_mdw_cmark_failed(err, "a literal");
    }
    last = cmark_node_last_child(em);
    lit = last != NULL && cmark_node_get_type(last) == CMARK_NODE_TEXT
              ? cmark_node_get_literal(last)
              : "";
    len = strlen(lit);
    if ((n = trailing_blanks(lit, len)) > 0) {
        artconv_buf_clear(&w->tmp);
        if (artconv_buf_put(&w->tmp, lit, len - n) < 0)
            return ac_nomem(err);
        if (!cmark_node_set_literal(last, w->tmp.ptr))
            return ac_mdw_cmark_failed(err, "a literal");
        if ((rc = ac_mdw_add_literal(w->cur, CMARK_NODE_TEXT, " ", err)) < 0)
            return rc;
    }
    /* Only empty text left: the delimiters would stand alone as text. */
    for (first = cmark_node_first_child(em); first != NULL; first = cmark_node_next(first))
        if (cmark_node_get_type(first) != CMARK_NODE_TEXT || *cmark_node_get_literal(first) != '\0')
            return ARTCONV_OK;
    cmark_node_free(em);
    return ARTCONV_OK;
}

/* 1 if nothing but empty text stands between `node` and a line's edge in
 * direction `dir` (-1: start, 1: end).  Only paragraphs and headings are
 * looked at: elsewhere white space at a line's edge is kept. */
static int at_line_edge(cmark_node *node, int dir)
{
    cmark_node *parent = cmark_node_parent(node);
    cmark_node_type type = parent != NULL ? cmark_node_get_type(parent) : CMARK_NODE_NONE;
    cmark_node *n = node;

    if (type != CMARK_NODE_PARAGRAPH && type != CMARK_NODE_HEADING)
        return 0;
    for (;;) {
        n = dir < 0 ? cmark_node_previous(n) : cmark_node_next(n);
        if (n == NULL)
            return 1;
        type = cmark_node_get_type(n);
        if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK)
            return 1;
        if (type != CMARK_NODE_TEXT)
            return 0;
        /* Towards the end, blank text goes too (ac_mdw_tidy_spaces drops it). */
        if (cmark_node_get_literal(n)[dir > 0 ? leading_blanks(cmark_node_get_literal(n)) : 0] !=
            '\0')
            return 0;
    }
}

/* Puts `ref` (a character reference) as inline HTML before `node`: cmark
 * writes inline HTML as it is, and reads the reference back as text. */
static int put_reference(cmark_node *node, const char *ref)
{
    cmark_node *html = cmark_node_new(CMARK_NODE_HTML_INLINE);

    if (html == NULL)
        return ARTCONV_ENOMEM;
    if (!cmark_node_set_literal(html, ref) || !cmark_node_insert_before(node, html)) {
        cmark_node_free(html);
        return ARTCONV_EINVALID;
    }
    return ARTCONV_OK;
}

static int tidy_text(cmark_node *node, void *data)
{
    artconv_buf *tmp = data;
    const char *lit;
    size_t start = 0, len;
    int rc;

    if (cmark_node_get_type(node) != CMARK_NODE_TEXT)
        return ARTCONV_OK;
    lit = cmark_node_get_literal(node);
    len = strlen(lit);
    if (at_line_edge(node, -1) && leading_blanks(lit) > 0) {
        if ((rc = put_reference(node, lit[0] == '\t' ? "&#9;" : "&#32;")) < 0)
            return rc;
        start = 1;
    } else if (at_line_edge(node, -1) &&
               cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_PARAGRAPH && len >= 3 &&
               memcmp(lit, "~~~", 3) == 0) {
        /* cmark 0.30.2 escapes a line's leading backticks but not its
         * tildes, and "~~~" would open a code block: the first one goes
         * out as a character reference, the way cmark escapes spaces. */
        if ((rc = put_reference(node, "&#126;")) < 0)
            return rc;
        start = 1;
    }
    if (at_line_edge(node, 1))
        len -= trailing_blanks(lit + start, len - start);
    if (start == 0 && len == strlen(lit))
        return ARTCONV_OK;
    artconv_buf_clear(tmp);
    if (artconv_buf_put(tmp, lit + start, len - start) < 0)
        return ARTCONV_ENOMEM;
    if (!cmark_node_set_literal(node, tmp->ptr))
        return ARTCONV_EINVALID;
    return ARTCONV_OK;
}

/* Deals with spaces and tabs at the start and end of each line of
 * paragraphs and headings, and escapes a tilde fence.  CommonMark drops
 * them when reading, and cmark would write them as they are: four leading
 * spaces read back as code, two trailing ones as a hard line break.  So
 * trailing ones go, and the first leading one is written as a character
 * reference, after which the rest is plain text to CommonMark.  Only
 * literals change and nodes are only added before the current one, so the
 * walk is safe. */
int ac_mdw_tidy_spaces(cmark_node *root, artconv_buf *tmp)
{
    return ac_cmark_each_entered(root, tidy_text, tmp);
}
