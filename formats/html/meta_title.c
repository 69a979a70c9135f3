/*
 * meta_title.c - choosing a page's title among JSON-LD, Dublin Core, Open
 * Graph, <meta name=title>, Twitter and Parse.ly candidates and <title>, and
 * cutting the site name from it ("Headline | Site", "Site - Headline").
 */
#include "meta.h"

#include <string.h>

/* Separators between a headline and a site name in <title>. */
static const char *const separators[] = {
    " | ",        " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xBB ", " :: ", " / ",
    " \xC2\xB7 ", NULL};

static const char *find_sep(const char *s, size_t len, int last, size_t *sep_len)
{
    const char *best = NULL;
    size_t i, k;

    for (k = 0; separators[k] != NULL; k++) {
        size_t n = strlen(separators[k]);

        for (i = 0; i + n <= len; i++) {
            if (memcmp(s + i, separators[k], n) != 0)
                continue;
            if (best == NULL || (last ? s + i > best : s + i < best)) {
                best = s + i;
                *sep_len = n;
            }
            if (!last)
                break;
        }
    }
    return best;
}

/* Case- and space-insensitive comparison of ASCII letters and digits, for
 * matching a site name against a title's suffix. */
static int name_char(int c)
{
    return c >= 0x80 || ((c | 32) >= 'a' && (c | 32) <= 'z') || (c >= '0' && c <= '9');
}

static int same_name(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t i = 0, j = 0;

    for (;;) {
        while (i < alen && !name_char((unsigned char)a[i]))
            i++;
        while (j < blen && !name_char((unsigned char)b[j]))
            j++;
        if (i == alen || j == blen)
            return (i == alen && j == blen) || (i == alen && j > 0 && b[j - 1] == ' ');
        if ((a[i] | 32) != (b[j] | 32))
            return 0;
        i++;
        j++;
    }
}

/* Cuts the site name from a title: "Headline | Site", "Site - Headline".
 * `site` (may be NULL) is the known site name.  Works on m->tmp. */
static void strip_site(meta_ctx *m, const char *site, int from_title_tag)
{
    const char *s = m->tmp.ptr, *sep;
    size_t len = m->tmp.len, sl = 0, words = ac_meta_count_words(s, len);

    if (len == 0)
        return;
    /* A known site name at either end goes. */
    if (site != NULL && *site != '\0') {
        size_t site_len = strlen(site);

        if ((sep = find_sep(s, len, 1, &sl)) != NULL &&
            same_name(sep + sl, (size_t)(s + len - sep - sl), site, site_len)) {
            m->tmp.len = (size_t)(sep - s);
            m->tmp.ptr[m->tmp.len] = '\0';
            return;
        }
        if ((sep = find_sep(s, len, 0, &sl)) != NULL &&
            same_name(s, (size_t)(sep - s), site, site_len)) {
            memmove(m->tmp.ptr, sep + sl, (size_t)(s + len - sep - sl));
            m->tmp.len = (size_t)(s + len - sep - sl);
            m->tmp.ptr[m->tmp.len] = '\0';
            return;
        }
    }
    if (!from_title_tag)
        return;
    /* Otherwise <title>'s last part goes when what is left still reads as
     * a headline (more than four words); else its first part. */
    if ((sep = find_sep(s, len, 1, &sl)) != NULL) {
        size_t head = (size_t)(sep - s);

        if (ac_meta_count_words(s, head) > 4) {
            m->tmp.len = head;
            m->tmp.ptr[head] = '\0';
        }
    }
    (void)words;
}

static int squashed_in(const char *needle, const char *hay)
{
    artconv_buf a = ARTCONV_BUF_INIT, b = ARTCONV_BUF_INIT;
    const char *p;
    int found = 0;

    for (p = needle; *p != '\0'; p++)
        if (name_char((unsigned char)*p))
            (void)artconv_buf_putc(&a, (*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
    for (p = hay; *p != '\0'; p++)
        if (name_char((unsigned char)*p))
            (void)artconv_buf_putc(&b, (*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
    /* Contained, and most of it: a site name alone is not the title. */
    found = a.len > 0 && b.ptr != NULL && a.len * 2 >= b.len && strstr(b.ptr, a.ptr) != NULL;
    artconv_buf_dispose(&a);
    artconv_buf_dispose(&b);
    return found;
}

/* 1 if JSON-LD's "name" rather than its "headline" is the title. */
static int prefer_name(meta_ctx *m, const char *headline, const char *name)
{
    int rc = 0;

    if (strcmp(headline, name) == 0)
        return 0;
    artconv_buf_clear(&m->tmp);
    if (ac_html_text(&m->tmp, m->title_el) < 0)
        return ac_nomem(m->err);
    if (m->tmp.len > 0)
        rc = squashed_in(name, m->tmp.ptr) && !squashed_in(headline, m->tmp.ptr);
    artconv_buf_clear(&m->tmp);
    return rc;
}

int ac_meta_set_title(meta_ctx *m)
{
    const char *site = m->slots[S_SITE_OG];
    const char *cands[8];
    size_t i, n = 0;
    int from_tag = 0, rc = 0;

    if (m->art != NULL) {
        const char *headline = ac_meta_ld_string(json_object_get(m->art, "headline"), "name");
        const char *name = ac_meta_ld_string(json_object_get(m->art, "name"), "name");

        /* Some sites put a description in "headline" and the title in
         * "name": take the one <title> repeats. */
        if (headline != NULL && name != NULL && m->title_el != NULL &&
            (rc = prefer_name(m, headline, name)) != 0) {
            if (rc < 0)
                return rc;
            cands[n++] = name;
        }
        cands[n++] = headline;
        cands[n++] = name;
        if (site == NULL)
            site = ac_meta_ld_string(json_object_get(m->art, "publisher"), "name");
    }
    cands[n++] = m->slots[S_TITLE_DC];
    cands[n++] = m->slots[S_TITLE_OG];
    cands[n++] = m->slots[S_TITLE_META];
    cands[n++] = m->slots[S_TITLE_TW];
    cands[n++] = m->slots[S_TITLE_PARSELY];
    artconv_buf_clear(&m->tmp);
    for (i = 0; i < n && m->tmp.len == 0; i++)
        if (cands[i] != NULL && ac_text_put_collapsed(&m->tmp, cands[i], strlen(cands[i])) < 0)
            return ac_nomem(m->err);
    if (m->tmp.len == 0 && m->title_el != NULL) {
        if (ac_html_text(&m->tmp, m->title_el) < 0)
            return ac_nomem(m->err);
        from_tag = 1;
    }
    if (m->tmp.len == 0)
        return 0;
    strip_site(m, site, from_tag);
    if ((rc = ac_article_set_n(m->article, ARTCONV_META_TITLE, m->tmp.ptr, m->tmp.len, m->err)) < 0)
        return rc;
    m->page->title = ac_strndup(m->tmp.ptr, m->tmp.len);
    return m->page->title == NULL ? ac_nomem(m->err) : 0;
}
