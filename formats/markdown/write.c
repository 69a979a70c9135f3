/*
 * markdown_write.c - the article as CommonMark, with YAML front matter.
 *
 * The body becomes a cmark node tree that cmark renders, so every bit of
 * Markdown escaping is cmark's.  The front matter goes through libyaml's
 * emitter, so every bit of YAML quoting is libyaml's.  What CommonMark lacks
 * (figures with a credit, tables, super- and subscript) becomes raw HTML
 * made only of fixed tags and pieces that cmark itself rendered to HTML, so
 * no model text ever reaches the output unescaped.
 *
 * Conventions (the Markdown reader reads them back):
 *  - A figure with an image and no credit is an "implicit figure": a
 *    paragraph holding only the image, then a soft break and the caption
 *    in emphasis.  Any other figure is an HTML block: <figure>, <img>,
 *    <figcaption> with the caption and <small class="credit">.
 *  - A quote's attribution is the quote's last paragraph, "— " first.
 *  - A table is an HTML block: <thead> for the leading header rows, <tbody>
 *    for the rest; cells of header rows are <th>.
 *  - Front matter (formats/markdown/front_matter.c): the canonical metadata names, then
 *    the extra metadata; authors and keywords are block sequences; the lead
 *    image is `image: URL` when only its URL is set, otherwise a mapping.
 *  - A list right after a list at the top level takes the other bullet or
 *    delimiter, instead of cmark's "<!-- end list -->" comment.
 *  - Raw HTML nodes are written verbatim, but only while they are inert
 *    (src/raw_html.c) and cmark reads them back as the same raw HTML;
 *    otherwise they are dropped with a warning.
 *  - White space that starts a paragraph's or heading's line, which
 *    CommonMark would strip, starts with a character reference ("&#9;").
 */
#include "format_entries.h"
#include "front_matter.h"
#include "raw_html.h"
#include "xhtml.h"

#include <cmark.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------------
 * Body: the model's tree as a cmark tree
 */

/* Table sections opened so far. */
enum { SECTION_NONE, SECTION_HEAD, SECTION_BODY };

typedef struct {
    cmark_node *root; /* the cmark document */
    cmark_node *cur;  /* where the next cmark node goes */
    /* While a table or an HTML figure is written: the node the finished
     * HTML block goes into, the HTML so far, and a detached paragraph that
     * collects one cell's or caption's inlines for cmark to render. */
    int in_html;
    cmark_node *html_parent;
    cmark_node *scratch;
    artconv_buf html;
    int section;    /* SECTION_* of the table */
    int header_row; /* the current row is a header row */
    int in_heading; /* ATX headings hold one line: breaks become spaces */
    int link_depth; /* links nested in links are written as their text */
    artconv_buf tmp;
    const artconv_write_options *opts;
    int has_raw; /* a raw inline was written: check_raw_inlines has work */
} md_writer;

/* Marks the HTML_INLINE nodes that hold a raw HTML node, so the check
 * after the build can tell them from the writer's own tags. */
static const char raw_mark = 0;

static int cmark_failed(artconv_error *err, const char *what)
{
    return ac_error(err, ARTCONV_EINVALID, "cmark refused %s", what);
}

/* Creates a cmark node of `type` at the end of `parent`'s children. */
static int add(cmark_node **out, cmark_node *parent, cmark_node_type type, artconv_error *err)
{
    cmark_node *node = cmark_node_new(type);

    /* Set on every path, so that optimising compilers (-O3 inlines this)
     * see callers' nodes as initialised even where an error is returned. */
    if (out != NULL)
        *out = NULL;
    if (node == NULL)
        return ac_nomem(err);
    if (!cmark_node_append_child(parent, node)) {
        int rc = ac_error(err, ARTCONV_EINVALID, "cmark refused a %s inside a %s",
                          cmark_node_get_type_string(node), cmark_node_get_type_string(parent));

        cmark_node_free(node);
        return rc;
    }
    if (out != NULL)
        *out = node;
    return ARTCONV_OK;
}

static int add_literal(cmark_node *parent, cmark_node_type type, const char *literal,
                       artconv_error *err)
{
    cmark_node *node;
    int rc;

    if ((rc = add(&node, parent, type, err)) < 0)
        return rc;
    return cmark_node_set_literal(node, literal) ? ARTCONV_OK : cmark_failed(err, "a literal");
}

/* Copies `s` into `buf` (emptied first) with each line ending (CRLF, CR,
 * LF) replaced by `nl`, and stops before the next line ending when `stop`
 * is set; returns the number of bytes of `s` consumed. */
