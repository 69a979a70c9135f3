/*
 * mkseed.c - writes small, real EPUB books as seeds for the EPUB fuzzer:
 *
 *   fuzz_mkseed DIR      writes DIR/NAME.book for each book below
 *
 * Each book is valid and reaches a different part of the reader: EPUB 3
 * with artconv's title block and footer, a cover page and images; EPUB 2 in
 * an OEBPS folder with percent-encoded hrefs, a non-linear item and an NCX;
 * a pandoc-like book whose first heading repeats the title; a right-to-left
 * book with CDATA, comments and character references; the smallest book;
 * and one that artconv's own writer makes from Markdown.  The ".book"
 * extension keeps them out of the globs that look for ".epub" inputs.
 * The same program always writes the same bytes (fixed zip times).
 */
#include "artconv.h"
#include "fuzz_zip.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XML_DECL  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define XHTML_TOP XML_DECL "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" "
#define OPF_TOP   XML_DECL "<package xmlns=\"http://www.idpf.org/2007/opf\" "
#define DC        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\""

typedef struct {
    const char *name;
    const char *text; /* NULL: the image below */
} part;

/* A 1x1 PNG, so image items point at a real image. */
static const unsigned char png[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
    0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00,
    0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0a, 0x49, 0x44, 0x41, 0x54, 0x78,
    0x9c, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00,
    0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

static const char container_epub[] = XML_DECL
    "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
    "  <rootfiles>\n"
    "    <rootfile full-path=\"EPUB/package.opf\" "
    "media-type=\"application/oebps-package+xml\"/>\n"
    "  </rootfiles>\n</container>\n";

/* EPUB 3, laid out as artconv writes: title block, footer, cover, nav. */
static const part news3[] = {
    {"META-INF/container.xml", container_epub},
    {"EPUB/package.opf", OPF_TOP
     "version=\"3.0\" unique-identifier=\"uid\" xml:lang=\"en\">\n"
     "  <metadata " DC ">\n"
     "    <dc:identifier id=\"isbn\">urn:isbn:9780000000000</dc:identifier>\n"
     "    <dc:identifier id=\"uid\">urn:uuid:0d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d</dc:identifier>\n"
     "    <dc:title>Harbour reopens after storm</dc:title>\n"
     "    <dc:creator id=\"c1\">Ana Costa</dc:creator>\n"
     "    <dc:creator>Tom Reid</dc:creator>\n"
     "    <meta refines=\"#c1\" property=\"role\" scheme=\"marc:relators\">aut</meta>\n"
     "    <dc:language>en-GB</dc:language>\n"
     "    <dc:date>2024-05-06T08:30:00Z</dc:date>\n"
     "    <dc:publisher>The Harbour Gazette</dc:publisher>\n"
     "    <dc:description>Boats leave again at dawn.</dc:description>\n"
     "    <dc:subject>harbour</dc:subject>\n    <dc:subject>weather</dc:subject>\n"
     "    <dc:rights>(c) 2024 The Harbour Gazette</dc:rights>\n"
     "    <dc:source>https://gazette.example/harbour</dc:source>\n"
     "    <meta property=\"dcterms:modified\">2024-05-07T10:00:00Z</meta>\n"
     "    <meta name=\"cover\" content=\"img-cover\"/>\n"
     "  </metadata>\n  <manifest>\n"
     "    <item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" "
     "properties=\"nav\"/>\n"
     "    <item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/>\n"
     "    <item id=\"css\" href=\"style.css\" media-type=\"text/css\"/>\n"
     "    <item id=\"img-cover\" href=\"images/cover.png\" media-type=\"image/png\" "
     "properties=\"cover-image\"/>\n"
     "    <item id=\"img-map\" href=\"images/map.svg\" media-type=\"image/svg+xml\"/>\n"
     "    <item id=\"cover\" href=\"cover.xhtml\" media-type=\"application/xhtml+xml\"/>\n"
     "    <item id=\"ch1\" href=\"chapter-1.xhtml\" media-type=\"application/xhtml+xml\"/>\n"
     "    <item id=\"ch2\" href=\"chapter-2.xhtml\" media-type=\"application/xhtml+xml\"/>\n"
     "  </manifest>\n  <spine toc=\"ncx\">\n"
     "    <itemref idref=\"cover\"/>\n    <itemref idref=\"nav\"/>\n"
     "    <itemref idref=\"ch1\"/>\n    <itemref idref=\"ch2\"/>\n"
     "  </spine>\n</package>\n"},
    {"EPUB/nav.xhtml",
     XHTML_TOP "xmlns:epub=\"http://www.idpf.org/2007/ops\" xml:lang=\"en\">\n"
               "<head><title>Contents</title></head>\n<body>\n"
               "<nav epub:type=\"toc\" id=\"toc\"><h1>Contents</h1><ol>\n"
               "<li><a href=\"chapter-1.xhtml\">Harbour reopens</a><ol>"
               "<li><a href=\"chapter-1.xhtml#h-1-1\">The first boats</a></li></ol></li>\n"
               "<li><a href=\"chapter-2.xhtml\">Figures</a></li>\n</ol></nav>\n"
               "<nav epub:type=\"landmarks\" hidden=\"\"><ol><li><a epub:type=\"bodymatter\" "
               "href=\"chapter-1.xhtml\">Start</a></li></ol></nav>\n</body>\n</html>\n"},
    {"EPUB/toc.ncx",
     XML_DECL "<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\">\n"
              "<head><meta name=\"dtb:uid\" content=\"urn:uuid:0d1c2b3a\"/></head>\n"
              "<docTitle><text>Harbour reopens after storm</text></docTitle>\n"
              "<navMap><navPoint id=\"n1\" playOrder=\"1\"><navLabel><text>Harbour reopens"
              "</text></navLabel><content src=\"chapter-1.xhtml\"/></navPoint></navMap>\n"
              "</ncx>\n"},
    {"EPUB/style.css", "body { font-family: serif; }\nfigure { margin: 1em 0; }\n"},
    {"EPUB/images/cover.png", NULL},
    {"EPUB/images/map.svg",
     XML_DECL "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" "
              "viewBox=\"0 0 10 10\"><title>Map</title><rect x=\"1\" y=\"1\" width=\"8\" "
              "height=\"8\" fill=\"#036\"/></svg>\n"},
    {"EPUB/cover.xhtml",
     XHTML_TOP "xmlns:epub=\"http://www.idpf.org/2007/ops\">\n<head><title>Cover</title></head>\n"
               "<body epub:type=\"cover\"><img src=\"images/cover.png\" alt=\"\"/></body>\n"
               "</html>\n"},
    {"EPUB/chapter-1.xhtml",
     XHTML_TOP "xmlns:epub=\"http://www.idpf.org/2007/ops\" xml:lang=\"en-GB\" lang=\"en-GB\">\n"
               "<head><meta charset=\"utf-8\"/><title>Harbour reopens after storm</title>\n"
               "<link rel=\"stylesheet\" href=\"style.css\"/></head>\n<body>\n"
               "<section class=\"article\" id=\"a1\">\n<header>\n"
               "<h1>Harbour reopens after storm</h1>\n"
               "<p class=\"standfirst\">Boats leave again at dawn.</p>\n"
               "<p class=\"byline\">By Ana Costa and Tom Reid</p>\n"
               "<p class=\"dateline\">PORTSMOUTH, May 6</p>\n</header>\n"
               "<p>The harbour <em>reopened</em> on <strong>Monday</strong> after "
               "<a href=\"https://gazette.example/storm\">the storm</a> closed it for "
               "<abbr title=\"seventy-two\">72</abbr> hours.</p>\n"
               "<figure><img src=\"images/cover.png\" alt=\"Boats at dawn\" width=\"1\" "
               "height=\"1\"/><figcaption>Boats at dawn. <small>Photo: J. Doe</small>"
               "</figcaption></figure>\n"
               "<h2 id=\"h-1-1\">The first boats</h2>\n"
               "<ul><li>Ferry at 06:10</li><li>Fishing fleet<ul><li>trawlers</li></ul></li>"
               "</ul>\n<ol start=\"3\"><li>third</li><li>fourth</li></ol>\n"
               "<blockquote><p>\"We lost three days,\" said the harbour master.</p>"
               "</blockquote>\n"
               "<p>See <a href=\"chapter-2.xhtml#fig\">the map</a> and "
               "<a href=\"#h-1-1\">above</a>; write to <a href=\"mailto:desk@gazette.example\">"
               "the desk</a>.<br/>Code: <code>PX-12</code>, H<sub>2</sub>O, m<sup>2</sup>.</p>\n"
               "<footer><p class=\"credit\">Additional reporting by Lee Wong</p></footer>\n"
               "</section>\n</body>\n</html>\n"},
    {"EPUB/chapter-2.xhtml",
     XHTML_TOP "xmlns:epub=\"http://www.idpf.org/2007/ops\">\n<head><title>Figures</title>"
               "</head>\n<body>\n<section class=\"article\">\n"
               "<h2>Figures</h2>\n<figure id=\"fig\"><img src=\"images/map.svg\" alt=\"Map\"/>"
               "<figcaption>The harbour</figcaption></figure>\n"
               "<table><caption>Crossings</caption><thead><tr><th>Day</th><th>Boats</th></tr>"
               "</thead><tbody><tr><td>Mon</td><td>4</td></tr><tr><td>Tue</td><td>9</td></tr>"
               "</tbody></table>\n<pre>06:10 ferry\n07:00 fleet</pre>\n<hr/>\n"
               "<h3>Notes</h3><dl><dt>Storm</dt><dd>Force 10</dd></dl>\n"
               "<p><img src=\"../outside.png\" alt=\"outside\"/><img src=\"images/missing.png\" "
               "alt=\"missing\"/></p>\n</section>\n</body>\n</html>\n"},
};

/* EPUB 2 in OEBPS/, as older tools write: NCX only, opf: attributes,
 * percent-encoded hrefs, a title page, a non-linear note, text/html. */
static const part oebps2[] = {
    {"META-INF/container.xml", XML_DECL
     "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">"
     "<rootfiles><rootfile full-path=\"OEBPS/content.opf\" "
     "media-type=\"application/oebps-package+xml\"/></rootfiles></container>\n"},
    {"OEBPS/content.opf", OPF_TOP
     "version=\"2.0\" unique-identifier=\"BookId\">\n"
     "<metadata " DC " xmlns:opf=\"http://www.idpf.org/2007/opf\">\n"
     "<dc:title>Council votes on the bridge</dc:title>\n"
     "<dc:creator opf:role=\"aut\" opf:file-as=\"Moreau, Claire\">Claire Moreau</dc:creator>\n"
     "<dc:language>fr</dc:language>\n"
     "<dc:identifier id=\"BookId\" opf:scheme=\"UUID\">3f2a8c1e-0000-4000-8000-000000000001"
     "</dc:identifier>\n"
     "<dc:date opf:event=\"publication\">May 6, 2024</dc:date>\n"
     "<dc:subject>politics</dc:subject>\n</metadata>\n<manifest>\n"
     "<item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/>\n"
     "<item id=\"title\" href=\"Text/title.xhtml\" media-type=\"application/xhtml+xml\"/>\n"
     "<item id=\"c1\" href=\"Text/chapter%201.xhtml\" media-type=\"application/xhtml+xml\"/>\n"
     "<item id=\"c2\" href=\"Text/../Text/part2.html#top\" media-type=\"text/html\"/>\n"
     "<item id=\"note\" href=\"Text/note.xhtml\" media-type=\"application/xhtml+xml\"/>\n"
     "<item id=\"pic\" href=\"Images/bridge.png\" media-type=\"image/png\"/>\n"
     "</manifest>\n<spine toc=\"ncx\">\n<itemref idref=\"title\"/>\n<itemref idref=\"c1\"/>\n"
     "<itemref idref=\"note\" linear=\"no\"/>\n<itemref idref=\"c2\"/>\n"
     "<itemref idref=\"absent\"/>\n</spine>\n"
     "<guide><reference type=\"text\" title=\"Start\" href=\"Text/chapter%201.xhtml\"/>"
     "</guide>\n</package>\n"},
    {"OEBPS/toc.ncx",
     XML_DECL "<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\"><head/>"
              "<docTitle><text>Council votes</text></docTitle><navMap><navPoint id=\"p1\" "
              "playOrder=\"1\"><navLabel><text>Vote</text></navLabel><content "
              "src=\"Text/chapter%201.xhtml\"/></navPoint></navMap></ncx>\n"},
    {"OEBPS/Text/title.xhtml",
     XHTML_TOP "xml:lang=\"fr\"><head><title>Title</title></head>\n"
               "<body class=\"titlepage\"><h1>Council votes on the bridge</h1>"
               "<p>Claire Moreau</p></body></html>\n"},
    {"OEBPS/Text/chapter 1.xhtml",
     XHTML_TOP "xml:lang=\"fr\"><head><title>Vote</title></head>\n<body>\n"
               "<div class=\"chapter\"><h1 class=\"chapter-title\">The vote</h1>\n"
               "<p class=\"first\">The council voted <b>eleven</b> to <i>four</i> for the "
               "bridge.<a id=\"r1\" href=\"note.xhtml#n1\"><sup>1</sup></a></p>\n"
               "<p>Work starts in <span lang=\"en\">spring</span> &#8212; &#xe9;t&#233; at "
               "the latest &amp; &lt;maybe&gt;.</p>\n"
               "<div class=\"img\"><img src=\"../Images/bridge.png\" alt=\"The bridge\"/>"
               "<p class=\"caption\">The planned bridge</p></div>\n"
               "<h2>Reactions</h2><p>Mixed.</p><h4>Deep</h4><h6>Deeper</h6>\n"
               "</div>\n</body></html>\n"},
    {"OEBPS/Text/part2.html",
     XHTML_TOP "><head><title>Part 2</title></head><body><a id=\"top\"/>"
               "<h2>Costs</h2><p>The bridge costs <em>12 million</em>.</p>"
               "<ul><li><p>steel</p></li><li><p>labour</p></li></ul></body></html>\n"},
    {"OEBPS/Text/note.xhtml",
     XHTML_TOP "xmlns:epub=\"http://www.idpf.org/2007/ops\"><head><title>Notes</title></head>"
               "<body><aside epub:type=\"footnote\" id=\"n1\"><p>1. Two abstained.</p></aside>"
               "</body></html>\n"},
    {"OEBPS/Images/bridge.png", NULL},
};

/* Pandoc-like: a title page marked by epub:type, the title repeated as the
 * first heading, notes, nested sections. */
static const part pandoc3[] = {
    {"META-INF/container.xml", container_epub},
    {"EPUB/package.opf",
     OPF_TOP "version=\"3.0\" unique-identifier=\"epub-id-1\">\n<metadata " DC ">\n"
             "<dc:identifier id=\"epub-id-1\">urn:uuid:46b63239-0000-4000-8000-0000000000aa"
             "</dc:identifier>\n<dc:title id=\"epub-title-1\">Night ferry returns</dc:title>\n"
             "<dc:date id=\"epub-date\">2024-05-06</dc:date>\n<dc:language>en-US</dc:language>\n"
             "<dc:creator id=\"epub-creator-1\">Ana Costa</dc:creator>\n"
             "<meta property=\"dcterms:modified\">2024-05-06T00:00:00Z</meta>\n"
             "</metadata>\n<manifest>\n"
             "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" "
             "properties=\"nav\"/>\n"
             "<item id=\"title_page\" href=\"text/title_page.xhtml\" "
             "media-type=\"application/xhtml+xml\"/>\n"
             "<item id=\"ch001\" href=\"text/ch001.xhtml\" media-type=\"application/xhtml+xml\"/>\n"
             "</manifest>\n<spine>\n<itemref idref=\"title_page\" linear=\"yes\"/>\n"
             "<itemref idref=\"ch001\"/>\n</spine>\n</package>\n"},
    {"EPUB/nav.xhtml",
     XHTML_TOP "xmlns:epub=\"http://www.idpf.org/2007/ops\"><head><title>Night ferry</title>"
               "</head><body epub:type=\"frontmatter\"><nav epub:type=\"toc\" id=\"toc\"><ol>"
               "<li><a href=\"text/ch001.xhtml\">Night ferry returns</a></li></ol></nav>"
               "</body></html>\n"},
    {"EPUB/text/title_page.xhtml",
     XHTML_TOP "xmlns:epub=\"http://www.idpf.org/2007/ops\"><head><title>Night ferry</title>"
               "</head><body epub:type=\"frontmatter\"><section epub:type=\"titlepage\" "
               "class=\"titlepage\"><h1 class=\"title\">Night ferry returns</h1>"
               "<p class=\"author\">Ana Costa</p></section></body></html>\n"},
    {"EPUB/text/ch001.xhtml",
     XHTML_TOP "xmlns:epub=\"http://www.idpf.org/2007/ops\" xml:lang=\"en-US\">\n"
               "<head><meta charset=\"utf-8\"/><title>ch001.xhtml</title>"
               "<style>code{white-space: pre-wrap;}</style></head>\n"
               "<body epub:type=\"bodymatter\">\n<section id=\"s1\" class=\"level1\">\n"
               "<h1>Night ferry returns</h1>\n"
               "<p>The ferry sails again from <em>Monday</em>.<a href=\"#fn1\" "
               "class=\"footnote-ref\" id=\"fnref1\" epub:type=\"noteref\"><sup>1</sup></a></p>\n"
               "<section id=\"s2\" class=\"level2\"><h2>Timetable</h2>\n"
               "<div class=\"sourceCode\"><pre class=\"sourceCode\"><code>dep 23:30\narr 06:10"
               "</code></pre></div>\n"
               "<p><span class=\"smallcaps\">Fare</span>: <strong>18</strong>. "
               "<q>Cheap</q>, <del>dear</del> <ins>fair</ins>, <s>old</s> <u>new</u>.</p>\n"
               "</section>\n</section>\n"
               "<aside id=\"fn1\" epub:type=\"footnote\"><p>Weather permitting."
               "<a href=\"#fnref1\" class=\"footnote-back\">back</a></p></aside>\n"
               "</body>\n</html>\n"},
};

/* Right to left, with the XML corners a reader meets: CDATA, comments,
 * processing instructions, character references, xml:base, entries
 * stored in a folder named like the package. */
static const part rtl3[] = {
    {"META-INF/container.xml",
     XML_DECL "<!-- made by hand -->\n<container version=\"1.0\" "
              "xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles>"
              "<rootfile full-path=\"book.opf\" media-type=\"application/oebps-package+xml\"/>"
              "<rootfile full-path=\"other.opf\" media-type=\"application/oebps-package+xml\"/>"
              "</rootfiles></container>\n"},
    {"book.opf", OPF_TOP
     "version=\"3.0\" dir=\"rtl\" xml:lang=\"ar\">\n<metadata " DC ">\n"
     "<dc:title>&#1582;&#1576;&#1585; &amp; more</dc:title>\n"
     "<dc:language>ar</dc:language>\n<dc:identifier>id-1</dc:identifier>\n"
     "<dc:identifier>id-2</dc:identifier>\n<dc:date>2024</dc:date>\n"
     "<meta property=\"dcterms:modified\">not a date</meta>\n</metadata>\n"
     "<manifest>\n<item id=\"t\" href=\"./text.xhtml\" media-type=\"application/xhtml+xml\" "
     "properties=\"svg scripted\"/>\n"
     "<item id=\"e\" href=\"empty.xhtml\" media-type=\"application/xhtml+xml\"/>\n"
     "</manifest>\n<spine page-progression-direction=\"rtl\"><itemref idref=\"e\"/>"
     "<itemref idref=\"t\"/></spine>\n</package>\n"},
    {"text.xhtml",
     XML_DECL "<?xml-stylesheet href=\"s.css\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" "
              "dir=\"rtl\" xml:lang=\"ar\"><head><title>&#1582;&#1576;&#1585;</title></head>\n"
              "<body dir=\"rtl\"><!-- a comment -->\n<h1>&#1582;&#1576;&#1585;</h1>\n"
              "<p>&#1606;&#1589; <bdi>abc</bdi> <![CDATA[ <not a tag> & ]]> tail</p>\n"
              "<p xml:base=\"http://example.com/\"><a href=\"rel\">relative</a> "
              "<a href=\"javascript:alert(1)\">bad</a> <a href=\"data:text/html,x\">data</a></p>\n"
              "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>inline</text></svg>\n"
              "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><mi>x</mi></math>\n"
              "<p>\xe2\x80\x8f\xef\xbb\xbf zero-width and \xf0\x9f\x98\x80</p></body></html>\n"},
    {"empty.xhtml", XHTML_TOP "><head><title>e</title></head><body>   </body></html>\n"},
};

static const part tiny[] = {
    {"META-INF/container.xml", container_epub},
    {"EPUB/package.opf",
     OPF_TOP "version=\"3.0\"><metadata " DC "><dc:title>T</dc:title></metadata>"
             "<manifest><item id=\"a\" href=\"a.xhtml\" media-type=\"application/xhtml+xml\"/>"
             "</manifest><spine><itemref idref=\"a\"/></spine></package>"},
    {"EPUB/a.xhtml", XHTML_TOP "><head><title>T</title></head><body><p>x</p></body></html>"},
};

static int write_file(const char *dir, const char *name, const uint8_t *data, size_t len)
{
    char path[4096];
    FILE *f;
    int ok;

    snprintf(path, sizeof path, "%s/%s.book", dir, name);
    f = fopen(path, "wb");
    if (f == NULL) {
        perror(path);
        return -1;
    }
    ok = fwrite(data, 1, len, f) == len;
    ok = fclose(f) == 0 && ok;
    if (!ok)
        perror(path);
    return ok ? 0 : -1;
}

/* Zips the parts behind a stored mimetype; even-numbered parts stored,
 * the others deflated, so both methods are in every book. */
static int write_book(const char *dir, const char *name, const part *parts, size_t n)
{
    static const char mimetype[] = "application/epub+zip";
    fz_book book = FZ_BOOK_INIT;
    uint8_t *zip = NULL;
    size_t i, len = 0;
    int rc = fz_book_add(&book, "mimetype", mimetype, sizeof mimetype - 1, 0);

    for (i = 0; i < n && rc == 0; i++) {
        const void *data = parts[i].text != NULL ? (const void *)parts[i].text : png;
        size_t size = parts[i].text != NULL ? strlen(parts[i].text) : sizeof png;

        rc = fz_book_add(&book, parts[i].name, data, size, (int)(i % 2));
    }
    if (rc == 0)
        rc = fz_book_pack(&book, &zip, &len);
    if (rc == 0)
        rc = write_file(dir, name, zip, len);
    else
        fprintf(stderr, "fuzz_mkseed: cannot zip %s\n", name);
    free(zip);
    fz_book_clear(&book);
    return rc;
}

/* A book from artconv's own EPUB writer, so the seeds also hold exactly
 * what the writer makes. */
static int write_artconv_book(const char *dir)
{
    static const char markdown[] =
        "---\ntitle: Tide tables change\nauthor: [Lee Wong, Ana Costa]\ndate: 2024-05-06\n"
        "subtitle: New times from June\nlanguage: en\nkeywords: [tides, harbour]\n---\n\n"
        "The **tide tables** change in *June*, says [the port](https://port.example/).\n\n"
        "## High water\n\n- 06:10\n- 18:32\n\n> Check before sailing.\n\n"
        "1. one\n2. two\n\n```\ncode block\n```\n\n### Low water\n\nText with `code`.\n";
    artconv_read_options ropts;
    artconv_read_options_init(&ropts);
    artconv_write_options wopts;
    artconv_write_options_init(&wopts);
    artconv_article *article = NULL;
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_error err;
    int rc;

    wopts.timestamp = 0;
    rc = artconv_read(&article, artconv_format_by_name("markdown"), markdown, sizeof markdown - 1,
                      &ropts, &err);
    if (rc == 0)
        rc = artconv_write(&out, artconv_format_by_name("epub"), article, &wopts, &err);
    if (rc == 0)
        rc = write_file(dir, "artconv-writer", (const uint8_t *)out.ptr, out.len);
    else
        fprintf(stderr, "fuzz_mkseed: artconv: %s\n", err.message);
    artconv_buf_dispose(&out);
    artconv_article_free(article);
    return rc < 0 ? -1 : 0;
}

#define BOOK(dir, name, parts) write_book(dir, name, parts, sizeof parts / sizeof parts[0])

int main(int argc, char **argv)
{
    int rc = 0;

    if (argc != 2) {
        fprintf(stderr, "usage: fuzz_mkseed DIR\n");
        return 2;
    }
    rc |= BOOK(argv[1], "news3", news3);
    rc |= BOOK(argv[1], "oebps2", oebps2);
    rc |= BOOK(argv[1], "pandoc3", pandoc3);
    rc |= BOOK(argv[1], "rtl3", rtl3);
    rc |= BOOK(argv[1], "tiny", tiny);
    rc |= write_artconv_book(argv[1]);
    return rc != 0 ? 1 : 0;
}
