/*
 * read.c - CommonMark with YAML front matter into the article model
 * (docs/markdown.md): the entry point of the Markdown reader and its walk
 * over cmark's tree.
 *
 * The front matter is cut off and read by front_matter_read.c; cmark
 * parses the rest, and one walk with cmark's iterator maps its tree onto
 * the model, with an explicit stack of open model nodes (read_stack.c, no
 * recursion).  The conventions of the Markdown writer are read back: an
 * image alone in a paragraph, optionally followed by a line in emphasis,
 * is a figure with that caption; a quote's last paragraph starting with
 * "— " is its attribution; a first-level heading at the top is the title
 * when the front matter gives none.  Raw HTML is read_raw_html.c's job.
 */
#include "cmark_walk.h"
#include "decode.h"
#include "format_entries.h"
#include "front_matter.h"
#include "md_reader.h"
#include "md_table.h"
#include "url.h"

#include <stdlib.h>
#include <string.h>

static int add_text(md_reader *r, const char *s)
{
    return artconv_buf_puts(&r->text, s) < 0 ? ac_nomem(r->err) : ARTCONV_OK;
}

static int put_alt_piece(cmark_node *node, void *data)
{
    artconv_buf *out = data;

    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
    case CMARK_NODE_HTML_INLINE:
        return artconv_buf_puts(out, cmark_node_get_literal(node));
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
        return artconv_buf_putc(out, ' ');
    default:
        return ARTCONV_OK;
    }
}

/* Puts the plain text of an image's description into `out`, as cmark's
 * HTML renderer writes it into alt: literals, breaks as spaces. */
static int image_alt(artconv_buf *out, cmark_node *image)
{
    int rc;

    artconv_buf_clear(out);
    if ((rc = artconv_buf_put(out, "", 0)) < 0)
        return rc;
    return ac_cmark_each_entered(image, put_alt_piece, out);
}

/* cmark has decoded the destination's references; a scheme other than
 * http, https, mailto or tel (data: for images) leaves it empty, as the
 * HTML reader drops such a link: no script gets into the model. */
static int set_url(artconv_node *node, const char *url, int image, artconv_error *err)
{
    if (url == NULL || !ac_url_is_safe(url, strlen(url), image))
        url = "";
    return ac_node_set_url_n(node, url, strlen(url), err);
}

static int add_image(md_reader *r, cmark_node *image)
{
    artconv_node *node;
    const char *url = cmark_node_get_url(image), *title = cmark_node_get_title(image);
    int rc;

    if ((rc = ac_mdr_flush_text(r)) < 0)
        return rc;
    if ((node = ac_node_add(ac_mdr_top(r)->node, ARTCONV_NODE_IMAGE, r->err)) == NULL)
        return r->err != NULL ? r->err->code : ARTCONV_ENOMEM;
    if (image_alt(&r->tmp, image) < 0)
        return ac_nomem(r->err);
    if ((rc = set_url(node, url, 1, r->err)) < 0)
        return rc;
    if (title != NULL && *title != '\0' &&
        (rc = ac_node_set_title_n(node, title, strlen(title), r->err)) < 0)
        return rc;
    if (r->tmp.len > 0)
        return ac_node_set_alt_n(node, r->tmp.ptr, r->tmp.len, r->err);
    return ARTCONV_OK;
}

/* 1 if `p` is an implicit figure: an image without a title, alone, or
 * followed by a line end and an emphasis (the caption). */
static int is_figure(cmark_node *p)
{
    cmark_node *image = cmark_node_first_child(p), *next, *caption;
    const char *title;

    if (image == NULL || cmark_node_get_type(image) != CMARK_NODE_IMAGE)
        return 0;
    title = cmark_node_get_title(image);
    if (title != NULL && *title != '\0')
        return 0;
    next = cmark_node_next(image);
    if (next == NULL)
        return 1;
    caption = cmark_node_next(next);
    return cmark_node_get_type(next) == CMARK_NODE_SOFTBREAK && caption != NULL &&
           cmark_node_get_type(caption) == CMARK_NODE_EMPH && cmark_node_next(caption) == NULL;
}

