/*
 * safety.c - what hostile input can make a writer do, and what a failed
 * write leaves behind.
 *
 * Output safety: an article built by hand holds, in every metadata field
 * and every kind of text (headline, standfirst, authors, captions, alt
 * text, link and image titles, code, credit, table cells), markup breakers
 * ("</title><script>", "]]>", "<!--", "-->", a quote-breaking <img
 * onerror>, "{{7*7}}", U+2028), and in every link, image and figure one of
 * five dangerous URLs.  Each writer's output must parse as its format says
 * (libxml2 for HTML, EPUB and NewsML, jansson for JSON, cmark for
 * Markdown), hold no <script> element, no on* attribute and no dangerous
 * URL (HTML, EPUB, NewsML, and Markdown's body and its rendering), and keep
 * the text as text.  JSON and plain text are data, not markup for a
 * browser: their URLs are kept as the model has them (docs/limits.md).
 *
 * File names: images from hostile paths never lead outside the book or the
 * input folder, and every entry name in the zip is plain ASCII inside it.
 *
 * No output is lost: artconv_write_file and artconv_write_book_file leave
 * the previous file and no temporary file behind when the writer fails,
 * the disk is full (RLIMIT_FSIZE in a child; a 64 KiB tmpfs in a private
 * mount namespace when mounting is allowed), the folder cannot be written
 * (a regular file as parent; a read-only bind mount when allowed) or the
 * target is a folder.
 *
 * One job over 600 lines: one hostile article through every writer, and
 * the checks each output must pass, kept side by side.
 */
#define _GNU_SOURCE
#include "tap.h"
#include "testutil.h"
#include "testzip.h"
#include "internal.h"
#include "xhtml.h"

#include <cmark-gfm.h>
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* The hostile text: each piece must survive as text, never as markup. */
#define LS "\xE2\x80\xA8" /* U+2028 LINE SEPARATOR: ends a line in JavaScript */
#define PAYLOAD                                                                                    \
    "</title><script>alert(1)</script> ]]> <!-- --> \"'><img src=x onerror=alert(1)> {{7*7}} " LS  \
    " end"

static const char *const pieces[] = {
    "</title><script>alert(1)</script>", "]]>",     "<!--", "-->",
    "\"'><img src=x onerror=alert(1)>",  "{{7*7}}", LS,
};
#define N_PIECES (sizeof pieces / sizeof pieces[0])

static const char *const bad_urls[] = {
    "javascript:alert(1)",   " JaVaScRiPt:alert(2)",
    "java\tscript:alert(3)", "data:text/html,<script>alert(4)</script>",
    "vbscript:msgbox(5)",
};
#define N_BAD_URLS (sizeof bad_urls / sizeof bad_urls[0])

/* Raw HTML nodes: 'B' a block, 'I' an inline; the first two are inert. */
#define INERT_BLOCK  "<my-box class=\"kept\">"
#define INERT_INLINE "<bar title=\"kept\">"
static const char *const raw_html[] = {
    "B" INERT_BLOCK,
    "I" INERT_INLINE,
    "B<a href=\"java&#9;script:alert(7)\">",
    "B<img src=x onerror=alert(1)>",
    "B<!-- --><script src=\"https://x.example/a.js\"></script>",
    "I<a href=\" JaVaScRiPt:alert(8)\">",
    "I<svg onload=alert(1)>",
    "I<iframe src=\"https://x.example/\">",
};
#define N_RAW (sizeof raw_html / sizeof raw_html[0])

static char tmpdir[] = "/tmp/artconv-safety-XXXXXX";

