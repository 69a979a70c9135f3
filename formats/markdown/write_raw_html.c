/*
 * write_raw_html.c - the model's raw HTML nodes in Markdown.  They are
 * written verbatim, but only while they are inert (src/raw_html.c) and
 * cmark reads them back as the same raw HTML; otherwise they are dropped
 * with a warning.  A raw block is checked alone when it is added; raw
 * inlines are checked with their whole paragraph or heading once the tree
 * is built and tidied.
 */
#include "cmark_walk.h"
#include "md_writer.h"
#include "raw_html.h"

#include <stdlib.h>
#include <string.h>

/* Marks the HTML_INLINE nodes that hold a raw HTML node, so the check
 * after the build can tell them from the writer's own tags. */
static const char raw_mark = 0;

/* 1 if cmark reads `html` (`len` bytes, no final line ending) alone as one
 * HTML block holding exactly it: only then does it come back as the same
 * raw node. */
static int reads_as_block(const char *html, size_t len)
{
    cmark_node *doc = cmark_parse_document(html, len, CMARK_OPT_DEFAULT);
    cmark_node *block = cmark_node_first_child(doc);
    const char *lit;
    size_t n;
    int same = 0;

    if (block != NULL && cmark_node_next(block) == NULL &&
        cmark_node_get_type(block) == CMARK_NODE_HTML_BLOCK) {
        lit = cmark_node_get_literal(block);
        n = strlen(lit);
        while (n > 0 && lit[n - 1] == '\n')
            n--;
        same = n == len && memcmp(lit, html, len) == 0;
    }
    cmark_node_free(doc);
    return same;
}

int ac_mdw_add_raw_block(md_writer *w, const char *html, artconv_error *err)
{
    size_t len = html != NULL ? strlen(html) : 0;

    while (len > 0 && html[len - 1] == '\n')
        len--;
    if (len == 0)
        return ARTCONV_OK;
    if (!ac_raw_html_is_inert(html, len)) {
        ac_warn_write(w->opts, ARTCONV_EUNSUPPORTED, "raw HTML '%.40s' is not inert; dropped",
                      html);
        return ARTCONV_OK;
    }
    if (w->in_html || !reads_as_block(html, len)) {
        ac_warn_write(w->opts, ARTCONV_EUNSUPPORTED,
                      "raw HTML '%.40s' would not read back as an HTML block; dropped", html);
        return ARTCONV_OK;
    }
    artconv_buf_clear(&w->tmp);
    if (artconv_buf_put(&w->tmp, html, len) < 0 || artconv_buf_putc(&w->tmp, '\n') < 0)
        return ac_nomem(err);
    return ac_mdw_add_literal(w->cur, CMARK_NODE_HTML_BLOCK, w->tmp.ptr, err);
}

int ac_mdw_add_raw_inline(md_writer *w, const char *html, artconv_error *err)
{
    cmark_node *node;
    int rc;

    if (html == NULL || *html == '\0')
        return ARTCONV_OK;
    if (!ac_raw_html_is_inert(html, strlen(html))) {
        ac_warn_write(w->opts, ARTCONV_EUNSUPPORTED, "raw HTML '%.40s' is not inert; dropped",
                      html);
        return ARTCONV_OK;
    }
    /* Tables and HTML figures go through cmark's safe HTML renderer,
     * which would replace it with a comment. */
    if (w->in_html) {
        ac_warn_write(w->opts, ARTCONV_EUNSUPPORTED,
                      "raw HTML '%.40s' in a table or an HTML figure dropped", html);
        return ARTCONV_OK;
    }
    if ((rc = ac_mdw_add(&node, w->cur, CMARK_NODE_HTML_INLINE, err)) < 0)
        return rc;
    if (!cmark_node_set_literal(node, html) || !cmark_node_set_user_data(node, (void *)&raw_mark))
        return ac_mdw_cmark_failed(err, "raw HTML");
    w->has_raw = 1;
    return ARTCONV_OK;
}