static int enter_paragraph(md_reader *r, cmark_node *p)
{
    const char *url;
    artconv_node *figure;
    int rc;

    /* The figure's caption needs two levels below it. */
    if (!is_figure(p) || ac_mdr_top(r)->depth + 3 > ARTCONV_MAX_DEPTH)
        return ac_mdr_open_node(r, p, NULL, ARTCONV_NODE_PARAGRAPH, 1, NULL);
    if ((rc = ac_mdr_open_node(r, p, NULL, ARTCONV_NODE_FIGURE, 2, &figure)) < 0)
        return rc;
    if (figure == NULL)
        return ARTCONV_OK;
    url = cmark_node_get_url(cmark_node_first_child(p));
    if ((rc = set_url(figure, url, 1, r->err)) < 0)
        return rc;
    if (image_alt(&r->tmp, cmark_node_first_child(p)) < 0)
        return ac_nomem(r->err);
    return r->tmp.len > 0 ? ac_node_set_alt_n(figure, r->tmp.ptr, r->tmp.len, r->err) : 0;
}

/* A quote's last paragraph starting with "— " becomes its attribution. */
static int find_attribution(md_reader *r, artconv_node *quote)
{
    static const char dash[] = "\xe2\x80\x94 ";
    artconv_node *p = artconv_node_last_child(quote), *attr, *first, *child;
    const char *lit;
    int rc;

    if (artconv_node_get_kind(p) != ARTCONV_NODE_PARAGRAPH)
        return ARTCONV_OK;
    first = artconv_node_first_child(p);
    lit = artconv_node_get_literal(first);
    if (artconv_node_get_kind(first) != ARTCONV_NODE_TEXT || lit == NULL ||
        strncmp(lit, dash, sizeof dash - 1) != 0 || strlen(lit) == sizeof dash - 1)
        return ARTCONV_OK;
    if ((attr = ac_node_add(quote, ARTCONV_NODE_ATTRIBUTION, r->err)) == NULL)
        return r->err != NULL ? r->err->code : ARTCONV_ENOMEM;
    if ((rc = ac_node_set_literal_n(first, lit + sizeof dash - 1, strlen(lit) - (sizeof dash - 1),
                                    r->err)) < 0)
        return rc;
    while ((child = artconv_node_first_child(p)) != NULL)
        if ((rc = artconv_node_append(attr, child, r->err)) < 0)
            return rc;
    artconv_node_free(p);
    return ARTCONV_OK;
}

/* A GFM pipe table's parts (the table extension's block nodes): the
 * table, its rows (the first a header row) and their cells. */
static int enter_table_part(md_reader *r, cmark_node *node)
{
    artconv_node *made;
    int rc;

    if (ac_md_is_table(node))
        return ac_mdr_open_node(r, node, NULL, ARTCONV_NODE_TABLE, 3, NULL);
    if (ac_md_is_table_row(node)) {
        if ((rc = ac_mdr_open_node(r, node, NULL, ARTCONV_NODE_TABLE_ROW, 2, &made)) < 0 ||
            made == NULL || !ac_md_is_header_row(node))
            return rc;
        return artconv_node_set_header(made, 1, r->err);
    }
    if (ac_md_is_table_cell(node))
        return ac_mdr_open_node(r, node, NULL, ARTCONV_NODE_TABLE_CELL, 1, NULL);
    /* Another extension's block (none is turned on): its content stays. */
    return ac_mdr_open_node(r, node, NULL, ARTCONV_NODE_NONE, 0, NULL);
}

/* --- the walk ------------------------------------------------------------- */

