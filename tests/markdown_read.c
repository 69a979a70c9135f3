/*
 * markdown_read.c - tests of the Markdown reader: front matter (aliases,
 * types, extras written back, what is not front matter, broken and hostile
 * YAML), the writer's conventions read back (title, figures, attribution),
 * raw HTML, hostile Markdown (each under a time limit), and the sample
 * article through every writer.
 *
 * One job over 600 lines: the house keeps one test file a reader, and
 * the cases share the read-then-inspect helpers.
 */
#include "artconv.h"
#include "tap.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const artconv_format *md;

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

/* Reads `len` bytes; checks the model's invariants when it works. */
static int read_md(artconv_article **out, const char *s, size_t len, int strict, warnings *ws,
                   artconv_error *err, double *seconds)
{
    artconv_read_options opts;
    clock_t t0 = clock();
    int rc;

    artconv_read_options_init(&opts);
    opts.filename = "test.md";
    opts.strict = strict;
    if (ws != NULL) {
        memset(ws, 0, sizeof *ws);
        opts.warning = on_warning;
        opts.payload = ws;
    }
    rc = artconv_read(out, md, s, len, &opts, err);
    if (seconds != NULL)
        *seconds = (double)(clock() - t0) / CLOCKS_PER_SEC;
    if (rc == 0) {
        artconv_error cerr;

        if (!ok(artconv_article_check(*out, &cerr) == 0, "the model's invariants hold"))
            printf("#   %s\n", cerr.message);
        ok(artconv_node_depth(artconv_article_body(*out)) <= ARTCONV_MAX_DEPTH,
           "the model stays within ARTCONV_MAX_DEPTH");
    }
    return rc;
}

static artconv_article *must_read(const char *s, warnings *ws)
{
    artconv_article *a = NULL;
    artconv_error err;

    if (read_md(&a, s, strlen(s), 0, ws, &err, NULL) != 0) {
        printf("# cannot read: %s\n", err.message);
        exit(1);
    }
    return a;
}

static char *write_as(const artconv_article *a, const char *format)
{
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_error err;

    if (artconv_write(&out, artconv_format_by_name(format), a, NULL, &err) != 0) {
        printf("# cannot write %s: %s\n", format, err.message);
        artconv_buf_dispose(&out);
        return NULL;
    }
    artconv_buf_put(&out, "", 0);
    return artconv_buf_detach(&out);
}

/* The first node of `kind` below `root` in document order, or NULL. */
static artconv_node *find(const artconv_node *root, artconv_node_kind kind)
{
    artconv_iter *it;
    artconv_event ev;
    artconv_node *found = NULL;

    it = artconv_iter_new(root);
    while (found == NULL && (ev = artconv_iter_next(it)) != ARTCONV_EVENT_DONE)
        if (ev == ARTCONV_EVENT_ENTER && artconv_node_get_kind(artconv_iter_node(it)) == kind)
            found = artconv_iter_node(it);
    artconv_iter_free(it);
    return found;
}

/* All the text of the body, for "does this survive" checks. */
static char *body_text(const artconv_article *a)
{
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_iter *it;
    artconv_event ev;

    artconv_buf_put(&out, "", 0);
    it = artconv_iter_new(artconv_article_body(a));
    while ((ev = artconv_iter_next(it)) != ARTCONV_EVENT_DONE) {
        const char *lit = artconv_node_get_literal(artconv_iter_node(it));

        if (ev == ARTCONV_EVENT_ENTER && lit != NULL) {
            artconv_buf_puts(&out, lit);
            artconv_buf_putc(&out, ' ');
        }
    }
    artconv_iter_free(it);
    return artconv_buf_detach(&out);
}

