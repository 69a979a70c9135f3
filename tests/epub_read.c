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

/* A 1x1 PNG and a 1x1 GIF. */
static const char png_1x1[] =
    "\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    "\x1f\x15\xc4\x89\x00\x00\x00\x0dIDATx\x9c\x63\xf8\xff\xff\x3f\x00\x05\xfe\x02\xfe\xa7\x35"
    "\x81\x84\x00\x00\x00\x00IEND\xae\x42\x60\x82";
static const char gif_1x1[] = "GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!"
                              "\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00"
                              "\x00\x02\x02\x44\x01\x00;";

/* Images are read from the book into the article's resources, named by
 * their entry, never looked up beside the input; the EPUB 2 cover
 * (<meta name="cover">) is the article's image; SVG text and the
 * fallback content of <object>, <video> and <audio> are kept. */
static void test_images_from_the_book(void)
{
    static const char opf[] = PKG_HEAD
        "<dc:contributor>Eva \"Ed\" Lind</dc:contributor><dc:contributor> Tom\n Reid "
        "</dc:contributor><dc:contributor id=\"p\">calibre (6.13.0)</dc:contributor>"
        "<meta refines=\"#p\" property=\"role\" scheme=\"marc:relators\">bkp</meta>"
        "<dc:contributor xmlns:opf=\"http://www.idpf.org/2007/opf\" opf:role=\"bkp\">Sigil"
        "</dc:contributor><meta name=\"cover\" content=\"cov\"/></metadata><manifest>"
        "<item id=\"cp\" href=\"text/cover.xhtml\" media-type=\"application/xhtml+xml\"/>"
        "<item id=\"c\" href=\"text/c.xhtml\" media-type=\"application/xhtml+xml\"/>"
        "<item id=\"pl\" href=\"text/plate.xhtml\" media-type=\"application/xhtml+xml\"/>"
        "<item id=\"cov\" href=\"img/cover.gif\" media-type=\"image/gif\"/>"
        "<item id=\"p\" href=\"img/p.png\" media-type=\"image/png\"/>"
        "</manifest><spine><itemref idref=\"cp\"/><itemref idref=\"c\"/>"
        "<itemref idref=\"pl\"/></spine></package>";
    static const char cover_page[] =
        XHTML_HEAD "<body><div><img src=\"../img/cover.gif\" alt=\"\"/></div></body></html>";
    static const char plate[] =
        XHTML_HEAD "<body><div><img src=\"../img/q.png\" alt=\"\"/></div></body></html>";
    static const char chapter[] =
        XHTML_HEAD "<body><p>Before.</p><figure><img src=\"../img/p.png\" alt=\"A dot\"/>"
                   "<figcaption>The dot.</figcaption></figure>"
                   "<p><img src=\"../img/p.png\" alt=\"again\"/> twice.</p>"
                   "<p>Gone: <img src=\"../img/missing.png\" alt=\"a lost picture\"/></p>"
                   "<p>Not one: <img src=\"../img/notes.txt\" alt=\"notes\"/></p>"
                   "<div><svg xmlns=\"http://www.w3.org/2000/svg\" "
                   "xmlns:xlink=\"http://www.w3.org/1999/xlink\"><title>Map</title>"
                   "<image xlink:href=\"../img/p.png\"/><text x=\"1\">Harbour <tspan>north"
                   "</tspan></text></svg></div>"
                   "<object data=\"clip.swf\"><param name=\"q\" value=\"1\"/>"
                   "<p>Object fallback.</p></object>"
                   "<video src=\"v.mp4\"><source src=\"v.webm\"/><p>Video fallback.</p></video>"
                   "</body></html>";
    const tz_entry entries[] = {
        {"mimetype", "application/epub+zip", 0},
        {"META-INF/container.xml", container_ok, 0},
        {"OPS/book.opf", opf, 0},
        {"OPS/text/c.xhtml", chapter, 0},
        {"OPS/text/cover.xhtml", cover_page, 0},
        {"OPS/text/plate.xhtml", plate, 0},
        {"OPS/img/q.png", png_1x1, sizeof png_1x1 - 1},
        {"OPS/img/cover.gif", gif_1x1, sizeof gif_1x1 - 1},
        {"OPS/img/p.png", png_1x1, sizeof png_1x1 - 1},
        {"OPS/img/notes.txt", "plain words", 0},
    };
    const artconv_resource *res;
    artconv_article *a = NULL;
    artconv_error err;
    warnings ws;
    char *md, *json, *line;

    if (!is_int(read_zip_warned(&a, entries, 10, &ws, &err), 0, "images: the book reads"))
        printf("#   message: %s\n", err.message);
    if (a == NULL)
        return;
    is_int((long long)artconv_article_resource_count(a), 3,
           "the cover, the image shown three times and the plate's are resources");
    res = artconv_article_resource_find(a, "OPS/img/p.png");
    ok(res != NULL && strcmp(artconv_resource_media_type(res), "image/png") == 0 &&
           artconv_resource_size(res) == sizeof png_1x1 - 1 &&
           memcmp(artconv_resource_data(res), png_1x1, sizeof png_1x1 - 1) == 0,
       "an image's bytes come from the zip, named by its entry, sniffed as PNG");
    is_str(artconv_article_get(a, ARTCONV_META_IMAGE), "OPS/img/cover.gif",
           "the EPUB 2 cover is the article's image");
    ok(artconv_article_resource_find(a, "OPS/img/cover.gif") != NULL, "and a resource");
    {
        artconv_concept c0, c1;

        ok(artconv_article_concept_count(a, ARTCONV_CONCEPT_CONTRIBUTORS) == 2 &&
               artconv_article_concept_get(&c0, a, ARTCONV_CONCEPT_CONTRIBUTORS, 0) == 0 &&
               artconv_article_concept_get(&c1, a, ARTCONV_CONCEPT_CONTRIBUTORS, 1) == 0 &&
               strcmp(c0.name, "Eva \"Ed\" Lind") == 0 && strcmp(c1.name, "Tom Reid") == 0,
           "dc:contributor gives the article's contributors, without the book producers "
           "(role bkp)");
    }
    is_int((long long)artconv_article_list_count(a, ARTCONV_LIST_AUTHORS), 0,
           "contributors are not authors");
    json = to_format(a, "json");
    ok(json != NULL && strstr(json, "\"OPS/img/p.png\"") != NULL &&
           strstr(json, "../img/p.png") == NULL,
       "image nodes point at the resource name");
    ok(json != NULL && strstr(json, "\"OPS/img/q.png\"") != NULL,
       "a page that is only a picture is read");
    ok(json != NULL && strstr(strstr(json, "\"body\"") ? strstr(json, "\"body\"") : json,
                              "cover.gif") == NULL,
       "a cover page is not: the cover is the article's image");
    md = to_format(a, "text");
    ok(md != NULL && strstr(md, "Harbour north") != NULL, "SVG text is kept");
    ok(md != NULL && strstr(md, "Object fallback.") != NULL && strstr(md, "Video fallback.") != NULL,
       "object and video fallback content is kept");
    ok(md != NULL && strstr(md, "a lost picture") != NULL,
       "an image missing from the book leaves its alt text");
    ok(strstr(ws.all, "book.epub: image OPS/img/missing.png left out: it is not in the book") !=
           NULL,
       "a warning, naming the input, for the missing image");
    ok(strstr(ws.all, "OPS/img/notes.txt left out: not a JPEG") != NULL,
       "and for an entry that is not an image");
    for (line = strtok(ws.all, "\n"); line != NULL; line = strtok(NULL, "\n"))
        printf("# warning: %s\n", line);
    free(md);
    free(json);
    artconv_article_free(a);
}

