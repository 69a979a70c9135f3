/*
 * dateline.c - where the HTML reader looks for a dateline: the first long
 * paragraphs of the built body.  Whether one opens there, and what it holds
 * (place, agency, date), is the shared rule of formats/shared/dateline.c;
 * this file gathers the paragraph's leading text and cuts the dateline out
 * of its leaves.
 */
#include "html.h"
#include "dateline.h"

#include <string.h>

/* Text gathered from the start of the paragraph to look for one. */
#define LOOK_AHEAD 160
/* Only the first paragraph of this many top-level blocks is looked at. */
#define MAX_LEAD_BLOCKS 6
/* A lead paragraph is at least this long (shorter ones are kickers, credits). */
#define MIN_LEAD 60

/* Removes the first `n` bytes of text from the start of `para`, removing
 * leaves and inlines it empties, then leading spaces.  The caller has made
 * sure these bytes are all in leading TEXT leaves. */
static int cut_start(artconv_node *para, size_t n, artconv_error *err)
{
    int trimming = 1;

    while (trimming) {
        artconv_node *leaf = para, *up;
        const char *lit;
        size_t ll, take;

        while (artconv_node_first_child(leaf) != NULL)
            leaf = artconv_node_first_child(leaf);
        if (leaf == para || artconv_node_get_kind(leaf) != ARTCONV_NODE_TEXT)
            return 0;
        lit = artconv_node_get_literal(leaf);
        ll = lit == NULL ? 0 : strlen(lit);
        take = n < ll ? n : ll;
        n -= take;
        if (n == 0)
            while (take < ll && lit[take] == ' ')
                take++;
        if (take < ll) {
            int rc = ac_node_set_literal_n(leaf, lit + take, ll - take, err);

            return rc < 0 ? rc : 0;
        }
        /* The leaf is used up: remove it and the inlines it leaves empty. */
        up = artconv_node_parent(leaf);
        artconv_node_free(leaf);
        while (up != para && artconv_node_first_child(up) == NULL) {
            artconv_node *gone = up;

            up = artconv_node_parent(up);
            artconv_node_free(gone);
        }
        trimming = artconv_node_first_child(para) != NULL;
    }
    return 0;
}

/* Looks for a dateline at the start of one paragraph; returns 1 if it
 * found and moved one, 0 if not, or a negative status. */
static int try_paragraph(artconv_article *article, artconv_node *para, artconv_buf *text,
                         artconv_error *err)
{
    artconv_iter it;
    artconv_event ev;
    ac_dateline d;
    int rc;

    /* The paragraph's leading text, up to the first leaf that is not text. */
    artconv_buf_clear(text);
    artconv_iter_init(&it, para);
    while ((ev = artconv_iter_next(&it)) != ARTCONV_EVENT_DONE && text->len < LOOK_AHEAD) {
        const artconv_node *n = artconv_iter_node(&it);

        if (ev != ARTCONV_EVENT_ENTER || n == para)
            continue;
        if (artconv_node_get_kind(n) == ARTCONV_NODE_TEXT) {
            if (artconv_buf_puts(text, artconv_node_get_literal(n)) < 0)
                return ac_nomem(err);
        } else if (artconv_node_kind_is_leaf(artconv_node_get_kind(n))) {
            break;
        }
    }
    if (text->len == 0 || !ac_dateline_find(&d, text->ptr, text->len, text->len >= LOOK_AHEAD))
        return 0;
    if ((rc = ac_dateline_apply(article, &d, text->ptr, err)) < 0 ||
        (rc = cut_start(para, d.skip, err)) < 0)
        return rc;
    return 1;
}

int ac_html_dateline(artconv_article *article, artconv_error *err)
{
    artconv_node *block = artconv_node_first_child(artconv_article_body(article));
    artconv_buf text = ARTCONV_BUF_INIT;
    size_t k, leads = 0;
    int rc = 0;

    if (artconv_article_get(article, ARTCONV_META_DATELINE) != NULL)
        return 0;
    /* The lead is the first long paragraph, or the second when the first is
     * a photo caption the page set as a paragraph. */
    for (k = 0; block != NULL && k < MAX_LEAD_BLOCKS && leads < 2 && rc == 0;
         k++, block = artconv_node_next(block)) {
        artconv_node_kind kind = artconv_node_get_kind(block);

        if (kind == ARTCONV_NODE_PARAGRAPH) {
            artconv_buf_clear(&text);
            if (ac_plain_text(&text, block) < 0) {
                rc = ac_nomem(err);
                break;
            }
            if (text.len < MIN_LEAD)
                continue;
            leads++;
            rc = try_paragraph(article, block, &text, err);
        } else if (kind != ARTCONV_NODE_HEADING && kind != ARTCONV_NODE_FIGURE &&
                   kind != ARTCONV_NODE_THEMATIC_BREAK) {
            break; /* a list or a table first: no news lead */
        }
    }
    artconv_buf_dispose(&text);
    return rc < 0 ? rc : 0;
}
