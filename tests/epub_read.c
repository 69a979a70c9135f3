/*
 * epub_read.c - the EPUB reader: books made by pandoc and calibre (golden Markdown),
 * spine handling, and hostile archives built here with libzip: not a zip,
 * no container, path traversal in entry names and in the package, entity
 * declarations (external and billion laughs), malformed XML, a missing
 * package document and a zip bomb.
 *
 * tests/golden/epub_read/pandoc.epub was made once with Debian 12's pandoc
 * 2.17.1.1 from pandoc-source.md beside it:
 *   pandoc pandoc-source.md -o pandoc.epub
 * and calibre.epub with Debian 12's calibre 6.13 from calibre-source.html
 * (pandoc -s pandoc-source.md -o calibre-source.html):
 *   ebook-convert calibre-source.html calibre.epub --no-default-epub-cover \
 *     --title "Night ferry returns to the island" --authors "Ana Costa & Tom Reid" \
 *     --language en-GB --publisher "The Harbour Gazette" --pubdate 2024-05-06
 * The tests never run pandoc or calibre.
 */
#include "tap.h"
#include "testutil.h"
#include "internal.h"
#include "epub.h"
#include "testzip.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

static const char container_ok[] =
    "<?xml version=\"1.0\"?>\n<container version=\"1.0\" "
    "xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles><rootfile "
    "full-path=\"OPS/book.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles>"
    "</container>";

static const char opf_ok[] =
    "<?xml version=\"1.0\"?>\n<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" "
    "unique-identifier=\"id\"><metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
    "<dc:identifier id=\"other\">isbn-not-this</dc:identifier>"
    "<dc:identifier id=\"id\">book-1</dc:identifier><dc:title> A small book </dc:title>"
    "<dc:creator>Ana Costa</dc:creator><dc:language>pt</dc:language>"
    "<dc:date>2024-05-06</dc:date><dc:subject>ferries</dc:subject>"
    "<meta property=\"dcterms:modified\">2024-05-07T10:00:00Z</meta></metadata>"
    "<manifest><item id=\"c1\" href=\"text/one.xhtml\" media-type=\"application/xhtml+xml\"/>"
    "<item id=\"c2\" href=\"text/two%20b.xhtml\" media-type=\"application/xhtml+xml\"/>"
    "<item id=\"skip\" href=\"text/skip.xhtml\" media-type=\"application/xhtml+xml\"/>"
    "<item id=\"img\" href=\"img/x.png\" media-type=\"image/png\"/></manifest>"
    "<spine><itemref idref=\"c1\"/><itemref idref=\"skip\" linear=\"no\"/>"
    "<itemref idref=\"img\"/><itemref idref=\"c2\"/></spine></package>";

static const char xhtml_one[] =
    "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>1</title>"
    "</head><body><h1>A small book</h1><p>First <em>page</em>.</p></body></html>";
static const char xhtml_two[] =
    "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>2</title>"
    "</head><body><h2>Later</h2><p>Second page.</p></body></html>";
static const char xhtml_skip[] =
    "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>3</title>"
    "</head><body><p>Not in the reading order.</p></body></html>";

static int read_zip(artconv_article **out, const tz_entry *entries, size_t n, artconv_error *err)
{
    artconv_buf data = ARTCONV_BUF_INIT;
    int rc;

    if (tz_make(&data, entries, n) < 0) {
        artconv_buf_dispose(&data);
        return 1;
    }
    rc = artconv_read(out, artconv_format_by_name("epub"), data.ptr, data.len, NULL, err);
    artconv_buf_dispose(&data);
    return rc;
}

/* --- warnings, and books made of a package and its documents ------------------ */

typedef struct {
    int count;
    char all[8192];
} warnings;

static void collect(const artconv_error *w, void *payload)
{
    warnings *ws = payload;
    size_t n = strlen(ws->all);

    ws->count++;
    snprintf(ws->all + n, sizeof ws->all - n, "%s: %s\n", w->file != NULL ? w->file : "-",
             w->message);
}

/* Reads the zip of `entries` with warnings collected into `ws` and the
 * input named "book.epub". */
