/*
 * scripts.c - no script reaches an output, whatever reader it came in by.
 *
 * Each reader (HTML, Markdown, text, EPUB, NewsML-G2) gets links and
 * images whose URLs spell javascript:, vbscript: or data:text/html through
 * HTML5 character references (&colon; &Tab; &NewLine; &#106; &#x09;...),
 * and each writer's output must hold no such URL once its own references
 * are decoded as a browser or cmark would; the Markdown output is also
 * rendered by cmark with raw HTML allowed (CMARK_OPT_UNSAFE).  Then: the
 * HTML reader at its read boundaries, <base href>, SVG images in EPUB,
 * and entity declarations in EPUB parts.
 */
#include "tap.h"
#include "testutil.h"
#include "testzip.h"
#include "charref.h"
#include "internal.h"

#include <cmark-gfm.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The URLs, as an HTML attribute would carry them. */
static const char *const hostile[] = {
    "javascript&colon;alert(1)",     "java&Tab;script:alert(2)",
    "java&NewLine;script:alert(3)",  "jav&#x09;ascript:alert(4)",
    "&#106;avascript:alert(5)",      "&#x6A;avascript&#x3A;alert(6)",
    "vbscript&colon;msgbox(7)",      "data&colon;text/html;base64,PGI+",
    "javascript&amp;colon;alert(9)", "JaVaScRiPt&colon;alert(10)",
};
#define N_HOSTILE (sizeof hostile / sizeof hostile[0])

/* Decodes every character reference (again while that changes the
 * bytes), drops tabs, line ends and backslashes (Markdown escapes), lowers
 * letters; then looks for a scheme that runs or embeds a document. */
static int has_script_url(const char *s, size_t len)
{
    static const char *const schemes[] = {"javascript:", "vbscript:", "data:text/html"};
    artconv_buf cur = ARTCONV_BUF_INIT, next = ARTCONV_BUF_INIT;
    int round, found = 0;
    size_t i, j;

    artconv_buf_put(&cur, s, len);
    for (round = 0; round < 4; round++) {
        artconv_buf_clear(&next);
        for (i = 0; i < cur.len;) {
            uint32_t cp[2];
            size_t n = ac_charref_decode(cur.ptr + i, cur.len - i, AC_CHARREF_TEXT, cp);
            char u[4];

            if (n == 0) {
                char c = cur.ptr[i++];

                if (c != '\t' && c != '\n' && c != '\r' && c != '\\')
                    artconv_buf_putc(&next, c >= 'A' && c <= 'Z' ? c + 32 : c);
                continue;
            }
            for (j = 0; j < 2 && cp[j] != 0; j++)
                if (cp[j] != '\t' && cp[j] != '\n' && cp[j] != '\r')
                    artconv_buf_put(
                        &next, u,
                        ac_charref_utf8(cp[j] >= 'A' && cp[j] <= 'Z' ? cp[j] + 32 : cp[j], u));
            i += n;
        }
        artconv_buf_clear(&cur);
        artconv_buf_put(&cur, next.ptr != NULL ? next.ptr : "", next.len);
    }
    for (j = 0; j < sizeof schemes / sizeof schemes[0]; j++)
        if (cur.ptr != NULL && strstr(cur.ptr, schemes[j]) != NULL)
            found = 1;
    artconv_buf_dispose(&cur);
    artconv_buf_dispose(&next);
    return found;
}

/* --- the inputs ------------------------------------------------------------ */

static void html_input(artconv_buf *in)
{
    size_t i;

    artconv_buf_puts(in, "<!DOCTYPE html><html><head><title>Story</title></head><body>"
                         "<article><h1>Story</h1><p>A safe <a href=\"https://example.org/ok\">"
                         "link</a> stays.</p>");
    for (i = 0; i < N_HOSTILE; i++) {
        artconv_buf_puts(in, "<p>Paragraph with a <a href=\"");
        artconv_buf_puts(in, hostile[i]);
        artconv_buf_puts(in, "\">bad link</a> and an image <img alt=\"pic\" src=\"");
        artconv_buf_puts(in, hostile[i]);
        artconv_buf_puts(in, "\"> in the text of a story long enough to keep.</p>");
    }
    artconv_buf_puts(in, "</article></body></html>");
}

