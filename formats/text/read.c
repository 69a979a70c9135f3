/*
 * text_read.c - reading plain text: articles pasted or scraped from news
 * sites, and what the text writer produces (docs/text-format.md).
 *
 * Three passes, each linear in the input:
 *  1. decode (formats/shared/decode.c, the policy every reader shares): strip
 *     a BOM, keep UTF-8, else vote UTF-8 or Windows-1252, repair
 *     forbidden characters; then unify line ends, expand tabs and trim line
 *     ends (blocks.c);
 *  2. blocks: a line-by-line parser with a stack of open containers (quotes,
 *     list items), in the way of CommonMark, so nesting never recurses.
 *     Paragraph lines are kept aside, because whether a line end is a soft
 *     wrap depends on the wrap width of the whole document;
 *  3. article: estimate the wrap width, join paragraph lines, then take the
 *     title, standfirst, byline, dates, captions, dateline and credit out of
 *     the leading and trailing blocks, drop site boilerplate, and build the
 *     inline content.
 */
#include "text_reader.h"
#include "decode.h"
#include "format_entries.h"
#include "wrap.h"

#include <stdlib.h>
#include <string.h>

/* The wrap width, from the longest line that was evidently wrapped.  Lines
 * of a byline-and-dates block are not wrapped text, so they do not count. */
static int estimate_width(reader *r)
{
    size_t i, j, best = 0;
    int rc;

    for (i = 0; i < r->nrecs; i++) {
        const record *rec = &r->recs[i];

        if (rec->count > 1 && rec->node != NULL && (rc = ac_text_meta_block(r, rec, 0)) != 0) {
            if (rc < 0)
                return rc;
            continue;
        }

        for (j = 0; rec->count > 1 && j + 1 < rec->count; j++) {
            const line_ref *l = &r->lines[rec->first + j];
            const char *s = r->text.ptr + l->start;
            int spaced;

            if (l->width <= best || line_ends_hard(r, l))
                continue;
            /* A single unbreakable unit says nothing about the width. */
            if (ac_wrap_first_unit(s, l->len, 0, &spaced) >= ac_text_width(s, l->len))
                continue;
            best = l->width;
        }
    }
    r->width = best > 0 ? best : DEFAULT_WIDTH;
    return 0;
}

static int read_article(reader *r)
{
    size_t i;
    int rc;

    if ((rc = estimate_width(r)) < 0)
        return rc;
    for (i = 0; i < r->nrecs; i++) {
        record *rec = &r->recs[i];

        if (rec->node != NULL &&
            (rc = ac_text_join_lines(r, rec->first, rec->count,
                                     artconv_node_get_kind(rec->node) == ARTCONV_NODE_HEADING,
                                     &rec->tstart, &rec->tlen)) < 0)
            return rc;
    }
    if ((rc = ac_text_read_head(r)) < 0 || (rc = ac_text_read_credit(r)) < 0)
        return rc;
    for (i = 0; i < r->nrecs; i++) {
        record *rec = &r->recs[i];

        if (rec->node != NULL && !rec->top && (rc = ac_text_read_attribution(r, rec)) < 0)
            return rc;
        if (rec->node != NULL &&
            (rc = ac_text_build_inlines(r, rec->node, rec_text(r, rec), rec->tlen)) < 0)
            return rc;
    }
    return 0;
}

int ac_text_read(artconv_article **out, const char *data, size_t len,
                 const artconv_read_options *opts, artconv_error *err)
{
    artconv_read_options defaults;
    artconv_buf clean = ARTCONV_BUF_INIT;
    const char *text;
    size_t text_len;
    reader r;
    int rc = 0;

    artconv_read_options_init(&defaults);
    memset(&r, 0, sizeof r);
    r.opts = opts != NULL ? opts : &defaults;
    r.err = err;
    r.underline_line = -1;
    *out = NULL;
    if ((r.article = artconv_article_new()) == NULL) {
        rc = nomem(&r);
        goto cleanup;
    }
    r.body = artconv_article_body(r.article);
    r.stack[0].type = C_DOC;
    r.stack[0].node = r.body;
    r.depth = 1;
    AC_CHECK(ac_decode_input(&clean, &text, &text_len, data, len, NULL, r.opts, err));
    AC_CHECK(ac_text_split_lines(&r, text, text_len));
    AC_CHECK(read_article(&r));
    *out = r.article;
    r.article = NULL;
cleanup:
    artconv_article_free(r.article);
    artconv_buf_dispose(&clean);
    artconv_buf_dispose(&r.text);
    artconv_buf_dispose(&r.code);
    artconv_buf_dispose(&r.pool);
    free(r.lines);
    free(r.recs);
    free(r.refs);
    return rc;
}