static artconv_article *hostile_article(void)
{
    artconv_article *a = artconv_article_new();
    artconv_node *body, *n, *p, *list, *item, *table, *row, *cell;
    size_t i;
    int m;

    if (a == NULL)
        return NULL;
    for (m = 0; m < ARTCONV_META_COUNT; m++) {
        const char *v = PAYLOAD;

        if (m == ARTCONV_META_DATE || m == ARTCONV_META_MODIFIED)
            v = "2024-05-06T10:00:00Z";
        else if (m == ARTCONV_META_LANGUAGE)
            v = "en";
        else if (m == ARTCONV_META_SOURCE || m == ARTCONV_META_IMAGE)
            v = bad_urls[0];
        artconv_article_set(a, (artconv_meta)m, v, NULL);
    }
    artconv_article_list_add(a, ARTCONV_LIST_AUTHORS, PAYLOAD, NULL);
    artconv_article_list_add(a, ARTCONV_LIST_AUTHORS, "Ana " LS " Costa", NULL);
    artconv_article_list_add(a, ARTCONV_LIST_KEYWORDS, PAYLOAD, NULL);
    artconv_article_extra_set(a, "x-note",
                              "\""
                              "</script><script>alert(9)</script>"
                              "\"",
                              NULL);
    body = artconv_article_body(a);
    n = ac_node_add(body, ARTCONV_NODE_HEADING, NULL);
    ac_node_add_text(n, PAYLOAD, strlen(PAYLOAD), NULL);
    p = ac_node_add(body, ARTCONV_NODE_PARAGRAPH, NULL);
    ac_node_add_text(p, PAYLOAD, strlen(PAYLOAD), NULL);
    n = ac_node_add(p, ARTCONV_NODE_CODE, NULL);
    artconv_node_set_literal(n, PAYLOAD, NULL);
    n = ac_node_add(p, ARTCONV_NODE_EMPH, NULL);
    ac_node_add_text(n, PAYLOAD, strlen(PAYLOAD), NULL);
    for (i = 0; i < N_BAD_URLS; i++) {
        p = ac_node_add(body, ARTCONV_NODE_PARAGRAPH, NULL);
        n = ac_node_add(p, ARTCONV_NODE_LINK, NULL);
        artconv_node_set_url(n, bad_urls[i], NULL);
        artconv_node_set_title(n, PAYLOAD, NULL);
        ac_node_add_text(n, "link text", 9, NULL);
        ac_node_add_text(p, " and ", 5, NULL);
        n = ac_node_add(p, ARTCONV_NODE_IMAGE, NULL);
        artconv_node_set_url(n, bad_urls[i], NULL);
        artconv_node_set_alt(n, PAYLOAD, NULL);
        artconv_node_set_title(n, PAYLOAD, NULL);
        n = ac_node_add(body, ARTCONV_NODE_FIGURE, NULL);
        artconv_node_set_url(n, bad_urls[i], NULL);
        artconv_node_set_alt(n, PAYLOAD, NULL);
        artconv_node_set_credit(n, PAYLOAD, NULL);
        n = ac_node_add(n, ARTCONV_NODE_CAPTION, NULL);
        ac_node_add_text(n, PAYLOAD, strlen(PAYLOAD), NULL);
    }
    n = ac_node_add(body, ARTCONV_NODE_CODE_BLOCK, NULL);
    artconv_node_set_literal(n, PAYLOAD "\n", NULL);
    artconv_node_set_info(n, "html\"><script>alert(6)</script>", NULL);
    n = ac_node_add(body, ARTCONV_NODE_BLOCKQUOTE, NULL);
    p = ac_node_add(n, ARTCONV_NODE_PARAGRAPH, NULL);
    ac_node_add_text(p, PAYLOAD, strlen(PAYLOAD), NULL);
    p = ac_node_add(n, ARTCONV_NODE_ATTRIBUTION, NULL);
    ac_node_add_text(p, PAYLOAD, strlen(PAYLOAD), NULL);
    list = ac_node_add(body, ARTCONV_NODE_LIST, NULL);
    item = ac_node_add(list, ARTCONV_NODE_ITEM, NULL);
    p = ac_node_add(item, ARTCONV_NODE_PARAGRAPH, NULL);
    ac_node_add_text(p, PAYLOAD, strlen(PAYLOAD), NULL);
    table = ac_node_add(body, ARTCONV_NODE_TABLE, NULL);
    row = ac_node_add(table, ARTCONV_NODE_TABLE_ROW, NULL);
    artconv_node_set_header(row, 1, NULL);
    cell = ac_node_add(row, ARTCONV_NODE_TABLE_CELL, NULL);
    ac_node_add_text(cell, PAYLOAD, strlen(PAYLOAD), NULL);
    /* Raw HTML built by hand: one inert piece of each kind (the Markdown
     * writer keeps those, everything else drops them), and hostile markup
     * that no writer may let through. */
    for (i = 0; i < N_RAW; i++) {
        int block = raw_html[i][0] == 'B';

        n = ac_node_add(block ? body : p,
                        block ? ARTCONV_NODE_RAW_HTML_BLOCK : ARTCONV_NODE_RAW_HTML_INLINE, NULL);
        if (artconv_node_set_literal(n, raw_html[i] + 1, NULL) < 0)
            printf("# raw HTML refused: %s\n", raw_html[i] + 1);
    }
    return a;
}

/* --- checks on the bytes and on parsed trees -------------------------------- */

static int contains(const char *hay, const char *needle)
{
    return hay != NULL && strstr(hay, needle) != NULL;
}

/* 1 if the bytes hold a dangerous URL in any spelling a browser accepts:
 * case folded, tabs and line ends dropped (raw or as character references
 * &#9; &#10; &#13;, as XML writers put them in attributes). */
