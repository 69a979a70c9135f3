/*
 * epub_write.c - the EPUB writer: container layout, metadata mapping,
 * images (embedding and refusal), cover, right-to-left, splitting, links,
 * digest, reproducibility, the round trip through the EPUB reader, and
 * epubcheck on every book made here (samples, the seed, all the corpus
 * pages, a digest and the books of the cases above).
 *
 * epubcheck runs once for all books (tests/epubcheck_batch.java keeps one
 * JVM: about 10 s to start, under 1 s a book).  Without java or Debian's
 * epubcheck.jar those checks are skipped; without ../shared the seed and
 * corpus books are left out.
 *
 * One job over 600 lines: the house keeps one test file a writer, and
 * every book made here goes to one epubcheck batch at the end.
 */
#define _DEFAULT_SOURCE
#include "tap.h"
#include "testutil.h"
#include "internal.h"
#include "epub.h"
#include "resource.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zip.h>

#define EPUBCHECK_JAR "/usr/share/java/epubcheck.jar"

static const artconv_format *epub(void)
{
    return artconv_format_by_name("epub");
}

/* --- books to validate ------------------------------------------------------ */

static char tmpdir[] = "/tmp/artconv-epub-XXXXXX";
static char **books;
static size_t n_books, cap_books;

/* Saves a book under tmpdir for epubcheck. */
static void keep_book(const char *name, const artconv_buf *data)
{
    char path[4096];
    FILE *fp;

    snprintf(path, sizeof path, "%s/%s.epub", tmpdir, name);
    fp = fopen(path, "wb");
    if (fp == NULL)
        return;
    fwrite(data->ptr, 1, data->len, fp);
    fclose(fp);
    if (n_books == cap_books) {
        cap_books = cap_books ? cap_books * 2 : 64;
        books = realloc(books, cap_books * sizeof *books);
    }
    books[n_books++] = strdup(path);
}

/* --- reading our own output ----------------------------------------------- */

typedef struct {
    zip_t *za;
    zip_source_t *src;
} book;

static int book_open(book *b, const artconv_buf *data)
{
    zip_error_t ze;

    zip_error_init(&ze);
    b->src = zip_source_buffer_create(data->ptr, data->len, 0, &ze);
    b->za = b->src != NULL ? zip_open_from_source(b->src, ZIP_RDONLY | ZIP_CHECKCONS, &ze) : NULL;
    zip_error_fini(&ze);
    if (b->za == NULL) {
        zip_source_free(b->src);
        return -1;
    }
    return 0;
}

static void book_close(book *b)
{
    if (b->za != NULL)
        zip_discard(b->za);
}

/* Returns the entry's bytes (free them), or NULL. */
static char *entry(const book *b, const char *name)
{
    zip_stat_t st;
    zip_file_t *zf;
    char *data;

    if (zip_stat(b->za, name, 0, &st) < 0)
        return NULL;
    data = calloc(1, (size_t)st.size + 1);
    zf = zip_fopen(b->za, name, 0);
    if (data == NULL || zf == NULL || zip_fread(zf, data, st.size) != (zip_int64_t)st.size) {
        free(data);
        data = NULL;
    }
    if (zf != NULL)
        zip_fclose(zf);
    return data;
}

static int entry_exists(const book *b, const char *name)
{
    return zip_name_locate(b->za, name, 0) >= 0;
}

/* The article in `format` (free it), or NULL. */
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

static int contains(const char *hay, const char *needle)
{
    return hay != NULL && strstr(hay, needle) != NULL;
}

static int count_of(const char *hay, const char *needle)
{
    int n = 0;

    while (hay != NULL && (hay = strstr(hay, needle)) != NULL) {
        n++;
        hay += strlen(needle);
    }
    return n;
}

/* --- warnings ------------------------------------------------------------- */

typedef struct {
    int count;
    char all[8192];
} warnings;

static void collect(const artconv_error *w, void *payload)
{
    warnings *ws = payload;
    size_t n = strlen(ws->all);

    ws->count++;
    snprintf(ws->all + n, sizeof ws->all - n, "%s\n", w->message);
}

static int write_book(artconv_buf *out, const artconv_article *a, artconv_write_options *opts)
{
    artconv_error err;
    int rc = artconv_write(out, epub(), a, opts, &err);

    if (rc < 0)
        printf("# write failed: %s\n", err.message);
    return rc;
}

/* --- cases ----------------------------------------------------------------- */

static void test_layout_and_metadata(void)
{
    artconv_article *a = fixture_kitchen_sink();
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_write_options opts;
    artconv_write_options_init(&opts);
    book b = {NULL, NULL};
    char *opf = NULL, *ncx = NULL, *nav = NULL, *ch = NULL;
    zip_stat_t st;

    opts.warning = NULL;
    is_int(write_book(&out, a, &opts), 0, "kitchen sink: written");
    keep_book("kitchen-sink", &out);
    if (!ok(book_open(&b, &out) == 0, "the output is a consistent zip archive"))
        goto done;
    is_str(zip_get_name(b.za, 0, 0), "mimetype", "mimetype is the first entry");
    ok(zip_stat_index(b.za, 0, 0, &st) == 0 && st.comp_method == ZIP_CM_STORE,
       "mimetype is stored");
    ok(memcmp(out.ptr + 30, "mimetypeapplication/epub+zip", 28) == 0,
       "mimetype's bytes follow its local header directly (no extra field)");
    is_str(zip_get_name(b.za, 1, 0), "META-INF/container.xml", "container.xml second");
    is_str(zip_get_name(b.za, 2, 0), "EPUB/package.opf", "package document third");
    is_str(zip_get_name(b.za, 3, 0), "EPUB/nav.xhtml", "navigation document next");
    is_str(zip_get_name(b.za, 4, 0), "EPUB/toc.ncx", "then the NCX");
    opf = entry(&b, "EPUB/package.opf");
    ncx = entry(&b, "EPUB/toc.ncx");
    nav = entry(&b, "EPUB/nav.xhtml");
    ch = entry(&b, "EPUB/chapter-1.xhtml");
    ok(contains(
           opf,
           "<dc:title>Harbour &quot;bridge&quot; &lt;reopens&gt; &amp; traffic returns</dc:title>"),
       "dc:title, escaped");
    ok(contains(opf, ">Jane Doe</dc:creator>") && contains(opf, ">Raj Patel</dc:creator>"),
       "dc:creator for each author");
    ok(contains(opf, "<dc:language>en-GB</dc:language>"), "dc:language");
    ok(contains(opf, "<dc:identifier id=\"pub-id\">gazette-2024-0302-bridge</dc:identifier>"),
       "dc:identifier from the article's id");
    ok(contains(opf, "<dc:date>2024-03-02T09:30:00Z</dc:date>"), "dc:date");
    ok(contains(opf, "<dc:publisher>The Harbour Gazette</dc:publisher>"), "dc:publisher");
    ok(contains(opf, "<dc:description>The harbour bridge reopened on Saturday.</dc:description>"),
       "dc:description");
    ok(contains(opf, "<dc:subject>transport</dc:subject>") &&
           contains(opf, "<dc:subject>infrastructure</dc:subject>"),
       "dc:subject for each keyword");
    ok(contains(opf, "<dc:rights>© 2024 The Harbour Gazette</dc:rights>"), "dc:rights");
    ok(contains(opf, "<dc:source>https://gazette.example/2024/03/bridge</dc:source>"), "dc:source");
    ok(contains(opf, "<meta property=\"dcterms:modified\">2024-03-02T11:00:00Z</meta>"),
       "dcterms:modified from the article's modified date, in UTC");
    ok(contains(opf, "<meta property=\"schema:accessMode\">textual</meta>") &&
           contains(opf, "schema:accessModeSufficient") &&
           contains(opf, "<meta property=\"schema:accessibilityFeature\">tableOfContents</meta>") &&
           contains(opf, "<meta property=\"schema:accessibilityHazard\">none</meta>") &&
           contains(opf, "schema:accessibilitySummary"),
       "accessibility metadata");
    ok(contains(ncx, "<meta name=\"dtb:uid\" content=\"gazette-2024-0302-bridge\"/>"),
       "the NCX carries the same identifier");
    ok(contains(nav, "epub:type=\"toc\"") && contains(nav, "epub:type=\"landmarks\"") &&
           contains(nav, "epub:type=\"bodymatter\""),
       "nav.xhtml has the table of contents and landmarks");
    ok(contains(ch, "<p class=\"standfirst\">The crossing was shut for 18 months of repairs</p>") &&
           contains(ch, "<p class=\"dateline\">PORTSMOUTH</p>") &&
           contains(ch, "<span class=\"author\">Jane Doe</span>") &&
           contains(ch, "<p class=\"credit\">With agency inputs</p>"),
       "title block and footer");
    ok(!contains(ch, "<script"), "no scripts");
    ok(contains(
           ch, "<a href=\"https://council.example/news?id=1&amp;lang=en\" title=\"Council news\">"),
       "absolute links are kept");
    ok(contains(nav, "href=\"chapter-1.xhtml#h-1-1\""), "headings are in the table of contents");
done:
    free(opf);
    free(ncx);
    free(nav);
    free(ch);
    book_close(&b);
    artconv_buf_dispose(&out);
    artconv_article_free(a);
}

