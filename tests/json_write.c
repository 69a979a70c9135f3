/*
 * json_write.c - tests of the JSON writer: the kitchen-sink golden file, the
 * empty article, and the output parsed back with jansson and compared with
 * the model field by field.
 */
#include "artconv.h"
#include "tap.h"
#include "testutil.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const artconv_format *json_format(void)
{
    return artconv_format_by_name("json");
}

/* Writes `a` as JSON into `out`; reports one check. */
static int write_json(artconv_buf *out, const artconv_article *a, const char *what)
{
    artconv_error err;
    int rc = artconv_write(out, json_format(), a, NULL, &err);

    if (!is_int(rc, 0, what))
        printf("#   %s\n", err.message);
    return rc == 0;
}

/* Writes and parses back; NULL (with a failed check) if either fails. */
static json_t *round_trip(const artconv_article *a, const char *what)
{
    artconv_buf out = ARTCONV_BUF_INIT;
    json_error_t jerr;
    json_t *root = NULL;

    if (write_json(&out, a, what)) {
        root = json_loads(out.ptr, 0, &jerr);
        if (!ok(root != NULL, "the output parses as JSON"))
            printf("#   line %d: %s\n", jerr.line, jerr.text);
    }
    artconv_buf_dispose(&out);
    return root;
}

static const char *str_at(const json_t *obj, const char *key)
{
    return json_string_value(json_object_get(obj, key));
}

static const char *type_of(const json_t *node)
{
    return str_at(node, "type");
}

static json_t *child(const json_t *node, size_t i)
{
    return json_array_get(json_object_get(node, "children"), i);
}

static void test_golden(void)
{
    char path[4096];
    artconv_article *a = fixture_kitchen_sink();
    artconv_buf out = ARTCONV_BUF_INIT;

    if (!ok(a != NULL, "kitchen sink built"))
        return;
    snprintf(path, sizeof path, "%s/golden/json_write/kitchen-sink.json", test_dir());
    if (write_json(&out, a, "kitchen sink written"))
        golden_check(path, out.ptr, out.len, "kitchen sink matches its golden file");
    artconv_buf_dispose(&out);
    artconv_article_free(a);
}

static void test_empty(void)
{
    artconv_article *a = artconv_article_new();
    artconv_buf out = ARTCONV_BUF_INIT;

    if (write_json(&out, a, "empty article written"))
        is_str(out.ptr, "{\n  \"meta\": {},\n  \"body\": []\n}\n", "empty article");
    /* A second write appends, as every writer does. */
    if (write_json(&out, a, "second write"))
        is_str(out.ptr,
               "{\n  \"meta\": {},\n  \"body\": []\n}\n{\n  \"meta\": {},\n  \"body\": []\n}\n",
               "writing appends to the buffer");
    artconv_buf_dispose(&out);
    artconv_article_free(a);
}