static int has_bad_url(const char *s, size_t len)
{
    static const char *const refs[] = {"&#9;", "&#x9;", "&#10;", "&#xa;", "&#13;", "&#xd;"};
    static const char *const schemes[] = {"javascript:", "vbscript:", "data:text/html"};
    artconv_buf norm = ARTCONV_BUF_INIT;
    size_t i, j;
    int found = 0;

    for (i = 0; i < len; i++) {
        char c = s[i];
        int skipped = 0;

        if (c == '\t' || c == '\n' || c == '\r')
            continue;
        for (j = 0; j < sizeof refs / sizeof refs[0] && c == '&'; j++) {
            size_t n = strlen(refs[j]);

            if (i + n <= len && ac_strncaseeq(s + i, refs[j], n)) {
                i += n - 1;
                skipped = 1;
                break;
            }
        }
        if (!skipped)
            artconv_buf_putc(&norm, c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    for (j = 0; j < sizeof schemes / sizeof schemes[0]; j++)
        if (norm.ptr != NULL && strstr(norm.ptr, schemes[j]) != NULL)
            found = 1;
    artconv_buf_dispose(&norm);
    return found;
}

/* What a walk over a parsed document found. */
typedef struct {
    int scripts;  /* <script> elements */
    int handlers; /* on* attributes */
    int bad_urls; /* URL attributes a browser would run */
    int elements;
    artconv_buf text; /* all text content, in order */
} scan;

static int is_url_attr(const xmlChar *name)
{
    static const char *const names[] = {"href",       "src",      "action", "formaction",
                                        "cite",       "data",     "poster", "srcset",
                                        "background", "longdesc", "about",  "resource"};
    size_t i;

    for (i = 0; i < sizeof names / sizeof names[0]; i++)
        if (ac_strcaseeq((const char *)name, names[i]))
            return 1;
    return 0;
}

/* Walks the tree in document order without recursion. */
static void scan_tree(scan *sc, xmlNodePtr root)
{
    xmlNodePtr node = root;

    while (node != NULL) {
        if (node->type == XML_ELEMENT_NODE) {
            xmlAttrPtr attr;

            sc->elements++;
            if (ac_strcaseeq((const char *)node->name, "script"))
                sc->scripts++;
            for (attr = node->properties; attr != NULL; attr = attr->next) {
                xmlChar *v = xmlNodeGetContent((xmlNodePtr)attr);

                if (ac_strncaseeq((const char *)attr->name, "on", 2))
                    sc->handlers++;
                if (v != NULL && is_url_attr(attr->name) &&
                    !ac_xhtml_url_is_safe((const char *)v,
                                          ac_strcaseeq((const char *)attr->name, "src")))
                    sc->bad_urls++;
                xmlFree(v);
            }
        } else if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
            artconv_buf_puts(&sc->text, (const char *)node->content);
        }
        if ((node->type == XML_ELEMENT_NODE || node->type == XML_DOCUMENT_NODE ||
             node->type == XML_HTML_DOCUMENT_NODE) &&
            node->children != NULL) {
            node = node->children;
            continue;
        }
        while (node != root && node->next == NULL)
            node = node->parent;
        node = node == root ? NULL : node->next;
    }
    if (sc->text.ptr == NULL)
        artconv_buf_puts(&sc->text, "");
}

/* Reports the checks on one scanned document: no script, no handler, no
 * dangerous URL in an attribute or in the bytes, every hostile piece kept
 * as text. */
static void expect_clean(const char *what, const scan *sc, const char *bytes, size_t len)
{
    char name[200];
    size_t i;
    int kept = 1;

    snprintf(name, sizeof name, "%s: no <script> element", what);
    is_int(sc->scripts, 0, name);
    snprintf(name, sizeof name, "%s: no on* attribute", what);
    is_int(sc->handlers, 0, name);
    snprintf(name, sizeof name, "%s: no dangerous URL in an attribute", what);
    is_int(sc->bad_urls, 0, name);
    snprintf(name, sizeof name, "%s: no dangerous URL anywhere in the bytes", what);
    ok(!has_bad_url(bytes, len), name);
    for (i = 0; i < N_PIECES; i++) {
        if (!contains(sc->text.ptr, pieces[i])) {
            printf("#   missing as text: %s\n", pieces[i]);
            kept = 0;
        }
    }
    snprintf(name, sizeof name, "%s: every hostile piece survives as text", what);
    ok(kept, name);
}

/* Parses XML strictly (no network, no entities loaded) and checks it. */
static void check_xml(const char *what, const char *data, size_t len, const char *root_name)
{
    xmlDocPtr doc = xmlReadMemory(data, (int)len, NULL, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    scan sc = {0, 0, 0, 0, ARTCONV_BUF_INIT};
    char name[200];

    snprintf(name, sizeof name, "%s: well-formed XML", what);
    if (!ok(doc != NULL, name))
        return;
    snprintf(name, sizeof name, "%s: the root is <%s>", what, root_name);
    is_str((const char *)xmlDocGetRootElement(doc)->name, root_name, name);
    scan_tree(&sc, (xmlNodePtr)doc);
    expect_clean(what, &sc, data, len);
    artconv_buf_dispose(&sc.text);
    xmlFreeDoc(doc);
}

static int write_hostile(artconv_buf *out, const char *format, const artconv_article *a,
                         int fragment)
{
    artconv_write_options wo;
    artconv_write_options_init(&wo);
    artconv_error err;
    int rc;

    wo.timestamp = 0;
    wo.fragment = fragment;
    /* Its pubstatus and embargo are payloads too: every writer gets to
     * write them (or to leave them out), none may refuse. */
    wo.ignore_status = 1;
    rc = artconv_write(out, artconv_format_by_name(format), a, &wo, &err);
    if (rc < 0)
        printf("#   %s: %s\n", format, err.message);
    return rc;
}

/* --- one test per writer ---------------------------------------------------- */

static void test_html(const artconv_article *a)
{
    artconv_buf out = ARTCONV_BUF_INIT;

    if (ok(write_hostile(&out, "html", a, 0) == 0, "html: the hostile article is written"))
        check_xml("html", out.ptr, out.len, "html");
    artconv_buf_clear(&out);
    if (ok(write_hostile(&out, "html", a, 1) == 0, "html --fragment: written"))
        check_xml("html --fragment", out.ptr, out.len, "article");
    /* The page is also read the way a browser reads it, by an HTML parser:
     * the title must hold the whole headline, so "</title>" did not close
     * it. */
    artconv_buf_clear(&out);
    write_hostile(&out, "html", a, 0);
    {
        htmlDocPtr doc =
            htmlReadMemory(out.ptr, (int)out.len, NULL, "UTF-8",
                           HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
        scan sc = {0, 0, 0, 0, ARTCONV_BUF_INIT};
        xmlNodePtr n;
        xmlChar *title = NULL;

        scan_tree(&sc, (xmlNodePtr)doc);
        expect_clean("html read as HTML", &sc, out.ptr, out.len);
        for (n = doc != NULL ? xmlDocGetRootElement(doc)->children : NULL; n != NULL; n = n->next)
            if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST "head"))
                for (n = n->children; n != NULL; n = n->next)
                    if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST "title")) {
                        title = xmlNodeGetContent(n);
                        break;
                    }
        is_str((const char *)title, PAYLOAD, "html: <title> holds the whole hostile headline");
        ok(!contains(out.ptr, "kept") && !contains(out.ptr, "<iframe") &&
               !contains(out.ptr, "<svg"),
           "html: raw HTML nodes are dropped, the inert ones too");
        xmlFree(title);
        artconv_buf_dispose(&sc.text);
        xmlFreeDoc(doc);
    }
    artconv_buf_dispose(&out);
}

