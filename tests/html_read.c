/*
 * html_read.c - the HTML reader: the sample news page, links, charsets,
 * --no-extract, hostile and broken input (each with a time limit), bylines
 * near the article, datelines, site chrome in every output,
 * ac_html_fragment_to_model, and golden HTML -> JSON cases under
 * tests/golden/html-json/.
 *
 * One job over 600 lines: the house keeps one test file a reader, and
 * the cases share the sample pages and the read-then-inspect helpers.
 */
#include "artconv.h"
#include "html.h"
#include "tap.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const artconv_format *html;

typedef struct {
    int count;
    char last[256];
} warnings;

static void on_warning(const artconv_error *w, void *payload)
{
    warnings *ws = payload;

    ws->count++;
    snprintf(ws->last, sizeof ws->last, "%s", w->message);
}

/* Reads `len` bytes; returns the status.  `seconds` gets the time taken. */
static int read_html(artconv_article **out, const char *s, size_t len, int no_extract, int strict,
                     warnings *ws, artconv_error *err, double *seconds)
{
    artconv_read_options opts;
    clock_t t0 = clock();
    int rc;

    artconv_read_options_init(&opts);
    opts.filename = "test.html";
    opts.no_extract = no_extract;
    opts.strict = strict;
    if (ws != NULL) {
        memset(ws, 0, sizeof *ws);
        opts.warning = on_warning;
        opts.payload = ws;
    }
    rc = artconv_read(out, html, s, len, &opts, err);
    if (seconds != NULL)
        *seconds = (double)(clock() - t0) / CLOCKS_PER_SEC;
    if (rc == 0) {
        artconv_error cerr;

        ok(artconv_article_check(*out, &cerr) == 0, "the model's invariants hold");
        ok(artconv_node_depth(artconv_article_body(*out)) <= ARTCONV_MAX_DEPTH,
           "the model stays within ARTCONV_MAX_DEPTH");
    }
    return rc;
}

/* The body's text, blocks on their own lines. */
static char *body_text(const artconv_article *a)
{
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_iter *it;
    artconv_event ev;

    it = artconv_iter_new(artconv_article_body(a));
    while ((ev = artconv_iter_next(it)) != ARTCONV_EVENT_DONE) {
        const artconv_node *n = artconv_iter_node(it);
        const char *s;

        if (artconv_node_kind_is_block(artconv_node_get_kind(n)))
            artconv_buf_putc(&out, '\n');
        if (ev == ARTCONV_EVENT_ENTER && (s = artconv_node_get_literal(n)) != NULL)
            artconv_buf_puts(&out, s);
    }
    artconv_iter_free(it);
    if (out.ptr == NULL)
        artconv_buf_putc(&out, '\0');
    return artconv_buf_detach(&out);
}

static int has_text(const artconv_article *a, const char *needle)
{
    char *t = body_text(a);
    int found = t != NULL && strstr(t, needle) != NULL;

    free(t);
    return found;
}

/* The first node of `kind` in the body, or NULL. */
static const artconv_node *find_kind(const artconv_article *a, artconv_node_kind kind)
{
    artconv_iter *it;
    artconv_event ev;
    const artconv_node *found = NULL;

    it = artconv_iter_new(artconv_article_body(a));
    while (found == NULL && (ev = artconv_iter_next(it)) != ARTCONV_EVENT_DONE)
        if (ev == ARTCONV_EVENT_ENTER && artconv_node_get_kind(artconv_iter_node(it)) == kind)
            found = artconv_iter_node(it);
    artconv_iter_free(it);
    return found;
}

static void test_sample(void)
{
    char path[4096];
    artconv_buf src = ARTCONV_BUF_INIT;
    artconv_article *a = NULL;
    artconv_error err;
    const artconv_node *fig;

    snprintf(path, sizeof path, "%s/../samples/news-page.html", test_dir());
    if (!ok(test_read_file(path, &src) == 0, "samples/news-page.html is there"))
        return;
    if (!is_int(read_html(&a, src.ptr, src.len, 0, 0, NULL, &err, NULL), 0, "sample page reads"))
        goto done;
    is_str(artconv_article_get(a, ARTCONV_META_TITLE), "Tidal turbines to power island ferry port",
           "title without the site name");
    is_int(artconv_article_list_count(a, ARTCONV_LIST_AUTHORS), 2, "two authors from JSON-LD");
    is_str(artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, 1), "Idris Kane", "second author");
    is_str(artconv_article_get(a, ARTCONV_META_DATE), "2024-03-14T07:30:00Z", "date in ISO 8601");
    is_str(artconv_article_get(a, ARTCONV_META_PUBLISHER), "The Harbour Gazette", "publisher");
    is_str(artconv_article_get(a, ARTCONV_META_LANGUAGE), "en-GB", "language from <html lang>");
    is_str(artconv_article_get(a, ARTCONV_META_SECTION), "Coast", "section");
    is_str(artconv_article_get(a, ARTCONV_META_SOURCE),
           "https://news.example.org/coast/2024/03/tidal-turbines-ferry-port", "canonical URL");
    is_str(artconv_article_get(a, ARTCONV_META_IMAGE_CREDIT), "Photo: Tamsin Rowe/Harbour Gazette",
           "lead image credit");
    is_str(artconv_article_get(a, ARTCONV_META_IMAGE_CAPTION),
           "The first turbine is lowered from the barge Kittiwake off Carrow Point.",
           "lead image caption");
    fig = find_kind(a, ARTCONV_NODE_FIGURE);
    ok(fig != NULL, "the figure is kept");
    is_str(artconv_node_get_url(fig), "https://news.example.org/img/2024/03/turbine-lift.jpg",
           "figure source resolved against the canonical URL");
    ok(has_text(a, "Four tidal turbines anchored"), "first paragraph kept");
    ok(has_text(a, "weather permitting"), "last paragraph kept");
    ok(has_text(a, "Four years of trials"), "subheading kept");
    ok(has_text(a, "Average demand"), "data table kept");
    ok(find_kind(a, ARTCONV_NODE_BLOCKQUOTE) != NULL, "block quote kept");
    ok(!has_text(a, "Weather"), "navigation dropped");
    ok(!has_text(a, "Related stories") && !has_text(a, "Victorian anchor"), "related box dropped");
    ok(!has_text(a, "newsletter"), "newsletter promo dropped");
    ok(!has_text(a, "join our channel"), "social promo dropped");
    ok(!has_text(a, "Powered by") && !has_text(a, "rights reserved"), "footer dropped");
    ok(!has_text(a, "first to comment"), "comments dropped");
    ok(!has_text(a, "Share"), "share bar dropped");
    ok(!has_text(a, "Morwenna"), "byline not repeated in the body");
    ok(!has_text(a, "Tidal turbines to power"), "the headline is not repeated in the body");
done:
    artconv_article_free(a);
    artconv_buf_dispose(&src);
}

static void test_links(void)
{
    static const char page[] =
        "<html><head><base href='https://example.com/news/'></head><body>"
        "<p>See <a href='story.html'>the story</a>, <a href='javascript:alert(1)'>a trap</a>, "
        "<a href=' JaVa\tScript:x()'>another</a> and <a href='#notes' onclick='evil()'>notes</a>."
        "<img src='/p.png' alt='pic' onerror='evil()'></p></body></html>";
    artconv_article *a = NULL;
    artconv_error err;
    const artconv_node *link;
    artconv_iter *it;
    artconv_event ev;
    int js = 0, links = 0;

    if (read_html(&a, page, sizeof page - 1, 1, 0, NULL, &err, NULL) != 0) {
        ok(0, "links page reads");
        return;
    }
    link = find_kind(a, ARTCONV_NODE_LINK);
    is_str(artconv_node_get_url(link), "https://example.com/news/story.html",
           "relative link resolved against <base href>");
    it = artconv_iter_new(artconv_article_body(a));
    while ((ev = artconv_iter_next(it)) != ARTCONV_EVENT_DONE) {
        const char *u = artconv_node_get_url(artconv_iter_node(it));

        if (ev != ARTCONV_EVENT_ENTER || u == NULL)
            continue;
        links++;
        js += strstr(u, "script") != NULL || strstr(u, "Script") != NULL;
    }
    artconv_iter_free(it);
    is_int(js, 0, "no javascript: URL reaches the model");
    ok(has_text(a, "a trap"), "the text of a dropped link stays");
    is_int(links, 3, "two links and the image keep their URLs");
    ok(has_text(a, "notes"), "in-page link text kept");
    artconv_article_free(a);
}

/* HTML5 names who a quote is from in the caption of a figure around it. */
static void test_quote_attribution(void)
{
    static const char page[] =
        "<html><body><figure><blockquote><p>The tide waits for no one.</p></blockquote>"
        "<figcaption>&mdash; Harbour master <cite>Log</cite></figcaption></figure>"
        "<figure><figcaption>Not a quote's</figcaption><blockquote><p>Q2</p></blockquote></figure>"
        "<blockquote><p>Bare quote.</p></blockquote><p>- not an attribution</p>"
        "</body></html>";
    artconv_article *a = NULL;
    artconv_error err;
    const artconv_node *quote, *attr;

    if (read_html(&a, page, sizeof page - 1, 1, 0, NULL, &err, NULL) != 0) {
        ok(0, "quote page reads");
        return;
    }
    quote = find_kind(a, ARTCONV_NODE_BLOCKQUOTE);
    attr = artconv_node_last_child(quote);
    is_int(artconv_node_get_kind(attr), ARTCONV_NODE_ATTRIBUTION,
           "figure > blockquote + figcaption: the caption is the quote's attribution");
    is_str(artconv_node_get_literal(artconv_node_first_child(attr)), "Harbour master ",
           "the attribution's leading dash is dropped");
    is_int(artconv_node_get_kind(artconv_node_last_child(attr)), ARTCONV_NODE_EMPH,
           "its inline markup stays");
    {
        artconv_iter *it;
        artconv_event ev;
        int attributions = 0;

        it = artconv_iter_new(artconv_article_body(a));
        while ((ev = artconv_iter_next(it)) != ARTCONV_EVENT_DONE)
            attributions += ev == ARTCONV_EVENT_ENTER &&
                            artconv_node_get_kind(artconv_iter_node(it)) ==
                                ARTCONV_NODE_ATTRIBUTION;
        artconv_iter_free(it);
        is_int(attributions, 1, "a caption before the quote, or a bare quote, has no attribution");
    }
    ok(has_text(a, "Not a quote's") && has_text(a, "- not an attribution"),
       "other captions and dashes stay text");
    artconv_article_free(a);
}

/* An inline image keeps its title and the spaces around it. */
static void test_inline_image(void)
{
    static const char page[] = "<p>An <img src='a.png' alt='A' title='The A'> inline.</p>";
    artconv_article *a = NULL;
    artconv_error err;
    const artconv_node *img;

    if (read_html(&a, page, sizeof page - 1, 1, 0, NULL, &err, NULL) != 0) {
        ok(0, "inline image page reads");
        return;
    }
    img = find_kind(a, ARTCONV_NODE_IMAGE);
    ok(img != NULL && artconv_node_get_title(img) != NULL &&
           strcmp(artconv_node_get_title(img), "The A") == 0,
       "an inline image keeps its title");
    ok(img != NULL && artconv_node_next(img) != NULL &&
           strcmp(artconv_node_get_literal(artconv_node_next(img)), " inline.") == 0,
       "the space after an inline image stays");
    artconv_article_free(a);
}

/* <q> shows its quotation marks, single ones inside a quote. */
static void test_inline_quote(void)
{
    static const char page[] = "<p>He said <q>they called it <q>the Ark</q> then</q>.</p>";
    artconv_article *a = NULL;
    artconv_error err;

    if (read_html(&a, page, sizeof page - 1, 1, 0, NULL, &err, NULL) != 0) {
        ok(0, "inline quote page reads");
        return;
    }
    ok(has_text(a, "He said \xe2\x80\x9cthey called it \xe2\x80\x98the Ark\xe2\x80\x99 "
                   "then\xe2\x80\x9d."),
       "<q> gets its quotation marks");
    artconv_article_free(a);
}

static void test_charsets(void)
{
    struct {
        const char *what, *html, *want;
    } cases[] = {
        {"UTF-8 BOM", "\xEF\xBB\xBF<p>caf\xC3\xA9</p>", "caf\xC3\xA9"},
        {"UTF-16LE BOM", "\xFF\xFE<\0p\0>\0\xE9\0<\0/\0p\0>\0", "\xC3\xA9"},
        {"<meta charset> windows-1252", "<meta charset='windows-1252'><p>caf\xE9 \x93q\x94</p>",
         "caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D"},
        {"http-equiv ISO-8859-15",
         "<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-15'><p>\xA4 5</p>",
         "\xE2\x82\xAC 5"},
        {"undeclared UTF-8", "<p>na\xC3\xAFve \xE2\x80\x94 ok</p>", "na\xC3\xAFve \xE2\x80\x94 ok"},
        {"undeclared cp1252", "<p>na\xEFve \x96 ok</p>", "na\xC3\xAFve \xE2\x80\x93 ok"},
        {"lying charset (says latin1, is UTF-8)", "<meta charset='iso-8859-1'><p>Z\xC3\xBCrich</p>",
         "Z\xC3\xBCrich"},
        {"unknown charset", "<meta charset='x-no-such'><p>Z\xC3\xBCrich</p>", "Z\xC3\xBCrich"},
        {"declared UTF-8, one bad byte", "<meta charset=utf-8><p>\xC3\xA9t\xC3\xA9 \xFF ok</p>",
         "\xC3\xA9t\xC3\xA9 \xEF\xBF\xBD ok"},
        {"shift_jis", "<meta charset='shift_jis'><p>\x82\xA0</p>", "\xE3\x81\x82"},
    };
    size_t sizes[] = {0, 18, 0, 0, 0, 0, 0, 0, 0, 0};
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        artconv_article *a = NULL;
        artconv_error err;
        size_t len = sizes[i] != 0 ? sizes[i] : strlen(cases[i].html);
        char what[128];

        snprintf(what, sizeof what, "charset: %s", cases[i].what);
        if (!is_int(read_html(&a, cases[i].html, len, 1, 0, NULL, &err, NULL), 0, what))
            continue;
        snprintf(what, sizeof what, "charset: %s reads right", cases[i].what);
        ok(has_text(a, cases[i].want), what);
        artconv_article_free(a);
    }
}

static void test_strict(void)
{
    static const char bad[] = "<p>bad \xFF byte and NUL \0 here, caf\xC3\xA9 cr\xC3\xA8me</p>";
    artconv_article *a = NULL;
    artconv_error err;
    warnings ws;

    is_int(read_html(&a, bad, sizeof bad - 1, 1, 0, &ws, &err, NULL), 0, "bad bytes: read");
    ok(ws.count >= 1 && strstr(ws.last, "U+FFFD") != NULL, "bad bytes: a warning says so");
    ok(has_text(a, "bad \xEF\xBF\xBD byte"), "bad bytes: U+FFFD in their place");
    ok(has_text(a, "NUL \xEF\xBF\xBD here"), "NUL byte: U+FFFD in its place");
    artconv_article_free(a);
    a = NULL;
    is_int(read_html(&a, bad, sizeof bad - 1, 1, 1, NULL, &err, NULL), ARTCONV_EPARSE,
           "bad bytes under strict: an error");
    ok(a == NULL, "bad bytes under strict: no article");
}

