/*
 * model_data.c - API tests of what nodes and articles hold: node data of
 * the right and the wrong kind, text that is not clean UTF-8 refused,
 * numbers in range, metadata fields and lists, --meta assignments and the
 * extra front matter fields.
 */
#include "artconv.h"
#include "model_util.h"
#include "tap.h"
#include "testutil.h"

#include <stdio.h>
#include <string.h>

/* --- node data ------------------------------------------------------------ */

static void test_wrong_kind(void)
{
    artconv_node *para = artconv_node_new(ARTCONV_NODE_PARAGRAPH);
    artconv_node *text = artconv_node_new(ARTCONV_NODE_TEXT);
    artconv_node *fig = artconv_node_new(ARTCONV_NODE_FIGURE);
    artconv_node *link = artconv_node_new(ARTCONV_NODE_LINK);
    artconv_node *img = artconv_node_new(ARTCONV_NODE_IMAGE);
    artconv_node *cell = artconv_node_new(ARTCONV_NODE_TABLE_CELL);
    artconv_error err;

    is_error(artconv_node_set_literal(para, "x", &err), &err, ARTCONV_EINVALID,
             "a paragraph has no literal", "literal on a paragraph");
    is_error(artconv_node_set_info(text, "c", &err), &err, ARTCONV_EINVALID, "a text has no info",
             "info on text");
    is_error(artconv_node_set_url(text, "u", &err), &err, ARTCONV_EINVALID, "a text has no url",
             "url on text");
    is_error(artconv_node_set_title(fig, "t", &err), &err, ARTCONV_EINVALID,
             "a figure has no title", "title on a figure");
    is_error(artconv_node_set_alt(link, "a", &err), &err, ARTCONV_EINVALID, "a link has no alt",
             "alt on a link");
    is_error(artconv_node_set_credit(img, "c", &err), &err, ARTCONV_EINVALID,
             "a image has no credit", "credit on an image");
    is_error(artconv_node_set_level(para, 2, &err), &err, ARTCONV_EINVALID,
             "only a heading has a level", "level on a paragraph");
    is_error(artconv_node_set_list(para, 1, 1, 1, &err), &err, ARTCONV_EINVALID,
             "only a list has list properties", "list data on a paragraph");
    is_error(artconv_node_set_header(cell, 1, &err), &err, ARTCONV_EINVALID,
             "only a table row can be a header", "header on a cell");
    is_int(artconv_node_set_literal(NULL, "x", &err), ARTCONV_EINVALID, "literal on NULL");
    ok(artconv_node_get_literal(para) == NULL && artconv_node_get_url(text) == NULL &&
           artconv_node_get_title(fig) == NULL && artconv_node_get_credit(img) == NULL &&
           artconv_node_get_info(NULL) == NULL,
       "getters of the wrong kind return NULL");
    ok(artconv_node_get_level(para) == 0 && artconv_node_get_list_start(para) == 0 &&
           artconv_node_get_list_tight(para) == 0 && artconv_node_get_header(cell) == 0 &&
           artconv_node_get_level(NULL) == 0,
       "int getters of the wrong kind return 0");

    /* The right kinds accept and clear. */
    ok(artconv_node_set_url(img, "a.png", NULL) == 0 && artconv_node_set_alt(img, "A", NULL) == 0 &&
           artconv_node_set_title(img, "T", NULL) == 0,
       "image takes url, alt and title");
    is_str(artconv_node_get_url(img), "a.png", "image url");
    is_str(artconv_node_get_title(img), "T", "image title");
    ok(artconv_node_set_title(img, NULL, NULL) == 0 && artconv_node_get_title(img) == NULL,
       "NULL clears a field");
    ok(artconv_node_set_credit(fig, "AP", NULL) == 0, "figure takes a credit");
    is_str(artconv_node_get_credit(fig), "AP", "figure credit");
    artconv_node_free(para);
    artconv_node_free(text);
    artconv_node_free(fig);
    artconv_node_free(link);
    artconv_node_free(img);
    artconv_node_free(cell);
}

