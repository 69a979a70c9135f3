/*
 * news.c - newsroom conventions that several readers share: a printed
 * byline split into authors, and the first figure taken as the lead image.
 */
#include "news.h"
#include "url.h"

#include <string.h>

/* Parts of a byline that are not names: joining words, labels a byline
 * box shows when it names no one ("Last Updated: ..."), and degrees after a
 * name ("Brenda Goodman, MA"). */
static int skip_author_word(const char *s, size_t len)
{
    static const char *const junk[] = {
        "and",       "by",     "staff",     "&",   "with", "updated", "last updated",
        "published", "posted", "posted on", "ma",  "md",   "phd",     "rn",
        "mph",       "msc",    "ms",        "mba", "dvm",  NULL};
    size_t i;

    for (i = 0; junk[i] != NULL; i++)
        if (strlen(junk[i]) == len && ac_strncaseeq(s, junk[i], len))
            return 1;
    return 0;
}

int ac_news_add_authors(artconv_article *article, const char *byline, size_t len,
                        artconv_error *err)
{
    artconv_buf clean = ARTCONV_BUF_INIT;
    const char *s, *end, *p;
    int rc = 0;

    if ((rc = ac_text_put_collapsed(&clean, byline, len)) < 0) {
        rc = ac_nomem(err);
        goto cleanup;
    }
    if (clean.len == 0 || ac_url_looks_like_web(clean.ptr))
        goto cleanup;
    s = clean.ptr;
    end = s + clean.len;
    /* "By Jane Doe", "by: Jane Doe", "BY JANE DOE", French "Par", Spanish
     * and Portuguese "Por". */
    if (end - s > 3 && ac_strncaseeq(s, "by", 2) && (s[2] == ' ' || s[2] == ':')) {
        s += 3;
        while (s < end && (*s == ' ' || *s == ':'))
            s++;
    } else if (end - s > 4 && (ac_strncaseeq(s, "par ", 4) || ac_strncaseeq(s, "por ", 4))) {
        s += 4;
    }
    /* Names are separated by commas, semicolons, "&", " and ", "|". */
    while (s < end) {
        const char *stop = end, *name_end;
        size_t nl;

        for (p = s; p < end; p++) {
            if (*p == ',' || *p == ';' || *p == '|' || *p == '&' || *p == '/' || *p == '\n') {
                stop = p;
                break;
            }
            if (*p == ' ' && end - p > 5 && ac_strncaseeq(p, " and ", 5)) {
                stop = p;
                break;
            }
        }
        name_end = stop;
        while (s < name_end && (*s == ' ' || *s == '\t'))
            s++;
        while (name_end > s && (name_end[-1] == ' ' || name_end[-1] == '.'))
            name_end--;
        if (name_end > s && ac_strncaseeq(s, "by ", 3) && name_end - s > 3)
            s += 3;
        nl = (size_t)(name_end - s);
        if (nl > 0 && nl < 100 && !skip_author_word(s, nl) &&
            (rc = ac_article_list_add_n(article, ARTCONV_LIST_AUTHORS, s, nl, err)) < 0)
            goto cleanup;
        if (stop == end)
            break;
        s = stop + (*stop == ' ' ? 5 : 1);
    }
cleanup:
    artconv_buf_dispose(&clean);
    return rc;
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