static void test_front_matter(void)
{
    static const char input[] = "---\n"
                                "title: \"Quoted: title\"\n"
                                "deck: The deck\n"
                                "author: Jane Doe\n"
                                "tags: [alpha, beta]\n"
                                "lang: fr\n"
                                "summary: A summary\n"
                                "cover: {src: c.jpg, alt: A cover}\n"
                                "url: https://x.example/a\n"
                                "published: March 2, 2024\n"
                                "lastmod: 2024-03-05T10:00:00Z\n"
                                "draft: true\n"
                                "count: 7\n"
                                "ratio: 1.5\n"
                                "zip: '007'\n"
                                "nothing: ~\n"
                                "word: yes\n"
                                "list: [1, \"two\", {k: v}]\n"
                                "---\n"
                                "Body text.\n";
    artconv_article *a = must_read(input, NULL), *b;
    char *once, *twice;

    is_str(artconv_article_get(a, ARTCONV_META_TITLE), "Quoted: title", "front matter: title");
    is_str(artconv_article_get(a, ARTCONV_META_SUBTITLE), "The deck", "deck is the subtitle");
    is_str(artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, 0), "Jane Doe", "author as a string");
    is_int(artconv_article_list_count(a, ARTCONV_LIST_KEYWORDS), 2, "tags are keywords");
    is_str(artconv_article_get(a, ARTCONV_META_LANGUAGE), "fr", "lang is the language");
    is_str(artconv_article_get(a, ARTCONV_META_DESCRIPTION), "A summary", "summary");
    is_str(artconv_article_get(a, ARTCONV_META_IMAGE), "c.jpg", "cover is the image");
    is_str(artconv_article_get(a, ARTCONV_META_IMAGE_ALT), "A cover", "cover's alt");
    is_str(artconv_article_get(a, ARTCONV_META_SOURCE), "https://x.example/a", "url is source");
    is_str(artconv_article_get(a, ARTCONV_META_DATE), "2024-03-02", "date normalised");
    is_str(artconv_article_get(a, ARTCONV_META_MODIFIED), "2024-03-05T10:00:00Z", "lastmod");
    is_str(artconv_article_extra_get(a, "draft"), "true", "plain true is a JSON boolean");
    is_str(artconv_article_extra_get(a, "count"), "7", "a plain number is a JSON number");
    is_str(artconv_article_extra_get(a, "ratio"), "1.5", "a plain real is a JSON number");
    is_str(artconv_article_extra_get(a, "zip"), "\"007\"", "a quoted number is a string");
    is_str(artconv_article_extra_get(a, "nothing"), "null", "~ is null");
    is_str(artconv_article_extra_get(a, "word"), "\"yes\"", "yes is text (YAML 1.2)");
    is_str(artconv_article_extra_get(a, "list"), "[1,\"two\",{\"k\":\"v\"}]", "nested values");
    is_int(artconv_article_extra_count(a), 7, "seven extra keys, in order");
    is_str(artconv_article_extra_key(a, 0), "draft", "extras keep their order");

    once = write_as(a, "markdown");
    ok(once != NULL && strstr(once, "\ndraft: true\n") != NULL &&
           strstr(once, "\nzip: '007'\n") != NULL && strstr(once, "\nword: 'yes'\n") != NULL,
       "extras are written back into the front matter, typed");
    b = must_read(once != NULL ? once : "", NULL);
    ok(artconv_article_extra_count(b) == 7 &&
           strcmp(artconv_article_extra_get(b, "list"), "[1,\"two\",{\"k\":\"v\"}]") == 0 &&
           strcmp(artconv_article_extra_get(b, "nothing"), "null") == 0,
       "extras read back the same");
    twice = write_as(b, "markdown");
    ok(once != NULL && twice != NULL && strcmp(once, twice) == 0, "a second pass is identical");
    free(once);
    free(twice);
    artconv_article_free(a);
    artconv_article_free(b);

    /* Extras alone make AUTO write front matter; a title alone does not. */
    a = must_read("---\ntitle: Only\n---\nx\n", NULL);
    once = write_as(a, "markdown");
    is_str(once, "# Only\n\nx\n", "auto: a lone title becomes a heading");
    free(once);
    artconv_article_extra_set(a, "weight", "3", NULL);
    once = write_as(a, "markdown");
    is_str(once, "---\ntitle: Only\nweight: 3\n---\n\nx\n",
           "auto: an extra key means front matter");
    free(once);
    artconv_article_free(a);
}

static void test_not_front_matter(void)
{
    warnings ws;
    artconv_article *a;
    artconv_node *body;
    artconv_error err;
    char *text;

    a = must_read("---\nFoo\n---\nBar\n", &ws);
    body = artconv_article_body(a);
    is_int(artconv_node_get_kind(artconv_node_first_child(body)), ARTCONV_NODE_THEMATIC_BREAK,
           "a scalar between fences is Markdown: a thematic break first");
    ok(artconv_article_get(a, ARTCONV_META_TITLE) == NULL && ws.count == 0,
       "... no metadata and no warning");
    artconv_article_free(a);

    a = must_read("---\n---\n", NULL);
    body = artconv_article_body(a);
    ok(artconv_node_get_kind(artconv_node_first_child(body)) == ARTCONV_NODE_THEMATIC_BREAK &&
           artconv_node_get_kind(artconv_node_last_child(body)) == ARTCONV_NODE_THEMATIC_BREAK,
       "empty fences are two thematic breaks");
    artconv_article_free(a);

    a = must_read("---\n- a\n- b\n---\n", NULL);
    ok(find(artconv_article_body(a), ARTCONV_NODE_LIST) != NULL, "a YAML list is Markdown");
    artconv_article_free(a);

    a = must_read("---\n{}\n---\ntext\n", NULL);
    ok(artconv_node_get_kind(artconv_node_first_child(artconv_article_body(a))) ==
           ARTCONV_NODE_PARAGRAPH,
       "an empty mapping is (empty) front matter");
    artconv_article_free(a);

    /* Malformed: a warning, the body is read. */
    a = must_read("---\ntitle: [unclosed\n---\nBody\n", &ws);
    ok(ws.count >= 1 && strstr(ws.last, "front matter") != NULL, "malformed YAML: a warning");
    printf("#   %s\n", ws.last);
    ok(artconv_article_get(a, ARTCONV_META_TITLE) == NULL &&
           artconv_node_get_kind(artconv_node_first_child(artconv_article_body(a))) ==
               ARTCONV_NODE_PARAGRAPH,
       "malformed YAML: skipped, the body read");
    artconv_article_free(a);
    a = NULL;
    is_int(read_md(&a, "---\ntitle: [x\n---\nBody\n", 24, 1, NULL, &err, NULL), ARTCONV_EPARSE,
           "malformed YAML: an error under --strict");

    a = must_read("---\ntitle: x\n\nBody\n", &ws);
    ok(ws.count == 1 && strstr(ws.last, "never closed") != NULL, "unterminated: a warning");
    text = body_text(a);
    ok(strstr(text, "Body") != NULL && strstr(text, "title: x") != NULL,
       "unterminated: everything is read as Markdown");
    free(text);
    artconv_article_free(a);
    a = NULL;
    is_int(read_md(&a, "---\ntitle: x\n\nBody\n", 19, 1, NULL, &err, NULL), ARTCONV_EPARSE,
           "unterminated: an error under --strict");

    /* Wrong types where text is expected. */
    a = must_read("---\ntitle: [a, b]\nauthors: {x: 1}\ndate: not a date\n---\nx\n", &ws);
    ok(artconv_article_get(a, ARTCONV_META_TITLE) == NULL &&
           artconv_article_list_count(a, ARTCONV_LIST_AUTHORS) == 0 && ws.count == 3,
       "a list as title, a mapping as authors, a bad date: warnings");
    is_str(artconv_article_get(a, ARTCONV_META_DATE), "not a date", "a bad date is kept as text");
    artconv_article_free(a);
}