static void markdown_input(artconv_buf *in)
{
    size_t i;

    artconv_buf_puts(in, "# Story\n\nA safe [link](https://example.org/ok) stays.\n\n");
    for (i = 0; i < N_HOSTILE; i++) {
        /* cmark decodes the references in destinations; <...> keeps the
         * parentheses and '<' of some URLs inside them. */
        artconv_buf_puts(in, "Text [bad link](<");
        artconv_buf_puts(in, hostile[i]);
        artconv_buf_puts(in, ">) and ![pic](<");
        artconv_buf_puts(in, hostile[i]);
        artconv_buf_puts(in, ">).\n\n<a href=\"");
        artconv_buf_puts(in, hostile[i]);
        artconv_buf_puts(in, "\">raw</a>\n\n");
    }
}

/* Plain text keeps no references: its URLs are the decoded ones. */
static const char *const decoded[] = {
    "javascript:alert(1)", "java\tscript:alert(2)",      " JaVaScRiPt:alert(3)",
    "vbscript:msgbox(7)",  "data:text/html;base64,PGI+", "javascript&colon;alert(9)",
};
#define N_DECODED (sizeof decoded / sizeof decoded[0])

static void text_input(artconv_buf *in)
{
    size_t i;
    char line[128];

    artconv_buf_puts(in, "Story\n=====\n\n");
    for (i = 0; i < N_DECODED; i++) {
        snprintf(line, sizeof line, "Text [bad link][%zu] and [Image: pic][%zu].\n\n", i + 1,
                 i + 1);
        artconv_buf_puts(in, line);
    }
    for (i = 0; i < N_DECODED; i++) {
        snprintf(line, sizeof line, "[%zu]: %s\n", i + 1, decoded[i]);
        artconv_buf_puts(in, line);
    }
}

/* XML has no &colon; without a DTD (and a DTD with entities is refused),
 * so the XML readers get the numeric spellings. */
static const char *const numeric[] = {
    "jav&#x09;ascript:alert(4)",     "&#106;avascript:alert(5)", "&#x6A;avascript&#x3A;alert(6)",
    "java&#10;script:alert(3)",      "&#32;javascript:alert(1)", "vbscript&#58;msgbox(7)",
    "javascript&amp;colon;alert(9)",
};
#define N_NUMERIC (sizeof numeric / sizeof numeric[0])

static void xhtml_body(artconv_buf *in)
{
    size_t i;

    for (i = 0; i < N_NUMERIC; i++) {
        artconv_buf_puts(in, "<p>Paragraph with a <a href=\"");
        artconv_buf_puts(in, numeric[i]);
        artconv_buf_puts(in, "\">bad link</a> and <img alt=\"pic\" src=\"");
        artconv_buf_puts(in, numeric[i]);
        artconv_buf_puts(in, "\"/>.</p>");
    }
}

static void epub_input(artconv_buf *in)
{
    artconv_buf ch = ARTCONV_BUF_INIT;

    artconv_buf_puts(&ch, "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"
                          "<head><title>Story</title></head><body><h1>Story</h1>");
    xhtml_body(&ch);
    artconv_buf_puts(&ch, "</body></html>");
    tz_make_epub(in, ch.ptr, ch.len);
    artconv_buf_dispose(&ch);
}

static void newsml_input(artconv_buf *in)
{
    artconv_buf_puts(in, "<?xml version=\"1.0\"?>\n<newsItem "
                         "xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"urn:x:1\" "
                         "version=\"1\" standard=\"NewsML-G2\" standardversion=\"2.29\">"
                         "<contentMeta><headline>Story</headline></contentMeta><contentSet>"
                         "<inlineXML contenttype=\"application/xhtml+xml\"><html "
                         "xmlns=\"http://www.w3.org/1999/xhtml\"><body>");
    xhtml_body(in);
    artconv_buf_puts(in, "</body></html></inlineXML></contentSet></newsItem>");
}

/* --- the matrix ------------------------------------------------------------ */

static const char *const writers[] = {"markdown", "html", "json", "text", "newsml", "epub"};