static size_t copy_breaks(artconv_buf *buf, const char *s, const char *nl, int stop, int *rc)
{
    size_t i = 0, n;

    artconv_buf_clear(buf);
    *rc = artconv_buf_put(buf, "", 0);
    while (*rc == 0 && s[i] != '\0') {
        n = strcspn(s + i, "\r\n");
        if ((*rc = artconv_buf_put(buf, s + i, n)) < 0)
            break;
        i += n;
        if (s[i] == '\0' || stop)
            break;
        i += s[i] == '\r' && s[i + 1] == '\n' ? 2 : 1;
        *rc = artconv_buf_puts(buf, nl);
    }
    return i;
}

/* Appends text.  Line endings become soft breaks, or spaces where a line
 * cannot end (`soft` 0): cmark writes a text node's newline as it is, and
 * two of them would end the paragraph. */
static int add_text(md_writer *w, cmark_node *parent, const char *s, int soft, artconv_error *err)
{
    size_t used;
    int rc = ARTCONV_OK;

    if (!soft) {
        copy_breaks(&w->tmp, s, " ", 0, &rc);
        if (rc < 0)
            return ac_nomem(err);
        return add_literal(parent, CMARK_NODE_TEXT, w->tmp.ptr, err);
    }
    while (*s != '\0') {
        used = copy_breaks(&w->tmp, s, "", 1, &rc);
        if (rc < 0)
            return ac_nomem(err);
        if (used > 0 && (rc = add_literal(parent, CMARK_NODE_TEXT, w->tmp.ptr, err)) < 0)
            return rc;
        s += used;
        if (*s == '\0')
            break;
        s += s[0] == '\r' && s[1] == '\n' ? 2 : 1;
        if ((rc = add(NULL, parent, CMARK_NODE_SOFTBREAK, err)) < 0)
            return rc;
    }
    return ARTCONV_OK;
}

/* Appends an image whose alt text is its text child, as cmark has it. */
static int add_image(md_writer *w, cmark_node *parent, const char *url, const char *alt,
                     const char *title, artconv_error *err)
{
    cmark_node *image;
    int rc;

    if ((rc = add(&image, parent, CMARK_NODE_IMAGE, err)) < 0)
        return rc;
    /* Renderers other than cmark's safe default turn a javascript: or
     * data:text/html destination into a live URL: leave it empty. */
    if (url != NULL && !ac_xhtml_url_is_safe(url, 1)) {
        url = "";
        title = NULL; /* `( "title")` without a destination is no image */
    }
    if (!cmark_node_set_url(image, url != NULL ? url : ""))
        return cmark_failed(err, "an image URL");
    if (title != NULL) {
        copy_breaks(&w->tmp, title, " ", 0, &rc);
        if (rc < 0)
            return ac_nomem(err);
        if (!cmark_node_set_title(image, w->tmp.ptr))
            return cmark_failed(err, "an image title");
    }
    if (alt != NULL && *alt != '\0')
        return add_text(w, image, alt, 0, err);
    return ARTCONV_OK;
}

/* Renders the inlines of a detached cmark paragraph to HTML, without the
 * <p> around them, and appends that to `out`.  cmark's safe default drops
 * dangerous URLs.  Line endings become spaces, which mean the same in
 * inline HTML and keep blank lines out of the HTML block. */
static int put_inline_html(artconv_buf *out, cmark_node *paragraph, artconv_error *err)
{
    char *html = cmark_render_html(paragraph, CMARK_OPT_DEFAULT);
    size_t len, i;
    int rc = ARTCONV_OK;

    if (html == NULL)
        return ac_nomem(err);
    len = strlen(html);
    if (len < 8 || memcmp(html, "<p>", 3) != 0 || memcmp(html + len - 5, "</p>\n", 5) != 0) {
        rc = ac_error(err, ARTCONV_EINVALID, "cmark rendered an unexpected paragraph");
        goto cleanup;
    }
    for (i = 3; i < len - 5; i++)
        if (html[i] == '\n' || html[i] == '\r')
            html[i] = ' ';
    if (artconv_buf_put(out, html + 3, len - 8) < 0)
        rc = ac_nomem(err);
cleanup:
    free(html);
    return rc;
}

/* Appends the HTML of one image, or of one piece of text, rendered by cmark
 * from a throw-away paragraph. */
static int put_piece_html(md_writer *w, const char *url, const char *text, artconv_error *err)
{
    cmark_node *paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH);
    int rc;

    if (paragraph == NULL)
        return ac_nomem(err);
    if (url != NULL)
        AC_CHECK(add_image(w, paragraph, url, text, NULL, err));
    else
        AC_CHECK(add_text(w, paragraph, text, 0, err));
    AC_CHECK(put_inline_html(&w->html, paragraph, err));
