/*
 * json_read.c - tests of the JSON reader: what the writer writes reads
 * back into the same model (the kitchen sink, every golden JSON file, a
 * block too large to parse whole), and broken, mistyped, unsafe or too
 * deep JSON is refused or cleaned with a position and a warning.
 */
#include "artconv.h"
#include "tap.h"
#include "testutil.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int okf_(int cond, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int okf_(int cond, const char *file, int line, const char *fmt, ...)
{
    char what[512];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    return tap_ok_(cond, file, line, what);
}

#define okf(cond, ...) okf_(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

static const artconv_format *json_format(void)
{
    return artconv_format_by_name("json");
}

typedef struct {
    int count;
    char first[256];
} warnings;

static void on_warning(const artconv_error *w, void *payload)
{
    warnings *ws = payload;

    if (ws->count++ == 0)
        snprintf(ws->first, sizeof ws->first, "%s", w->message);
}

/* Reads `json`; the warnings go to `ws` (may be NULL). */
static int read_json(artconv_article **a, const char *json, size_t len, warnings *ws,
                     artconv_error *err)
{
    artconv_read_options ro;

    artconv_read_options_init(&ro);
    if (ws != NULL) {
        memset(ws, 0, sizeof *ws);
        ro.warning = on_warning;
        ro.payload = ws;
    }
    return artconv_read(a, json_format(), json, len, &ro, err);
}

/* Reads `json` back and writes it again: 1 when the bytes are the same. */
static int same_after_round_trip(const char *json, size_t len, const char *what)
{
    artconv_article *a = NULL;
    artconv_buf again = ARTCONV_BUF_INIT;
    artconv_error err;
    int same = 0, rc = read_json(&a, json, len, NULL, &err);

    if (!okf(rc == 0, "%s reads back", what)) {
        printf("#   %s (line %d, column %d)\n", err.message, err.line, err.column);
        return 0;
    }
    if (artconv_article_check(a, &err) != 0)
        printf("#   model check: %s\n", err.message);
    else if (artconv_write(&again, json_format(), a, NULL, &err) == 0)
        same = again.len == len && memcmp(again.ptr, json, len) == 0;
    okf(same, "%s: the JSON written again is the same", what);
    artconv_buf_dispose(&again);
    artconv_article_free(a);
    return same;
}

static void test_kitchen_sink(void)
{
    artconv_article *a = fixture_kitchen_sink();
    artconv_buf out = ARTCONV_BUF_INIT;

    if (ok(a != NULL && artconv_write(&out, json_format(), a, NULL, NULL) == 0,
           "kitchen sink written as JSON"))
        same_after_round_trip(out.ptr, out.len, "the kitchen sink");
    artconv_buf_dispose(&out);
    artconv_article_free(a);
}

/* Every golden JSON file the writers' tests keep is artconv's own JSON. */
static void test_golden_files(void)
{
    static const char *const dirs[] = {"json_write", "html-json", "markdown-json", "text-json"};
    size_t d, files = 0, same = 0;

    for (d = 0; d < sizeof dirs / sizeof dirs[0]; d++) {
        char path[4096];
        DIR *dir;
        struct dirent *e;

        snprintf(path, sizeof path, "%s/golden/%s", test_dir(), dirs[d]);
        if ((dir = opendir(path)) == NULL)
            continue;
        while ((e = readdir(dir)) != NULL) {
            size_t n = strlen(e->d_name);
            artconv_buf json = ARTCONV_BUF_INIT;
            char file[4096 + 256];

            if (n < 5 || strcmp(e->d_name + n - 5, ".json") != 0)
                continue;
            snprintf(file, sizeof file, "%s/%s", path, e->d_name);
            if (test_read_file(file, &json) == 0) {
                files++;
                same += (size_t)same_after_round_trip(json.ptr, json.len, e->d_name);
            }
            artconv_buf_dispose(&json);
        }
        closedir(dir);
    }
    okf(files >= 4 && same == files, "every golden JSON file reads back whole (%zu of %zu)", same,
        files);
}