static int read_zip_warned(artconv_article **out, const tz_entry *entries, size_t n, warnings *ws,
                           artconv_error *err)
{
    artconv_buf data = ARTCONV_BUF_INIT;
    artconv_read_options ro;
    int rc;

    memset(ws, 0, sizeof *ws);
    artconv_read_options_init(&ro);
    ro.filename = "book.epub";
    ro.warning = collect;
    ro.payload = ws;
    if (tz_make(&data, entries, n) < 0) {
        artconv_buf_dispose(&data);
        return 1;
    }
    rc = artconv_read(out, artconv_format_by_name("epub"), data.ptr, data.len, &ro, err);
    artconv_buf_dispose(&data);
    return rc;
}

static char *to_format(const artconv_article *a, const char *format)
{
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_error err;

    if (artconv_write(&out, artconv_format_by_name(format), a, NULL, &err) < 0) {
        printf("# write %s failed: %s\n", format, err.message);
        artconv_buf_dispose(&out);
        return NULL;
    }
    return out.ptr;
}

#define PKG_HEAD                                                                                   \
    "<?xml version=\"1.0\"?>\n<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" "    \
    "unique-identifier=\"id\"><metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"            \
    "<dc:identifier id=\"id\">b</dc:identifier><dc:title>Spec</dc:title>"                          \
    "<dc:language>en</dc:language>"
#define XHTML_HEAD                                                                                 \
    "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" "                       \
    "xmlns:epub=\"http://www.idpf.org/2007/ops\"><head><title>x</title></head>"

/* Chapters marked toc, cover, titlepage or landmarks by class or
 * epub:type are content; only the navigation document the manifest
 * marks (properties="nav") is left out, with a warning. */
static void test_marked_chapters(void)
{
    static const char opf[] = PKG_HEAD
        "</metadata><manifest>"
        "<item id=\"nav\" href=\"nav.xhtml\" properties=\"nav\" "
        "media-type=\"application/xhtml+xml\"/>"
        "<item id=\"t\" href=\"title.xhtml\" media-type=\"application/xhtml+xml\"/>"
        "<item id=\"c\" href=\"toc-chapter.xhtml\" media-type=\"application/xhtml+xml\"/>"
        "<item id=\"l\" href=\"land.xhtml\" media-type=\"application/xhtml+xml\"/>"
        "</manifest><spine><itemref idref=\"nav\"/><itemref idref=\"t\"/><itemref idref=\"c\"/>"
        "<itemref idref=\"l\"/></spine></package>";
    static const char nav[] =
        XHTML_HEAD "<body><nav epub:type=\"toc\"><ol><li><a href=\"title.xhtml\">Title</a></li>"
                   "</ol></nav><nav epub:type=\"landmarks\"><ol><li><a epub:type=\"bodymatter\" "
                   "href=\"title.xhtml\">Start</a></li></ol></nav></body></html>";
    static const char title[] =
        XHTML_HEAD "<body><section epub:type=\"titlepage\"><h1>Spec</h1>"
                   "<p>The title page says who wrote it.</p></section></body></html>";
    static const char chapter[] =
        XHTML_HEAD "<body class=\"toc\"><section class=\"toc cover\"><h2>Overview</h2>"
                   "<p>Most of the specification is here.</p></section></body></html>";
    static const char land[] =
        XHTML_HEAD "<body><div epub:type=\"landmarks\"><p>Landmarks text stays.</p></div>"
                   "</body></html>";
    const tz_entry entries[] = {
        {"mimetype", "application/epub+zip", 0},
        {"META-INF/container.xml", container_ok, 0},
        {"OPS/book.opf", opf, 0},
        {"OPS/nav.xhtml", nav, 0},
        {"OPS/title.xhtml", title, 0},
        {"OPS/toc-chapter.xhtml", chapter, 0},
        {"OPS/land.xhtml", land, 0},
    };
    artconv_article *a = NULL;
    artconv_error err;
    warnings ws;
    char *md;

    is_int(read_zip_warned(&a, entries, 7, &ws, &err), 0, "marked chapters: the book reads");
    if (a == NULL)
        return;
    md = to_format(a, "markdown");
    ok(md != NULL && strstr(md, "The title page says who wrote it.") != NULL,
       "an epub:type=titlepage section is content");
    ok(md != NULL && strstr(md, "Most of the specification is here.") != NULL,
       "a chapter with class toc and cover is content");
    ok(md != NULL && strstr(md, "Landmarks text stays.") != NULL,
       "an epub:type=landmarks block outside the nav document is content");
    ok(md != NULL && strstr(md, "Start") == NULL && strstr(md, "[Title]") == NULL,
       "the navigation document is left out");
    ok(strstr(ws.all, "nav.xhtml") != NULL && strstr(ws.all, "navigation") != NULL,
       "a warning names the navigation document left out");
    ok(strstr(ws.all, "book.epub: ") != NULL, "the warning names the input");
    if (ws.count > 0)
        printf("# warnings:\n# %s", ws.all);
    free(md);
    artconv_article_free(a);
}