static void test_reproducible(void)
{
    artconv_article *a = fixture_kitchen_sink();
    artconv_buf one = ARTCONV_BUF_INIT, two = ARTCONV_BUF_INIT, three = ARTCONV_BUF_INIT;
    artconv_buf four = ARTCONV_BUF_INIT;
    artconv_write_options opts;
    artconv_write_options_init(&opts);
    const char *tz = getenv("TZ");
    char *saved = tz != NULL ? strdup(tz) : NULL;
    book b = {NULL, NULL};
    char *opf = NULL;

    artconv_article_set(a, ARTCONV_META_ID, NULL, NULL);
    write_book(&one, a, &opts);
    write_book(&two, a, &opts);
    ok(one.len == two.len && memcmp(one.ptr, two.ptr, one.len) == 0, "two runs: same bytes");
    setenv("TZ", "America/New_York", 1);
    tzset();
    write_book(&three, a, &opts);
    ok(one.len == three.len && memcmp(one.ptr, three.ptr, one.len) == 0,
       "another time zone: same bytes");
    if (saved != NULL)
        setenv("TZ", saved, 1);
    else
        unsetenv("TZ");
    tzset();
    opts.timestamp = 1700000000;
    write_book(&four, a, &opts);
    if (book_open(&b, &four) == 0) {
        zip_stat_t st;

        opf = entry(&b, "EPUB/package.opf");
        ok(contains(opf, "<meta property=\"dcterms:modified\">2023-11-14T22:13:20Z</meta>"),
           "the timestamp option (SOURCE_DATE_EPOCH) sets dcterms:modified");
        ok(zip_stat_index(b.za, 0, 0, &st) == 0 && st.mtime != (time_t)-1,
           "and the entries' times");
        ok(contains(opf, "<dc:identifier id=\"pub-id\">urn:uuid:"),
           "without an id: a urn:uuid identifier");
        ok(contains(opf, "urn:uuid:") && opf[strstr(opf, "urn:uuid:") - opf + 9 + 14] == '5',
           "a name-based (version 5) UUID");
    }
    ok(one.len != four.len || memcmp(one.ptr, four.ptr, one.len) != 0,
       "a different timestamp gives different bytes");
    free(opf);
    book_close(&b);
    free(saved);
    artconv_buf_dispose(&one);
    artconv_buf_dispose(&two);
    artconv_buf_dispose(&three);
    artconv_buf_dispose(&four);
    artconv_article_free(a);
}

static void test_identifier_stable(void)
{
    artconv_article *a = artconv_article_new(), *b = artconv_article_new();
    char one[64], two[64], three[64];

    ac_epub_uuid(one, "https://example.org/a", 21);
    ac_epub_uuid(two, "https://example.org/a", 21);
    ac_epub_uuid(three, "https://example.org/b", 21);
    is_str(one, two, "the same source gives the same identifier");
    ok(strcmp(one, three) != 0, "another source another");
    /* Known answer: Python's uuid.uuid5(uuid.NAMESPACE_URL, name). */
    is_str(two, "urn:uuid:77980eae-c343-5b01-9823-eb6ac1da021f",
           "RFC 4122 version 5 in the URL namespace");
    ok(strlen(one) == 45 && one[23] == '5', "urn:uuid: and 36 characters, version 5");
    (void)three;
    artconv_article_free(a);
    artconv_article_free(b);
}