/* A block larger than the reader parses at once is opened member by
 * member, and reads back the same. */
static void test_large_block(void)
{
    artconv_article *a = artconv_article_new();
    artconv_node *quote = artconv_node_new(ARTCONV_NODE_BLOCKQUOTE), *list, *p;
    artconv_buf out = ARTCONV_BUF_INIT;
    char text[80];
    int i;

    artconv_node_append(artconv_article_body(a), quote, NULL);
    list = artconv_node_new(ARTCONV_NODE_LIST);
    artconv_node_set_list(list, 1, 3, 0, NULL);
    artconv_node_append(quote, list, NULL);
    for (i = 0; i < 3000; i++) {
        artconv_node *item = artconv_node_new(ARTCONV_NODE_ITEM), *t;

        artconv_node_append(list, item, NULL);
        p = artconv_node_new(ARTCONV_NODE_PARAGRAPH);
        artconv_node_append(item, p, NULL);
        t = artconv_node_new(ARTCONV_NODE_TEXT);
        snprintf(text, sizeof text, "Item number %d of a long list in a quote", i);
        artconv_node_set_literal(t, text, NULL);
        artconv_node_append(p, t, NULL);
    }
    if (ok(artconv_write(&out, json_format(), a, NULL, NULL) == 0 && out.len > 4 * 64 * 1024,
           "a block of several times 64 KiB written"))
        same_after_round_trip(out.ptr, out.len, "a block larger than 64 KiB");
    artconv_buf_dispose(&out);
    artconv_article_free(a);
}

static void test_reads_fields(void)
{
    static const char json[] =
        "{\"meta\": {\"t\\u0069tle\": \"Harbour bridge reopens\", \"authors\": \"Jane Doe\",\n"
        " \"date\": \"2024-03-02T09:30:00Z\", \"section\": null, \"draft\": [true, 2],\n"
        " \"subjects\": [{\"code\": \"medtop:04000000\", \"name\": \"economy\"}],\n"
        " \"image\": {\"src\": \"bridge.jpg\", \"alt\": \"The bridge\"}},\n"
        " \"body\": [{\"type\": \"heading\", \"level\": 3, \"children\": [{\"type\": \"text\","
        " \"text\": \"Why\"}]},\n"
        "  {\"type\": \"paragraph\", \"children\": [{\"type\": \"link\", \"url\": "
        "\"https://example.org/\", \"children\": [{\"type\": \"text\", \"text\": \"here\"}]}]}]}";
    artconv_article *a = NULL;
    artconv_error err;
    artconv_concept c;
    const artconv_node *h, *link;

    if (!is_int(read_json(&a, json, sizeof json - 1, NULL, &err), 0, "hand-written JSON reads"))
        return;
    is_str(artconv_article_get(a, ARTCONV_META_TITLE), "Harbour bridge reopens",
           "a member name with an escape is read decoded");
    is_str(artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, 0), "Jane Doe",
           "one author as a string is a list of one");
    is_str(artconv_article_get(a, ARTCONV_META_DATE), "2024-03-02T09:30:00Z", "date");
    ok(artconv_article_get(a, ARTCONV_META_SECTION) == NULL, "a null field is not set");
    is_str(artconv_article_extra_get(a, "draft"), "[true,2]", "an unknown key is kept as JSON");
    ok(artconv_article_concept_get(&c, a, ARTCONV_CONCEPT_SUBJECTS, 0) == 0 && c.name != NULL &&
           strcmp(c.name, "economy") == 0,
       "a subject with its name");
    is_str(artconv_article_get(a, ARTCONV_META_IMAGE_ALT), "The bridge", "the lead image's alt");
    h = artconv_node_first_child(artconv_article_body(a));
    is_int(artconv_node_get_level(h), 3, "a heading's level");
    link = artconv_node_first_child(artconv_node_next(h));
    is_str(artconv_node_get_url(link), "https://example.org/", "a link's URL");
    artconv_article_free(a);
}

/* Refuses `json` with `code` at `line`:`column` (0: not checked), the
 * message holding `words`. */