/* Manifest hrefs are IRIs: non-ASCII names, raw or percent-encoded, and
 * ".." that stays inside the book resolve; ".." above the root does not
 * (see test_hostile). */
static void test_iri_hrefs(void)
{
    static const char opf[] = PKG_HEAD
        "</metadata><manifest>"
        "<item id=\"a\" href=\"xhtml/\xe8\xa1\xa8\xe7\xb4\x99.xhtml\" "
        "media-type=\"application/xhtml+xml\"/>"
        "<item id=\"b\" href=\"xhtml/%E7%AB%A0%201.xhtml#start\" "
        "media-type=\"application/xhtml+xml\"/>"
        "<item id=\"c\" href=\"./xhtml/../xhtml/./c.xhtml\" media-type=\"application/xhtml+xml\"/>"
        "</manifest><spine><itemref idref=\"a\"/><itemref idref=\"b\"/><itemref idref=\"c\"/>"
        "</spine></package>";
    const tz_entry entries[] = {
        {"mimetype", "application/epub+zip", 0},
        {"META-INF/container.xml", container_ok, 0},
        {"OPS/book.opf", opf, 0},
        {"OPS/xhtml/\xe8\xa1\xa8\xe7\xb4\x99.xhtml",
         XHTML_HEAD "<body><p>Cover text.</p></body></html>", 0},
        {"OPS/xhtml/\xe7\xab\xa0 1.xhtml", XHTML_HEAD "<body><p>Chapter one.</p></body></html>", 0},
        {"OPS/xhtml/c.xhtml", XHTML_HEAD "<body><p>Chapter two.</p></body></html>", 0},
    };
    artconv_article *a = NULL;
    artconv_error err;
    warnings ws;
    char *md;

    if (!is_int(read_zip_warned(&a, entries, 6, &ws, &err), 0, "IRI hrefs: the book reads"))
        printf("#   message: %s\n", err.message);
    if (a == NULL)
        return;
    md = to_format(a, "markdown");
    ok(md != NULL && strstr(md, "Cover text.\n\nChapter one.\n\nChapter two.") != NULL,
       "non-ASCII, percent-encoded and dotted hrefs name their entries");
    free(md);
    artconv_article_free(a);
}

static void test_small_book(void)
{
    const tz_entry entries[] = {
        {"mimetype", "application/epub+zip", 0},
        {"META-INF/container.xml", container_ok, 0},
        {"OPS/book.opf", opf_ok, 0},
        {"OPS/text/one.xhtml", xhtml_one, 0},
        {"OPS/text/two b.xhtml", xhtml_two, 0},
        {"OPS/text/skip.xhtml", xhtml_skip, 0},
        {"OPS/img/x.png", "\x89PNG\r\n\x1a\n", 8},
    };
    artconv_article *a = NULL;
    artconv_buf md = ARTCONV_BUF_INIT;
    artconv_error err;

    is_int(read_zip(&a, entries, 7, &err), 0, "a small hand-made EPUB reads");
    if (a == NULL)
        return;
    is_str(artconv_article_get(a, ARTCONV_META_TITLE), "A small book", "title, trimmed");
    is_str(artconv_article_get(a, ARTCONV_META_ID), "book-1", "the unique identifier");
    is_str(artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, 0), "Ana Costa", "creator");
    is_str(artconv_article_get(a, ARTCONV_META_LANGUAGE), "pt", "language");
    is_str(artconv_article_get(a, ARTCONV_META_DATE), "2024-05-06", "date");
    is_str(artconv_article_get(a, ARTCONV_META_MODIFIED), "2024-05-07T10:00:00Z", "modified");
    is_str(artconv_article_list_get(a, ARTCONV_LIST_KEYWORDS, 0), "ferries", "subject");
    artconv_write(&md, artconv_format_by_name("markdown"), a, NULL, &err);
    ok(md.ptr != NULL && strstr(md.ptr, "First *page*.\n\n## Later\n\nSecond page.") != NULL,
       "the spine in order, percent-encoded hrefs resolved");
    ok(md.ptr != NULL && strstr(md.ptr, "# A small book") == NULL,
       "a first heading repeating the title is dropped");
    ok(md.ptr != NULL && strstr(md.ptr, "Not in the reading order") == NULL,
       "linear=\"no\" items are skipped");
    ok(artconv_article_check(a, &err) == 0, "the article is valid");
    artconv_buf_dispose(&md);
    artconv_article_free(a);
}