/* A tiny PNG (1x1) and JPEG header: enough for sniffing and epubcheck. */
static const unsigned char png_1x1[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
    0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00,
    0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78,
    0x9c, 0x63, 0xf8, 0xff, 0xff, 0x3f, 0x00, 0x05, 0xfe, 0x02, 0xfe, 0xa7, 0x35, 0x81,
    0x84, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

static void put_file(const char *dir, const char *name, const void *data, size_t len)
{
    char path[4096];
    FILE *fp;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    fp = fopen(path, "wb");
    if (fp != NULL) {
        fwrite(data, 1, len, fp);
        fclose(fp);
    }
}

static void add_figure(artconv_article *a, const char *url, const char *caption)
{
    artconv_node *fig = artconv_node_new(ARTCONV_NODE_FIGURE), *cap, *text;

    artconv_node_set_url(fig, url, NULL);
    artconv_node_set_alt(fig, "alt text", NULL);
    cap = artconv_node_new(ARTCONV_NODE_CAPTION);
    text = artconv_node_new(ARTCONV_NODE_TEXT);
    artconv_node_set_literal(text, caption, NULL);
    artconv_node_append(cap, text, NULL);
    artconv_node_append(fig, cap, NULL);
    artconv_node_append(artconv_article_body(a), fig, NULL);
}

static void add_paragraph(artconv_article *a, const char *s)
{
    artconv_node *p = artconv_node_new(ARTCONV_NODE_PARAGRAPH), *t;

    t = artconv_node_new(ARTCONV_NODE_TEXT);
    artconv_node_set_literal(t, s, NULL);
    artconv_node_append(p, t, NULL);
    artconv_node_append(artconv_article_body(a), p, NULL);
}

/* A remote lead image is reported once: by the chapter that shows it, not
 * again by the search for a cover. */
static void test_remote_lead_warned_once(void)
{
    artconv_article *a = artconv_article_new();
    artconv_write_options opts;
    artconv_buf out = ARTCONV_BUF_INIT;
    warnings ws;
    const char *p;
    int n = 0;

    memset(&ws, 0, sizeof ws);
    artconv_article_set(a, ARTCONV_META_TITLE, "Lead", NULL);
    artconv_article_set(a, ARTCONV_META_IMAGE, "https://example.org/lead.jpg", NULL);
    add_paragraph(a, "Text.");
    artconv_write_options_init(&opts);
    opts.warning = collect;
    opts.payload = &ws;
    is_int(write_book(&out, a, &opts), 0, "remote lead: written");
    for (p = ws.all; (p = strstr(p, "lead.jpg not embedded")) != NULL; p++)
        n++;
    is_int(n, 1, "a remote lead image is warned about once");
    artconv_article_free(a);
    artconv_buf_dispose(&out);
}

static void test_images(void)
{
    static const char svg_ok[] = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" "
                                 "height=\"10\"><rect width=\"10\" height=\"10\"/></svg>";
    static const char svg_bad[] = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)"
                                  "</script></svg>";
    char dir[4096], sub[4096], outside[4096], link[4200];
    artconv_article *a = artconv_article_new();
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_write_options opts;
    artconv_write_options_init(&opts);
    warnings ws;
    book b = {NULL, NULL};
    char *opf = NULL, *ch = NULL;

    memset(&ws, 0, sizeof ws);
    snprintf(dir, sizeof dir, "%s/input", tmpdir);
    snprintf(sub, sizeof sub, "%s/input/img", tmpdir);
    mkdir(dir, 0700);
    mkdir(sub, 0700);
    put_file(sub, "dot.png", png_1x1, sizeof png_1x1);
    put_file(dir, "drawing.svg", svg_ok, sizeof svg_ok - 1);
    put_file(dir, "evil.svg", svg_bad, sizeof svg_bad - 1);
    put_file(dir, "notes.png", "just text", 9);
    put_file(tmpdir, "secret.png", png_1x1, sizeof png_1x1);
    snprintf(outside, sizeof outside, "%s/secret.png", tmpdir);
    snprintf(link, sizeof link, "%s/link.png", dir);
    if (symlink(outside, link) < 0)
        printf("# cannot make a symbolic link\n");

    artconv_article_set(a, ARTCONV_META_TITLE, "Images", NULL);
    artconv_article_set(a, ARTCONV_META_LANGUAGE, "en", NULL);
    add_figure(a, "img/dot.png", "A local PNG");
    add_figure(a, "img/dot.png", "The same PNG again");
    add_figure(a, "drawing.svg", "A clean SVG");
    add_figure(a, "https://example.org/remote.jpg", "A remote photo keeps its caption");
    {
        artconv_node *bare = artconv_node_new(ARTCONV_NODE_FIGURE);

        artconv_node_set_url(bare, "https://example.org/bare.jpg", NULL);
        artconv_node_set_alt(bare, "A harbour at dawn, no caption", NULL);
        artconv_node_append(artconv_article_body(a), bare, NULL);
    }
    add_figure(a, "../secret.png", "Outside the folder");
    add_figure(a, "img/../../secret.png", "Outside by a detour");
    add_figure(a, outside, "An absolute path");
    add_figure(a, "file:///etc/passwd", "A file URL");
    add_figure(a, "link.png", "A symbolic link out");
    add_figure(a, "evil.svg", "An SVG with a script");
    add_figure(a, "notes.png", "Not an image");
    add_paragraph(a, "Text.");
    opts.resource_dir = dir;
    opts.warning = collect;
    opts.payload = &ws;
    is_int(write_book(&out, a, &opts), 0, "images: written");
    keep_book("images", &out);
    if (!ok(book_open(&b, &out) == 0, "images: a zip"))
        goto done;
    opf = entry(&b, "EPUB/package.opf");
    ch = entry(&b, "EPUB/chapter-1.xhtml");
    ok(contains(opf, "href=\"images/image-1.png\" media-type=\"image/png\""),
       "a local PNG is embedded with its media type");
    is_int(count_of(ch, "src=\"images/image-1.png\""), 2, "the same file is embedded once");
    ok(contains(opf, "href=\"images/image-2.svg\" media-type=\"image/svg+xml\""),
       "a clean SVG is embedded");
    ok(zip_name_locate(b.za, "EPUB/images/image-1.png", 0) >= 0, "the image is in the archive");
    is_int(count_of(opf, "<item id=\"image-"), 2, "nothing else was embedded");
    ok(contains(ch, "A remote photo keeps its caption"), "a remote image's caption stays");
    ok(contains(ch, "<figcaption>A harbour at dawn, no caption</figcaption>"),
       "a remote image with no caption keeps its alt text, as the caption");
    ok(!contains(ch, "example.org/remote.jpg"), "the remote image is not referenced");
    ok(contains(ws.all, "remote images are not fetched"), "warned: remote");
    is_int(count_of(ws.all, "refused: it is outside the input's folder"), 2,
           "warned: two paths outside");
    ok(contains(ws.all, "absolute paths are not embedded"), "warned: absolute path");
    ok(contains(ws.all, "refused: only relative, http, https and data:"), "warned: file: URL");
    ok(contains(ws.all, "leads outside the input's folder"), "warned: symbolic link out");
    ok(contains(ws.all, "SVG with scripts"), "warned: scripted SVG");
    ok(contains(ws.all, "not a JPEG, PNG, GIF or SVG"), "warned: not an image");
    ok(contains(opf, "<meta property=\"schema:accessMode\">visual</meta>") &&
           contains(opf, "alternativeText"),
       "accessibility: visual mode, every image has alt text");
done:
    free(opf);
    free(ch);
    book_close(&b);
    artconv_buf_dispose(&out);
    artconv_article_free(a);
}

static void test_cover(void)
{
    char dir[4096], path[4096];
    artconv_article *a = artconv_article_new();
    artconv_buf out = ARTCONV_BUF_INIT, lead = ARTCONV_BUF_INIT;
    artconv_write_options opts;
    artconv_write_options_init(&opts);
    book b = {NULL, NULL};
    char *opf = NULL, *cover = NULL, *nav = NULL;

    snprintf(dir, sizeof dir, "%s/input", tmpdir);
    snprintf(path, sizeof path, "%s/input/img/dot.png", tmpdir);
    artconv_article_set(a, ARTCONV_META_TITLE, "Cover story", NULL);
    add_paragraph(a, "Text.");
    opts.cover = path;
    is_int(write_book(&out, a, &opts), 0, "cover: written");
    keep_book("cover", &out);
    if (!ok(book_open(&b, &out) == 0, "cover: a zip"))
        goto done;
    opf = entry(&b, "EPUB/package.opf");
    cover = entry(&b, "EPUB/cover.xhtml");
    nav = entry(&b, "EPUB/nav.xhtml");
    ok(contains(opf, "<item id=\"cover-image\" href=\"images/cover.png\" media-type=\"image/png\" "
                     "properties=\"cover-image\"/>"),
       "the cover image has the cover-image property");
    ok(contains(opf, "<meta name=\"cover\" content=\"cover-image\"/>"), "and EPUB 2's meta cover");
    ok(contains(opf, "<itemref idref=\"cover\"/>") &&
           strstr(opf, "idref=\"cover\"") < strstr(opf, "idref=\"chapter-1\""),
       "the cover page comes first in the spine");
    ok(contains(cover, "<img src=\"images/cover.png\" alt=\"Cover: Cover story\""),
       "the cover page shows it with alt text");
    ok(contains(nav, "epub:type=\"cover\""), "a cover landmark");
    book_close(&b);
    b.za = NULL;

    /* Without --cover, a local lead image is the cover. */
    opts.cover = NULL;
    opts.resource_dir = dir;
    artconv_article_set(a, ARTCONV_META_IMAGE, "img/dot.png", NULL);
    artconv_article_set(a, ARTCONV_META_IMAGE_ALT, "A dot", NULL);
    is_int(write_book(&lead, a, &opts), 0, "lead image: written");
    keep_book("lead-cover", &lead);
    free(opf);
    opf = NULL;
    if (book_open(&b, &lead) == 0) {
        char *ch = entry(&b, "EPUB/chapter-1.xhtml");

        opf = entry(&b, "EPUB/package.opf");
        ok(contains(opf, "properties=\"cover-image\""), "the lead image becomes the cover");
        ok(contains(ch, "<img src=\"images/cover.png\" alt=\"A dot\""),
           "and is shown once in the title block, stored once");
        is_int(count_of(opf, "media-type=\"image/png\""), 1, "one image file");
        free(ch);
    }
done:
    free(opf);
    free(cover);
    free(nav);
    book_close(&b);
    artconv_buf_dispose(&out);
    artconv_buf_dispose(&lead);
    artconv_article_free(a);
}

