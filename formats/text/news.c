/*
 * news.c - newsroom heuristics of the plain-text reader: site boilerplate,
 * the title and standfirst, captions with credits, the dateline, a closing
 * "(With PTI inputs.)" credit and the speaker under a quote.  Byline and
 * date lines are meta.c's.
 */
#include "text_reader.h"
#include "dateline.h"

static const struct pattern {
    const char *text;
    int where; /* 0: anywhere, 1: at the start, 2: the whole paragraph */
} boilerplate[] = {
    {"powered by", 1},
    {"advertisement", 2},
    {"advertisement:", 1},
    {"also read", 1},
    {"read also", 1},
    {"read more:", 1},
    {"share this", 1},
    {"share on", 1},
    {"join our channel", 0},
    {"follow us on", 0},
    {"subscribe to our newsletter", 0},
    {"sign up for our newsletter", 0},
    {"sign up to our newsletter", 0},
    {"is now on telegram", 0},
    {"is now on whatsapp", 0},
    {"download the app", 0},
    {"story continues below", 0},
    {"continue reading below", 0},
    {"scroll to continue", 0},
    {"click here to subscribe", 0},
    {"all rights reserved", 0},
};

static int is_boilerplate(const char *s, size_t len)
{
    size_t i;

    if (len > SHORT_BLOCK)
        return 0;
    for (i = 0; i < sizeof boilerplate / sizeof boilerplate[0]; i++) {
        const struct pattern *pat = &boilerplate[i];

        if ((pat->where == 0 && contains_ci(s, len, pat->text)) ||
            (pat->where == 1 && starts_with_ci(s, len, pat->text)) ||
            (pat->where == 2 && len == strlen(pat->text) && starts_with_ci(s, len, pat->text)))
            return 1;
    }
    return 0;
}

/* "caption | Credit": the credit is short and the caption is not empty. */
static int caption_split(const char *s, size_t len, size_t *cap_len, size_t *credit_at)
{
    size_t i;

    if (memchr(s, '\n', len) != NULL)
        return 0;
    for (i = len; i >= 3; i--) {
        if (s[i - 3] == ' ' && s[i - 2] == '|' && s[i - 1] == ' ') {
            size_t clen = len - i;

            if (clen == 0 || clen > 60 || i - 3 == 0)
                return 0;
            *cap_len = i - 3;
            *credit_at = i;
            return 1;
        }
        if (len - i > 60)
            return 0;
    }
    return 0;
}

/* "[Image][3] " or "[Image] ": the text writer's figure.  Returns the
 * prefix length; sets *ref to the reference number or 0. */
static size_t figure_prefix(const reader *r, const char *s, size_t len, size_t *ref)
{
    size_t i = 7, n = 0;

    *ref = 0;
    if (!starts_with(s, len, "[Image]"))
        return 0;
    if (i < len && s[i] == '[') {
        i++;
        while (i < len && is_digit((unsigned char)s[i]) && n < 100000000)
            n = n * 10 + (size_t)(s[i++] - '0');
        if (i >= len || s[i] != ']' || n == 0 || n > r->nrefs)
            return 0;
        i++;
        *ref = n;
    }
    if (i < len && s[i] != ' ')
        return 0;
    return i < len ? i + 1 : i;
}

static int make_figure(reader *r, record *rec, const char *s, size_t len)
{
    artconv_node *fig = artconv_node_new(ARTCONV_NODE_FIGURE), *cap;
    size_t ref, pre, cap_len, credit_at;
    int rc;

    if (fig == NULL)
        return nomem(r);
    if ((rc = artconv_node_insert_before(rec->node, fig, r->err)) < 0) {
        artconv_node_free(fig);
        return rc;
    }
    artconv_node_free(rec->node);
    rec->node = NULL;
    pre = figure_prefix(r, s, len, &ref);
    if (ref > 0 && (rc = ac_text_set_url(fig, r->text.ptr + r->refs[(ref - 1) * 2],
                                         r->refs[(ref - 1) * 2 + 1], 1, r->err)) < 0)
        return rc;
    s += pre;
    len -= pre;
    if (caption_split(s, len, &cap_len, &credit_at)) {
        if ((rc = ac_node_set_credit_n(fig, s + credit_at, len - credit_at, r->err)) < 0)
            return rc;
        len = cap_len;
    }
    if (len == 0)
        return 0;
    if ((cap = ac_node_add(fig, ARTCONV_NODE_CAPTION, r->err)) == NULL)
        return fail(r);
    return ac_text_build_inlines(r, cap, s, len);
}