/* Reads a book made by another tool and compares its Markdown. */
static void test_other_tool(const char *tool)
{
    char path[4096], what[128];
    artconv_article *a = NULL;
    artconv_buf md = ARTCONV_BUF_INIT;
    artconv_error err;

    snprintf(path, sizeof path, "%s/golden/epub_read/%s.epub", test_dir(), tool);
    snprintf(what, sizeof what, "%s's EPUB reads", tool);
    is_int(artconv_read_file(&a, NULL, path, NULL, &err), 0, what);
    if (a == NULL)
        return;
    artconv_write(&md, artconv_format_by_name("markdown"), a, NULL, &err);
    snprintf(path, sizeof path, "%s/golden/epub_read/%s.md", test_dir(), tool);
    snprintf(what, sizeof what, "%s's EPUB as Markdown", tool);
    golden_check(path, md.ptr, md.len, what);
    snprintf(what, sizeof what, "%s: both authors", tool);
    is_int(artconv_article_list_count(a, ARTCONV_LIST_AUTHORS), 2, what);
    snprintf(what, sizeof what, "%s: the title", tool);
    is_str(artconv_article_get(a, ARTCONV_META_TITLE), "Night ferry returns to the island", what);
    snprintf(what, sizeof what, "%s: the article checks", tool);
    ok(artconv_article_check(a, &err) == 0, what);
    artconv_buf_dispose(&md);
    artconv_article_free(a);
}

static void expect_error(const tz_entry *entries, size_t n, int code, const char *words,
                         const char *what)
{
    artconv_article *a = NULL;
    artconv_error err;
    int rc;

    memset(&err, 0, sizeof err);
    rc = read_zip(&a, entries, n, &err);
    if (!is_int(rc, code, what))
        printf("#   message: %s\n", err.message);
    else if (words != NULL && !ok(strstr(err.message, words) != NULL, what))
        printf("#   message: %s\n", err.message);
    ok(a == NULL, "no article after an error");
}