/* A 1x1 GIF. */
static const unsigned char gif_1x1[] = {
    0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00,
    0x00, 0xff, 0xff, 0xff, 0x21, 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00,
    0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b};

/* EPUB -> EPUB keeps the images and the cover: the reader puts them in
 * the article's resources, the writer embeds them from there (no folder
 * beside the input is looked in); HTML and Markdown write them as data:
 * URLs, the text writer names them and never prints their bytes. */
static void test_epub_to_epub(void)
{
    char dir[4096];
    artconv_article *a = artconv_article_new(), *back = NULL;
    artconv_buf first = ARTCONV_BUF_INIT, second = ARTCONV_BUF_INIT;
    artconv_write_options opts;
    artconv_error err;
    warnings ws;
    book b = {NULL, NULL};
    char *opf = NULL, *ch = NULL, *html = NULL, *md = NULL, *text = NULL, *line;
    const char *cover;

    snprintf(dir, sizeof dir, "%s/input", tmpdir);
    put_file(dir, "img/dot.gif", gif_1x1, sizeof gif_1x1);
    artconv_article_set(a, ARTCONV_META_TITLE, "Pictures", NULL);
    artconv_article_set(a, ARTCONV_META_IMAGE, "img/dot.png", NULL);
    {
        artconv_concept eva = {NULL, "Eva Lind", NULL, "edt"}, nameless = {"x:7", NULL, NULL, NULL},
                        tom = {NULL, "Tom Reid", NULL, NULL};

        artconv_article_concept_add(a, ARTCONV_CONCEPT_CONTRIBUTORS, &eva, NULL);
        artconv_article_concept_add(a, ARTCONV_CONCEPT_CONTRIBUTORS, &nameless, NULL);
        artconv_article_concept_add(a, ARTCONV_CONCEPT_CONTRIBUTORS, &tom, NULL);
    }
    add_paragraph(a, "Text.");
    add_figure(a, "img/dot.gif", "A GIF");
    artconv_write_options_init(&opts);
    opts.resource_dir = dir;
    is_int(write_book(&first, a, &opts), 0, "epub -> epub: the first book is written");
    is_int(artconv_read(&back, epub(), first.ptr, first.len, NULL, &err), 0, "and read back");
    if (back == NULL)
        goto done;
    is_int((long long)artconv_article_resource_count(back), 2,
           "the cover and the figure's image are resources of the article read");
    {
        artconv_concept c0, c1;

        ok(artconv_article_concept_count(back, ARTCONV_CONCEPT_CONTRIBUTORS) == 2 &&
               artconv_article_concept_get(&c0, back, ARTCONV_CONCEPT_CONTRIBUTORS, 0) == 0 &&
               artconv_article_concept_get(&c1, back, ARTCONV_CONCEPT_CONTRIBUTORS, 1) == 0 &&
               strcmp(c0.name, "Eva Lind") == 0 && strcmp(c1.name, "Tom Reid") == 0,
           "the named contributors come back (as dc:contributor and back)");
    }
    cover = artconv_article_get(back, ARTCONV_META_IMAGE);
    ok(cover != NULL && artconv_article_resource_find(back, cover) != NULL,
       "the article's image is the cover resource");
    artconv_write_options_init(&opts);
    memset(&ws, 0, sizeof ws);
    opts.warning = collect;
    opts.payload = &ws;
    is_int(write_book(&second, back, &opts), 0, "the second book is written");
    keep_book("epub-to-epub", &second);
    ok(!contains(ws.all, "not embedded"), "no image is left out");
    for (line = strtok(ws.all, "\n"); line != NULL; line = strtok(NULL, "\n"))
        printf("# warning: %s\n", line);
    if (!ok(book_open(&b, &second) == 0, "the second book is a zip"))
        goto done;
    opf = entry(&b, "EPUB/package.opf");
    ch = entry(&b, "EPUB/chapter-1.xhtml");
    ok(contains(opf, "href=\"images/cover.png\" media-type=\"image/png\" "
                     "properties=\"cover-image\""),
       "the cover survives");
    ok(entry_exists(&b, "EPUB/cover.xhtml"), "with its cover page");
    is_int(count_of(opf, "media-type=\"image/"), 2, "both images are in the book");
    ok(contains(ch, ".gif\" alt=\"alt text\""), "the figure shows its image");
    html = to_format(back, "html");
    ok(contains(html, "<img src=\"data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///"
                      "yH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==\""),
       "HTML: the image is a data: URL");
    ok(!contains(html, "src=\"EPUB/"), "HTML points at no file of the book");
    md = to_format(back, "markdown");
    ok(contains(md, "(data:image/gif;base64,R0lGOD"), "Markdown: a data: URL too");
    text = to_format(back, "text");
    ok(text != NULL && !contains(text, "base64") && contains(text, "EPUB/images/"),
       "text: the image is named, its bytes never printed");
done:
    free(opf);
    free(ch);
    free(html);
    free(md);
    free(text);
    book_close(&b);
    artconv_buf_dispose(&first);
    artconv_buf_dispose(&second);
    artconv_article_free(back);
    artconv_article_free(a);
}

/* The values the writer makes up for a package (a generated identifier,
 * "Untitled", "und", the 1980-01-01 or SOURCE_DATE_EPOCH modification
 * time) are not read back as the article's. */
static void test_placeholders(void)
{
    artconv_article *a = artconv_article_new(), *back = NULL;
    artconv_buf out = ARTCONV_BUF_INIT, stamped = ARTCONV_BUF_INIT;
    artconv_write_options opts;
    artconv_error err;
    static const artconv_meta unset[] = {ARTCONV_META_TITLE, ARTCONV_META_LANGUAGE,
                                         ARTCONV_META_MODIFIED, ARTCONV_META_ID,
                                         ARTCONV_META_DATE};
    size_t i;
    int clean = 1;

    add_paragraph(a, "Only text.");
    artconv_write_options_init(&opts);
    is_int(write_book(&out, a, &opts), 0, "placeholders: a book of an article with no metadata");
    keep_book("placeholders", &out);
    is_int(artconv_read(&back, epub(), out.ptr, out.len, NULL, &err), 0, "read back");
    for (i = 0; back != NULL && i < sizeof unset / sizeof unset[0]; i++) {
        const char *v = artconv_article_get(back, unset[i]);

        if (v != NULL) {
            printf("# %s: '%s' was made up\n", artconv_meta_name(unset[i]), v);
            clean = 0;
        }
    }
    ok(back != NULL && clean, "title, language, modified, id and date stay unset");
    artconv_article_free(back);
    back = NULL;
    opts.timestamp = 1700000000;
    artconv_article_set(a, ARTCONV_META_TITLE, "Untitled", NULL);
    artconv_article_set(a, ARTCONV_META_ID, "urn:uuid:0b6a3a4e-1111-5222-8333-444455556666", NULL);
    is_int(write_book(&stamped, a, &opts), 0, "a stamped book with a real title and id");
    is_int(artconv_read(&back, epub(), stamped.ptr, stamped.len, NULL, &err), 0, "read back");
    is_str(back != NULL ? artconv_article_get(back, ARTCONV_META_TITLE) : NULL, "Untitled",
           "a title that is the article's own is read, even \"Untitled\"");
    is_str(back != NULL ? artconv_article_get(back, ARTCONV_META_ID) : NULL,
           "urn:uuid:0b6a3a4e-1111-5222-8333-444455556666", "so is the article's own urn:uuid");
    ok(back != NULL && artconv_article_get(back, ARTCONV_META_MODIFIED) == NULL,
           "the stamp is not the article's modification time");
    artconv_article_free(back);
    artconv_buf_dispose(&out);
    artconv_buf_dispose(&stamped);
    artconv_article_free(a);
}