static void test_hostile_yaml(void)
{
    artconv_buf in = ARTCONV_BUF_INIT;
    artconv_article *a = NULL;
    artconv_error err;
    double secs;
    int i;

    artconv_buf_puts(&in, "---\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (i = 0; i < 9; i++) {
        char line[128];

        snprintf(line, sizeof line, "%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c]\n",
                 'b' + i, 'b' + i, 'a' + i, 'a' + i, 'a' + i, 'a' + i, 'a' + i, 'a' + i, 'a' + i,
                 'a' + i, 'a' + i);
        artconv_buf_puts(&in, line);
    }
    artconv_buf_puts(&in, "---\nBody\n");
    is_int(read_md(&a, in.ptr, in.len, 0, NULL, &err, &secs), ARTCONV_ELIMIT,
           "an alias bomb is refused");
    ok(strstr(err.message, "alias") != NULL && err.line == 3, "... saying why and where");
    printf("#   %s (line %d)\n", err.message, err.line);

    artconv_buf_clear(&in);
    artconv_buf_puts(&in, "---\nk: ");
    for (i = 0; i < 100000; i++)
        artconv_buf_putc(&in, '[');
    for (i = 0; i < 100000; i++)
        artconv_buf_putc(&in, ']');
    artconv_buf_puts(&in, "\n---\nBody\n");
    is_int(read_md(&a, in.ptr, in.len, 0, NULL, &err, &secs), ARTCONV_ELIMIT,
           "100,000-deep YAML is refused");
    ok(secs < 5, "... quickly");
    artconv_buf_dispose(&in);
}

/* Jekyll's names: category is the section, categories add to the tags,
 * excerpt is the description. */
static void test_jekyll_keys(void)
{
    artconv_article *a =
        must_read("---\ntitle: J\ncategory: Politics\ncategories: [world, europe]\n"
                  "tags: [vote]\nexcerpt: The short of it\n---\nText.\n",
                  NULL);

    is_str(artconv_article_get(a, ARTCONV_META_SECTION), "Politics", "category is the section");
    is_int((long)artconv_article_list_count(a, ARTCONV_LIST_KEYWORDS), 3,
           "categories and tags are the keywords");
    is_str(artconv_article_get(a, ARTCONV_META_DESCRIPTION), "The short of it",
           "excerpt is the description");
    ok(artconv_article_extra_get(a, "categories") == NULL, "categories is not kept as extra");
    artconv_article_free(a);
}

/* Hugo's TOML front matter between "+++" lines is read like YAML's; what
 * the subset does not hold skips the block with a warning. */
static void test_toml_front_matter(void)
{
    warnings ws = {0, ""};
    artconv_article *a =
        must_read("+++\ntitle = \"Hugo \\\"post\\\" \\u00e9\"  # comment\n"
                  "date = 2024-03-13T07:30:00+01:00\ntags = [\"a\", 'b',\n  \"c\"]\n"
                  "draft = false\nweight = 3\n\n[params]\nx = 1\n+++\n\nBody.\n",
                  &ws);
    artconv_error err;
    char *text;

    is_str(artconv_article_get(a, ARTCONV_META_TITLE), "Hugo \"post\" \xc3\xa9",
           "TOML: a basic string with escapes");
    is_str(artconv_article_get(a, ARTCONV_META_DATE), "2024-03-13T07:30:00+01:00", "TOML: a date");
    is_int((long)artconv_article_list_count(a, ARTCONV_LIST_KEYWORDS), 3,
           "TOML: an array over several lines");
    is_str(artconv_article_extra_get(a, "draft"), "false", "TOML: a boolean kept as extra");
    is_str(artconv_article_extra_get(a, "weight"), "3", "TOML: an integer kept as extra");
    is_str(artconv_article_extra_get(a, "params"), "{\"x\":1}", "TOML: a table is an object");
    text = body_text(a);
    ok(strstr(text, "Body.") != NULL && strstr(text, "+++") == NULL &&
           strstr(text, "title") == NULL,
       "TOML: the block leaves the body");
    free(text);
    is_int(ws.count, 0, "TOML: no warning");
    artconv_article_free(a);

    a = must_read("+++\ntitle = \"T\"\nmenu = { main = 1 }\n+++\nBody.\n", &ws);
    ok(artconv_article_get(a, ARTCONV_META_TITLE) == NULL && ws.count == 1 &&
           strstr(ws.last, "inline tables are not read") != NULL,
       "TOML: an inline table skips the block with the reason");
    artconv_article_free(a);
    a = NULL;
    is_int(read_md(&a, "+++\n[[menu]]\n+++\nBody.\n", 22, 1, NULL, &err, NULL), ARTCONV_EPARSE,
           "TOML: strict makes it an error");
    ok(strstr(err.message, "arrays of tables") != NULL, "TOML: the error says why");
    artconv_article_free(a);
}

