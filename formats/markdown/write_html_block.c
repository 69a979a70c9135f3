/*
 * write_html_block.c - what CommonMark lacks, written as an HTML block:
 * a table (<thead> for the leading header rows, <tbody> for the rest) and a
 * figure with a credit or without an image (<figure>, <img>, <figcaption>,
 * <small class="credit">).  The HTML is made only of fixed tags and pieces
 * that cmark itself rendered to HTML from a detached paragraph, so no model
 * text reaches the output unescaped.
 */
#include "md_writer.h"

#include <stdlib.h>
#include <string.h>

/* Renders the inlines of a detached cmark paragraph to HTML, without the
 * <p> around them, and appends that to `out`.  cmark's safe default drops
 * dangerous URLs.  Line endings become spaces, which mean the same in
 * inline HTML and keep blank lines out of the HTML block. */
static int put_inline_html(artconv_buf *out, cmark_node *paragraph, artconv_error *err)
{
    cmark_node *doc = cmark_node_new(CMARK_NODE_DOCUMENT);
    char *html;
    size_t len, i;
    int rc = ARTCONV_OK;

    /* cmark-gfm's HTML renderer reads a paragraph's parent: the detached
     * paragraph is lent to a document while it renders. */
    if (doc == NULL || !cmark_node_append_child(doc, paragraph)) {
        if (doc != NULL)
            cmark_node_free(doc);
        return ac_nomem(err);
    }
    html = cmark_render_html(paragraph, CMARK_OPT_DEFAULT, NULL);
    cmark_node_unlink(paragraph);
    cmark_node_free(doc);
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
        AC_CHECK(ac_mdw_add_image(w, paragraph, url, text, NULL, err));
    else
        AC_CHECK(ac_mdw_add_text(w, paragraph, text, 0, err));
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
    if ((rc = ac_mdw_add_literal(w->cur, CMARK_NODE_HTML_BLOCK, w->html.ptr, err)) < 0)
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

int ac_mdw_enter_figure(md_writer *w, const artconv_node *figure, artconv_error *err)
{
    const char *url = artconv_node_get_url(figure);
    const char *credit = artconv_node_get_credit(figure);
    cmark_node *paragraph;
    int rc;

    if (url != NULL && (credit == NULL || *credit == '\0')) {
        if ((rc = ac_mdw_add(&paragraph, w->cur, CMARK_NODE_PARAGRAPH, err)) < 0)
            return rc;
        w->cur = paragraph;
        return ac_mdw_add_image(w, paragraph, url, artconv_node_get_alt(figure), NULL, err);
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

int ac_mdw_exit_figure(md_writer *w, const artconv_node *figure, artconv_error *err)
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

/* A pipe table collects in w->html like an HTML table, and becomes one
 * HTML block, which cmark's renderer writes as it is. */
int ac_mdw_enter_table(md_writer *w, const artconv_node *table, artconv_error *err)
{
    w->section = SECTION_NONE;
    w->pipe = w->gfm && ac_mdw_pipe_table_fits(table);
    return start_html_block(w, w->pipe ? "" : "<table>\n", err);
}

int ac_mdw_enter_row(md_writer *w, const artconv_node *row, artconv_error *err)
{
    int rc = ARTCONV_OK;

    w->header_row = artconv_node_get_header(row);
    w->row_cells = 0;
    for (row = artconv_node_first_child(row); row != NULL; row = artconv_node_next(row))
        w->row_cells++;
    if (w->pipe)
        return artconv_buf_putc(&w->html, '|') < 0 ? ac_nomem(err) : ARTCONV_OK;
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

int ac_mdw_exit_table(md_writer *w, artconv_error *err)
{
    static const char *const closing[] = {"", "</thead>\n", "</tbody>\n"};

    if (w->pipe) {
        w->pipe = 0;
        return end_html_block(w, err);
    }
    if (artconv_buf_puts(&w->html, closing[w->section]) < 0 ||
        artconv_buf_puts(&w->html, "</table>\n") < 0)
        return ac_nomem(err);
    return end_html_block(w, err);
}

int ac_mdw_exit_row(md_writer *w, artconv_error *err)
{
    if (w->pipe && (artconv_buf_putc(&w->html, '\n') < 0 ||
                    (w->header_row && ac_mdw_put_delimiter_row(&w->html, w->row_cells) < 0)))
        return ac_nomem(err);
    if (w->pipe)
        return ARTCONV_OK;
    return artconv_buf_puts(&w->html, "</tr>\n") < 0 ? ac_nomem(err) : ARTCONV_OK;
}

/* A cell's inlines collect in a detached paragraph, as a caption's do. */
int ac_mdw_enter_cell(md_writer *w, artconv_error *err)
{
    if (w->pipe) {
        /* A pipe table's cell is on one line, as a heading is. */
        w->in_heading = 1;
        return artconv_buf_putc(&w->html, ' ') < 0 ? ac_nomem(err) : start_scratch(w, err);
    }
    if (artconv_buf_puts(&w->html, w->header_row ? "<th>" : "<td>") < 0)
        return ac_nomem(err);
    return start_scratch(w, err);
}

int ac_mdw_exit_cell(md_writer *w, artconv_error *err)
{
    int rc;

    if (w->pipe) {
        w->in_heading = 0;
        rc = ac_mdw_put_cell_markdown(&w->html, w->scratch, err);
        cmark_node_free(w->scratch);
        w->scratch = NULL;
        w->cur = w->html_parent;
        if (rc < 0)
            return rc;
        return artconv_buf_puts(&w->html, " |") < 0 ? ac_nomem(err) : ARTCONV_OK;
    }
    if ((rc = end_scratch(w, err)) < 0)
        return rc;
    return artconv_buf_puts(&w->html, w->header_row ? "</th>" : "</td>") < 0 ? ac_nomem(err)
                                                                             : ARTCONV_OK;
}
