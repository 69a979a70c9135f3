/*
 * text_write.c - the plain-text writer: golden output of the kitchen-sink
 * article, display widths with CJK and combining marks, round trips
 * through the reader, and golden text -> text cases.
 */
#include "artconv.h"
#include "tap.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const artconv_format *text_format;

static int write_text(artconv_buf *out, const artconv_article *a, int width)
{
    artconv_write_options opts;
    artconv_write_options_init(&opts);
    artconv_error err;
    int rc;

    opts.width = width;
    rc = artconv_write(out, text_format, a, &opts, &err);
    if (rc < 0)
        printf("# write failed: %s\n", err.message);
    return rc;
}

/* Display width for the scripts these tests use: CJK ideographs and
 * punctuation take 2 columns, combining diacritics 0, the rest 1. */
static size_t width_of(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, w = 0;

    while (i < len) {
        unsigned cp;
        size_t n;

        if (p[i] < 0x80) {
            cp = p[i];
            n = 1;
        } else if ((p[i] & 0xE0) == 0xC0 && i + 1 < len) {
            cp = ((p[i] & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu);
            n = 2;
        } else if ((p[i] & 0xF0) == 0xE0 && i + 2 < len) {
            cp = ((p[i] & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu);
            n = 3;
        } else {
            cp = 0x10000;
            n = 4;
        }
        if (cp >= 0x300 && cp <= 0x36F)
            ;
        else if ((cp >= 0x3000 && cp <= 0x303F) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
                 (cp >= 0xFF00 && cp <= 0xFF60))
            w += 2;
        else
            w++;
        i += n;
    }
    return w;
}

/* Every line fits in `width` unless it holds one unbreakable word. */
static int lines_fit(const char *text, int width, const char **bad, size_t *bad_len)
{
    const char *line = text, *end;

    for (; *line != '\0'; line = end + 1) {
        size_t n;

        end = strchr(line, '\n');
        if (end == NULL)
            end = line + strlen(line);
        n = (size_t)(end - line);
        if (width_of(line, n) > (size_t)width && memchr(line, ' ', n) != NULL) {
            *bad = line;
            *bad_len = n;
            return 0;
        }
        if (*end == '\0')
            break;
    }
    return 1;
}

static artconv_article *article_with(const char *paragraph)
{
    artconv_article *a = artconv_article_new();
    artconv_node *p = artconv_node_new(ARTCONV_NODE_PARAGRAPH);
    artconv_node *t = artconv_node_new(ARTCONV_NODE_TEXT);

    artconv_node_set_literal(t, paragraph, NULL);
    artconv_node_append(p, t, NULL);
    artconv_node_append(artconv_article_body(a), p, NULL);
    return a;
}

static void test_widths(void)
{
    static const char *const texts[] = {
        /* Chinese without spaces: breaks fall between ideographs. */
        "\xE9\x95\xBF\xE6\xA1\xA5\xE9\x87\x8D\xE6\x96\xB0\xE5\xBC\x80\xE6\x94\xBE\xEF\xBC\x8C"
        "\xE4\xBA\xA4\xE9\x80\x9A\xE6\x81\xA2\xE5\xA4\x8D\xE6\xAD\xA3\xE5\xB8\xB8\xE3\x80\x82"
        "\xE9\x95\xBF\xE6\xA1\xA5\xE9\x87\x8D\xE6\x96\xB0\xE5\xBC\x80\xE6\x94\xBE\xEF\xBC\x8C"
        "\xE4\xBA\xA4\xE9\x80\x9A\xE6\x81\xA2\xE5\xA4\x8D\xE6\xAD\xA3\xE5\xB8\xB8\xE3\x80\x82"
        "\xE9\x95\xBF\xE6\xA1\xA5\xE9\x87\x8D\xE6\x96\xB0\xE5\xBC\x80\xE6\x94\xBE\xEF\xBC\x8C"
        "\xE4\xBA\xA4\xE9\x80\x9A\xE6\x81\xA2\xE5\xA4\x8D\xE6\xAD\xA3\xE5\xB8\xB8\xE3\x80\x82",
        /* Combining accents take no room: 'e' + U+0301 is one column. */
        "Cafe\xCC"
        "\x81"
        " re\xCC"
        "\x81"
        "sume\xCC"
        "\x81"
        " nai\xCC"
        "\x88"
        "ve cre\xCC"
        ""
        "\x80"
        "me bru\xCC"
        "\x82"
        "le\xCC"
        "\x81"
        "e e\xCC"
        "\x81"
        "le\xCC"
        "\x80"
        ""
        "ve ope\xCC"
        "\x81"
        "ra fac\xCC"
        "\xA7"
        "ade a\xCC"
        "\x80"
        " la carte de\xCC"
        ""
        "\x81"
        "ja\xCC"
        "\x80"
        " vu pie\xCC"
        "\x80"
        "ce de re\xCC"
        "\x81"
        "sistance",
        /* Mixed, with a long unbreakable word. */
        "The mayor said \xE9\x95\xBF\xE6\xA1\xA5\xE9\x87\x8D\xE6\x96\xB0\xE5\xBC\x80\xE6\x94\xBE "
        "and then https://example.org/a/very/long/path/that/cannot/be/broken/anywhere/at/all "
        "before the ceremony ended with fireworks over the harbour.",
    };
    static const int widths[] = {72, 40, 20, 13};
    size_t t, k;

    for (t = 0; t < sizeof texts / sizeof texts[0]; t++) {
        artconv_article *a = article_with(texts[t]);

        for (k = 0; k < sizeof widths / sizeof widths[0]; k++) {
            artconv_buf out = ARTCONV_BUF_INIT;
            const char *bad = NULL;
            size_t bad_len = 0;
            char what[80];

            snprintf(what, sizeof what, "width: text %zu fits in %d columns", t, widths[k]);
            if (write_text(&out, a, widths[k]) < 0 || out.ptr == NULL) {
                ok(0, what);
                continue;
            }
            if (!ok(lines_fit(out.ptr, widths[k], &bad, &bad_len), what))
                printf("#   line: %.*s\n", (int)bad_len, bad);
            /* Lines are used well: no line could have taken the next
             * line's first character (checked for the CJK text only). */
            if (t == 0) {
                const char *nl = strchr(out.ptr, '\n');

                ok(nl == NULL || nl[1] == '\0' ||
                       width_of(out.ptr, (size_t)(nl - out.ptr)) + 4 > (size_t)widths[k],
                   "width: CJK first line is full");
            }
            artconv_buf_dispose(&out);
        }
        artconv_article_free(a);
    }
}

/* write(read(write(a))) == write(a) */
static void round_trip(const artconv_article *a, int width, const char *name)
{
    artconv_buf first = ARTCONV_BUF_INIT, second = ARTCONV_BUF_INIT;
    artconv_article *back = NULL;
    artconv_error err;
    char what[200];

    snprintf(what, sizeof what, "round trip: %s at width %d", name, width);
    if (write_text(&first, a, width) < 0 ||
        artconv_read(&back, text_format, first.ptr, first.len, NULL, &err) < 0 ||
        write_text(&second, back, width) < 0) {
        ok(0, what);
    } else if (!ok(first.len == second.len && memcmp(first.ptr, second.ptr, first.len) == 0,
                   what)) {
        size_t i = 0;

        while (i < first.len && i < second.len && first.ptr[i] == second.ptr[i])
            i++;
        printf("#   differs at byte %zu: '%.40s' vs '%.40s'\n", i, first.ptr + i, second.ptr + i);
    }
    artconv_article_free(back);
    artconv_buf_dispose(&first);
    artconv_buf_dispose(&second);
}

static void round_trip_file(const char *path, const char *name)
{
    static const int widths[] = {72, 40, 0};
    artconv_buf in = ARTCONV_BUF_INIT;
    artconv_article *a = NULL;
    artconv_error err;
    size_t k;

    if (test_read_file(path, &in) < 0 ||
        artconv_read(&a, text_format, in.ptr, in.len, NULL, &err) < 0) {
        ok(0, name);
        printf("#   cannot read %s\n", path);
    } else {
        for (k = 0; k < sizeof widths / sizeof widths[0]; k++)
            round_trip(a, widths[k], name);
    }
    artconv_article_free(a);
    artconv_buf_dispose(&in);
}

static void test_round_trips(void)
{
    static const char *const samples[] = {"harbour-bridge.txt", "wire-dateline.txt",
                                          "council-budget.txt"};
    artconv_article *ks = fixture_kitchen_sink();
    const char *shared = test_shared_dir();
    char path[4096];
    size_t i;

    ok(ks != NULL, "kitchen sink built");
    round_trip(ks, 72, "kitchen sink");
    round_trip(ks, 40, "kitchen sink");
    round_trip(ks, 0, "kitchen sink");
    round_trip(ks, 25, "kitchen sink");
    artconv_article_free(ks);
    for (i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        snprintf(path, sizeof path, "%s/../samples/%s", test_dir(), samples[i]);
        round_trip_file(path, samples[i]);
    }
    if (shared == NULL) {
        tap_skip("seed round trip: ../shared is absent");
        return;
    }
    snprintf(path, sizeof path, "%s/seeds/000_6d432a8c91e0e6c5.txt", shared);
    round_trip_file(path, "seed");
}

static void test_golden(void)
{
    static const int widths[] = {72, 40, 0};
    artconv_article *ks = fixture_kitchen_sink();
    size_t k;
    int n;

    for (k = 0; k < sizeof widths / sizeof widths[0]; k++) {
        artconv_buf out = ARTCONV_BUF_INIT;
        char path[4096], what[64];

        snprintf(path, sizeof path, "%s/golden/text_write/kitchen-sink-%d.txt", test_dir(),
                 widths[k]);
        snprintf(what, sizeof what, "golden: kitchen sink at width %d", widths[k]);
        if (write_text(&out, ks, widths[k]) == 0)
            golden_check(path, out.ptr, out.len, what);
        else
            ok(0, what);
        artconv_buf_dispose(&out);
    }
    artconv_article_free(ks);
    n = golden_run("text-text", ".in.txt", text_format, ".out.txt", text_format, NULL, NULL);
    ok(n >= 3, "golden text -> text: cases found");
}

static void test_layout(void)
{
    artconv_article *a = artconv_article_new();
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_node *p = artconv_node_new(ARTCONV_NODE_PARAGRAPH), *t;

    artconv_article_set(a, ARTCONV_META_TITLE, "\xE9\x95\xBF\xE6\xA1\xA5 opens", NULL);
    artconv_article_set(a, ARTCONV_META_DATELINE, "Portsmouth", NULL);
    artconv_article_set(a, ARTCONV_META_CREDIT, "Reuters", NULL);
    artconv_article_list_add(a, ARTCONV_LIST_AUTHORS, "A One", NULL);
    artconv_article_list_add(a, ARTCONV_LIST_AUTHORS, "B Two", NULL);
    artconv_article_list_add(a, ARTCONV_LIST_AUTHORS, "C Three", NULL);
    t = artconv_node_new(ARTCONV_NODE_TEXT);
    artconv_node_set_literal(t, "Text.", NULL);
    artconv_node_append(p, t, NULL);
    artconv_node_append(artconv_article_body(a), p, NULL);
    if (write_text(&out, a, 72) == 0)
        is_str(out.ptr,
               "\xE9\x95\xBF\xE6\xA1\xA5 opens\n==========\n\nBy A One, B Two and C Three\n\n"
               "Portsmouth \xE2\x80\x94 Text.\n\n(Reuters)\n",
               "layout: underline by display width, byline, dateline as written, credit");
    else
        ok(0, "layout");
    artconv_buf_dispose(&out);
    artconv_article_free(a);
}

/* A table of one header row and two rows, the last cell long. */
static artconv_article *wide_table(int in_quote)
{
    static const char *const cells[3][3] = {
        {"Route", "Minutes", "Notes"},
        {"Bridge", "4", "The quickest way across when the bridge is open, which it is again from "
                        "Saturday morning, the council said"},
        {"Ferry", "25", "Runs every half hour"}};
    artconv_article *a = artconv_article_new();
    artconv_node *parent = artconv_article_body(a), *table, *row, *cell, *text;
    int r, c;

    if (in_quote) {
        artconv_node *q = artconv_node_new(ARTCONV_NODE_BLOCKQUOTE);

        artconv_node_append(parent, q, NULL);
        parent = q;
    }
    table = artconv_node_new(ARTCONV_NODE_TABLE);
    artconv_node_append(parent, table, NULL);
    for (r = 0; r < 3; r++) {
        row = artconv_node_new(ARTCONV_NODE_TABLE_ROW);
        artconv_node_set_header(row, r == 0, NULL);
        artconv_node_append(table, row, NULL);
        for (c = 0; c < 3; c++) {
            cell = artconv_node_new(ARTCONV_NODE_TABLE_CELL);
            artconv_node_append(row, cell, NULL);
            text = artconv_node_new(ARTCONV_NODE_TEXT);
            artconv_node_set_literal(text, cells[r][c], NULL);
            artconv_node_append(cell, text, NULL);
        }
    }
    return a;
}

/* A table wider than the output wraps its cells in their columns, fits,
 * and reads back as the same table (issue 16). */
static void test_table_width(void)
{
    static const int widths[] = {40, 50, 72};
    size_t k;
    int q;

    for (q = 0; q < 2; q++) {
        artconv_article *a = wide_table(q);

        for (k = 0; k < sizeof widths / sizeof widths[0]; k++) {
            artconv_buf out = ARTCONV_BUF_INIT, json1 = ARTCONV_BUF_INIT,
                        json2 = ARTCONV_BUF_INIT;
            artconv_article *back = NULL;
            const char *bad = NULL;
            size_t bad_len = 0;
            char what[120];

            snprintf(what, sizeof what, "table%s at width %d: every line fits",
                     q ? " in a quote" : "", widths[k]);
            if (write_text(&out, a, widths[k]) < 0 || out.ptr == NULL) {
                ok(0, what);
                continue;
            }
            if (!ok(lines_fit(out.ptr, widths[k], &bad, &bad_len), what))
                printf("#   line: %.*s\n", (int)bad_len, bad);
            snprintf(what, sizeof what, "table%s at width %d: reads back as the same table",
                     q ? " in a quote" : "", widths[k]);
            ok(artconv_read(&back, text_format, out.ptr, out.len, NULL, NULL) == 0 &&
                   artconv_write(&json1, artconv_format_by_name("json"), a, NULL, NULL) == 0 &&
                   artconv_write(&json2, artconv_format_by_name("json"), back, NULL, NULL) == 0 &&
                   strcmp(json1.ptr, json2.ptr) == 0,
               what);
            round_trip(a, widths[k], q ? "wide table in a quote" : "wide table");
            artconv_article_free(back);
            artconv_buf_dispose(&out);
            artconv_buf_dispose(&json1);
            artconv_buf_dispose(&json2);
        }
        artconv_article_free(a);
    }
}

int main(void)
{
    text_format = artconv_format_by_name("text");
    test_layout();
    test_widths();
    test_round_trips();
    test_golden();
    test_table_width();
    return tap_done();
}