static void test_conventions(void)
{
    artconv_article *a;
    artconv_node *n, *q;
    char *out;

    a = must_read("# Plain title\n\nText.\n", NULL);
    is_str(artconv_article_get(a, ARTCONV_META_TITLE), "Plain title", "a top h1 is the title");
    is_int(artconv_node_get_kind(artconv_node_first_child(artconv_article_body(a))),
           ARTCONV_NODE_PARAGRAPH, "... and leaves the body");
    artconv_article_free(a);
    a = must_read("# Title *with* emphasis\n\nText.\n", NULL);
    ok(artconv_article_get(a, ARTCONV_META_TITLE) == NULL &&
           find(artconv_article_body(a), ARTCONV_NODE_HEADING) != NULL,
       "an h1 with markup stays a heading");
    artconv_article_free(a);
    a = must_read("---\ntitle: FM\n---\n# Heading\n", NULL);
    ok(strcmp(artconv_article_get(a, ARTCONV_META_TITLE), "FM") == 0 &&
           find(artconv_article_body(a), ARTCONV_NODE_HEADING) != NULL,
       "with a front-matter title the h1 stays");
    artconv_article_free(a);

    a = must_read("![Alt *text*](a.jpg)\n*The caption*\n\n![Alone](b.jpg)\n\n"
                  "![Titled](c.jpg \"t\")\n\n> Said.\n>\n> — Someone, *somewhere*\n",
                  NULL);
    n = artconv_node_first_child(artconv_article_body(a));
    ok(artconv_node_get_kind(n) == ARTCONV_NODE_FIGURE &&
           strcmp(artconv_node_get_url(n), "a.jpg") == 0 &&
           strcmp(artconv_node_get_alt(n), "Alt text") == 0 &&
           artconv_node_get_kind(artconv_node_first_child(n)) == ARTCONV_NODE_CAPTION,
       "image + line end + emphasis: a figure with a caption");
    n = artconv_node_next(n);
    ok(artconv_node_get_kind(n) == ARTCONV_NODE_FIGURE && artconv_node_first_child(n) == NULL,
       "an image alone in a paragraph: a figure");
    n = artconv_node_next(n);
    ok(artconv_node_get_kind(n) == ARTCONV_NODE_PARAGRAPH && find(n, ARTCONV_NODE_IMAGE) != NULL,
       "an image with a title stays an image (figures have no title)");
    q = artconv_node_next(n);
    n = artconv_node_last_child(q);
    ok(artconv_node_get_kind(q) == ARTCONV_NODE_BLOCKQUOTE &&
           artconv_node_get_kind(n) == ARTCONV_NODE_ATTRIBUTION &&
           strcmp(artconv_node_get_literal(artconv_node_first_child(n)), "Someone, ") == 0,
       "a quote's last '— ' paragraph: the attribution");
    out = write_as(a, "markdown");
    ok(out != NULL && strstr(out, "> — Someone, *somewhere*\n") != NULL &&
           strstr(out, "![Alt text](a.jpg)\n*The caption*\n") != NULL,
       "written back the same way");
    free(out);
    artconv_article_free(a);

    a = must_read("1. one\n2. two\n\n\n7) seven\n\n- x\n  ```c\n  int y;\n  ```\n", NULL);
    n = artconv_node_first_child(artconv_article_body(a));
    ok(artconv_node_get_list_ordered(n) && artconv_node_get_list_start(n) == 1 &&
           artconv_node_get_list_tight(n),
       "ordered tight list");
    n = artconv_node_next(n);
    ok(artconv_node_get_list_start(n) == 7, "a second list starting at 7");
    n = find(artconv_node_next(n), ARTCONV_NODE_CODE_BLOCK);
    ok(n != NULL && strcmp(artconv_node_get_info(n), "c") == 0 &&
           strcmp(artconv_node_get_literal(n), "int y;\n") == 0,
       "a fenced code block with its info string");
    out = write_as(a, "markdown");
    ok(out != NULL && strstr(out, "<!--") == NULL && strstr(out, "7)  seven") != NULL,
       "adjacent lists written apart without a comment");
    free(out);
    artconv_article_free(a);
}

