/*
 * html_write.c - the HTML writer: a standalone HTML5 page, or with
 * opts->fragment only the <article> element, for embedding.
 *
 * The page is polyglot markup: libxml2 builds it as a tree (formats/shared/xhtml.c)
 * and writes it in its XHTML mode, so the bytes are valid HTML5 and also
 * well-formed XML.  libxml2's HTML serialiser was not used: it knows only
 * HTML4's elements and %-escapes the URLs in href and src.
 */
#include "format_entries.h"
#include "resource.h"
#include "xhtml.h"
#include "xml.h"

#include <string.h>

/* Indented for its place in the page (<style> is two levels deep).  It
 * must hold no '<', '>' or '&': the XHTML serialiser would escape them,
 * and an HTML parser reads a style's text raw. */
static const char style_sheet[] =
    "\n"
    "      body { margin: 0; padding: 1em; color: #1f1f1f; background: #fff;\n"
    "        font: 1.125em/1.6 system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif; }\n"
    "      article { max-width: 40em; margin: 0 auto; }\n"
    "      h1, h2, h3, h4 { line-height: 1.25; }\n"
    "      .standfirst { font-size: 1.2em; color: #444; }\n"
    "      .byline, .dateline, .published, .modified, figcaption, footer { color: #555; "
    "font-size: 0.9em; }\n"
    "      img { max-width: 100%; height: auto; }\n"
    "      figure { margin: 1.5em 0; }\n"
    "      blockquote { margin: 1em 0; padding-left: 1em; border-left: 3px solid #ccc; }\n"
    "      pre { overflow-x: auto; padding: 0.75em; background: #f4f4f4; }\n"
    "      code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em; }\n"
    "      table { border-collapse: collapse; }\n"
    "      th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; }\n"
    "      footer { border-top: 1px solid #ddd; margin-top: 2em; }\n"
    "    ";

static int add_meta(xmlNodePtr head, const ac_xhtml_options *o, const char *name,
                    const char *content)
{
    xmlNodePtr meta = ac_xhtml_add(head, o, "meta");

    if (meta == NULL || ac_xhtml_set_attr(meta, "name", name) < 0 ||
        ac_xhtml_set_attr(meta, "content", content) < 0)
        return ARTCONV_ENOMEM;
    return ARTCONV_OK;
}

/* <meta property=...>, as Open Graph names its values. */
static int add_property(xmlNodePtr head, const ac_xhtml_options *o, const char *property,
                        const char *content)
{
    xmlNodePtr meta;

    if (content == NULL)
        return ARTCONV_OK;
    meta = ac_xhtml_add(head, o, "meta");
    if (meta == NULL || ac_xhtml_set_attr(meta, "property", property) < 0 ||
        ac_xhtml_set_attr(meta, "content", content) < 0)
        return ARTCONV_ENOMEM;
    return ARTCONV_OK;
}

/* The keywords as one comma-separated list; when a keyword holds a comma,
 * one article:tag each instead, which the reader takes whole. */
static int add_keywords(xmlNodePtr head, const ac_xhtml_options *o, const artconv_article *a)
{
    size_t i, n = artconv_article_list_count(a, ARTCONV_LIST_KEYWORDS);
    artconv_buf joined = ARTCONV_BUF_INIT;
    int rc = ARTCONV_OK;

    if (n == 0)
        return ARTCONV_OK;
    for (i = 0; i < n; i++)
        if (strchr(artconv_article_list_get(a, ARTCONV_LIST_KEYWORDS, i), ',') != NULL)
            break;
    if (i < n) {
        for (i = 0; i < n && rc == 0; i++)
            rc = add_property(head, o, "article:tag",
                              artconv_article_list_get(a, ARTCONV_LIST_KEYWORDS, i));
        return rc;
    }
    for (i = 0; i < n; i++) {
        if (i > 0)
            AC_CHECK(artconv_buf_puts(&joined, ", "));
        AC_CHECK(artconv_buf_puts(&joined, artconv_article_list_get(a, ARTCONV_LIST_KEYWORDS, i)));
    }
    rc = add_meta(head, o, "keywords", joined.ptr);
cleanup:
    artconv_buf_dispose(&joined);
    return rc;
}