/* Media markup nested the way no book should: images inside images, an
 * image inside a <source> that is dropped, an <svg> inside <object>
 * inside <video>, an SVG <image> that leaves the book.  Read without a
 * crash (the sanitizer builds check the memory), the text kept. */
static void test_nested_media(void)
{
    static const char opf[] = PKG_HEAD
        "</metadata><manifest>"
        "<item id=\"c\" href=\"c.xhtml\" media-type=\"application/xhtml+xml\"/>"
        "</manifest><spine><itemref idref=\"c\"/></spine></package>";
    static const char chapter[] =
        XHTML_HEAD "<body><p><img src=\"p.png\" alt=\"outer\"><img src=\"p.png\" alt=\"inner\"/>"
                   "</img> one</p>"
                   "<video><source src=\"v.webm\"><img src=\"p.png\" alt=\"in source\"/></source>"
                   "<object><svg xmlns=\"http://www.w3.org/2000/svg\"><text>Deep text</text>"
                   "<image href=\"../../etc/passwd\"/><svg><text>Inner svg</text></svg></svg>"
                   "<p>Two</p></object></video></body></html>";
    const tz_entry entries[] = {
        {"mimetype", "application/epub+zip", 0},
        {"META-INF/container.xml", container_ok, 0},
        {"OPS/book.opf", opf, 0},
        {"OPS/c.xhtml", chapter, 0},
        {"OPS/p.png", png_1x1, sizeof png_1x1 - 1},
    };
    artconv_article *a = NULL;
    artconv_error err;
    warnings ws;
    char *text;

    if (!is_int(read_zip_warned(&a, entries, 5, &ws, &err), 0, "nested media: the book reads"))
        printf("#   message: %s\n", err.message);
    if (a == NULL)
        return;
    text = to_format(a, "text");
    ok(text != NULL && strstr(text, "Deep text") != NULL && strstr(text, "Inner svg") != NULL &&
           strstr(text, "Two") != NULL,
       "the text of nested svg and fallback content is kept");
    is_int((long long)artconv_article_resource_count(a), 1, "one resource for the one image");
    ok(artconv_article_check(a, &err) == 0, "the article is valid");
    free(text);
    artconv_article_free(a);
}

