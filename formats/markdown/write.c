/*
 * write.c - the article as CommonMark, with YAML front matter: the entry
 * point of the Markdown writer.  It writes the front matter (or, without
 * it, the title as a heading) and builds, tidies and renders the body a
 * chunk of top-level blocks at a time; md_writer.h lists the files that do
 * each part.
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
 *  - Front matter (formats/markdown/front_matter_write.c): the canonical
 *    metadata names, then the extra metadata; authors and keywords are block
 *    sequences; the lead image is `image: URL` when only its URL is set,
 *    otherwise a mapping.
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
#include "md_writer.h"
#include "resource.h"

#include <string.h>

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
        AC_CHECK(ac_mdw_add(&node, w->root, CMARK_NODE_HEADING, err));
        if (!cmark_node_set_heading_level(node, 1))
            return ac_mdw_cmark_failed(err, "a heading level");
        AC_CHECK(ac_mdw_add_text(w, node, title, 0, err));
    }
    if (with_subtitle && subtitle != NULL) {
        AC_CHECK(ac_mdw_add(&node, w->root, CMARK_NODE_PARAGRAPH, err));
        AC_CHECK(ac_mdw_add(&emph, node, CMARK_NODE_EMPH, err));
        AC_CHECK(ac_mdw_add_text(w, emph, subtitle, 1, err));
    }
cleanup:
    return rc;
}

/* Tidies, checks and renders the blocks built so far, and frees them. */
static int flush_blocks(md_writer *w, md_output *o, artconv_error *err)
{
    int rc, dropped = 0;

    if ((rc = ac_mdw_tidy_spaces(w->root, &w->tmp)) < 0)
        return rc == ARTCONV_ENOMEM ? ac_nomem(err) : ac_mdw_cmark_failed(err, "a literal");
    if (w->has_raw && (rc = ac_mdw_check_raw_inlines(w, &dropped, err)) < 0)
        return rc;
    /* Raw HTML gone from a line's edge leaves blanks there; tidying again
     * touches nothing it tidied before. */
    if (dropped && (rc = ac_mdw_tidy_spaces(w->root, &w->tmp)) < 0)
        return rc == ARTCONV_ENOMEM ? ac_nomem(err) : ac_mdw_cmark_failed(err, "a literal");
    return ac_mdw_render_body(o, w->root, err);
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
 * (next to lists and code it may add a comment, see write_render.c). */
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
        if ((rc = ac_mdw_build_block(w, block, err)) < 0)
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

static int write_markdown(artconv_buf *out, const artconv_article *article,
                          const artconv_write_options *opts, int gfm, artconv_error *err)
{
    md_writer w;
    artconv_front_matter mode = opts != NULL ? opts->front_matter : ARTCONV_FRONT_MATTER_AUTO;
    md_output o = {out, 0};
    int front, rc = ARTCONV_OK;

    memset(&w, 0, sizeof w);
    w.gfm = gfm;
    w.opts = opts;
    w.article = article;
    w.data_url_budget = AC_DATA_URL_BUDGET;
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
    artconv_buf_dispose(&w.data_url);
    return rc;
}

int ac_markdown_write(artconv_buf *out, const artconv_article *article,
                      const artconv_write_options *opts, artconv_error *err)
{
    return write_markdown(out, article, opts, 0, err);
}

/* GFM: the same Markdown, with pipe tables where a table fits one. */
int ac_gfm_write(artconv_buf *out, const artconv_article *article,
                 const artconv_write_options *opts, artconv_error *err)
{
    return write_markdown(out, article, opts, 1, err);
}