static void test_meta(void)
{
    static const char *const keys[] = {
        "title",    "subtitle",  "authors", "date",     "modified",    "dateline",
        "language", "publisher", "section", "keywords", "description", "credit",
        "rights",   "source",    "id",      "image",
    };
    artconv_article *a = fixture_kitchen_sink();
    const json_t *meta, *image, *list;
    const char *key;
    json_t *root, *value;
    size_t i;
    int field, in_order = 1;

    if (a == NULL)
        return;
    root = round_trip(a, "kitchen sink for meta");
    meta = json_object_get(root, "meta");
    ok(json_is_object(meta), "meta is an object");
    is_int(json_object_size(meta), sizeof keys / sizeof keys[0], "meta has one key per field");
    i = 0;
    json_object_foreach((json_t *)meta, key, value)
    {
        (void)value;
        if (i >= sizeof keys / sizeof keys[0] || strcmp(key, keys[i]) != 0)
            in_order = 0;
        i++;
    }
    ok(in_order, "meta keys come in the documented order");
    for (field = 0; field < ARTCONV_META_COUNT; field++) {
        const char *name = artconv_meta_name((artconv_meta)field);
        char what[100];

        if (strncmp(name, "image", 5) == 0)
            continue;
        snprintf(what, sizeof what, "meta %s", name);
        is_str(str_at(meta, name), artconv_article_get(a, (artconv_meta)field), what);
    }
    image = json_object_get(meta, "image");
    ok(json_is_object(image), "the lead image is an object");
    is_int(json_object_size(image), 4, "image has four keys");
    is_str(str_at(image, "src"), "images/bridge.jpg", "image src");
    is_str(str_at(image, "alt"), "The bridge at dawn", "image alt");
    is_str(str_at(image, "caption"), "The bridge on its first morning back", "image caption");
    is_str(str_at(image, "credit"), "Jane Doe/Gazette", "image credit");
    list = json_object_get(meta, "authors");
    is_int(json_array_size(list), 2, "two authors");
    is_str(json_string_value(json_array_get(list, 0)), "Jane Doe", "first author");
    is_str(json_string_value(json_array_get(list, 1)), "Raj Patel", "second author");
    list = json_object_get(meta, "keywords");
    is_int(json_array_size(list), 2, "two keywords");
    is_str(json_string_value(json_array_get(list, 1)), "infrastructure", "second keyword");
    is_str(str_at(meta, "rights"), "© 2024 The Harbour Gazette", "UTF-8 in rights");
    is_str(str_at(meta, "title"), "Harbour \"bridge\" <reopens> & traffic returns",
           "quotes and markup characters in the title");
    json_decref(root);

    /* Unset fields are left out; an image with only alt text still gets
     * an object, with only that key. */
    artconv_article_set(a, ARTCONV_META_IMAGE, NULL, NULL);
    artconv_article_set(a, ARTCONV_META_IMAGE_CAPTION, NULL, NULL);
    artconv_article_set(a, ARTCONV_META_IMAGE_CREDIT, NULL, NULL);
    artconv_article_set(a, ARTCONV_META_SUBTITLE, NULL, NULL);
    artconv_article_list_clear(a, ARTCONV_LIST_KEYWORDS);
    root = round_trip(a, "article with fewer fields");
    meta = json_object_get(root, "meta");
    ok(json_object_get(meta, "subtitle") == NULL, "unset subtitle omitted");
    ok(json_object_get(meta, "keywords") == NULL, "empty keyword list omitted");
    image = json_object_get(meta, "image");
    is_int(json_object_size(image), 1, "partial image has one key");
    is_str(str_at(image, "alt"), "The bridge at dawn", "partial image keeps its alt");
    artconv_article_set(a, ARTCONV_META_IMAGE_ALT, NULL, NULL);
    json_decref(root);
    root = round_trip(a, "article without image");
    ok(json_object_get(json_object_get(root, "meta"), "image") == NULL, "no image, no key");
    json_decref(root);
    artconv_article_free(a);
}

/* The news metadata: plain fields in their order, concept lists as arrays
 * of objects without their unset strings. */
static void test_news_meta(void)
{
    artconv_article *a = artconv_article_new();
    artconv_concept subject = {"medtop:20000523", "labour market", NULL, "nrol:main"};
    artconv_concept place = {"geo:345678", "Berlin", NULL, NULL};
    const json_t *meta, *list, *item;
    json_t *root;
    artconv_error err;

    artconv_article_set(a, ARTCONV_META_TITLE, "Fed", &err);
    artconv_article_set(a, ARTCONV_META_URGENCY, "4", &err);
    artconv_article_set(a, ARTCONV_META_VERSIONCREATED, "2018-10-21T16:25:32-05:00", &err);
    artconv_article_list_add(a, ARTCONV_LIST_EDNOTES, "Strictly embargoed", &err);
    artconv_article_concept_add(a, ARTCONV_CONCEPT_SUBJECTS, &subject, &err);
    artconv_article_concept_add(a, ARTCONV_CONCEPT_LOCATED, &place, &err);
    root = round_trip(a, "news metadata");
    meta = json_object_get(root, "meta");
    is_str(str_at(meta, "urgency"), "4", "urgency");
    is_str(str_at(meta, "versioncreated"), "2018-10-21T16:25:32-05:00", "versioncreated");
    list = json_object_get(meta, "ednotes");
    is_str(json_string_value(json_array_get(list, 0)), "Strictly embargoed", "ednotes");
    list = json_object_get(meta, "subjects");
    is_int(json_array_size(list), 1, "one subject");
    item = json_array_get(list, 0);
    is_str(str_at(item, "code"), "medtop:20000523", "subject code");
    is_str(str_at(item, "name"), "labour market", "subject name");
    is_str(str_at(item, "role"), "nrol:main", "subject role");
    ok(json_object_get(item, "scheme") == NULL, "an unset scheme is left out");
    item = json_array_get(json_object_get(meta, "located"), 0);
    is_str(str_at(item, "name"), "Berlin", "located name");
    ok(json_object_get(meta, "genres") == NULL, "an empty concept list is left out");
    json_decref(root);
    artconv_article_free(a);
}