static void test_no_extract(void)
{
    static const char page[] = "<body><nav><a href='/a'>Home</a></nav><div class='sidebar'>"
                               "<p>Side text here.</p></div><p>Main text.</p></body>";
    artconv_article *a = NULL;
    artconv_error err;

    if (!is_int(read_html(&a, page, sizeof page - 1, 1, 0, NULL, &err, NULL), 0,
                "--no-extract reads"))
        return;
    ok(has_text(a, "Side text here.") && has_text(a, "Main text."),
       "--no-extract keeps the whole body");
    artconv_article_free(a);
}

/* A buffer of `prefix`, `unit` repeated `n` times and `suffix`. */
static char *repeat(const char *prefix, const char *unit, size_t n, const char *suffix, size_t *len)
{
    size_t pl = strlen(prefix), ul = strlen(unit), sl = strlen(suffix), i;
    char *s = malloc(pl + ul * n + sl + 1), *p;

    if (s == NULL)
        return NULL;
    memcpy(s, prefix, pl);
    p = s + pl;
    for (i = 0; i < n; i++, p += ul)
        memcpy(p, unit, ul);
    memcpy(p, suffix, sl + 1);
    *len = pl + ul * n + sl;
    return s;
}

static void test_hostile(void)
{
    static const char article[] =
        "<p>This paragraph is the article and it goes on long enough, with commas, to count as "
        "prose for the extractor, which wants sentences.</p>";
    struct {
        const char *what, *prefix, *unit, *suffix;
        size_t n;
        int want; /* 0: a result; else the error */
    } cases[] = {
        {"200,000-deep nesting", "<body>", "<div>", "x", 200000, ARTCONV_ELIMIT},
        {"200,000-deep inline nesting", "<body><p>", "<b>", "x", 200000, ARTCONV_ELIMIT},
        {"201 nested divs", "<body>", "<div>", "x", 201, ARTCONV_ELIMIT},
        {"190 nested lists", "<body>", "<ul><li>", "x", 95, 0},
        {"20 MB attribute", "<body><p title=\"", "aaaaaaaaaaaaaaaaaaaa", "\">hi</p>", 1000000, 0},
        {"100,000 attributes", "<body><p ", "a=1 ", ">hi</p>", 100000, ARTCONV_ELIMIT},
        {"unterminated comment", "<body><p>kept</p><!-- ", "never closed ", "", 1000, 0},
        {"unterminated script", "<body><p>kept</p><script>", "var x = '<p>'; ", "", 1000, 0},
        {"truncated markup", "<body><p>kept</p><div class=\"a", "b", "", 10, 0},
        {"frameset", "<html><frameset>", "<frame src='a.html'>", "</frameset></html>", 3, 0},
        {"no article", "<body>", "<a href='/x'>link</a> ", "</body>", 500, 0},
        {"deep JSON-LD arrays", "<head><script type='application/ld+json'>", "[",
         "]</script></head><body><p>kept</p>", 100000, 0},
        {"JSON-LD of wrong types",
         "<head><script type='application/ld+json'>{\"@type\":[1,{}],\"headline\":{\"a\":[]},"
         "\"author\":[null,7,{\"name\":[[\"x\"]]}],\"datePublished\":{},\"keywords\":5}",
         "", "</script></head><body><p>kept</p>", 0, 0},
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        artconv_article *a = NULL;
        artconv_error err;
        size_t len;
        double secs;
        char what[160];
        char *s = repeat(cases[i].prefix, cases[i].unit, cases[i].n, cases[i].suffix, &len);
        int rc;

        if (s == NULL)
            continue;
        rc = read_html(&a, s, len, 0, 0, NULL, &err, &secs);
        snprintf(what, sizeof what, "%s: %s", cases[i].what,
                 cases[i].want == 0 ? "a result" : "a clear error");
        is_int(rc, cases[i].want, what);
        if (rc < 0) {
            snprintf(what, sizeof what, "%s: the error says why", cases[i].what);
            ok(err.message[0] != '\0' && strstr(err.message, "not written") == NULL, what);
        }
        /* Linear cases take well under a second natively and ~10 s under
         * valgrind; the quadratic paths this guards against took minutes. */
        snprintf(what, sizeof what, "%s: in under 30 s (%.2f s)", cases[i].what, secs);
        ok(secs < 30, what);
        if (rc == 0 && strstr(cases[i].prefix, "kept") != NULL) {
            snprintf(what, sizeof what, "%s: the content survives", cases[i].what);
            ok(has_text(a, "kept"), what);
        }
        artconv_article_free(a);
        free(s);
    }
    {
        /* A many-attribute tag is refused before libxml2 would spend minutes
         * comparing each attribute with all the others. */
        artconv_article *a = NULL;
        artconv_error err;
        size_t len;
        char *s =
            repeat("<body><p ", "a0=1 a1=1 a2=1 a3=1 a4=1 a5=1 a6=1 a7=1 ", 1000, ">hi</p>", &len);

        if (s != NULL) {
            is_int(read_html(&a, s, len, 0, 0, NULL, &err, NULL), ARTCONV_ELIMIT,
                   "8,000 attributes: ARTCONV_ELIMIT");
            ok(strstr(err.message, "attributes") != NULL, "8,000 attributes: the error says so");
            artconv_article_free(a);
            free(s);
        }
    }
    {
        artconv_article *a = NULL;
        artconv_error err;

        is_int(read_html(&a, article, sizeof article - 1, 0, 0, NULL, &err, NULL), 0,
               "a bare paragraph reads");
        ok(has_text(a, "This paragraph is the article"), "a bare paragraph is the article");
        artconv_article_free(a);
        a = NULL;
        is_int(read_html(&a, "", 0, 0, 0, NULL, &err, NULL), 0, "empty input: an empty article");
        ok(a != NULL && artconv_node_first_child(artconv_article_body(a)) == NULL,
           "empty input: no blocks");
        artconv_article_free(a);
    }
}

static void test_titles(void)
{
    struct {
        const char *html, *want;
    } cases[] = {
        {"<title>A long headline about the harbour | The Week</title>",
         "A long headline about the harbour"},
        {"<meta property='og:site_name' content='Gazette'><title>Gazette - Short one</title>",
         "Short one"},
        {"<title>Four Words Only Here - Site</title>", "Four Words Only Here - Site"},
        {"<meta property='og:title' content='OG wins'><title>Title tag</title>", "OG wins"},
        {"<script type='application/ld+json'>{\"@type\":\"ReportageNewsArticle\","
         "\"headline\":\"LD wins\",\"author\":\"By Ann Lee and Bo Chan\"}</script>"
         "<meta property='og:title' content='OG loses'>",
         "LD wins"},
        /* One level of character references left in a metadata value. */
        {"<meta property='og:title' content='Fish &amp;#038; chips: a history'>",
         "Fish & chips: a history"},
        /* The visible headline gives its wording, and cuts the site part. */
        {"<title>Mobile design - the ultimate guide for 2025 | Example Site</title>"
         "<body><h1>Mobile Design: The Ultimate Guide for 2025</h1><p>x</p></body>",
         "Mobile Design: The Ultimate Guide for 2025"},
        /* A logo h1 in the header's nav is no headline. */
        {"<title>Harbour bridge to reopen at the end of the month | Gazette</title>"
         "<body><nav><h1>Harbour bridge to reopen at the end of the month</h1></nav>"
         "<h1>Harbour Bridge To Reopen At The End Of The Month</h1></body>",
         "Harbour Bridge To Reopen At The End Of The Month"},
        /* An h1 that differs only in quotes keeps the metadata's. */
        {"<meta property='og:title' content=\"'Star' cuts to be released\">"
         "<body><h1>\xE2\x80\x98Star\xE2\x80\x99 cuts to be released</h1></body>",
         "'Star' cuts to be released"},
        /* A short last part (an author's or a site's name) goes: the
         * visible headline is the title (issue 15's rule). */
        {"<meta name='author' content='Ann Lee'>"
         "<meta property='og:title' content='Why the harbour bridge closed for a month | Ann Lee'>"
         "<body><h1>Why the harbour bridge closed for a month</h1></body>",
         "Why the harbour bridge closed for a month"},
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        artconv_article *a = NULL;
        artconv_error err;

        if (read_html(&a, cases[i].html, strlen(cases[i].html), 0, 0, NULL, &err, NULL) == 0)
            is_str(artconv_article_get(a, ARTCONV_META_TITLE), cases[i].want, cases[i].want);
        if (i == 4) {
            is_int(artconv_article_list_count(a, ARTCONV_LIST_AUTHORS), 2,
                   "JSON-LD byline split into two authors");
            is_str(artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, 0), "Ann Lee",
                   "no \"By\" before the first author");
        }
        artconv_article_free(a);
    }
}

/* References a CMS left written out in metadata values are decoded once,
 * in the description and the publisher as in the title; URLs keep theirs. */
static void test_metadata_references(void)
{
    static const char page[] =
        "<meta property='og:description' content='Tides &amp;#038; ferries: what&amp;#8217;s next'>"
        "<meta property='og:site_name' content='Harbour &amp;amp; Coast'>"
        "<meta property='og:image' content='https://example.org/i.jpg?a=1&amp;amp;b=2'>"
        "<title>Bridge reopens</title>";
    artconv_article *a = NULL;
    artconv_error err;

    if (ok(read_html(&a, page, strlen(page), 0, 0, NULL, &err, NULL) == 0,
           "metadata references: read")) {
        is_str(artconv_article_get(a, ARTCONV_META_DESCRIPTION),
               "Tides & ferries: what\xE2\x80\x99s next", "description: references decoded once");
        is_str(artconv_article_get(a, ARTCONV_META_PUBLISHER), "Harbour & Coast",
               "publisher: references decoded once");
        is_str(artconv_article_get(a, ARTCONV_META_IMAGE), "https://example.org/i.jpg?a=1&amp;b=2",
               "image URL: left as the page wrote it");
    }
    artconv_article_free(a);
}

/* Authors that only the scholarly citation metas or an SEO plugin's
 * "Written by" link-preview pair name; another label is not an author. */
static void test_declared_author_metas(void)
{
    static const struct {
        const char *html, *want;
    } cases[] = {
        {"<meta name='citation_author' content='Ann Lee'><title>Tides</title>", "Ann Lee"},
        {"<meta name='twitter:label1' content='Written by'>"
         "<meta name='twitter:data1' content='Bo Chan'><title>Tides</title>",
         "Bo Chan"},
        {"<meta name='twitter:label1' content='Est. reading time'>"
         "<meta name='twitter:data1' content='4 minutes'>"
         "<meta name='twitter:label2' content='Geschrieben von'>"
         "<meta name='twitter:data2' content='Cem Demir'><title>Tides</title>",
         "Cem Demir"},
        {"<meta name='twitter:label1' content='Est. reading time'>"
         "<meta name='twitter:data1' content='4 minutes'><title>Tides</title>",
         NULL},
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        artconv_article *a = NULL;
        artconv_error err;

        if (read_html(&a, cases[i].html, strlen(cases[i].html), 0, 0, NULL, &err, NULL) != 0) {
            ok(0, "declared author metas: read");
        } else if (cases[i].want == NULL) {
            is_int(artconv_article_list_count(a, ARTCONV_LIST_AUTHORS), 0,
                   "a twitter:data1 under another label is no author");
        } else {
            is_str(artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, 0), cases[i].want,
                   cases[i].want);
        }
        artconv_article_free(a);
    }
}

/* Ruby readings (rt, rp) are not run into the text they annotate. */
static void test_ruby(void)
{
    static const char page[] =
        "<body><p>\xE5\xAD\x90<ruby>\xE4\xBE\x9B<rp>(</rp><rt>\xE3\x81\xA9\xE3\x82\x82"
        "</rt><rp>)</rp></ruby>\xE3\x81\x9F\xE3\x81\xA1</p></body>";
    artconv_article *a = NULL;
    artconv_error err;

    if (ok(read_html(&a, page, strlen(page), 0, 0, NULL, &err, NULL) == 0, "ruby: read")) {
        char *text = body_text(a);

        ok(strstr(text, "\xE5\xAD\x90\xE4\xBE\x9B\xE3\x81\x9F\xE3\x81\xA1") != NULL &&
               strstr(text, "(") == NULL,
           "ruby: the base text only, without its readings or brackets");
        free(text);
    }
    artconv_article_free(a);
}

/* With no article object, the page's own schema.org WebPage (here in
 * @graph) gives the date; an article object's date still wins. */
static void test_jsonld_page_date(void)
{
    static const char page_only[] =
        "<script type='application/ld+json'>{\"@graph\":[{\"@type\":\"Organization\","
        "\"name\":\"Gazette\"},{\"@type\":\"WebPage\",\"datePublished\":"
        "\"2024-03-14T07:30:00+00:00\"}]}</script><title>Harbour bridge reopens</title>";
    static const char both[] =
        "<script type='application/ld+json'>[{\"@type\":\"WebPage\",\"datePublished\":"
        "\"2020-01-01\"},{\"@type\":\"NewsArticle\",\"headline\":\"Bridge\","
        "\"datePublished\":\"2024-03-14\"}]</script>";
    artconv_article *a = NULL;
    artconv_error err;

    if (ok(read_html(&a, page_only, strlen(page_only), 0, 0, NULL, &err, NULL) == 0,
           "JSON-LD WebPage: read"))
        is_str(artconv_article_get(a, ARTCONV_META_DATE), "2024-03-14T07:30:00Z",
               "JSON-LD WebPage in @graph: its datePublished is the date");
    artconv_article_free(a);
    a = NULL;
    if (ok(read_html(&a, both, strlen(both), 0, 0, NULL, &err, NULL) == 0,
           "JSON-LD WebPage and article: read"))
        is_str(artconv_article_get(a, ARTCONV_META_DATE), "2024-03-14",
               "JSON-LD: the article's datePublished beats the page's");
    artconv_article_free(a);
}

/* Prose enough for the extractor to take the <article> as the content. */
#define PROSE                                                                                      \
    "<p>The harbour authority said on Tuesday that the bridge, closed since the storm, would "     \
    "reopen to traffic at the end of the month, once engineers have finished their checks.</p>"    \
    "<p>Ferry operators, who carried twice their usual load while the bridge was shut, said "      \
    "they would keep the extra sailings until the school holidays, to be on the safe side.</p>"    \
    "<p>Residents of the north shore, where the queues were longest, welcomed the news, though "   \
    "several said the council should have acted sooner, and that the detour cost them hours.</p>"

/* A page: `head`, a side column `side`, then the article opening with `top`. */
static artconv_article *page_article(const char *head, const char *side, const char *top)
{
    artconv_buf page = ARTCONV_BUF_INIT;
    artconv_article *a = NULL;
    artconv_error err;

    artconv_buf_puts(&page, "<html><head><title>Bridge to reopen at the end of the month</title>");
    artconv_buf_puts(&page, head);
    artconv_buf_puts(&page, "</head><body><div class='side'>");
    artconv_buf_puts(&page, side);
    artconv_buf_puts(&page, "</div><article><h1>Bridge to reopen at the end of the month</h1>");
    artconv_buf_puts(&page, top);
    artconv_buf_puts(&page, PROSE "</article></body></html>");
    if (read_html(&a, page.ptr, page.len, 0, 0, NULL, &err, NULL) != 0)
        a = NULL;
    artconv_buf_dispose(&page);
    return a;
}