/* Advances `it` to the next HTML_INLINE node; NULL at the end. */
static cmark_node *next_html_inline(cmark_iter *it)
{
    cmark_event_type ev;

    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);

        /* A literal code span reads back as code, not HTML. */
        if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_HTML_INLINE &&
            cmark_node_get_user_data(n) != (void *)&ac_mdw_code_mark)
            return n;
    }
    return NULL;
}

/* 1 if the paragraph or heading `block`, written alone and read back,
 * gives one block of its type with the same inline HTML in the same
 * order: raw HTML at a line's start could open an HTML block, a line end
 * inside it would end a heading. */
static int reads_back(cmark_node *block)
{
    char *md = cmark_render_commonmark(block, CMARK_OPT_DEFAULT, 0);
    cmark_node *doc, *again;
    cmark_iter *a = NULL, *b = NULL;
    cmark_node *x, *y;
    int same = 0;

    if (md == NULL)
        return 0;
    doc = cmark_parse_document(md, strlen(md), CMARK_OPT_DEFAULT);
    free(md);
    again = cmark_node_first_child(doc);
    if (again != NULL && cmark_node_next(again) == NULL &&
        cmark_node_get_type(again) == cmark_node_get_type(block) &&
        (a = cmark_iter_new(block)) != NULL && (b = cmark_iter_new(again)) != NULL) {
        do {
            x = next_html_inline(a);
            y = next_html_inline(b);
        } while (x != NULL && y != NULL &&
                 strcmp(cmark_node_get_literal(x), cmark_node_get_literal(y)) == 0);
        same = x == NULL && y == NULL;
    }
    if (a != NULL)
        cmark_iter_free(a);
    if (b != NULL)
        cmark_iter_free(b);
    cmark_node_free(doc);
    return same;
}

typedef struct {
    int count;
    int drop;
} raw_count;

static int count_raw(cmark_node *node, void *data)
{
    raw_count *c = data;

    if (cmark_node_get_user_data(node) == (void *)&raw_mark) {
        c->count++;
        if (c->drop)
            cmark_node_free(node);
    }
    return ARTCONV_OK;
}

/* Counts the raw HTML nodes below `block`, freeing them with `drop`;
 * -1 when memory runs out.  cmark lets a leaf go on its ENTER event. */
static int raw_nodes(cmark_node *block, int drop)
{
    raw_count c = {0, drop};

    return ac_cmark_each_entered(block, count_raw, &c) < 0 ? -1 : c.count;
}

typedef struct {
    md_writer *w;
    int *dropped;
    artconv_error *err;
} raw_check;

static int check_block(cmark_node *node, void *data)
{
    raw_check *c = data;
    cmark_node_type type = cmark_node_get_type(node);
    int has;

    if (type != CMARK_NODE_PARAGRAPH && type != CMARK_NODE_HEADING)
        return ARTCONV_OK;
    if ((has = raw_nodes(node, 0)) < 0)
        return ac_nomem(c->err);
    if (has && !reads_back(node)) {
        *c->dropped = 1;
        if (raw_nodes(node, 1) < 0)
            return ac_nomem(c->err);
        ac_warn_write(c->w->opts, ARTCONV_EUNSUPPORTED,
                      "raw HTML that would not read back as raw HTML dropped");
    }
    /* Inlines hold no blocks: skip the children either way. */
    return AC_CMARK_SKIP_CHILDREN;
}

/* Checks each paragraph and heading that holds raw HTML (after
 * ac_mdw_tidy_spaces, which changes line starts) and drops the raw HTML of
 * those that would not read back with it. */
int ac_mdw_check_raw_inlines(md_writer *w, int *dropped, artconv_error *err)
{
    raw_check c = {w, dropped, err};
    int rc;

    *dropped = 0;
    rc = ac_cmark_each_entered(w->root, check_block, &c);
    return rc == ARTCONV_ENOMEM ? ac_nomem(err) : rc;
}
