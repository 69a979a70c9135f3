/*
 * meta_collect.c - gathering a page's metadata candidates: <meta> names and
 * properties (Open Graph, Twitter cards, Dublin Core, article:*), <title>,
 * the first <base href> in <head>, <link rel=canonical|author>, <html lang>
 * and JSON-LD blocks with the article object inside them.  Nothing is
 * chosen here: meta.c, meta_title.c and meta_lists.c do that.
 */
#include "meta.h"

#include <string.h>

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
    {"citation_author", S_AUTHOR_CITATION},
    /* A label and its value, as SEO plugins write "Written by" and the
     * author's name for link previews (meta_lists.c reads the pair). */
    {"twitter:label1", S_TW_LABEL1},
    {"twitter:data1", S_TW_DATA1},
    {"twitter:label2", S_TW_LABEL2},
    {"twitter:data2", S_TW_DATA2},
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
    /* Names CMSs and analytics tags give the publication date. */
    {"published", S_PUB_OTHER},
    {"published-date", S_PUB_OTHER},
    {"published_date", S_PUB_OTHER},
    {"publication_date", S_PUB_OTHER},
    {"publication-date", S_PUB_OTHER},
    {"og:article:published_time", S_PUB_ARTICLE},
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

/* --- JSON-LD ---------------------------------------------------------------- */

/* The schema.org types of a page itself, whose datePublished is the page's
 * when it holds no article object. */
static const char *const page_types[] = {"WebPage", "ItemPage",       "AboutPage",      "FAQPage",
                                         "QAPage",  "MedicalWebPage", "CollectionPage", NULL};

static int type_in(const json_t *obj, const char *const *types)
{
    const json_t *type = json_object_get(obj, "@type");
    size_t i, j;

    if (json_is_string(type)) {
        for (j = 0; types[j] != NULL; j++)
            if (strcmp(json_string_value(type), types[j]) == 0)
                return 1;
        return 0;
    }
    if (!json_is_array(type))
        return 0;
    for (i = 0; i < json_array_size(type) && i < 16; i++) {
        const json_t *t = json_array_get(type, i);

        for (j = 0; json_is_string(t) && types[j] != NULL; j++)
            if (strcmp(json_string_value(t), types[j]) == 0)
                return 1;
    }
    return 0;
}

/* Finds an object of one of `types` at the top, in a top-level list or in
 * @graph: no deeper, so hostile nesting costs nothing. */
static json_t *find_typed(json_t *root, const char *const *types)
{
    json_t *graph, *v;
    size_t i, k;

    if (json_is_object(root) && type_in(root, types))
        return root;
    for (k = 0; k < 2; k++) {
        json_t *list = k == 0 ? root : NULL;

        if (k == 1 && json_is_object(root))
            list = json_object_get(root, "@graph");
        if (!json_is_array(list))
            continue;
        for (i = 0; i < json_array_size(list); i++) {
            v = json_array_get(list, i);
            if (json_is_object(v) && type_in(v, types))
                return v;
            graph = json_is_object(v) ? json_object_get(v, "@graph") : NULL;
            if (json_is_array(graph)) {
                size_t j;

                for (j = 0; j < json_array_size(graph); j++) {
                    json_t *g = json_array_get(graph, j);

                    if (json_is_object(g) && type_in(g, types))
                        return g;
                }
            }
        }
    }
    return NULL;
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
        m->art = find_typed(root, article_types);
    if (m->web_page == NULL)
        m->web_page = find_typed(root, page_types);
}

/* --- collecting ------------------------------------------------------------- */

/* 1 if the meta name p[0..len), letters only and case aside, ends with
 * a name for the publication date that a vendor prefixes
 * ("w-published-date", "cXenseParse:publishtime", "og:publish_date"). */
static int vendor_pub_date(const char *p, size_t len)
{
    static const char *const ends[] = {"publishdate",     "publishtime",     "publisheddate",
                                       "publishedtime",   "publicationdate", "publicationtime",
                                       "datepublished",   "firstpublished",  NULL};
    char s[64];
    size_t i, n = 0, k;

    for (i = 0; i < len && n + 1 < sizeof s; i++)
        if ((p[i] | 32) >= 'a' && (p[i] | 32) <= 'z')
            s[n++] = (char)(p[i] | 32);
    s[n] = '\0';
    for (k = 0; ends[k] != NULL; k++) {
        size_t e = strlen(ends[k]);

        /* Bare names are the list's own (or, as "publishdate", ones
         * Readability leaves out); only a prefixed one is a vendor's. */
        if (n > e && strcmp(s + n - e, ends[k]) == 0)
            return 1;
    }
    return 0;
}

/* Reads one <meta> into its slots.  Returns its content when its name is
 * in no list but names a publication date (vendor_pub_date), else NULL. */
static const char *take_meta(meta_ctx *m, const xmlNode *el)
{
    const char *content = ac_html_attr(el, "content");
    const char *attrs[3] = {"property", "name", "itemprop"};
    const char *vendor = NULL;
    size_t a, k;

    if (content == NULL)
        return NULL;
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
                (void)ac_meta_add_keywords(m, content, strlen(content), 0);
            /* The first value wins, except that property= (the Open Graph
             * and RDFa way) beats name=. */
            for (k = 0; k < sizeof meta_keys / sizeof meta_keys[0]; k++)
                if (strlen(meta_keys[k].key) == len && ac_strncaseeq(p, meta_keys[k].key, len))
                    break;
            if (k == sizeof meta_keys / sizeof meta_keys[0] && *content != '\0' &&
                vendor_pub_date(p, len))
                vendor = content;
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
    return vendor;
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

void ac_meta_collect(meta_ctx *m)
{
    const xmlNode *root = m->page->html, *n = root;
    const char *vendor_date = NULL, *v;
    int skip;

    m->lang = ac_html_attr(root, "lang");
    if (m->lang == NULL)
        m->lang = ac_html_attr(root, "xml:lang");
    while (n != NULL) {
        skip = 0;
        if (n->type == XML_ELEMENT_NODE) {
            if (ac_html_is(n, "meta")) {
                if ((v = take_meta(m, n)) != NULL && vendor_date == NULL)
                    vendor_date = v;
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
    /* A vendor's name for the date ("w-published-date") comes after every
     * listed date meta. */
    if (m->slots[S_PUB_OTHER] == NULL)
        m->slots[S_PUB_OTHER] = vendor_date;
}