/* The authors joined with "; ", or "" (a static buffer: tests only). */
static const char *authors_of(const artconv_article *a)
{
    static char buf[512];
    size_t i, n = a == NULL ? 0 : artconv_article_list_count(a, ARTCONV_LIST_AUTHORS);

    buf[0] = '\0';
    for (i = 0; i < n; i++)
        snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s", i > 0 ? "; " : "",
                 artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, i));
    return buf;
}

static void test_bylines(void)
{
    static const struct {
        const char *head, *side, *top, *want, *what;
    } cases[] = {
        {"", "<div class='followauthor'>Katie Couric</div>",
         "<div class='FeatureByline'>By <b>Jane Roe</b><br>March 25, 2015</div>", "Jane Roe",
         "the byline next to the article beats a box elsewhere; date line cut; class "
         "matched without case"},
        {"", "<span class='byline'><a href='/writer/x'>Other Writer</a></span>",
         "<span class='byline'><a rel='author' href='/writer/y'>Richard Eskow</a></span>",
         "Richard Eskow", "a byline in a list of other stories loses to the article's"},
        {"", "<span class='dateline'>Sunday, Feb 1, 2015</span>", "", "",
         "a dateline is not a byline"},
        {"<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"creator\":\"CC7567\"}"
         "</script>",
         "",
         "<div class='byline'><span class='author-name'>James Akinaka</span> \xE2\x80\xA2 8h</div>",
         "James Akinaka", "the visible byline beats JSON-LD creator; a bullet ends the names"},
        {"<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"creator\":\"CC7567\"}"
         "</script>",
         "", "", "CC7567", "JSON-LD creator when no byline shows"},
        {"", "", "<div class='author-details'><em>Last Updated:</em> January 7, 2025</div>", "",
         "a label and a date name no one"},
        {"", "",
         "<div class='author_fmt'>By <a rel='author' href='/b'>Brenda  Goodman</a>, MA</div>",
         "Brenda Goodman", "an author link; whitespace collapsed"},
        {"", "", "<p class='byline'>By Brenda Goodman, MA<br>WebMD Health News</p>",
         "Brenda Goodman", "a degree after the name is not an author"},
        {"", "", "<p class='byline author'>Written by Rob Ewaschuk<br>Edited by Betsy Beyer</p>",
         "Rob Ewaschuk", "\"Written by\": the writer, not the editor"},
        {"<meta property='og:article:author' content='BBC News'>", "",
         "<p class='byline'>By Someone Else</p>", "BBC News",
         "og:article:author is read, and declared authors beat the visible byline"},
        {"", "",
         "<aside><div class='sidebar__author'><a href='/authors/j'><h3>Joshua Sokol</h3>"
         "<p>Contributing Correspondent</p></a></div></aside>"
         "<h6 class='byline'>By <a href='/authors/j'>Joshua Sokol</a></h6>",
         "Joshua Sokol", "an author card in an aside ranks after the byline in the flow"},
        {"<meta name='DC.Creator' content='Kooman, F.'>"
         "<meta name='DC.Creator' content='Jong, Michiel de'>",
         "", "", "F. Kooman; Michiel de Jong",
         "Dublin Core creators, each \"Last, First\", in order"},
        {"<meta name='DC.Creator' content='Jane Doe, John Smith'>", "", "",
         "Jane Doe; John Smith", "a DC.Creator that lists full names stays a list"},
        {"", "",
         "<div class='author-label'>Written By</div>"
         "<div class='byline'>By <a rel='author' href='/a/k'>Kim Lee</a></div>",
         "Kim Lee", "a byline box that holds only its label gives way to the next byline"},
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        artconv_article *a = page_article(cases[i].head, cases[i].side, cases[i].top);

        is_str(authors_of(a), cases[i].want, cases[i].what);
        if (i == 0 && a != NULL)
            ok(!has_text(a, "Jane Roe") && has_text(a, "harbour authority"),
               "the chosen byline does not repeat in the body");
        artconv_article_free(a);
    }
}

static void test_datelines(void)
{
    static const struct {
        const char *lead, *dateline, *rest;
    } cases[] = {
        {"LONDON \xE2\x80\x94 After nearly 20 years of hostile relations, the government plans "
         "to lift its sanctions.",
         "LONDON", "After nearly 20 years"},
        {"NEW DELHI: The government on Monday announced a new plan for the capital's air, which "
         "has been the worst in the world.",
         "NEW DELHI", "The government on Monday"},
        {"MOSCOW (AP) \xE2\x80\x94 An unmanned Russian cargo spaceship heading to the station "
         "broke up in the atmosphere.",
         "MOSCOW", "An unmanned Russian"},
        {"SEOUL, South Korea \xE2\x80\x93 A plan to impeach the president over his short-lived "
         "martial law failed on Saturday.",
         "SEOUL, South Korea", "A plan to impeach"},
        {"<strong>CAIRO</strong> \xE2\x80\x94 Gunmen opened fire on visitors at the country's "
         "most renowned museum on Wednesday.",
         "CAIRO", "Gunmen opened fire"},
        {"UPDATE: The bridge will now reopen a week earlier than planned, the authority said on "
         "Friday evening.",
         NULL, "UPDATE: The bridge"},
        {"NASA \xE2\x80\x94 the agency, not the place \xE2\x80\x94 said the launch would go ahead "
         "on Friday morning as planned.",
         NULL, "NASA"},
        {"The BBC said on Monday that its LONDON office would close for the holidays, like every "
         "other year.",
         NULL, "The BBC said"},
        {"Paris \xE2\x80\x94 Only capitals make a dateline here, so this opening stays as it is in "
         "the paragraph.",
         NULL, "Paris"},
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        artconv_buf top = ARTCONV_BUF_INIT;
        artconv_article *a;
        const artconv_node *p;
        artconv_buf text = ARTCONV_BUF_INIT;
        char what[160];

        artconv_buf_puts(&top, "<p>");
        artconv_buf_puts(&top, cases[i].lead);
        artconv_buf_puts(&top, "</p>");
        a = page_article("", "", top.ptr);
        snprintf(what, sizeof what, "dateline case %zu: %s", i + 1,
                 cases[i].dateline != NULL ? cases[i].dateline : "none");
        if (!ok(a != NULL, what)) {
            artconv_buf_dispose(&top);
            continue;
        }
        if (cases[i].dateline == NULL)
            ok(artconv_article_get(a, ARTCONV_META_DATELINE) == NULL, what);
        else
            is_str(artconv_article_get(a, ARTCONV_META_DATELINE), cases[i].dateline, what);
        p = find_kind(a, ARTCONV_NODE_PARAGRAPH);
        if (p != NULL)
            ac_plain_text(&text, p);
        ok(text.ptr != NULL && strncmp(text.ptr, cases[i].rest, strlen(cases[i].rest)) == 0,
           "the first paragraph starts where the dateline ended (or as it was)");
        artconv_buf_dispose(&text);
        artconv_buf_dispose(&top);
        artconv_article_free(a);
    }
}

/* The byline and dateline rules the HTML reader shares with the text
 * reader (formats/shared/news.c, dateline.c): those it lacked before they
 * were one rule, each with a case that main's HTML reader got wrong. */
static void test_shared_news_rules(void)
{
    static const struct {
        const char *head, *lead, *authors, *credit, *dateline, *date, *rest, *what;
    } cases[] = {
        {"<meta name='author' content='Written by Jane Doe'>", NULL, "Jane Doe", NULL, NULL, NULL,
         NULL, "byline: \"Written by\" opens a declared one too"},
        {"<meta name='author' content='Von Hans M\xC3\xBCller und Eva Schmidt'>", NULL,
         "Hans M\xC3\xBCller; Eva Schmidt", NULL, NULL, NULL, NULL,
         "byline: German \"Von\", joined by \"und\""},
        {"<meta name='author' content='Par Jean Dupont et Marie Curie'>", NULL,
         "Jean Dupont; Marie Curie", NULL, NULL, NULL, NULL, "byline: French \"et\" joins names"},
        {"<meta name='author' content='Por Ana G\xC3\xB3mez e Luis Silva'>", NULL,
         "Ana G\xC3\xB3mez; Luis Silva", NULL, NULL, NULL, NULL,
         "byline: Portuguese \"e\" joins names"},
        {"<meta name='author' content='Von Miller'>", NULL, "Von Miller", NULL, NULL, NULL, NULL,
         "byline: \"Von\" before one name is part of it"},
        {"<meta name='author' content='Jane Doe and John Smith et al.'>", NULL,
         "Jane Doe; John Smith et al", NULL, NULL, NULL, NULL,
         "byline: \"et\" joins names only after \"Par\""},
        {"<meta name='author' content='Jane Doe, Associated Press'>", NULL, "Jane Doe",
         "Associated Press", NULL, NULL, NULL,
         "byline: an agency beside a person is the credit"},
        {"<meta name='author' content='Reuters'>", NULL, "Reuters", NULL, NULL, NULL, NULL,
         "byline: an agency alone stays the author"},
        {"<meta name='author' content='Posted by Jane Doe, Sat, Dec'>", NULL, "Jane Doe", NULL,
         NULL, NULL, NULL, "byline: a label before the name and weekday or month parts are no names"},
        {"<meta name='author' content='262588213843476'>", NULL, "", NULL, NULL, NULL, NULL,
         "byline: an account number is no author"},
        {"<meta name='author' content='About The Author'>", NULL, "", NULL, NULL, NULL, NULL,
         "byline: a byline label alone is no author"},
        {"", "MOSCOW (AP) \xE2\x80\x94 An unmanned Russian cargo spaceship heading to the station "
             "broke up in the atmosphere.",
         "", "AP", "MOSCOW", NULL, "An unmanned Russian",
         "dateline: the agency is the credit, not part of the place"},
        {"", "S\xC3\x83O PAULO \xE2\x80\x94 Brazil's largest city opened its new metro line on "
             "Monday after ten years of work.",
         "", NULL, "S\xC3\x83O PAULO", NULL, "Brazil's largest city",
         "dateline: capitals outside ASCII"},
        {"", "PARIS, March 3, 2024 (Reuters) - French museums reopened on Sunday after a strike "
             "that lasted two weeks.",
         "", "Reuters", "PARIS", "2024-03-03", "French museums reopened",
         "dateline: its date, with a comma, is the article's date"},
        {"", "WASHINGTON, Jan. 5 (UPI) -- Lawmakers returned to the capital on Friday to vote on "
             "the spending bill.",
         "", "UPI", "WASHINGTON", NULL, "Lawmakers returned",
         "dateline: a date without a year is neither place nor date"},
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        artconv_buf top = ARTCONV_BUF_INIT, text = ARTCONV_BUF_INIT;
        const artconv_node *p;
        artconv_article *a;

        if (cases[i].lead != NULL) {
            artconv_buf_puts(&top, "<p>");
            artconv_buf_puts(&top, cases[i].lead);
            artconv_buf_puts(&top, "</p>");
        }
        a = page_article(cases[i].head, "", top.ptr != NULL ? top.ptr : "");
        artconv_buf_dispose(&top);
        if (!ok(a != NULL, cases[i].what))
            continue;
        is_str(authors_of(a), cases[i].authors, cases[i].what);
        is_str(artconv_article_get(a, ARTCONV_META_CREDIT), cases[i].credit, cases[i].what);
        is_str(artconv_article_get(a, ARTCONV_META_DATELINE), cases[i].dateline, cases[i].what);
        is_str(artconv_article_get(a, ARTCONV_META_DATE), cases[i].date, cases[i].what);
        if (cases[i].rest != NULL) {
            p = find_kind(a, ARTCONV_NODE_PARAGRAPH);
            if (p != NULL)
                ac_plain_text(&text, p);
            ok(text.ptr != NULL && strncmp(text.ptr, cases[i].rest, strlen(cases[i].rest)) == 0,
               cases[i].what);
            artconv_buf_dispose(&text);
        }
        artconv_article_free(a);
    }
}

/* The seed's site boilerplate and the usual chrome never reach any output. */
static void test_chrome(void)
{
    static const char *const chrome[] = {"Powered by",
                                         "is now on Telegram",
                                         "join our channel",
                                         "Share this",
                                         "Follow us",
                                         "Sign up for our newsletter",
                                         "Advertisement",
                                         "cookies",
                                         "All rights reserved",
                                         "Continue reading the main story",
                                         NULL};
    static const char *const formats[] = {"markdown", "text", "json", "html", NULL};
    const char *side =
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        "<div id='cookie-banner'>We use cookies to improve your experience. Accept</div>";
    const char *top =
        "<div class='share-bar'>Share this <a href='#'>Facebook</a> <a href='#'>X</a></div>"
        "<p>Harbour Times is now on Telegram. Click here to join our channel for the latest "
        "news.</p>"
        "<div class='ad-slot'><p>Advertisement</p></div>"
        "<a href='#after-ad'>Continue reading the main story</a>"
        "<p><strong>Sign up for our newsletter</strong> to get the morning briefing.</p>"
        "<p>Follow us on Facebook and Instagram for more.</p>";
    artconv_buf page = ARTCONV_BUF_INIT;
    artconv_article *a = NULL;
    artconv_error err;
    size_t i, k;

    artconv_buf_puts(&page, "<html><head><title>Bridge to reopen</title></head><body>");
    artconv_buf_puts(&page, side);
    artconv_buf_puts(&page, "<article><h1>Bridge to reopen</h1>");
    artconv_buf_puts(&page, top);
    artconv_buf_puts(&page, PROSE "</article><footer>Powered by NewsPress. &copy; 2024 Harbour "
                                  "Times. All rights reserved.</footer></body></html>");
    if (!ok(read_html(&a, page.ptr, page.len, 0, 0, NULL, &err, NULL) == 0, "chrome page reads")) {
        artconv_buf_dispose(&page);
        return;
    }
    for (k = 0; formats[k] != NULL; k++) {
        artconv_buf out = ARTCONV_BUF_INIT;
        char what[160];

        if (!ok(artconv_write(&out, artconv_format_by_name(formats[k]), a, NULL, &err) == 0,
                formats[k])) {
            artconv_buf_dispose(&out);
            continue;
        }
        ok(strstr(out.ptr, "harbour authority said") != NULL, "the article is in the output");
        for (i = 0; chrome[i] != NULL; i++) {
            snprintf(what, sizeof what, "%s output: no \"%s\"", formats[k], chrome[i]);
            ok(strstr(out.ptr, chrome[i]) == NULL, what);
        }
        artconv_buf_dispose(&out);
    }
    artconv_article_free(a);
    artconv_buf_dispose(&page);
}