cleanup:
    cmark_node_free(paragraph);
    return rc;
}

/* Appends the finished HTML block where the table or figure stood. */
static int end_html_block(md_writer *w, artconv_error *err)
{
    int rc;

    w->cur = w->html_parent;
    w->in_html = 0;
    if ((rc = add_literal(w->cur, CMARK_NODE_HTML_BLOCK, w->html.ptr, err)) < 0)
        return rc;
    artconv_buf_clear(&w->html);
    return ARTCONV_OK;
}

static int start_html_block(md_writer *w, const char *open, artconv_error *err)
{
    w->in_html = 1;
    w->html_parent = w->cur;
    artconv_buf_clear(&w->html);
    return artconv_buf_puts(&w->html, open) < 0 ? ac_nomem(err) : ARTCONV_OK;
}

/* A detached paragraph collects the inlines of a caption or cell. */
static int start_scratch(md_writer *w, artconv_error *err)
{
    w->scratch = cmark_node_new(CMARK_NODE_PARAGRAPH);
    if (w->scratch == NULL)
        return ac_nomem(err);
    w->cur = w->scratch;
    return ARTCONV_OK;
}

static int end_scratch(md_writer *w, artconv_error *err)
{
    int rc = put_inline_html(&w->html, w->scratch, err);

    cmark_node_free(w->scratch);
    w->scratch = NULL;
    w->cur = w->html_parent;
    return rc;
}

static int enter_figure(md_writer *w, const artconv_node *figure, artconv_error *err)
{
    const char *url = artconv_node_get_url(figure);
    const char *credit = artconv_node_get_credit(figure);
    cmark_node *paragraph;
    int rc;

    if (url != NULL && (credit == NULL || *credit == '\0')) {
        if ((rc = add(&paragraph, w->cur, CMARK_NODE_PARAGRAPH, err)) < 0)
            return rc;
        w->cur = paragraph;
        return add_image(w, paragraph, url, artconv_node_get_alt(figure), NULL, err);
    }
    if ((rc = start_html_block(w, "<figure>\n", err)) < 0)
        return rc;
    if (url != NULL) {
        if ((rc = put_piece_html(w, url, artconv_node_get_alt(figure), err)) < 0)
            return rc;
        if (artconv_buf_putc(&w->html, '\n') < 0)
            return ac_nomem(err);
    }
    /* The caption's inlines land here even when the figure has none. */
    return start_scratch(w, err);
}

static int exit_figure(md_writer *w, const artconv_node *figure, artconv_error *err)
{
    const char *credit = artconv_node_get_credit(figure);
    int has_caption = cmark_node_first_child(w->scratch) != NULL;
    int has_credit = credit != NULL && *credit != '\0';
    int rc = ARTCONV_OK;

    if (!w->in_html) {
        w->cur = cmark_node_parent(w->cur);
        return ARTCONV_OK;
    }
    if (has_caption || has_credit)
        AC_CHECK(artconv_buf_puts(&w->html, "<figcaption>"));
    if (has_caption) {
        /* end_scratch points `cur` back at the block's parent. */
        AC_CHECK(end_scratch(w, err));
    } else {
        cmark_node_free(w->scratch);
        w->scratch = NULL;
        w->cur = w->html_parent;
    }
    if (has_caption && has_credit)
        AC_CHECK(artconv_buf_putc(&w->html, ' '));
    if (has_credit) {
        AC_CHECK(artconv_buf_puts(&w->html, "<small class=\"credit\">"));
        AC_CHECK(put_piece_html(w, NULL, credit, err));
        AC_CHECK(artconv_buf_puts(&w->html, "</small>"));
    }
    if (has_caption || has_credit)
        AC_CHECK(artconv_buf_puts(&w->html, "</figcaption>\n"));
    AC_CHECK(artconv_buf_puts(&w->html, "</figure>\n"));
    return end_html_block(w, err);
cleanup:
    return rc == ARTCONV_ENOMEM ? ac_nomem(err) : rc;
}

static int enter_row(md_writer *w, const artconv_node *row, artconv_error *err)
{
    int rc = ARTCONV_OK;

    w->header_row = artconv_node_get_header(row);
    if (w->header_row && w->section == SECTION_NONE) {
        AC_CHECK(artconv_buf_puts(&w->html, "<thead>\n"));
        w->section = SECTION_HEAD;
    } else if (!w->header_row && w->section != SECTION_BODY) {
        if (w->section == SECTION_HEAD)
            AC_CHECK(artconv_buf_puts(&w->html, "</thead>\n"));
        AC_CHECK(artconv_buf_puts(&w->html, "<tbody>\n"));
        w->section = SECTION_BODY;
    }
    AC_CHECK(artconv_buf_puts(&w->html, "<tr>"));
cleanup:
    return rc < 0 ? ac_nomem(err) : rc;
}