static void test_newsml(const artconv_article *a)
{
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_article *back = NULL;
    artconv_error err;

    if (!ok(write_hostile(&out, "newsml", a, 0) == 0, "newsml: the hostile article is written"))
        return;
    check_xml("newsml", out.ptr, out.len, "newsItem");
    ok(artconv_read(&back, artconv_format_by_name("newsml"), out.ptr, out.len, NULL, &err) == 0,
       "newsml: read back");
    is_str(artconv_article_get(back, ARTCONV_META_TITLE), PAYLOAD,
           "newsml: the headline reads back unchanged");
    artconv_article_free(back);
    artconv_buf_dispose(&out);
}

/* Checks every XML document of a book (and, with `hostile`, that the
 * hostile text survives); returns the number checked. */
static int check_book(const char *what, const artconv_buf *zip, int hostile)
{
    zip_t *za = tz_open(zip);
    zip_int64_t n, i;
    artconv_buf all = ARTCONV_BUF_INIT;
    scan sc = {0, 0, 0, 0, ARTCONV_BUF_INIT};
    int docs = 0, parsed = 1, names = 1;
    char name[200];

    if (!ok(za != NULL, "epub: the book opens with libzip"))
        return 0;
    n = zip_get_num_entries(za, 0);
    for (i = 0; i < n; i++) {
        const char *entry = zip_get_name(za, (zip_uint64_t)i, 0);
        size_t len = strlen(entry), k;
        artconv_buf data = ARTCONV_BUF_INIT;
        xmlDocPtr doc;

        for (k = 0; k < len; k++)
            if ((unsigned char)entry[k] >= 0x80 || entry[k] < 0x20 || entry[k] == '\\')
                names = 0;
        if (entry[0] == '/' || strstr(entry, "..") != NULL ||
            !(strcmp(entry, "mimetype") == 0 || strncmp(entry, "META-INF/", 9) == 0 ||
              strncmp(entry, "EPUB/", 5) == 0))
            names = 0;
        if (len < 6 ||
            (strcmp(entry + len - 6, ".xhtml") != 0 && strcmp(entry + len - 4, ".opf") != 0 &&
             strcmp(entry + len - 4, ".ncx") != 0 && strcmp(entry + len - 4, ".xml") != 0))
            continue;
        if (tz_read_index(za, (zip_uint64_t)i, &data) < 0) {
            parsed = 0;
            continue;
        }
        artconv_buf_put(&all, data.ptr, data.len);
        doc = xmlReadMemory(data.ptr, (int)data.len, entry, NULL,
                            XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
        if (doc == NULL) {
            printf("#   %s is not well-formed\n", entry);
            parsed = 0;
        } else {
            scan_tree(&sc, (xmlNodePtr)doc);
            xmlFreeDoc(doc);
            docs++;
        }
        artconv_buf_dispose(&data);
    }
    zip_discard(za);
    snprintf(name, sizeof name, "%s: every XML document in the zip is well-formed (%d)", what,
             docs);
    ok(parsed && docs >= 4, name);
    snprintf(name, sizeof name, "%s: every entry name is plain ASCII inside the book", what);
    ok(names, name);
    if (hostile) {
        expect_clean(what, &sc, all.ptr, all.len);
    } else {
        snprintf(name, sizeof name, "%s: no script, handler or dangerous URL", what);
        ok(sc.scripts == 0 && sc.handlers == 0 && sc.bad_urls == 0 &&
               !has_bad_url(all.ptr, all.len),
           name);
    }
    artconv_buf_dispose(&sc.text);
    artconv_buf_dispose(&all);
    return docs;
}

static void test_epub(const artconv_article *a)
{
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_write_options wo;
    artconv_write_options_init(&wo);
    const artconv_article *two[2];
    artconv_error err;

    if (ok(write_hostile(&out, "epub", a, 0) == 0, "epub: the hostile article is written"))
        check_book("epub", &out, 1);
    artconv_buf_clear(&out);
    two[0] = a;
    two[1] = a;
    wo.timestamp = 0;
    wo.ignore_status = 1;
    if (ok(artconv_write_book(&out, artconv_format_by_name("epub"), two, 2, PAYLOAD, NULL, &wo,
                              &err) == 0,
           "epub book: two hostile articles under a hostile title are written"))
        check_book("epub book", &out, 1);
    artconv_buf_dispose(&out);
}

static void test_json(const artconv_article *a)
{
    artconv_buf out = ARTCONV_BUF_INIT;
    json_error_t je;
    json_t *root;
    const char *title;

    if (!ok(write_hostile(&out, "json", a, 0) == 0, "json: the hostile article is written"))
        return;
    root = json_loadb(out.ptr, out.len, 0, &je);
    ok(root != NULL, "json: jansson parses it");
    title = json_string_value(json_object_get(json_object_get(root, "meta"), "title"));
    is_str(title, PAYLOAD, "json: the title is the hostile string, unchanged");
    is_str(json_string_value(json_object_get(json_object_get(root, "meta"), "x-note")),
           "</script><script>alert(9)</script>", "json: an extra value is kept as a string");
    ok(contains(out.ptr, "\"url\": \"java\\tscript:alert(3)\"") ||
           contains(out.ptr, "\"url\":\"java\\tscript:alert(3)\""),
       "json: URLs are data, kept with the tab escaped");
    ok(contains(out.ptr, "\"type\": \"raw_html_block\"") &&
           contains(out.ptr, "\"type\": \"raw_html_inline\""),
       "json: raw HTML nodes are kept as data");
    json_decref(root);
    artconv_buf_dispose(&out);
}

static void test_text(const artconv_article *a)
{
    artconv_buf out = ARTCONV_BUF_INIT;
    size_t i;
    int kept = 1;

    if (!ok(write_hostile(&out, "text", a, 1) == 0, "text: the hostile article is written"))
        return;
    for (i = 0; i < N_PIECES; i++)
        if (!contains(out.ptr, pieces[i]))
            kept = 0;
    ok(kept, "text: every hostile piece is there as it was");
    ok(ac_text_is_clean(out.ptr, out.len), "text: the output is clean UTF-8");
    artconv_buf_dispose(&out);
}

/* The length of the front matter at the start of Markdown output. */
static size_t front_matter_len(const char *md)
{
    const char *end;

    if (strncmp(md, "---\n", 4) != 0 || (end = strstr(md + 4, "\n---\n")) == NULL)
        return 0;
    return (size_t)(end + 5 - md);
}

static void test_markdown(const artconv_article *a)
{
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_article *back = NULL;
    artconv_error err;
    cmark_node *doc;
    cmark_iter *it;
    cmark_event_type ev;
    size_t fm;
    int raw = 0, links = 0, bad = 0;
    char *html;

    if (!ok(write_hostile(&out, "markdown", a, 0) == 0, "markdown: the hostile article is written"))
        return;
    fm = front_matter_len(out.ptr);
    ok(fm > 0, "markdown: it starts with front matter");
    doc = cmark_parse_document(out.ptr + fm, out.len - fm, CMARK_OPT_DEFAULT);
    it = cmark_iter_new(doc);
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        cmark_node_type t = cmark_node_get_type(n);

        if (ev != CMARK_EVENT_ENTER)
            continue;
        if (t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE) {
            const char *lit = cmark_node_get_literal(n);

            if (contains(lit, "<script") || contains(lit, "<img src=x") || contains(lit, "\"'>") ||
                contains(lit, "<!--"))
                raw++;
        }
        if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) {
            links++;
            if (!ac_xhtml_url_is_safe(cmark_node_get_url(n), t == CMARK_NODE_IMAGE))
                bad++;
        }
    }
    cmark_iter_free(it);
    is_int(raw, 0, "markdown: no raw HTML node carries a hostile string unescaped");
    ok(contains(out.ptr, "\n\n" INERT_BLOCK "\n") && contains(out.ptr, INERT_INLINE),
       "markdown: the inert raw HTML is written as it is");
    ok(!contains(out.ptr, "<iframe") && !contains(out.ptr, "<svg") && !contains(out.ptr, "<a href"),
       "markdown: the hostile raw HTML is not");
    ok(links >= 2 * (int)N_BAD_URLS, "markdown: the links and images are there");
    is_int(bad, 0, "markdown: no link or image has a dangerous destination");
    ok(!has_bad_url(out.ptr + fm, out.len - fm), "markdown: no dangerous URL in the body's bytes");
    /* However a site renders it, even with raw HTML allowed. */
    html = cmark_render_html(doc, CMARK_OPT_UNSAFE, NULL);
    {
        htmlDocPtr hd =
            htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
                           HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
        scan sc = {0, 0, 0, 0, ARTCONV_BUF_INIT};

        scan_tree(&sc, (xmlNodePtr)hd);
        expect_clean("markdown rendered by cmark with raw HTML allowed", &sc, html, strlen(html));
        artconv_buf_dispose(&sc.text);
        xmlFreeDoc(hd);
    }
    free(html);
    cmark_node_free(doc);
    ok(artconv_read(&back, artconv_format_by_name("markdown"), out.ptr, out.len, NULL, &err) == 0,
       "markdown: read back");
    is_str(artconv_article_get(back, ARTCONV_META_TITLE), PAYLOAD,
           "markdown: the front matter title reads back unchanged");
    is_str(artconv_article_list_get(back, ARTCONV_LIST_AUTHORS, 0), PAYLOAD,
           "markdown: so does the author");
    artconv_article_free(back);
    artconv_buf_dispose(&out);
}

