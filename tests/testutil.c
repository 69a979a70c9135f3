/*
 * testutil.c - shared test helpers (see testutil.h).
 */
#define _DEFAULT_SOURCE
#include "testutil.h"
#include "tap.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

tap_state tap_ = {0, 0};

const char *test_dir(void)
{
    const char *dir = getenv("ARTCONV_TEST_DIR");

    return dir != NULL ? dir : "tests";
}

const char *test_shared_dir(void)
{
    const char *dir = getenv("ARTCONV_SHARED_DIR");
    struct stat st;

    if (dir == NULL || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return NULL;
    return dir;
}

int test_read_file(const char *path, artconv_buf *out)
{
    char chunk[65536];
    FILE *fp = fopen(path, "rb");
    size_t n;

    if (fp == NULL)
        return -1;
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
        if (artconv_buf_put(out, chunk, n) < 0) {
            fclose(fp);
            errno = ENOMEM;
            return -1;
        }
    }
    if (out->ptr == NULL)
        artconv_buf_put(out, "", 0);
    n = (size_t)ferror(fp);
    fclose(fp);
    return n ? -1 : 0;
}

static void show_difference(const char *want, size_t want_len, const char *got, size_t got_len)
{
    size_t i = 0, line = 1, start = 0;
    int w, g;

    while (i < want_len && i < got_len && want[i] == got[i]) {
        if (want[i] == '\n') {
            line++;
            start = i + 1;
        }
        i++;
    }
    w = 0;
    while (start + (size_t)w < want_len && want[start + (size_t)w] != '\n' && w < 200)
        w++;
    g = 0;
    while (start + (size_t)g < got_len && got[start + (size_t)g] != '\n' && g < 200)
        g++;
    printf("#   first difference on line %zu\n#   expected: %.*s\n#   got:      %.*s\n", line, w,
           want + start, g, got + start);
}

int golden_check(const char *expected_path, const char *actual, size_t len, const char *what)
{
    artconv_buf want = ARTCONV_BUF_INIT;
    const char *update = getenv("ARTCONV_UPDATE_GOLDEN");
    int same;

    if (update != NULL && strcmp(update, "1") == 0) {
        FILE *fp = fopen(expected_path, "wb");

        same = fp != NULL && fwrite(actual, 1, len, fp) == len;
        if (fp != NULL && fclose(fp) != 0)
            same = 0;
        return ok(same, what);
    }
    if (test_read_file(expected_path, &want) < 0) {
        ok(0, what);
        printf("#   cannot read %s (set ARTCONV_UPDATE_GOLDEN=1 to create it)\n", expected_path);
        return 0;
    }
    same = want.len == len && memcmp(want.ptr, actual, len) == 0;
    if (!ok(same, what))
        show_difference(want.ptr, want.len, actual, len);
    artconv_buf_dispose(&want);
    return same;
}