static void test_raw_html(void)
{
    warnings ws;
    artconv_article *a;
    artconv_node *p;
    char *text, *html;

    a = must_read("E = mc<sup>2</sup>, H<sub>2</sub>O<br>next <b>bold</b> "
                  "<script>alert(1)</script> <span onclick=\"steal()\">kept</span> "
                  "<a href=\"https://x.example/\" onmouseover=\"x()\">link</a> "
                  "<object data=\"x.swf\"> <em>unclosed\n",
                  &ws);
    p = artconv_node_first_child(artconv_article_body(a));
    ok(find(p, ARTCONV_NODE_SUPERSCRIPT) != NULL && find(p, ARTCONV_NODE_SUBSCRIPT) != NULL,
       "<sup> and <sub> become structure");
    ok(find(p, ARTCONV_NODE_LINEBREAK) != NULL && find(p, ARTCONV_NODE_STRONG) != NULL,
       "<br> and <b> too");
    ok(find(p, ARTCONV_NODE_LINK) != NULL &&
           strcmp(artconv_node_get_url(find(p, ARTCONV_NODE_LINK)), "https://x.example/") == 0,
       "<a href> through the HTML reader is a link");
    text = body_text(a);
    ok(strstr(text, "alert") == NULL && strstr(text, "kept") != NULL &&
           strstr(text, "unclosed") != NULL,
       "script content dropped; span and unclosed tag keep their text");
    ok(ws.count >= 2, "dropped tags are warned about");
    p = find(p, ARTCONV_NODE_RAW_HTML_INLINE);
    ok(p != NULL && strcmp(artconv_node_get_literal(p), "<em>") == 0 &&
           find(artconv_node_next(p), ARTCONV_NODE_RAW_HTML_INLINE) == NULL,
       "the inert unclosed <em> alone stays raw HTML");
    html = write_as(a, "html");
    ok(html != NULL && strstr(html, "onclick") == NULL && strstr(html, "<script") == NULL &&
           strstr(html, "onmouseover") == NULL,
       "no script or event handler reaches the HTML");
    free(text);
    free(html);
    artconv_article_free(a);

    a = must_read("<figure>\n<img src=\"f.jpg\" alt=\"F\" />\n<figcaption>Cap "
                  "<small class=\"credit\">AP</small></figcaption>\n</figure>\n\n"
                  "<table>\n<tr><th>A</th></tr>\n<tr><td>1</td></tr>\n</table>\n\n"
                  "<script>\nalert(1)\n</script>\n",
                  &ws);
    p = find(artconv_article_body(a), ARTCONV_NODE_FIGURE);
    ok(p != NULL && strcmp(artconv_node_get_url(p), "f.jpg") == 0, "an HTML <figure>: a figure");
    ok(p != NULL && artconv_node_get_credit(p) != NULL &&
           strcmp(artconv_node_get_credit(p), "AP") == 0,
       "... with its credit");
    ok(find(artconv_article_body(a), ARTCONV_NODE_TABLE) != NULL, "an HTML table: a table");
    text = body_text(a);
    ok(strstr(text, "alert") == NULL, "a script block is dropped");
    free(text);
    artconv_article_free(a);

    /* What an author puts in a text area is shown as it is. */
    a = must_read("<textarea>\n*not emphasis* &amp; more\n</textarea>\n\n"
                  "Inline <textarea>typed &lt;text&gt;</textarea> too.\n",
                  &ws);
    p = find(artconv_article_body(a), ARTCONV_NODE_CODE_BLOCK);
    ok(p != NULL && strcmp(artconv_node_get_literal(p), "*not emphasis* & more") == 0,
       "a <textarea> block becomes a code block of its text");
    text = body_text(a);
    ok(strstr(text, "typed <text>") != NULL, "an inline <textarea> keeps its text");
    free(text);
    artconv_article_free(a);
}

/* The literals of the raw HTML nodes of `kind`, each followed by '|'. */
static char *raw_literals(const artconv_article *a, artconv_node_kind kind)
{
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_iter *it;
    artconv_event ev;

    artconv_buf_put(&out, "", 0);
    it = artconv_iter_new(artconv_article_body(a));
    while ((ev = artconv_iter_next(it)) != ARTCONV_EVENT_DONE) {
        const artconv_node *n = artconv_iter_node(it);

        if (ev == ARTCONV_EVENT_ENTER && artconv_node_get_kind(n) == kind) {
            artconv_buf_puts(&out, artconv_node_get_literal(n));
            artconv_buf_putc(&out, '|');
        }
    }
    artconv_iter_free(it);
    return artconv_buf_detach(&out);
}

/* Inert HTML that maps to nothing stays raw; hostile HTML never does. */
static void test_raw_nodes(void)
{
    warnings ws;
    artconv_article *a;
    char *blocks, *inlines, *back;

    a = must_read("<!-- a comment -->\n\n<a href=\"/bar\">\n\n"
                  "  <foo-bar class=\"x\">\n\n"
                  "[foo <bar attr=\"](baz)\"> and <!-- note --> and </b> end\n\n"
                  "<a href=\"javascript:alert(1)\">\n\n"
                  "<a href=\"java&#x09;script:alert(1)\">\n\n"
                  "<!-- --><script>alert(1)</script>\n\n"
                  "<img src=x onerror=alert(1)>\n\n"
                  "x <iframe> y <svg onload=\"x()\"> z\n\n"
                  "<div onclick=\"x()\">\n\n"
                  "<?php echo 1; ?>\n",
                  &ws);
    blocks = raw_literals(a, ARTCONV_NODE_RAW_HTML_BLOCK);
    inlines = raw_literals(a, ARTCONV_NODE_RAW_HTML_INLINE);
    is_str(blocks, "<!-- a comment -->|<a href=\"/bar\">|  <foo-bar class=\"x\">|",
           "raw blocks: a comment, an unclosed <a>, an unknown element, as written");
    is_str(inlines, "<bar attr=\"](baz)\">|<!-- note -->|</b>|",
           "raw inlines: an unknown element, a comment, a stray closing tag");
    ok(ws.count >= 7, "what is not inert is warned about");
    back = write_as(a, "markdown");
    ok(back != NULL && strstr(back, "script") == NULL && strstr(back, "onerror") == NULL &&
           strstr(back, "iframe") == NULL && strstr(back, "svg") == NULL &&
           strstr(back, "onclick") == NULL && strstr(back, "<?php") == NULL &&
           strstr(back, "alert") == NULL,
       "nothing hostile comes back out");
    ok(back != NULL && strstr(back, "<!-- a comment -->\n\n<a href=\"/bar\">\n\n") != NULL &&
           strstr(back, "\\[foo <bar attr=\"](baz)\"> and <!-- note --> and </b> end") != NULL,
       "raw HTML is written back verbatim");
    free(blocks);
    free(inlines);
    free(back);
    artconv_article_free(a);

    /* A tab from a character reference at a paragraph's start is text. */
    a = must_read("&#9;foo\n", NULL);
    is_str(artconv_node_get_literal(
               artconv_node_first_child(artconv_node_first_child(artconv_article_body(a)))),
           "\tfoo", "&#9; at a paragraph's start: a tab in the text");
    back = write_as(a, "markdown");
    is_str(back, "&#9;foo\n", "... written back as a reference");
    free(back);
    artconv_article_free(a);
}