static int exit_table(md_writer *w, artconv_error *err)
{
    static const char *const closing[] = {"", "</thead>\n", "</tbody>\n"};

    if (artconv_buf_puts(&w->html, closing[w->section]) < 0 ||
        artconv_buf_puts(&w->html, "</table>\n") < 0)
        return ac_nomem(err);
    return end_html_block(w, err);
}

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

    if ((rc = add(&node, w->cur, CMARK_NODE_LIST, err)) < 0)
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
    return ok ? ARTCONV_OK : cmark_failed(err, "a list's attributes");
}

static int enter_code_block(md_writer *w, const artconv_node *code, artconv_error *err)
{
    const char *literal = artconv_node_get_literal(code);
    const char *info = artconv_node_get_info(code);
    cmark_node *node;
    int rc;

    if ((rc = add(&node, w->cur, CMARK_NODE_CODE_BLOCK, err)) < 0)
        return rc;
    if (info != NULL) {
        /* The info string is the rest of the fence line. */
        copy_breaks(&w->tmp, info, " ", 0, &rc);
        if (rc < 0)
            return ac_nomem(err);
        if (!cmark_node_set_fence_info(node, w->tmp.ptr))
            return cmark_failed(err, "an info string");
    }
    /* A parsed code block ends with a line ending; so does ours. */
    copy_breaks(&w->tmp, literal != NULL ? literal : "", "\n", 0, &rc);
    if (rc == 0 && w->tmp.len > 0 && w->tmp.ptr[w->tmp.len - 1] != '\n')
        rc = artconv_buf_putc(&w->tmp, '\n');
    if (rc < 0)
        return ac_nomem(err);
    return cmark_node_set_literal(node, w->tmp.ptr) ? ARTCONV_OK : cmark_failed(err, "code");
}

static int enter_link(md_writer *w, const artconv_node *link, artconv_error *err)
{
    const char *url = artconv_node_get_url(link);
    const char *title = artconv_node_get_title(link);
    cmark_node *node;
    int rc;

    /* CommonMark has no link inside a link: the inner one is its text. */
    if (w->link_depth++ > 0)
        return ARTCONV_OK;
    if ((rc = add(&node, w->cur, CMARK_NODE_LINK, err)) < 0)
        return rc;
    w->cur = node;
    if (url != NULL && !ac_xhtml_url_is_safe(url, 0)) {
        url = ""; /* as for images: never a live javascript: link */
        title = NULL;
    }
    if (!cmark_node_set_url(node, url != NULL ? url : ""))
        return cmark_failed(err, "a link URL");
    if (title != NULL) {
        copy_breaks(&w->tmp, title, " ", 0, &rc);
        if (rc < 0)
            return ac_nomem(err);
        if (!cmark_node_set_title(node, w->tmp.ptr))
            return cmark_failed(err, "a link title");
    }
    return ARTCONV_OK;
}

/* Super- and subscript: raw HTML tags around the children in Markdown.
 * Inside an HTML block, a custom inline: cmark's safe HTML renderer keeps
 * its tags but would drop raw HTML. */
static int enter_script(md_writer *w, const char *tag, artconv_error *err)
{
    cmark_node *node;
    int rc;

    if (!w->in_html)
        return add_literal(w->cur, CMARK_NODE_HTML_INLINE, tag, err);
    if ((rc = add(&node, w->cur, CMARK_NODE_CUSTOM_INLINE, err)) < 0)
        return rc;
    w->cur = node;
    return ARTCONV_OK;
}

static int exit_script(md_writer *w, const char *open, const char *close, artconv_error *err)
{
    if (!w->in_html)
        return add_literal(w->cur, CMARK_NODE_HTML_INLINE, close, err);
    if (!cmark_node_set_on_enter(w->cur, open) || !cmark_node_set_on_exit(w->cur, close))
        return cmark_failed(err, "a custom inline");
    w->cur = cmark_node_parent(w->cur);
    return ARTCONV_OK;
}

/* --- raw HTML ------------------------------------------------------------- */

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

static int add_raw_block(md_writer *w, const char *html, artconv_error *err)
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
    return add_literal(w->cur, CMARK_NODE_HTML_BLOCK, w->tmp.ptr, err);
}