/* --- file names --------------------------------------------------------------- */

static const unsigned char png_head[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
                                         0,    0,   0,   13,  'I',  'H',  'D',  'R'};

static void put_file(const char *path, const char *extra)
{
    FILE *fp = fopen(path, "wb");

    if (fp == NULL)
        return;
    fwrite(png_head, 1, sizeof png_head, fp);
    fputs(extra, fp);
    fclose(fp);
}

static void count_warning(const artconv_error *w, void *payload)
{
    (void)w;
    (*(int *)payload)++;
}

static void test_file_names(void)
{
    static const char *const refused[] = {
        "../secret.png",
        "../../x.png",
        "sub/../../secret.png",
        "%2e%2e/secret.png",
        "..%2fsecret.png",
        "/etc/passwd",
        "file:///etc/passwd",
        "out-link.png",
        "sub/..\\..\\x.png",
        "%2Fetc%2Fpasswd",
        "..",
        "sub/%00.png",
    };
    static const char *const embedded[] = {
        "ok.png",
        "sub/deep.png",
        "\xC3\xBCn\xC3\xAF \xE2\x9C\x93.png",
        "%C3%BCn%C3%AF%20%E2%9C%93.png",
        "ok.png?size=2#top",
        "sub/./../ok.png",
    };
    artconv_write_options wo;
    artconv_write_options_init(&wo);
    artconv_article *a = artconv_article_new();
    artconv_buf out = ARTCONV_BUF_INIT;
    char in[4200], path[4400];
    artconv_error err;
    zip_t *za;
    size_t i;
    int warnings = 0, images = 0, secret = 0, names_ok = 1;

    snprintf(in, sizeof in, "%s/in", tmpdir);
    mkdir(in, 0755);
    snprintf(path, sizeof path, "%s/in/sub", tmpdir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/secret.png", tmpdir);
    put_file(path, "SECRET-BYTES");
    snprintf(path, sizeof path, "%s/in/ok.png", tmpdir);
    put_file(path, "ok");
    snprintf(path, sizeof path, "%s/in/sub/deep.png", tmpdir);
    put_file(path, "deep");
    snprintf(path, sizeof path, "%s/in/\xC3\xBCn\xC3\xAF \xE2\x9C\x93.png", tmpdir);
    put_file(path, "utf8");
    snprintf(path, sizeof path, "%s/in/out-link.png", tmpdir);
    if (symlink("../secret.png", path) != 0)
        tap_diag("no symbolic link: that case is not covered");
    artconv_article_set(a, ARTCONV_META_TITLE, "Paths", NULL);
    for (i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        artconv_node *fig = ac_node_add(artconv_article_body(a), ARTCONV_NODE_FIGURE, NULL);

        artconv_node_set_url(fig, refused[i], NULL);
    }
    for (i = 0; i < sizeof embedded / sizeof embedded[0]; i++) {
        artconv_node *p = ac_node_add(artconv_article_body(a), ARTCONV_NODE_PARAGRAPH, NULL);
        artconv_node *img = ac_node_add(p, ARTCONV_NODE_IMAGE, NULL);

        artconv_node_set_url(img, embedded[i], NULL);
        artconv_node_set_alt(img, "picture", NULL);
    }
    wo.timestamp = 0;
    wo.resource_dir = in;
    wo.warning = count_warning;
    wo.payload = &warnings;
    if (!ok(artconv_write(&out, artconv_format_by_name("epub"), a, &wo, &err) == 0,
            "names: a book with hostile image paths is written"))
        goto done;
    ok(warnings >= (int)(sizeof refused / sizeof refused[0]),
       "names: each refused path gives a warning");
    za = tz_open(&out);
    for (i = 0; za != NULL && i < (size_t)zip_get_num_entries(za, 0); i++) {
        const char *name = zip_get_name(za, i, 0);
        artconv_buf data = ARTCONV_BUF_INIT;
        const char *base = name + 12;

        tz_read_index(za, i, &data);
        if (data.ptr != NULL && memmem(data.ptr, data.len, "SECRET-BYTES", 12) != NULL)
            secret = 1;
        artconv_buf_dispose(&data);
        if (strncmp(name, "EPUB/images/", 12) != 0)
            continue;
        images++;
        /* image-N.png: nothing of the source path reaches the name. */
        if (strncmp(base, "image-", 6) != 0 || strspn(base + 6, "0123456789") == 0 ||
            strcmp(base + 6 + strspn(base + 6, "0123456789"), ".png") != 0)
            names_ok = 0;
    }
    if (za != NULL)
        zip_discard(za);
    ok(!secret, "names: no file outside the input folder got into the book");
    is_int(images, 3, "names: the three distinct files inside it are embedded once each");
    ok(names_ok, "names: each is EPUB/images/image-N.png, whatever its source path");
    check_book("names", &out, 0);
done:
    artconv_article_free(a);
    artconv_buf_dispose(&out);
}

/* --- no output is lost ---------------------------------------------------------- */

/* An article of about `kb` KiB of text that compresses poorly. */
static artconv_article *big_article(int kb)
{
    artconv_article *a = artconv_article_new();
    unsigned long x = 12345;
    char word[32];
    int i, j;

    artconv_article_set(a, ARTCONV_META_TITLE, "Big", NULL);
    for (i = 0; i < kb; i++) {
        artconv_node *p = ac_node_add(artconv_article_body(a), ARTCONV_NODE_PARAGRAPH, NULL);
        artconv_buf text = ARTCONV_BUF_INIT;

        for (j = 0; j < 128; j++) {
            x = x * 6364136223846793005UL + 1442695040888963407UL;
            snprintf(word, sizeof word, "%lx ", (x >> 33) & 0xffffff);
            artconv_buf_puts(&text, word);
        }
        ac_node_add_text(p, text.ptr, text.len, NULL);
        artconv_buf_dispose(&text);
    }
    return a;
}

/* Entries in `dir`, but "." and "..". */
static int count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;

    if (d == NULL)
        return -1;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

static int has_content(const char *path, const char *want)
{
    artconv_buf got = ARTCONV_BUF_INIT;
    int same = test_read_file(path, &got) == 0 && got.ptr != NULL && strcmp(got.ptr, want) == 0;

    artconv_buf_dispose(&got);
    return same;
}

static void put_text(const char *path, const char *text)
{
    FILE *fp = fopen(path, "wb");

    if (fp != NULL) {
        fputs(text, fp);
        fclose(fp);
    }
}

/* Writes `a` as HTML to dir/out.html and as an EPUB book to dir/out.epub
 * over old files; returns bits (an exit status for a child): 1 both failed
 * with EIO naming `why`, 2 both old files are intact, 4 no other file is
 * in dir. */
static int write_over_old(const char *dir, const artconv_article *a, const char *why)
{
    artconv_write_options wo;
    artconv_write_options_init(&wo);
    char html[4200], epub[4200];
    artconv_error err;
    int bits = 0;

    wo.timestamp = 0;
    snprintf(html, sizeof html, "%s/out.html", dir);
    snprintf(epub, sizeof epub, "%s/out.epub", dir);
    if (artconv_write_file(html, NULL, a, &wo, &err) == ARTCONV_EIO && contains(err.message, why))
        bits |= 1;
    else
        printf("#   html: %s\n", err.message);
    if (artconv_write_book_file(epub, NULL, &a, 1, NULL, NULL, &wo, &err) == ARTCONV_EIO &&
        contains(err.message, why))
        bits |= 2;
    else
        printf("#   epub: %s\n", err.message);
    bits = bits == 3 ? 1 : 0;
    if (has_content(html, "old html\n") && has_content(epub, "old epub\n"))
        bits |= 2;
    if (count_entries(dir) == 2)
        bits |= 4;
    else
        printf("#   %d entries in %s\n", count_entries(dir), dir);
    return bits;
}

static void expect_bits(int bits, const char *what)
{
    char name[200];

    snprintf(name, sizeof name, "%s: writing fails with EIO saying why", what);
    ok(bits & 1, name);
    snprintf(name, sizeof name, "%s: the old files are untouched", what);
    ok(bits & 2, name);
    snprintf(name, sizeof name, "%s: no temporary file is left", what);
    ok(bits & 4, name);
}

/* Runs write_over_old in a child whose file size limit is 4 KiB. */
static void test_fsize(const artconv_article *a)
{
    char dir[4200], path[4400];
    pid_t pid;
    int status;

    snprintf(dir, sizeof dir, "%s/fsize", tmpdir);
    mkdir(dir, 0755);
    snprintf(path, sizeof path, "%s/out.html", dir);
    put_text(path, "old html\n");
    snprintf(path, sizeof path, "%s/out.epub", dir);
    put_text(path, "old epub\n");
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        struct rlimit rl = {4096, 4096};

        signal(SIGXFSZ, SIG_IGN);
        if (setrlimit(RLIMIT_FSIZE, &rl) != 0)
            _exit(100);
        status = write_over_old(dir, a, "File too large");
        fflush(stdout);
        _exit(status);
    }
    if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) {
        ok(0, "RLIMIT_FSIZE: the child ran");
        return;
    }
    expect_bits(WEXITSTATUS(status), "a full disk (RLIMIT_FSIZE 4 KiB)");
}