/* Text of `a` as the text writer gives it, in `out`. */
static int precision_text(artconv_buf *out, const char *body)
{
    artconv_article *a = NULL;
    artconv_error err;
    int rc;

    rc = read_html(&a, body, strlen(body), 0, 0, NULL, &err, NULL);
    if (rc == 0)
        rc = artconv_write(out, artconv_format_by_name("text"), a, NULL, &err);
    artconv_article_free(a);
    return rc;
}

/* Precision: pointers to other stories, headings left with nothing under
 * them, the author's box; recall: an article swallowed by an unclosed nav. */
static void test_precision(void)
{
    artconv_buf out = ARTCONV_BUF_INIT;
    const char *page =
        "<html><head><title>Bridge to reopen</title></head><body><article>"
        "<h1>Bridge to reopen</h1><p class='byline'>By Jane Doe</p>" PROSE
        "<p><a href='/other'>Ferry timetable changes for the winter season</a></p>" PROSE
        "<h2>More on this story</h2>"
        "<p><a href='/a'>Council approves the harbour budget for next year</a></p>"
        "<p><a href='/b'>Fishing fleet returns early after the storm warning</a></p>"
        "<div class='author-bio'><p>Jane Doe covers transport and the harbour for the "
        "paper.</p></div></article></body></html>";
    const char *unclosed =
        "<html><head><title>Bridge to reopen</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a>"
        "<div><h1>Bridge to reopen</h1>" PROSE PROSE "</div></body></html>";

    if (ok(precision_text(&out, page) == 0, "precision page reads")) {
        ok(strstr(out.ptr, "harbour authority said") != NULL, "... the article is kept");
        ok(strstr(out.ptr, "Ferry timetable") == NULL, "... a link-only line is dropped");
        ok(strstr(out.ptr, "More on this story") == NULL,
           "... a heading with nothing left under it is dropped");
        ok(strstr(out.ptr, "covers transport") == NULL, "... the author's box is dropped");
    }
    artconv_buf_clear(&out);
    if (ok(precision_text(&out, unclosed) == 0, "unclosed nav page reads"))
        ok(strstr(out.ptr, "harbour authority said") != NULL,
           "... the article a nav left open swallows is kept");
    artconv_buf_dispose(&out);
}

/* The Markdown reader's entry point for raw HTML. */
static void test_fragment(void)
{
    artconv_article *a = artconv_article_new();
    artconv_node *body = artconv_article_body(a), *para, *n;
    artconv_error err;
    artconv_buf text = ARTCONV_BUF_INIT, deep = ARTCONV_BUF_INIT;
    const char *blocks = "<h2>Sub</h2><p>One <em>two</em> <a href='x/y.html' "
                         "onclick='evil()'>three</a></p><div hidden>Kept hidden</div>"
                         "<script>alert(1)</script><ul><li>item</li></ul>"
                         "<p><a href='javascript:alert(1)'>trap</a></p>";
    size_t i;

    if (!ok(a != NULL, "an article for the fragment"))
        return;
    is_int(ac_html_fragment_to_model(body, blocks, strlen(blocks), "https://example.org/news/",
                                     NULL, &err),
           0, "blocks: read with NULL options");
    n = artconv_node_first_child(body);
    is_int(artconv_node_get_kind(n), ARTCONV_NODE_HEADING, "blocks: a heading first");
    is_int(artconv_node_get_level(n), 2, "blocks: its level");
    n = artconv_node_next(n);
    is_int(artconv_node_get_kind(n), ARTCONV_NODE_PARAGRAPH, "blocks: then a paragraph");
    ok(find_kind(a, ARTCONV_NODE_EMPH) != NULL, "blocks: emphasis kept");
    is_str(artconv_node_get_url(find_kind(a, ARTCONV_NODE_LINK)),
           "https://example.org/news/x/y.html", "blocks: a relative link resolved on base_url");
    ok(has_text(a, "Kept hidden"), "blocks: nothing hidden is dropped (no extraction)");
    ok(!has_text(a, "alert"), "blocks: scripts skipped");
    ok(find_kind(a, ARTCONV_NODE_LIST) != NULL, "blocks: the list kept");
    ok(has_text(a, "trap"), "blocks: a javascript: link keeps its text");
    {
        artconv_iter *it;
        artconv_event ev;
        int js = 0;

        it = artconv_iter_new(body);
        while ((ev = artconv_iter_next(it)) != ARTCONV_EVENT_DONE) {
            const char *u = artconv_node_get_url(artconv_iter_node(it));

            js += ev == ARTCONV_EVENT_ENTER && u != NULL && strstr(u, "javascript") != NULL;
        }
        artconv_iter_free(it);
        is_int(js, 0, "blocks: no javascript: URL in the model");
    }
    ok(artconv_article_check(a, &err) == 0, "blocks: the model's invariants hold");

    /* Inlines into a paragraph: blocks are flattened. */
    para = artconv_node_new(ARTCONV_NODE_PARAGRAPH);
    artconv_node_append(body, para, &err);
    is_int(ac_html_fragment_to_model(para, "<b>bold</b><p>block one</p><p>block two</p>", 44, NULL,
                                     NULL, &err),
           0, "inlines: read");
    for (n = artconv_node_first_child(para); n != NULL; n = artconv_node_next(n))
        ok(artconv_node_kind_is_inline(artconv_node_get_kind(n)), "inlines: only inline nodes");
    ac_plain_text(&text, para);
    ok(text.ptr != NULL && strstr(text.ptr, "bold") != NULL && strstr(text.ptr, "block one") &&
           strstr(text.ptr, "block two") != NULL,
       "inlines: the text of every block is there");
    ok(find_kind(a, ARTCONV_NODE_STRONG) != NULL, "inlines: strong kept");
    ok(artconv_article_check(a, &err) == 0, "inlines: the model's invariants hold");

    /* Relative links stay relative without a base. */
    para = artconv_node_new(ARTCONV_NODE_PARAGRAPH);
    artconv_node_append(body, para, &err);
    is_int(ac_html_fragment_to_model(para, "<a href='rel/page'>r</a>", 24, NULL, NULL, &err), 0,
           "no base: read");
    is_str(artconv_node_get_url(artconv_node_first_child(para)), "rel/page",
           "no base: the link stays as written");

    /* Bad bytes are repaired; the charset rules are the reader's. */
    para = artconv_node_new(ARTCONV_NODE_PARAGRAPH);
    artconv_node_append(body, para, &err);
    is_int(
        ac_html_fragment_to_model(para, "caf\xC3\xA9 na\xC3\xAFve \xFF ok", 17, NULL, NULL, &err),
        0, "bad bytes: read");
    artconv_buf_clear(&text);
    ac_plain_text(&text, para);
    ok(text.ptr != NULL && strstr(text.ptr, "caf\xC3\xA9") != NULL &&
           strstr(text.ptr, "\xEF\xBF\xBD") != NULL,
       "bad bytes: UTF-8 kept, the bad byte is U+FFFD");

    /* Too deep: an error, not a crash or a truncated tree. */
    for (i = 0; i < 100000; i++)
        artconv_buf_puts(&deep, "<div>");
    artconv_buf_puts(&deep, "deep");
    ok(ac_html_fragment_to_model(body, deep.ptr, deep.len, NULL, NULL, &err) == ARTCONV_ELIMIT,
       "100,000 nested divs: ARTCONV_ELIMIT");
    ok(ac_html_fragment_to_model(body, "", 0, NULL, NULL, &err) == 0, "empty fragment: fine");
    ok(artconv_article_check(a, &err) == 0, "after all: the model's invariants hold");
    artconv_buf_dispose(&text);
    artconv_buf_dispose(&deep);
    artconv_article_free(a);
}

/* Issue 14: one decoder, one charset policy for every reader
 * (formats/shared/decode.c; docs/limits.md, "Input decoding"). */
static void test_one_decoder(void)
{
    static const char want[] =
        "Na\xC3\xAFve \xE2\x80\x9Cquoted\xE2\x80\x9D caf\xC3\xA9 \xE2\x82\xAC 5";
    static const char txt[] = "Headline\n\nNa\xEFve \x93quoted\x94 caf\xE9 \x80 5\n";
    static const char mdown[] = "# Headline\n\nNa\xEFve \x93quoted\x94 caf\xE9 \x80 5\n";
    static const char page[] = "<h1>Headline</h1><p>Na\xEFve \x93quoted\x94 caf\xE9 \x80 5</p>";
    static const char koi8[] = "<meta charset=\"koi8-r\"><p>\xF0\xD2\xC9\xD7\xC5\xD4</p>";
    static const char greek[] = "<meta http-equiv='Content-Type' content='text/html; "
                                "charset=ISO-8859-7'><p>\xC1\xE8\xDE\xED\xE1</p>";
    static const char lying[] = "<meta charset=\"koi8-r\"><p>\xD0\x9F\xD1\x80\xD0\xB8</p>";
    static const char be[] = "\xFE\xFF\0<\0p\0>\0c\0a\0f\0\xE9\0<\0/\0p\0>";
    static const char nul[] = "<p>a\0b</p>";
    static const char stray[] = "<p>caf\xC3\xA9\n cr\xC3\xA8me \xFF</p>";
    artconv_article *a = NULL;
    artconv_error err;
    warnings ws;
    char *t;

    /* The same Windows-1252 bytes read the same as .txt, .md and .html. */
    is_int(artconv_read(&a, artconv_format_by_name("text"), txt, sizeof txt - 1, NULL, &err), 0,
           "one decoder: Latin-1 .txt reads");
    /* A lone paragraph under the headline is the text reader's standfirst. */
    ok(artconv_article_get(a, ARTCONV_META_SUBTITLE) != NULL &&
           strcmp(artconv_article_get(a, ARTCONV_META_SUBTITLE), want) == 0,
       "one decoder: .txt as Windows-1252");
    artconv_article_free(a);
    a = NULL;
    is_int(artconv_read(&a, artconv_format_by_name("markdown"), mdown, sizeof mdown - 1, NULL,
                        &err),
           0, "one decoder: Latin-1 .md reads");
    t = body_text(a);
    ok(t != NULL && strstr(t, want) != NULL, "one decoder: .md the same text");
    free(t);
    artconv_article_free(a);
    a = NULL;
    is_int(read_html(&a, page, sizeof page - 1, 1, 0, &ws, &err, NULL), 0,
           "one decoder: Latin-1 .html reads");
    ok(has_text(a, want), "one decoder: .html the same text");
    ok(ws.count == 1 && strstr(ws.last, "Windows-1252") != NULL,
       "one decoder: undeclared, so a warning says Windows-1252 was guessed, as for .txt");
    artconv_article_free(a);
    a = NULL;
    is_int(read_html(&a, page, sizeof page - 1, 1, 1, NULL, &err, NULL), ARTCONV_EPARSE,
           "one decoder: undeclared Latin-1 .html under strict: an error, as for .txt");
    ok(err.line == 1 && err.column == 23, "... at line 1, column 23");

    /* A declared charset is honoured, unless the text is UTF-8 that uses it. */
    is_int(read_html(&a, koi8, sizeof koi8 - 1, 1, 1, &ws, &err, NULL), 0,
           "one decoder: <meta charset=koi8-r> reads strictly");
    ok(has_text(a, "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82"), "... as KOI8-R");
    is_int(ws.count, 0, "... without a warning");
    artconv_article_free(a);
    a = NULL;
    is_int(read_html(&a, greek, sizeof greek - 1, 1, 0, NULL, &err, NULL), 0,
           "one decoder: http-equiv ISO-8859-7 reads");
    ok(has_text(a, "\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1"), "... as Greek");
    artconv_article_free(a);
    a = NULL;
    is_int(read_html(&a, lying, sizeof lying - 1, 1, 0, NULL, &err, NULL), 0,
           "one decoder: says KOI8-R, is UTF-8: reads");
    ok(has_text(a, "\xD0\x9F\xD1\x80\xD0\xB8"), "... valid multi-byte UTF-8 wins");
    artconv_article_free(a);
    a = NULL;

    /* UTF-16 by its BOM. */
    is_int(read_html(&a, be, sizeof be - 1, 1, 0, NULL, &err, NULL), 0,
           "one decoder: UTF-16BE BOM reads");
    ok(has_text(a, "caf\xC3\xA9"), "... as UTF-16BE");
    artconv_article_free(a);
    a = NULL;

    /* NUL: U+FFFD with a warning; under strict an error with its place. */
    is_int(read_html(&a, nul, sizeof nul - 1, 1, 0, &ws, &err, NULL), 0, "one decoder: NUL reads");
    ok(has_text(a, "a\xEF\xBF\xBD" "b"), "... as U+FFFD");
    ok(ws.count == 1 && strstr(ws.last, "U+FFFD") != NULL && strstr(ws.last, "line 1") != NULL,
       "... with a warning that names the line");
    artconv_article_free(a);
    a = NULL;
    is_int(read_html(&a, nul, sizeof nul - 1, 1, 1, NULL, &err, NULL), ARTCONV_EPARSE,
           "one decoder: NUL under strict: an error");
    ok(err.line == 1 && err.column == 5 && strstr(err.message, "U+0000") != NULL,
       "... forbidden character U+0000 at line 1, column 5");

    /* A byte the declared charset leaves undefined: under strict, an error. */
    is_int(read_html(&a, "<meta charset=windows-1252><p>x\x81</p>", 36, 1, 1, NULL, &err, NULL),
           ARTCONV_EPARSE, "one decoder: a byte Windows-1252 leaves undefined under strict");
    ok(err.line == 1 && err.column == 32 && strstr(err.message, "Windows-1252") != NULL,
       "... names the charset, line 1, column 32");

    /* A stray byte in UTF-8: U+FFFD; under strict its line and column. */
    is_int(read_html(&a, stray, sizeof stray - 1, 1, 1, NULL, &err, NULL), ARTCONV_EPARSE,
           "one decoder: a stray byte in UTF-8 under strict: an error");
    ok(err.line == 2 && err.column == 8 && strstr(err.message, "0xFF") != NULL,
       "... naming byte 0xFF at line 2, column 8");
}

/* A product's page: its main region holds the name, a short description,
 * the specs and a longer text, each in a box of its own.  The main content
 * is all of them, not the longest box alone; an article's page that names
 * itself one keeps to its prose. */
