/*
 * ninjs_write.c - tests of the ninjs writer: the kitchen sink written as
 * ninjs 3.1 and read with jansson, field by field (the schema itself is
 * checked on every sample and corpus page by ninjs_schema.py).
 */
#include "artconv.h"
#include "tap.h"
#include "testutil.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

static const char *str_at(const json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

/* The value of the item of array o[key] whose "role" is `role`. */
static const char *role_value(const json_t *o, const char *key, const char *role)
{
    const json_t *array = json_object_get(o, key), *item;
    size_t i;

    json_array_foreach(array, i, item)
    {
        const char *r = str_at(item, "role");

        if (r != NULL && strcmp(r, role) == 0)
            return str_at(item, "value");
    }
    return NULL;
}

static json_t *write_ninjs(const artconv_article *a)
{
    artconv_buf out = ARTCONV_BUF_INIT;
    json_t *root = NULL;

    if (ok(artconv_write(&out, artconv_format_by_name("ninjs"), a, NULL, NULL) == 0,
           "written as ninjs"))
        root = json_loads(out.ptr, 0, NULL);
    ok(root != NULL, "the output is JSON");
    artconv_buf_dispose(&out);
    return root;
}

static void test_kitchen_sink(void)
{
    artconv_article *a = fixture_kitchen_sink();
    json_t *n, *assoc, *subjects;
    const char *xhtml;

    artconv_article_set(a, ARTCONV_META_URGENCY, "3", NULL);
    artconv_article_set(a, ARTCONV_META_EMBARGOED, "2024-03-02T12:00:00Z", NULL);
    if ((n = write_ninjs(a)) == NULL) {
        artconv_article_free(a);
        return;
    }
    ok(strncmp(str_at(n, "uri") != NULL ? str_at(n, "uri") : "", "urn:uuid:", 9) == 0 ||
           strchr(str_at(n, "uri") != NULL ? str_at(n, "uri") : "", ':') != NULL,
       "a uri");
    is_str(str_at(n, "type"), "text", "type text");
    is_str(role_value(n, "headlines", "main"), artconv_article_get(a, ARTCONV_META_TITLE),
           "the headline");
    is_str(role_value(n, "headlines", "sub"), artconv_article_get(a, ARTCONV_META_SUBTITLE),
           "the standfirst as the sub headline");
    is_str(str_at(n, "by"), "Jane Doe and Raj Patel", "the byline");
    is_str(str_at(n, "located"), "PORTSMOUTH", "the dateline as located");
    is_str(str_at(n, "contentCreated"), "2024-03-02T09:30:00Z", "the date as contentCreated");
    is_str(str_at(n, "embargoedUntil"), "2024-03-02T12:00:00Z", "the embargo");
    is_int(json_integer_value(json_object_get(n, "urgency")), 3, "urgency as a number");
    is_str(str_at(n, "copyrightNotice"), artconv_article_get(a, ARTCONV_META_RIGHTS), "rights");
    is_str(role_value(n, "descriptions", "summary"),
           artconv_article_get(a, ARTCONV_META_DESCRIPTION), "the description as the summary");
    xhtml = role_value(n, "bodies", "main");
    ok(xhtml != NULL && strncmp(xhtml, "<div>", 5) == 0 && strstr(xhtml, "<h2>What changed</h2>") &&
           strstr(xhtml, "<h1>") == NULL,
       "the XHTML body holds the blocks, not the header");
    ok(role_value(n, "bodies", "plain") != NULL &&
           strstr(role_value(n, "bodies", "plain"), "What changed") != NULL &&
           strstr(role_value(n, "bodies", "plain"), "<h2>") == NULL,
       "the plain body is text");
    subjects = json_object_get(n, "subjects");
    ok(json_array_size(subjects) >= 2, "the keywords as subjects");
    assoc = json_array_get(json_object_get(n, "associations"), 0);
    is_str(str_at(assoc, "type"), "picture", "the lead image is an association");
    is_str(str_at(assoc, "uri"), artconv_article_get(a, ARTCONV_META_IMAGE), "with its uri");
    is_str(role_value(assoc, "descriptions", "caption"),
           artconv_article_get(a, ARTCONV_META_IMAGE_CAPTION), "and its caption");
    json_decref(n);
    artconv_article_free(a);
}

static void test_dates_and_status(void)
{
    artconv_article *a = artconv_article_new();
    json_t *n;

    artconv_article_set(a, ARTCONV_META_TITLE, "T", NULL);
    artconv_article_set(a, ARTCONV_META_DATE, "2024-09-14", NULL);
    artconv_article_set(a, ARTCONV_META_MODIFIED, "2024-09-14T10:00:00", NULL);
    artconv_article_set(a, ARTCONV_META_PUBSTATUS, "withheld", NULL);
    if ((n = write_ninjs(a)) != NULL) {
        is_str(str_at(n, "contentCreated"), "2024-09-14T00:00:00Z", "a day alone is its midnight");
        is_str(str_at(n, "versionCreated"), "2024-09-14T10:00:00Z",
               "a time without a zone is written as UTC");
        is_str(str_at(n, "pubStatus"), "withheld", "the status");
        json_decref(n);
    }
    artconv_article_free(a);
}

int main(void)
{
    const artconv_format *f = artconv_format_by_name("ninjs");

    ok(f != NULL && artconv_format_can_write(f), "ninjs is writable");
    test_kitchen_sink();
    test_dates_and_status();
    return tap_done();
}