static int add_raw_inline(md_writer *w, const char *html, artconv_error *err)
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
    if ((rc = add(&node, w->cur, CMARK_NODE_HTML_INLINE, err)) < 0)
        return rc;
    if (!cmark_node_set_literal(node, html) || !cmark_node_set_user_data(node, (void *)&raw_mark))
        return cmark_failed(err, "raw HTML");
    w->has_raw = 1;
    return ARTCONV_OK;
}

/* Advances `it` to the next HTML_INLINE node; NULL at the end. */
static cmark_node *next_html_inline(cmark_iter *it)
{
    cmark_event_type ev;

    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);

        if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_HTML_INLINE)
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

/* Counts the raw HTML nodes below `block`, freeing them with `drop`;
 * -1 when memory runs out.  cmark lets a leaf go on its ENTER event. */
static int raw_nodes(cmark_node *block, int drop)
{
    cmark_iter *it = cmark_iter_new(block);
    cmark_event_type ev;
    int count = 0;

    if (it == NULL)
        return -1;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);

        if (ev == CMARK_EVENT_ENTER && cmark_node_get_user_data(n) == (void *)&raw_mark) {
            count++;
            if (drop)
                cmark_node_free(n);
        }
    }
    cmark_iter_free(it);
    return count;
}

/* Checks each paragraph and heading that holds raw HTML (after
 * tidy_spaces, which changes line starts) and drops the raw HTML of those
 * that would not read back with it. */
static int check_raw_inlines(md_writer *w, int *dropped, artconv_error *err)
{
    cmark_iter *it = cmark_iter_new(w->root);
    cmark_event_type ev;
    int rc = ARTCONV_OK, has;

    *dropped = 0;
    if (it == NULL)
        return ac_nomem(err);
    while (rc == 0 && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        cmark_node_type type = cmark_node_get_type(n);

        if (ev != CMARK_EVENT_ENTER || (type != CMARK_NODE_PARAGRAPH && type != CMARK_NODE_HEADING))
            continue;
        /* Inlines hold no blocks: skip the children either way. */
        cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
        if ((has = raw_nodes(n, 0)) < 0) {
            rc = ac_nomem(err);
        } else if (has && !reads_back(n)) {
            if (raw_nodes(n, 1) < 0)
                rc = ac_nomem(err);
            else
                ac_warn_write(w->opts, ARTCONV_EUNSUPPORTED,
                              "raw HTML that would not read back as raw HTML dropped");
            *dropped = 1;
        }
    }
    cmark_iter_free(it);
    return rc;
}

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
static int close_emphasis(md_writer *w, artconv_error *err)
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
            return cmark_failed(err, "a space");
        }
        if (!cmark_node_set_literal(first, lit + n))
            return cmark_failed(err, "a literal");
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
            return cmark_failed(err, "a literal");
        if ((rc = add_literal(w->cur, CMARK_NODE_TEXT, " ", err)) < 0)
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
        /* Towards the end, blank text goes too (tidy_spaces drops it). */
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

/* Deals with spaces and tabs at the start and end of each line of
 * paragraphs and headings, and escapes a tilde fence.  CommonMark drops
 * them when reading, and cmark would write them as they are: four leading
 * spaces read back as code, two trailing ones as a hard line break.  So
 * trailing ones go, and the first leading one is written as a character
 * reference, after which the rest is plain text to CommonMark.  Only
 * literals change and nodes are only added before the current one, so the
 * walk is safe. */
static int tidy_spaces(cmark_node *root, artconv_buf *tmp)
{
    cmark_iter *it = cmark_iter_new(root);
    cmark_event_type ev;
    int rc = ARTCONV_OK;

    if (it == NULL)
        return ARTCONV_ENOMEM;
    while (rc == 0 && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *node = cmark_iter_get_node(it);
        const char *lit;
        size_t start = 0, len;

        if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_TEXT)
            continue;
        lit = cmark_node_get_literal(node);
        len = strlen(lit);
        if (at_line_edge(node, -1) && leading_blanks(lit) > 0) {
            if ((rc = put_reference(node, lit[0] == '\t' ? "&#9;" : "&#32;")) < 0)
                break;
            start = 1;
        } else if (at_line_edge(node, -1) &&
                   cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_PARAGRAPH &&
                   len >= 3 && memcmp(lit, "~~~", 3) == 0) {
            /* cmark 0.30.2 escapes a line's leading backticks but not its
             * tildes, and "~~~" would open a code block: the first one goes
             * out as a character reference, the way cmark escapes spaces. */
            if ((rc = put_reference(node, "&#126;")) < 0)
                break;
            start = 1;
        }
        if (at_line_edge(node, 1))
            len -= trailing_blanks(lit + start, len - start);
        if (start == 0 && len == strlen(lit))
            continue;
        artconv_buf_clear(tmp);
        if (artconv_buf_put(tmp, lit + start, len - start) < 0)
            rc = ARTCONV_ENOMEM;
        else if (!cmark_node_set_literal(node, tmp->ptr))
            rc = ARTCONV_EINVALID;
    }
    cmark_iter_free(it);
    return rc;
}