static int has_suffix(const char *name, const char *suffix)
{
    size_t n = strlen(name), s = strlen(suffix);

    return n > s && strcmp(name + n - s, suffix) == 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int golden_run(const char *dir, const char *in_suffix, const artconv_format *from,
               const char *out_suffix, const artconv_format *to, const artconv_read_options *ropts,
               const artconv_write_options *wopts)
{
    char path[4096], expected[4096], what[600];
    char **names = NULL;
    size_t count = 0, cap = 0, i;
    struct dirent *entry;
    DIR *d;

    snprintf(path, sizeof path, "%s/golden/%s", test_dir(), dir);
    d = opendir(path);
    if (d == NULL) {
        ok(0, "golden folder exists");
        printf("#   cannot open %s\n", path);
        return 0;
    }
    while ((entry = readdir(d)) != NULL) {
        if (!has_suffix(entry->d_name, in_suffix))
            continue;
        if (count == cap) {
            cap = cap ? cap * 2 : 16;
            names = realloc(names, cap * sizeof *names);
        }
        names[count++] = strdup(entry->d_name);
    }
    closedir(d);
    if (count > 1)
        qsort(names, count, sizeof *names, by_name);
    for (i = 0; i < count; i++) {
        artconv_buf in = ARTCONV_BUF_INIT, out = ARTCONV_BUF_INIT;
        artconv_read_options ro;
        artconv_read_options_init(&ro);
        artconv_article *article = NULL;
        artconv_error err;
        size_t stem = strlen(names[i]) - strlen(in_suffix);
        int rc;

        if (ropts != NULL)
            ro = *ropts;
        snprintf(path, sizeof path, "%s/golden/%s/%s", test_dir(), dir, names[i]);
        snprintf(expected, sizeof expected, "%s/golden/%s/%.*s%s", test_dir(), dir, (int)stem,
                 names[i], out_suffix);
        snprintf(what, sizeof what, "%s: %s", dir, names[i]);
        ro.filename = names[i];
        if (test_read_file(path, &in) < 0) {
            ok(0, what);
            continue;
        }
        rc = artconv_read(&article, from, in.ptr, in.len, &ro, &err);
        if (rc == 0)
            rc = artconv_write(&out, to, article, wopts, &err);
        if (rc != 0) {
            ok(0, what);
            printf("#   %s\n", err.message);
        } else {
            golden_check(expected, out.ptr == NULL ? "" : out.ptr, out.len, what);
        }
        artconv_article_free(article);
        artconv_buf_dispose(&in);
        artconv_buf_dispose(&out);
        free(names[i]);
    }
    free(names);
    return (int)count;
}

/* --- the kitchen-sink article ------------------------------------------- */

typedef struct {
    artconv_error err;
    int failed;
} builder;

static artconv_node *add(builder *b, artconv_node *parent, artconv_node_kind kind)
{
    artconv_node *node = artconv_node_new(kind);

    if (node == NULL || artconv_node_append(parent, node, &b->err) < 0) {
        artconv_node_free(node);
        b->failed = 1;
        return NULL;
    }
    return node;
}

static artconv_node *text(builder *b, artconv_node *parent, const char *s)
{
    artconv_node *node = add(b, parent, ARTCONV_NODE_TEXT);

    if (node != NULL && artconv_node_set_literal(node, s, &b->err) < 0)
        b->failed = 1;
    return node;
}

static artconv_node *wrap(builder *b, artconv_node *parent, artconv_node_kind kind, const char *s)
{
    artconv_node *node = add(b, parent, kind);

    if (node != NULL)
        text(b, node, s);
    return node;
}

static void meta(builder *b, artconv_article *a, artconv_meta field, const char *value)
{
    if (artconv_article_set(a, field, value, &b->err) < 0)
        b->failed = 1;
}

artconv_article *fixture_kitchen_sink(void)
{
    builder b;
    artconv_article *a = artconv_article_new();
    artconv_node *body, *p, *n, *list, *item, *row, *fig, *quote;

    memset(&b, 0, sizeof b);
    if (a == NULL)
        return NULL;
    meta(&b, a, ARTCONV_META_TITLE, "Harbour \"bridge\" <reopens> & traffic returns");
    meta(&b, a, ARTCONV_META_SUBTITLE, "The crossing was shut for 18 months of repairs");
    meta(&b, a, ARTCONV_META_DATE, "2024-03-02T09:30:00Z");
    meta(&b, a, ARTCONV_META_MODIFIED, "2024-03-02T11:00:00Z");
    meta(&b, a, ARTCONV_META_DATELINE, "PORTSMOUTH");
    meta(&b, a, ARTCONV_META_LANGUAGE, "en-GB");
    meta(&b, a, ARTCONV_META_PUBLISHER, "The Harbour Gazette");
    meta(&b, a, ARTCONV_META_SECTION, "Local");
    meta(&b, a, ARTCONV_META_DESCRIPTION, "The harbour bridge reopened on Saturday.");
    meta(&b, a, ARTCONV_META_CREDIT, "With agency inputs");
    meta(&b, a, ARTCONV_META_RIGHTS, "© 2024 The Harbour Gazette");
    meta(&b, a, ARTCONV_META_SOURCE, "https://gazette.example/2024/03/bridge");
    meta(&b, a, ARTCONV_META_ID, "gazette-2024-0302-bridge");
    meta(&b, a, ARTCONV_META_IMAGE, "images/bridge.jpg");
    meta(&b, a, ARTCONV_META_IMAGE_ALT, "The bridge at dawn");
    meta(&b, a, ARTCONV_META_IMAGE_CAPTION, "The bridge on its first morning back");
    meta(&b, a, ARTCONV_META_IMAGE_CREDIT, "Jane Doe/Gazette");
    if (artconv_article_list_add(a, ARTCONV_LIST_AUTHORS, "Jane Doe", &b.err) < 0 ||
        artconv_article_list_add(a, ARTCONV_LIST_AUTHORS, "Raj Patel", &b.err) < 0 ||
        artconv_article_list_add(a, ARTCONV_LIST_KEYWORDS, "transport", &b.err) < 0 ||
        artconv_article_list_add(a, ARTCONV_LIST_KEYWORDS, "infrastructure", &b.err) < 0)
        b.failed = 1;

    body = artconv_article_body(a);
    p = add(&b, body, ARTCONV_NODE_PARAGRAPH);
    text(&b, p, "Traffic crossed the harbour bridge on Saturday for the first time since ");
    wrap(&b, p, ARTCONV_NODE_EMPH, "September 2022");
    text(&b, p, ", after ");
    wrap(&b, p, ARTCONV_NODE_STRONG, "£40 million");
    text(&b, p, " of repairs. The council's ");
    n = wrap(&b, p, ARTCONV_NODE_LINK, "announcement");
    artconv_node_set_url(n, "https://council.example/news?id=1&lang=en", &b.err);
    artconv_node_set_title(n, "Council news", &b.err);
    text(&b, p, " came at 6am, and the first bus carried 1 * 2 _ 3 [4] <5> # passengers.");

    n = add(&b, body, ARTCONV_NODE_HEADING);
    artconv_node_set_level(n, 2, &b.err);
    text(&b, n, "What changed");

    p = add(&b, body, ARTCONV_NODE_PARAGRAPH);
    text(&b, p, "Engineers replaced the deck, a span of 10");
    wrap(&b, p, ARTCONV_NODE_SUPERSCRIPT, "2");
    text(&b, p, " metres, and tested CO");
    wrap(&b, p, ARTCONV_NODE_SUBSCRIPT, "2");
    text(&b, p, " levels with ");
    n = add(&b, p, ARTCONV_NODE_CODE);
    artconv_node_set_literal(n, "sensor --all", &b.err);
    text(&b, p, ".");
    add(&b, p, ARTCONV_NODE_LINEBREAK);
    text(&b, p, "Work went on at night.");
    add(&b, p, ARTCONV_NODE_SOFTBREAK);
    text(&b, p, "长桥重新开放，交通恢复正常。");

    fig = add(&b, body, ARTCONV_NODE_FIGURE);
    artconv_node_set_url(fig, "images/deck.jpg", &b.err);
    artconv_node_set_alt(fig, "Workers on the new deck", &b.err);
    artconv_node_set_credit(fig, "Raj Patel/Gazette", &b.err);
    n = add(&b, fig, ARTCONV_NODE_CAPTION);
    text(&b, n, "Workers lay the new deck in ");
    wrap(&b, n, ARTCONV_NODE_EMPH, "January");

    list = add(&b, body, ARTCONV_NODE_LIST);
    item = add(&b, list, ARTCONV_NODE_ITEM);
    wrap(&b, item, ARTCONV_NODE_PARAGRAPH, "Buses run every 10 minutes.");
    item = add(&b, list, ARTCONV_NODE_ITEM);
    wrap(&b, item, ARTCONV_NODE_PARAGRAPH, "Cyclists have a new lane:");
    n = add(&b, item, ARTCONV_NODE_LIST);
    artconv_node_set_list(n, 1, 3, 1, &b.err);
    wrap(&b, add(&b, n, ARTCONV_NODE_ITEM), ARTCONV_NODE_PARAGRAPH, "northbound");
    wrap(&b, add(&b, n, ARTCONV_NODE_ITEM), ARTCONV_NODE_PARAGRAPH, "southbound");

    quote = add(&b, body, ARTCONV_NODE_BLOCKQUOTE);
    wrap(&b, quote, ARTCONV_NODE_PARAGRAPH, "It is good to have our bridge back.");
    wrap(&b, quote, ARTCONV_NODE_ATTRIBUTION, "Mayor Ann Lee");

    n = add(&b, body, ARTCONV_NODE_CODE_BLOCK);
    artconv_node_set_info(n, "text", &b.err);
    artconv_node_set_literal(n, "closed: 2022-09-01\nopened: 2024-03-02\n", &b.err);

    add(&b, body, ARTCONV_NODE_THEMATIC_BREAK);

    n = add(&b, body, ARTCONV_NODE_TABLE);
    row = add(&b, n, ARTCONV_NODE_TABLE_ROW);
    artconv_node_set_header(row, 1, &b.err);
    wrap(&b, row, ARTCONV_NODE_TABLE_CELL, "Route");
    wrap(&b, row, ARTCONV_NODE_TABLE_CELL, "Minutes");
    row = add(&b, n, ARTCONV_NODE_TABLE_ROW);
    wrap(&b, row, ARTCONV_NODE_TABLE_CELL, "Bridge");
    wrap(&b, row, ARTCONV_NODE_TABLE_CELL, "4");
    row = add(&b, n, ARTCONV_NODE_TABLE_ROW);
    wrap(&b, row, ARTCONV_NODE_TABLE_CELL, "Ferry");
    wrap(&b, row, ARTCONV_NODE_TABLE_CELL, "25");

    p = add(&b, body, ARTCONV_NODE_PARAGRAPH);
    text(&b, p, "See the map: ");
    n = add(&b, p, ARTCONV_NODE_IMAGE);
    artconv_node_set_url(n, "images/map.png", &b.err);
    artconv_node_set_alt(n, "Map of the new routes", &b.err);

    if (b.failed || b.err.code != 0) {
        printf("# fixture: %s\n", b.err.message);
        artconv_article_free(a);
        return NULL;
    }
    return a;
}

size_t test_count_nodes(const artconv_article *a)
{
    artconv_iter *it;
    artconv_event ev;
    size_t n = 0;

    it = artconv_iter_new(artconv_article_body(a));
    while ((ev = artconv_iter_next(it)) != ARTCONV_EVENT_DONE)
        if (ev == ARTCONV_EVENT_ENTER)
            n++;
    artconv_iter_free(it);
    return n;
}