/* Hostile Markdown: a result or a clear error, quickly. */
static void test_hostile(void)
{
    static const struct {
        const char *what, *unit, *end;
        int count;
    } cases[] = {
        {"100,000 nested quotes", ">", " deep\n", 100000},
        {"100,000 nested lists", "- ", "deep\n", 100000},
        {"400,000 emphasis markers", "*a_", "\n", 133334},
        {"400,000 markers of nested emphasis", "*", "\n", 200000},
        {"300,000 links", "[a](b) ", "\n", 300000},
        {"30,000 unclosed inline tags", "<b>", "x\n", 30000},
        {"100,000 <sup> pairs", "<sup>1</sup>", "\n", 100000},
    };
    artconv_buf in = ARTCONV_BUF_INIT;
    char what[128];
    size_t c;
    int i, rc;

    for (c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        artconv_article *a = NULL;
        artconv_error err;
        double secs;

        artconv_buf_clear(&in);
        for (i = 0; i < cases[c].count; i++)
            artconv_buf_puts(&in, cases[c].unit);
        if (strcmp(cases[c].unit, "*") == 0) {
            artconv_buf_puts(&in, "deep");
            for (i = 0; i < cases[c].count; i++)
                artconv_buf_puts(&in, "*");
        }
        artconv_buf_puts(&in, cases[c].end);
        rc = read_md(&a, in.ptr, in.len, 0, NULL, &err, &secs);
        snprintf(what, sizeof what, "%s: read (%.2fs)", cases[c].what, secs);
        is_int(rc, 0, what);
        snprintf(what, sizeof what, "%s: in linear time", cases[c].what);
        ok(secs < 60, what); /* quadratic work would take hours */
        if (rc == 0 && (c < 2 || strcmp(cases[c].unit, "*") == 0)) {
            char *text = body_text(a);

            snprintf(what, sizeof what, "%s: flattened, the text kept", cases[c].what);
            ok(strstr(text, "deep") != NULL, what);
            free(text);
        }
        artconv_article_free(a);
    }
    artconv_buf_dispose(&in);
}

static void test_encoding(void)
{
    static const char bad[] = "Bad \xff byte and a \0 NUL\n";
    warnings ws;
    artconv_article *a = NULL;
    artconv_error err;
    char *text;

    /* The policy of every reader (formats/shared/decode.c): bytes that are
     * not UTF-8 are Windows-1252, NUL becomes U+FFFD. */
    is_int(read_md(&a, bad, sizeof bad - 1, 0, &ws, &err, NULL), 0, "invalid UTF-8 and NUL: read");
    text = body_text(a);
    ok(strstr(text, "Bad \xc3\xbf byte and a \xef\xbf\xbd NUL") != NULL,
       "... 0xFF read as Windows-1252, NUL repaired to U+FFFD");
    ok(ws.count == 2 && strstr(ws.last, "U+FFFD") != NULL, "... with a warning for each");
    free(text);
    artconv_article_free(a);
    a = NULL;
    is_int(read_md(&a, bad, sizeof bad - 1, 1, NULL, &err, NULL), ARTCONV_EPARSE,
           "... an error under --strict");
}

/* The same Latin-1 bytes read the same as .md and as .txt: Windows-1252
 * (they were U+FFFD in Markdown before the readers shared one decoder). */
static void test_latin1_like_text(void)
{
    static const char latin1[] = "# Caf\xe9\n\nNa\xefve \x93quotes\x94 \x80 5\n";
    artconv_article *mda = NULL, *txt = NULL;
    artconv_error err;
    warnings ws;
    char *text;

    is_int(read_md(&mda, latin1, sizeof latin1 - 1, 0, &ws, &err, NULL), 0, "Latin-1 .md: read");
    text = body_text(mda);
    ok(strstr(text, "Na\xc3\xafve \xe2\x80\x9cquotes\xe2\x80\x9d \xe2\x82\xac 5") != NULL,
       "... as Windows-1252 (\xe2\x80\x9c \xe2\x80\x9d \xe2\x82\xac), not U+FFFD");
    ok(artconv_article_get(mda, ARTCONV_META_TITLE) != NULL &&
           strcmp(artconv_article_get(mda, ARTCONV_META_TITLE), "Caf\xc3\xa9") == 0,
       "... the title too");
    ok(ws.count == 1 && strstr(ws.last, "Windows-1252") != NULL, "... with one warning");
    is_int(
        artconv_read(&txt, artconv_format_by_name("text"), latin1, sizeof latin1 - 1, NULL, &err),
        0, "the same bytes as .txt: read");
    free(text);
    text = body_text(txt);
    ok(strstr(text, "Na\xc3\xafve \xe2\x80\x9cquotes\xe2\x80\x9d \xe2\x82\xac 5") != NULL,
       "... the same text");
    free(text);
    artconv_article_free(mda);
    artconv_article_free(txt);
}