/* In a private mount namespace: a 64 KiB tmpfs, then a read-only bind
 * mount.  The mounts vanish with the child.  Skipped where mounting is not
 * allowed. */
static void test_mounts(const artconv_article *a)
{
    char dir[4200], path[4400];
    pid_t pid;
    int status, code;

    snprintf(dir, sizeof dir, "%s/mnt", tmpdir);
    mkdir(dir, 0755);
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        int bits;

        /* "none" rather than NULL for the ignored arguments: valgrind
         * checks them as strings. */
        if (unshare(CLONE_NEWNS) != 0 ||
            mount("none", "/", "none", MS_REC | MS_PRIVATE, NULL) != 0 ||
            mount("tmpfs", dir, "tmpfs", 0, "size=64k") != 0)
            _exit(200);
        snprintf(path, sizeof path, "%s/out.html", dir);
        put_text(path, "old html\n");
        snprintf(path, sizeof path, "%s/out.epub", dir);
        put_text(path, "old epub\n");
        bits = write_over_old(dir, a, "No space left on device");
        /* Now the same folder, read-only. */
        if (mount(dir, dir, "none", MS_BIND, NULL) != 0 ||
            mount("none", dir, "none", MS_REMOUNT | MS_BIND | MS_RDONLY, NULL) != 0)
            _exit(bits | 64);
        bits |= write_over_old(dir, a, "Read-only file system") << 3;
        fflush(stdout);
        _exit(bits);
    }
    if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) {
        ok(0, "mounts: the child ran");
        return;
    }
    code = WEXITSTATUS(status);
    if (code == 200) {
        tap_skip("a full tmpfs and a read-only bind mount: mounting is not allowed here");
        return;
    }
    expect_bits(code & 7, "a full disk (a 64 KiB tmpfs)");
    if (code & 64)
        tap_skip("a read-only bind mount: not allowed here");
    else
        expect_bits((code >> 3) & 7, "a read-only folder (bind mount)");
}