/* Checks every entry of a zip (the EPUB writer's output). */
static int zip_has_script_url(const artconv_buf *zip)
{
    zip_t *za = tz_open(zip);
    zip_int64_t i, n;
    int found = 0;

    if (za == NULL)
        return 1;
    n = zip_get_num_entries(za, 0);
    for (i = 0; i < n; i++) {
        artconv_buf e = ARTCONV_BUF_INIT;

        if (tz_read_index(za, (zip_uint64_t)i, &e) < 0 || has_script_url(e.ptr, e.len))
            found = 1;
        artconv_buf_dispose(&e);
    }
    zip_discard(za);
    return found;
}

static void check_writers(const char *reader, const artconv_article *a)
{
    size_t w;
    char what[300];

    for (w = 0; w < sizeof writers / sizeof writers[0]; w++) {
        artconv_write_options wo;
        artconv_write_options_init(&wo);
        artconv_buf out = ARTCONV_BUF_INIT;
        artconv_error err;
        int bad;

        wo.timestamp = 0;
        if (artconv_write(&out, artconv_format_by_name(writers[w]), a, &wo, &err) < 0) {
            snprintf(what, sizeof what, "%s -> %s: written (%.80s)", reader, writers[w],
                     err.message);
            ok(0, what);
            continue;
        }
        bad = strcmp(writers[w], "epub") == 0 ? zip_has_script_url(&out)
                                              : has_script_url(out.ptr, out.len);
        snprintf(what, sizeof what, "%s -> %s: no javascript:, vbscript: or data:text/html URL",
                 reader, writers[w]);
        ok(!bad, what);
        if (strcmp(writers[w], "markdown") == 0) {
            char *html = cmark_markdown_to_html(out.ptr, out.len, CMARK_OPT_UNSAFE);

            snprintf(what, sizeof what, "%s -> markdown, rendered by cmark --unsafe: no script URL",
                     reader);
            ok(html != NULL && !has_script_url(html, strlen(html)), what);
            free(html);
        }
        if (strcmp(reader, "html") == 0 && strcmp(writers[w], "html") == 0) {
            ok(strstr(out.ptr, "href=\"https://example.org/ok\"") != NULL,
               "html -> html: the safe link stays");
            ok(strstr(out.ptr, "bad link") != NULL, "html -> html: the bad link keeps its text");
        }
        artconv_buf_dispose(&out);
    }
}

static void test_matrix(void)
{
    static const struct {
        const char *format;
        void (*make)(artconv_buf *);
    } readers[] = {
        {"html", html_input}, {"markdown", markdown_input}, {"text", text_input},
        {"epub", epub_input}, {"newsml", newsml_input},
    };
    size_t r;
    char what[160];

    for (r = 0; r < sizeof readers / sizeof readers[0]; r++) {
        artconv_buf in = ARTCONV_BUF_INIT;
        artconv_article *a = NULL;
        artconv_error err;

        readers[r].make(&in);
        snprintf(what, sizeof what, "%s: the hostile input is read", readers[r].format);
        if (ok(artconv_read(&a, artconv_format_by_name(readers[r].format), in.ptr, in.len, NULL,
                            &err) == 0,
               what))
            check_writers(readers[r].format, a);
        else
            printf("#   %s\n", err.message);
        artconv_article_free(a);
        artconv_buf_dispose(&in);
    }
}

/* --- the HTML reader's read boundaries --------------------------------------- */

/* The plain text of the article's body, paragraphs joined. */
static void body_text(artconv_buf *out, const artconv_article *a)
{
    artconv_iter it;
    artconv_event ev;

    artconv_iter_init(&it, artconv_article_body(a));
    while ((ev = artconv_iter_next(&it)) != ARTCONV_EVENT_DONE) {
        const artconv_node *n = artconv_iter_node(&it);

        if (ev == ARTCONV_EVENT_ENTER && artconv_node_get_kind(n) == ARTCONV_NODE_TEXT)
            artconv_buf_puts(out, artconv_node_get_literal(n));
    }
}

/* The links with a URL in the article's body. */
static int count_links(const artconv_article *a)
{
    artconv_iter it;
    artconv_event ev;
    int n = 0;

    artconv_iter_init(&it, artconv_article_body(a));
    while ((ev = artconv_iter_next(&it)) != ARTCONV_EVENT_DONE) {
        const artconv_node *node = artconv_iter_node(&it);
        const char *url = artconv_node_get_url(node);

        n += ev == ARTCONV_EVENT_ENTER && artconv_node_get_kind(node) == ARTCONV_NODE_LINK &&
             url != NULL && *url != '\0';
    }
    return n;
}