static void test_clean_text(void)
{
    static const struct {
        const char *s;
        const char *what;
    } bad[] = {
        {"caf\xC3", "a cut-off sequence"},
        {"\xC3\x28", "a bad continuation byte"},
        {"\xC0\xAF", "an overlong encoding"},
        {"\xED\xA0\x80", "a UTF-16 surrogate"},
        {"\xF4\x90\x80\x80", "past U+10FFFF"},
        {"\xFF", "a byte that never occurs"},
        {"a\x01z", "U+0001"},
        {"\x1B[31m", "ESC"},
        {"\xEF\xBF\xBE", "U+FFFE"},
        {"\xEF\xBF\xBF", "U+FFFF"},
    };
    static const char *const good[] = {
        "🚀 東京 长桥", "tab\tnewline\nreturn\r", "\xC2\x85 NEL (XML allows C1)", "é", "",
    };
    artconv_node *t = artconv_node_new(ARTCONV_NODE_TEXT);
    artconv_article *a = artconv_article_new();
    artconv_error err;
    char what[200];
    size_t i;

    artconv_node_set_literal(t, "before", NULL);
    artconv_article_set(a, ARTCONV_META_TITLE, "before", NULL);
    for (i = 0; i < COUNT(bad); i++) {
        snprintf(what, sizeof what, "literal with %s refused", bad[i].what);
        is_error(artconv_node_set_literal(t, bad[i].s, &err), &err, ARTCONV_EINVALID,
                 "the literal is not valid UTF-8 or holds a character XML forbids", what);
        snprintf(what, sizeof what, "title with %s refused", bad[i].what);
        is_int(artconv_article_set(a, ARTCONV_META_TITLE, bad[i].s, &err), ARTCONV_EINVALID, what);
        snprintf(what, sizeof what, "author with %s refused", bad[i].what);
        is_int(artconv_article_list_add(a, ARTCONV_LIST_AUTHORS, bad[i].s, &err), ARTCONV_EINVALID,
               what);
    }
    is_str(artconv_node_get_literal(t), "before", "a refused literal changes nothing");
    is_str(artconv_article_get(a, ARTCONV_META_TITLE), "before", "a refused title changes nothing");
    is_int(artconv_article_list_count(a, ARTCONV_LIST_AUTHORS), 0, "no author added");
    for (i = 0; i < COUNT(good); i++) {
        snprintf(what, sizeof what, "literal '%s' accepted", good[i]);
        is_int(artconv_node_set_literal(t, good[i], NULL), 0, what);
        is_str(artconv_node_get_literal(t), good[i], "and kept as it is");
    }
    is_int(artconv_node_set_url(artconv_article_body(a), "x", NULL), ARTCONV_EINVALID,
           "document has no url");
    check(a, "article after refusals");
    artconv_node_free(t);
    artconv_article_free(a);
}

static void test_numbers(void)
{
    artconv_node *h = artconv_node_new(ARTCONV_NODE_HEADING);
    artconv_node *l = artconv_node_new(ARTCONV_NODE_LIST);
    artconv_node *row = artconv_node_new(ARTCONV_NODE_TABLE_ROW);
    artconv_error err;

    is_int(artconv_node_get_level(h), 1, "a new heading has level 1");
    is_error(artconv_node_set_level(h, 0, &err), &err, ARTCONV_EINVALID,
             "heading level 0 is not between 1 and 6", "level 0");
    is_int(artconv_node_set_level(h, 7, NULL), ARTCONV_EINVALID, "level 7");
    is_int(artconv_node_set_level(h, -1, NULL), ARTCONV_EINVALID, "level -1");
    is_int(artconv_node_get_level(h), 1, "refused levels change nothing");
    ok(artconv_node_set_level(h, 6, NULL) == 0 && artconv_node_get_level(h) == 6, "level 6");
    ok(artconv_node_set_level(h, 1, NULL) == 0 && artconv_node_get_level(h) == 1, "level 1");

    ok(artconv_node_get_list_ordered(l) == 0 && artconv_node_get_list_start(l) == 1 &&
           artconv_node_get_list_tight(l) == 1,
       "a new list is a tight bullet list starting at 1");
    is_error(artconv_node_set_list(l, 1, -1, 0, &err), &err, ARTCONV_EINVALID,
             "list start -1 is out of range", "start -1");
    is_int(artconv_node_set_list(l, 1, 1000000000, 0, NULL), ARTCONV_EINVALID, "start 10^9");
    ok(artconv_node_get_list_ordered(l) == 0 && artconv_node_get_list_tight(l) == 1,
       "refused starts change nothing");
    ok(artconv_node_set_list(l, 1, 999999999, 0, NULL) == 0 &&
           artconv_node_get_list_start(l) == 999999999,
       "start 999999999");
    ok(artconv_node_set_list(l, 7, 0, 2, NULL) == 0 && artconv_node_get_list_start(l) == 0 &&
           artconv_node_get_list_ordered(l) == 1 && artconv_node_get_list_tight(l) == 1,
       "start 0; flags become 0 or 1");
    ok(artconv_node_get_header(row) == 0, "a new row is not a header");
    ok(artconv_node_set_header(row, 5, NULL) == 0 && artconv_node_get_header(row) == 1,
       "header flag becomes 1");
    artconv_node_free(h);
    artconv_node_free(l);
    artconv_node_free(row);
}