static void test_no_output_lost(void)
{
    artconv_article *big = big_article(200);
    artconv_article *deep = artconv_article_new();
    artconv_write_options wo;
    artconv_write_options_init(&wo);
    artconv_node *n;
    char dir[4200], path[4400], file[4400];
    artconv_error err;
    int i, rc;

    wo.timestamp = 0;
    snprintf(dir, sizeof dir, "%s/out", tmpdir);
    mkdir(dir, 0755);
    snprintf(path, sizeof path, "%s/page.html", dir);
    rc = artconv_write_file(path, NULL, big, &wo, &err);
    ok(rc == 0 && count_entries(dir) == 1, "a file is written, with no temporary file left");

    /* The writer fails (nesting past the limit): the old file stays. */
    n = artconv_article_body(deep);
    for (i = 0; i < ARTCONV_MAX_DEPTH + 5; i++)
        n = ac_node_add(n, ARTCONV_NODE_BLOCKQUOTE, NULL);
    put_text(path, "old html\n");
    rc = artconv_write_file(path, NULL, deep, &wo, &err);
    ok(rc == ARTCONV_ELIMIT && has_content(path, "old html\n") && count_entries(dir) == 1,
       "a writer's failure leaves the old file and no temporary file");
    snprintf(path, sizeof path, "%s/book.epub", dir);
    put_text(path, "old epub\n");
    rc = artconv_write_book_file(path, NULL, (const artconv_article *const *)&deep, 1, NULL, NULL,
                                 &wo, &err);
    ok(rc == ARTCONV_ELIMIT && has_content(path, "old epub\n") && count_entries(dir) == 2,
       "so does a book writer's failure");

    /* The target is a folder: refused, the folder stays. */
    snprintf(path, sizeof path, "%s/folder.html", dir);
    mkdir(path, 0755);
    rc = artconv_write_file(path, NULL, big, &wo, &err);
    ok(rc == ARTCONV_EIO && contains(err.message, "cannot write: it is a folder"),
       "a folder in the way: EIO, 'cannot write: it is a folder'");
    ok(count_entries(path) == 0 && count_entries(dir) == 3, "  no temporary file is left");

    /* The parent is a regular file: nothing can be created. */
    snprintf(file, sizeof file, "%s/page.html/out.html", dir);
    rc = artconv_write_file(file, NULL, big, &wo, &err);
    ok(rc == ARTCONV_EIO && contains(err.message, "Not a directory"),
       "an unwritable folder (a file as parent): EIO naming the reason");
    ok(count_entries(dir) == 3, "  nothing is created");
    snprintf(file, sizeof file, "/proc/self/out.epub");
    rc = artconv_write_book_file(file, NULL, (const artconv_article *const *)&big, 1, NULL, NULL,
                                 &wo, &err);
    ok(rc == ARTCONV_EIO, "an unwritable folder (/proc/self): EIO");

    test_fsize(big);
    test_mounts(big);
    artconv_article_free(deep);
    artconv_article_free(big);
}

