/*
 * meta.c - a web page's metadata: JSON-LD, Open Graph and article:*,
 * Twitter cards, <meta name=...>, Dublin Core, <title>, <html lang>, the
 * canonical link and <time datetime> (the visible byline is byline.c's).
 *
 * Sources are read once into slots, then each field takes the first source
 * that has it, in an order from the most to the least deliberate: structured
 * data a site writes for search engines, then social cards, then plain meta
 * tags, then what the page shows.
 */
#include "html.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* Keywords beyond this many are ignored: the model's list checks for
 * duplicates linearly, and no article needs more. */
#define MAX_KEYWORDS 64
/* How many JSON-LD blocks are looked at. */
#define MAX_JSONLD_BLOCKS 16

typedef enum {
    S_TITLE_DC,
    S_TITLE_OG,
    S_TITLE_META,
    S_TITLE_TW,
    S_TITLE_PARSELY,
    S_DESC_DC,
    S_DESC_OG,
    S_DESC_META,
    S_DESC_TW,
    S_AUTHOR_DC,
    S_AUTHOR_META,
    S_AUTHOR_PARSELY,
    S_AUTHOR_ARTICLE,
    S_AUTHOR_SAILTHRU,
    S_SITE_OG,
    S_PUBLISHER_DC,
    S_APP_NAME,
    S_PUB_ARTICLE,
    S_PUB_PARSELY,
    S_PUB_DC,
    S_PUB_OTHER,
    S_MOD_ARTICLE,
    S_MOD_OG,
    S_SECTION,
    S_KEYWORDS,
    S_NEWS_KEYWORDS,
    S_IMAGE_OG,
    S_IMAGE_TW,
    S_IMAGE_ALT,
    S_LOCALE,
    S_LANG_DC,
    S_RIGHTS_DC,
    S_URL_OG,
    S_PUBSTATUS,
    S_EMBARGOED,
    S_COUNT
} slot;

/* Meta names and properties, compared without case. */
static const struct {
    const char *key;
    slot slot;
} meta_keys[] = {
    {"dc.title", S_TITLE_DC},
    {"dcterm.title", S_TITLE_DC},
    {"dcterms.title", S_TITLE_DC},
    {"dc:title", S_TITLE_DC},
    {"og:title", S_TITLE_OG},
    {"title", S_TITLE_META},
    {"twitter:title", S_TITLE_TW},
    {"parsely-title", S_TITLE_PARSELY},
    {"dc.description", S_DESC_DC},
    {"dcterms.description", S_DESC_DC},
    {"dc:description", S_DESC_DC},
    {"og:description", S_DESC_OG},
    {"description", S_DESC_META},
    {"twitter:description", S_DESC_TW},
    {"dc.creator", S_AUTHOR_DC},
    {"dcterms.creator", S_AUTHOR_DC},
    {"dc:creator", S_AUTHOR_DC},
    {"author", S_AUTHOR_META},
    {"parsely-author", S_AUTHOR_PARSELY},
    {"article:author", S_AUTHOR_ARTICLE},
    {"og:article:author", S_AUTHOR_ARTICLE},
    {"sailthru.author", S_AUTHOR_SAILTHRU},
    {"og:site_name", S_SITE_OG},
    {"dc.publisher", S_PUBLISHER_DC},
    {"dcterms.publisher", S_PUBLISHER_DC},
    {"application-name", S_APP_NAME},
    {"article:published_time", S_PUB_ARTICLE},
    {"article:published", S_PUB_ARTICLE},
    {"parsely-pub-date", S_PUB_PARSELY},
    {"dc.date", S_PUB_DC},
    {"dc.date.issued", S_PUB_DC},
    {"dcterms.created", S_PUB_DC},
    {"dcterms.date", S_PUB_DC},
    {"date", S_PUB_OTHER},
    {"pubdate", S_PUB_OTHER},
    {"publish-date", S_PUB_OTHER},
    {"sailthru.date", S_PUB_OTHER},
    {"citation_publication_date", S_PUB_OTHER},
    {"datepublished", S_PUB_OTHER},
    {"article:modified_time", S_MOD_ARTICLE},
    {"og:updated_time", S_MOD_OG},
    {"article:section", S_SECTION},
    {"keywords", S_KEYWORDS},
    {"news_keywords", S_NEWS_KEYWORDS},
    {"og:image", S_IMAGE_OG},
    {"og:image:url", S_IMAGE_OG},
    {"og:image:secure_url", S_IMAGE_OG},
    {"twitter:image", S_IMAGE_TW},
    {"twitter:image:src", S_IMAGE_TW},
    {"og:image:alt", S_IMAGE_ALT},
    {"twitter:image:alt", S_IMAGE_ALT},
    {"og:locale", S_LOCALE},
    {"dc.language", S_LANG_DC},
    {"dcterms.language", S_LANG_DC},
    {"dc.rights", S_RIGHTS_DC},
    {"dcterms.rights", S_RIGHTS_DC},
    {"og:url", S_URL_OG},
    /* What the HTML writer puts in the head for a story that is not
     * usable or is embargoed; kept as written (no date repair), so that
     * no reading drops an embargo. */
    {"pubstatus", S_PUBSTATUS},
    {"embargoed", S_EMBARGOED},
};

