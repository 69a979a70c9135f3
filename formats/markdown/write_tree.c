/*
 * write_tree.c - the model's tree as a cmark tree, walked with the model's
 * enter/exit iterator (no recursion): each model node opens, fills or
 * closes a cmark node at w->cur.  A list is written tight only where its
 * blocks read back the same; tables, HTML figures and raw HTML are handed
 * to write_html_block.c and write_raw_html.c.
 */
#include "md_writer.h"

#include <string.h>

/* 1 if a figure, a table or raw HTML is written as an HTML block. */
static int is_html_block(const artconv_node *node)
{
    const char *credit = artconv_node_get_credit(node);

    switch (artconv_node_get_kind(node)) {
    case ARTCONV_NODE_TABLE:
    case ARTCONV_NODE_RAW_HTML_BLOCK:
        return 1;
    case ARTCONV_NODE_FIGURE:
        return artconv_node_get_url(node) == NULL || (credit != NULL && *credit != '\0');
    default:
        return 0;
    }
}

/* 1 if `list` may start on the line after a paragraph: CommonMark lets
 * only a bullet list or one starting at 1, with a non-empty first item,
 * interrupt a paragraph. */
static int can_interrupt(const artconv_node *list)
{
    const artconv_node *first = artconv_node_first_child(list);

    return first != NULL && artconv_node_first_child(first) != NULL &&
           (!artconv_node_get_list_ordered(list) || artconv_node_get_list_start(list) == 1);
}

/* 1 if block `b` may follow block `a` on the next line, with no blank
 * line between (as in a tight item), and both read back as they were.
 * A list or quote would take a paragraph as lazy continuation and an HTML
 * block runs to the next blank line, so only blocks that close themselves
 * (an ATX heading, a fenced code block, a thematic break) may be followed
 * by anything; after a paragraph or a quote only what may interrupt a
 * paragraph fits (not a thematic break, which would make a setext heading,
 * and not a quote after a quote, which would merge). */
static int can_follow(const artconv_node *a, const artconv_node *b)
{
    artconv_node_kind ka = artconv_node_get_kind(a), kb = artconv_node_get_kind(b);

    if (is_html_block(a) || ka == ARTCONV_NODE_LIST)
        return 0;
    if (ka == ARTCONV_NODE_HEADING || ka == ARTCONV_NODE_CODE_BLOCK ||
        ka == ARTCONV_NODE_THEMATIC_BREAK)
        return 1;
    switch (kb) {
    case ARTCONV_NODE_RAW_HTML_BLOCK:
        return 0; /* raw HTML may be a kind of HTML block that cannot
                   * interrupt a paragraph */
    case ARTCONV_NODE_HEADING:
    case ARTCONV_NODE_CODE_BLOCK:
        return 1;
    case ARTCONV_NODE_BLOCKQUOTE:
        return ka != ARTCONV_NODE_BLOCKQUOTE;
    case ARTCONV_NODE_LIST:
        return can_interrupt(b);
    default:
        return is_html_block(b);
    }
}

/* 1 if `list` reads back as the same tree when written tight: cmark puts
 * no blank line between the blocks of a tight item. */
static int fits_tight(const artconv_node *list)
{
    const artconv_node *item, *block;

    for (item = artconv_node_first_child(list); item != NULL; item = artconv_node_next(item))
        for (block = artconv_node_first_child(item);
             block != NULL && artconv_node_next(block) != NULL; block = artconv_node_next(block))
            if (!can_follow(block, artconv_node_next(block)))
                return 0;
    return 1;
}