static void remove_tmpdir(void)
{
    char cmd[4200];

    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
        tap_diag("could not remove the temporary folder");
}

static void note_warning(const artconv_error *w, void *payload)
{
    artconv_buf *seen = payload;

    artconv_buf_puts(seen, w->message);
    artconv_buf_putc(seen, '\n');
}

/* Writers that leave raw HTML out say so once; those that keep it don't. */
static void test_raw_html_warnings(const artconv_article *a)
{
    static const char *const formats[] = {"text", "html", "newsml", "epub", "markdown", "json"};
    artconv_write_options wo;
    artconv_write_options_init(&wo);
    artconv_buf out = ARTCONV_BUF_INIT, seen = ARTCONV_BUF_INIT;
    artconv_error err;
    char what[96];
    size_t i;

    wo.timestamp = 0;
    wo.warning = note_warning;
    wo.payload = &seen;
    wo.ignore_status = 1;
    for (i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        int keeps = strcmp(formats[i], "markdown") == 0 || strcmp(formats[i], "json") == 0;
        const char *found;

        artconv_buf_clear(&out);
        artconv_buf_clear(&seen);
        if (artconv_write(&out, artconv_format_by_name(formats[i]), a, &wo, &err) < 0) {
            ok(0, "raw HTML warning: the article writes");
            continue;
        }
        found = seen.ptr != NULL
                    ? strstr(seen.ptr, "of raw HTML (tags and comments, no text) left out of ")
                    : NULL;
        snprintf(what, sizeof what, "%s: %s", formats[i],
                 keeps ? "keeps raw HTML, no warning about it"
                       : "one warning names the raw HTML left out");
        ok(keeps ? found == NULL : found != NULL && strstr(found + 1, "of raw HTML (tags") == NULL,
           what);
    }
    artconv_buf_dispose(&out);
    artconv_buf_dispose(&seen);
}

int main(void)
{
    artconv_article *a = hostile_article();
    artconv_error err;

    if (mkdtemp(tmpdir) == NULL)
        return tap_skip_all("no temporary folder");
    ok(a != NULL && artconv_article_check(a, &err) == 0, "the hostile article is a valid model");
    test_text(a);
    test_markdown(a);
    test_html(a);
    test_json(a);
    test_epub(a);
    test_newsml(a);
    test_raw_html_warnings(a);
    test_file_names();
    test_no_output_lost();
    artconv_article_free(a);
    remove_tmpdir();
    return tap_done();
}