static const char *const article_types[] = {"Article",
                                            "NewsArticle",
                                            "ReportageNewsArticle",
                                            "AnalysisNewsArticle",
                                            "OpinionNewsArticle",
                                            "ReviewNewsArticle",
                                            "BackgroundNewsArticle",
                                            "BlogPosting",
                                            "LiveBlogPosting",
                                            "TechArticle",
                                            "ScholarlyArticle",
                                            "Report",
                                            "SatiricalArticle",
                                            "SocialMediaPosting",
                                            "AdvertiserContentArticle",
                                            NULL};

/* DC.Creator metas read, one author each; more are ignored. */
#define MAX_DC_CREATORS 16

typedef struct {
    artconv_article *article;
    unsigned char by_property[S_COUNT]; /* slot filled from property= */
    ac_html_page *page;
    artconv_error *err;
    const char *slots[S_COUNT];
    const xmlNode *title_el; /* <title> */
    const char *canonical;
    const char *base_href;
    int base_seen; /* the first <base href> in <head> was met (it alone counts) */
    const char *lang;
    const char *rel_author; /* <link rel=author title=...> */
    json_t *ld[MAX_JSONLD_BLOCKS];
    size_t n_ld;
    json_t *art; /* the article object inside one of them, borrowed */
    size_t n_keywords;
    const char *dc_creators[MAX_DC_CREATORS]; /* every DC.Creator, in order */
    unsigned char dc_by_property[MAX_DC_CREATORS];
    size_t n_dc_creators;
    artconv_buf tmp;
} meta_ctx;

/* --- small text helpers ----------------------------------------------------- */

/* Sets `field` from text, whitespace tidied; nothing if it is already set
 * or the text is empty. */