/* Opens a cmark container of `type` and makes it the current parent. */
static int open_node(md_writer *w, cmark_node_type type, artconv_error *err)
{
    cmark_node *node;
    int rc;

    if ((rc = add(&node, w->cur, type, err)) < 0)
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
                   : cmark_failed(err, "a heading level");
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
        return add(NULL, w->cur, CMARK_NODE_THEMATIC_BREAK, err);
    case ARTCONV_NODE_FIGURE:
        return enter_figure(w, node, err);
    case ARTCONV_NODE_CAPTION:
        /* In an implicit figure: the image, a line end, the caption. */
        if (w->in_html || !has_children)
            return ARTCONV_OK;
        if ((rc = add(NULL, w->cur, CMARK_NODE_SOFTBREAK, err)) < 0)
            return rc;
        return open_node(w, CMARK_NODE_EMPH, err);
    case ARTCONV_NODE_ATTRIBUTION:
        if ((rc = open_node(w, CMARK_NODE_PARAGRAPH, err)) < 0)
            return rc;
        return add_literal(w->cur, CMARK_NODE_TEXT, "\xe2\x80\x94 ", err);
    case ARTCONV_NODE_TABLE:
        w->section = SECTION_NONE;
        return start_html_block(w, "<table>\n", err);
    case ARTCONV_NODE_TABLE_ROW:
        return enter_row(w, node, err);
    case ARTCONV_NODE_TABLE_CELL:
        if (artconv_buf_puts(&w->html, w->header_row ? "<th>" : "<td>") < 0)
            return ac_nomem(err);
        return start_scratch(w, err);
    case ARTCONV_NODE_TEXT:
        return add_text(w, w->cur, artconv_node_get_literal(node), !w->in_heading, err);
    case ARTCONV_NODE_SOFTBREAK:
        if (w->in_heading)
            return add_literal(w->cur, CMARK_NODE_TEXT, " ", err);
        return add(NULL, w->cur, CMARK_NODE_SOFTBREAK, err);
    case ARTCONV_NODE_LINEBREAK:
        if (w->in_heading)
            return add_literal(w->cur, CMARK_NODE_TEXT, " ", err);
        return add(NULL, w->cur, CMARK_NODE_LINEBREAK, err);
    case ARTCONV_NODE_CODE:
        /* A code span's line endings read back as spaces anyway. */
        copy_breaks(&w->tmp, artconv_node_get_literal(node), " ", 0, &rc);
        if (rc < 0)
            return ac_nomem(err);
        return add_literal(w->cur, CMARK_NODE_CODE, w->tmp.ptr, err);
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
        return add_image(w, w->cur, artconv_node_get_url(node), artconv_node_get_alt(node),
                         artconv_node_get_title(node), err);
    case ARTCONV_NODE_SUPERSCRIPT:
        return enter_script(w, "<sup>", err);
    case ARTCONV_NODE_SUBSCRIPT:
        return enter_script(w, "<sub>", err);
    case ARTCONV_NODE_RAW_HTML_BLOCK:
        return add_raw_block(w, artconv_node_get_literal(node), err);
    case ARTCONV_NODE_RAW_HTML_INLINE:
        return add_raw_inline(w, artconv_node_get_literal(node), err);
    default:
        return ARTCONV_OK;
    }
}