/* --- metadata ------------------------------------------------------------- */

static void test_meta(void)
{
    artconv_article *a = artconv_article_new();
    artconv_meta field;
    artconv_meta_list list;
    artconv_error err;
    int i, names_ok = 1;

    for (i = 0; i < ARTCONV_META_COUNT; i++) {
        const char *name = artconv_meta_name((artconv_meta)i);

        if (name == NULL || artconv_meta_from_name(&field, name) != 0 || field != (artconv_meta)i)
            names_ok = 0;
        if (artconv_article_get(a, (artconv_meta)i) != NULL)
            names_ok = 0;
    }
    ok(names_ok, "every field has a name that maps back; all unset at first");
    is_str(artconv_meta_name(ARTCONV_META_IMAGE_CAPTION), "image.caption", "dotted name");
    ok(artconv_meta_name(ARTCONV_META_COUNT) == NULL, "no name past the end");
    ok(artconv_meta_from_name(&field, "image.caption") == 0 && field == ARTCONV_META_IMAGE_CAPTION,
       "image.caption by name");
    is_int(artconv_meta_from_name(&field, "authors"), ARTCONV_EINVALID, "authors is a list");
    is_int(artconv_meta_from_name(&field, "Title"), ARTCONV_EINVALID, "names are exact");
    is_int(artconv_meta_from_name(&field, NULL), ARTCONV_EINVALID, "NULL name");
    ok(artconv_meta_list_from_name(&list, "keywords") == 0 && list == ARTCONV_LIST_KEYWORDS,
       "keywords by name");
    is_str(artconv_meta_list_name(ARTCONV_LIST_AUTHORS), "authors", "list name");
    is_int(artconv_meta_list_from_name(&list, "title"), ARTCONV_EINVALID, "title is no list");
    ok(artconv_meta_list_name(ARTCONV_LIST_COUNT) == NULL, "no list name past the end");

    ok(artconv_article_set(a, ARTCONV_META_TITLE, "Headline", NULL) == 0, "set title");
    is_str(artconv_article_get(a, ARTCONV_META_TITLE), "Headline", "get title");
    check(a, "title set");
    ok(artconv_article_set(a, ARTCONV_META_TITLE, "  \t Spaced \n ", NULL) == 0, "set padded");
    is_str(artconv_article_get(a, ARTCONV_META_TITLE), "Spaced", "white space trimmed");
    ok(artconv_article_set(a, ARTCONV_META_TITLE, "", NULL) == 0 &&
           artconv_article_get(a, ARTCONV_META_TITLE) == NULL,
       "empty clears");
    artconv_article_set(a, ARTCONV_META_TITLE, "x", NULL);
    ok(artconv_article_set(a, ARTCONV_META_TITLE, NULL, NULL) == 0 &&
           artconv_article_get(a, ARTCONV_META_TITLE) == NULL,
       "NULL clears");
    ok(artconv_article_set(a, ARTCONV_META_TITLE, "   ", NULL) == 0 &&
           artconv_article_get(a, ARTCONV_META_TITLE) == NULL,
       "white space alone clears");
    is_error(artconv_article_set(a, ARTCONV_META_COUNT, "x", &err), &err, ARTCONV_EINVALID,
             "no such metadata field", "bad field");
    ok(artconv_article_get(a, ARTCONV_META_COUNT) == NULL, "get of a bad field");
    is_int(artconv_article_set(NULL, ARTCONV_META_TITLE, "x", NULL), ARTCONV_EINVALID,
           "set on NULL article");

    ok(artconv_article_list_add(a, ARTCONV_LIST_AUTHORS, "Jane Doe", NULL) == 0, "add author");
    ok(artconv_article_list_add(a, ARTCONV_LIST_AUTHORS, "  Raj Patel ", NULL) == 0, "add padded");
    ok(artconv_article_list_add(a, ARTCONV_LIST_AUTHORS, "Jane Doe", NULL) == 0, "add again");
    ok(artconv_article_list_add(a, ARTCONV_LIST_AUTHORS, " Jane Doe", NULL) == 0, "add padded dup");
    ok(artconv_article_list_add(a, ARTCONV_LIST_AUTHORS, " ", NULL) == 0 &&
           artconv_article_list_add(a, ARTCONV_LIST_AUTHORS, NULL, NULL) == 0,
       "empty values are ignored");
    is_int(artconv_article_list_count(a, ARTCONV_LIST_AUTHORS), 2, "duplicates dropped");
    is_str(artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, 1), "Raj Patel", "trimmed value");
    ok(artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, 2) == NULL, "NULL past the end");
    for (i = 0; i < 40; i++) {
        char kw[20];

        snprintf(kw, sizeof kw, "kw%d", i);
        artconv_article_list_add(a, ARTCONV_LIST_KEYWORDS, kw, NULL);
    }
    is_int(artconv_article_list_count(a, ARTCONV_LIST_KEYWORDS), 40, "lists grow");
    is_str(artconv_article_list_get(a, ARTCONV_LIST_KEYWORDS, 39), "kw39", "last keyword");
    check(a, "lists filled");
    artconv_article_list_clear(a, ARTCONV_LIST_KEYWORDS);
    is_int(artconv_article_list_count(a, ARTCONV_LIST_KEYWORDS), 0, "cleared");
    ok(artconv_article_list_add(a, ARTCONV_LIST_KEYWORDS, "again", NULL) == 0 &&
           artconv_article_list_count(a, ARTCONV_LIST_KEYWORDS) == 1,
       "a cleared list takes values again");
    is_error(artconv_article_list_add(a, ARTCONV_LIST_COUNT, "x", &err), &err, ARTCONV_EINVALID,
             "no such metadata list", "bad list");
    is_int(artconv_article_list_count(a, ARTCONV_LIST_COUNT), 0, "count of a bad list");
    check(a, "after list changes");
    artconv_article_free(a);
}