/* The data: URLs of one output are bounded: each use of a resource counts
 * against AC_DATA_URL_BUDGET (here a small budget, through the helper the
 * HTML and Markdown writers share). */
static void test_data_url_budget(void)
{
    artconv_article *a = artconv_article_new();
    artconv_buf url = ARTCONV_BUF_INIT;
    size_t budget = sizeof png_1x1 + 10;

    artconv_article_resource_add(a, "p.png", "image/png", png_1x1, sizeof png_1x1, NULL);
    artconv_article_resource_add(a, "s.svg", "image/svg+xml", "<svg/>", 6, NULL);
    is_int(ac_resource_data_url(&url, a, "p.png", &budget), 1, "a PNG resource: a data: URL");
    ok(strncmp(url.ptr, "data:image/png;base64,iVBORw0KGgo", 33) == 0, "base64 of its bytes");
    is_int((long long)budget, 10, "its size is taken from the budget");
    is_int(ac_resource_data_url(&url, a, "p.png", &budget), 3, "a second use does not fit");
    is_int(ac_resource_data_url(&url, a, "s.svg", &budget), 2,
           "an SVG resource is no data: URL");
    is_int(ac_resource_data_url(&url, a, "img/p.png", &budget), 0, "not a resource");
    artconv_buf_dispose(&url);
    artconv_article_free(a);
}

static void test_rtl_and_language(void)
{
    artconv_article *a = artconv_article_new();
    artconv_buf out = ARTCONV_BUF_INIT, und = ARTCONV_BUF_INIT;
    artconv_write_options opts;
    artconv_write_options_init(&opts);
    book b = {NULL, NULL};
    char *opf = NULL, *ch = NULL;

    artconv_article_set(a, ARTCONV_META_TITLE, "عنوان المقال", NULL);
    artconv_article_set(a, ARTCONV_META_LANGUAGE, "ar", NULL);
    add_paragraph(a, "نص المقال.");
    is_int(write_book(&out, a, &opts), 0, "Arabic: written");
    keep_book("arabic", &out);
    if (book_open(&b, &out) == 0) {
        opf = entry(&b, "EPUB/package.opf");
        ch = entry(&b, "EPUB/chapter-1.xhtml");
    }
    ok(contains(opf, "page-progression-direction=\"rtl\""), "page-progression-direction=rtl");
    ok(contains(ch, "lang=\"ar\" xml:lang=\"ar\" dir=\"rtl\""), "dir=rtl on the documents");
    ok(ac_epub_language_rtl("he") && ac_epub_language_rtl("fa-IR") && ac_epub_language_rtl("ur") &&
           !ac_epub_language_rtl("en") && !ac_epub_language_rtl("ku-Latn"),
       "right-to-left languages");
    book_close(&b);
    free(opf);
    opf = NULL;
    artconv_article_set(a, ARTCONV_META_LANGUAGE, "en_US", NULL);
    write_book(&und, a, &opts);
    if (book_open(&b, &und) == 0)
        opf = entry(&b, "EPUB/package.opf");
    ok(contains(opf, "<dc:language>en-US</dc:language>"), "en_US becomes en-US");
    ok(!contains(opf, "page-progression-direction"), "left to right: no direction");
    free(opf);
    free(ch);
    book_close(&b);
    artconv_buf_dispose(&out);
    artconv_buf_dispose(&und);
    artconv_article_free(a);
}

static void add_heading(artconv_article *a, int level, const char *s)
{
    artconv_node *h = artconv_node_new(ARTCONV_NODE_HEADING), *t;

    artconv_node_set_level(h, level, NULL);
    t = artconv_node_new(ARTCONV_NODE_TEXT);
    artconv_node_set_literal(t, s, NULL);
    artconv_node_append(h, t, NULL);
    artconv_node_append(artconv_article_body(a), h, NULL);
}

static void test_split(void)
{
    artconv_article *a = artconv_article_new(), *small = artconv_article_new();
    artconv_buf out = ARTCONV_BUF_INIT, few = ARTCONV_BUF_INIT;
    artconv_write_options opts;
    artconv_write_options_init(&opts);
    char para[1100], name[64];
    book b = {NULL, NULL};
    int i, files = 0, biggest_ok = 1;

    memset(para, 'x', sizeof para - 1);
    para[sizeof para - 1] = '\0';
    for (i = 0; i < 10; i++)
        para[i * 100] = ' ';
    artconv_article_set(a, ARTCONV_META_TITLE, "A long read", NULL);
    for (i = 0; i < 700; i++) {
        if (i % 100 == 0)
            add_heading(a, 2, "Part");
        add_paragraph(a, para);
    }
    is_int(write_book(&out, a, &opts), 0, "long article: written");
    keep_book("long", &out);
    if (book_open(&b, &out) == 0) {
        for (i = 1; i < 20; i++) {
            zip_stat_t st;

            snprintf(name, sizeof name, i == 1 ? "EPUB/chapter-1.xhtml" : "EPUB/chapter-1-%d.xhtml",
                     i);
            if (zip_stat(b.za, name, 0, &st) < 0)
                break;
            files++;
            if (st.size > AC_EPUB_SPLIT_SIZE + 4096)
                biggest_ok = 0;
        }
    }
    is_int(files, 3, "~770 KB of text: three documents");
    ok(biggest_ok, "none much over 256 KB");
    book_close(&b);
    artconv_article_set(small, ARTCONV_META_TITLE, "Many headings", NULL);
    for (i = 0; i < 60; i++) {
        add_heading(small, 2, "Heading");
        add_paragraph(small, "Short.");
    }
    write_book(&few, small, &opts);
    if (book_open(&b, &few) == 0) {
        char *nav = entry(&b, "EPUB/nav.xhtml");

        ok(zip_name_locate(b.za, "EPUB/chapter-1-2.xhtml", 0) < 0,
           "headings alone never split a document");
        is_int(count_of(nav, "href=\"chapter-1.xhtml#h-1-"), 60,
               "each heading in the table of contents");
        free(nav);
    }
    book_close(&b);
    artconv_buf_dispose(&out);
    artconv_buf_dispose(&few);
    artconv_article_free(a);
    artconv_article_free(small);
}

static void add_link(artconv_article *a, const char *url, const char *text)
{
    artconv_node *p = artconv_node_new(ARTCONV_NODE_PARAGRAPH), *l, *t;

    l = artconv_node_new(ARTCONV_NODE_LINK);
    artconv_node_set_url(l, url, NULL);
    t = artconv_node_new(ARTCONV_NODE_TEXT);
    artconv_node_set_literal(t, text, NULL);
    artconv_node_append(l, t, NULL);
    artconv_node_append(p, l, NULL);
    artconv_node_append(artconv_article_body(a), p, NULL);
}