static void test_page_kinds(void)
{
    static const char *const kinds[] = {
        "<script type='application/ld+json'>{\"@context\":\"https://schema.org\","
        "\"@type\":\"Product\",\"name\":\"Oak desk\"}</script>",
        "<meta property='og:type' content='product'>", NULL};
    const char *main_region =
        "<main><div class='hero'><h2>Oak desk</h2><p>Solid oak, one hundred and twenty "
        "centimetres wide, oiled by hand and made to order in our workshop.</p>"
        "<p>Free delivery; assembly takes ten minutes with the key in the box.</p></div>"
        "<div class='specs'><ul><li>Height: 74 cm</li><li>Weight: 31 kg</li>"
        "<li>Top: 120 x 60 cm, 3 cm thick</li><li>Legs: steel, powder-coated black</li>"
        "<li>Load: up to 80 kg, spread evenly</li><li>Finish: natural oil</li>"
        "<li>Wood: European oak, from managed forests</li><li>Warranty: ten years</li>"
        "<li>Delivery: two to three weeks, by appointment</li></ul></div>"
        "<div class='about'>" PROSE "</div></main>";
    artconv_buf page = ARTCONV_BUF_INIT;
    artconv_article *a = NULL;
    artconv_error err;
    warnings ws;
    size_t k;

    for (k = 0; kinds[k] != NULL; k++) {
        artconv_buf_clear(&page);
        artconv_buf_puts(&page, "<html><head><title>Oak desk</title>");
        artconv_buf_puts(&page, kinds[k]);
        artconv_buf_puts(&page, "</head><body><nav><a href='/'>Shop</a></nav>");
        artconv_buf_puts(&page, main_region);
        artconv_buf_puts(&page, "</body></html>");
        if (!ok(read_html(&a, page.ptr, page.len, 0, 0, &ws, &err, NULL) == 0,
                "product page reads"))
            continue;
        ok(ws.count == 1 && strstr(ws.last, "no article (a product page)") != NULL,
           "product page: a warning says the page is no article");
        ok(has_text(a, "harbour authority said"), "product page: the long text is kept");
        ok(has_text(a, "Solid oak, one hundred"), "product page: the description is kept");
        ok(has_text(a, "Weight: 31 kg"), "product page: the specs are kept");
        artconv_article_free(a);
        a = NULL;
    }
    /* The same page named an article keeps to its prose. */
    artconv_buf_clear(&page);
    artconv_buf_puts(&page, "<html><head><title>Oak desk</title><meta property='og:type' "
                            "content='article'></head><body>");
    artconv_buf_puts(&page, main_region);
    artconv_buf_puts(&page, "</body></html>");
    if (ok(read_html(&a, page.ptr, page.len, 0, 0, NULL, &err, NULL) == 0, "article page reads")) {
        ok(has_text(a, "harbour authority said"), "article page: the prose is kept");
        ok(!has_text(a, "Weight: 31 kg"), "article page: the box beside it is not");
        artconv_article_free(a);
    }
    artconv_buf_dispose(&page);
}

/* A listing without <main>: the region is the items' common box, all of
 * them, not the one long text beside them. */
static void test_listing_region(void)
{
    static const char *const items[] = {"Harbour walk", "Lamp house", "Fish market",
                                        "Island ferry", "Old town", "Sea museum", NULL};
    artconv_buf page = ARTCONV_BUF_INIT;
    artconv_article *a = NULL;
    artconv_error err;
    size_t k;

    artconv_buf_puts(&page, "<html><head><title>Things to do</title>"
                            "<script type='application/ld+json'>{\"@type\":\"ItemList\"}"
                            "</script></head><body><div class='page'><div class='items'>");
    for (k = 0; items[k] != NULL; k++) {
        artconv_buf_puts(&page, "<div class='item'><h3><a href='/x'>");
        artconv_buf_puts(&page, items[k]);
        artconv_buf_puts(&page, "</a></h3><p>Two hours, open all year; guides speak four "
                                "languages.</p></div>");
    }
    artconv_buf_puts(&page, "</div><div class='story'>" PROSE "</div></div></body></html>");
    if (ok(read_html(&a, page.ptr, page.len, 0, 0, NULL, &err, NULL) == 0, "listing page reads")) {
        ok(has_text(a, "harbour authority said"), "listing page: the long text is kept");
        ok(has_text(a, "Lamp house") && has_text(a, "Sea museum"),
           "listing page: the items are kept");
        artconv_article_free(a);
    }
    artconv_buf_dispose(&page);
}

/* A thread: an opening post, then replies written with <br> and no <p>,
 * each with an avatar and an emoji.  On a page that names itself a forum they are posts, not
 * galleries; all of them are the main content. */
static void test_forum_posts(void)
{
    static const char *const posts[] = {
        "Which first telescope would you pick for a small balcony in town?",
        "A small refractor on a steady mount; it cools fast and packs away.",
        "Binoculars first, then a dobsonian once you know the sky a little.",
        "Check the weight: you will carry it down the stairs every night.", NULL};
    artconv_buf page = ARTCONV_BUF_INIT;
    artconv_article *a = NULL;
    artconv_error err;
    size_t k;

    artconv_buf_puts(&page, "<html><head><title>First telescope?</title>"
                            "<script type='application/ld+json'>{\"@type\":"
                            "\"DiscussionForumPosting\"}</script></head><body><div "
                            "class='thread'><div class='post'><div class='msg'>" PROSE
                            "</div></div>");
    for (k = 0; posts[k] != NULL; k++) {
        artconv_buf_puts(&page, "<div class='post'><div class='user'><img src='/a.png' alt=''>"
                                "</div><div class='msg'><img src='/wave.png' alt=''> ");
        artconv_buf_puts(&page, posts[k]);
        artconv_buf_puts(&page, "<br>Whatever you choose, join a club night first: people let you "
                                "look through theirs, and you learn what you would carry, set "
                                "up and use.<br>Thanks, and clear skies to everyone here.</div></div>");
    }
    artconv_buf_puts(&page, "</div></body></html>");
    if (ok(read_html(&a, page.ptr, page.len, 0, 0, NULL, &err, NULL) == 0, "forum page reads")) {
        for (k = 0; posts[k] != NULL; k++)
            ok(has_text(a, posts[k]), "forum page: each post is kept");
        artconv_article_free(a);
    }
    artconv_buf_dispose(&page);
}

/* A question with its answers, in boxes named "comment": on a page that
 * names itself a QAPage the answers are the main content; the same page
 * naming no kind keeps the question alone. */
static void test_forum_comments(void)
{
    const char *answer = "<div class='comment'><p>Mount it on the north wall, out of the sun, "
                         "and let the sensor hang free so the reading is the air's.</p></div>";
    artconv_buf page = ARTCONV_BUF_INIT;
    artconv_article *a = NULL;
    artconv_error err;
    int named, k;

    for (named = 1; named >= 0; named--) {
        artconv_buf_clear(&page);
        artconv_buf_puts(&page, "<html><head><title>Where to put a thermometer?</title>");
        if (named)
            artconv_buf_puts(&page, "<script type='application/ld+json'>{\"@type\":\"QAPage\"}"
                                    "</script>");
        artconv_buf_puts(&page, "</head><body><div class='thread'><div class='question'>" PROSE
                                "</div><div class='comments'>");
        for (k = 0; k < 4; k++)
            artconv_buf_puts(&page, answer);
        artconv_buf_puts(&page, "</div></div></body></html>");
        if (!ok(read_html(&a, page.ptr, page.len, 0, 0, NULL, &err, NULL) == 0, "Q&A page reads"))
            continue;
        ok(has_text(a, "harbour authority said"), "Q&A page: the question is kept");
        ok(has_text(a, "north wall") == named,
           named ? "QAPage: the answers are kept" : "no kind: the comments are not");
        artconv_article_free(a);
        a = NULL;
    }
    artconv_buf_dispose(&page);
}

/* --- i15 metadata: title, authors, date ------------------------------------ */

/* The title of one page, or "" (a static buffer: tests only). */
static const char *title_of(const char *page)
{
    static char buf[512];
    artconv_article *a = NULL;
    artconv_error err;

    buf[0] = '\0';
    if (read_html(&a, page, strlen(page), 0, 0, NULL, &err, NULL) == 0 &&
        artconv_article_get(a, ARTCONV_META_TITLE) != NULL)
        snprintf(buf, sizeof buf, "%s", artconv_article_get(a, ARTCONV_META_TITLE));
    artconv_article_free(a);
    return buf;
}

/* A site named after a bar as its host name is goes, even when it signs
 * as the author; a section or a name the host does not carry stays. */
static void test_meta_title_bar_site(void)
{
    is_str(title_of("<link rel='canonical' href='https://www.harbourgazette.com/a/1'>"
                    "<meta name='author' content='Harbour Gazette'>"
                    "<meta property='og:title' content='Ferry timetable: what changes | "
                    "Harbour Gazette'>"),
           "Ferry timetable: what changes", "title: the site after a bar, named as its host, goes");
    is_str(title_of("<meta property='og:url' content='https://example.org/post'>"
                    "<meta property='og:title' content='Ferry timetable: what changes | Code'>"),
           "Ferry timetable: what changes | Code", "title: a part the host does not name stays");
    is_str(title_of("<link rel='canonical' href='https://news.example.org/a'>"
                    "<meta property='og:title' content='Example | Bridge reopens'>"),
           "Example | Bridge reopens", "title: one word before the bar is no headline");
    is_str(title_of("<link rel='canonical' href='https://www.gazette.com/a/1'>"
                    "<meta property='og:title' content='Ferry timetable: what changes | "
                    "Gazette Harbour Edition'>"),
           "Ferry timetable: what changes", "title: a site part that holds the host's name goes");
}

/* A byline printed as plain text near the headline, on a page whose
 * metadata names no one: "By A on <date>" under the <h1>, or a label and
 * the names in the next element; far below the headline (a comment) it
 * names no author. */
static void test_meta_byline_text(void)
{
    static const char *const pages[] = {
        "<body><header><h1>Bridge to reopen</h1><div><p>By Amy Wilhelm on March 3, 2025</p>"
        "</div></header>" PROSE "</body>",
        "<body><h1>Bridge to reopen</h1><div><p>Written by</p><p>Edzel Tabing</p></div>" PROSE
        "</body>",
        "<body><h1>Bridge to reopen</h1>" PROSE PROSE PROSE "<div class='c'><p>By Some Reader</p>"
        "</div></body>",
    };
    static const char *const want[] = {"Amy Wilhelm", "Edzel Tabing", ""};
    static const char *const what[] = {"byline text: \"By A on <date>\" under the headline",
                                       "byline text: a label, then the names",
                                       "byline text: a \"By\" line far from the headline is none"};
    size_t i;

    for (i = 0; i < 3; i++) {
        artconv_article *a = NULL;
        artconv_error err;

        if (read_html(&a, pages[i], strlen(pages[i]), 0, 0, NULL, &err, NULL) == 0)
            is_str(authors_of(a), want[i], what[i]);
        artconv_article_free(a);
    }
}

/* A site that signs as its own author gives way to the person the page
 * prints as the byline; a person the metadata names keeps the field. */
static void test_meta_site_author(void)
{
    static const char site[] =
        "<head><link rel='canonical' href='https://www.harbourgazette.com/a/1'>"
        "<meta name='author' content='Harbour Gazette'></head>"
        "<body><h1>Bridge to reopen</h1><p>By Amy Wilhelm</p>" PROSE "</body>";
    static const char person[] =
        "<head><link rel='canonical' href='https://www.harbourgazette.com/a/1'>"
        "<meta name='author' content='Ann Lee'></head>"
        "<body><h1>Bridge to reopen</h1><p>By Amy Wilhelm</p>" PROSE "</body>";
    artconv_article *a = NULL;
    artconv_error err;

    if (read_html(&a, site, strlen(site), 0, 0, NULL, &err, NULL) == 0)
        is_str(authors_of(a), "Amy Wilhelm", "site author: the printed byline replaces the site");
    artconv_article_free(a);
    a = NULL;
    if (read_html(&a, person, strlen(person), 0, 0, NULL, &err, NULL) == 0)
        is_str(authors_of(a), "Ann Lee", "site author: a declared person stays");
    artconv_article_free(a);
}

/* A JSON-LD author given by @id is the Person of that @id in the @graph. */
static void test_meta_author_by_id(void)
{
    static const char page[] =
        "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@graph\":["
        "{\"@type\":\"Article\",\"headline\":\"Bridge to reopen\","
        "\"author\":{\"@id\":\"https://example.org/#/person/7\"}},"
        "{\"@type\":\"Person\",\"@id\":\"https://example.org/#/person/7\","
        "\"name\":\"Nirmita Panchal\"}]}</script><body><h1>Bridge to reopen</h1>" PROSE
        "</body>";
    artconv_article *a = NULL;
    artconv_error err;

    if (read_html(&a, page, strlen(page), 0, 0, NULL, &err, NULL) == 0)
        is_str(authors_of(a), "Nirmita Panchal", "JSON-LD author by @id: the Person's name");
    artconv_article_free(a);
}

/* Comment heads and form labels in an author field name no one. */
static void test_meta_no_name_parts(void)
{
    static const char *const heads[] = {
        "<meta name='author' content='Lori Campbell says'>",
        "<meta name='author' content='Your Name: *'>",
        "<meta name='author' content='Name (required)'>",
    };
    size_t i;

    for (i = 0; i < 3; i++) {
        artconv_article *a = NULL;
        artconv_error err;
        char page[2048];

        snprintf(page, sizeof page, "%s<body><h1>Bridge to reopen</h1>%s</body>", heads[i],
                 PROSE);
        if (read_html(&a, page, strlen(page), 0, 0, NULL, &err, NULL) == 0)
            is_str(authors_of(a), "", heads[i]);
        artconv_article_free(a);
    }
}

/* --- i15 metadata: the visible headline in other words --------------------- */

/* The <h1> that says the metadata title's subject in other words is the
 * title when the article's text follows it and it is no site mark, site
 * name or one shared word; a <title> naming no site stays the document's
 * own; among several <h1>s the closest to the title wins; a permalink
 * mark after a heading is no part of it. */
static void test_meta_headline_reworded(void)
{
#define SEO "<meta property='og:title' content='Harbour bridge reopening date, cost and detours'>"
    is_str(title_of(SEO "<body><h1>When the harbour bridge reopens, and at what cost</h1>" PROSE
                        "</body>"),
           "When the harbour bridge reopens, and at what cost",
           "headline: the <h1> in other words, over the article, wins");
    is_str(title_of(SEO "<body><h1 class='site-logo'>Harbour bridge news and reopening</h1>" PROSE
                        "</body>"),
           "Harbour bridge reopening date, cost and detours", "headline: a site mark <h1> is not it");
    is_str(title_of(SEO "<body><h1>Harbour bridge reopening, all stories</h1><ul><li><a href=a>"
                        "One</a></li><li><a href=b>Two</a></li></ul></body>"),
           "Harbour bridge reopening date, cost and detours",
           "headline: an <h1> with no article text after it is not it");
    is_str(title_of(SEO "<body><h1>Bridge news</h1>" PROSE "</body>"),
           "Harbour bridge reopening date, cost and detours",
           "headline: one shared word is no same subject");
    is_str(title_of("<title>Harbour bridge reopening date and cost</title><body>"
                    "<h1>Harbour bridge reopening: the date, the cost</h1>" PROSE "</body>"),
           "Harbour bridge reopening date and cost",
           "headline: a <title> naming no site is the document's own");
    is_str(title_of(SEO "<body><h1>Harbour notes</h1><p>x</p><h1>Harbour bridge: reopening date "
                        "and detours set</h1>" PROSE "</body>"),
           "Harbour bridge: reopening date and detours set",
           "headline: the <h1> on the title's subject among several");
    is_str(title_of("<meta property='og:title' content='Evolve: shared mutable history of the "
                    "tool - Docs'><body><h1>Evolve: shared mutable history of the tool<a "
                    "href='#x'>\xC2\xB6</a></h1>" PROSE "</body>"),
           "Evolve: shared mutable history of the tool",
           "headline: a permalink mark after the heading is dropped");
    is_str(title_of(SEO "<body><h1><a href='/p/1'><time datetime='2025-12-18'>Dec 18 2025</time> "
                        "Harbour bridge: reopening date and detours set</a></h1>" PROSE "</body>"),
           "Harbour bridge: reopening date and detours set",
           "headline: a <time> inside the <h1> is no part of it");
    is_str(title_of(SEO "<body><h1><a href='https://example.org/'>Harbour bridge reopening "
                        "news</a></h1>" PROSE "</body>"),
           "Harbour bridge reopening date, cost and detours",
           "headline: an <h1> linking to the front page is the site's name");
    is_str(title_of("<meta property='og:title' content='What is mesh WiFi? | Whole home mesh "
                    "networks'><body><h1>What is mesh WiFi?</h1><ul><li>Routers</li></ul></body>"),
           "What is mesh WiFi?", "headline: a short <h1> that is one part of the title");
    is_str(title_of("<meta property='og:title' content='Gazette Daily | Harbour bridge reopens "
                    "today'><body><h1 class='logo'>Gazette Daily</h1>" PROSE "</body>"),
           "Gazette Daily | Harbour bridge reopens today",
           "headline: a short part that is the site's mark is not it");
#undef SEO
}