static void test_meta_arg(void)
{
    artconv_article *a = artconv_article_new();
    artconv_error err;

    ok(artconv_article_set_meta_arg(a, "title=Bridge reopens", &err) == 0, "title=...");
    is_str(artconv_article_get(a, ARTCONV_META_TITLE), "Bridge reopens", "title set");
    ok(artconv_article_set_meta_arg(a, "title=a=b", NULL) == 0, "value with '='");
    is_str(artconv_article_get(a, ARTCONV_META_TITLE), "a=b", "split at the first '='");
    ok(artconv_article_set_meta_arg(a, "image.alt= The bridge ", NULL) == 0, "dotted key");
    is_str(artconv_article_get(a, ARTCONV_META_IMAGE_ALT), "The bridge", "dotted key trimmed");
    ok(artconv_article_set_meta_arg(a, "authors=Old", NULL) == 0, "authors=Old");
    ok(artconv_article_set_meta_arg(a, "authors=A, B,C", NULL) == 0, "authors=A, B,C");
    is_int(artconv_article_list_count(a, ARTCONV_LIST_AUTHORS), 3, "three authors, old replaced");
    is_str(artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, 0), "A", "author A");
    is_str(artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, 1), "B", "author B, trimmed");
    is_str(artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, 2), "C", "author C");
    ok(artconv_article_set_meta_arg(a, "author=X", NULL) == 0, "author=X");
    is_int(artconv_article_list_count(a, ARTCONV_LIST_AUTHORS), 1, "author replaces authors");
    is_str(artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, 0), "X", "author X");
    ok(artconv_article_set_meta_arg(a, "keywords=a,,b, a ,", NULL) == 0, "keywords with gaps");
    is_int(artconv_article_list_count(a, ARTCONV_LIST_KEYWORDS), 2, "empty and repeated dropped");
    is_error(artconv_article_set_meta_arg(a, "colour=red", &err), &err, ARTCONV_EINVALID,
             "unknown metadata key 'colour'", "unknown key");
    is_error(artconv_article_set_meta_arg(a, "title", &err), &err, ARTCONV_EINVALID,
             "metadata must be given as key=value", "missing '='");
    is_int(artconv_article_set_meta_arg(a, "=value", &err), ARTCONV_EINVALID, "empty key");
    is_int(artconv_article_set_meta_arg(a, "a-very-long-key-that-is-certainly-not-a-field=1", &err),
           ARTCONV_EINVALID, "long key");
    is_int(artconv_article_set_meta_arg(a, NULL, &err), ARTCONV_EINVALID, "NULL assignment");
    is_int(artconv_article_set_meta_arg(a, "title=\x01", &err), ARTCONV_EINVALID,
           "forbidden character in the value");
    is_str(artconv_article_get(a, ARTCONV_META_TITLE), "a=b", "title unchanged by failures");
    ok(artconv_article_set_meta_arg(a, "title=", NULL) == 0 &&
           artconv_article_get(a, ARTCONV_META_TITLE) == NULL,
       "title= clears");
    check(a, "after --meta");
    artconv_article_free(a);
}