static int add_head(xmlNodePtr head, const ac_xhtml_options *o, const artconv_article *a)
{
    const char *title = artconv_article_get(a, ARTCONV_META_TITLE);
    const char *description = artconv_article_get(a, ARTCONV_META_DESCRIPTION);
    const char *source = artconv_article_get(a, ARTCONV_META_SOURCE);
    const char *pubstatus = artconv_article_get(a, ARTCONV_META_PUBSTATUS);
    const char *embargoed = artconv_article_get(a, ARTCONV_META_EMBARGOED);
    const char *image = artconv_article_get(a, ARTCONV_META_IMAGE);
    xmlNodePtr el;
    size_t i;
    int rc = ARTCONV_OK;

    AC_NEED(el = ac_xhtml_add(head, o, "meta"));
    AC_CHECK(ac_xhtml_set_attr(el, "charset", "utf-8"));
    AC_CHECK(add_meta(head, o, "viewport", "width=device-width, initial-scale=1"));
    /* HTML5 requires a non-empty <title>. */
    AC_NEED(ac_xhtml_add_text_element(head, o, "title", NULL, title != NULL ? title : "Untitled"));
    if (description == NULL)
        description = artconv_article_get(a, ARTCONV_META_SUBTITLE);
    if (description != NULL)
        AC_CHECK(add_meta(head, o, "description", description));
    for (i = 0; i < artconv_article_list_count(a, ARTCONV_LIST_AUTHORS); i++)
        AC_CHECK(add_meta(head, o, "author", artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, i)));
    AC_CHECK(add_keywords(head, o, a));
    /* Under the names the HTML reader takes back (formats/html/meta.c and,
     * for the rest, read_own.c, which the generator's name turns on). */
    AC_CHECK(add_meta(head, o, "generator", "artconv"));
    AC_CHECK(add_property(head, o, "og:site_name", artconv_article_get(a, ARTCONV_META_PUBLISHER)));
    AC_CHECK(
        add_property(head, o, "article:section", artconv_article_get(a, ARTCONV_META_SECTION)));
    AC_CHECK(
        add_property(head, o, "article:published_time", artconv_article_get(a, ARTCONV_META_DATE)));
    AC_CHECK(add_property(head, o, "article:modified_time",
                          artconv_article_get(a, ARTCONV_META_MODIFIED)));
    /* The lead image even when the body shows it (and the header not). */
    if (image != NULL && ac_xhtml_url_is_safe(image, 1)) {
        AC_CHECK(add_property(head, o, "og:image", image));
        AC_CHECK(
            add_property(head, o, "og:image:alt", artconv_article_get(a, ARTCONV_META_IMAGE_ALT)));
    }
    if (artconv_article_get(a, ARTCONV_META_ID) != NULL)
        AC_CHECK(add_meta(head, o, "dcterms.identifier", artconv_article_get(a, ARTCONV_META_ID)));
    if (pubstatus != NULL)
        AC_CHECK(add_meta(head, o, "pubstatus", pubstatus));
    if (embargoed != NULL)
        AC_CHECK(add_meta(head, o, "embargoed", embargoed));
    if (source != NULL && ac_xhtml_url_is_safe(source, 0)) {
        AC_NEED(el = ac_xhtml_add(head, o, "link"));
        AC_CHECK(ac_xhtml_set_attr(el, "rel", "canonical"));
        AC_CHECK(ac_xhtml_set_attr(el, "href", source));
    }
    AC_NEED(ac_xhtml_add_text_element(head, o, "style", NULL, style_sheet));
cleanup:
    return rc;
}

/* Builds <html> (or, for a fragment, <article>) unlinked from `doc`, with
 * *mark where the body goes (see ac_xhtml_save_around) and *xo_out the
 * options its blocks are built with; see ac_xhtml_save for why it is not
 * the document's root.  The caller frees *out, which is set even on
 * failure. */
static int build(xmlNodePtr *out, xmlNodePtr *mark, ac_xhtml_options *xo_out, xmlDocPtr doc,
                 const artconv_article *a, int fragment, artconv_error *err)
{
    const char *language = artconv_article_get(a, ARTCONV_META_LANGUAGE);
    ac_xhtml_options xo = {NULL};
    xmlNodePtr root, head, body, article;
    int rc = ARTCONV_OK;

    AC_NEED(*out = root = xmlNewDocNode(doc, NULL, BAD_CAST(fragment ? "article" : "html"), NULL));
    /* The language goes on the outermost element written: a fragment
     * carries it into the page that embeds it. */
    if (language != NULL)
        AC_CHECK(ac_xhtml_set_attr(root, "lang", language));
    article = root;
    if (!fragment) {
        /* Polyglot markup declares the XHTML namespace on <html>, which
         * HTML5 allows with exactly this value. */
        AC_NEED(xo.ns = xmlNewNs(root, BAD_CAST AC_XHTML_NS, NULL));
        xmlSetNs(root, xo.ns);
        AC_NEED(head = ac_xhtml_add(root, &xo, "head"));
        AC_CHECK(add_head(head, &xo, a));
        AC_NEED(body = ac_xhtml_add(root, &xo, "body"));
        AC_NEED(article = ac_xhtml_add(body, &xo, "article"));
    }
    AC_CHECK(ac_xhtml_header(article, a, &xo, err));
    /* The body is written in place of the mark, a block at a time. */
    AC_NEED(*mark = ac_xhtml_add_text_element(article, &xo, "div", AC_XHTML_BODY_MARK, NULL));
    AC_CHECK(ac_xhtml_footer(article, a, &xo, err));
    AC_CHECK(ac_xhtml_indent(root, 0, err));
    *xo_out = xo;
cleanup:
    return rc == ARTCONV_ENOMEM ? ac_nomem(err) : rc;
}