/* --- i15 extraction, round 2 --- */

/* A page streamed in parts sends its article ahead in a box with the
 * `hidden` attribute, for a script to move in place; a box hidden by its
 * style, or a short hidden box, stays out. */
static void test_extract_deferred_box(void)
{
    const char *page =
        "<html><head><title>Bridge to reopen</title></head><body>"
        "<div class='hero'><p>Read the whole story about the bridge below.</p></div>"
        "<div hidden id='S:0'><div class='story'><h1>Bridge to reopen</h1>" PROSE "</div></div>"
        "<div hidden><p>Your session is about to end, sign in again to keep reading.</p></div>"
        "<div style='display:none'><p>A styled-away box that should never be read at all.</p>"
        "</div></body></html>";
    artconv_article *a = NULL;
    artconv_error err;

    if (ok(read_html(&a, page, strlen(page), 0, 0, NULL, &err, NULL) == 0, "deferred page reads")) {
        ok(has_text(a, "harbour authority said"), "deferred box: the article in it is kept");
        ok(!has_text(a, "session is about to end"), "deferred box: a short hidden box stays out");
        ok(!has_text(a, "styled-away"), "deferred box: a box hidden by style stays out");
        artconv_article_free(a);
    }
}

/* A header the page leaves open swallows the article and all the page
 * after it: its class says chrome, but it is the page.  The note outside
 * is long enough for a reader that drops the header to stop there. */
#define NOTE                                                                                       \
    "The Harbour Times is published by the Harbour Press company, which also runs the evening "    \
    "paper, the weekly guide to the north shore, and the radio station on the quay."
static void test_extract_swallowing_header(void)
{
    artconv_buf page = ARTCONV_BUF_INIT;
    artconv_article *a = NULL;
    artconv_error err;
    int k;

    artconv_buf_puts(&page, "<html><head><title>Bridge to reopen</title></head><body>"
                            "<div class='site-header'><a href='/'>Home</a>"
                            "<div class='story'><h1>Bridge to reopen</h1>");
    for (k = 0; k < 16; k++)
        artconv_buf_puts(&page, PROSE);
    artconv_buf_puts(&page, "</div></div><div class='site-header'><a href='/'>Home</a> "
                            "<a href='/world'>World news</a></div>"
                            "<div class='note'><p>" NOTE "</p><p>" NOTE "</p><p>" NOTE "</p><p>" NOTE
                            "</p></div></body></html>");
    if (ok(read_html(&a, page.ptr, page.len, 0, 0, NULL, &err, NULL) == 0,
           "swallowing header page reads")) {
        ok(has_text(a, "harbour authority said") && has_text(a, "welcomed the news"),
           "swallowing header: the article in it is kept");
        ok(!has_text(a, "World news"), "swallowing header: a real header still goes");
        artconv_article_free(a);
    }
    artconv_buf_dispose(&page);
}

/* A paywall's notice inside the article box is no line of the article. */
static void test_extract_paywall_notice(void)
{
    const char *page =
        "<html><head><title>Bridge to reopen</title></head><body><article>"
        "<h1>Bridge to reopen</h1>" PROSE
        "<p>To view the full story, please subscribe to the Harbour Times.</p>"
        "<p>If you are already a subscriber, log in for immediate access to this story.</p>"
        "</article></body></html>";
    artconv_article *a = NULL;
    artconv_error err;

    if (ok(read_html(&a, page, strlen(page), 0, 0, NULL, &err, NULL) == 0,
           "paywall notice page reads")) {
        ok(has_text(a, "harbour authority said"), "paywall notice: the article is kept");
        ok(!has_text(a, "please subscribe") && !has_text(a, "already a subscriber"),
           "paywall notice: its lines go");
        artconv_article_free(a);
    }
}

/* i15 page kinds: a grid of items */

/* A category page: a heading, a few paragraphs about the range, and a
 * grid of product cards, each a link, a price and a rating, that holds
 * most of the page's text.  The cards are the main content too, not only
 * the paragraphs. */
static void grid_page(artconv_buf *page, const char *type)
{
    static const char *const names[] = {"Canvas tote", "Linen apron", "Wool blanket",
                                        "Cotton scarf", "Clay mug", "Oak tray", NULL};
    size_t k, round;

    artconv_buf_puts(page, "<html><head><title>Home goods</title>");
    if (type != NULL) {
        artconv_buf_puts(page, "<script type='application/ld+json'>{\"@type\":\"");
        artconv_buf_puts(page, type);
        artconv_buf_puts(page, "\"}</script>");
    }
    artconv_buf_puts(page, "</head><body><div class='shop'><h1>Home goods</h1>"
                           "<div class='intro'>" PROSE "</div><div class='grid'>");
    for (round = 0; round < 12; round++) {
        for (k = 0; names[k] != NULL; k++) {
            artconv_buf_puts(page, "<div class='card'><a href='/p/");
            artconv_buf_puts(page, names[k]);
            artconv_buf_puts(page, "'>");
            artconv_buf_puts(page, names[k]);
            artconv_buf_puts(page, " in natural colours</a><span class='price'>$24.00</span>"
                                   "<span>4.5 out of 5 stars</span></div>");
        }
    }
    artconv_buf_puts(page, "</div></div></body></html>");
}

static void test_kinds_grid(void)
{
    artconv_buf page = ARTCONV_BUF_INIT;
    artconv_article *a = NULL;
    artconv_error err;

    grid_page(&page, NULL);
    if (ok(read_html(&a, page.ptr, page.len, 0, 0, NULL, &err, NULL) == 0, "grid page reads")) {
        ok(has_text(a, "Canvas tote in natural colours") && has_text(a, "Oak tray"),
           "grid page: the cards are kept");
        ok(has_text(a, "$24.00"), "grid page: with their prices");
        ok(has_text(a, "harbour authority said"), "grid page: and the text above them");
        artconv_article_free(a);
    }
    artconv_buf_clear(&page);
    grid_page(&page, "ItemList");
    if (ok(read_html(&a, page.ptr, page.len, 0, 0, NULL, &err, NULL) == 0,
           "grid page named a list reads")) {
        ok(has_text(a, "Canvas tote in natural colours") && has_text(a, "Oak tray"),
           "grid page named a list: the cards are kept");
        artconv_article_free(a);
    }
    /* Some CMSs name every page an article. */
    artconv_buf_clear(&page);
    grid_page(&page, "Article");
    if (ok(read_html(&a, page.ptr, page.len, 0, 0, NULL, &err, NULL) == 0,
           "grid page named an article reads")) {
        ok(has_text(a, "Canvas tote in natural colours") && has_text(a, "Oak tray"),
           "grid page named an article: the cards are kept");
        artconv_article_free(a);
    }
    artconv_buf_dispose(&page);
}

/* An article with a grid of links to other stories below it keeps its text
 * and not the grid. */
static void test_kinds_grid_article(void)
{
    artconv_buf page = ARTCONV_BUF_INIT;
    artconv_article *a = NULL;
    artconv_error err;
    size_t k;

    artconv_buf_puts(&page, "<html><head><title>Bridge to reopen</title>"
                            "<script type='application/ld+json'>{\"@type\":\"NewsArticle\"}"
                            "</script></head><body>"
                            "<article><h1>Bridge to reopen</h1>" PROSE "</article><div class='more'>");
    for (k = 0; k < 20; k++)
        artconv_buf_puts(&page, "<div class='teaser'><a href='/s'>Another story from the "
                                "harbour, with a longer headline</a><span>3 min read</span></div>");
    artconv_buf_puts(&page, "</div></body></html>");
    if (ok(read_html(&a, page.ptr, page.len, 0, 0, NULL, &err, NULL) == 0,
           "article with a grid reads")) {
        ok(has_text(a, "harbour authority said"), "article with a grid: the article is kept");
        ok(!has_text(a, "Another story from the harbour"),
           "article with a grid: the grid is not");
        artconv_article_free(a);
    }
    artconv_buf_dispose(&page);
}

/* i15 dates: the date the page prints against the metadata's */

/* The date a page_article() page gets, copied (NULL when none). */
static char *page_date_of(const char *head, const char *top)
{
    artconv_article *a = page_article(head, "", top);
    const char *d = a != NULL ? artconv_article_get(a, ARTCONV_META_DATE) : NULL;
    char *copy = d != NULL ? strdup(d) : NULL;

    artconv_article_free(a);
    return copy;
}

static void check_page_date(const char *head, const char *top, const char *want, const char *what)
{
    char *got = page_date_of(head, top);

    is_str(got, want, what);
    free(got);
}

static void test_dates_printed_earlier(void)
{
    check_page_date("<meta property='article:published_time' content='2025-06-01T10:00:00Z'>",
                    "<p class='byline'>By Jane Doe | March 3, 2024</p>", "2024-03-03",
                    "dates: an earlier day printed in the byline beats the metadata's");
    check_page_date("<meta property='article:published_time' content='2024-03-03T10:00:00Z'>",
                    "<p class='byline'>By Jane Doe | June 1, 2025</p>", "2024-03-03T10:00:00Z",
                    "dates: a later printed day is an update; the metadata's stands");
    check_page_date("<meta property='article:published_time' content='2024-03-04T02:00:00Z'>",
                    "<p class='byline'>By Jane Doe | March 3, 2024</p>", "2024-03-04T02:00:00Z",
                    "dates: a day off is the same time in another zone; the metadata's stands");
}

static void test_dates_updated_words(void)
{
    check_page_date("", "<p>Updated June 1, 2025 &middot; Originally published March 3, 2024</p>",
                    "2024-03-03", "dates: the published date of a line, not its update");
    check_page_date("", "<p>Last updated: June 1, 2025</p>", "2025-06-01",
                    "dates: an update stamp stands in when the page has no other date");
    check_page_date("<meta property='article:modified_time' content='2024-05-05T08:00:00Z'>", "",
                    "2024-05-05T08:00:00Z",
                    "dates: the metadata's modification date when there is no other");
    check_page_date("<meta name='published' content='July 17, 2025'>", "", "2025-07-17",
                    "dates: <meta name=published>");
}

static void test_dates_time_and_late(void)
{
    artconv_buf page = ARTCONV_BUF_INIT;
    artconv_article *a = NULL;
    artconv_error err;
    int i;

    /* A teaser's <time> comes first, so the metadata takes its date; the
     * byline's <time> reads "03/01/2017" day first, and its attribute says
     * March. */
    a = page_article(
        "",
        "<time datetime='2025-01-31T12:00:00Z'>01/31/2025</time>"
        "<p><a href='/budget'>Council budget passes after a long night</a></p>"
        "<p>The vote came after eleven hours of debate over the cost of the new ferry "
        "terminal.</p>",
        "<div class='meta'><time datetime='2017-03-01T12:00:00Z'>03/01/2017</time></div>");
    if (ok(a != NULL, "dates: <time> page reads"))
        is_str(artconv_article_get(a, ARTCONV_META_DATE), "2017-03-01T12:00:00Z",
               "dates: a <time> whose text is days off its datetime is read by the attribute");
    artconv_article_free(a);
    a = NULL;
    check_page_date("",
                    "<div class='meta'><time datetime='2026-02-24T04:13:00Z'>February 23, "
                    "2026</time></div>",
                    "2026-02-24T04:13:00Z",
                    "dates: a <time> within a day of its datetime: the datetime stands");
    /* A teaser beside the headline (another story's title and date) is
     * nearer than the byline's stamp. */
    check_page_date("<meta property='article:published_time' content='2025-01-31T12:00:00Z'>",
                    "<div><a href='/a'>Council budget passes after a long night of debate</a> "
                    "12/04/2025</div><p>Lead.</p><div class='meta'>March 1, 2017</div>",
                    "2017-03-01", "dates: a teaser's date beside the headline is passed over");
    /* A stamp set under a long story, far past the window round the headline. */
    artconv_buf_puts(&page,
                     "<html><head><title>Bridge to reopen at the end of the month</title>"
                     "</head><body><article><h1>Bridge to reopen at the end of the month</h1>");
    for (i = 0; i < 12; i++)
        artconv_buf_puts(&page, PROSE);
    artconv_buf_puts(&page, "<p>Posted on the 15/12/2025 at 19:00 by Guillaume</p>"
                            "<p>Posted on 01/01/2026 by a reader</p></article></body></html>");
    if (ok(read_html(&a, page.ptr, page.len, 0, 0, NULL, &err, NULL) == 0,
           "dates: long page reads"))
        is_str(artconv_article_get(a, ARTCONV_META_DATE), "2025-12-15T19:00:00",
               "dates: a 'Posted on' line under a long story, the first one");
    artconv_article_free(a);
    artconv_buf_dispose(&page);
}

/* --- i15 extraction: cleaning (caption boxes, credit and ad lines) --------- */

/* 1 if some node of `kind` holds `needle` in its text. */
static int kind_has_text(const artconv_article *a, artconv_node_kind kind, const char *needle)
{
    artconv_iter *it = artconv_iter_new(artconv_article_body(a));
    artconv_event ev;
    int depth = 0, found = 0;
    const char *s;

    while (!found && (ev = artconv_iter_next(it)) != ARTCONV_EVENT_DONE) {
        const artconv_node *n = artconv_iter_node(it);

        if (artconv_node_get_kind(n) == kind)
            depth += ev == ARTCONV_EVENT_ENTER ? 1 : ev == ARTCONV_EVENT_EXIT ? -1 : 0;
        if (depth > 0 && ev == ARTCONV_EVENT_ENTER && (s = artconv_node_get_literal(n)) != NULL)
            found = strstr(s, needle) != NULL;
    }
    artconv_iter_free(it);
    return found;
}

/* A box with one picture and a caption class is a figure in all but name:
 * its words become the figure's caption, not a paragraph of the text. */
