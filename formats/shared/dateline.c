/*
 * dateline.c - the dateline that opens a news story's first paragraph, one
 * rule for the plain-text and the HTML reader.
 *
 * Agencies and papers open the lead with the place the story was filed from:
 * "LONDON — After...", "NEW DELHI: The government...", "MOSCOW (AP) — An
 * unmanned...", "SEOUL, South Korea — A plan...", "PARIS, March 3, 2024
 * (Reuters) - ...".  It counts only when it is unmistakable: one to four words
 * in capitals (of any script), the first no label such as "UPDATE"; then
 * perhaps a comma part (a region, or a date) and an agency in parentheses;
 * then a dash, or a colon right after the capitals; then a sentence.
 */
#include "dateline.h"
#include "news.h"

#include <string.h>
#include <unictype.h>
#include <unistr.h>

/* A place and its region are short ("RIO DE JANEIRO, Brazil"). */
#define MAX_PLACE 60
/* The comma part: a region or a date, a few words. */
#define MAX_COMMA_PART 30
#define MAX_COMMA_WORDS 3
/* An agency in parentheses: "Reuters", "Agence France-Presse". */
#define MAX_AGENCY 40

/* Words in capitals that open a paragraph without being a place. */
static const char *const labels[] = {
    "UPDATE",    "UPDATED",    "EXCLUSIVE",     "BREAKING",      "WATCH",     "NOTE",
    "EDITOR",    "EDITOR'S",   "OPINION",       "ANALYSIS",      "LIVE",      "VIDEO",
    "PHOTOS",    "WARNING",    "READ",          "ALSO",          "FAQ",       "NEWS",
    "REVIEW",    "SPOILER",    "SPOILERS",      "CORRECTION",    "CLARIFICATION",
    "ADVERTISEMENT", "SPONSORED", "PHOTO",      "AUDIO",         "LISTEN",    "INTERVIEW",
    "TL;DR",     "PS",         "P.S.",          "IMPORTANT",     "ALERT",     "URGENT",
    "RELATED",   "SOURCE",     "SOURCES",       NULL};

static int is_label(const char *w, size_t len)
{
    size_t i;

    for (i = 0; labels[i] != NULL; i++)
        if (strlen(labels[i]) == len && memcmp(labels[i], w, len) == 0)
            return 1;
    return 0;
}

/* The character at s[0..len): its length in *n; 1 for a capital letter,
 * -1 for a small one, 0 for anything else. */
static int letter_case(const char *s, size_t len, size_t *n)
{
    ucs4_t c;
    int k;

    if ((unsigned char)s[0] < 0x80) {
        *n = 1;
        return s[0] >= 'A' && s[0] <= 'Z' ? 1 : s[0] >= 'a' && s[0] <= 'z' ? -1 : 0;
    }
    k = u8_mbtouc(&c, (const uint8_t *)s, len);
    *n = k > 0 ? (size_t)k : 1;
    return uc_is_upper(c) ? 1 : uc_is_lower(c) ? -1 : 0;
}

static int starts_capital(const char *s, size_t len)
{
    size_t n;

    return len > 0 && letter_case(s, len, &n) == 1;
}

/* Length of the place in capitals at the start of `s` ("NEW DELHI", "ST.
 * LOUIS", "WINSTON-SALEM", "SÃO PAULO", "N'DJAMENA"), or 0.  One to four
 * words of capitals; the first has two letters at least and is no label;
 * a word runs into no small letter or digit ("LONDONer", "NEWS24"). */
static size_t caps_place(const char *s, size_t len)
{
    size_t i = 0, words = 0, end = 0;

    while (i < len) {
        size_t w = i, letters = 0, n;

        while (i < len) {
            int c = letter_case(s + i, len - i, &n);

            if (c == 1)
                letters++;
            else if (!(s[i] == '.' || s[i] == '\'' ||
                       (s[i] == '-' && starts_capital(s + i + 1, len - i - 1)) ||
                       (n == 3 && memcmp(s + i, "\xE2\x80\x99", 3) == 0)))
                break;
            i += n;
        }
        if (letters == 0)
            break;
        if (i < len && s[i] != ' ' && s[i] != ',' && s[i] != ':' && s[i] != '(')
            return 0;
        if (words == 0 && (letters < 2 || is_label(s + w, i - w)))
            return 0;
        if (++words > 4)
            return 0;
        end = i;
        if (i + 1 < len && s[i] == ' ' && starts_capital(s + i + 1, len - i - 1))
            i++;
        else
            break;
    }
    return end;
}

/* The comma part after the place, from `i` (at ", "): up to three short
 * words that start with a capital or a digit, commas allowed between them
 * ("South Korea", "Calif.", "March 3, 2024").  Returns where it ends, or 0. */
