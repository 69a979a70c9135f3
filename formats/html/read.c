/*
 * read.c - the one place the HTML reader turns bytes into a model: a saved
 * web page into an article, or a fragment of raw HTML into nodes.
 *
 * parse.c makes the libxml2 page; meta.c reads the metadata, byline.c the
 * visible byline, extract.c finds the main content and drops the site
 * around it, and build.c turns what is left into model blocks.
 */
#include "format_entries.h"
#include "html.h"

#include <string.h>

int ac_html_read(artconv_article **out, const char *data, size_t len,
                 const artconv_read_options *opts, artconv_error *err)
{
    ac_html_page page;
    artconv_article *article = NULL;
    const char *base_url =
        opts != NULL && opts->version >= 2 && opts->base_url != NULL && opts->base_url[0] != '\0'
            ? opts->base_url
            : NULL;
    xmlNodePtr own = NULL;
    int rc;

    memset(&page, 0, sizeof page);
    *out = NULL;
    if (base_url != NULL && !ac_strncaseeq(base_url, "http://", 7) &&
        !ac_strncaseeq(base_url, "https://", 8))
        return ac_error(err, ARTCONV_EINVALID,
                        "the base URL must be an absolute http or https URL, not \"%.200s\"",
                        base_url);
    article = artconv_article_new();
    if (article == NULL)
        return ac_nomem(err);
    AC_CHECK(ac_html_parse(&page, data, len, opts, err));
    if (page.doc == NULL || page.html == NULL)
        goto cleanup;
    AC_CHECK(ac_html_meta(article, &page, err));
    if (base_url != NULL) {
        /* The caller's address, for a page that gives none of its own. */
        if (page.base == NULL && (page.base = xmlStrdup((const xmlChar *)base_url)) == NULL) {
            rc = ac_nomem(err);
            goto cleanup;
        }
        if (artconv_article_get(article, ARTCONV_META_SOURCE) == NULL)
            AC_CHECK(artconv_article_set(article, ARTCONV_META_SOURCE, base_url, err));
    }
    own = opts != NULL && opts->no_extract ? NULL : ac_html_own_article(&page);
    if (own != NULL) {
        AC_CHECK(ac_html_read_own(article, &page, own, err));
    } else {
        AC_CHECK(ac_html_byline(article, &page, err));
        AC_CHECK(ac_html_page_date(article, &page, err));
        AC_CHECK(ac_html_extract(&page, err));
        AC_CHECK(ac_html_byline(article, &page, err));
    }
    if (page.body == NULL)
        ac_warn_read(opts, ARTCONV_EPARSE, 0, "the page has no <body> (a frameset?)");
    AC_CHECK(ac_html_build(artconv_article_body(article), &page, err));
    /* artconv's own page names its lead image (og:image) when it has one:
     * no other figure is made the lead, but the one that shows it gives
     * its caption and credit. */
    if (own == NULL || artconv_article_get(article, ARTCONV_META_IMAGE) != NULL)
        AC_CHECK(ac_news_lead_image(article, err));
    if ((opts == NULL || !opts->no_extract) && own == NULL)
        AC_CHECK(ac_html_dateline(article, err));
cleanup:
    ac_html_page_free(&page);
    if (rc < 0) {
        artconv_article_free(article);
        return rc;
    }
    *out = article;
    return 0;
}

int ac_html_fragment_to_model(artconv_node *parent, const char *html, size_t len,
                              const char *base_url, const artconv_read_options *opts,
                              artconv_error *err)
{
    ac_html_page page;
    int rc;

    memset(&page, 0, sizeof page);
    if (parent == NULL ||
        (!artconv_node_can_contain(artconv_node_get_kind(parent), ARTCONV_NODE_PARAGRAPH) &&
         !artconv_node_can_contain(artconv_node_get_kind(parent), ARTCONV_NODE_TEXT)))
        return ac_error(err, ARTCONV_EINVALID, "an HTML fragment cannot go into this node");
    AC_CHECK(ac_html_parse(&page, html, len, opts, err));
    if (page.body == NULL)
        goto cleanup;
    if (base_url != NULL && (page.base = xmlStrdup((const xmlChar *)base_url)) == NULL) {
        rc = ac_nomem(err);
        goto cleanup;
    }
    rc = ac_html_build_fragment(parent, &page, err);
cleanup:
    ac_html_page_free(&page);
    return rc;
}