static void test_clean_caption_box(void)
{
    const char *page = "<html><head><title>Bridge to reopen</title></head><body><article>"
                       "<h1>Bridge to reopen</h1>" PROSE
                       "<div class='wp-caption'><img src='https://example.org/bridge.jpg'>"
                       "<p class='wp-caption-text'>The bridge at dawn, seen from the quay.</p>"
                       "</div>" PROSE "</article></body></html>";
    artconv_article *a = NULL;
    artconv_error err;

    if (ok(read_html(&a, page, strlen(page), 0, 0, NULL, &err, NULL) == 0,
           "caption box page reads")) {
        ok(find_kind(a, ARTCONV_NODE_FIGURE) != NULL, "caption box: it is a figure");
        ok(kind_has_text(a, ARTCONV_NODE_CAPTION, "The bridge at dawn"),
           "caption box: its text is the caption");
        ok(!kind_has_text(a, ARTCONV_NODE_PARAGRAPH, "The bridge at dawn"),
           "caption box: not a paragraph");
        ok(has_text(a, "harbour authority said"), "caption box: the article is kept");
        artconv_article_free(a);
    }
}

/* On a listing, boxes like that are the items' cards, and the main text. */
static void test_clean_cards_stay(void)
{
    artconv_buf page = ARTCONV_BUF_INIT;
    artconv_article *a = NULL;
    artconv_error err;
    int k;

    artconv_buf_puts(&page, "<html><head><title>Stories</title></head><body><main>");
    for (k = 0; k < 8; k++)
        artconv_buf_puts(&page, "<div class='card'><img src='https://example.org/c.jpg'>"
                                "<div class='card-caption'>The harbour authority said on Tuesday "
                                "that the bridge, closed since the storm, would reopen soon."
                                "</div></div>");
    artconv_buf_puts(&page, "</main></body></html>");
    if (ok(read_html(&a, page.ptr, page.len, 0, 0, NULL, &err, NULL) == 0, "cards page reads")) {
        ok(kind_has_text(a, ARTCONV_NODE_PARAGRAPH, "harbour authority said"),
           "cards: their text stays paragraphs");
        artconv_article_free(a);
    }
    artconv_buf_dispose(&page);
}

/* A picture credit left outside any figure, and an ad label with more
 * after a dash, are no lines of the article. */
static void test_clean_credit_and_ad_lines(void)
{
    const char *page = "<html><head><title>Bridge to reopen</title></head><body><article>"
                       "<h1>Bridge to reopen</h1><p><em>Photo: Harbour Press</em></p>" PROSE
                       "<div>Advertisement - Continue Reading Below</div>" PROSE
                       "<p>Photo credit: example agency</p></article></body></html>";
    artconv_article *a = NULL;
    artconv_error err;

    if (ok(read_html(&a, page, strlen(page), 0, 0, NULL, &err, NULL) == 0,
           "credit lines page reads")) {
        ok(has_text(a, "harbour authority said"), "credit lines: the article is kept");
        ok(!has_text(a, "Harbour Press") && !has_text(a, "example agency"),
           "credit lines: the stray credits go");
        ok(!has_text(a, "Continue Reading"), "credit lines: the ad label goes");
        artconv_article_free(a);
    }
}

/* A teaser of another post inside the article (its class says "teaser",
 * it links away) goes, long as it is; the article's own lead, a
 * "teaser-text" without links, stays. */
static void test_clean_teaser(void)
{
    const char *page =
        "<html><head><title>Bridge to reopen</title></head><body><article>"
        "<h1>Bridge to reopen</h1><div class='teaser-text'><p>The bridge closed by the storm "
        "opens again at the end of the month, the authority says.</p></div>" PROSE
        "<div class='teaser'><img src='https://example.org/t.jpg'>"
        "<a href='/other'>Ferry fares to rise in spring</a><p>The operators say fuel costs "
        "leave them no choice but to charge more from April, and the council, which owns two "
        "of the boats, has agreed to the rise after a long debate in which the members for "
        "the north shore argued against it at length.</p></div>" PROSE "</article></body></html>";
    artconv_article *a = NULL;
    artconv_error err;

    if (ok(read_html(&a, page, strlen(page), 0, 0, NULL, &err, NULL) == 0,
           "teaser page reads")) {
        ok(has_text(a, "harbour authority said"), "teaser: the article is kept");
        ok(has_text(a, "opens again at the end"), "teaser: the article's own lead stays");
        ok(!has_text(a, "Ferry fares") && !has_text(a, "fuel costs"),
           "teaser: another post's teaser goes");
        artconv_article_free(a);
    }
}

/* An author's box that the article's parts take as one of their own is
 * measured against the whole article, not against that part alone. */
#define BIO                                                                                        \
    "<p>Jo Marsh covers the harbour, its ferries and the council for the Harbour Times, and has "  \
    "done so for a decade or more, after years on the evening paper, where she wrote about "      \
    "courts, schools, and the port.</p>"
static void test_clean_author_part(void)
{
    const char *page = "<html><head><title>Bridge to reopen</title></head><body>"
                       "<div class='story'><div class='nav'><a href='/a'>Home</a> "
                       "<a href='/b'>News</a></div><div class='part'><h1>Bridge to reopen</h1>"
                       PROSE PROSE PROSE PROSE "</div><div class='part'><div class='author-box'>"
                       BIO BIO "</div></div></div></body></html>";
    artconv_article *a = NULL;
    artconv_error err;

    if (ok(read_html(&a, page, strlen(page), 0, 0, NULL, &err, NULL) == 0,
           "author part page reads")) {
        ok(has_text(a, "harbour authority said"), "author part: the article is kept");
        ok(!has_text(a, "Jo Marsh covers"), "author part: the author's box goes");
        artconv_article_free(a);
    }
}

/* The row under a blog post that says where it was filed ("This entry
 * was posted in ...", a theme's "entry-utility" or "postmetadata"). */
static void test_clean_post_utility(void)
{
    const char *page = "<html><head><title>Bridge to reopen</title></head><body><article>"
                       "<h1>Bridge to reopen</h1>" PROSE PROSE
                       "<div class='entry-utility'>This entry was posted in <a href='/n'>News"
                       "</a> and tagged <a href='/t'>bridge</a>. Bookmark the <a href='/p'>"
                       "permalink</a>.</div></article></body></html>";
    artconv_article *a = NULL;
    artconv_error err;

    if (ok(read_html(&a, page, strlen(page), 0, 0, NULL, &err, NULL) == 0,
           "post utility page reads")) {
        ok(has_text(a, "harbour authority said"), "post utility: the article is kept");
        ok(!has_text(a, "entry was posted"), "post utility: the filing row goes");
        artconv_article_free(a);
    }
}

/* A disclaimer or licence box inside the article is the site's notice. */
static void test_clean_disclaimer(void)
{
    const char *page = "<html><head><title>Bridge to reopen</title></head><body><article>"
                       "<h1>Bridge to reopen</h1>" PROSE PROSE
                       "<div class='affiliate-disclaimer'><p>We may earn a commission when you "
                       "buy through the links on this page.</p></div>"
                       "<div class='licenceInfo'><p>Protected by copyright; no reuse without "
                       "the publisher's consent.</p></div></article></body></html>";
    artconv_article *a = NULL;
    artconv_error err;

    if (ok(read_html(&a, page, strlen(page), 0, 0, NULL, &err, NULL) == 0,
           "disclaimer page reads")) {
        ok(has_text(a, "harbour authority said"), "disclaimer: the article is kept");
        ok(!has_text(a, "earn a commission") && !has_text(a, "no reuse"),
           "disclaimer: the notices go");
        artconv_article_free(a);
    }
}

/* The comment thread's own short lines, left in the article's box. */
static void test_clean_comment_lines(void)
{
    const char *page = "<html><head><title>Bridge to reopen</title></head><body><article>"
                       "<h1>Bridge to reopen</h1>" PROSE PROSE
                       "<p>Comments are closed.</p><div>Keine Kommentare</div>"
                       "</article></body></html>";
    artconv_article *a = NULL;
    artconv_error err;

    if (ok(read_html(&a, page, strlen(page), 0, 0, NULL, &err, NULL) == 0,
           "comment lines page reads")) {
        ok(has_text(a, "harbour authority said"), "comment lines: the article is kept");
        ok(!has_text(a, "Comments are closed") && !has_text(a, "Keine Kommentare"),
           "comment lines: they go");
        artconv_article_free(a);
    }
}

/* An ad label set in bold at the head of a box of shop links goes; a line
 * that announces a commentary is no comment thread's and stays. */
static void test_clean_bold_ad_label(void)
{
    const char *page = "<html><head><title>Bridge to reopen</title></head><body><article>"
                       "<h1>Bridge to reopen</h1>" PROSE
                       "<div><b>Anzeige - Heute im Angebot:</b> fish and chips at the "
                       "harbour shop, with a free drink for every reader who shows this page "
                       "at the counter before Sunday, <a href='/s1'>at the quay</a>.</div>" PROSE
                       "<p><em>And here is the commentary section:</em></p>" PROSE
                       "</article></body></html>";
    artconv_article *a = NULL;
    artconv_error err;

    if (ok(read_html(&a, page, strlen(page), 0, 0, NULL, &err, NULL) == 0,
           "bold ad label page reads")) {
        ok(!has_text(a, "Heute im Angebot"), "bold ad label: it goes");
        ok(has_text(a, "commentary section"), "bold ad label: a commentary's line stays");
        artconv_article_free(a);
    }
}

/* --- i15 metadata, round 3: titles and authors --- */

/* JSON-LD's headline, written for search engines, gives way to the <h1>
 * that another of the page's titles (og:title, <title>) repeats; a title
 * that is only the site's name is none; an <h1> that is the whole
 * <title> keeps its parts; a screen-reader-only <h1> is not shown. */
static void test_meta_title_agreeing_h1(void)
{
#define LD_SEO                                                                                     \
    "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":"              \
    "\"Amp trainer review with photos\"}</script>"
    is_str(title_of(LD_SEO "<meta property='og:title' content='I crossed the harbour bridge on "
                           "its first day back'><body><h1>I crossed the harbour bridge on its "
                           "first day back</h1>" PROSE "</body>"),
           "I crossed the harbour bridge on its first day back",
           "title: the <h1> that og:title repeats beats JSON-LD's headline");
    is_str(title_of(LD_SEO "<body><h1>Ferry queues at the north shore</h1>" PROSE "</body>"),
           "Amp trainer review with photos",
           "title: an <h1> no title repeats does not beat JSON-LD's headline");
    is_str(title_of("<meta property='og:site_name' content='Gazette Daily'>"
                    "<meta property='og:title' content='Gazette Daily'>"
                    "<meta name='twitter:title' content='Bridge reopens at the end of the month "
                    "| Gazette Daily'><body><h1>Bridge reopens at the end of the month</h1>" PROSE
                    "</body>"),
           "Bridge reopens at the end of the month",
           "title: an og:title that is the site's name is passed over");
    is_str(title_of("<title>The harbour bridge death spiral - how small towns lose their "
                    "ferries</title><body><h1>The harbour bridge death spiral - how small towns "
                    "lose their ferries</h1>" PROSE "</body>"),
           "The harbour bridge death spiral - how small towns lose their ferries",
           "title: an <h1> that is the whole <title> keeps what follows its dash");
    is_str(title_of("<meta property='og:title' content='Harbour bridge reopening date, cost and "
                    "detours'><body><h1 class='sr-only'>Harbour bridge reopening: the date, the "
                    "cost, the detours</h1>" PROSE "</body>"),
           "Harbour bridge reopening date, cost and detours",
           "title: an <h1> for screen readers only is not the visible headline");
    is_str(title_of("<meta property='og:title' content='Harbour bridge reopens at the end of "
                    "the month \xE2\x80\x94 Gazette'><body><div hidden><article><h1>Harbour "
                    "bridge reopens at the end of the month</h1>" PROSE "</article></div></body>"),
           "Harbour bridge reopens at the end of the month",
           "title: the <h1> of a box a streamed page sends ahead (hidden, at the body's top)");
    is_str(title_of("<meta property='og:title' content='Harbour bridge reopens at the end of "
                    "the month \xE2\x80\x94 Gazette'><body><main><div hidden><h1>Harbour "
                    "bridge reopening: when, and the detours</h1></div>" PROSE "</main></body>"),
           "Harbour bridge reopens at the end of the month",
           "title: a hidden box deeper in the page is not shown (og:title, its site name cut)");
#undef LD_SEO
}

/* A page whose byline is only a link to the author's page: taken when the
 * link's text is the name its address spells, not when it says something
 * else ("Meet the team"). */
static void test_meta_author_link(void)
{
    static const struct {
        const char *link, *want, *what;
    } cases[] = {
        {"<a href='/authors/trevor-jackins'>Trevor Jackins</a>", "Trevor Jackins",
         "author link: the name its address spells"},
        {"<a href='https://example.org/author/moses-kim-and-kate-shokurova/'>Moses Kim and Kate "
         "Shokurova</a>",
         "Moses Kim; Kate Shokurova", "author link: two names split"},
        {"<a href='/authors/'>Meet the team</a>", "", "author link: no name in the address"},
        {"<a href='/author/jane-roe'>Our writers</a>", "",
         "author link: text that is not the address's name"},
        {"<nav><a href='/author/jane-roe'>Jane Roe</a></nav>", "",
         "author link: none in the navigation"},
        {"<p>Written by John Crenshaw</p>", "John Crenshaw",
         "labelled byline: \"Written by\" after the story"},
        {"<div>Written by</div><div>Jack Shepherd</div><div>Co-founder</div>", "Jack Shepherd",
         "labelled byline: the label above the names"},
        {"<div class='comment-list'><p>Posted by Jane Roe</p></div>", "",
         "labelled byline: a comment's \"Posted by\" is not the author's"},
        {"<p>Reviewed by Jane Roe</p>", "", "labelled byline: \"Reviewed by\" names a reviewer"},
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        artconv_buf page = ARTCONV_BUF_INIT;
        artconv_article *a = NULL;
        artconv_error err;

        artconv_buf_puts(&page, "<html><head><title>Bridge to reopen</title></head><body>"
                                "<article><h1>Bridge to reopen at the end of the month</h1>");
        artconv_buf_puts(&page, PROSE PROSE "<div class='card'>");
        artconv_buf_puts(&page, cases[i].link);
        artconv_buf_puts(&page, "</div></article></body></html>");
        if (ok(read_html(&a, page.ptr, page.len, 0, 0, NULL, &err, NULL) == 0,
               "author link: the page reads"))
            is_str(authors_of(a), cases[i].want, cases[i].what);
        artconv_article_free(a);
        artconv_buf_dispose(&page);
    }
    {
        static const char signed_by_site[] =
            "<html><head><link rel='canonical' href='https://www.harbourgazette.com/a/1'>"
            "<meta name='author' content='Harbour Gazette'></head><body><article><h1>Bridge "
            "to reopen at the end of the month</h1>" PROSE
            "<a href='/authors/spencer-mcintyre'>Spencer McIntyre</a></article></body></html>";
        artconv_article *a = NULL;
        artconv_error err;

        if (ok(read_html(&a, signed_by_site, strlen(signed_by_site), 0, 0, NULL, &err, NULL) == 0,
               "author link: the page reads"))
            is_str(authors_of(a), "Spencer McIntyre",
                   "author link: the person's link replaces the site as author");
        artconv_article_free(a);
    }
}