static int set_field(meta_ctx *m, artconv_meta field, const char *s)
{
    if (s == NULL || artconv_article_get(m->article, field) != NULL)
        return 0;
    artconv_buf_clear(&m->tmp);
    if (ac_text_put_collapsed(&m->tmp, s, strlen(s)) < 0)
        return ac_nomem(m->err);
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

static int add_keywords(meta_ctx *m, const char *s, size_t len, int split)
{
    size_t i = 0, j;
    int rc;

    while (i < len && m->n_keywords < MAX_KEYWORDS) {
        j = i;
        while (j < len && !(split && (s[j] == ',' || s[j] == ';')))
            j++;
        artconv_buf_clear(&m->tmp);
        if (ac_text_put_collapsed(&m->tmp, s + i, j - i) < 0)
            return ac_nomem(m->err);
        if (m->tmp.len > 0) {
            if ((rc = ac_article_list_add_n(m->article, ARTCONV_LIST_KEYWORDS, m->tmp.ptr,
                                            m->tmp.len, m->err)) < 0)
                return rc;
            m->n_keywords++;
        }
        i = j + 1;
    }
    return 0;
}

/* --- JSON-LD ---------------------------------------------------------------- */

static int type_is_article(const json_t *obj)
{
    const json_t *type = json_object_get(obj, "@type");
    size_t i, j;

    if (json_is_string(type)) {
        for (j = 0; article_types[j] != NULL; j++)
            if (strcmp(json_string_value(type), article_types[j]) == 0)
                return 1;
        return 0;
    }
    if (!json_is_array(type))
        return 0;
    for (i = 0; i < json_array_size(type) && i < 16; i++) {
        const json_t *t = json_array_get(type, i);

        for (j = 0; json_is_string(t) && article_types[j] != NULL; j++)
            if (strcmp(json_string_value(t), article_types[j]) == 0)
                return 1;
    }
    return 0;
}

/* Finds the article object at the top, in a top-level list or in @graph:
 * no deeper, so hostile nesting costs nothing. */
static json_t *find_article(json_t *root)
{
    json_t *graph, *v;
    size_t i, k;

    if (json_is_object(root) && type_is_article(root))
        return root;
    for (k = 0; k < 2; k++) {
        json_t *list = k == 0 ? root : NULL;

        if (k == 1 && json_is_object(root))
            list = json_object_get(root, "@graph");
        if (!json_is_array(list))
            continue;
        for (i = 0; i < json_array_size(list); i++) {
            v = json_array_get(list, i);
            if (json_is_object(v) && type_is_article(v))
                return v;
            graph = json_is_object(v) ? json_object_get(v, "@graph") : NULL;
            if (json_is_array(graph)) {
                size_t j;

                for (j = 0; j < json_array_size(graph); j++) {
                    json_t *g = json_array_get(graph, j);

                    if (json_is_object(g) && type_is_article(g))
                        return g;
                }
            }
        }
    }
    return NULL;
}

/* A string, or the "name" (or `key`) of an object, or the first of a list. */
static const char *ld_string(const json_t *v, const char *key)
{
    if (json_is_array(v))
        v = json_array_get(v, 0);
    if (json_is_object(v))
        v = json_object_get(v, key);
    if (json_is_array(v))
        v = json_array_get(v, 0);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static int ld_authors(meta_ctx *m, const json_t *v)
{
    size_t i, n = json_is_array(v) ? json_array_size(v) : 1;
    int rc;

    for (i = 0; i < n && i < 32; i++) {
        const json_t *a = json_is_array(v) ? json_array_get(v, i) : v;
        const char *name = NULL;

        if (json_is_string(a))
            name = json_string_value(a);
        else if (json_is_object(a))
            name = ld_string(json_object_get(a, "name"), "name");
        if (name != NULL && !ac_url_looks_like_web(name) &&
            (rc = ac_news_add_authors(m->article, name, strlen(name), m->err)) < 0)
            return rc;
    }
    return 0;
}

static void load_jsonld(meta_ctx *m, const xmlNode *script)
{
    const xmlNode *c;
    artconv_buf text = ARTCONV_BUF_INIT;
    json_error_t jerr;
    json_t *root;

    for (c = script->children; c != NULL; c = c->next)
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content != NULL &&
            artconv_buf_puts(&text, (const char *)c->content) < 0)
            break;
    if (text.len == 0 || text.len > AC_HTML_MAX_JSONLD) {
        artconv_buf_dispose(&text);
        return;
    }
    {
        /* Some sites wrap the JSON in a CDATA section, as XHTML wanted. */
        const char *b = text.ptr, *e = text.ptr + text.len, *open;

        open = strstr(b, "<![CDATA[");
        if (open != NULL && strspn(b, " \t\r\n/") == (size_t)(open - b)) {
            b = open + 9;
            while (e > b && (ac_is_space(e[-1]) || e[-1] == '/'))
                e--;
            if (e - b >= 3 && memcmp(e - 3, "]]>", 3) == 0)
                e -= 3;
        }
        root = json_loadb(b, (size_t)(e - b), JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr);
    }
    artconv_buf_dispose(&text);
    if (root == NULL) {
        ac_warn_read(m->page->opts, ARTCONV_EPARSE, (int)xmlGetLineNo(script),
                     "ignoring broken JSON-LD: %s", jerr.text);
        return;
    }
    m->ld[m->n_ld++] = root;
    if (m->art == NULL)
        m->art = find_article(root);
}

/* --- collecting ------------------------------------------------------------- */

static void take_meta(meta_ctx *m, const xmlNode *el)
{
    const char *content = ac_html_attr(el, "content");
    const char *attrs[3] = {"property", "name", "itemprop"};
    size_t a, k;

    if (content == NULL)
        return;
    for (a = 0; a < 3; a++) {
        const char *names = ac_html_attr(el, attrs[a]), *p;

        if (names == NULL)
            continue;
        /* A property may name several: property="og:title twitter:title". */
        for (p = names; *p != '\0';) {
            size_t len;

            while (ac_is_space(*p))
                p++;
            len = strcspn(p, " \t\r\n");
            if (len == 0)
                break;
            if (len == 11 && ac_strncaseeq(p, "article:tag", 11))
                (void)add_keywords(m, content, strlen(content), 0);
            /* The first value wins, except that property= (the Open Graph
             * and RDFa way) beats name=. */
            for (k = 0; k < sizeof meta_keys / sizeof meta_keys[0]; k++) {
                slot sl = meta_keys[k].slot;

                if (strlen(meta_keys[k].key) == len && ac_strncaseeq(p, meta_keys[k].key, len) &&
                    sl == S_AUTHOR_DC && *content != '\0' && m->n_dc_creators < MAX_DC_CREATORS) {
                    m->dc_by_property[m->n_dc_creators] = a == 0;
                    m->dc_creators[m->n_dc_creators++] = content;
                }
                if (strlen(meta_keys[k].key) == len && ac_strncaseeq(p, meta_keys[k].key, len) &&
                    *content != '\0' && (m->slots[sl] == NULL || (a == 0 && !m->by_property[sl]))) {
                    m->slots[sl] = content;
                    m->by_property[sl] = a == 0;
                }
            }
            p += len;
        }
    }
}

/* 1 if the element lies inside <head>: a <base> in the body (libxml2
 * leaves it where it stands) is ignored, as browsers ignore it. */
static int in_head(const xmlNode *n)
{
    for (n = n->parent; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
        if (ac_html_is(n, "head"))
            return 1;
    return 0;
}

/* 1 if `url` is absolute with the scheme http or https (any case), or
 * protocol-relative ("//host/", which keeps the page's http or https). */
static int is_http_url(const xmlChar *url)
{
    const char *s = (const char *)url;

    return s != NULL && (ac_strncaseeq(s, "http://", 7) || ac_strncaseeq(s, "https://", 8) ||
                         strncmp(s, "//", 2) == 0);
}

static void collect(meta_ctx *m)
{
    const xmlNode *root = m->page->html, *n = root;
    int skip;

    m->lang = ac_html_attr(root, "lang");
    if (m->lang == NULL)
        m->lang = ac_html_attr(root, "xml:lang");
    while (n != NULL) {
        skip = 0;
        if (n->type == XML_ELEMENT_NODE) {
            if (ac_html_is(n, "meta")) {
                take_meta(m, n);
            } else if (ac_html_is(n, "title") && m->title_el == NULL) {
                m->title_el = n;
            } else if (ac_html_is(n, "base") && !m->base_seen && in_head(n) &&
                       ac_html_attr(n, "href") != NULL) {
                /* A page's base changes where every later relative link
                 * goes; only the one browsers use may do so (see set_base). */
                m->base_seen = 1;
                m->base_href = ac_html_attr(n, "href");
            } else if (ac_html_is(n, "link")) {
                const char *rel = ac_html_attr(n, "rel");

                if (rel != NULL && ac_strcaseeq(rel, "canonical") && m->canonical == NULL)
                    m->canonical = ac_html_attr(n, "href");
                if (rel != NULL && ac_strcaseeq(rel, "author") && m->rel_author == NULL)
                    m->rel_author = ac_html_attr(n, "title");
            } else if (ac_html_is(n, "script")) {
                const char *type = ac_html_attr(n, "type");

                if (type != NULL && ac_strcaseeq(type, "application/ld+json") &&
                    m->n_ld < MAX_JSONLD_BLOCKS)
                    load_jsonld(m, n);
                skip = 1;
            } else if (ac_html_is(n, "style") || ac_html_is(n, "svg")) {
                skip = 1;
            }
        }
        n = ac_xml_next(n, root, skip);
    }
}

/* --- the title -------------------------------------------------------------- */

static size_t count_words(const char *s, size_t len)
{
    size_t i, words = 0;
    int in = 0;

    for (i = 0; i < len; i++) {
        if (s[i] == ' ')
            in = 0;
        else if (!in) {
            in = 1;
            words++;
        }
    }
    return words;
}

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
    size_t len = m->tmp.len, sl = 0, words = count_words(s, len);

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

        if (count_words(s, head) > 4) {
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

static int set_title(meta_ctx *m)
{
    const char *site = m->slots[S_SITE_OG];
    const char *cands[8];
    size_t i, n = 0;
    int from_tag = 0, rc = 0;

    if (m->art != NULL) {
        const char *headline = ld_string(json_object_get(m->art, "headline"), "name");
        const char *name = ld_string(json_object_get(m->art, "name"), "name");

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
            site = ld_string(json_object_get(m->art, "publisher"), "name");
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
        lang = ld_string(json_object_get(m->art, "inLanguage"), "name");
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

static int set_keywords(meta_ctx *m)
{
    const json_t *kw;
    size_t i;
    int rc;

    if (m->slots[S_NEWS_KEYWORDS] != NULL &&
        (rc = add_keywords(m, m->slots[S_NEWS_KEYWORDS], strlen(m->slots[S_NEWS_KEYWORDS]), 1)) < 0)
        return rc;
    if (m->slots[S_KEYWORDS] != NULL &&
        (rc = add_keywords(m, m->slots[S_KEYWORDS], strlen(m->slots[S_KEYWORDS]), 1)) < 0)
        return rc;
    if (m->art == NULL)
        return 0;
    kw = json_object_get(m->art, "keywords");
    if (json_is_string(kw))
        return add_keywords(m, json_string_value(kw), strlen(json_string_value(kw)), 1);
    for (i = 0; json_is_array(kw) && i < json_array_size(kw); i++) {
        const json_t *k = json_array_get(kw, i);

        if (json_is_string(k) &&
            (rc = add_keywords(m, json_string_value(k), strlen(json_string_value(k)), 0)) < 0)
            return rc;
    }
    return 0;
}

/* Dublin Core names a person "Last, First" ("Jong, Michiel de", "Kooman,
 * F."): one word before the only comma and one to three after become
 * "First Last".  Anything else is read as a byline, a list of names. */
static int add_dc_creator(meta_ctx *m, const char *v)
{
    const char *comma = strchr(v, ',');
    size_t len = strlen(v);
    size_t after;

    if (comma != NULL && strchr(comma + 1, ',') == NULL && strpbrk(v, "0123456789@&") == NULL &&
        count_words(v, (size_t)(comma - v)) == 1 &&
        (after = count_words(comma + 1, len - (size_t)(comma + 1 - v))) >= 1 && after <= 3) {
        artconv_buf_clear(&m->tmp);
        if (ac_text_put_collapsed(&m->tmp, comma + 1, len - (size_t)(comma + 1 - v)) < 0 ||
            artconv_buf_putc(&m->tmp, ' ') < 0 || ac_text_put_collapsed(&m->tmp, v, (size_t)(comma - v)) < 0)
            return ac_nomem(m->err);
        return ac_news_add_authors(m->article, m->tmp.ptr, m->tmp.len, m->err);
    }
    return ac_news_add_authors(m->article, v, len, m->err);
}

/* Authors from what the page declares.  The visible byline comes later
 * (ac_html_byline), once the article is found.  JSON-LD "creator" and
 * <link rel=author> are kept for when no byline shows: sites often fill
 * them with a CMS account name ("CC7567") rather than the writer's. */
static int set_authors(meta_ctx *m)
{
    static const slot order[] = {S_AUTHOR_DC, S_AUTHOR_META, S_AUTHOR_PARSELY, S_AUTHOR_ARTICLE,
                                 S_AUTHOR_SAILTHRU};
    const char *weak = m->rel_author;
    size_t i;
    int rc;

    if (m->art != NULL) {
        const json_t *creator = json_object_get(m->art, "creator");

        if ((rc = ld_authors(m, json_object_get(m->art, "author"))) < 0)
            return rc;
        if (ld_string(creator, "name") != NULL && !ac_url_looks_like_web(ld_string(creator, "name")))
            weak = ld_string(creator, "name");
    }
    for (i = 0; i < sizeof order / sizeof order[0]; i++) {
        const char *v = m->slots[order[i]];
        size_t k;

        if (artconv_article_list_count(m->article, ARTCONV_LIST_AUTHORS) > 0)
            break;
        if (order[i] == S_AUTHOR_DC) {
            /* As for every slot, property= (RDFa) beats name=. */
            for (k = 0; k < m->n_dc_creators; k++)
                if (m->dc_by_property[k] == m->by_property[S_AUTHOR_DC] &&
                    (rc = add_dc_creator(m, m->dc_creators[k])) < 0)
                    return rc;
            continue;
        }
        if (v != NULL && (rc = ac_news_add_authors(m->article, v, strlen(v), m->err)) < 0)
            return rc;
    }
    if (weak != NULL && (m->page->weak_authors = ac_strndup(weak, strlen(weak))) == NULL)
        return ac_nomem(m->err);
    return 0;
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
    collect(&m);
    art = m.art;
    AC_CHECK(set_base(&m));
    AC_CHECK(set_title(&m));
    if (art != NULL) {
        AC_CHECK(set_field(&m, ARTCONV_META_SUBTITLE,
                           ld_string(json_object_get(art, "alternativeHeadline"), "name")));
        AC_CHECK(set_field(&m, ARTCONV_META_DESCRIPTION,
                           ld_string(json_object_get(art, "description"), "name")));
        AC_CHECK(set_field(&m, ARTCONV_META_PUBLISHER,
                           ld_string(json_object_get(art, "publisher"), "name")));
        AC_CHECK(set_field(&m, ARTCONV_META_SECTION,
                           ld_string(json_object_get(art, "articleSection"), "name")));
        AC_CHECK(set_date(&m, ARTCONV_META_DATE,
                          ld_string(json_object_get(art, "datePublished"), "@value")));
        AC_CHECK(set_date(&m, ARTCONV_META_MODIFIED,
                          ld_string(json_object_get(art, "dateModified"), "@value")));
        AC_CHECK(
            set_field(&m, ARTCONV_META_IMAGE, ld_string(json_object_get(art, "image"), "url")));
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
    AC_CHECK(set_date(&m, ARTCONV_META_DATE, find_time(page)));
    AC_CHECK(set_date(&m, ARTCONV_META_MODIFIED, m.slots[S_MOD_ARTICLE]));
    AC_CHECK(set_date(&m, ARTCONV_META_MODIFIED, m.slots[S_MOD_OG]));
    AC_CHECK(set_field(&m, ARTCONV_META_SECTION, m.slots[S_SECTION]));
    AC_CHECK(set_field(&m, ARTCONV_META_RIGHTS, m.slots[S_RIGHTS_DC]));
    AC_CHECK(set_field(&m, ARTCONV_META_PUBSTATUS, m.slots[S_PUBSTATUS]));
    AC_CHECK(set_field(&m, ARTCONV_META_EMBARGOED, m.slots[S_EMBARGOED]));
    AC_CHECK(set_language(&m));
    AC_CHECK(set_keywords(&m));
    AC_CHECK(set_authors(&m));
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