static int enter_list(md_writer *w, const artconv_node *list, artconv_error *err)
{
    cmark_node *node;
    int ok, rc;

    if ((rc = ac_mdw_add(&node, w->cur, CMARK_NODE_LIST, err)) < 0)
        return rc;
    w->cur = node;
    if (artconv_node_get_list_ordered(list))
        ok = cmark_node_set_list_type(node, CMARK_ORDERED_LIST) &&
             cmark_node_set_list_delim(node, CMARK_PERIOD_DELIM) &&
             cmark_node_set_list_start(node, artconv_node_get_list_start(list));
    else
        ok = cmark_node_set_list_type(node, CMARK_BULLET_LIST);
    /* cmark's new lists are loose. */
    ok = ok &&
         cmark_node_set_list_tight(node, artconv_node_get_list_tight(list) && fits_tight(list));
    return ok ? ARTCONV_OK : ac_mdw_cmark_failed(err, "a list's attributes");
}

static int enter_code_block(md_writer *w, const artconv_node *code, artconv_error *err)
{
    const char *literal = artconv_node_get_literal(code);
    const char *info = artconv_node_get_info(code);
    cmark_node *node;
    int rc;

    if (artconv_node_get_kind(artconv_node_prev(code)) == ARTCONV_NODE_LIST)
        return ac_mdw_add_fenced_code(w, literal != NULL ? literal : "", info, err);
    if ((rc = ac_mdw_add(&node, w->cur, CMARK_NODE_CODE_BLOCK, err)) < 0)
        return rc;
    if (info != NULL) {
        /* The info string is the rest of the fence line. */
        if ((rc = ac_mdw_one_line(w, info, err)) < 0)
            return rc;
        if (!cmark_node_set_fence_info(node, w->tmp.ptr))
            return ac_mdw_cmark_failed(err, "an info string");
    }
    /* A parsed code block ends with a line ending; so does ours. */
    ac_mdw_copy_breaks(&w->tmp, literal != NULL ? literal : "", "\n", 0, &rc);
    if (rc == 0 && w->tmp.len > 0 && w->tmp.ptr[w->tmp.len - 1] != '\n')
        rc = artconv_buf_putc(&w->tmp, '\n');
    if (rc < 0)
        return ac_nomem(err);
    return cmark_node_set_literal(node, w->tmp.ptr) ? ARTCONV_OK : ac_mdw_cmark_failed(err, "code");
}

static int enter_link(md_writer *w, const artconv_node *link, artconv_error *err)
{
    cmark_node *node;
    int rc;

    /* CommonMark has no link inside a link: the inner one is its text. */
    if (w->link_depth++ > 0)
        return ARTCONV_OK;
    if ((rc = ac_mdw_add(&node, w->cur, CMARK_NODE_LINK, err)) < 0)
        return rc;
    w->cur = node;
    return ac_mdw_set_destination(w, node, artconv_node_get_url(link), artconv_node_get_title(link),
                                  err);
}

/* Super- and subscript: raw HTML tags around the children in Markdown.
 * Inside an HTML block, a custom inline: cmark's safe HTML renderer keeps
 * its tags but would drop raw HTML. */
static int enter_script(md_writer *w, const char *tag, artconv_error *err)
{
    cmark_node *node;
    int rc;

    if (!w->in_html)
        return ac_mdw_add_literal(w->cur, CMARK_NODE_HTML_INLINE, tag, err);
    if ((rc = ac_mdw_add(&node, w->cur, CMARK_NODE_CUSTOM_INLINE, err)) < 0)
        return rc;
    w->cur = node;
    return ARTCONV_OK;
}

static int exit_script(md_writer *w, const char *open, const char *close, artconv_error *err)
{
    if (!w->in_html)
        return ac_mdw_add_literal(w->cur, CMARK_NODE_HTML_INLINE, close, err);
    if (!cmark_node_set_on_enter(w->cur, open) || !cmark_node_set_on_exit(w->cur, close))
        return ac_mdw_cmark_failed(err, "a custom inline");
    w->cur = cmark_node_parent(w->cur);
    return ARTCONV_OK;
}

