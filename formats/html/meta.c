/*
 * meta.c - a web page's metadata: JSON-LD, Open Graph and article:*,
 * Twitter cards, <meta name=...>, Dublin Core, <title>, <html lang>, the
 * canonical link and <time datetime> (the visible byline is byline.c's).
 *
 * Sources are read once into slots, then each field takes the first source
 * that has it, in an order from the most to the least deliberate: structured
 * data a site writes for search engines, then social cards, then plain meta
 * tags, then what the page shows.  This file puts the fields together;
 * meta_collect.c reads the sources, meta_title.c chooses the title and
 * meta_lists.c the authors and keywords (meta.h is what they share).
 */
#include "meta.h"

#include <stdlib.h>
#include <string.h>

/* --- small text helpers ----------------------------------------------------- */

/* Sets `field` from text, whitespace tidied and (but in a URL) the
 * character references a CMS left in it decoded; nothing if it is already
 * set or the text is empty. */
static int set_field(meta_ctx *m, artconv_meta field, const char *s)
{
    int rc;

    if (s == NULL || artconv_article_get(m->article, field) != NULL)
        return 0;
    artconv_buf_clear(&m->tmp);
    if (ac_text_put_collapsed(&m->tmp, s, strlen(s)) < 0)
        return ac_nomem(m->err);
    if (field != ARTCONV_META_IMAGE && field != ARTCONV_META_SOURCE &&
        (rc = ac_meta_decode_tmp(m)) < 0)
        return rc;
    if (m->tmp.len == 0)
        return 0;
    return ac_article_set_n(m->article, field, m->tmp.ptr, m->tmp.len, m->err);
}

static int set_date(meta_ctx *m, artconv_meta field, const char *s)
{
    int rc;

    if (s == NULL || artconv_article_get(m->article, field) != NULL)
        return 0;
    artconv_buf_clear(&m->tmp);
    if (ac_text_put_collapsed(&m->tmp, s, strlen(s)) < 0)
        return ac_nomem(m->err);
    {
        artconv_buf iso = ARTCONV_BUF_INIT;

        rc = ac_date_normalize(&iso, m->tmp.ptr == NULL ? "" : m->tmp.ptr, m->tmp.len);
        if (rc == 0)
            rc = ac_article_set_n(m->article, field, iso.ptr, iso.len, m->err);
        else if (rc == ARTCONV_EPARSE) {
            ac_warn_read(m->page->opts, ARTCONV_EPARSE, 0, "cannot read the date \"%.60s\"",
                         m->tmp.ptr);
            rc = 0;
        } else
            rc = ac_nomem(m->err);
        artconv_buf_dispose(&iso);
    }
    return rc;
}

/* 1 if `url` is absolute with the scheme http or https (any case), or
 * protocol-relative ("//host/", which keeps the page's http or https). */
static int is_http_url(const xmlChar *url)
{
    const char *s = (const char *)url;

    return s != NULL && (ac_strncaseeq(s, "http://", 7) || ac_strncaseeq(s, "https://", 8) ||
                         strncmp(s, "//", 2) == 0);
}

/* The first <time datetime> in the body: the page's own date stamp. */
static const char *find_time(const ac_html_page *page)
{
    const xmlNode *root = page->body, *n;

    if (root == NULL)
        return NULL;
    for (n = root->children; n != NULL; n = ac_xml_next(n, root, 0)) {
        const char *dt;

        if (ac_html_is(n, "time") && (dt = ac_html_attr(n, "datetime")) != NULL && *dt != '\0')
            return dt;
    }
    return NULL;
}

/* --- putting it together ---------------------------------------------------- */

static int set_base(meta_ctx *m)
{
    const char *page_url = m->canonical != NULL ? m->canonical : m->slots[S_URL_OG];
    xmlChar *base = NULL;

    if (page_url != NULL && !(ac_url_looks_like_web(page_url) && strncmp(page_url, "www.", 4) != 0))
        page_url = NULL; /* a relative canonical URL tells nothing */
    if (m->base_href != NULL && *m->base_href != '\0') {
        base = page_url != NULL
                   ? xmlBuildURI((const xmlChar *)m->base_href, (const xmlChar *)page_url)
                   : NULL;
        if (base == NULL)
            base = xmlStrdup((const xmlChar *)m->base_href);
    } else if (page_url != NULL) {
        base = xmlStrdup((const xmlChar *)page_url);
    } else {
        return 0;
    }
    if (base == NULL)
        return ac_nomem(m->err);
    if (!is_http_url(base)) {
        /* javascript:, data: or a relative base: relative links stay
         * relative rather than take on a scheme that runs code. */
        xmlFree(base);
        base = NULL;
        if (m->base_href != NULL && page_url != NULL && is_http_url(BAD_CAST page_url) &&
            (base = xmlStrdup((const xmlChar *)page_url)) == NULL)
            return ac_nomem(m->err);
    }
    m->page->base = base;
    return 0;
}

static int set_language(meta_ctx *m)
{
    const char *lang = m->lang;
    char buf[36];
    size_t i;

    if (lang == NULL || *lang == '\0')
        lang = m->slots[S_LANG_DC];
    if ((lang == NULL || *lang == '\0') && m->art != NULL)
        lang = ac_meta_ld_string(json_object_get(m->art, "inLanguage"), "name");
    if (lang == NULL || *lang == '\0')
        lang = m->slots[S_LOCALE];
    if (lang == NULL)
        return 0;
    while (ac_is_space(*lang))
        lang++;
    /* og:locale writes en_US; BCP 47 wants en-US. */
    for (i = 0; lang[i] != '\0' && i + 1 < sizeof buf && !ac_is_space(lang[i]); i++)
        buf[i] = lang[i] == '_' ? '-' : lang[i];
    buf[i] = '\0';
    return set_field(m, ARTCONV_META_LANGUAGE, buf);
}