static void test_hostile(void)
{
    static const char opf_traversal[] =
        "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\"><metadata/>"
        "<manifest><item id=\"c\" href=\"../../../etc/passwd\" "
        "media-type=\"application/xhtml+xml\"/>"
        "</manifest><spine><itemref idref=\"c\"/></spine></package>";
    static const char opf_xxe[] =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE package [<!ENTITY xxe SYSTEM "
        "\"file:///etc/passwd\">]>\n"
        "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\"><metadata "
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>&xxe;</dc:title></metadata>"
        "</package>";
    static const char opf_laughs[] =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE p [<!ENTITY a \"aaaaaaaaaa\">"
        "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c "
        "\"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
        "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e "
        "\"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
        "]>\n<package xmlns=\"http://www.idpf.org/2007/opf\"><metadata "
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>&e;&e;&e;&e;</dc:title>"
        "</metadata></package>";
    static const char opf_broken[] = "<?xml version=\"1.0\"?>\n<package>\n<metadata>\n</package>";
    static const char container_out[] =
        "<container xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles>"
        "<rootfile full-path=\"../book.opf\"/></rootfiles></container>";
    artconv_article *a = NULL;
    artconv_error err;
    const tz_entry no_container[] = {{"mimetype", "application/epub+zip", 0}};
    const tz_entry evil_name[] = {{"mimetype", "application/epub+zip", 0},
                                  {"META-INF/container.xml", container_ok, 0},
                                  {"../../evil.xhtml", "x", 0}};
    const tz_entry abs_name[] = {{"/etc/evil", "x", 0}};
    const tz_entry traversal[] = {{"META-INF/container.xml", container_ok, 0},
                                  {"OPS/book.opf", opf_traversal, 0}};
    const tz_entry xxe[] = {{"META-INF/container.xml", container_ok, 0},
                            {"OPS/book.opf", opf_xxe, 0}};
    const tz_entry laughs[] = {{"META-INF/container.xml", container_ok, 0},
                               {"OPS/book.opf", opf_laughs, 0}};
    const tz_entry broken[] = {{"META-INF/container.xml", container_ok, 0},
                               {"OPS/book.opf", opf_broken, 0}};
    const tz_entry missing[] = {{"META-INF/container.xml", container_ok, 0}};
    const tz_entry outside[] = {{"META-INF/container.xml", container_out, 0}};
    const tz_entry not_package[] = {{"META-INF/container.xml", container_ok, 0},
                                    {"OPS/book.opf", "<html/>", 0}};
    size_t bomb_len = AC_EPUB_MAX_ENTRY + 1024;
    char *bomb = malloc(bomb_len);

    is_int(artconv_read(&a, artconv_format_by_name("epub"), "hello", 5, NULL, &err), ARTCONV_EPARSE,
           "not a zip: EPARSE");
    ok(strstr(err.message, "not an EPUB") != NULL, "and says so");
    expect_error(no_container, 1, ARTCONV_EPARSE, "META-INF/container.xml",
                 "no container.xml: EPARSE naming it");
    expect_error(evil_name, 3, ARTCONV_EPARSE, "leads outside", "an entry named ../..: EPARSE");
    expect_error(abs_name, 1, ARTCONV_EPARSE, "leads outside", "an absolute entry name: EPARSE");
    expect_error(traversal, 2, ARTCONV_EPARSE, "points outside",
                 "a manifest item outside the book: EPARSE");
    expect_error(outside, 1, ARTCONV_EPARSE, "outside the book",
                 "a package document outside the book: EPARSE");
    expect_error(xxe, 2, ARTCONV_EPARSE, "entities", "an external entity: refused");
    expect_error(laughs, 2, ARTCONV_EPARSE, NULL, "nested entities (billion laughs): refused");
    expect_error(broken, 2, ARTCONV_EPARSE, "not well-formed", "a malformed package: EPARSE");
    expect_error(missing, 1, ARTCONV_EPARSE, "OPS/book.opf", "a missing package: EPARSE");
    expect_error(not_package, 2, ARTCONV_EPARSE, "not a package document",
                 "a package of the wrong kind: EPARSE");
    if (bomb != NULL) {
        const tz_entry bombed[] = {{"META-INF/container.xml", bomb, bomb_len}};

        /* Deflates to about 64 KB and would inflate past the entry limit. */
        memset(bomb, ' ', bomb_len);
        expect_error(bombed, 1, ARTCONV_ELIMIT, "beyond the limit", "a zip bomb: ELIMIT");
        free(bomb);
    }
}

/* A chapter's parsed tree goes to the builder as it is: CDATA is text
 * (it came out as literal "<![CDATA[" with the markup-like text lost when
 * the chapter was serialised and reparsed as HTML); a self-closed <div/>
 * still ends where it starts. */
static void test_cdata(void)
{
    static const char chapter[] =
        "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head>"
        "<title>1</title></head><body><h1>A small book</h1>"
        "<p>Use <![CDATA[<b>bold</b> & co]]> here.</p><div/><p>After.</p></body></html>";
    const tz_entry entries[] = {
        {"mimetype", "application/epub+zip", 0},
        {"META-INF/container.xml", container_ok, 0},
        {"OPS/book.opf", opf_ok, 0},
        {"OPS/text/one.xhtml", chapter, 0},
        {"OPS/text/two b.xhtml", xhtml_two, 0},
        {"OPS/text/skip.xhtml", xhtml_skip, 0},
        {"OPS/img/x.png", "\x89PNG\r\n\x1a\n", 8},
    };
    artconv_article *a = NULL;
    artconv_buf txt = ARTCONV_BUF_INIT;
    artconv_error err;

    is_int(read_zip(&a, entries, 7, &err), 0, "an EPUB with CDATA reads");
    if (a == NULL)
        return;
    artconv_write(&txt, artconv_format_by_name("text"), a, NULL, &err);
    ok(txt.ptr != NULL && strstr(txt.ptr, "Use <b>bold</b> & co here.") != NULL,
       "CDATA is the text it holds");
    ok(txt.ptr != NULL && strstr(txt.ptr, "CDATA") == NULL, "no literal CDATA markers");
    ok(txt.ptr != NULL && strstr(txt.ptr, "here.\n\nAfter.") != NULL,
       "a self-closed <div/> ends where it starts");
    artconv_buf_dispose(&txt);
    artconv_article_free(a);
}

int main(void)
{
    test_small_book();
    test_cdata();
    test_marked_chapters();
    test_iri_hrefs();
    test_other_tool("pandoc");
    test_other_tool("calibre");
    test_hostile();
    return tap_done();
}