/* Opens a cmark container of `type` and makes it the current parent. */
static int open_node(md_writer *w, cmark_node_type type, artconv_error *err)
{
    cmark_node *node;
    int rc;

    if ((rc = ac_mdw_add(&node, w->cur, type, err)) < 0)
        return rc;
    w->cur = node;
    return ARTCONV_OK;
}

static int enter(md_writer *w, const artconv_node *node, artconv_error *err)
{
    const int has_children = artconv_node_first_child(node) != NULL;
    int rc;

    switch (artconv_node_get_kind(node)) {
    case ARTCONV_NODE_HEADING:
        if ((rc = open_node(w, CMARK_NODE_HEADING, err)) < 0)
            return rc;
        w->in_heading = 1;
        return cmark_node_set_heading_level(w->cur, artconv_node_get_level(node))
                   ? ARTCONV_OK
                   : ac_mdw_cmark_failed(err, "a heading level");
    case ARTCONV_NODE_PARAGRAPH:
        return open_node(w, CMARK_NODE_PARAGRAPH, err);
    case ARTCONV_NODE_BLOCKQUOTE:
        return open_node(w, CMARK_NODE_BLOCK_QUOTE, err);
    case ARTCONV_NODE_LIST:
        return enter_list(w, node, err);
    case ARTCONV_NODE_ITEM:
        return open_node(w, CMARK_NODE_ITEM, err);
    case ARTCONV_NODE_CODE_BLOCK:
        return enter_code_block(w, node, err);
    case ARTCONV_NODE_THEMATIC_BREAK:
        return ac_mdw_add(NULL, w->cur, CMARK_NODE_THEMATIC_BREAK, err);
    case ARTCONV_NODE_FIGURE:
        return ac_mdw_enter_figure(w, node, err);
    case ARTCONV_NODE_CAPTION:
        /* In an implicit figure: the image, a line end, the caption. */
        if (w->in_html || !has_children)
            return ARTCONV_OK;
        if ((rc = ac_mdw_add(NULL, w->cur, CMARK_NODE_SOFTBREAK, err)) < 0)
            return rc;
        return open_node(w, CMARK_NODE_EMPH, err);
    case ARTCONV_NODE_ATTRIBUTION:
        if ((rc = open_node(w, CMARK_NODE_PARAGRAPH, err)) < 0)
            return rc;
        return ac_mdw_add_literal(w->cur, CMARK_NODE_TEXT, "\xe2\x80\x94 ", err);
    case ARTCONV_NODE_TABLE:
        return ac_mdw_enter_table(w, node, err);
    case ARTCONV_NODE_TABLE_ROW:
        return ac_mdw_enter_row(w, node, err);
    case ARTCONV_NODE_TABLE_CELL:
        return ac_mdw_enter_cell(w, err);
    case ARTCONV_NODE_TEXT:
        return ac_mdw_add_text(w, w->cur, artconv_node_get_literal(node), !w->in_heading, err);
    case ARTCONV_NODE_SOFTBREAK:
        if (w->in_heading)
            return ac_mdw_add_literal(w->cur, CMARK_NODE_TEXT, " ", err);
        return ac_mdw_add(NULL, w->cur, CMARK_NODE_SOFTBREAK, err);
    case ARTCONV_NODE_LINEBREAK:
        if (w->in_heading)
            return ac_mdw_add_literal(w->cur, CMARK_NODE_TEXT, " ", err);
        return ac_mdw_add(NULL, w->cur, CMARK_NODE_LINEBREAK, err);
    case ARTCONV_NODE_CODE:
        /* A code span's line endings read back as spaces anyway. */
        if ((rc = ac_mdw_one_line(w, artconv_node_get_literal(node), err)) < 0)
            return rc;
        if (ac_mdw_is_blank_code(w->tmp.ptr) || (w->pipe && strchr(w->tmp.ptr, '|') != NULL))
            return ac_mdw_add_code_markdown(w, w->tmp.ptr, w->pipe, err);
        return ac_mdw_add_literal(w->cur, CMARK_NODE_CODE, w->tmp.ptr, err);
    case ARTCONV_NODE_EMPH:
    case ARTCONV_NODE_STRONG:
        /* An empty one would come out as literal asterisks. */
        if (!has_children)
            return ARTCONV_OK;
        return open_node(w,
                         artconv_node_get_kind(node) == ARTCONV_NODE_EMPH ? CMARK_NODE_EMPH
                                                                          : CMARK_NODE_STRONG,
                         err);
    case ARTCONV_NODE_LINK:
        return enter_link(w, node, err);
    case ARTCONV_NODE_IMAGE:
        return ac_mdw_add_image(w, w->cur, artconv_node_get_url(node), artconv_node_get_alt(node),
                                artconv_node_get_title(node), err);
    case ARTCONV_NODE_SUPERSCRIPT:
        return enter_script(w, "<sup>", err);
    case ARTCONV_NODE_SUBSCRIPT:
        return enter_script(w, "<sub>", err);
    case ARTCONV_NODE_RAW_HTML_BLOCK:
        return ac_mdw_add_raw_block(w, artconv_node_get_literal(node), err);
    case ARTCONV_NODE_RAW_HTML_INLINE:
        return ac_mdw_add_raw_inline(w, artconv_node_get_literal(node), err);
    default:
        return ARTCONV_OK;
    }
}