/* The resource table's own rules. */
static void test_resource_api(void)
{
    artconv_article *a = artconv_article_new();
    artconv_error err;
    size_t i;
    char name[32];

    is_int(artconv_article_resource_add(a, "b.png", "image/png", "12", 2, &err), 0, "add");
    is_int(artconv_article_resource_add(a, "a.png", "image/png", "3", 1, &err), 0, "add another");
    is_int(artconv_article_resource_add(a, "a.png", "image/png", "3", 1, &err), ARTCONV_EINVALID,
           "a name already there is refused");
    is_int(artconv_article_resource_add(a, "", "image/png", "3", 1, &err), ARTCONV_EINVALID,
           "an empty name is refused");
    is_int(artconv_article_resource_add(a, "c", "image", "3", 1, &err), ARTCONV_EINVALID,
           "a media type without a subtype is refused");
    is_int(artconv_article_resource_add(a, "d", "image/png", "3", ARTCONV_MAX_RESOURCE + 1, &err),
           ARTCONV_ELIMIT, "a resource past ARTCONV_MAX_RESOURCE is refused");
    is_str(artconv_resource_name(artconv_article_resource_get(a, 0)), "b.png",
           "kept in the order added");
    ok(artconv_article_resource_find(a, "a.png") == artconv_article_resource_get(a, 1),
       "found by name");
    ok(artconv_article_resource_find(a, "z.png") == NULL &&
           artconv_article_resource_get(a, 2) == NULL,
       "nothing past the end");
    for (i = 2; i < ARTCONV_MAX_RESOURCES; i++) {
        snprintf(name, sizeof name, "r%zu", i);
        if (artconv_article_resource_add(a, name, "image/gif", "x", 1, &err) != 0)
            break;
    }
    is_int(artconv_article_resource_add(a, "one-more", "image/gif", "x", 1, &err), ARTCONV_ELIMIT,
           "at most ARTCONV_MAX_RESOURCES resources");
    ok(artconv_article_resource_find(a, "r500") != NULL, "each still found");
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
    test_images_from_the_book();
    test_nested_media();
    test_resource_api();
    test_other_tool("pandoc");
    test_other_tool("calibre");
    test_hostile();
    return tap_done();
}