static void test_extra(void)
{
    artconv_article *a = artconv_article_new();
    artconv_error err;

    is_int(artconv_article_extra_count(a), 0, "extra: none at first");
    is_int(artconv_article_extra_set(a, "draft", "true", &err), 0, "extra: set a boolean");
    is_int(artconv_article_extra_set(a, "tags_hugo", " [ \"a\", 1, {\"b\": null} ] ", &err), 0,
           "extra: set an array");
    is_int(artconv_article_extra_count(a), 2, "extra: two fields");
    is_str(artconv_article_extra_key(a, 1), "tags_hugo", "extra: keys keep their order");
    is_str(artconv_article_extra_get(a, "tags_hugo"), "[\"a\",1,{\"b\":null}]",
           "extra: values are kept compact");
    is_int(artconv_article_extra_set(a, "draft", "\"no\"", &err), 0, "extra: replace a value");
    is_str(artconv_article_extra_key(a, 0), "draft", "extra: a replaced key keeps its place");
    is_str(artconv_article_extra_value(a, 0), "\"no\"", "extra: the new value");
    is_int(artconv_article_extra_set(a, "title", "\"x\"", &err), ARTCONV_EINVALID,
           "extra: a canonical name is refused");
    is_int(artconv_article_extra_set(a, "bad", "{nope", &err), ARTCONV_EINVALID,
           "extra: a value that is not JSON is refused");
    ok(strstr(err.message, "not JSON") != NULL, "extra: the error says why");
    is_int(artconv_article_extra_set(a, "", "1", &err), ARTCONV_EINVALID,
           "extra: an empty key is refused");
    is_int(artconv_article_extra_set(a, "draft", NULL, &err), 0, "extra: remove a key");
    is_int(artconv_article_extra_count(a), 1, "extra: one left");
    is_str(artconv_article_extra_key(a, 0), "tags_hugo", "extra: the rest moves up");
    ok(artconv_article_extra_get(a, "draft") == NULL, "extra: the removed key is gone");
    ok(artconv_article_extra_key(a, 5) == NULL, "extra: past the end is NULL");
    is_int(artconv_article_check(a, &err), 0, "extra: the article checks");
    artconv_article_free(a);
}