static void test_body(void)
{
    static const char *const types[] = {
        "paragraph",  "heading",    "paragraph",      "figure", "list",
        "blockquote", "code_block", "thematic_break", "table",  "paragraph",
    };
    artconv_article *a = fixture_kitchen_sink();
    const json_t *body, *node, *list, *nested, *fig, *table, *p;
    json_t *root;
    size_t i;
    int same = 1;

    if (a == NULL)
        return;
    root = round_trip(a, "kitchen sink for body");
    body = json_object_get(root, "body");
    ok(json_is_array(body), "body is an array");
    is_int(json_array_size(body), sizeof types / sizeof types[0], "ten blocks");
    for (i = 0; i < sizeof types / sizeof types[0]; i++)
        if (type_of(json_array_get(body, i)) == NULL ||
            strcmp(type_of(json_array_get(body, i)), types[i]) != 0)
            same = 0;
    ok(same, "block types in order");

    p = json_array_get(body, 0);
    is_int(json_array_size(json_object_get(p, "children")), 7, "first paragraph has 7 inlines");
    is_str(type_of(child(p, 1)), "emph", "emph inline");
    is_str(str_at(child(child(p, 1), 0), "text"), "September 2022", "text inside emph");
    is_str(type_of(child(p, 5)), "link", "link inline");
    is_str(str_at(child(p, 5), "url"), "https://council.example/news?id=1&lang=en", "link url");
    is_str(str_at(child(p, 5), "title"), "Council news", "link title");
    ok(json_object_get(child(p, 0), "children") == NULL, "a text leaf has no children");
    is_str(str_at(child(p, 6), "text"),
           " came at 6am, and the first bus carried 1 * 2 _ 3 [4] <5> # passengers.",
           "text is kept verbatim");

    node = json_array_get(body, 1);
    is_int(json_integer_value(json_object_get(node, "level")), 2, "heading level");
    p = json_array_get(body, 2);
    is_str(type_of(child(p, 5)), "code", "code inline");
    is_str(str_at(child(p, 5), "text"), "sensor --all", "code text");
    is_str(type_of(child(p, 7)), "linebreak", "linebreak");
    ok(json_object_size(child(p, 7)) == 1, "a linebreak has only its type");
    is_str(str_at(child(p, 10), "text"), "长桥重新开放，交通恢复正常。", "CJK text");

    fig = json_array_get(body, 3);
    is_str(str_at(fig, "url"), "images/deck.jpg", "figure url");
    is_str(str_at(fig, "alt"), "Workers on the new deck", "figure alt");
    is_str(str_at(fig, "credit"), "Raj Patel/Gazette", "figure credit");
    is_int(json_array_size(json_object_get(fig, "children")), 1, "figure has one child");
    is_str(type_of(child(fig, 0)), "caption", "the figure's child is its caption");
    is_str(str_at(child(child(fig, 0), 0), "text"), "Workers lay the new deck in ", "caption text");

    list = json_array_get(body, 4);
    ok(json_is_false(json_object_get(list, "ordered")), "outer list is a bullet list");
    ok(json_is_true(json_object_get(list, "tight")), "outer list is tight");
    is_int(json_integer_value(json_object_get(list, "start")), 1, "outer list start");
    is_str(type_of(child(list, 1)), "item", "list holds items");
    nested = child(child(list, 1), 1);
    is_str(type_of(nested), "list", "nested list inside the second item");
    ok(json_is_true(json_object_get(nested, "ordered")), "nested list is ordered");
    is_int(json_integer_value(json_object_get(nested, "start")), 3, "nested list starts at 3");
    is_str(str_at(child(child(child(nested, 1), 0), 0), "text"), "southbound",
           "text deep in the nested list");

    node = json_array_get(body, 5);
    is_str(type_of(child(node, 1)), "attribution", "quote ends with its attribution");
    node = json_array_get(body, 6);
    is_str(str_at(node, "info"), "text", "code block info");
    is_str(str_at(node, "text"), "closed: 2022-09-01\nopened: 2024-03-02\n", "code block text");
    ok(json_object_get(node, "children") == NULL, "a code block has no children");
    ok(json_object_size(json_array_get(body, 7)) == 1, "a thematic break has only its type");

    table = json_array_get(body, 8);
    is_int(json_array_size(json_object_get(table, "children")), 3, "three rows");
    ok(json_is_true(json_object_get(child(table, 0), "header")), "first row is a header");
    ok(json_is_false(json_object_get(child(table, 1), "header")), "second row is not");
    is_str(type_of(child(child(table, 0), 1)), "table_cell", "rows hold cells");
    is_str(str_at(child(child(child(table, 2), 1), 0), "text"), "25", "last cell's text");

    p = json_array_get(body, 9);
    node = child(p, 1);
    is_str(type_of(node), "image", "inline image");
    is_str(str_at(node, "url"), "images/map.png", "image url");
    is_str(str_at(node, "alt"), "Map of the new routes", "image alt");
    ok(json_object_get(node, "title") == NULL, "unset image title omitted");
    json_decref(root);
    artconv_article_free(a);
}

