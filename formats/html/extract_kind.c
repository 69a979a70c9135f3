/*
 * extract_kind.c - what kind of page this is, from the signals most pages
 * carry for search engines and social sites: the schema.org types named in
 * JSON-LD ("@type") and in microdata (itemtype), and Open Graph's og:type.
 * The kind decides how the main content is chosen (see extract.c): an
 * article is its prose, a forum thread its posts, a product, listing or
 * landing page the whole of its main region.
 */
#include "extract.h"

#include <string.h>

/* schema.org types, without their URL; a page may name several. */
static const char *const forum_types[] = {"DiscussionForumPosting", "QAPage", NULL};
static const char *const article_types[] = {"Article",
                                            "NewsArticle",
                                            "BlogPosting",
                                            "ReportageNewsArticle",
                                            "LiveBlogPosting",
                                            "AnalysisNewsArticle",
                                            "OpinionNewsArticle",
                                            "ReviewNewsArticle",
                                            "BackgroundNewsArticle",
                                            "ScholarlyArticle",
                                            "Report",
                                            "SatiricalArticle",
                                            NULL};
static const char *const product_types[] = {"Product", "ProductGroup", "IndividualProduct",
                                            "Vehicle", NULL};
static const char *const listing_types[] = {"ItemList", "CollectionPage", "SearchResultsPage",
                                            NULL};

/* Bits of what the page names; the kind is read from them at the end. */
enum { SEEN_FORUM = 1, SEEN_ARTICLE = 2, SEEN_PRODUCT = 4, SEEN_LISTING = 8 };

static unsigned type_bits(const char *s, size_t len)
{
    char name[48];

    if (len == 0 || len >= sizeof name)
        return 0;
    memcpy(name, s, len);
    name[len] = '\0';
    if (ac_html_in_list(name, forum_types))
        return SEEN_FORUM;
    if (ac_html_in_list(name, article_types))
        return SEEN_ARTICLE;
    if (ac_html_in_list(name, product_types))
        return SEEN_PRODUCT;
    if (ac_html_in_list(name, listing_types))
        return SEEN_LISTING;
    return 0;
}

static int is_name_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* The types a JSON-LD text names: each string after "@type": (one, or an
 * array of them).  A scan, not a parse: a broken block still tells. */
static unsigned jsonld_bits(const char *s)
{
    unsigned bits = 0;
    const char *p = s;

    while ((p = strstr(p, "\"@type\"")) != NULL) {
        p += 7;
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == ':' || *p == '[')
            p++;
        for (;;) {
            const char *start, *end;

            if (*p != '"')
                break;
            start = ++p;
            while (*p != '\0' && *p != '"')
                p++;
            end = p;
            /* "https://schema.org/Product" names Product. */
            for (; end > start && is_name_char(end[-1]); end--)
                ;
            bits |= type_bits(end, (size_t)(p - end));
            if (*p == '"')
                p++;
            while (*p == ' ' || *p == ',' || *p == '\n' || *p == '\r' || *p == '\t')
                p++;
        }
    }
    return bits;
}

/* The type an itemtype URL names ("http://schema.org/Product"). */
static unsigned itemtype_bits(const char *v)
{
    const char *end = v + strlen(v), *start;

    while (end > v && (end[-1] == ' ' || end[-1] == '/'))
        end--;
    for (start = end; start > v && is_name_char(start[-1]); start--)
        ;
    return strstr(v, "schema.org") != NULL ? type_bits(start, (size_t)(end - start)) : 0;
}

static unsigned og_bits(const char *v)
{
    /* A video's page is one work with its description, as an article is. */
    if (ac_strcaseeq(v, "article") || strncmp(v, "video", 5) == 0)
        return SEEN_ARTICLE;
    if (strncmp(v, "product", 7) == 0)
        return strstr(v, "group") != NULL ? SEEN_LISTING : SEEN_PRODUCT;
    return 0;
}

ac_page_kind ac_extract_page_kind(const ac_html_page *page)
{
    xmlNodePtr root = page->html, n;
    unsigned bits = 0;

    if (root == NULL)
        return AC_KIND_UNKNOWN;
    for (n = root->children; n != NULL; n = ac_xml_next(n, root, 0)) {
        const char *v;

        if (n->type != XML_ELEMENT_NODE)
            continue;
        if ((v = ac_html_attr(n, "itemtype")) != NULL)
            bits |= itemtype_bits(v);
        if (ac_html_is(n, "meta") && (v = ac_html_attr(n, "property")) != NULL &&
            ac_strcaseeq(v, "og:type") && (v = ac_html_attr(n, "content")) != NULL)
            bits |= og_bits(v);
        if (ac_html_is(n, "script") && (v = ac_html_attr(n, "type")) != NULL &&
            ac_strcaseeq(v, "application/ld+json")) {
            const xmlNode *t;

            for (t = n->children; t != NULL; t = t->next)
                if ((t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE) &&
                    t->content != NULL && xmlStrlen(t->content) <= (int)AC_HTML_MAX_JSONLD)
                    bits |= jsonld_bits((const char *)t->content);
        }
    }
    /* A thread is an article with replies: the posts win.  A page that
     * names an article and a product is a review. */
    if (bits & SEEN_FORUM)
        return AC_KIND_FORUM;
    if (bits & SEEN_ARTICLE)
        return AC_KIND_ARTICLE;
    if (bits & SEEN_PRODUCT)
        return AC_KIND_PRODUCT;
    if (bits & SEEN_LISTING)
        return AC_KIND_LISTING;
    return AC_KIND_UNKNOWN;
}