static int enter(md_reader *r, cmark_iter *it, cmark_node *node)
{
    artconv_node *made;
    const char *s;
    int rc, ordered;

    if (cmark_node_get_type(node) == CMARK_NODE_TEXT)
        return add_text(r, cmark_node_get_literal(node));
    if ((rc = ac_mdr_flush_text(r)) < 0)
        return rc;
    /* cmark-gfm numbers the blocks of extensions after its own. */
    if (cmark_node_get_type(node) > CMARK_NODE_FOOTNOTE_DEFINITION &&
        cmark_node_get_type(node) < CMARK_NODE_TYPE_INLINE)
        return enter_table_part(r, node);
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_DOCUMENT:
        return ARTCONV_OK;
    case CMARK_NODE_BLOCK_QUOTE:
        return ac_mdr_open_node(r, node, NULL, ARTCONV_NODE_BLOCKQUOTE, 2, NULL);
    case CMARK_NODE_LIST:
        if ((rc = ac_mdr_open_node(r, node, NULL, ARTCONV_NODE_LIST, 3, &made)) < 0 || made == NULL)
            return rc;
        /* cmark gives a bullet list the start 0; the model's bullet lists
         * start at 1, as every other reader makes them. */
        ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
        return artconv_node_set_list(made, ordered, ordered ? cmark_node_get_list_start(node) : 1,
                                     cmark_node_get_list_tight(node), r->err);
    case CMARK_NODE_ITEM:
        return ac_mdr_open_node(r, node, NULL, ARTCONV_NODE_ITEM, 2, NULL);
    case CMARK_NODE_PARAGRAPH:
        return enter_paragraph(r, node);
    case CMARK_NODE_HEADING:
        if ((rc = ac_mdr_open_node(r, node, NULL, ARTCONV_NODE_HEADING, 1, &made)) < 0 ||
            made == NULL)
            return rc;
        return artconv_node_set_level(made, cmark_node_get_heading_level(node), r->err);
    case CMARK_NODE_CODE_BLOCK:
        if ((made = ac_node_add(ac_mdr_top(r)->node, ARTCONV_NODE_CODE_BLOCK, r->err)) == NULL)
            return r->err != NULL ? r->err->code : ARTCONV_ENOMEM;
        s = cmark_node_get_fence_info(node);
        if (s != NULL && *s != '\0' && (rc = artconv_node_set_info(made, s, r->err)) < 0)
            return rc;
        s = cmark_node_get_literal(node);
        return ac_node_set_literal_n(made, s, strlen(s), r->err);
    case CMARK_NODE_THEMATIC_BREAK:
        return ac_node_add(ac_mdr_top(r)->node, ARTCONV_NODE_THEMATIC_BREAK, r->err) != NULL
                   ? ARTCONV_OK
                   : (r->err != NULL ? r->err->code : ARTCONV_ENOMEM);
    case CMARK_NODE_HTML_BLOCK:
        return ac_mdr_html_block(r, node);
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
        /* Inside a figure: the line end before the caption. */
        if (artconv_node_get_kind(ac_mdr_top(r)->node) == ARTCONV_NODE_FIGURE)
            return ARTCONV_OK;
        return ac_node_add(ac_mdr_top(r)->node,
                           cmark_node_get_type(node) == CMARK_NODE_SOFTBREAK
                               ? ARTCONV_NODE_SOFTBREAK
                               : ARTCONV_NODE_LINEBREAK,
                           r->err) != NULL
                   ? ARTCONV_OK
                   : (r->err != NULL ? r->err->code : ARTCONV_ENOMEM);
    case CMARK_NODE_CODE:
        if ((made = ac_node_add(ac_mdr_top(r)->node, ARTCONV_NODE_CODE, r->err)) == NULL)
            return r->err != NULL ? r->err->code : ARTCONV_ENOMEM;
        s = cmark_node_get_literal(node);
        return ac_node_set_literal_n(made, s, strlen(s), r->err);
    case CMARK_NODE_HTML_INLINE:
        return ac_mdr_html_inline(r, it, node);
    case CMARK_NODE_EMPH:
        return ac_mdr_open_node(r, node, NULL,
                                artconv_node_get_kind(ac_mdr_top(r)->node) == ARTCONV_NODE_FIGURE
                                    ? ARTCONV_NODE_CAPTION
                                    : ARTCONV_NODE_EMPH,
                                1, NULL);
    case CMARK_NODE_STRONG:
        return ac_mdr_open_node(r, node, NULL, ARTCONV_NODE_STRONG, 1, NULL);
    case CMARK_NODE_LINK:
        if ((rc = ac_mdr_open_node(r, node, NULL, ARTCONV_NODE_LINK, 1, &made)) < 0 || made == NULL)
            return rc;
        if ((rc = set_url(made, cmark_node_get_url(node), 0, r->err)) < 0)
            return rc;
        s = cmark_node_get_title(node);
        return s != NULL && *s != '\0' ? ac_node_set_title_n(made, s, strlen(s), r->err) : 0;
    case CMARK_NODE_IMAGE:
        /* Its description is read as alt text: skip the children. */
        cmark_iter_reset(it, node, CMARK_EVENT_EXIT);
        if (artconv_node_get_kind(ac_mdr_top(r)->node) == ARTCONV_NODE_FIGURE)
            return ARTCONV_OK;
        return add_image(r, node);
    default:
        return ARTCONV_OK;
    }
}