static void refuses(const char *json, int code, int line, int column, const char *words,
                    const char *what)
{
    artconv_article *a = NULL;
    artconv_error err;
    int rc = read_json(&a, json, strlen(json), NULL, &err);

    if (!is_int(rc, code, what)) {
        artconv_article_free(a);
        return;
    }
    ok(a == NULL, "no article is handed back");
    if (line > 0 && !ok(err.line == line && err.column == column, "the position is given"))
        printf("#   got line %d, column %d\n", err.line, err.column);
    if (!ok(strstr(err.message, words) != NULL, "the message says what is wrong"))
        printf("#   message: %s\n", err.message);
}

static void test_refusals(void)
{
    refuses("[]", ARTCONV_EPARSE, 1, 1, "object", "an array at the top is refused");
    refuses("{\"meta\": {\"title\": \"x\" \"date\": \"y\"}}", ARTCONV_EPARSE, 1, 24, "','",
            "a missing comma is refused at its place");
    refuses("{\"meta\": {\"title\": \"x}}", ARTCONV_EPARSE, 1, 10, "does not end",
            "an unterminated string is refused");
    refuses("{\"meta\": {\n  \"title\": 3}}", ARTCONV_EPARSE, 2, 12, "\"title\" must be a string",
            "a title that is a number is refused, named");
    refuses("{\"body\": [{\"type\": \"paragraph\", \"children\": [{\"type\": \"paragraph\"}]}]}",
            ARTCONV_EPARSE, 0, 0, "cannot stand in a paragraph", "a paragraph in a paragraph");
    refuses("{\"body\": [{\"type\": \"sidebar\"}]}", ARTCONV_EPARSE, 0, 0, "unknown node type",
            "an unknown node type");
    refuses("{\"body\": [{\"type\": \"thematic_break\", \"children\": [{\"type\": \"text\", "
            "\"text\": \"x\"}]}]}",
            ARTCONV_EPARSE, 0, 0, "has no children", "a leaf with children");
    refuses("{\"body\": [{\"type\": \"paragraph\", \"children\": [{\"type\": \"text\", \"text\": "
            "\"x\"},]}]}",
            ARTCONV_EPARSE, 0, 0, "", "a trailing comma (jansson's own check)");
    refuses("{\"meta\": {}} x", ARTCONV_EPARSE, 0, 0, "object", "bytes after the object");
}

/* `levels` nested block quotes around one paragraph, written compactly. */
static void nested_quotes(artconv_buf *out, int levels)
{
    int i;

    artconv_buf_puts(out, "{\"body\": [");
    for (i = 0; i < levels; i++)
        artconv_buf_puts(out, "{\"type\": \"blockquote\", \"children\": [");
    artconv_buf_puts(out, "{\"type\": \"paragraph\", \"children\": [{\"type\": \"text\", \"text\": "
                          "\"deep\"}]}");
    for (i = 0; i < levels; i++)
        artconv_buf_puts(out, "]}");
    artconv_buf_puts(out, "]}");
}

static void test_depth(void)
{
    artconv_buf json = ARTCONV_BUF_INIT;
    artconv_article *a = NULL;
    artconv_error err;

    nested_quotes(&json, 150);
    is_int(read_json(&a, json.ptr, json.len, NULL, &err), 0, "150 nested quotes read");
    artconv_article_free(a);
    a = NULL;
    artconv_buf_clear(&json);
    nested_quotes(&json, 1000);
    is_int(read_json(&a, json.ptr, json.len, NULL, &err), ARTCONV_ELIMIT,
           "1,000 nested quotes are refused as too deep");
    artconv_buf_clear(&json);
    /* the same depth in a block too large to parse whole */
    nested_quotes(&json, 30000);
    is_int(read_json(&a, json.ptr, json.len, NULL, &err), ARTCONV_ELIMIT,
           "30,000 nested quotes (opened member by member) are refused as too deep");
    artconv_buf_dispose(&json);
}