/* Where libxml2's reads end depends on its buffer (4,000 bytes at a time
 * in 2.9.14), so references are put at every offset around the first
 * boundaries: each must decode, none may be split. */
static void test_boundaries(void)
{
    static const char refs[] = "&colon;&Tab;&#106;&#x6A;&LT;&copy &notin;&nGt;";
    /* The tab is white space, collapsed to a space in the model. */
    static const char want[] = ": jj<\xC2\xA9 \xE2\x88\x89\xE2\x89\xAB\xE2\x83\x92";
    const artconv_format *html = artconv_format_by_name("html");
    int pad, wrong = 0, links = 0;

    for (pad = 3900; pad < 4100; pad++) {
        artconv_buf in = ARTCONV_BUF_INIT, text = ARTCONV_BUF_INIT;
        artconv_read_options ro;
        artconv_read_options_init(&ro);
        artconv_article *a = NULL;
        artconv_error err;
        char *fill = malloc((size_t)pad + 1);

        ro.no_extract = 1;
        memset(fill, 'x', (size_t)pad);
        fill[pad] = '\0';
        artconv_buf_puts(&in, "<html><body><p>");
        artconv_buf_puts(&in, fill);
        artconv_buf_puts(&in, "|");
        artconv_buf_puts(&in, refs);
        artconv_buf_puts(&in, "|<a href=\"javascript&colon;alert(1)\">l</a></p></body></html>");
        if (artconv_read(&a, html, in.ptr, in.len, &ro, &err) == 0) {
            const char *bar;

            body_text(&text, a);
            bar = text.ptr != NULL ? strchr(text.ptr, '|') : NULL;
            if (bar == NULL || strncmp(bar + 1, want, strlen(want)) != 0 ||
                bar[1 + strlen(want)] != '|') {
                if (wrong++ < 3)
                    printf("#   pad %d: %s\n", pad, bar != NULL ? bar : "(no text)");
            }
            links += count_links(a);
        } else {
            wrong++;
        }
        artconv_article_free(a);
        artconv_buf_dispose(&in);
        artconv_buf_dispose(&text);
        free(fill);
    }
    is_int(wrong, 0, "HTML5 references decode at every offset around the read boundary");
    is_int(links, 0, "...and no javascript&colon; link survives there");
}

/* --- <base href> ------------------------------------------------------------- */

/* The URL of the first link in the body, copied into `out`. */
static void first_link(char *out, size_t size, const char *page)
{
    artconv_read_options ro;
    artconv_read_options_init(&ro);
    artconv_article *a = NULL;
    artconv_error err;
    artconv_iter it;
    artconv_event ev;

    out[0] = '\0';
    ro.no_extract = 1;
    if (artconv_read(&a, artconv_format_by_name("html"), page, strlen(page), &ro, &err) < 0)
        return;
    artconv_iter_init(&it, artconv_article_body(a));
    while ((ev = artconv_iter_next(&it)) != ARTCONV_EVENT_DONE) {
        const artconv_node *n = artconv_iter_node(&it);

        if (ev == ARTCONV_EVENT_ENTER && artconv_node_get_kind(n) == ARTCONV_NODE_LINK) {
            snprintf(out, size, "%s", artconv_node_get_url(n) ? artconv_node_get_url(n) : "");
            break;
        }
    }
    artconv_article_free(a);
}

static void test_base(void)
{
    char url[256];

    first_link(url, sizeof url,
               "<html><head><title>T</title></head><body><base href=\"javascript:alert(1)//\">"
               "<p><a href=\"story.html\">x</a></p></body></html>");
    is_str(url, "story.html", "a <base> in the body does not change a relative link");
    first_link(url, sizeof url,
               "<html><head><base href=\"javascript&colon;alert(1)//\"></head><body>"
               "<p><a href=\"story.html\">x</a></p></body></html>");
    is_str(url, "story.html", "a javascript: <base> in <head> is ignored");
    first_link(url, sizeof url,
               "<html><head><base href=\"https://example.org/news/\">"
               "<base href=\"https://evil.example/\"></head><body>"
               "<p><a href=\"story.html\">x</a></p></body></html>");
    is_str(url, "https://example.org/news/story.html", "the first http(s) <base> in <head> counts");
    first_link(url, sizeof url,
               "<html><head><base href=\"data:text/html,x\"></head><body>"
               "<p><a href=\"story.html\">x</a></p></body></html>");
    is_str(url, "story.html", "a data: <base> is ignored");
}