static int leave(md_reader *r, const cmark_node *node)
{
    artconv_node *closed = NULL;
    int rc;

    if ((rc = ac_mdr_flush_text(r)) < 0)
        return rc;
    if (cmark_node_get_type((cmark_node *)node) == CMARK_NODE_DOCUMENT)
        return ARTCONV_OK;
    /* Inline tags left open inside this node close with it. */
    while (r->n > 1 && ac_mdr_top(r)->src != node)
        r->n--;
    if (r->n > 1) {
        if (r->n < 2 || r->stack[r->n - 2].node != ac_mdr_top(r)->node)
            closed = ac_mdr_top(r)->node;
        r->n--;
    }
    if (closed != NULL && artconv_node_get_kind(closed) == ARTCONV_NODE_BLOCKQUOTE)
        return find_attribution(r, closed);
    /* A paragraph of nothing but dropped raw HTML. */
    if (closed != NULL && artconv_node_get_kind(closed) == ARTCONV_NODE_PARAGRAPH &&
        artconv_node_first_child(closed) == NULL)
        artconv_node_free(closed);
    return ARTCONV_OK;
}

/* With no title from the front matter, a first-level heading of plain
 * text at the very top is the title. */
static int take_title(md_reader *r)
{
    artconv_node *h = artconv_node_first_child(artconv_article_body(r->article)), *c;
    int rc;

    if (artconv_article_get(r->article, ARTCONV_META_TITLE) != NULL ||
        artconv_node_get_kind(h) != ARTCONV_NODE_HEADING || artconv_node_get_level(h) != 1)
        return ARTCONV_OK;
    for (c = artconv_node_first_child(h); c != NULL; c = artconv_node_next(c))
        if (artconv_node_get_kind(c) != ARTCONV_NODE_TEXT &&
            artconv_node_get_kind(c) != ARTCONV_NODE_SOFTBREAK)
            return ARTCONV_OK;
    artconv_buf_clear(&r->tmp);
    for (c = artconv_node_first_child(h); c != NULL; c = artconv_node_next(c)) {
        const char *lit = artconv_node_get_literal(c);

        if (artconv_buf_puts(&r->tmp, lit != NULL ? lit : " ") < 0)
            return ac_nomem(r->err);
    }
    if (r->tmp.len == 0)
        return ARTCONV_OK;
    if ((rc = ac_article_set_n(r->article, ARTCONV_META_TITLE, r->tmp.ptr, r->tmp.len, r->err)) < 0)
        return rc;
    artconv_node_free(h);
    return ARTCONV_OK;
}

/* Frees the sibling before `node`, which the walk has left for good: a
 * paragraph of 150,000 links is one top-level block, and its cmark tree
 * beside the whole model took twice the memory.  Raw HTML tags stay, since
 * the level stack may point at an opening tag (and a closing tag is looked
 * for among the following siblings only). */
static void free_done(cmark_node *node)
{
    cmark_node *prev = cmark_node_previous(node);

    if (prev != NULL && cmark_node_get_type(prev) != CMARK_NODE_HTML_INLINE)
        cmark_node_free(prev);
}