/* i15 titles: a metadata title's short last part is a site name */
static void test_meta_title_short_suffix(void)
{
    is_str(title_of("<meta property='og:title' content='Harbour bridge reopens after eighteen months "
                    "| Rust Blog'><body>" PROSE "</body>"),
           "Harbour bridge reopens after eighteen months",
           "title: a short last part of og:title goes as a site name");
    is_str(title_of("<meta property='og:title' content='Harbour bridge reopens after eighteen months "
                    "| what the council said about it'><body>" PROSE "</body>"),
           "Harbour bridge reopens after eighteen months | what the council said about it",
           "title: a long last part of og:title stays");
}

/* i15 authors, meta2: author boxes with no label or link */
static void test_meta2_author_box(void)
{
    static const struct {
        const char *box, *want, *what;
    } cases[] = {
        {"<div><img alt='Jane Roe' src='j.jpg'><div>Jane Roe</div><p>Jane Roe is a reporter "
         "who covers the harbour.</p></div>",
         "Jane Roe", "author box: a name alone, then a biography that opens with it"},
        {"<p><img alt='Jane Roe, Staff Writer' src='j.jpg'></p><p>Jane has written about "
         "boats for ten years.</p>",
         "Jane Roe", "author box: a photo's alt text, the biography by the first name"},
        {"<div><div>Jane Roe</div><p>The mayor said the bridge would open.</p></div>", "",
         "author box: a name with no biography is no author"},
        {"<p>Jane Roe is a reporter.</p><div>Jane Roe</div>", "",
         "author box: the biography comes after the name"},
        {"<h3>Author</h3><p>Lisa D. Ellis</p>", "Lisa D. Ellis",
         "author box: \"Author\" alone over the name"},
        {"<h2>Article by</h2><div>Matias Heikkila</div>", "Matias Heikkila",
         "author box: \"Article by\" alone over the name"},
        {"<p>About the Author:</p><p>Juliette Carreiro is a skilled content creator with over "
         "five years of experience in marketing, and she writes about code for the blog.</p>",
         "Juliette Carreiro", "author box: \"About the Author\" over a long biography"},
        {"<p>About the Author:</p><p>The team at the harbour office writes these notes every "
         "week for the people who live and work along the water.</p>",
         "", "author box: a biography that opens with no name gives none"},
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        artconv_buf page = ARTCONV_BUF_INIT;
        artconv_article *a = NULL;
        artconv_error err;

        artconv_buf_puts(&page, "<html><head><title>Bridge to reopen</title></head><body>"
                                "<article><h1>Bridge to reopen at the end of the month</h1>");
        artconv_buf_puts(&page, PROSE PROSE "</article><section class='box'>");
        artconv_buf_puts(&page, cases[i].box);
        artconv_buf_puts(&page, "</section></body></html>");
        if (ok(read_html(&a, page.ptr, page.len, 0, 0, NULL, &err, NULL) == 0,
               "author box: the page reads"))
            is_str(authors_of(a), cases[i].want, cases[i].what);
        artconv_article_free(a);
        artconv_buf_dispose(&page);
    }
}

/* i15 dates, meta2: a vendor's name for the publication date meta */
static void test_meta2_vendor_date(void)
{
    check_page_date("<meta name='w-published-date' content='2025-05-27T06:03:43Z'>", "<p>Text</p>",
                    "2025-05-27T06:03:43Z", "dates: a vendor-prefixed published-date meta");
    check_page_date("<meta name='published-time' content='2026-03-09T08:45:32Z'>"
                    "<meta name='published-date' content='2021-02-16'>",
                    "<p>Text</p>", "2021-02-16", "dates: a listed date meta beats a vendor's");
    {
        char *got = page_date_of("<meta name='auto-publish' content='2025-05-27'>", "<p>Text</p>");

        ok(got == NULL, "dates: a name that only holds 'publish' is no date");
        free(got);
    }
}

/* i15 page kinds: service and forum pages */

/* An FAQ accordion: each answer is hidden (aria-hidden, display:none) until
 * its button opens it; the answers are content.  A menu that a button opens
 * the same way stays out, and so does a hidden box no button opens. */
static void test_kinds_open_panels(void)
{
    const char *page =
        "<html><head><title>Boat repairs</title></head><body>"
        "<button aria-expanded='false' aria-controls='menu'>Menu</button>"
        "<div id='menu' hidden><a href='/a'>Home of the harbour shop</a> "
        "<a href='/b'>About the harbour shop</a> <a href='/c'>Contact the harbour shop</a></div>"
        "<main><h1>Boat repairs</h1>" PROSE "<h2>Questions</h2><div class='faq'>"
        "<h3><button id='q1' aria-expanded='false' aria-controls='a1'>How long?</button></h3>"
        "<div id='a1' aria-hidden='true'><p>Most hulls are back in the water within a week, "
        "sooner when the yard has the parts in stock.</p></div>"
        "<h3><button id='q2' aria-expanded='false'>What does it cost?</button></h3>"
        "<div aria-labelledby='q2' style='display: none'><p>A survey costs forty pounds, "
        "and the yard quotes the repair before any work starts.</p></div>"
        "</div><div style='display:none'><p>A promotion that the page never shows to anyone "
        "at all, with no button to open it.</p></div></main></body></html>";
    artconv_article *a = NULL;
    artconv_error err;

    if (ok(read_html(&a, page, strlen(page), 0, 0, NULL, &err, NULL) == 0,
           "accordion page reads")) {
        ok(has_text(a, "harbour authority said"), "accordion page: the text is kept");
        ok(has_text(a, "back in the water within a week"),
           "accordion page: a panel named by aria-controls is kept");
        ok(has_text(a, "survey costs forty pounds"),
           "accordion page: a panel naming its button is kept");
        ok(!has_text(a, "About the harbour shop"), "accordion page: the menu stays out");
        ok(!has_text(a, "never shows to anyone"), "accordion page: a box no button opens stays out");
        artconv_article_free(a);
    }
}

/* A landing page whose <main> is the best box: its feature sections, each
 * two icons and a line of text, are the page's content, not galleries. */
static void test_kinds_main_is_region(void)
{
    artconv_buf page = ARTCONV_BUF_INIT;
    artconv_article *a = NULL;
    artconv_error err;
    size_t k;

    artconv_buf_puts(&page, "<html><head><title>Boat repairs</title></head><body>"
                            "<main><h1>Boat repairs</h1>" PROSE);
    for (k = 0; k < 3; k++)
        artconv_buf_puts(&page, "<section><img src='/i1.png'><img src='/i2.png'>"
                                "<div>Our yard mends hulls, masts and engines of every size, "
                                "from a dinghy to a trawler, with parts kept in stock and a "
                                "quote given before any work starts, so that every owner knows "
                                "the cost of the repair and the day the boat is back.</div>"
                                "</section>");
    artconv_buf_puts(&page, "</main></body></html>");
    if (ok(read_html(&a, page.ptr, page.len, 0, 0, NULL, &err, NULL) == 0,
           "landing page in main reads")) {
        ok(has_text(a, "harbour authority said"), "landing page in main: the text is kept");
        ok(has_text(a, "mends hulls, masts and engines"),
           "landing page in main: its feature sections are kept");
        artconv_article_free(a);
    }
    artconv_buf_dispose(&page);
}

/* --- i15 cleaning and building, round 2 --- */

/* Soft hyphens are hyphenation hints, not text: the words come out whole,
 * whether the page has the character or the &shy; reference. */
static void test_clean_soft_hyphens(void)
{
    const char *page = "<html><head><title>Wine</title></head><body><article>"
                       "<h1>Wine</h1><p>Schon im Mit\xC2\xAD" "tel\xC2\xAD" "al\xC2\xAD" "ter war "
                       "der Wein das Aus&shy;h\xC3\xA4n&shy;ge&shy;schild der Region.</p>"
                       PROSE "</article></body></html>";
    artconv_article *a = NULL;
    artconv_error err;

    if (ok(read_html(&a, page, strlen(page), 0, 0, NULL, &err, NULL) == 0,
           "soft hyphen page reads")) {
        ok(has_text(a, "Mittelalter") && has_text(a, "Aush\xC3\xA4ngeschild"),
           "soft hyphens: the words are whole");
        artconv_article_free(a);
    }
}

/* A page streamed in parts: the article arrives last, in two hidden boxes
 * a script moves to their placeholders.  They are read there, where they
 * are shown, in the frame's order, and a placeholder's fallback
 * ("Loading") goes. */
static void test_build_streamed_parts(void)
{
    const char *page =
        "<html><head><title>Bridge to reopen</title></head><body><main>"
        "<h1>Bridge to reopen</h1><!--$?--><template id=\"B:0\"></template>"
        "<p>Loading the story</p><!--/$--><p>Filed under: harbour news.</p>"
        "<!--$?--><template id=\"B:1\"></template><!--/$--></main>"
        "<div hidden id=\"S:0\"><div><p>The harbour authority said on Tuesday that the "
        "bridge, closed since the storm, would reopen to traffic at the end of the month.</p>"
        "<p>Ferry operators said they would keep the extra sailings until the school "
        "holidays, to be on the safe side.</p></div></div>"
        "<div hidden id=\"S:1\"><div><p>The mayor thanked the crews who worked through the "
        "night, and she said the town would hold a small party on the quay.</p>"
        "<p>Shops along the waterfront hope the visitors will come back soon.</p></div></div>"
        "<script>$RC(\"B:0\",\"S:0\");$RC(\"B:1\",\"S:1\")</script></body></html>";
    artconv_article *a = NULL;
    artconv_error err;
    char *text;

    if (ok(read_html(&a, page, strlen(page), 0, 0, NULL, &err, NULL) == 0,
           "streamed page reads")) {
        text = body_text(a);
        ok(text != NULL && strstr(text, "harbour authority said") != NULL &&
               strstr(text, "party on the quay") != NULL,
           "streamed parts: the article is read");
        ok(text != NULL && strstr(text, "Filed under") != NULL &&
               strstr(text, "harbour authority") < strstr(text, "Filed under") &&
               strstr(text, "Filed under") < strstr(text, "party on the quay"),
           "streamed parts: each part sits at its placeholder");
        ok(!has_text(a, "Loading the story"), "streamed parts: the fallback goes");
        free(text);
        artconv_article_free(a);
    }
}

/* A cookie consent panel with more prose than the page's own short text
 * is never the article. */
static void test_clean_consent_panel(void)
{
    const char *consent =
        "<p>We process your data to deliver content or advertisements and measure the "
        "delivery of such content to extract insights about our website, with our partners, "
        "on the basis of consent and legitimate interest, for the purposes below.</p>";
    artconv_buf page = ARTCONV_BUF_INIT;
    artconv_article *a = NULL;
    artconv_error err;
    int i;

    artconv_buf_puts(&page, "<html><head><title>Tomato sauce</title></head><body><main>"
                            "<h1>Tomato sauce</h1><p>Simmer the tomatoes with garlic and oil "
                            "for an hour, then season the sauce to taste.</p></main>"
                            "<div id='onetrust-consent-sdk'><div id='pc-sdk' class='otPcTab'>"
                            "<h2>Your privacy</h2>");
    for (i = 0; i < 5; i++)
        artconv_buf_puts(&page, consent);
    artconv_buf_puts(&page, "</div></div></body></html>");
    if (ok(read_html(&a, page.ptr, page.len, 0, 0, NULL, &err, NULL) == 0,
           "consent panel page reads")) {
        ok(has_text(a, "Simmer the tomatoes"), "consent panel: the page's text is kept");
        ok(!has_text(a, "legitimate interest"), "consent panel: it goes");
        artconv_article_free(a);
    }
    artconv_buf_dispose(&page);
}

/* A banner that wraps the page's <main> (a theme's header left open around
 * everything, its menus longer than the article) is not dropped whole: the
 * article in it is read. */
static void test_clean_banner_holding_main(void)
{
    artconv_buf page = ARTCONV_BUF_INIT;
    artconv_article *a = NULL;
    artconv_error err;
    int i;

    artconv_buf_puts(&page, "<html><head><title>Bridge to reopen</title></head><body>"
                            "<header role='banner'><div class='menu'>");
    for (i = 0; i < 60; i++)
        artconv_buf_puts(&page, "<a href='/section'>Harbour and shipping news section</a> ");
    artconv_buf_puts(&page, "</div><main><article><h1>Bridge to reopen</h1>" PROSE
                            "</article></main></header></body></html>");
    if (ok(read_html(&a, page.ptr, page.len, 0, 0, NULL, &err, NULL) == 0,
           "banner holding main page reads")) {
        ok(has_text(a, "harbour authority said"), "banner holding main: the article is read");
        ok(!has_text(a, "shipping news section"), "banner holding main: its menu goes");
        artconv_article_free(a);
    }
    artconv_buf_dispose(&page);
}

int main(void)
{
    int n;

    html = artconv_format_by_name("html");
    if (!ok(html != NULL && artconv_format_can_read(html), "the html format can be read"))
        return tap_done();
    test_sample();
    test_links();
    test_quote_attribution();
    test_inline_image();
    test_inline_quote();
    test_charsets();
    test_strict();
    test_no_extract();
    test_hostile();
    test_titles();
    test_jsonld_page_date();
    test_ruby();
    test_declared_author_metas();
    test_metadata_references();
    test_bylines();
    test_datelines();
    test_shared_news_rules();
    test_chrome();
    test_fragment();
    test_one_decoder();
    test_precision();
    test_page_kinds();
    test_listing_region();
    test_forum_posts();
    test_forum_comments();
    /* i15 metadata */
    test_meta_title_bar_site();
    test_meta_byline_text();
    test_meta_site_author();
    test_meta_author_by_id();
    test_meta_no_name_parts();
    /* i15 metadata: the visible headline */
    test_meta_headline_reworded();
    /* i15 extraction, round 2 */
    test_extract_deferred_box();
    test_extract_swallowing_header();
    test_extract_paywall_notice();
    /* i15 page kinds: a grid of items */
    test_kinds_grid();
    test_kinds_grid_article();
    /* i15 dates */
    test_dates_printed_earlier();
    test_dates_updated_words();
    test_dates_time_and_late();
    /* i15 extraction: cleaning */
    test_clean_caption_box();
    test_clean_cards_stay();
    test_clean_credit_and_ad_lines();
    test_clean_teaser();
    test_clean_author_part();
    test_clean_post_utility();
    test_clean_disclaimer();
    test_clean_comment_lines();
    test_clean_bold_ad_label();
    /* i15 metadata, round 3: titles and authors */
    test_meta_title_agreeing_h1();
    test_meta_author_link();
    /* i15 titles: short site suffix */
    test_meta_title_short_suffix();
    /* i15 metadata, meta2 */
    test_meta2_author_box();
    test_meta2_vendor_date();
    /* i15 page kinds: service and forum pages */
    test_kinds_open_panels();
    test_kinds_main_is_region();
    /* i15 cleaning and building, round 2 */
    test_clean_soft_hyphens();
    test_build_streamed_parts();
    test_clean_consent_panel();
    test_clean_banner_holding_main();
    n = golden_run("html-json", ".html", html, ".json", artconv_format_by_name("json"), NULL, NULL);
    ok(n >= 3, "golden html -> json: cases found");
    return tap_done();
}