static int leave(md_writer *w, const artconv_node *node, artconv_error *err)
{
    const int has_children = artconv_node_first_child(node) != NULL;
    int rc;

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
        return exit_figure(w, node, err);
    case ARTCONV_NODE_TABLE:
        return exit_table(w, err);
    case ARTCONV_NODE_TABLE_ROW:
        return artconv_buf_puts(&w->html, "</tr>\n") < 0 ? ac_nomem(err) : ARTCONV_OK;
    case ARTCONV_NODE_TABLE_CELL:
        if ((rc = end_scratch(w, err)) < 0)
            return rc;
        return artconv_buf_puts(&w->html, w->header_row ? "</th>" : "</td>") < 0 ? ac_nomem(err)
                                                                                 : ARTCONV_OK;
    case ARTCONV_NODE_EMPH:
    case ARTCONV_NODE_STRONG:
        return has_children ? close_emphasis(w, err) : ARTCONV_OK;
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

/* The title as a level-1 heading and the subtitle as an emphasised
 * paragraph, for output without front matter. */
static int add_title(md_writer *w, const artconv_article *article, int with_subtitle,
                     artconv_error *err)
{
    const char *title = artconv_article_get(article, ARTCONV_META_TITLE);
    const char *subtitle = artconv_article_get(article, ARTCONV_META_SUBTITLE);
    cmark_node *node, *emph;
    int rc = ARTCONV_OK;

    if (title != NULL) {
        AC_CHECK(add(&node, w->root, CMARK_NODE_HEADING, err));
        if (!cmark_node_set_heading_level(node, 1))
            return cmark_failed(err, "a heading level");
        AC_CHECK(add_text(w, node, title, 0, err));
    }
    if (with_subtitle && subtitle != NULL) {
        AC_CHECK(add(&node, w->root, CMARK_NODE_PARAGRAPH, err));
        AC_CHECK(add(&emph, node, CMARK_NODE_EMPH, err));
        AC_CHECK(add_text(w, emph, subtitle, 1, err));
    }
cleanup:
    return rc;
}

static int build_block(md_writer *w, const artconv_node *block, artconv_error *err)
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

/* Where rendered Markdown goes: `started` once anything (the front
 * matter, a segment) is there, so that the next segment follows a blank
 * line. */
typedef struct {
    artconv_buf *out;
    int started;
} md_output;

/* Renders `doc` and appends it; with `star`, the top-level bullets of
 * its (single, list) child become "*" instead of cmark's "-". */
static int render_segment(md_output *o, cmark_node *doc, int star, artconv_error *err)
{
    char *md = cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0);
    artconv_buf *out = o->out;
    const char *line;
    size_t start = out->len;
    int rc = ARTCONV_OK;

    if (md == NULL)
        return ac_nomem(err);
    if (o->started && artconv_buf_putc(out, '\n') < 0)
        rc = ac_nomem(err);
    o->started = 1;
    start = out->len;
    if (rc == 0 && artconv_buf_puts(out, md) < 0)
        rc = ac_nomem(err);
    free(md);
    /* Alone in its document, the list's item markers are exactly the
     * lines starting "  - "; deeper lines are indented by four. */
    for (line = out->ptr + start; rc == 0 && star && line != NULL && *line != '\0';) {
        if (strncmp(line, "  - ", 4) == 0)
            out->ptr[line - out->ptr + 2] = '*';
        line = strchr(line, '\n');
        line = line != NULL ? line + 1 : NULL;
    }
    return rc;
}

/* Renders the document.  cmark separates two adjacent lists with an
 * "<!-- end list -->" comment, which stays in the HTML; a list that follows
 * a list is rendered on its own instead, with the other bullet ("*") or
 * the other delimiter (")"), which starts a new list without a trace. */
static int render_body(md_output *out, cmark_node *root, artconv_error *err)
{
    cmark_node *seg = NULL, *c, *prev = NULL;
    int star = 0, prev_star = 0, rc = ARTCONV_OK;

    while ((c = cmark_node_first_child(root)) != NULL) {
        int split = prev != NULL && cmark_node_get_type(prev) == CMARK_NODE_LIST &&
                    cmark_node_get_type(c) == CMARK_NODE_LIST;

        star = 0;
        if (split) {
            if (cmark_node_get_list_type(c) == CMARK_BULLET_LIST &&
                cmark_node_get_list_type(prev) == CMARK_BULLET_LIST)
                star = !prev_star;
            if (cmark_node_get_list_type(c) == CMARK_ORDERED_LIST &&
                cmark_node_get_list_type(prev) == CMARK_ORDERED_LIST &&
                cmark_node_get_list_delim(prev) != CMARK_PAREN_DELIM &&
                !cmark_node_set_list_delim(c, CMARK_PAREN_DELIM))
                return cmark_failed(err, "a list delimiter");
            if (seg != NULL)
                AC_CHECK(render_segment(out, seg, prev_star, err));
            if (seg != NULL)
                cmark_node_free(seg);
            seg = NULL;
        } else if (seg != NULL && prev_star) {
            /* The starred list stands alone in its segment. */
            AC_CHECK(render_segment(out, seg, 1, err));
            cmark_node_free(seg);
            seg = NULL;
        }
        if (seg == NULL && (seg = cmark_node_new(CMARK_NODE_DOCUMENT)) == NULL) {
            rc = ac_nomem(err);
            goto cleanup;
        }
        if (!cmark_node_append_child(seg, c)) {
            rc = cmark_failed(err, "a block");
            goto cleanup;
        }
        prev = c;
        prev_star = star;
    }
    if (seg != NULL)
        rc = render_segment(out, seg, prev_star, err);
cleanup:
    if (seg != NULL)
        cmark_node_free(seg);
    return rc;
}