static void test_concepts(void)
{
    artconv_article *a = artconv_article_new();
    artconv_concept c = {"medtop:04000000", " economy, business and finance ", NULL, "nrol:main"};
    artconv_concept got;
    artconv_concept_list list;
    artconv_error err;

    is_str(artconv_concept_list_name(ARTCONV_CONCEPT_SUBJECTS), "subjects", "concepts: name");
    is_str(artconv_concept_list_name(ARTCONV_CONCEPT_CONTRIBUTORS), "contributors",
           "concepts: contributors' name");
    ok(artconv_concept_list_name(ARTCONV_CONCEPT_COUNT) == NULL, "concepts: no name past the end");
    ok(artconv_concept_list_from_name(&list, "genres") == 0 && list == ARTCONV_CONCEPT_GENRES,
       "concepts: looked up by name");
    is_int(artconv_concept_list_from_name(&list, "genre"), ARTCONV_EINVALID,
           "concepts: an unknown name");
    is_int(artconv_article_concept_add(a, ARTCONV_CONCEPT_SUBJECTS, &c, &err), 0,
           "concepts: add a subject");
    c.code = NULL;
    c.name = "Berlin";
    c.role = NULL;
    is_int(artconv_article_concept_add(a, ARTCONV_CONCEPT_LOCATED, &c, &err), 0,
           "concepts: add a place by name only");
    c.name = "  ";
    is_int(artconv_article_concept_add(a, ARTCONV_CONCEPT_LOCATED, &c, &err), 0,
           "concepts: a value without code or name is no error");
    is_int(artconv_article_concept_count(a, ARTCONV_CONCEPT_LOCATED), 1,
           "concepts: ... and adds nothing");
    is_int(artconv_article_concept_get(&got, a, ARTCONV_CONCEPT_SUBJECTS, 0), 0,
           "concepts: get the subject");
    is_str(got.code, "medtop:04000000", "concepts: code");
    is_str(got.name, "economy, business and finance", "concepts: name trimmed");
    ok(got.scheme == NULL, "concepts: an unset scheme is NULL");
    is_str(got.role, "nrol:main", "concepts: role");
    is_int(artconv_article_concept_get(&got, a, ARTCONV_CONCEPT_SUBJECTS, 1), ARTCONV_EINVALID,
           "concepts: past the end");
    ok(got.code == NULL && got.name == NULL, "concepts: past the end clears the value");
    c.name = "bad\001text";
    is_int(artconv_article_concept_add(a, ARTCONV_CONCEPT_GENRES, &c, &err), ARTCONV_EINVALID,
           "concepts: unclean text is refused");
    is_int(artconv_article_concept_add(a, ARTCONV_CONCEPT_COUNT, &c, &err), ARTCONV_EINVALID,
           "concepts: a bad list is refused");
    is_int(artconv_article_concept_count(a, ARTCONV_CONCEPT_COUNT), 0, "concepts: bad list count");
    is_int(artconv_article_extra_set(a, "subjects", "[]", &err), ARTCONV_EINVALID,
           "concepts: a list's name is no extra key");
    is_int(artconv_article_check(a, &err), 0, "concepts: the article checks");
    artconv_article_concept_clear(a, ARTCONV_CONCEPT_SUBJECTS);
    is_int(artconv_article_concept_count(a, ARTCONV_CONCEPT_SUBJECTS), 0, "concepts: cleared");
    is_int(artconv_article_concept_count(a, ARTCONV_CONCEPT_LOCATED), 1,
           "concepts: the other lists stay");
    is_str(artconv_meta_name(ARTCONV_META_VERSIONCREATED), "versioncreated",
           "news timestamps: a name");
    is_str(artconv_meta_list_name(ARTCONV_LIST_EDNOTES), "ednotes", "edNotes: a list");
    is_int(artconv_article_set_meta_arg(a, "ednotes=Embargoed, strictly, until noon", &err), 0,
           "edNotes: --meta");
    is_int(artconv_article_list_count(a, ARTCONV_LIST_EDNOTES), 1,
           "edNotes: --meta does not split a note at its commas");
    artconv_article_free(a);
}

int main(void)
{
    test_wrong_kind();
    test_clean_text();
    test_numbers();
    test_meta();
    test_meta_arg();
    test_extra();
    test_concepts();
    return tap_done();
}