/* Every word of the sample reaches every text writer; binary ones work. */
static void test_sample_to_every_writer(void)
{
    artconv_buf path = ARTCONV_BUF_INIT, in = ARTCONV_BUF_INIT, word = ARTCONV_BUF_INIT;
    artconv_article *a = NULL;
    artconv_error err;
    char *text, *w, what[160];
    size_t i;

    artconv_buf_puts(&path, test_dir());
    artconv_buf_puts(&path, "/../samples/river-festival.md");
    if (!ok(test_read_file(path.ptr, &in) == 0, "the sample article is there"))
        return;
    if (!is_int(read_md(&a, in.ptr, in.len, 1, NULL, &err, NULL), 0, "sample: read strictly"))
        return;
    is_str(artconv_article_get(a, ARTCONV_META_DATE), "2024-09-14", "sample: date normalised");
    is_str(artconv_article_extra_get(a, "series"), "{\"name\":\"Autumn in Millbrook\",\"part\":3}",
           "sample: an unknown key kept");
    ok(find(artconv_article_body(a), ARTCONV_NODE_FIGURE) != NULL &&
           find(artconv_article_body(a), ARTCONV_NODE_ATTRIBUTION) != NULL,
       "sample: a figure and an attributed quote");
    text = body_text(a);
    for (i = 0; i < artconv_format_count(); i++) {
        const artconv_format *f = artconv_format_at(i);
        artconv_buf out = ARTCONV_BUF_INIT;
        artconv_write_options opts;
        artconv_write_options_init(&opts);
        const char *missing = NULL;
        int rc;

        if (!artconv_format_can_write(f))
            continue;
        opts.timestamp = 0;
        rc = artconv_write(&out, f, a, &opts, &err);
        if (rc == ARTCONV_EUNSUPPORTED) {
            snprintf(what, sizeof what, "sample -> %s # SKIP not written yet",
                     artconv_format_name(f));
            ok(1, what);
            continue;
        }
        snprintf(what, sizeof what, "sample -> %s: written", artconv_format_name(f));
        if (!is_int(rc, 0, what))
            printf("#   %s\n", err.message);
        if (rc == 0 && !artconv_format_is_binary(f)) {
            /* Words: runs of letters and digits, two or more long. */
            for (w = text; *w != '\0';) {
                size_t n = 0;

                while (w[n] != '\0' && ((w[n] | 32) >= 'a' && (w[n] | 32) <= 'z'))
                    n++;
                if (n >= 2) {
                    artconv_buf_clear(&word);
                    artconv_buf_put(&word, w, n);
                    if (strstr(out.ptr, word.ptr) == NULL) {
                        missing = word.ptr;
                        break;
                    }
                }
                w += n > 0 ? n : 1;
            }
            snprintf(what, sizeof what, "sample -> %s: every word of the body is there",
                     artconv_format_name(f));
            if (!ok(missing == NULL, what))
                printf("#   missing: %s\n", missing);
            snprintf(what, sizeof what, "sample -> %s: the title is there", artconv_format_name(f));
            ok(strstr(out.ptr, "Lantern festival returns") != NULL, what);
        }
        artconv_buf_dispose(&out);
    }
    free(text);
    artconv_article_free(a);
    artconv_buf_dispose(&path);
    artconv_buf_dispose(&in);
    artconv_buf_dispose(&word);
}

/* Issue 14: the Markdown reader decodes by the policy every reader
 * shares (formats/shared/decode.c), the HTML reader's. */
static void test_one_decoder(void)
{
    static const char be[] = "\xFE\xFF\0#\0 \0T\0\n\0\n\0c\0a\0f\0\xE9\0\n";
    static const char nul[] = "# T\n\nA \0 NUL\n";
    static const char stray[] = "# T\n\nCaf\xC3\xA9 cr\xC3\xA8me \xFF ok\n";
    static const char html_page[] = "<h1>T</h1><p>Na\xEFve \x93q\x94 \x80</p>";
    static const char mdown[] = "# T\n\nNa\xEFve \x93q\x94 \x80\n";
    artconv_article *a = NULL, *h = NULL;
    artconv_error err;
    warnings ws;
    char *text, *htext;

    is_int(read_md(&a, be, sizeof be - 1, 0, NULL, &err, NULL), 0, "one decoder: UTF-16BE BOM");
    text = body_text(a);
    ok(strstr(text, "caf\xc3\xa9") != NULL, "... decoded");
    free(text);
    artconv_article_free(a);
    a = NULL;
    is_int(read_md(&a, nul, sizeof nul - 1, 0, &ws, &err, NULL), 0, "one decoder: NUL reads");
    text = body_text(a);
    ok(strstr(text, "A \xef\xbf\xbd NUL") != NULL, "... as U+FFFD");
    ok(ws.count == 1 && strstr(ws.last, "U+FFFD") != NULL && strstr(ws.last, "line 3") != NULL,
       "... with a warning that names the line");
    free(text);
    artconv_article_free(a);
    a = NULL;
    is_int(read_md(&a, nul, sizeof nul - 1, 1, NULL, &err, NULL), ARTCONV_EPARSE,
           "one decoder: NUL under strict: an error");
    ok(err.line == 3 && err.column == 3, "... at line 3, column 3");
    is_int(read_md(&a, stray, sizeof stray - 1, 0, &ws, &err, NULL), 0,
           "one decoder: UTF-8 with a stray byte reads");
    text = body_text(a);
    ok(strstr(text, "Caf\xc3\xa9 cr\xc3\xa8me \xef\xbf\xbd ok") != NULL,
       "... stays UTF-8, the byte U+FFFD (not Windows-1252 mojibake)");
    free(text);
    artconv_article_free(a);
    a = NULL;
    /* The same Windows-1252 bytes as .md and as .html. */
    is_int(read_md(&a, mdown, sizeof mdown - 1, 0, NULL, &err, NULL), 0, "one decoder: .md reads");
    is_int(artconv_read(&h, artconv_format_by_name("html"), html_page, sizeof html_page - 1, NULL,
                        &err),
           0, "one decoder: the same bytes as .html read");
    text = body_text(a);
    htext = body_text(h);
    ok(strstr(text, "Na\xc3\xafve \xe2\x80\x9cq\xe2\x80\x9d \xe2\x82\xac") != NULL &&
           strstr(htext, "Na\xc3\xafve \xe2\x80\x9cq\xe2\x80\x9d \xe2\x82\xac") != NULL,
       "... the same text from both");
    free(text);
    free(htext);
    artconv_article_free(a);
    artconv_article_free(h);
}