/* --- SVG images in EPUB -------------------------------------------------------- */

static char tmpdir[] = "/tmp/artconv-scripts-XXXXXX";

static void count_warning(const artconv_error *w, void *payload)
{
    artconv_buf *all = payload;

    artconv_buf_puts(all, w->message);
    artconv_buf_puts(all, "\n");
}

/* 1 if the EPUB writer embeds `svg` as an image. */
static int svg_embedded(const char *svg, artconv_buf *warnings)
{
    char path[256];
    FILE *f;
    artconv_article *a = artconv_article_new();
    artconv_node *fig = ac_node_add(artconv_article_body(a), ARTCONV_NODE_FIGURE, NULL);
    artconv_write_options wo;
    artconv_write_options_init(&wo);
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_error err;
    int embedded = 0;

    snprintf(path, sizeof path, "%s/pic.svg", tmpdir);
    f = fopen(path, "wb");
    fputs(svg, f);
    fclose(f);
    artconv_article_set(a, ARTCONV_META_TITLE, "T", NULL);
    artconv_node_set_url(fig, "pic.svg", NULL);
    wo.timestamp = 0;
    wo.resource_dir = tmpdir;
    wo.warning = count_warning;
    wo.payload = warnings;
    if (artconv_write(&out, artconv_format_by_name("epub"), a, &wo, &err) == 0) {
        zip_t *za = tz_open(&out);

        embedded = za != NULL && zip_name_locate(za, "EPUB/images/image-1.svg", 0) >= 0;
        if (za != NULL)
            zip_discard(za);
    }
    artconv_buf_dispose(&out);
    artconv_article_free(a);
    return embedded;
}

#define SVG_OPEN                                                                                   \
    "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "      \
    "width=\"10\" height=\"10\">"

static void test_svg(void)
{
    static const struct {
        const char *why;
        const char *svg;
    } refused[] = {
        {"<script>", SVG_OPEN "<script>alert(1)</script></svg>"},
        {"<animate> to a javascript: href",
         SVG_OPEN "<a><animate attributeName=\"href\" values=\"javascript:alert(1)\"/>"
                  "<text>x</text></a></svg>"},
        {"<set> to javascript:",
         SVG_OPEN "<set attributeName=\"xlink:href\" to=\"javascript:alert(1)\"/></svg>"},
        {"<animateTransform> with a javascript: value",
         SVG_OPEN "<rect width=\"1\" height=\"1\"><animateTransform attributeName=\"transform\" "
                  "from=\"javascript:alert(1)\"/></rect></svg>"},
        {"<handler>", SVG_OPEN "<handler type=\"application/ecmascript\">alert(1)</handler></svg>"},
        {"an onload attribute", SVG_OPEN "<rect onload=\"alert(1)\" width=\"1\"/></svg>"},
        {"<foreignObject>", SVG_OPEN "<foreignObject><p xmlns=\"http://www.w3.org/1999/xhtml\">x"
                                     "</p></foreignObject></svg>"},
        {"an external url() in style",
         SVG_OPEN "<rect style=\"fill:url(https://evil.example/x.svg#p)\" width=\"1\"/></svg>"},
        {"an external url() in fill",
         SVG_OPEN "<rect fill=\"url('http://evil.example/p')\" width=\"1\"/></svg>"},
        {"an external <use>", SVG_OPEN "<use href=\"https://evil.example/s.svg#a\"/></svg>"},
        {"an xlink:href to another file", SVG_OPEN "<use xlink:href=\"other.svg#a\"/></svg>"},
        {"<image>", SVG_OPEN "<image href=\"data:image/png;base64,AA==\"/></svg>"},
        {"<style>", SVG_OPEN "<style>@import url(https://evil.example/a.css);</style></svg>"},
        {"an xml-stylesheet instruction",
         "<?xml-stylesheet href=\"https://evil.example/a.css\"?>" SVG_OPEN "</svg>"},
        {"an entity declaration",
         "<!DOCTYPE svg [<!ENTITY e \"x\">]>" SVG_OPEN "<text>&e;</text></svg>"},
        {"an external parameter entity",
         "<!DOCTYPE svg [<!ENTITY % p SYSTEM \"https://evil.example/p.dtd\">%p;]>" SVG_OPEN
         "</svg>"},
        {"a script inside <metadata>", SVG_OPEN "<metadata><script>alert(1)</script></metadata>"
                                                "</svg>"},
    };
    artconv_buf warnings = ARTCONV_BUF_INIT;
    char what[160];
    size_t i;

    ok(svg_embedded(SVG_OPEN "<defs><linearGradient id=\"g\"><stop offset=\"0\" "
                             "stop-color=\"red\"/></linearGradient></defs><rect id=\"r\" "
                             "width=\"10\" height=\"10\" style=\"fill:url(#g)\"/>"
                             "<use xlink:href=\"#r\"/><metadata><rdf:RDF xmlns:rdf=\"http://www."
                             "w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description "
                             "rdf:about=\"\"/></rdf:RDF></metadata><text x=\"1\">A</text></svg>",
                    &warnings),
       "svg: a drawing with gradients, <use href=\"#id\"> and RDF metadata is embedded");
    for (i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        artconv_buf_clear(&warnings);
        snprintf(what, sizeof what, "svg: refused with a warning: %s", refused[i].why);
        ok(!svg_embedded(refused[i].svg, &warnings) &&
               strstr(warnings.ptr != NULL ? warnings.ptr : "", "SVG with scripts") != NULL,
           what);
    }
    artconv_buf_dispose(&warnings);
}