/* Images whose source is one of the article's resources (an EPUB's
 * pictures) have no file to point at: they are written as data: URLs,
 * bounded by the model's limits on resources, and a resource a data: URL
 * may not carry (an SVG) leaves its alt text. */
typedef struct {
    const artconv_article *article;
    const artconv_write_options *opts;
    artconv_buf url;
    size_t budget; /* AC_DATA_URL_BUDGET, less what is written */
    int failed;    /* no memory */
} inline_images;

static void inline_resources(xmlNodePtr holder, void *payload)
{
    inline_images *ii = payload;
    xmlNodePtr node, next;

    for (node = holder; node != NULL && !ii->failed; node = next) {
        xmlChar *src = NULL, *alt = NULL;
        xmlNodePtr text = NULL;
        int rc;

        next = ac_xml_next(node, holder, 0);
        if (node->type != XML_ELEMENT_NODE || !xmlStrEqual(node->name, BAD_CAST "img") ||
            (src = xmlGetProp(node, BAD_CAST "src")) == NULL)
            continue;
        rc = ac_resource_data_url(&ii->url, ii->article, (const char *)src, &ii->budget);
        if (rc == 1 && ac_xhtml_set_attr(node, "src", ii->url.ptr) < 0)
            rc = ARTCONV_ENOMEM;
        if (rc == 2 || rc == 3) {
            if (rc == 2)
                ac_warn_write(ii->opts, ARTCONV_EUNSUPPORTED,
                              "image %.200s not written: a data: URL may not carry it", src);
            else
                ac_warn_write(ii->opts, ARTCONV_ELIMIT,
                              "image %.200s not written: the page's data: URLs would carry more "
                              "than %zu bytes",
                              src, (size_t)AC_DATA_URL_BUDGET);
            alt = xmlGetProp(node, BAD_CAST "alt");
            next = ac_xml_next(node, holder, 1);
            if (alt != NULL && alt[0] != '\0' &&
                ((text = xmlNewDocText(node->doc, alt)) == NULL ||
                 xmlAddPrevSibling(node, text) == NULL)) {
                xmlFreeNode(text);
                rc = ARTCONV_ENOMEM;
            }
            xmlUnlinkNode(node);
            xmlFreeNode(node);
        }
        ii->failed = rc == ARTCONV_ENOMEM;
        xmlFree(src);
        xmlFree(alt);
    }
}

/* The status and embargo are <meta> elements of the page's head, which a
 * fragment does not have. */
const char *ac_html_status_loss(const artconv_write_options *opts)
{
    if (opts != NULL && opts->fragment)
        return "as a fragment";
    return NULL;
}

int ac_html_write(artconv_buf *out, const artconv_article *article,
                  const artconv_write_options *opts, artconv_error *err)
{
    int fragment = opts != NULL && opts->fragment;
    xmlDocPtr doc = ac_xhtml_doc_new();
    xmlNodePtr root = NULL, mark = NULL;
    ac_xhtml_options xo = {NULL};
    inline_images ii = {article, opts, ARTCONV_BUF_INIT, AC_DATA_URL_BUDGET, 0};
    int rc;

    if (doc == NULL)
        return ac_nomem(err);
    AC_CHECK(build(&root, &mark, &xo, doc, article, fragment, err));
    inline_resources(root, &ii); /* the lead image */
    if (!fragment && artconv_buf_puts(out, "<!DOCTYPE html>\n") < 0) {
        rc = ac_nomem(err);
        goto cleanup;
    }
    /* <html> 0, <body> 1, <article> 2 and its blocks 3; a fragment's
     * blocks are 1. */
    if (!ii.failed)
        AC_CHECK(ac_xhtml_save_around(out, root, mark, artconv_article_body(article),
                                      fragment ? 1 : 3, &xo, inline_resources, &ii, err));
    if (ii.failed) {
        rc = ac_nomem(err);
        goto cleanup;
    }
    if (artconv_buf_putc(out, '\n') < 0)
        rc = ac_nomem(err);
cleanup:
    artconv_buf_dispose(&ii.url);
    xmlFreeNode(root);
    xmlFreeDoc(doc);
    return rc;
}