static void drop(record *rec)
{
    artconv_node_free(rec->node);
    rec->node = NULL;
}

static int headline_like(const char *s, size_t len, size_t max)
{
    char last;

    if (len == 0 || len > max || memchr(s, '\n', len) != NULL)
        return 0;
    last = s[len - 1];
    return last != '.' && last != ':' && last != ',' && last != ';';
}

static size_t dash_prefix(const char *s, size_t len)
{
    if (starts_with(s, len, "\xE2\x80\x94 ") || starts_with(s, len, "\xE2\x80\x93 ") ||
        starts_with(s, len, "\xE2\x80\x95 "))
        return 4;
    if (starts_with(s, len, "-- "))
        return 3;
    return 0;
}

/* "NEW DELHI, March 2 (Reuters) - Text": the shared rule of
 * formats/shared/dateline.c takes the place (and the agency and date) out
 * of the first paragraph of the body. */
static int dateline(reader *r, record *rec)
{
    const char *s = rec_text(r, rec);
    ac_dateline d;
    int rc;

    if (!ac_dateline_find(&d, s, rec->tlen, 0))
        return 0;
    if ((rc = ac_dateline_apply(r->article, &d, s, r->err)) < 0)
        return rc;
    rec->tstart += d.skip;
    rec->tlen -= d.skip;
    return 0;
}

/* The leading blocks: boilerplate, title, standfirst, byline, dates and
 * captions, up to the first paragraph of the story. */
int ac_text_read_head(reader *r)
{
    artconv_node *n = artconv_node_first_child(r->body), *next;
    size_t k = 0;
    int head = 1, need_title = artconv_article_get(r->article, ARTCONV_META_TITLE) == NULL;
    int may_subtitle = 0, rc;

    for (; n != NULL; n = next) {
        record *rec = NULL;
        const char *s;
        size_t len, ref, cl, ca;

        next = artconv_node_next(n);
        while (k < r->nrecs && (!r->recs[k].top || r->recs[k].node == NULL))
            k++;
        if (k < r->nrecs && r->recs[k].node == n)
            rec = &r->recs[k++];
        if (rec == NULL) {
            head = 0;
            continue;
        }
        s = rec_text(r, rec);
        len = rec->tlen;
        if (artconv_node_get_kind(n) == ARTCONV_NODE_HEADING) {
            if (head && need_title && rec->setext == 1) {
                if ((rc = ac_article_set_n(r->article, ARTCONV_META_TITLE, s, len, r->err)) < 0)
                    return rc;
                drop(rec);
                need_title = 0;
                /* The writer puts the standfirst right under the line. */
                while (k < r->nrecs && !r->recs[k].top)
                    k++;
                if (k < r->nrecs && r->recs[k].node == next && r->recs[k].after_setext &&
                    artconv_node_get_kind(next) == ARTCONV_NODE_PARAGRAPH) {
                    rec = &r->recs[k++];
                    next = artconv_node_next(next);
                    rc = ac_article_set_n(r->article, ARTCONV_META_SUBTITLE, rec_text(r, rec),
                                          rec->tlen, r->err);
                    drop(rec);
                    if (rc < 0)
                        return rc;
                }
                continue;
            }
            head = 0;
            continue;
        }
        if (is_boilerplate(s, len)) {
            drop(rec);
            continue;
        }
        if (head && (rc = ac_text_meta_block(r, rec, 0)) != 0) {
            if (rc < 0 || (rc = ac_text_meta_block(r, rec, 1)) < 0)
                return rc;
            drop(rec);
            may_subtitle = 0;
            continue;
        }
        if (figure_prefix(r, s, len, &ref) > 0 || caption_split(s, len, &cl, &ca)) {
            may_subtitle = 0;
            need_title = 0;
            if ((rc = make_figure(r, rec, s, len)) < 0)
                return rc;
            continue;
        }
        if (!head)
            continue;
        if (need_title && headline_like(s, len, 250)) {
            if ((rc = ac_article_set_n(r->article, ARTCONV_META_TITLE, s, len, r->err)) < 0)
                return rc;
            drop(rec);
            need_title = 0;
            may_subtitle = 1;
            continue;
        }
        if (may_subtitle && headline_like(s, len, 300)) {
            if ((rc = ac_article_set_n(r->article, ARTCONV_META_SUBTITLE, s, len, r->err)) < 0)
                return rc;
            drop(rec);
            may_subtitle = 0;
            continue;
        }
        head = 0;
        if ((rc = dateline(r, rec)) < 0)
            return rc;
    }
    return 0;
}