int ac_html_meta(artconv_article *article, ac_html_page *page, artconv_error *err)
{
    meta_ctx m;
    const json_t *art;
    size_t i;
    int rc = 0;

    memset(&m, 0, sizeof m);
    m.article = article;
    m.page = page;
    m.err = err;
    ac_meta_collect(&m);
    art = m.art;
    AC_CHECK(set_base(&m));
    AC_CHECK(ac_meta_set_title(&m));
    if (art != NULL) {
        AC_CHECK(set_field(&m, ARTCONV_META_SUBTITLE,
                           ac_meta_ld_string(json_object_get(art, "alternativeHeadline"), "name")));
        AC_CHECK(set_field(&m, ARTCONV_META_DESCRIPTION,
                           ac_meta_ld_string(json_object_get(art, "description"), "name")));
        AC_CHECK(set_field(&m, ARTCONV_META_PUBLISHER,
                           ac_meta_ld_string(json_object_get(art, "publisher"), "name")));
        AC_CHECK(set_field(&m, ARTCONV_META_SECTION,
                           ac_meta_ld_string(json_object_get(art, "articleSection"), "name")));
        AC_CHECK(set_date(&m, ARTCONV_META_DATE,
                          ac_meta_ld_string(json_object_get(art, "datePublished"), "@value")));
        AC_CHECK(set_date(&m, ARTCONV_META_MODIFIED,
                          ac_meta_ld_string(json_object_get(art, "dateModified"), "@value")));
        AC_CHECK(set_field(&m, ARTCONV_META_IMAGE,
                           ac_meta_ld_string(json_object_get(art, "image"), "url")));
    }
    AC_CHECK(set_field(&m, ARTCONV_META_DESCRIPTION, m.slots[S_DESC_DC]));
    AC_CHECK(set_field(&m, ARTCONV_META_DESCRIPTION, m.slots[S_DESC_OG]));
    AC_CHECK(set_field(&m, ARTCONV_META_DESCRIPTION, m.slots[S_DESC_META]));
    AC_CHECK(set_field(&m, ARTCONV_META_DESCRIPTION, m.slots[S_DESC_TW]));
    AC_CHECK(set_field(&m, ARTCONV_META_PUBLISHER, m.slots[S_SITE_OG]));
    AC_CHECK(set_field(&m, ARTCONV_META_PUBLISHER, m.slots[S_PUBLISHER_DC]));
    AC_CHECK(set_date(&m, ARTCONV_META_DATE, m.slots[S_PUB_ARTICLE]));
    AC_CHECK(set_date(&m, ARTCONV_META_DATE, m.slots[S_PUB_PARSELY]));
    AC_CHECK(set_date(&m, ARTCONV_META_DATE, m.slots[S_PUB_DC]));
    AC_CHECK(set_date(&m, ARTCONV_META_DATE, m.slots[S_PUB_OTHER]));
    if (m.web_page != NULL)
        AC_CHECK(
            set_date(&m, ARTCONV_META_DATE,
                     ac_meta_ld_string(json_object_get(m.web_page, "datePublished"), "@value")));
    AC_CHECK(set_date(&m, ARTCONV_META_DATE, find_time(page)));
    AC_CHECK(set_date(&m, ARTCONV_META_MODIFIED, m.slots[S_MOD_ARTICLE]));
    AC_CHECK(set_date(&m, ARTCONV_META_MODIFIED, m.slots[S_MOD_OG]));
    AC_CHECK(set_field(&m, ARTCONV_META_SECTION, m.slots[S_SECTION]));
    AC_CHECK(set_field(&m, ARTCONV_META_RIGHTS, m.slots[S_RIGHTS_DC]));
    AC_CHECK(set_field(&m, ARTCONV_META_PUBSTATUS, m.slots[S_PUBSTATUS]));
    AC_CHECK(set_field(&m, ARTCONV_META_EMBARGOED, m.slots[S_EMBARGOED]));
    AC_CHECK(set_language(&m));
    AC_CHECK(ac_meta_set_keywords(&m));
    AC_CHECK(ac_meta_set_authors(&m));
    {
        const char *img = m.slots[S_IMAGE_OG] != NULL ? m.slots[S_IMAGE_OG] : m.slots[S_IMAGE_TW];
        const char *src = m.canonical != NULL ? m.canonical : m.slots[S_URL_OG];
        int nomem = 0;

        if (artconv_article_get(article, ARTCONV_META_IMAGE) == NULL && img != NULL) {
            char *url = ac_html_url(page, img, 1, &nomem);

            if (nomem) {
                rc = ac_nomem(err);
                goto cleanup;
            }
            rc = set_field(&m, ARTCONV_META_IMAGE, url);
            free(url);
            if (rc < 0)
                goto cleanup;
        }
        if (artconv_article_get(article, ARTCONV_META_IMAGE) != NULL)
            AC_CHECK(set_field(&m, ARTCONV_META_IMAGE_ALT, m.slots[S_IMAGE_ALT]));
        if (src != NULL && ac_url_looks_like_web(src))
            AC_CHECK(set_field(&m, ARTCONV_META_SOURCE, src));
    }
cleanup:
    for (i = 0; i < m.n_ld; i++)
        json_decref(m.ld[i]);
    artconv_buf_dispose(&m.tmp);
    return rc;
}
