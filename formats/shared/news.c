/*
 * news.c - newsroom conventions that several readers share: a printed
 * byline split into authors, the names of agencies and months, and the
 * first figure taken as the lead image.
 */
#include "news.h"
#include "url.h"

#include <string.h>

/* Case-insensitive whole match of s[0..len) against a NULL-ended list. */
static int in_list(const char *const *list, const char *s, size_t len)
{
    size_t i;

    for (i = 0; list[i] != NULL; i++)
        if (strlen(list[i]) == len && ac_strncaseeq(s, list[i], len))
            return 1;
    return 0;
}

/* Parts of a byline that are not names: joining words, labels a byline
 * box shows when it names no one ("Last Updated: ..."), and degrees after a
 * name ("Brenda Goodman, MA"). */
static const char *const not_names[] = {
    "and",       "by",     "staff",     "&",  "with", "updated", "last updated",
    "published", "posted", "posted on", "ma", "md",   "phd",     "rn",
    "mph",       "msc",    "ms",        "mba", "dvm", NULL};

/* Wire services and news agencies, as bylines and datelines credit them. */
static const char *const agencies[] = {
    "Reuters",      "AP",          "Associated Press", "The Associated Press", "AFP",
    "Agence France-Presse", "dpa", "PTI",              "Press Trust of India", "IANS",
    "ANI",          "UNI",         "Xinhua",           "Kyodo",                "Kyodo News",
    "Yonhap",       "EFE",         "ANSA",             "TASS",                 "UPI",
    "Bloomberg",    "Bloomberg News", "PA",            "PA Media",             "AAP",
    "The Canadian Press", "Canadian Press", "Anadolu", "Bernama",             "Antara",
    NULL};

/* What a byline box or an author field shows when it names no one: its
 * label alone ("Written By", "About The Author"), a weekday or month left
 * from a date ("Sat", "Dec"), an account placeholder. */
static const char *const labels[] = {
    "author",        "authors",          "the author",   "about the author", "about the authors",
    "written by",    "posted by",        "authored by",  "article by",       "words by",
    "admin",         "administrator",    "guest author", "follow author",    "follow",
    "view more articles", "more articles", "view all posts", "read more", "unknown",
    "mon",  "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", NULL};

/* Label words that open one part of a byline field ("Posted by Jane Doe",
 * "Authored by: Dr. Jane Doe"), dropped before the name. */
static const char *const part_labels[] = {"written by", "posted by", "authored by", "article by",
                                          "words by",   "story by",  "by",          "authors",
                                          "author",     NULL};

static const char *const months[] = {
    "jan",  "feb",    "mar",       "apr",     "may",      "jun",      "jul",   "aug",   "sep",
    "sept", "oct",    "nov",       "dec",     "january",  "february", "march", "april", "june",
    "july", "august", "september", "october", "november", "december", NULL};

int ac_news_is_agency(const char *s, size_t len)
{
    return in_list(agencies, s, len);
}

int ac_news_is_month(const char *s, size_t len)
{
    return in_list(months, s, len);
}

/* What opens a byline, and the word that joins the last two names in its
 * language ("Par A et B", "Por A y B", "Por A e B", "Von A und B"); " and "
 * joins names after any of them.  "Von" is also a part of names ("Von
 * Miller"), so it opens a byline only before a name of two words or more. */
static const struct byline_prefix {
    const char *text;
    const char *joiners[2];
    int particle;
} prefixes[] = {
    {"written by ", {NULL, NULL}, 0},
    {"by ", {NULL, NULL}, 0},
    {"by:", {NULL, NULL}, 0},
    {"par ", {" et ", NULL}, 0},
    {"por ", {" y ", " e "}, 0},
    {"von ", {" und ", NULL}, 1},
};

static const struct byline_prefix *which_prefix(const char *s, size_t len)
{
    size_t k, n;

    for (k = 0; k < sizeof prefixes / sizeof prefixes[0]; k++) {
        n = strlen(prefixes[k].text);
        if (len > n && ac_strncaseeq(s, prefixes[k].text, n) &&
            !(prefixes[k].particle && memchr(s + n, ' ', len - n) == NULL))
            return &prefixes[k];
    }
    return NULL;
}

size_t ac_news_byline_prefix(const char *s, size_t len)
{
    const struct byline_prefix *pre = which_prefix(s, len);
    size_t n;

    if (pre == NULL)
        return 0;
    n = strlen(pre->text);
    while (n < len && (s[n] == ' ' || s[n] == ':'))
        n++;
    return n;
}

