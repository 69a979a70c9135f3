/*
 * ninjs_read.c - tests of the ninjs reader: IPTC's 3.1 and 2.2 examples
 * (../shared, skipped by name without it), what the writer writes reads
 * back to the same item, other item types are refused, hostile items are
 * cleaned or refused.
 */
#include "artconv.h"
#include "tap.h"
#include "testutil.h"

#include <stdio.h>
#include <string.h>

static const artconv_format *ninjs(void)
{
    return artconv_format_by_name("ninjs");
}

static int read_ninjs(artconv_article **a, const char *s, size_t len, artconv_error *err)
{
    return artconv_read(a, ninjs(), s, len, NULL, err);
}

static void test_examples(void)
{
    static const char *const versions[] = {"3.1", "2.2"};
    const char *shared = test_shared_dir();
    size_t v;

    if (shared == NULL) {
        tap_skip("IPTC's ninjs examples: ../shared is absent");
        return;
    }
    for (v = 0; v < 2; v++) {
        artconv_buf in = ARTCONV_BUF_INIT;
        artconv_article *a = NULL;
        artconv_error err;
        char path[4096 + 64], what[128];

        snprintf(path, sizeof path, "%s/specs/ninjs/examples/%s/005_complex_text_article.json",
                 shared, versions[v]);
        snprintf(what, sizeof what, "ninjs %s: the complex text example reads", versions[v]);
        if (ok(test_read_file(path, &in) == 0 && read_ninjs(&a, in.ptr, in.len, &err) == 0, what)) {
            is_str(artconv_article_get(a, ARTCONV_META_TITLE),
                   "Captain of wrecked cruise ship on trial in Italy", "its headline");
            is_int(artconv_article_list_count(a, ARTCONV_LIST_AUTHORS), 2, "two authors from 'by'");
            is_str(artconv_article_get(a, ARTCONV_META_DATELINE), "Grossetto, Italy", "located");
            ok(artconv_node_first_child(artconv_article_body(a)) != NULL, "a body");
        }
        artconv_article_free(a);
        a = NULL;
        artconv_buf_clear(&in);
        snprintf(path, sizeof path, "%s/specs/ninjs/examples/%s/006_photo_only.json", shared,
                 versions[v]);
        snprintf(what, sizeof what, "ninjs %s: a picture item is refused", versions[v]);
        if (test_read_file(path, &in) == 0)
            is_int(read_ninjs(&a, in.ptr, in.len, &err), ARTCONV_EUNSUPPORTED, what);
        artconv_article_free(a);
        artconv_buf_dispose(&in);
    }
}

/* The sample page as ninjs reads back into the same ninjs. */
static void test_round_trip(void)
{
    char path[4096];
    artconv_article *a = NULL, *b = NULL;
    artconv_buf first = ARTCONV_BUF_INIT, second = ARTCONV_BUF_INIT;

    snprintf(path, sizeof path, "%s/../samples/news-page.html", test_dir());
    if (ok(artconv_read_file(&a, NULL, path, NULL, NULL) == 0 &&
               artconv_write(&first, ninjs(), a, NULL, NULL) == 0 &&
               read_ninjs(&b, first.ptr, first.len, NULL) == 0 &&
               artconv_write(&second, ninjs(), b, NULL, NULL) == 0,
           "the sample page to ninjs and back"))
        ok(first.len == second.len && memcmp(first.ptr, second.ptr, first.len) == 0,
           "ninjs -> ninjs gives the same item");
    ok(b != NULL && artconv_article_list_count(b, ARTCONV_LIST_KEYWORDS) ==
                        artconv_article_list_count(a, ARTCONV_LIST_KEYWORDS),
       "keywords come back as keywords");
    artconv_article_free(a);
    artconv_article_free(b);
    artconv_buf_dispose(&first);
    artconv_buf_dispose(&second);
}

static void test_hostile(void)
{
    static const char item[] =
        "{\"uri\": \"urn:x\", \"type\": \"text\", \"headlines\": [{\"value\": \"T\"}],"
        " \"bodies\": [{\"contentType\": \"application/xhtml+xml\", \"value\": "
        "\"<p onclick='x()'>Hi <a "
        "href='javascript:alert(1)'>there</a><script>alert(2)</script></p>\"}],"
        " \"associations\": [{\"name\": \"p\", \"uri\": \"javascript:alert(3)\", \"type\": "
        "\"picture\"}]}";
    artconv_article *a = NULL;
    artconv_buf html = ARTCONV_BUF_INIT, dense = ARTCONV_BUF_INIT;
    artconv_error err;
    size_t i;

    if (ok(read_ninjs(&a, item, sizeof item - 1, &err) == 0, "a hostile item reads") &&
        ok(artconv_write(&html, artconv_format_by_name("html"), a, NULL, NULL) == 0, "as HTML")) {
        ok(strstr(html.ptr, "javascript:") == NULL && strstr(html.ptr, "<script") == NULL &&
               strstr(html.ptr, "onclick") == NULL,
           "no script, handler or javascript: URL survives");
        ok(strstr(html.ptr, "there") != NULL, "the text stays");
    }
    artconv_article_free(a);
    a = NULL;
    artconv_buf_puts(&dense, "{\"subjects\": [");
    for (i = 0; i < 200000; i++)
        artconv_buf_puts(&dense, i ? ",{}" : "{}");
    artconv_buf_puts(&dense, "]}");
    is_int(read_ninjs(&a, dense.ptr, dense.len, &err), ARTCONV_ELIMIT,
           "an item dense with tiny values is refused before it is parsed");
    is_int(read_ninjs(&a, "{\"uri\": ", 8, &err), ARTCONV_EPARSE, "broken JSON is a parse error");
    artconv_buf_dispose(&html);
    artconv_buf_dispose(&dense);
}

int main(void)
{
    ok(ninjs() != NULL && artconv_format_can_read(ninjs()), "ninjs is readable");
    test_examples();
    test_round_trip();
    test_hostile();
    return tap_done();
}
