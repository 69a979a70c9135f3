/*
 * html_read.c - the HTML reader: the sample news page, links, charsets,
 * --no-extract, hostile and broken input (each with a time limit), and
 * golden HTML -> JSON cases under tests/golden/html-json/.
 */
#include "artconv.h"
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
    artconv_iter it;
    artconv_event ev;

    artconv_iter_init(&it, artconv_article_body(a));
    while ((ev = artconv_iter_next(&it)) != ARTCONV_EVENT_DONE) {
        const artconv_node *n = artconv_iter_node(&it);
        const char *s;

        if (artconv_node_get_kind(n) < ARTCONV_NODE_FIRST_INLINE)
            artconv_buf_putc(&out, '\n');
        if (ev == ARTCONV_EVENT_ENTER && (s = artconv_node_get_literal(n)) != NULL)
            artconv_buf_puts(&out, s);
    }
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
    artconv_iter it;
    artconv_event ev;

    artconv_iter_init(&it, artconv_article_body(a));
    while ((ev = artconv_iter_next(&it)) != ARTCONV_EVENT_DONE)
        if (ev == ARTCONV_EVENT_ENTER && artconv_node_get_kind(artconv_iter_node(&it)) == kind)
            return artconv_iter_node(&it);
    return NULL;
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
    artconv_iter it;
    artconv_event ev;
    int js = 0, links = 0;

    if (read_html(&a, page, sizeof page - 1, 1, 0, NULL, &err, NULL) != 0) {
        ok(0, "links page reads");
        return;
    }
    link = find_kind(a, ARTCONV_NODE_LINK);
    is_str(artconv_node_get_url(link), "https://example.com/news/story.html",
           "relative link resolved against <base href>");
    artconv_iter_init(&it, artconv_article_body(a));
    while ((ev = artconv_iter_next(&it)) != ARTCONV_EVENT_DONE) {
        const char *u = artconv_node_get_url(artconv_iter_node(&it));

        if (ev != ARTCONV_EVENT_ENTER || u == NULL)
            continue;
        links++;
        js += strstr(u, "script") != NULL || strstr(u, "Script") != NULL;
    }
    is_int(js, 0, "no javascript: URL reaches the model");
    ok(has_text(a, "a trap"), "the text of a dropped link stays");
    is_int(links, 3, "two links and the image keep their URLs");
    ok(has_text(a, "notes"), "in-page link text kept");
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

int main(void)
{
    int n;

    html = artconv_format_by_name("html");
    if (!ok(html != NULL && artconv_format_can_read(html), "the html format can be read"))
        return tap_done();
    test_sample();
    test_links();
    test_charsets();
    test_strict();
    test_no_extract();
    test_hostile();
    test_titles();
    n = golden_run("html-json", ".html", html, ".json", artconv_format_by_name("json"), NULL, NULL);
    ok(n >= 3, "golden html -> json: cases found");
    return tap_done();
}