static void test_links(void)
{
    artconv_article *a = artconv_article_new();
    artconv_buf out = ARTCONV_BUF_INIT, bare = ARTCONV_BUF_INIT;
    artconv_write_options opts;
    artconv_write_options_init(&opts);
    book b = {NULL, NULL};
    char *ch = NULL;

    artconv_article_set(a, ARTCONV_META_TITLE, "Links", NULL);
    artconv_article_set(a, ARTCONV_META_SOURCE, "https://news.example.org/world/story.html", NULL);
    add_link(a, "/about", "site-relative");
    add_link(a, "other.html", "relative");
    add_link(a, "#comments", "in-page anchor");
    add_link(a, "mailto:desk@example.org", "mail");
    add_link(a, "https://example.com/a b", "bad URL");
    write_book(&out, a, &opts);
    keep_book("links", &out);
    if (book_open(&b, &out) == 0)
        ch = entry(&b, "EPUB/chapter-1.xhtml");
    ok(contains(ch, "<a href=\"https://news.example.org/about\">site-relative</a>"),
       "site-relative links become absolute from the source URL");
    ok(contains(ch, "<a href=\"https://news.example.org/world/other.html\">relative</a>"),
       "relative links too");
    ok(contains(ch, "<p>in-page anchor</p>"), "dangling anchors are unwrapped, text kept");
    ok(contains(ch, "<a href=\"mailto:desk@example.org\">mail</a>"), "mailto: kept");
    ok(contains(ch, "<p>bad URL</p>"), "an invalid URL is unwrapped");
    free(ch);
    ch = NULL;
    book_close(&b);
    artconv_article_set(a, ARTCONV_META_SOURCE, NULL, NULL);
    write_book(&bare, a, &opts);
    if (book_open(&b, &bare) == 0)
        ch = entry(&b, "EPUB/chapter-1.xhtml");
    ok(contains(ch, "<p>site-relative</p>") && contains(ch, "<p>relative</p>"),
       "without a source URL relative links are unwrapped");
    free(ch);
    book_close(&b);
    artconv_buf_dispose(&out);
    artconv_buf_dispose(&bare);
    artconv_article_free(a);
}

static void test_digest(void)
{
    artconv_article *arts[3];
    artconv_buf out = ARTCONV_BUF_INIT, md = ARTCONV_BUF_INIT;
    artconv_write_options opts;
    artconv_write_options_init(&opts);
    artconv_error err;
    book b = {NULL, NULL};
    char *opf = NULL, *nav = NULL;
    int i;

    for (i = 0; i < 3; i++) {
        char title[64];

        arts[i] = artconv_article_new();
        snprintf(title, sizeof title, "Story %d", i + 1);
        artconv_article_set(arts[i], ARTCONV_META_TITLE, title, NULL);
        artconv_article_set(arts[i], ARTCONV_META_LANGUAGE, "en", NULL);
        artconv_article_list_add(arts[i], ARTCONV_LIST_AUTHORS, i == 2 ? "B. Writer" : "A. Writer",
                                 NULL);
        add_heading(arts[i], 2, "Section");
        add_paragraph(arts[i], "Body text.");
    }
    is_int(artconv_write_book(&out, epub(), (const artconv_article *const *)arts, 3,
                              "Morning digest", NULL, &opts, &err),
           0, "digest: written");
    keep_book("digest", &out);
    if (book_open(&b, &out) == 0) {
        opf = entry(&b, "EPUB/package.opf");
        nav = entry(&b, "EPUB/nav.xhtml");
    }
    ok(contains(opf, "<dc:title>Morning digest</dc:title>"), "the book's title");
    is_int(count_of(opf, "</dc:creator>"), 2, "each author once");
    ok(contains(opf, "<itemref idref=\"nav\"/>") && contains(opf, "idref=\"chapter-3\""),
       "a chapter each, the table of contents in the reading order");
    ok(contains(nav, ">Story 1</a>") && contains(nav, ">Story 3</a>") &&
           contains(nav, "<a href=\"chapter-2.xhtml#h-2-1\">Section</a>"),
       "the table of contents lists the articles and their headings");
    is_int(artconv_write_book(&md, artconv_format_by_name("markdown"),
                              (const artconv_article *const *)arts, 3, NULL, NULL, NULL, &err),
           ARTCONV_EUNSUPPORTED, "only EPUB holds several articles");
    free(opf);
    free(nav);
    book_close(&b);
    for (i = 0; i < 3; i++)
        artconv_article_free(arts[i]);
    artconv_buf_dispose(&out);
    artconv_buf_dispose(&md);
}

/* Body Markdown after the front matter. */
static const char *after_front_matter(const char *md)
{
    const char *end = strncmp(md, "---\n", 4) == 0 ? strstr(md + 4, "\n---\n") : NULL;

    return end != NULL ? end + 5 : md;
}

static void simplify(artconv_article *a)
{
    artconv_node *found[64];
    size_t n = 0, i;
    artconv_iter it;
    artconv_event ev;

    artconv_iter_init(&it, artconv_article_body(a));
    while ((ev = artconv_iter_next(&it)) != ARTCONV_EVENT_DONE && n < 64) {
        artconv_node *node = artconv_iter_node(&it);
        artconv_node_kind kind = artconv_node_get_kind(node);

        if (ev == ARTCONV_EVENT_ENTER &&
            (kind == ARTCONV_NODE_FIGURE || kind == ARTCONV_NODE_IMAGE ||
             kind == ARTCONV_NODE_SOFTBREAK)) {
            found[n++] = node;
            artconv_iter_skip_children(&it);
        }
    }
    for (i = 0; i < n; i++) {
        if (artconv_node_get_kind(found[i]) == ARTCONV_NODE_SOFTBREAK) {
            artconv_node *space = artconv_node_new(ARTCONV_NODE_TEXT);

            artconv_node_set_literal(space, " ", NULL);
            artconv_node_insert_before(found[i], space, NULL);
        }
        artconv_node_free(found[i]);
    }
}

static void test_round_trip(void)
{
    artconv_article *a = fixture_kitchen_sink(), *back = NULL;
    artconv_buf book_bytes = ARTCONV_BUF_INIT, direct = ARTCONV_BUF_INIT, again = ARTCONV_BUF_INIT;
    artconv_write_options opts;
    artconv_write_options_init(&opts);
    artconv_error err;
    static const artconv_meta fields[] = {
        ARTCONV_META_TITLE,     ARTCONV_META_SUBTITLE,    ARTCONV_META_DATE,
        ARTCONV_META_MODIFIED,  ARTCONV_META_DATELINE,    ARTCONV_META_LANGUAGE,
        ARTCONV_META_PUBLISHER, ARTCONV_META_DESCRIPTION, ARTCONV_META_CREDIT,
        ARTCONV_META_RIGHTS,    ARTCONV_META_SOURCE,      ARTCONV_META_ID};
    size_t i;
    int same = 1;

    /* What a book cannot give back the same is left out of both: images
     * (they are renamed into the book, or dropped when not local) and soft
     * line breaks (XHTML renders them as spaces). */
    artconv_article_set(a, ARTCONV_META_IMAGE, NULL, NULL);
    simplify(a);
    write_book(&book_bytes, a, &opts);
    is_int(artconv_read(&back, epub(), book_bytes.ptr, book_bytes.len, NULL, &err), 0,
           "round trip: artconv's EPUB reads back");
    if (back == NULL)
        goto done;
    for (i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        const char *x = artconv_article_get(a, fields[i]),
                   *y = artconv_article_get(back, fields[i]);

        if ((x == NULL) != (y == NULL) || (x != NULL && strcmp(x, y) != 0)) {
            printf("# %s: '%s' became '%s'\n", artconv_meta_name(fields[i]), x ? x : "(null)",
                   y ? y : "(null)");
            same = 0;
        }
    }
    ok(same, "round trip: the metadata comes back");
    is_int(artconv_article_list_count(back, ARTCONV_LIST_AUTHORS), 2, "both authors");
    is_int(artconv_article_list_count(back, ARTCONV_LIST_KEYWORDS), 2, "both keywords");
    ok(artconv_article_check(back, &err) == 0, "the article read back is valid");
    artconv_write(&direct, artconv_format_by_name("markdown"), a, NULL, &err);
    artconv_write(&again, artconv_format_by_name("markdown"), back, NULL, &err);
    if (!is_str(after_front_matter(again.ptr), after_front_matter(direct.ptr),
                "round trip: EPUB -> Markdown gives the article's own Markdown body"))
        printf("# via EPUB:\n%s\n", again.ptr);
done:
    artconv_article_free(back);
    artconv_article_free(a);
    artconv_buf_dispose(&book_bytes);
    artconv_buf_dispose(&direct);
    artconv_buf_dispose(&again);
}