static void test_unsafe(void)
{
    static const char json[] =
        "{\"meta\": {\"image\": {\"src\": \"javascript:alert(1)\"}},\n"
        " \"body\": [{\"type\": \"paragraph\", \"children\": [\n"
        "  {\"type\": \"link\", \"url\": \"javascript:alert(1)\", \"children\": [{\"type\": "
        "\"text\", \"text\": \"click\"}]},\n"
        "  {\"type\": \"raw_html_inline\", \"html\": \"<script>alert(1)</script>\"},\n"
        "  {\"type\": \"raw_html_inline\", \"html\": \"<kbd>\"}]}],\n"
        " \"colour\": \"blue\"}";
    artconv_article *a = NULL;
    artconv_buf html = ARTCONV_BUF_INIT;
    artconv_error err;
    warnings ws;

    if (!is_int(read_json(&a, json, sizeof json - 1, &ws, &err), 0, "unsafe JSON reads")) {
        printf("#   %s\n", err.message);
        return;
    }
    ok(artconv_article_get(a, ARTCONV_META_IMAGE) == NULL, "a javascript: lead image is dropped");
    if (ok(artconv_write(&html, artconv_format_by_name("html"), a, NULL, NULL) == 0,
           "written as HTML")) {
        ok(strstr(html.ptr, "javascript:") == NULL, "no javascript: URL reaches the HTML");
        ok(strstr(html.ptr, "<script") == NULL, "no script reaches the HTML");
        ok(strstr(html.ptr, "click") != NULL, "the link's text stays");
    }
    artconv_buf_clear(&html);
    if (ok(artconv_write(&html, artconv_format_by_name("markdown"), a, NULL, NULL) == 0,
           "written as Markdown"))
        ok(strstr(html.ptr, "<kbd>") != NULL && strstr(html.ptr, "<script") == NULL,
           "inert raw HTML stays, a script does not");
    okf(ws.count >= 3, "each thing left out is warned about (%d warnings)", ws.count);
    artconv_buf_dispose(&html);
    artconv_article_free(a);
}

static void test_bad_bytes(void)
{
    static const char json[] = "{\"meta\": {\"title\": \"caf\xe9 \x00 bar\"}}";
    artconv_article *a = NULL;
    artconv_error err;
    warnings ws;

    if (is_int(read_json(&a, json, sizeof json - 1, &ws, &err), 0,
               "invalid UTF-8 and a NUL byte are repaired"))
        ok(ws.count >= 1 && strstr(artconv_article_get(a, ARTCONV_META_TITLE), "bar") != NULL,
           "with a warning, keeping the text");
    artconv_article_free(a);
}

/* A text node without "text" (the writer leaves empty strings out) is
 * empty text, and every writer takes it. */
static void test_empty_text(void)
{
    static const char json[] =
        "{\"body\": [{\"type\": \"paragraph\", \"children\": [{\"type\": \"text\"}, "
        "{\"type\": \"code\"}, {\"type\": \"text\", \"text\": \"after\"}]}, "
        "{\"type\": \"code_block\"}]}";
    static const char *const writers[] = {"text", "markdown", "html", "json", "newsml", "epub"};
    artconv_article *a = NULL;
    artconv_error err;
    size_t i;

    if (!is_int(read_json(&a, json, sizeof json - 1, NULL, &err), 0, "text nodes without text read"))
        return;
    for (i = 0; i < sizeof writers / sizeof writers[0]; i++) {
        artconv_buf out = ARTCONV_BUF_INIT;
        artconv_write_options wo;

        artconv_write_options_init(&wo);
        wo.timestamp = 0;
        okf(artconv_write(&out, artconv_format_by_name(writers[i]), a, &wo, &err) == 0,
            "an empty text node is written as %s", writers[i]);
        artconv_buf_dispose(&out);
    }
    artconv_article_free(a);
}

int main(void)
{
    ok(json_format() != NULL && artconv_format_can_read(json_format()), "json is readable");
    test_kitchen_sink();
    test_golden_files();
    test_large_block();
    test_reads_fields();
    test_refusals();
    test_depth();
    test_unsafe();
    test_bad_bytes();
    test_empty_text();
    return tap_done();
}