/* Walks one top-level block of cmark's tree into the model, freeing what
 * it has walked (free_done). */
static int build_block(md_reader *r, cmark_node *block)
{
    cmark_iter *it = cmark_iter_new(block);
    cmark_event_type ev;
    int rc = ARTCONV_OK;

    if (it == NULL)
        return ac_nomem(r->err);
    while (rc == 0 && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *node = cmark_iter_get_node(it);

        if (ev == CMARK_EVENT_ENTER && node != block)
            free_done(node);
        if (ev == CMARK_EVENT_ENTER)
            rc = enter(r, it, node);
        else
            rc = leave(r, node);
        if (rc < 0 && r->err != NULL && r->err->line == 0)
            r->err->line = ac_mdr_line_of(r, node);
    }
    cmark_iter_free(it);
    return rc;
}

/* Builds the model one top-level block at a time and frees each block once
 * it is in: cmark's tree shrinks as the model grows, so the two are never
 * both whole in memory.  Nothing refers across top-level blocks (raw HTML
 * tags pair up inside one paragraph, and the level stack is back to the
 * body after each block). */
static int build(md_reader *r, cmark_node *doc)
{
    cmark_node *block;
    int rc = ARTCONV_OK;

    while (rc == 0 && (block = cmark_node_first_child(doc)) != NULL) {
        rc = build_block(r, block);
        cmark_node_free(block); /* unlinks it from the document */
    }
    return rc;
}

int ac_markdown_read(artconv_article **out, const char *data, size_t len,
                     const artconv_read_options *opts, artconv_error *err)
{
    md_reader r;
    artconv_buf input = ARTCONV_BUF_INIT;
    cmark_node *doc = NULL;
    size_t body = 0;
    int rc = ARTCONV_OK, tables;

    *out = NULL;
    memset(&r, 0, sizeof r);
    r.opts = opts;
    r.err = err;
    /* The one input policy of every reader (formats/shared/decode.c): clean
     * UTF-8 is read where it is; text that is mostly not UTF-8 is
     * Windows-1252 (docs/limits.md, "Input decoding"). */
    AC_CHECK(ac_decode_input(&input, &data, &len, data, len, NULL, opts, err));
    if ((r.article = artconv_article_new()) == NULL) {
        rc = ac_nomem(err);
        goto cleanup;
    }
    AC_CHECK(ac_front_matter_read(r.article, &body, &r.line_offset, data, len, opts, err));
    /* cmark aborts if memory runs out; the rest of the library reports it. */
    /* Pipe tables that would cost cmark-gfm far more than the input's size
     * are read as text (md_table.h). */
    tables = !ac_md_tables_too_costly(data + body, len - body);
    if (!tables)
        ac_warn_read(opts, ARTCONV_ELIMIT, 0,
                     "pipe tables too large for their input (cells, or cells in a row); "
                     "read as text");
    doc = ac_md_parse(data + body, len - body, tables);
    if (doc == NULL) {
        rc = ac_nomem(err);
        goto cleanup;
    }
    /* cmark keeps copies of what it needs: the cleaned input can go before
     * the model is built next to cmark's tree. */
    artconv_buf_dispose(&input);
    AC_CHECK(ac_mdr_stack_start(&r, doc));
    AC_CHECK(build(&r, doc));
    AC_CHECK(take_title(&r));
    /* Raw HTML builds its own structure, which could reach deeper. */
    if (r.built_html && artconv_node_depth(artconv_article_body(r.article)) > ARTCONV_MAX_DEPTH) {
        rc = ac_error(err, ARTCONV_ELIMIT, "raw HTML nests the article deeper than %d levels",
                      ARTCONV_MAX_DEPTH);
        goto cleanup;
    }
    *out = r.article;
    r.article = NULL;
cleanup:
    if (doc != NULL)
        cmark_node_free(doc);
    artconv_article_free(r.article);
    free(r.stack);
    artconv_buf_dispose(&r.text);
    artconv_buf_dispose(&r.tmp);
    artconv_buf_dispose(&input);
    return rc;
}