/* Characters that JSON must escape, and Unicode that must pass unchanged. */
static void test_escaping(void)
{
    static const char tricky[] = "tab\there \"quoted\" back\\slash\nnew line </script> \x7F";
    static const char unicode[] = "东京 🚀 line\xE2\x80\xA8separator";
    artconv_article *a = artconv_article_new();
    artconv_node *p = artconv_node_new(ARTCONV_NODE_PARAGRAPH);
    artconv_node *t = artconv_node_new(ARTCONV_NODE_TEXT);
    artconv_node *empty = artconv_node_new(ARTCONV_NODE_PARAGRAPH);
    artconv_buf out = ARTCONV_BUF_INIT;
    json_error_t jerr;
    json_t *root;

    ok(artconv_article_set(a, ARTCONV_META_TITLE, unicode, NULL) == 0, "unicode title set");
    ok(artconv_article_set(a, ARTCONV_META_DESCRIPTION, tricky, NULL) == 0, "tricky text set");
    artconv_node_append(artconv_article_body(a), p, NULL);
    artconv_node_append(artconv_article_body(a), empty, NULL);
    artconv_node_append(p, t, NULL);
    artconv_node_set_literal(t, tricky, NULL);
    if (!write_json(&out, a, "tricky article written"))
        goto cleanup;
    ok(strstr(out.ptr, "\"description\": \"tab\\there \\\"quoted\\\" back\\\\slash\\nnew line "
                       "</script> \x7F\"") != NULL,
       "tab, quote, backslash and newline escaped; the rest verbatim");
    ok(strstr(out.ptr, "东京 🚀") != NULL, "UTF-8 is written as UTF-8, not \\u escapes");
    ok(strstr(out.ptr, "line\xE2\x80\xA8separator") != NULL, "U+2028 is written as it is");
    ok(strstr(out.ptr, "\"children\": []") != NULL, "an empty paragraph has empty children");
    root = json_loads(out.ptr, 0, &jerr);
    if (ok(root != NULL, "tricky output parses")) {
        const json_t *body = json_object_get(root, "body");

        is_str(str_at(json_object_get(root, "meta"), "title"), unicode,
               "CJK, emoji and U+2028 round-trip");
        is_str(str_at(json_object_get(root, "meta"), "description"), tricky,
               "escaped characters round-trip in meta");
        is_str(str_at(child(json_array_get(body, 0), 0), "text"), tricky,
               "escaped characters round-trip in text");
        is_str(type_of(child(json_array_get(body, 0), 0)), "text", "</script> stays a string");
        is_int(json_array_size(json_object_get(json_array_get(body, 1), "children")), 0,
               "empty paragraph parses with no children");
        json_decref(root);
    } else {
        printf("#   %s\n", jerr.text);
    }
cleanup:
    artconv_buf_dispose(&out);
    artconv_article_free(a);
}