/* 1 if s[0..len) holds no letter but a digit or a symbol: an account
 * number ("262588213843476"), an icon ("\u2709").  Letters are ASCII ones
 * and UTF-8 sequences of scripts with letters; U+2000 to U+2BFF
 * (punctuation, symbols) are none.  A part of ASCII marks alone (the ")"
 * a split web address leaves) is left as the byline printed it. */
static int is_number_or_symbol(const char *s, size_t len)
{
    size_t i;
    int other = 0;

    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];

        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC3 && c <= 0xE1) ||
            c >= 0xE3)
            return 0;
        other |= (c >= '0' && c <= '9') || c >= 0x80;
    }
    return other;
}

/* 1 if s[0..len) heads a comment ("Lori Campbell says") or labels a form
 * field ("Your Name: *", "Name (required)"): a comment thread and its form
 * sit below many articles, and neither is a byline. */
static int is_commenter(const char *s, size_t len)
{
    size_t i;

    if (len > 5 && (ac_strncaseeq(s + len - 5, " says", 5) ||
                    ac_strncaseeq(s + len - 5, " said", 5)))
        return 1;
    for (i = 0; i < len; i++)
        if (s[i] == '*' || (i + 10 <= len && ac_strncaseeq(s + i, "(required)", 10)))
            return 1;
    return 0;
}

int ac_news_is_no_name(const char *s, size_t len)
{
    return is_number_or_symbol(s, len) || in_list(labels, s, len) || ac_news_is_month(s, len) ||
           is_commenter(s, len);
}

/* Length of a label that opens one part ("Posted by ", "Author: "), the
 * spaces and colon after it included, or 0.  A label is followed by a space
 * or a colon, and something follows it. */
static size_t part_label(const char *s, size_t len)
{
    size_t k, n;

    for (k = 0; part_labels[k] != NULL; k++) {
        n = strlen(part_labels[k]);
        if (len > n + 1 && ac_strncaseeq(s, part_labels[k], n) && (s[n] == ' ' || s[n] == ':')) {
            /* "Author Jane Doe" keeps its word: only "Author:" is a label. */
            if (strncmp(part_labels[k], "author", 6) == 0 && s[n] != ':')
                continue;
            while (n < len && (s[n] == ' ' || s[n] == ':'))
                n++;
            return n < len ? n : 0;
        }
    }
    return 0;
}