/* "(With PTI inputs.)" as the last block: the article's credit. */
int ac_text_read_credit(reader *r)
{
    artconv_node *last = artconv_node_last_child(r->body);
    size_t k = r->nrecs;
    const char *s;
    size_t len;

    while (k > 0 && (!r->recs[k - 1].top || r->recs[k - 1].node == NULL))
        k--;
    if (k == 0 || r->recs[k - 1].node != last ||
        artconv_node_get_kind(last) != ARTCONV_NODE_PARAGRAPH)
        return 0;
    s = rec_text(r, &r->recs[k - 1]);
    len = r->recs[k - 1].tlen;
    if (len < 3 || len > SHORT_BLOCK || s[0] != '(' || s[len - 1] != ')' ||
        memchr(s, '\n', len) != NULL || memchr(s + 1, '(', len - 2) != NULL)
        return 0;
    s++;
    len -= 2;
    trim(&s, &len);
    if (len == 0)
        return 0;
    drop(&r->recs[k - 1]);
    return ac_article_set_n(r->article, ARTCONV_META_CREDIT, s, len, r->err);
}

/* The last paragraph of a quote, "— Name", is who said it. */
int ac_text_read_attribution(reader *r, record *rec)
{
    artconv_node *quote = artconv_node_parent(rec->node), *attr;
    const char *s = rec_text(r, rec);
    size_t len = rec->tlen, d, start, tlen;
    int rc;

    if (artconv_node_get_kind(quote) != ARTCONV_NODE_BLOCKQUOTE ||
        artconv_node_last_child(quote) != rec->node ||
        artconv_node_get_kind(rec->node) != ARTCONV_NODE_PARAGRAPH)
        return 0;
    if ((d = dash_prefix(s, len)) == 0) {
        /* A quote whose last line names the speaker. */
        const line_ref *l = &r->lines[rec->first + rec->count - 1];
        const char *ls = r->text.ptr + l->start;
        size_t ln = l->len - count_spaces(ls, l->len);

        ls += l->len - ln;
        if (rec->count < 2 || (d = dash_prefix(ls, ln)) == 0)
            return 0;
        if ((attr = ac_node_add(quote, ARTCONV_NODE_ATTRIBUTION, r->err)) == NULL)
            return fail(r);
        if ((rc = ac_text_build_inlines(r, attr, ls + d, ln - d)) < 0)
            return rc;
        if ((rc = ac_text_join_lines(r, rec->first, rec->count - 1, 0, &start, &tlen)) < 0)
            return rc;
        rec->tstart = start;
        rec->tlen = tlen;
        return 0;
    }
    if ((attr = ac_node_add(quote, ARTCONV_NODE_ATTRIBUTION, r->err)) == NULL)
        return fail(r);
    rc = ac_text_build_inlines(r, attr, s + d, len - d);
    drop(rec);
    return rc;
}