/* Tidies, checks and renders the blocks built so far, and frees them. */
static int flush_blocks(md_writer *w, md_output *o, artconv_error *err)
{
    int rc, dropped = 0;

    if ((rc = tidy_spaces(w->root, &w->tmp)) < 0)
        return rc == ARTCONV_ENOMEM ? ac_nomem(err) : cmark_failed(err, "a literal");
    if (w->has_raw && (rc = check_raw_inlines(w, &dropped, err)) < 0)
        return rc;
    /* Raw HTML gone from a line's edge leaves blanks there; tidying again
     * touches nothing it tidied before. */
    if (dropped && (rc = tidy_spaces(w->root, &w->tmp)) < 0)
        return rc == ARTCONV_ENOMEM ? ac_nomem(err) : cmark_failed(err, "a literal");
    return render_body(o, w->root, err);
}

/* Top-level blocks built before they are rendered: a long article is
 * never held as one cmark tree beside the model. */
#define FLUSH_BLOCKS 256

static int is_plain_block(const artconv_node *node)
{
    artconv_node_kind kind = artconv_node_get_kind(node);

    return kind == ARTCONV_NODE_PARAGRAPH || kind == ARTCONV_NODE_HEADING;
}

/* 1 if the output may be cut between `block` and the next one: cmark
 * separates two paragraphs or headings by a blank line and nothing else
 * (next to lists and code it may add a comment, see render_body). */
static int can_cut_after(const artconv_node *block)
{
    const artconv_node *next = artconv_node_next(block);

    return next != NULL && is_plain_block(block) && is_plain_block(next);
}

static int build_body(md_writer *w, md_output *o, const artconv_node *body, artconv_error *err)
{
    const artconv_node *block;
    size_t built = 0;
    int rc;

    for (block = artconv_node_first_child(body); block != NULL; block = artconv_node_next(block)) {
        if ((rc = build_block(w, block, err)) < 0)
            return rc;
        if (++built >= FLUSH_BLOCKS && can_cut_after(block)) {
            if ((rc = flush_blocks(w, o, err)) < 0)
                return rc;
            built = 0;
        }
    }
    return flush_blocks(w, o, err);
}

/* The status and embargo live in the front matter: AUTO writes it for an
 * article that has either, only NEVER leaves them out. */
const char *ac_markdown_status_loss(const artconv_write_options *opts)
{
    if (opts != NULL && opts->front_matter == ARTCONV_FRONT_MATTER_NEVER)
        return "without front matter";
    return NULL;
}

int ac_markdown_write(artconv_buf *out, const artconv_article *article,
                      const artconv_write_options *opts, artconv_error *err)
{
    md_writer w;
    artconv_front_matter mode = opts != NULL ? opts->front_matter : ARTCONV_FRONT_MATTER_AUTO;
    md_output o = {out, 0};
    int front, rc = ARTCONV_OK;

    memset(&w, 0, sizeof w);
    w.opts = opts;
    front =
        mode == ARTCONV_FRONT_MATTER_ALWAYS ||
        (mode == ARTCONV_FRONT_MATTER_AUTO && ac_front_matter_wanted(article, ARTCONV_META_TITLE));
    w.root = cmark_node_new(CMARK_NODE_DOCUMENT);
    if (w.root == NULL)
        return ac_nomem(err);
    w.cur = w.root;
    if (front) {
        AC_CHECK(ac_front_matter_write(out, article, err));
        o.started = 1; /* a blank line between it and the body */
    } else {
        AC_CHECK(add_title(&w, article, mode == ARTCONV_FRONT_MATTER_NEVER, err));
    }
    /* Width 0: no wrapping, one paragraph per line.  An empty document
     * stays empty (cmark would write a lone newline). */
    AC_CHECK(build_body(&w, &o, artconv_article_body(article), err));
cleanup:
    /* Unlike free(), cmark_node_free(NULL) crashes. */
    if (w.scratch != NULL)
        cmark_node_free(w.scratch);
    cmark_node_free(w.root);
    artconv_buf_dispose(&w.html);
    artconv_buf_dispose(&w.tmp);
    return rc;
}