int ac_news_looks_like_name(const char *s, size_t len)
{
    size_t i, words = 1;

    if (len == 0 || len > 60 || (s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9'))
        return 0;
    for (i = 0; i < len; i++) {
        if (s[i] == ' ') {
            words++;
            if (i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '9')
                return 0;
        }
        if (s[i] == ':' || s[i] == '|' || s[i] == '(' || s[i] == ')')
            return 0;
    }
    return words <= 6;
}

typedef struct {
    artconv_article *article;
    artconv_error *err;
    ac_byline_source source;
    int add;        /* 0: check and count the parts, 1: add them */
    size_t persons; /* names that are no agency, counted by the first pass */
} parts_ctx;

/* One part of the byline.  Returns 1 to go on, 0 if the text is no byline,
 * or a negative status. */
static int take_part(parts_ctx *c, const char *s, size_t len)
{
    int agency, rc;

    if (len == 0 || len >= 100 || in_list(not_names, s, len) || ac_news_is_no_name(s, len))
        return 1;
    agency = ac_news_is_agency(s, len);
    if (!c->add) {
        if (c->source == AC_BYLINE_FREE && !ac_news_looks_like_name(s, len))
            return 0;
        c->persons += !agency;
        return 1;
    }
    /* "By Jane Doe, Reuters": the agency is the credit; alone it is the
     * only author the story names. */
    if (agency && c->persons > 0) {
        if (artconv_article_get(c->article, ARTCONV_META_CREDIT) != NULL)
            return 1;
        rc = ac_article_set_n(c->article, ARTCONV_META_CREDIT, s, len, c->err);
    } else {
        rc = ac_article_list_add_n(c->article, ARTCONV_LIST_AUTHORS, s, len, c->err);
    }
    return rc < 0 ? rc : 1;
}

/* Length of a joining word at p ("and" in any case, or the prefix's own). */
static size_t joiner_at(const char *p, const char *end, const struct byline_prefix *pre)
{
    size_t k, n;

    if (end - p > 5 && ac_strncaseeq(p, " and ", 5))
        return 5;
    for (k = 0; pre != NULL && k < 2 && pre->joiners[k] != NULL; k++) {
        n = strlen(pre->joiners[k]);
        if ((size_t)(end - p) > n && memcmp(p, pre->joiners[k], n) == 0)
            return n;
    }
    return 0;
}

/* Names are separated by commas, semicolons, "|", "&", "/", line breaks
 * and joining words.  Returns 1, 0 or a negative status as take_part. */
static int each_part(parts_ctx *c, const char *s, const char *end,
                     const struct byline_prefix *pre)
{
    const char *p;
    int rc;

    while (s < end) {
        const char *stop = end, *name_end;
        size_t skip = 1, j;

        for (p = s; p < end; p++) {
            if (*p == ',' || *p == ';' || *p == '|' || *p == '&' || *p == '/' || *p == '\n') {
                stop = p;
                break;
            }
            if (*p == ' ' && (j = joiner_at(p, end, pre)) > 0) {
                stop = p;
                skip = j;
                break;
            }
        }
        name_end = stop;
        while (s < name_end && (*s == ' ' || *s == '\t'))
            s++;
        while (name_end > s && (name_end[-1] == ' ' || name_end[-1] == '.'))
            name_end--;
        s += part_label(s, (size_t)(name_end - s));
        if ((rc = take_part(c, s, (size_t)(name_end - s))) <= 0)
            return rc;
        if (stop == end)
            break;
        s = stop + skip;
    }
    return 1;
}

int ac_news_byline(artconv_article *article, const char *byline, size_t len,
                   ac_byline_source source, int apply, artconv_error *err)
{
    artconv_buf clean = ARTCONV_BUF_INIT;
    const struct byline_prefix *pre = NULL;
    parts_ctx c;
    const char *s, *end;
    size_t k;
    int rc = 0;

    if (ac_text_put_collapsed(&clean, byline, len) < 0) {
        rc = ac_nomem(err);
        goto cleanup;
    }
    if (clean.len == 0 || ac_url_looks_like_web(clean.ptr))
        goto cleanup;
    s = clean.ptr;
    end = s + clean.len;
    if ((k = ac_news_byline_prefix(s, clean.len)) > 0) {
        pre = which_prefix(s, clean.len);
        s += k;
    } else if (source == AC_BYLINE_FREE) {
        goto cleanup;
    }
    memset(&c, 0, sizeof c);
    c.article = article;
    c.err = err;
    c.source = source;
    if ((rc = each_part(&c, s, end, pre)) <= 0)
        goto cleanup;
    if (apply) {
        c.add = 1;
        if ((rc = each_part(&c, s, end, pre)) < 0)
            goto cleanup;
    }
    rc = 1;
cleanup:
    artconv_buf_dispose(&clean);
    return rc;
}

int ac_news_add_authors(artconv_article *article, const char *byline, size_t len,
                        artconv_error *err)
{
    int rc = ac_news_byline(article, byline, len, AC_BYLINE_KNOWN, 1, err);

    return rc < 0 ? rc : 0;
}

int ac_news_lead_image(artconv_article *article, artconv_error *err)
{
    const artconv_node *n;
    const char *image = artconv_article_get(article, ARTCONV_META_IMAGE), *url;
    artconv_buf text = ARTCONV_BUF_INIT;
    int rc = 0;

    for (n = artconv_node_first_child(artconv_article_body(article)); n != NULL;
         n = artconv_node_next(n))
        if (artconv_node_get_kind(n) == ARTCONV_NODE_FIGURE)
            break;
    if (n == NULL || (url = artconv_node_get_url(n)) == NULL)
        return 0;
    /* The first figure is the lead image when the page names no other, or
     * names the same file (sites often add a size or query to one of them). */
    if (image != NULL) {
        const char *a = strrchr(image, '/'), *b = strrchr(url, '/');
        size_t la, lb;

        a = a == NULL ? image : a + 1;
        b = b == NULL ? url : b + 1;
        la = strcspn(a, "?#");
        lb = strcspn(b, "?#");
        if (strcmp(image, url) != 0 && (la != lb || memcmp(a, b, la) != 0))
            return 0;
    } else {
        AC_CHECK(artconv_article_set(article, ARTCONV_META_IMAGE, url, err));
    }
    if (artconv_node_get_alt(n) != NULL &&
        artconv_article_get(article, ARTCONV_META_IMAGE_ALT) == NULL)
        AC_CHECK(
            artconv_article_set(article, ARTCONV_META_IMAGE_ALT, artconv_node_get_alt(n), err));
    if (artconv_node_get_credit(n) != NULL)
        AC_CHECK(artconv_article_set(article, ARTCONV_META_IMAGE_CREDIT, artconv_node_get_credit(n),
                                     err));
    if (artconv_node_first_child(n) != NULL) {
        if (ac_plain_text(&text, artconv_node_first_child(n)) < 0) {
            rc = ac_nomem(err);
            goto cleanup;
        }
        if (text.len > 0)
            AC_CHECK(artconv_article_set(article, ARTCONV_META_IMAGE_CAPTION, text.ptr, err));
    }
cleanup:
    artconv_buf_dispose(&text);
    return rc;
}