/* --- entity declarations in EPUB parts ----------------------------------------- */

static void test_epub_entities(void)
{
    static const char *const chapters[] = {
        "<?xml version=\"1.0\"?>\n<!DOCTYPE html [<!ENTITY % p SYSTEM "
        "\"http://evil.example/p.dtd\">%p;]>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"
        "<head><title>T</title></head><body><p>x</p></body></html>",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE html [<!ENTITY % p \"<!ENTITY x 'y'>\">]>\n"
        "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>T</title></head>"
        "<body><p>x</p></body></html>",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
        "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>T</title></head>"
        "<body><p>&x;</p></body></html>",
    };
    static const char *const what[] = {
        "epub: an external parameter entity is refused",
        "epub: an internal parameter entity is refused",
        "epub: an external general entity is refused",
    };
    size_t i;

    for (i = 0; i < sizeof chapters / sizeof chapters[0]; i++) {
        artconv_buf in = ARTCONV_BUF_INIT;
        artconv_article *a = NULL;
        artconv_error err;
        int rc;

        tz_make_epub(&in, chapters[i], strlen(chapters[i]));
        rc = artconv_read(&a, artconv_format_by_name("epub"), in.ptr, in.len, NULL, &err);
        ok(rc == ARTCONV_EPARSE && a == NULL &&
               strstr(err.message, "declares entities, which are refused") != NULL,
           what[i]);
        artconv_article_free(a);
        artconv_buf_dispose(&in);
    }
    {
        /* An external DTD subset without entity declarations stays allowed. */
        static const char ch[] = "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD "
                                 "XHTML 1.1//EN\" \"http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd\">"
                                 "\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>T"
                                 "</title></head><body><p>x</p></body></html>";
        artconv_buf in = ARTCONV_BUF_INIT;
        artconv_article *a = NULL;
        artconv_error err;

        tz_make_epub(&in, ch, sizeof ch - 1);
        ok(artconv_read(&a, artconv_format_by_name("epub"), in.ptr, in.len, NULL, &err) == 0,
           "epub: an external DTD subset alone is read (nothing is loaded)");
        artconv_article_free(a);
        artconv_buf_dispose(&in);
    }
}

int main(void)
{
    char path[300];

    if (mkdtemp(tmpdir) == NULL)
        return tap_skip_all("no temporary folder");
    test_matrix();
    test_boundaries();
    test_base();
    test_svg();
    test_epub_entities();
    snprintf(path, sizeof path, "%s/pic.svg", tmpdir);
    unlink(path);
    rmdir(tmpdir);
    return tap_done();
}