/* GFM pipe tables (issue 18): both Markdown readers have cmark-gfm's table
 * extension on, since a pipe table in CommonMark is only a paragraph. */
static void test_pipe_tables(void)
{
    static const char input[] = "| Name | *Votes* |\n"
                                "| :--- | ---: |\n"
                                "| a \\| b | `x\\|y` |\n"
                                "| c |\n";
    static const char *const formats[] = {"markdown", "gfm"};
    size_t i;

    for (i = 0; i < 2; i++) {
        const artconv_format *f = artconv_format_by_name(formats[i]);
        artconv_article *a = NULL;
        artconv_node *table, *head, *row, *cell;
        char what[96];

        snprintf(what, sizeof what, "%s: a pipe table reads", formats[i]);
        ok(artconv_read(&a, f, input, strlen(input), NULL, NULL) == 0, what);
        table = artconv_node_first_child(artconv_article_body(a));
        head = artconv_node_first_child(table);
        row = artconv_node_next(head);
        snprintf(what, sizeof what, "%s: a TABLE with a header row and two rows", formats[i]);
        ok(artconv_node_get_kind(table) == ARTCONV_NODE_TABLE && artconv_node_get_header(head) &&
               row != NULL && !artconv_node_get_header(row) &&
               artconv_node_next(row) != NULL && artconv_node_next(artconv_node_next(row)) == NULL,
           what);
        cell = artconv_node_next(artconv_node_first_child(head));
        snprintf(what, sizeof what, "%s: a header cell keeps its emphasis", formats[i]);
        ok(artconv_node_get_kind(cell) == ARTCONV_NODE_TABLE_CELL &&
               artconv_node_get_kind(artconv_node_first_child(cell)) == ARTCONV_NODE_EMPH,
           what);
        cell = artconv_node_first_child(row);
        snprintf(what, sizeof what, "%s: an escaped '|' is text", formats[i]);
        is_str(artconv_node_get_literal(artconv_node_first_child(cell)), "a | b", what);
        snprintf(what, sizeof what, "%s: and in a code span too", formats[i]);
        is_str(artconv_node_get_literal(artconv_node_first_child(artconv_node_next(cell))), "x|y",
               what);
        /* A short row has its missing cells, empty, as cmark-gfm reads it. */
        row = artconv_node_next(row);
        snprintf(what, sizeof what, "%s: a short row gets its empty cells", formats[i]);
        ok(artconv_node_last_child(row) != NULL &&
               artconv_node_first_child(artconv_node_last_child(row)) == NULL &&
               artconv_node_next(artconv_node_first_child(row)) == artconv_node_last_child(row),
           what);
        artconv_article_free(a);
    }
}

/* cmark-gfm fills each short row of a pipe table up to the header's width:
 * a header of 1,000 cells over 4,000 one-cell rows (12 KB) would be four
 * million cells.  Such input is read with its tables as text, with a
 * warning, in linear time. */
static void test_pipe_table_amplification(void)
{
    artconv_buf in = ARTCONV_BUF_INIT;
    artconv_article *a = NULL;
    warnings ws;
    artconv_error err;
    double seconds = 0;
    int i;

    artconv_buf_putc(&in, '|');
    for (i = 0; i < 1000; i++)
        artconv_buf_puts(&in, "a|");
    artconv_buf_puts(&in, "\n|");
    for (i = 0; i < 1000; i++)
        artconv_buf_puts(&in, "-|");
    artconv_buf_putc(&in, '\n');
    for (i = 0; i < 4000; i++)
        artconv_buf_puts(&in, "x\n");
    ok(read_md(&a, in.ptr, in.len, 0, &ws, &err, &seconds) == 0,
       "a pipe table that would fill millions of cells reads");
    ok(ws.count == 1 && strstr(ws.last, "read as text") != NULL,
       "with a warning that its tables are read as text");
    ok(a != NULL && find(artconv_article_body(a), ARTCONV_NODE_TABLE) == NULL, "no table is built");
    ok(seconds < 2.0, "in well under two seconds");
    artconv_article_free(a);
    a = NULL;
    /* cmark-gfm splits a row in time quadratic in its cells: one row of
     * 20,000 cells took seconds. */
    artconv_buf_clear(&in);
    artconv_buf_putc(&in, '|');
    for (i = 0; i < 20000; i++)
        artconv_buf_puts(&in, "a|");
    artconv_buf_puts(&in, "\n|");
    for (i = 0; i < 20000; i++)
        artconv_buf_puts(&in, "-|");
    artconv_buf_putc(&in, '\n');
    ok(read_md(&a, in.ptr, in.len, 0, &ws, &err, &seconds) == 0 && ws.count == 1 &&
           find(artconv_article_body(a), ARTCONV_NODE_TABLE) == NULL && seconds < 2.0,
       "a row of 20,000 cells is read as text, with a warning, in well under two seconds");
    artconv_article_free(a);
    artconv_buf_dispose(&in);
}

int main(void)
{
    md = artconv_format_by_name("markdown");
    test_front_matter();
    test_not_front_matter();
    test_hostile_yaml();
    test_conventions();
    test_jekyll_keys();
    test_toml_front_matter();
    test_raw_html();
    test_raw_nodes();
    test_hostile();
    test_encoding();
    test_latin1_like_text();
    test_one_decoder();
    test_sample_to_every_writer();
    test_pipe_tables();
    test_pipe_table_amplification();
    ok(golden_run("markdown-json", ".md", md, ".json", artconv_format_by_name("json"), NULL,
                  NULL) >= 2,
       "golden Markdown -> JSON cases ran");
    return tap_done();
}