static int leave(md_writer *w, const artconv_node *node, artconv_error *err)
{
    const int has_children = artconv_node_first_child(node) != NULL;

    switch (artconv_node_get_kind(node)) {
    case ARTCONV_NODE_HEADING:
        w->in_heading = 0;
        w->cur = cmark_node_parent(w->cur);
        return ARTCONV_OK;
    case ARTCONV_NODE_PARAGRAPH:
    case ARTCONV_NODE_BLOCKQUOTE:
    case ARTCONV_NODE_LIST:
    case ARTCONV_NODE_ITEM:
    case ARTCONV_NODE_ATTRIBUTION:
        w->cur = cmark_node_parent(w->cur);
        return ARTCONV_OK;
    case ARTCONV_NODE_CAPTION:
        if (!w->in_html && has_children)
            w->cur = cmark_node_parent(w->cur);
        return ARTCONV_OK;
    case ARTCONV_NODE_FIGURE:
        return ac_mdw_exit_figure(w, node, err);
    case ARTCONV_NODE_TABLE:
        return ac_mdw_exit_table(w, err);
    case ARTCONV_NODE_TABLE_ROW:
        return ac_mdw_exit_row(w, err);
    case ARTCONV_NODE_TABLE_CELL:
        return ac_mdw_exit_cell(w, err);
    case ARTCONV_NODE_EMPH:
    case ARTCONV_NODE_STRONG:
        return has_children ? ac_mdw_close_emphasis(w, err) : ARTCONV_OK;
    case ARTCONV_NODE_LINK:
        if (--w->link_depth == 0)
            w->cur = cmark_node_parent(w->cur);
        return ARTCONV_OK;
    case ARTCONV_NODE_SUPERSCRIPT:
        return exit_script(w, "<sup>", "</sup>", err);
    case ARTCONV_NODE_SUBSCRIPT:
        return exit_script(w, "<sub>", "</sub>", err);
    default:
        return ARTCONV_OK;
    }
}

int ac_mdw_build_block(md_writer *w, const artconv_node *block, artconv_error *err)
{
    artconv_iter it;
    artconv_event ev;
    int rc = ARTCONV_OK;

    artconv_iter_init(&it, block);
    while (rc == 0 && (ev = artconv_iter_next(&it)) != ARTCONV_EVENT_DONE) {
        if (ev == ARTCONV_EVENT_ENTER)
            rc = enter(w, artconv_iter_node(&it), err);
        else
            rc = leave(w, artconv_iter_node(&it), err);
    }
    return rc;
}