/* --- samples, seed and corpus ------------------------------------------------ */

static void convert_file(const char *path, const char *name)
{
    artconv_article *a = NULL;
    artconv_buf out = ARTCONV_BUF_INIT, dir = ARTCONV_BUF_INIT;
    artconv_write_options opts;
    artconv_write_options_init(&opts);
    const char *slash = strrchr(path, '/');
    artconv_error err;

    artconv_buf_put(&dir, path, slash != NULL ? (size_t)(slash - path) : 0);
    opts.resource_dir = dir.ptr;
    if (artconv_read_file(&a, NULL, path, NULL, &err) == 0 &&
        artconv_write(&out, epub(), a, &opts, &err) == 0)
        keep_book(name, &out);
    else
        printf("# %s: %s\n", path, err.message);
    artconv_article_free(a);
    artconv_buf_dispose(&out);
    artconv_buf_dispose(&dir);
}

static int by_name(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

/* Converts the samples, the seed and every corpus page; returns how many
 * inputs there were. */
static size_t convert_inputs(void)
{
    const char *shared = test_shared_dir();
    char path[4096], name[512];
    size_t before = n_books, inputs = 0;
    struct dirent *de;
    DIR *d;

    snprintf(path, sizeof path, "%s/../samples", test_dir());
    d = opendir(path);
    while (d != NULL && (de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/../samples/%s", test_dir(), de->d_name);
        snprintf(name, sizeof name, "sample-%s", de->d_name);
        convert_file(path, name);
        inputs++;
    }
    if (d != NULL)
        closedir(d);
    if (shared == NULL)
        return inputs;
    snprintf(path, sizeof path, "%s/seeds", shared);
    d = opendir(path);
    while (d != NULL && (de = readdir(d)) != NULL) {
        if (strstr(de->d_name, ".txt") == NULL)
            continue;
        snprintf(path, sizeof path, "%s/seeds/%s", shared, de->d_name);
        snprintf(name, sizeof name, "seed-%s", de->d_name);
        convert_file(path, name);
        inputs++;
    }
    if (d != NULL)
        closedir(d);
    snprintf(path, sizeof path, "%s/corpus/readability", shared);
    d = opendir(path);
    while (d != NULL && (de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/corpus/readability/%s/source.html", shared, de->d_name);
        if (access(path, R_OK) != 0)
            continue;
        snprintf(name, sizeof name, "corpus-%s", de->d_name);
        convert_file(path, name);
        inputs++;
    }
    if (d != NULL)
        closedir(d);
    is_int(n_books - before, inputs, "every sample, seed and corpus page made an EPUB");
    return inputs;
}

/* --- the title page and the style sheet ------------------------------------ */

static void test_title_page(void)
{
    artconv_article *a = fixture_kitchen_sink(), *back = NULL;
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_write_options opts;
    artconv_write_options_init(&opts);
    book b = {NULL, NULL};
    char *tp = NULL, *opf = NULL, *nav = NULL, *css = NULL, *md = NULL, *md_back = NULL;
    const char *spine;

    opts.warning = NULL;
    if (!ok(write_book(&out, a, &opts) == 0 && book_open(&b, &out) == 0, "title page: written"))
        goto done;
    tp = entry(&b, "EPUB/titlepage.xhtml");
    opf = entry(&b, "EPUB/package.opf");
    nav = entry(&b, "EPUB/nav.xhtml");
    css = entry(&b, "EPUB/style.css");
    ok(contains(tp, "<section epub:type=\"titlepage\" class=\"titlepage\">"),
       "title page: marked titlepage by epub:type and class");
    ok(contains(tp, "<h1 class=\"title\">Harbour \"bridge\" &lt;reopens&gt; &amp; traffic "
                    "returns</h1>"),
       "title page: the title");
    ok(contains(tp, "<p class=\"author\">Jane Doe</p>") &&
           contains(tp, "<p class=\"author\">Raj Patel</p>"),
       "title page: a line per author");
    ok(contains(tp, "<time datetime=\"2024-03-02T09:30:00Z\">2 March 2024, 09:30 UTC</time>"),
       "title page: the date as a person writes it, the package's value in datetime");
    ok(contains(tp, "<p class=\"publisher\">The Harbour Gazette</p>"), "title page: the publisher");
    ok(!contains(tp, "subtitle"),
       "title page: no subtitle when dc:description says something else");
    spine = opf != NULL ? strstr(opf, "<spine") : NULL;
    ok(spine != NULL && strstr(spine, "idref=\"titlepage\"") != NULL &&
           strstr(spine, "idref=\"titlepage\"") < strstr(spine, "idref=\"chapter-1\""),
       "title page: in the spine before the chapter");
    ok(contains(nav, "epub:type=\"titlepage\" href=\"titlepage.xhtml\""),
       "title page: a landmark");
    ok(contains(css, "font-family: Charter") && contains(css, "serif;"),
       "style sheet: a serif body");
    ok(contains(css, "prefers-color-scheme: dark") && !contains(css, "background"),
       "style sheet: dark mode friendly (no background colour forced)");
    ok(contains(css, ".standfirst") && contains(css, ".byline") && contains(css, ".dateline") &&
           contains(css, "figcaption") && contains(css, "blockquote") && contains(css, "th, td"),
       "style sheet: title block, figures, quotes and tables");
    /* Read back, the title page adds no text to the body. */
    if (!ok(artconv_read(&back, epub(), out.ptr, out.len, NULL, NULL) == 0,
            "title page: the book reads back"))
        goto done;
    md = to_format(a, "markdown");
    md_back = to_format(back, "markdown");
    is_int(count_of(md_back, "The Harbour Gazette"), count_of(md, "The Harbour Gazette"),
           "title page: its publisher line is not read back as body text");
    is_int(count_of(md_back, "Raj Patel"), count_of(md, "Raj Patel"),
           "title page: its author lines are not read back as body text");
    ok(!contains(md_back, "\n2024-03-02T09:30:00Z\n"),
       "title page: its date line is not read back as body text");
done:
    free(tp);
    free(opf);
    free(nav);
    free(css);
    free(md);
    free(md_back);
    book_close(&b);
    artconv_buf_dispose(&out);
    artconv_article_free(a);
    artconv_article_free(back);
}

static void test_title_page_subtitle(void)
{
    artconv_article *a = artconv_article_new();
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_write_options opts;
    artconv_write_options_init(&opts);
    book b = {NULL, NULL};
    char *tp = NULL;

    artconv_article_set(a, ARTCONV_META_TITLE, "Ferry port goes tidal", NULL);
    artconv_article_set(a, ARTCONV_META_SUBTITLE, "Four turbines off the point", NULL);
    add_paragraph(a, "The harbour board said on Thursday that the turbines are in.");
    opts.warning = NULL;
    if (ok(write_book(&out, a, &opts) == 0 && book_open(&b, &out) == 0,
           "title page with a subtitle: written")) {
        tp = entry(&b, "EPUB/titlepage.xhtml");
        ok(contains(tp, "<p class=\"subtitle\">Four turbines off the point</p>"),
           "title page: the subtitle, which dc:description carries");
        keep_book("title-page-subtitle", &out);
    }
    free(tp);
    book_close(&b);
    artconv_buf_dispose(&out);
    artconv_article_free(a);
}

/* The first "chromium" on PATH, or 0. */
static int find_chromium(char *path, size_t size)
{
    const char *env = getenv("PATH");
    char dirs[4096], *dir, *save = NULL;

    snprintf(dirs, sizeof dirs, "%s", env != NULL ? env : "/usr/bin:/bin");
    for (dir = strtok_r(dirs, ":", &save); dir != NULL; dir = strtok_r(NULL, ":", &save)) {
        snprintf(path, size, "%s/chromium", dir);
        if (access(path, X_OK) == 0)
            return 1;
    }
    return 0;
}

static void save_entry(const book *b, const char *name, const char *dir, const char *file)
{
    char path[4096], *data = entry(b, name);
    FILE *fp;

    snprintf(path, sizeof path, "%s/%s", dir, file);
    fp = data != NULL ? fopen(path, "wb") : NULL;
    if (fp != NULL) {
        fputs(data, fp);
        fclose(fp);
    }
    free(data);
}

/* Renders the kitchen sink's chapter with headless Chromium (the page as
 * a reading system's web view shows it, with the book's style sheet) and
 * checks that a screenshot of some size comes out.  ARTCONV_TEST_SHOT
 * names a file to copy the screenshot to (docs/epub-chapter.png). */
static void test_render_chapter(void)
{
    artconv_article *a = fixture_kitchen_sink();
    artconv_buf out = ARTCONV_BUF_INIT, cmd = ARTCONV_BUF_INIT;
    artconv_write_options opts;
    artconv_write_options_init(&opts);
    book b = {NULL, NULL};
    char chromium[4096], dir[4200], png[4300];
    struct stat st;
    int rc;

    if (!find_chromium(chromium, sizeof chromium)) {
        tap_skip("render a chapter: chromium is not installed (Debian: chromium)");
        artconv_article_free(a);
        return;
    }
    opts.warning = NULL;
    snprintf(dir, sizeof dir, "%s/render", tmpdir);
    snprintf(png, sizeof png, "%s/chapter.png", dir);
    if (!ok(write_book(&out, a, &opts) == 0 && book_open(&b, &out) == 0 && mkdir(dir, 0700) == 0,
            "render: book written"))
        goto done;
    save_entry(&b, "EPUB/chapter-1.xhtml", dir, "chapter-1.xhtml");
    save_entry(&b, "EPUB/style.css", dir, "style.css");
    artconv_buf_puts(&cmd, "'");
    artconv_buf_puts(&cmd, chromium);
    artconv_buf_puts(&cmd, "' --headless --no-sandbox --disable-gpu --disable-background-networking"
                           " --disable-component-update --disable-sync --no-first-run"
                           " --user-data-dir='");
    artconv_buf_puts(&cmd, dir);
    artconv_buf_puts(&cmd, "/profile' --screenshot='");
    artconv_buf_puts(&cmd, png);
    artconv_buf_puts(&cmd, "' --window-size=800,1000 'file://");
    artconv_buf_puts(&cmd, dir);
    artconv_buf_puts(&cmd, "/chapter-1.xhtml' >/dev/null 2>&1 </dev/null");
    rc = system(cmd.ptr);
    ok(rc == 0, "render: chromium exits 0");
    /* A blank 800x1000 PNG is about 4 KB; text, rules and a table make
     * tens of kilobytes. */
    ok(stat(png, &st) == 0 && st.st_size > 20000, "render: a screenshot of some size");
    if (getenv("ARTCONV_TEST_SHOT") != NULL && stat(png, &st) == 0) {
        artconv_buf_clear(&cmd);
        artconv_buf_puts(&cmd, "cp '");
        artconv_buf_puts(&cmd, png);
        artconv_buf_puts(&cmd, "' '");
        artconv_buf_puts(&cmd, getenv("ARTCONV_TEST_SHOT"));
        artconv_buf_puts(&cmd, "'");
        if (system(cmd.ptr) != 0)
            printf("# could not copy the screenshot\n");
    }
done:
    book_close(&b);
    artconv_buf_dispose(&cmd);
    artconv_buf_dispose(&out);
    artconv_article_free(a);
}

/* Runs epubcheck over every kept book; one check per book. */
static void run_epubcheck(void)
{
    artconv_buf cmd = ARTCONV_BUF_INIT;
    char line[8192], last[512] = "";
    int fatals = -1, errors = -1, warns = -1, results = 0, clean = 0;
    size_t i;
    FILE *pipe;

    if (access(EPUBCHECK_JAR, R_OK) != 0 || system("java -version >/dev/null 2>&1") != 0) {
        printf("# SKIP epubcheck: java or %s is missing\n", EPUBCHECK_JAR);
        return;
    }
    qsort(books, n_books, sizeof *books, by_name);
    artconv_buf_puts(&cmd, "java -Xss4m -cp " EPUBCHECK_JAR " ");
    artconv_buf_puts(&cmd, test_dir());
    artconv_buf_puts(&cmd, "/epubcheck_batch.java");
    for (i = 0; i < n_books; i++) {
        artconv_buf_puts(&cmd, " ");
        artconv_buf_puts(&cmd, books[i]);
    }
    artconv_buf_puts(&cmd, " 2>&1");
    pipe = popen(cmd.ptr, "r");
    while (pipe != NULL && fgets(line, sizeof line, pipe) != NULL) {
        if (sscanf(line, "Messages: %d fatals / %d errors / %d warnings", &fatals, &errors,
                   &warns) == 3)
            continue;
        if (strncmp(line, "ERROR", 5) == 0 || strncmp(line, "WARNING", 7) == 0 ||
            strncmp(line, "FATAL", 5) == 0) {
            printf("# %.300s", line);
            continue;
        }
        if (strncmp(line, "EPUBCHECK-RESULT ", 17) == 0) {
            char verdict[600];

            results++;
            sscanf(line + 17, "%*d %500s", last);
            snprintf(verdict, sizeof verdict, "epubcheck: %s: 0 errors, 0 warnings",
                     strrchr(last, '/') != NULL ? strrchr(last, '/') + 1 : last);
            if (ok(fatals == 0 && errors == 0 && warns == 0, verdict))
                clean++;
            fatals = errors = warns = -1;
        }
    }
    if (pipe != NULL)
        pclose(pipe);
    is_int(results, (long long)n_books, "epubcheck reported on every book");
    printf("# epubcheck: %d of %zu books with 0 errors and 0 warnings\n", clean, n_books);
    artconv_buf_dispose(&cmd);
}

static void remove_tree(const char *dir)
{
    char cmd[4200];

    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        printf("# could not remove %s\n", dir);
}

int main(void)
{
    size_t i;

    if (mkdtemp(tmpdir) == NULL)
        return tap_skip_all("cannot make a temporary folder");
    test_layout_and_metadata();
    test_reproducible();
    test_identifier_stable();
    test_images();
    test_remote_lead_warned_once();
    test_cover();
    test_epub_to_epub();
    test_placeholders();
    test_data_url_budget();
    test_rtl_and_language();
    test_split();
    test_links();
    test_digest();
    test_round_trip();
    test_title_page();
    test_title_page_subtitle();
    test_render_chapter();
    convert_inputs();
    run_epubcheck();
    if (getenv("ARTCONV_TEST_KEEP") == NULL)
        remove_tree(tmpdir);
    else
        printf("# books kept in %s\n", tmpdir);
    for (i = 0; i < n_books; i++)
        free(books[i]);
    free(books);
    return tap_done();
}