static size_t comma_part(const char *s, size_t len, size_t i)
{
    size_t j = i, words = 0;

    while (words < MAX_COMMA_WORDS && j + 1 < len &&
           (s[j] == ' ' || (s[j] == ',' && s[j + 1] == ' '))) {
        size_t k = j + (s[j] == ',' ? 2 : 1);

        if (k >= len || !(starts_capital(s + k, len - k) || (s[k] >= '0' && s[k] <= '9')))
            break;
        j = k;
        while (j < len && s[j] != ' ' && s[j] != '(' && s[j] != ',' && s[j] != ':')
            j++;
        words++;
    }
    return words == 0 || j - i > MAX_COMMA_PART ? 0 : j;
}

/* A dash between the dateline and the sentence: em, en or horizontal bar,
 * "--", or a hyphen with a space before it.  Returns its length or 0. */
static size_t dash_at(const char *s, size_t len, int spaced)
{
    if (len >= 3 && (memcmp(s, "\xE2\x80\x94", 3) == 0 || memcmp(s, "\xE2\x80\x93", 3) == 0 ||
                     memcmp(s, "\xE2\x80\x95", 3) == 0))
        return 3;
    if (len >= 2 && memcmp(s, "--", 2) == 0)
        return 2;
    return len >= 1 && s[0] == '-' && spaced ? 1 : 0;
}

static int two_words(const char *s, size_t len)
{
    const char *sp = memchr(s, ' ', len);

    return sp != NULL && sp + 1 < s + len && sp[1] != ' ';
}

int ac_dateline_find(ac_dateline *out, const char *s, size_t len, int more)
{
    size_t place = caps_place(s, len), i = place, end, d, n;

    memset(out, 0, sizeof *out);
    if (place == 0)
        return 0;
    out->place_len = place;
    if (i + 2 < len && s[i] == ',' && s[i + 1] == ' ') {
        size_t j = comma_part(s, len, i + 1), w = i + 2;

        if (j == 0)
            return 0;
        while (w < j && s[w] != ' ' && s[w] != ',' && s[w] != '.')
            w++;
        /* "PARIS, March 3": a date, not part of the place. */
        if ((s[i + 2] >= '0' && s[i + 2] <= '9') || ac_news_is_month(s + i + 2, w - i - 2)) {
            out->date_at = i + 2;
            out->date_len = j - i - 2;
        } else {
            out->place_len = j;
        }
        i = j;
    }
    if (i + 1 < len && s[i] == ' ' && s[i + 1] == '(')
        i++;
    if (i < len && s[i] == '(') {
        const char *close = memchr(s + i, ')', len - i);
        size_t inner = close == NULL ? 0 : (size_t)(close - s) - i - 1;

        if (inner == 0 || inner > MAX_AGENCY || memchr(s + i + 1, '(', inner) != NULL)
            return 0;
        out->agency_at = i + 1;
        out->agency_len = inner;
        i += inner + 2;
    }
    end = i;
    if (out->place_len > MAX_PLACE)
        return 0;
    while (i < len && s[i] == ' ')
        i++;
    if ((d = dash_at(s + i, len - i, i > end)) > 0)
        i += d;
    else if (i < len && s[i] == ':' && i == place)
        i++;
    else
        return 0;
    if (i >= len || s[i] != ' ')
        return 0;
    while (i < len && s[i] == ' ')
        i++;
    /* Then a sentence: not lower case, two words at least ("PARIS - Hi" is
     * no story). */
    if (i >= len || letter_case(s + i, len - i, &n) == -1)
        return 0;
    if (!more && !two_words(s + i, len - i))
        return 0;
    out->skip = i;
    return 1;
}

int ac_dateline_apply(artconv_article *article, const ac_dateline *d, const char *s,
                      artconv_error *err)
{
    artconv_buf iso = ARTCONV_BUF_INIT;
    int rc = 0;

    AC_CHECK(ac_article_set_n(article, ARTCONV_META_DATELINE, s, d->place_len, err));
    if (d->agency_len > 0 && artconv_article_get(article, ARTCONV_META_CREDIT) == NULL)
        AC_CHECK(ac_article_set_n(article, ARTCONV_META_CREDIT, s + d->agency_at, d->agency_len,
                                  err));
    /* A date without a year ("March 3") says too little to keep. */
    if (d->date_len > 0 && artconv_article_get(article, ARTCONV_META_DATE) == NULL) {
        rc = ac_date_normalize(&iso, s + d->date_at, d->date_len);
        if (rc == 0)
            rc = ac_article_set_n(article, ARTCONV_META_DATE, iso.ptr, iso.len, err);
        else if (rc == ARTCONV_EPARSE)
            rc = 0;
        else
            rc = ac_nomem(err);
    }
cleanup:
    artconv_buf_dispose(&iso);
    return rc;
}