/* Empty strings count as unset; a text node with nothing keeps only its type. */
static void test_empty_strings(void)
{
    artconv_article *a = artconv_article_new();
    artconv_node *p = artconv_node_new(ARTCONV_NODE_PARAGRAPH);
    artconv_node *link = artconv_node_new(ARTCONV_NODE_LINK);
    artconv_node *t = artconv_node_new(ARTCONV_NODE_TEXT);
    json_t *root;
    const json_t *jl;

    artconv_node_append(artconv_article_body(a), p, NULL);
    artconv_node_append(p, link, NULL);
    artconv_node_append(link, t, NULL);
    artconv_node_set_url(link, "https://example.org/", NULL);
    artconv_node_set_title(link, "", NULL);
    artconv_node_set_literal(t, "", NULL);
    root = round_trip(a, "article with empty strings");
    jl = child(json_array_get(json_object_get(root, "body"), 0), 0);
    is_str(str_at(jl, "url"), "https://example.org/", "link url kept");
    ok(json_object_get(jl, "title") == NULL, "empty link title omitted");
    is_int(json_object_size(child(jl, 0)), 1, "empty text keeps only its type");
    json_decref(root);
    artconv_article_free(a);
}

/* The deepest article a writer accepts is written; one level more is not. */
static void test_depth(void)
{
    artconv_article *a = artconv_article_new();
    artconv_node *cur = artconv_article_body(a);
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_error err;
    json_t *root;
    const json_t *node;
    int i, depth = 0;

    for (i = 0; i < ARTCONV_MAX_DEPTH; i++) {
        artconv_node *q = artconv_node_new(ARTCONV_NODE_BLOCKQUOTE);

        artconv_node_append(cur, q, NULL);
        cur = q;
    }
    is_int(artconv_node_depth(artconv_article_body(a)), ARTCONV_MAX_DEPTH, "built at the limit");
    root = round_trip(a, "article at the depth limit written");
    for (node = json_array_get(json_object_get(root, "body"), 0); node != NULL;
         node = child(node, 0))
        depth++;
    is_int(depth, ARTCONV_MAX_DEPTH, "every level is in the JSON");
    json_decref(root);
    artconv_node_append(cur, artconv_node_new(ARTCONV_NODE_BLOCKQUOTE), NULL);
    is_int(artconv_write(&out, json_format(), a, NULL, &err), ARTCONV_ELIMIT,
           "one level deeper is refused");
    ok(out.len == 0, "nothing written when refused");
    artconv_buf_dispose(&out);
    artconv_article_free(a);
}

/* Allocations jansson may still make before failing; -1 means no limit.
 * jansson's allocator is process-wide, and this test is single-threaded. */
static long alloc_budget = -1;

static void *limited_malloc(size_t size)
{
    if (alloc_budget == 0)
        return NULL;
    if (alloc_budget > 0)
        alloc_budget--;
    return malloc(size);
}

/* Every jansson allocation (the writer uses jansson for the extra
 * metadata values only; the rest streams into the buffer) fails in turn:
 * each failure must come back as
 * ENOMEM with the buffer untouched and nothing leaked (valgrind and ASan
 * see the leaks), and the first write that gets enough memory must be
 * exactly the normal output. */
