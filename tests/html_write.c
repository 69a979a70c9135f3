/*
 * html_write.c - tests of the HTML writer and of formats/shared/xhtml.c: golden pages,
 * the structure as an HTML parser sees it, well-formedness as XML, escaping
 * and URL safety, and HTML5 validity with tidy when it is installed.
 *
 * One job over 600 lines: the house keeps one test file a writer, and
 * the cases share the parse and validity checks.
 */
#define _DEFAULT_SOURCE
#include "tap.h"
#include "testutil.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

static const artconv_format *html_format;

/* --- helpers ---------------------------------------------------------------- */

static int write_html(artconv_buf *out, const artconv_article *a, int fragment)
{
    artconv_write_options opts;
    artconv_write_options_init(&opts);
    artconv_error err;
    int rc;

    opts.fragment = fragment;
    rc = artconv_write(out, html_format, a, &opts, &err);
    if (rc != 0)
        printf("# write failed: %s\n", err.message);
    else if (out->ptr == NULL)
        artconv_buf_put(out, "", 0);
    return rc;
}

static htmlDocPtr parse_html(const artconv_buf *b)
{
    return htmlReadMemory(b->ptr, (int)b->len, NULL, "UTF-8",
                          HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
}

/* Parses as XML; returns the document only if it is well-formed. */
static xmlDocPtr parse_xml(const artconv_buf *b)
{
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    xmlDocPtr doc;

    if (ctxt == NULL)
        return NULL;
    doc = xmlCtxtReadMemory(ctxt, b->ptr, (int)b->len, NULL, "UTF-8",
                            XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (doc != NULL && (!ctxt->wellFormed || ctxt->errNo != 0)) {
        const xmlError *e = xmlCtxtGetLastError(ctxt);

        printf("# not well-formed: line %d: %s", e ? e->line : 0, e ? e->message : "?\n");
        xmlFreeDoc(doc);
        doc = NULL;
    }
    xmlFreeParserCtxt(ctxt);
    return doc;
}

static xmlXPathObjectPtr eval(xmlDocPtr doc, const char *expr)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathObjectPtr obj = NULL;

    if (ctx == NULL)
        return NULL;
    xmlXPathRegisterNs(ctx, BAD_CAST "h", BAD_CAST "http://www.w3.org/1999/xhtml");
    obj = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    xmlXPathFreeContext(ctx);
    return obj;
}

/* The XPath string value of `expr`; the caller frees it.  NULL if the
 * expression failed. */
static char *xp_string(xmlDocPtr doc, const char *expr)
{
    char wrapped[1024];
    xmlXPathObjectPtr obj;
    char *s = NULL;

    snprintf(wrapped, sizeof wrapped, "string(%s)", expr);
    obj = eval(doc, wrapped);
    if (obj != NULL && obj->type == XPATH_STRING)
        s = strdup((const char *)obj->stringval);
    xmlXPathFreeObject(obj);
    return s;
}

static long xp_count(xmlDocPtr doc, const char *expr)
{
    char wrapped[1024];
    xmlXPathObjectPtr obj;
    long n = -1;

    snprintf(wrapped, sizeof wrapped, "count(%s)", expr);
    obj = eval(doc, wrapped);
    if (obj != NULL && obj->type == XPATH_NUMBER)
        n = (long)obj->floatval;
    xmlXPathFreeObject(obj);
    return n;
}

#define is_xp(doc, expr, want, what)                                                               \
    do {                                                                                           \
        char *got_ = xp_string((doc), (expr));                                                     \
        is_str(got_, (want), (what));                                                              \
        free(got_);                                                                                \
    } while (0)
#define is_count(doc, expr, want, what) is_int(xp_count((doc), (expr)), (want), (what))

/* Case-insensitive strstr for ASCII needles, as 1 or 0. */
static int contains_ci(const char *haystack, const char *needle)
{
    size_t n = strlen(needle);

    for (; *haystack != '\0'; haystack++)
        if (strncasecmp(haystack, needle, n) == 0)
            return 1;
    return 0;
}

static void golden(const char *name, const artconv_buf *out, const char *what)
{
    char path[4096];

    snprintf(path, sizeof path, "%s/golden/html_write/%s", test_dir(), name);
    golden_check(path, out->ptr, out->len, what);
}

static artconv_node *add(artconv_node *parent, artconv_node_kind kind)
{
    artconv_node *node = artconv_node_new(kind);

    if (node != NULL && artconv_node_append(parent, node, NULL) < 0) {
        artconv_node_free(node);
        return NULL;
    }
    return node;
}

static artconv_node *add_text(artconv_node *parent, const char *s)
{
    artconv_node *node = add(parent, ARTCONV_NODE_TEXT);

    artconv_node_set_literal(node, s, NULL);
    return node;
}

static artconv_node *add_link(artconv_node *parent, artconv_node_kind kind, const char *url,
                              const char *text)
{
    artconv_node *node = add(parent, kind);

    artconv_node_set_url(node, url, NULL);
    if (kind == ARTCONV_NODE_IMAGE)
        artconv_node_set_alt(node, text, NULL);
    else
        add_text(node, text);
    return node;
}

/* --- golden files -------------------------------------------------------------- */

static void test_golden(void)
{
    artconv_article *a = fixture_kitchen_sink();
    artconv_buf out = ARTCONV_BUF_INIT;

    ok(a != NULL, "kitchen sink fixture builds");
    if (a == NULL)
        return;
    if (write_html(&out, a, 0) == 0)
        golden("kitchen-sink.html", &out, "golden: kitchen-sink.html");
    artconv_buf_clear(&out);
    if (write_html(&out, a, 1) == 0)
        golden("kitchen-sink-fragment.html", &out, "golden: kitchen-sink-fragment.html");
    artconv_article_free(a);

    a = artconv_article_new();
    artconv_buf_clear(&out);
    if (write_html(&out, a, 0) == 0)
        golden("empty.html", &out, "golden: empty.html");
    artconv_buf_clear(&out);
    if (write_html(&out, a, 1) == 0)
        golden("empty-fragment.html", &out, "golden: empty-fragment.html");
    artconv_article_set(a, ARTCONV_META_TITLE, "Only a title", NULL);
    artconv_buf_clear(&out);
    if (write_html(&out, a, 0) == 0)
        golden("title-only.html", &out, "golden: title-only.html");
    artconv_article_free(a);
    artconv_buf_dispose(&out);
}

/* --- structure, as an HTML parser reads it ----------------------------------- */

static void test_structure(void)
{
    artconv_article *a = fixture_kitchen_sink();
    artconv_buf out = ARTCONV_BUF_INIT;
    htmlDocPtr doc;

    if (a == NULL || write_html(&out, a, 0) != 0) {
        ok(0, "kitchen sink page written");
        artconv_article_free(a);
        return;
    }
    ok(strncmp(out.ptr, "<!DOCTYPE html>\n", 16) == 0, "page starts with the HTML5 doctype");
    doc = parse_html(&out);
    ok(doc != NULL && doc->intSubset != NULL && xmlStrEqual(doc->intSubset->name, BAD_CAST "html"),
       "the parser sees the doctype");
    if (doc == NULL)
        goto cleanup;
    is_xp(doc, "/html/@lang", "en-GB", "html lang from the language");
    is_count(doc, "/html/head/meta[@charset='utf-8']", 1, "one meta charset");
    is_count(doc, "//meta[@http-equiv]", 0, "no second charset declaration");
    is_xp(doc, "/html/head/meta[@name='viewport']/@content", "width=device-width, initial-scale=1",
          "viewport");
    is_xp(doc, "/html/head/title", "Harbour \"bridge\" <reopens> & traffic returns",
          "title element holds the title as text");
    is_xp(doc, "//meta[@name='description']/@content", "The harbour bridge reopened on Saturday.",
          "meta description");
    is_count(doc, "//meta[@name='author']", 2, "one meta author per author");
    is_xp(doc, "//meta[@name='author'][2]/@content", "Raj Patel", "second author");
    is_xp(doc, "//meta[@name='keywords']/@content", "transport, infrastructure", "meta keywords");
    is_xp(doc, "//link[@rel='canonical']/@href", "https://gazette.example/2024/03/bridge",
          "canonical link from the source");
    is_count(doc, "/html/head/style", 1, "an inline style sheet");
    is_count(doc, "/html/body/article", 1, "the body holds one article");
    is_count(doc, "//h1", 1, "exactly one h1");
    is_xp(doc, "//article/header/h1", "Harbour \"bridge\" <reopens> & traffic returns",
          "h1 is the title");
    is_xp(doc, "//header/p[@class='standfirst']", "The crossing was shut for 18 months of repairs",
          "standfirst");
    is_xp(doc, "//header/p[@class='byline']", "By Jane Doe and Raj Patel", "byline text");
    is_count(doc, "//p[@class='byline']/span[@class='author']", 2, "an author span per author");
    is_xp(doc, "//header/p[@class='dateline']", "PORTSMOUTH", "dateline");
    is_xp(doc, "//p[@class='published']/time/@datetime", "2024-03-02T09:30:00Z",
          "published time datetime");
    is_xp(doc, "//p[@class='modified']/time/@datetime", "2024-03-02T11:00:00Z",
          "modified time datetime");
    is_xp(doc, "//header/figure[@class='lead']/img/@src", "images/bridge.jpg", "lead image src");
    is_xp(doc, "//header/figure[@class='lead']/img/@alt", "The bridge at dawn", "lead image alt");
    is_xp(doc, "//header/figure[@class='lead']/figcaption",
          "The bridge on its first morning back Jane Doe/Gazette", "lead image caption and credit");
    is_xp(doc, "//header/figure[@class='lead']/figcaption/small[@class='credit']",
          "Jane Doe/Gazette", "lead image credit");

    is_xp(doc, "//article/h2", "What changed", "body heading keeps its level");
    is_xp(doc, "//em[1]", "September 2022", "emphasis");
    is_xp(doc, "//strong", "£40 million", "strong");
    is_xp(doc, "//a[.='announcement']/@href", "https://council.example/news?id=1&lang=en",
          "link href with & intact");
    is_xp(doc, "//a[.='announcement']/@title", "Council news", "link title");
    is_xp(doc, "//sup", "2", "superscript");
    is_xp(doc, "//sub", "2", "subscript");
    is_xp(doc, "//p/code", "sensor --all", "inline code");
    is_count(doc, "//p/br", 1, "hard line break");
    ok(strstr(out.ptr, "night.\n长桥") != NULL, "soft break is a line end");

    is_xp(doc, "//article/figure[img]/img/@src", "images/deck.jpg", "figure image src");
    is_xp(doc, "//article/figure[img]/img/@alt", "Workers on the new deck", "figure image alt");
    is_xp(doc, "//article/figure[img]/figcaption/em", "January", "caption keeps inline markup");
    is_xp(doc, "//article/figure[img]/figcaption",
          "Workers lay the new deck in January Raj Patel/Gazette", "caption then credit");
    is_xp(doc, "//article/figure[img]/figcaption/small[@class='credit']", "Raj Patel/Gazette",
          "figure credit");

    is_count(doc, "//article/ul/li", 2, "bullet list items");
    is_count(doc, "//article/ul/li/p", 0, "tight items have no p");
    is_xp(doc, "//article/ul/li[1]", "Buses run every 10 minutes.", "tight item text");
    is_xp(doc, "//ul/li/ol/@start", "3", "ordered list start");
    is_count(doc, "//ul/li/ol/li", 2, "nested ordered list items");

    is_xp(doc, "//figure[@class='quote']/blockquote/p", "It is good to have our bridge back.",
          "quote paragraph");
    is_xp(doc, "//figure[@class='quote']/figcaption[@class='attribution']", "Mayor Ann Lee",
          "quote attribution follows the blockquote");
    is_count(doc, "//blockquote//figcaption", 0, "attribution is outside the blockquote");

    is_xp(doc, "//pre/code[@class='language-text']", "closed: 2022-09-01\nopened: 2024-03-02\n",
          "code block with its language");
    is_count(doc, "//article/hr", 1, "thematic break");
    is_count(doc, "//table/thead/tr/th", 2, "header cells in thead");
    is_count(doc, "//table/tbody/tr", 2, "body rows in tbody");
    is_count(doc, "//table/tbody/tr/td", 4, "body cells");
    is_xp(doc, "//table/thead/tr/th[2]", "Minutes", "header cell text");
    is_xp(doc, "//p/img/@src", "images/map.png", "inline image src");
    is_xp(doc, "//p/img/@alt", "Map of the new routes", "inline image alt");
    is_xp(doc, "//article/footer/p[@class='credit']", "With agency inputs", "footer credit");
    is_xp(doc, "//article/footer/p[@class='rights']", "© 2024 The Harbour Gazette",
          "footer rights");
    xmlFreeDoc(doc);

    /* The same bytes are well-formed XML in the XHTML namespace. */
    doc = parse_xml(&out);
    ok(doc != NULL, "page is well-formed XML");
    if (doc != NULL) {
        is_count(doc, "/h:html/h:body/h:article", 1, "XML view: elements in the XHTML namespace");
        is_xp(doc, "//h:h1", "Harbour \"bridge\" <reopens> & traffic returns",
              "XML view: title round-trips");
        is_count(doc, "//h:p[not(node())]|//h:td[not(node())]", 0, "XML view: no empty p or td");
        xmlFreeDoc(doc);
    }

    /* The fragment is the article alone. */
    artconv_buf_clear(&out);
    if (write_html(&out, a, 1) == 0) {
        ok(strncmp(out.ptr, "<article lang=\"en-GB\"", 21) == 0, "fragment starts with <article>");
        ok(strstr(out.ptr, "<!DOCTYPE") == NULL && strstr(out.ptr, "<html") == NULL &&
               strstr(out.ptr, "<head>") == NULL && strstr(out.ptr, "xmlns") == NULL,
           "fragment has no doctype, html, head or namespace");
        doc = parse_xml(&out);
        ok(doc != NULL, "fragment is well-formed XML");
        if (doc != NULL) {
            is_xp(doc, "/article/header/h1", "Harbour \"bridge\" <reopens> & traffic returns",
                  "fragment header");
            is_count(doc, "/article/table/tbody/tr", 2, "fragment body");
            xmlFreeDoc(doc);
        }
    }
cleanup:
    artconv_article_free(a);
    artconv_buf_dispose(&out);
}

/* --- edge cases of the mapping ------------------------------------------------ */

/* An article with the corner cases of the mapping. */
static artconv_article *edge_article(void)
{
    artconv_article *a = artconv_article_new();
    artconv_node *body = artconv_article_body(a), *n, *list, *item, *row, *fig;

    /* a date as people write it, and one that is not a date */
    artconv_article_set(a, ARTCONV_META_DATE, "2 March 2024", NULL);
    artconv_article_set(a, ARTCONV_META_MODIFIED, "soon-ish", NULL);
    add(body, ARTCONV_NODE_PARAGRAPH); /* empty */
    n = add(body, ARTCONV_NODE_HEADING);
    artconv_node_set_level(n, 6, NULL);
    add_text(n, "Six");
    n = add(body, ARTCONV_NODE_PARAGRAPH);
    add_text(n, "a ");
    add(add(n, ARTCONV_NODE_EMPH), ARTCONV_NODE_STRONG);
    add_text(add(n, ARTCONV_NODE_EMPH), "b");
    add_text(add(n, ARTCONV_NODE_STRONG), "c");
    /* loose list: paragraphs kept */
    list = add(body, ARTCONV_NODE_LIST);
    artconv_node_set_list(list, 1, 1, 0, NULL);
    add_text(add(add(list, ARTCONV_NODE_ITEM), ARTCONV_NODE_PARAGRAPH), "loose");
    /* tight list whose item holds two paragraphs: both kept */
    list = add(body, ARTCONV_NODE_LIST);
    item = add(list, ARTCONV_NODE_ITEM);
    add_text(add(item, ARTCONV_NODE_PARAGRAPH), "one");
    add_text(add(item, ARTCONV_NODE_PARAGRAPH), "two");
    /* table: empty cell, header row after a body row */
    n = add(body, ARTCONV_NODE_TABLE);
    row = add(n, ARTCONV_NODE_TABLE_ROW);
    add(row, ARTCONV_NODE_TABLE_CELL);
    row = add(n, ARTCONV_NODE_TABLE_ROW);
    artconv_node_set_header(row, 1, NULL);
    add_text(add(row, ARTCONV_NODE_TABLE_CELL), "late header");
    /* code block without info, one with two words */
    n = add(body, ARTCONV_NODE_CODE_BLOCK);
    artconv_node_set_literal(n, "x < y && z\n", NULL);
    n = add(body, ARTCONV_NODE_CODE_BLOCK);
    artconv_node_set_info(n, "c++ extra", NULL);
    artconv_node_set_literal(n, "int x;\n", NULL);
    /* figure with a credit and no caption; quote without attribution */
    fig = add(body, ARTCONV_NODE_FIGURE);
    artconv_node_set_url(fig, "a.png", NULL);
    artconv_node_set_credit(fig, "AP", NULL);
    add_text(add(add(body, ARTCONV_NODE_BLOCKQUOTE), ARTCONV_NODE_PARAGRAPH), "unattributed");
    /* text around a dropped link and an unusable image joins up in order */
    n = add(body, ARTCONV_NODE_PARAGRAPH);
    add_text(n, "before ");
    add_link(n, ARTCONV_NODE_LINK, "javascript:void(0)", "inside");
    add_text(n, " after ");
    add_link(n, ARTCONV_NODE_IMAGE, "vbscript:x", "alt");
    add_text(add(n, ARTCONV_NODE_EMPH), "e");
    add_text(n, "!");
    /* a link without URL, an image with a title */
    n = add(body, ARTCONV_NODE_PARAGRAPH);
    add_text(add(n, ARTCONV_NODE_LINK), "nowhere");
    n = add_link(n, ARTCONV_NODE_IMAGE, "data:image/png;base64,iVBORw0KGgo=", "dot");
    artconv_node_set_title(n, "a dot", NULL);

    return a;
}

static void test_mapping(void)
{
    artconv_article *a = edge_article();
    artconv_buf out = ARTCONV_BUF_INIT;
    xmlDocPtr doc;

    if (write_html(&out, a, 1) != 0) {
        ok(0, "edge cases written");
        goto cleanup;
    }
    ok(strstr(out.ptr, "<p></p>") != NULL && strstr(out.ptr, "<td></td>") != NULL &&
           strstr(out.ptr, "<p/>") == NULL && strstr(out.ptr, "<td/>") == NULL,
       "empty p and td keep an end tag");
    ok(strstr(out.ptr, "<p>a <em><strong></strong></em><em>b</em><strong>c</strong></p>") != NULL,
       "no whitespace added inside inline content");
    ok(strstr(out.ptr, "<p>before inside after alt<em>e</em>!</p>") != NULL,
       "text around dropped link and image stays in order");
    ok(strstr(out.ptr, "<pre><code>x &lt; y &amp;&amp; z\n</code></pre>") != NULL,
       "code block text escaped, no class without info, nothing between pre and code");
    doc = parse_xml(&out);
    ok(doc != NULL, "edge cases are well-formed XML");
    if (doc == NULL)
        goto cleanup;
    is_xp(doc, "//p[@class='published']/time/@datetime", "2024-03-02",
          "date normalised for datetime");
    is_xp(doc, "//p[@class='published']/time", "2 March 2024", "date shown as written");
    is_count(doc, "//p[@class='modified']/time", 0, "no <time> for what is not a date");
    is_xp(doc, "//p[@class='modified']", "Updated soon-ish", "undated text kept");
    is_xp(doc, "//h6", "Six", "heading level 6");
    is_count(doc, "//ol[1]/@start", 0, "no start attribute for 1");
    is_xp(doc, "//ol/li/p", "loose", "loose item keeps its p");
    is_count(doc, "//ul/li/p", 2, "tight item with two paragraphs keeps both");
    is_count(doc, "//table/thead", 0, "no thead after a body row");
    is_xp(doc, "//table/tbody/tr[2]/th", "late header", "late header row still uses th");
    is_xp(doc, "//pre/code[@class='language-c++']", "int x;\n", "info's first word is the class");
    is_xp(doc, "//figure[img/@src='a.png']/figcaption/small[@class='credit']", "AP",
          "credit without caption");
    is_count(doc, "//figure[@class='quote']", 0, "no figure for a quote without attribution");
    is_xp(doc, "/article/blockquote/p", "unattributed", "plain blockquote");
    is_count(doc, "//a[not(@href)]", 1, "link without URL has no href");
    is_xp(doc, "//img[@alt='dot']/@src",
          "data:image/png;base64,iVBORw0KGgo=", "data:image/png image kept");
    is_xp(doc, "//img[@alt='dot']/@title", "a dot", "image title");
    xmlFreeDoc(doc);
cleanup:
    artconv_article_free(a);
    artconv_buf_dispose(&out);
}

/* --- escaping and URL safety ---------------------------------------------------- */

static const char *const bad_urls[] = {
    "javascript:alert(1)",
    " JaVaScRiPt:alert(2)",
    "\r\n  javascript:alert(3)",
    "\tjava\nscript:alert(4)",
    "vbscript:msgbox(5)",
    "VBScript:msgbox(6)",
    "data:text/html,<script>alert(7)</script>",
    "data:image/svg+xml,<svg onload=alert(8)>",
    "  DATA:text/html;base64,PHNjcmlwdD4=",
};

static void test_safety(void)
{
    const char *title = "</title><script>alert(1)</script> ]]> &amp; done";
    const char *text = "<script>alert(1)</script> & ]]> &lt;";
    artconv_article *a = artconv_article_new();
    artconv_node *body = artconv_article_body(a), *p, *n;
    artconv_buf out = ARTCONV_BUF_INIT;
    char expr[256], what[256];
    xmlDocPtr doc;
    size_t i, count = sizeof bad_urls / sizeof bad_urls[0];
    int k;

    artconv_article_set(a, ARTCONV_META_TITLE, title, NULL);
    artconv_article_set(a, ARTCONV_META_DESCRIPTION, "\" onclick=\"alert(1)", NULL);
    artconv_article_set(a, ARTCONV_META_SOURCE, "javascript:alert(9)", NULL);
    artconv_article_set(a, ARTCONV_META_IMAGE, "javascript:alert(10)", NULL);
    artconv_article_set(a, ARTCONV_META_IMAGE_ALT, "lead alt", NULL);
    artconv_article_list_add(a, ARTCONV_LIST_AUTHORS, "<b>Eve</b>", NULL);
    p = add(body, ARTCONV_NODE_PARAGRAPH);
    add_text(p, text);
    for (i = 0; i < count; i++) {
        snprintf(what, sizeof what, "link%zu", i);
        add_link(p, ARTCONV_NODE_LINK, bad_urls[i], what);
        snprintf(what, sizeof what, "image%zu", i);
        add_link(p, ARTCONV_NODE_IMAGE, bad_urls[i], what);
    }
    n = add_link(p, ARTCONV_NODE_LINK, "https://ok.example/?a=1&amp;b=\"2\"", "fine");
    artconv_node_set_title(n, "\" onclick=\"alert(1)", NULL);
    n = add(body, ARTCONV_NODE_FIGURE);
    artconv_node_set_url(n, "javascript:alert(11)", NULL);
    artconv_node_set_alt(n, "figure alt", NULL);
    n = add(body, ARTCONV_NODE_CODE_BLOCK);
    artconv_node_set_info(n, "\"><script>", NULL);
    artconv_node_set_literal(n, "</code></pre><script>alert(1)</script>", NULL);

    for (k = 0; k < 2; k++) {
        const char *mode = k ? "fragment" : "page";

        artconv_buf_clear(&out);
        if (write_html(&out, a, k) != 0) {
            ok(0, "unsafe article written");
            continue;
        }
        ok(!contains_ci(out.ptr, "<script"), "no <script tag in the bytes");
        ok(!contains_ci(out.ptr, "javascript:") && !contains_ci(out.ptr, "vbscript:") &&
               !contains_ci(out.ptr, "data:text") && !contains_ci(out.ptr, "svg") &&
               strstr(out.ptr, "alert(4)") == NULL,
           "no dangerous URL in the bytes");
        doc = parse_html(&out);
        ok(doc != NULL, "parses as HTML");
        if (doc == NULL)
            continue;
        is_count(doc, "//script", 0, "no script element");
        is_count(doc, "//@*[starts-with(name(), 'on')]", 0, "no event-handler attribute");
        is_count(doc, "//a[@href]", 1, "only the safe link has an href");
        is_count(doc, "//img", 0, "no unsafe image");
        is_xp(doc, "//a[@href]/@href", "https://ok.example/?a=1&amp;b=\"2\"",
              "&amp; in a URL stays literal");
        is_xp(doc, "//a[@href]/@title", "\" onclick=\"alert(1)",
              "quotes in an attribute stay text");
        is_xp(doc, "//h1", title, "the title round-trips as text");
        if (k == 0) {
            is_xp(doc, "/html/head/title", title, "the <title> round-trips as text");
            is_xp(doc, "//meta[@name='description']/@content", "\" onclick=\"alert(1)",
                  "description attribute round-trips");
            is_count(doc, "//link", 0, "unsafe canonical link dropped");
        }
        is_xp(doc, "//span[@class='author']", "<b>Eve</b>", "author stays text");
        is_count(doc, "//b", 0, "no element made from an author");
        is_xp(doc, "substring-before(//article/p[1], 'link0')", text, "paragraph text round-trips");
        for (i = 0; i < count; i++) {
            snprintf(expr, sizeof expr, "//article/p[1][contains(., 'link%zu')]", i);
            snprintf(what, sizeof what, "%s: link text kept for URL %zu", mode, i);
            is_count(doc, expr, 1, what);
            snprintf(expr, sizeof expr, "//article/p[1][contains(., 'image%zu')]", i);
            snprintf(what, sizeof what, "%s: alt text kept for image URL %zu", mode, i);
            is_count(doc, expr, 1, what);
        }
        is_count(doc, "//header/figure[@class='lead'][contains(., 'lead alt')]", 1,
                 "unsafe lead image keeps its alt");
        is_count(doc, "//article/figure[contains(., 'figure alt')]", 1,
                 "unsafe figure keeps its alt");
        is_xp(doc, "//pre/code", "</code></pre><script>alert(1)</script>", "code text round-trips");
        is_xp(doc, "//pre/code/@class", "language-\"><script>", "class attribute escaped");
        xmlFreeDoc(doc);
    }
    artconv_article_free(a);
    artconv_buf_dispose(&out);
}

/* --- deep nesting ------------------------------------------------------------- */

static void test_deep(void)
{
    artconv_article *a = artconv_article_new();
    artconv_node *n = artconv_article_body(a);
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_error err;
    xmlDocPtr doc;
    int i;

    /* 150 quotes, then 40 emphases: near the 200 cap, all written. */
    for (i = 0; i < 150; i++)
        n = add(n, ARTCONV_NODE_BLOCKQUOTE);
    n = add(n, ARTCONV_NODE_PARAGRAPH);
    for (i = 0; i < 40; i++)
        n = add(n, i % 2 ? ARTCONV_NODE_STRONG : ARTCONV_NODE_EMPH);
    add_text(n, "deep");
    ok(write_html(&out, a, 1) == 0, "deeply nested article written");
    doc = out.ptr != NULL ? parse_xml(&out) : NULL;
    ok(doc != NULL, "deep output is well-formed");
    if (doc != NULL) {
        is_count(doc, "//blockquote", 150, "every quote written");
        is_count(doc, "//em", 20, "every emphasis written");
        is_xp(doc, "//p", "deep", "innermost text");
        xmlFreeDoc(doc);
    }
    ok(strstr(out.ptr, "<p><em><strong>") != NULL, "no whitespace between nested inlines");
    /* Deeper than the cap: refused by artconv_write, not written. */
    for (i = 0; i < 20; i++)
        n = add(n, ARTCONV_NODE_EMPH);
    artconv_buf_clear(&out);
    is_int(artconv_write(&out, html_format, a, NULL, &err), ARTCONV_ELIMIT,
           "deeper than the cap is refused");
    artconv_article_free(a);
    artconv_buf_dispose(&out);
}

/* --- large input ---------------------------------------------------------------- */

static void test_large(void)
{
    artconv_article *a = artconv_article_new();
    artconv_node *body = artconv_article_body(a), *p, *list;
    artconv_buf out = ARTCONV_BUF_INIT, line = ARTCONV_BUF_INIT;
    xmlDocPtr doc;
    int i;

    /* 100000 small inlines in one paragraph: text nodes merge as they are
     * appended, which must stay fast. */
    p = add(body, ARTCONV_NODE_PARAGRAPH);
    for (i = 0; i < 50000; i++) {
        add_text(p, "word &");
        add(p, ARTCONV_NODE_SOFTBREAK);
    }
    /* 20000 dropped links between texts. */
    p = add(body, ARTCONV_NODE_PARAGRAPH);
    for (i = 0; i < 20000; i++) {
        add_text(p, "ab");
        add_link(p, ARTCONV_NODE_LINK, "javascript:x", "cd");
    }
    /* One 4 MB line. */
    for (i = 0; i < 1 << 18; i++)
        artconv_buf_puts(&line, "<long line>&;");
    add_text(add(body, ARTCONV_NODE_PARAGRAPH), line.ptr);
    /* A tight list of 20000 items, one paragraph each. */
    list = add(body, ARTCONV_NODE_LIST);
    for (i = 0; i < 20000; i++)
        add_text(add(add(list, ARTCONV_NODE_ITEM), ARTCONV_NODE_PARAGRAPH), "item");
    ok(write_html(&out, a, 0) == 0, "large article written");
    doc = out.ptr != NULL ? parse_xml(&out) : NULL;
    ok(doc != NULL, "large output is well-formed");
    if (doc != NULL) {
        is_count(doc, "//h:li", 20000, "every item written");
        is_int(xp_count(doc, "//h:p[2][string-length(.) = 80000]"), 1, "dropped links' text kept");
        is_int(xp_count(doc, "//h:p[3][string-length(.) = 3407872]"), 1, "long line intact");
        xmlFreeDoc(doc);
    }
    artconv_article_free(a);
    artconv_buf_dispose(&out);
    artconv_buf_dispose(&line);
}

/* --- validity with tidy (HTML5-aware since version 5) ------------------------- */

static int tidy_available(void)
{
    return system("command -v tidy >/dev/null 2>&1") == 0;
}

/* Runs tidy on the bytes; returns its exit status (0 clean, 1 warnings,
 * 2 errors) and prints what it reported. */
static int run_tidy(const artconv_buf *b)
{
    char path[] = "/tmp/artconv-html-XXXXXX";
    char cmd[512], line[512];
    FILE *fp, *pipe;
    int fd = mkstemp(path), status;

    if (fd < 0)
        return -1;
    fp = fdopen(fd, "wb");
    if (fp == NULL || fwrite(b->ptr, 1, b->len, fp) != b->len) {
        if (fp != NULL)
            fclose(fp);
        unlink(path);
        return -1;
    }
    fclose(fp);
    snprintf(cmd, sizeof cmd, "tidy -q -e --drop-empty-elements no --gnu-emacs yes %s 2>&1", path);
    pipe = popen(cmd, "r");
    if (pipe == NULL) {
        unlink(path);
        return -1;
    }
    while (fgets(line, sizeof line, pipe) != NULL)
        printf("# tidy: %s", line);
    status = pclose(pipe);
    unlink(path);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void test_tidy(void)
{
    artconv_article *a = fixture_kitchen_sink(), *empty = artconv_article_new();
    artconv_article *edge = edge_article();
    artconv_buf out = ARTCONV_BUF_INIT;

    if (!tidy_available()) {
        tap_skip("tidy is not installed (Debian package tidy): no HTML5 validation");
        artconv_article_free(a);
        artconv_article_free(empty);
        artconv_article_free(edge);
        return;
    }
    if (a != NULL && write_html(&out, a, 0) == 0)
        is_int(run_tidy(&out), 0, "tidy: kitchen-sink page has no errors or warnings");
    artconv_buf_clear(&out);
    if (write_html(&out, empty, 0) == 0)
        is_int(run_tidy(&out), 0, "tidy: empty page has no errors or warnings");
    artconv_buf_clear(&out);
    if (write_html(&out, edge, 0) == 0)
        is_int(run_tidy(&out), 0, "tidy: edge-case page has no errors or warnings");
    artconv_article_free(edge);
    artconv_article_free(a);
    artconv_article_free(empty);
    artconv_buf_dispose(&out);
}

/* --- the lead image is shown once ------------------------------------------- */

static long count_of(const char *hay, const char *needle)
{
    long n = 0;

    for (; (hay = strstr(hay, needle)) != NULL; hay += strlen(needle))
        n++;
    return n;
}

/* Reads `page` as HTML and writes it back, `rounds` times; returns the
 * number of <img in the last page (-1 on a failure). */
static long images_after(const char *page, int rounds)
{
    const artconv_format *f = artconv_format_by_name("html");
    artconv_buf in = ARTCONV_BUF_INIT, out = ARTCONV_BUF_INIT;
    long n = -1;
    int i;

    if (artconv_buf_puts(&in, page) < 0)
        return -1;
    for (i = 0; i < rounds; i++) {
        artconv_article *a = NULL;

        if (artconv_read(&a, f, in.ptr, in.len, NULL, NULL) != 0 || write_html(&out, a, 0) != 0) {
            artconv_article_free(a);
            goto cleanup;
        }
        artconv_article_free(a);
        artconv_buf_dispose(&in);
        in = out;
        out = (artconv_buf)ARTCONV_BUF_INIT;
    }
    n = count_of(in.ptr, "<img");
cleanup:
    artconv_buf_dispose(&in);
    artconv_buf_dispose(&out);
    return n;
}

#define LEAD_PAGE(OG, BODY)                                                                        \
    "<!DOCTYPE html><html lang=\"en\"><head><title>Servers crash</title>"                        \
    "<meta property=\"og:image\" content=\"https://cdn.example/up/" OG "\"></head><body>"        \
    "<article><h1>Servers crash</h1><figure><img src=\"https://cdn.example/up/" BODY "\" "         \
    "alt=\"A server room\"></figure><p>A flaw in a popular game lets anyone crash the server "     \
    "hosting it, a programmer said on Thursday after he had waited two years for a fix.</p>"      \
    "<p>The bug lies in the way the game trades the contents of inventory slots, and a crafted "  \
    "packet of nested lists is enough to stop a server for minutes at a time.</p></article>"      \
    "</body></html>"

static void test_lead_once(void)
{
    static const struct {
        const char *page, *what;
        long images;
    } cases[] = {
        {LEAD_PAGE("crash-640x215.jpg", "crash-640x426.jpg"), "two sizes of one file", 1},
        {LEAD_PAGE("13CRASH-1-facebookJumbo.jpg", "13CRASH-1-master768.jpg"),
         "two renditions of one file", 1},
        {LEAD_PAGE("crash.jpg", "crash.jpg"), "the same URL", 1},
        {LEAD_PAGE("crash-getty-01.jpg", "crash-getty-4.jpg"), "two numbered photos", 2},
    };
    size_t i;
    int r;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        for (r = 1; r <= 3; r++) {
            char what[128];

            snprintf(what, sizeof what, "lead image, %s: %ld image(s) after %d round(s)",
                     cases[i].what, cases[i].images, r);
            is_int(images_after(cases[i].page, r), cases[i].images, what);
        }
}

/* A page artconv wrote reads back with the metadata it shows: every
 * field HTML carries, every author, keywords holding commas whole, and the
 * body as it was (issue 16). */
static void test_reads_back(void)
{
    /* What a web page has no place for: the wire's housekeeping. */
    static const artconv_meta not_carried[] = {ARTCONV_META_URGENCY, ARTCONV_META_FIRSTCREATED,
                                               ARTCONV_META_VERSIONCREATED,
                                               ARTCONV_META_CONTENTCREATED};
    artconv_article *a = fixture_kitchen_sink(), *back = NULL;
    artconv_buf page = ARTCONV_BUF_INIT, body1 = ARTCONV_BUF_INIT, body2 = ARTCONV_BUF_INIT;
    artconv_error err;
    size_t i, k, same = 0, fields = 0;
    char what[128];
    int m;

    artconv_article_list_add(a, ARTCONV_LIST_KEYWORDS, "Portsmouth, Hampshire", NULL);
    if (!ok(a != NULL && artconv_write(&page, html_format, a, NULL, &err) == 0 &&
                artconv_read(&back, html_format, page.ptr, page.len, NULL, &err) == 0,
            "the kitchen sink as HTML reads back"))
        goto cleanup;
    for (m = 0; m < ARTCONV_META_COUNT; m++) {
        const char *want = artconv_article_get(a, (artconv_meta)m);
        const char *got = artconv_article_get(back, (artconv_meta)m);
        int carried = 1;

        for (k = 0; k < sizeof not_carried / sizeof not_carried[0]; k++)
            carried &= not_carried[k] != (artconv_meta)m;
        if (!carried || want == NULL)
            continue;
        fields++;
        if (got != NULL && strcmp(got, want) == 0)
            same++;
        else
            printf("#   %s: \"%s\" came back as \"%s\"\n", artconv_meta_name((artconv_meta)m), want,
                   got != NULL ? got : "(unset)");
    }
    ok(fields >= 15 && same == fields, "every field a page carries comes back the same");
    for (m = 0; m < ARTCONV_LIST_COUNT; m++) {
        size_t n = artconv_article_list_count(a, (artconv_meta_list)m);
        int equal = n == artconv_article_list_count(back, (artconv_meta_list)m);

        if ((artconv_meta_list)m == ARTCONV_LIST_EDNOTES)
            continue; /* notes to editors are not for a page's readers */
        for (i = 0; equal && i < n; i++)
            equal = strcmp(artconv_article_list_get(a, (artconv_meta_list)m, i),
                           artconv_article_list_get(back, (artconv_meta_list)m, i)) == 0;
        snprintf(what, sizeof what, "every %s comes back, in order (%zu)",
                 artconv_meta_list_name((artconv_meta_list)m), n);
        ok(equal, what);
    }
    /* The body: the same JSON, but for line ends inside paragraphs (in
     * HTML a space) and a code block's last line end. */
    if (artconv_write(&body1, artconv_format_by_name("text"), a, NULL, NULL) == 0 &&
        artconv_write(&body2, artconv_format_by_name("text"), back, NULL, NULL) == 0)
        is_str(body2.ptr, body1.ptr, "the text of the page read back is the same");
cleanup:
    artconv_buf_dispose(&page);
    artconv_buf_dispose(&body1);
    artconv_buf_dispose(&body2);
    artconv_article_free(a);
    artconv_article_free(back);
}

int main(void)
{
    html_format = artconv_format_by_name("html");
    ok(html_format != NULL && artconv_format_can_write(html_format), "html format can be written");
    if (html_format == NULL)
        return tap_done();
    test_golden();
    test_structure();
    test_mapping();
    test_safety();
    test_deep();
    test_large();
    test_tidy();
    test_lead_once();
    test_reads_back();
    return tap_done();
}
