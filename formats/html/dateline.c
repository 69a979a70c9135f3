/*
 * html_dateline.c - the visible dateline of a web article.
 *
 * News agencies and papers open the first paragraph with the place the story
 * was filed from: "LONDON — After nearly 20 years...", "NEW DELHI: The
 * government...", "MOSCOW (AP) — An unmanned...", "SEOUL, South Korea — A
 * plan...".  The reader moves that place into the `dateline` field and out
 * of the paragraph, but only when it is unmistakable: a place in capitals,
 * at most a short comma part and an agency in parentheses after it, then a
 * dash (or a colon right after the capitals), then a sentence.  Labels in
 * capitals ("UPDATE:", "EXCLUSIVE —") are not places.
 */
#include "html.h"

#include <string.h>

/* A dateline is short: the place, a region, an agency. */
#define MAX_DATELINE 60
/* Text gathered from the start of the paragraph to look for one. */
#define LOOK_AHEAD 160
/* The paragraph must go on with a real sentence after the dateline. */
#define MIN_REST 20
/* Only the first paragraph of this many top-level blocks is looked at. */
#define MAX_LEAD_BLOCKS 6
/* A lead paragraph is at least this long (shorter ones are kickers, credits). */
#define MIN_LEAD 60

/* Words in capitals that open a paragraph without being a place. */
static const char *const labels[] = {"UPDATE",
                                     "UPDATED",
                                     "EXCLUSIVE",
                                     "BREAKING",
                                     "WATCH",
                                     "NOTE",
                                     "EDITOR",
                                     "EDITOR'S",
                                     "OPINION",
                                     "ANALYSIS",
                                     "LIVE",
                                     "VIDEO",
                                     "PHOTOS",
                                     "WARNING",
                                     "READ",
                                     "ALSO",
                                     "FAQ",
                                     "Q",
                                     "A",
                                     "NEWS",
                                     "REVIEW",
                                     "SPOILER",
                                     "SPOILERS",
                                     "CORRECTION",
                                     "CLARIFICATION",
                                     "ADVERTISEMENT",
                                     "SPONSORED",
                                     "PHOTO",
                                     "AUDIO",
                                     "LISTEN",
                                     "INTERVIEW",
                                     "TL;DR",
                                     "PS",
                                     "P.S.",
                                     "IMPORTANT",
                                     "ALERT",
                                     "URGENT",
                                     "RELATED",
                                     "SOURCE",
                                     "SOURCES",
                                     NULL};

static int is_upper(int c)
{
    return c >= 'A' && c <= 'Z';
}

static int is_lower(int c)
{
    return c >= 'a' && c <= 'z';
}

static int is_label(const char *w, size_t len)
{
    size_t i;

    for (i = 0; labels[i] != NULL; i++)
        if (strlen(labels[i]) == len && memcmp(labels[i], w, len) == 0)
            return 1;
    return 0;
}

/* Length of the place in capitals at the start of `s` ("NEW DELHI",
 * "ST. LOUIS", "RIO DE JANEIRO" is not: "DE" is fine, capitals only), or 0.
 * Every word is in capitals; one to four words; the first is no label. */
static size_t caps_place(const char *s, size_t len)
{
    size_t i = 0, words = 0, end = 0, letters;

    while (i < len && words < 5) {
        size_t w = i;

        letters = 0;
        while (i < len &&
               (is_upper((unsigned char)s[i]) || s[i] == '.' || s[i] == '\'' || s[i] == '-')) {
            letters += is_upper((unsigned char)s[i]);
            i++;
        }
        if (i == w || letters == 0)
            break;
        if (i < len && s[i] != ' ' && s[i] != ',' && s[i] != ':' && s[i] != '(')
            return 0; /* "LONDONer", "NEWS24" */
        if (words == 0 && (letters < 2 || is_label(s + w, i - w)))
            return 0;
        words++;
        end = i;
        if (i + 1 < len && s[i] == ' ' && is_upper((unsigned char)s[i + 1]))
            i++;
        else
            break;
    }
    return words >= 1 && words <= 4 ? end : 0;
}

/* If `s` opens with a dateline, returns its length (place, region and
 * agency) and sets *skip to where the sentence after it starts; else 0. */
static size_t find_dateline(const char *s, size_t len, size_t *skip)
{
    size_t place = caps_place(s, len), i = place, end;

    if (place == 0)
        return 0;
    /* ", South Korea", ", Calif.", ", March 3": up to three short words
     * that start with a capital or a digit. */
    if (i + 2 < len && s[i] == ',' && s[i + 1] == ' ') {
        size_t j = i + 1, words = 0;

        while (words < 3 && j + 1 < len && s[j] == ' ' &&
               (is_upper((unsigned char)s[j + 1]) || (s[j + 1] >= '0' && s[j + 1] <= '9'))) {
            j++;
            while (j < len && s[j] != ' ' && s[j] != '(' && s[j] != ',' && s[j] != ':')
                j++;
            words++;
        }
        if (words == 0 || j - i > 30)
            return 0;
        i = j;
    }
    /* "(AP)", "(Reuters)": an agency in parentheses. */
    if (i + 1 < len && s[i] == ' ' && s[i + 1] == '(')
        i++;
    if (i < len && s[i] == '(') {
        const char *close = memchr(s + i, ')', len - i);

        if (close == NULL || close - (s + i) > 20)
            return 0;
        i = (size_t)(close - s) + 1;
    }
    end = i;
    if (end > MAX_DATELINE)
        return 0;
    /* The separator: a dash with spaces, or a colon right after capitals. */
    while (i < len && s[i] == ' ')
        i++;
    if (i + 3 <= len &&
        (memcmp(s + i, "\xE2\x80\x94", 3) == 0 || memcmp(s + i, "\xE2\x80\x93", 3) == 0))
        i += 3;
    else if (i + 2 <= len && memcmp(s + i, "--", 2) == 0)
        i += 2;
    else if (i < len && s[i] == '-' && i > end)
        i += 1;
    else if (i < len && s[i] == ':' && i == end && end == place)
        i += 1;
    else
        return 0;
    if (i >= len || s[i] != ' ')
        return 0;
    while (i < len && s[i] == ' ')
        i++;
    /* Then a sentence: not lower case, and long enough. */
    if (len - i < MIN_REST && len < LOOK_AHEAD)
        return 0;
    if (i >= len || is_lower((unsigned char)s[i]))
        return 0;
    *skip = i;
    return end;
}

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
    size_t len, skip = 0;
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
    if (text->len == 0 || (len = find_dateline(text->ptr, text->len, &skip)) == 0)
        return 0;
    if ((rc = ac_article_set_n(article, ARTCONV_META_DATELINE, text->ptr, len, err)) < 0 ||
        (rc = cut_start(para, skip, err)) < 0)
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