static void test_out_of_memory(void)
{
    artconv_article *a = fixture_kitchen_sink();
    artconv_buf want = ARTCONV_BUF_INIT, out = ARTCONV_BUF_INIT;
    artconv_error err;
    long budget;
    int rc = -1, failures = 0, bad = 0;

    if (a == NULL ||
        artconv_article_extra_set(a, "params", "{\"weight\": 3, \"tags\": [\"x\"]}", NULL) < 0 ||
        !write_json(&want, a, "kitchen sink for the memory test"))
        goto cleanup;
    artconv_buf_puts(&out, "kept|");
    json_set_alloc_funcs(limited_malloc, free);
    for (budget = 0; budget < 100000; budget++) {
        alloc_budget = budget;
        rc = artconv_write(&out, json_format(), a, NULL, &err);
        alloc_budget = -1;
        if (rc == 0)
            break;
        failures++;
        if (rc != ARTCONV_ENOMEM || err.code != ARTCONV_ENOMEM || strcmp(out.ptr, "kept|") != 0)
            bad++;
    }
    json_set_alloc_funcs(malloc, free);
    is_int(rc, 0, "the write succeeds once memory suffices");
    ok(failures > 0, "jansson's allocations were made to fail");
    is_int(bad, 0, "each failure is ENOMEM and leaves the buffer as it was");
    ok(strncmp(out.ptr, "kept|", 5) == 0 && strcmp(out.ptr + 5, want.ptr) == 0,
       "the successful write is the normal output");
cleanup:
    artconv_buf_dispose(&want);
    artconv_buf_dispose(&out);
    artconv_article_free(a);
}

static void test_extra(void)
{
    artconv_article *a = artconv_article_new();
    json_t *root, *meta;
    const char *key;
    json_t *value;
    size_t i = 0;
    static const char *const order[] = {"title", "draft", "params"};

    artconv_article_set(a, ARTCONV_META_TITLE, "T", NULL);
    artconv_article_extra_set(a, "draft", "true", NULL);
    artconv_article_extra_set(a, "params", "{\"weight\": 3, \"tags\": [\"x\"]}", NULL);
    root = round_trip(a, "extra: written");
    meta = json_object_get(root, "meta");
    ok(json_is_true(json_object_get(meta, "draft")), "extra: a boolean stays a boolean");
    is_int(json_integer_value(json_object_get(json_object_get(meta, "params"), "weight")), 3,
           "extra: an object keeps its values");
    json_object_foreach(meta, key, value)
    {
        (void)value;
        if (i < 3)
            is_str(key, order[i], "extra: follows the canonical fields in order");
        i++;
    }
    is_int(i, 3, "extra: nothing else in meta");
    json_decref(root);
    artconv_article_free(a);
}

/* Raw HTML nodes are data: their type and their HTML, nothing else. */
static void test_raw_html(void)
{
    artconv_article *a = artconv_article_new();
    artconv_node *block = artconv_node_new(ARTCONV_NODE_RAW_HTML_BLOCK);
    artconv_node *p = artconv_node_new(ARTCONV_NODE_PARAGRAPH);
    artconv_node *raw = artconv_node_new(ARTCONV_NODE_RAW_HTML_INLINE);
    const json_t *body, *node;
    json_t *root;

    artconv_node_set_literal(block, "<!-- a \"quoted\" comment -->", NULL);
    artconv_node_set_literal(raw, "<bar attr=\"](baz)\">", NULL);
    artconv_node_append(artconv_article_body(a), block, NULL);
    artconv_node_append(artconv_article_body(a), p, NULL);
    artconv_node_append(p, raw, NULL);
    root = round_trip(a, "raw HTML");
    body = json_object_get(root, "body");
    node = json_array_get(body, 0);
    is_str(type_of(node), "raw_html_block", "raw: a block's type");
    is_str(str_at(node, "html"), "<!-- a \"quoted\" comment -->", "raw: a block's HTML");
    ok(json_object_size(node) == 2, "raw: a block has only its type and HTML");
    node = child(json_array_get(body, 1), 0);
    is_str(type_of(node), "raw_html_inline", "raw: an inline's type");
    is_str(str_at(node, "html"), "<bar attr=\"](baz)\">", "raw: an inline's HTML");
    ok(json_object_size(node) == 2, "raw: an inline has only its type and HTML");
    json_decref(root);
    artconv_article_free(a);
}

int main(void)
{
    ok(json_format() != NULL && artconv_format_can_write(json_format()), "json is writable");
    is_str(artconv_format_name(artconv_format_by_path("out.JSON")), "json", "found by extension");
    test_golden();
    test_empty();
    test_meta();
    test_news_meta();
    test_body();
    test_escaping();
    test_empty_strings();
    test_depth();
    test_extra();
    test_raw_html();
    test_out_of_memory();
    return tap_done();
}
