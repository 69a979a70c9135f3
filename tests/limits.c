/*
 * limits.c - every limit in docs/limits.md fires where the document says,
 * with ARTCONV_ELIMIT (or a warning) and a message naming it, while input
 * just inside it passes: input size (buffer, file, CLI), nesting depth for
 * every reader and every writer, node count, EPUB images (count, size,
 * total) and EPUB decompression (per entry, in all).
 *
 * One job over 600 lines: it walks the table of docs/limits.md, a case
 * or two a row, so a new limit gets its test next to the others.
 */
#define _GNU_SOURCE
#include "tap.h"
#include "testutil.h"
#include "testzip.h"
#include "internal.h"
#include "epub.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define DEEP 100000

static char tmpdir[] = "/tmp/artconv-limits-XXXXXX";

/* Counts warnings by code and keeps the last message. */
typedef struct {
    int limit, other;
    char last[256];
} warnings;

static void on_warning(const artconv_error *w, void *payload)
{
    warnings *ws = payload;

    if (w->code == ARTCONV_ELIMIT) {
        ws->limit++;
        snprintf(ws->last, sizeof ws->last, "%s", w->message);
    } else {
        ws->other++;
    }
}

/* Nodes below the root. */
static size_t count_nodes(const artconv_article *a)
{
    return test_count_nodes(a) - 1;
}

static int contains(const char *hay, const char *needle)
{
    return hay != NULL && strstr(hay, needle) != NULL;
}

static void put_file(const char *name, const void *data, size_t len)
{
    char path[4096];
    FILE *fp;

    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    fp = fopen(path, "wb");
    if (fp != NULL) {
        fwrite(data, 1, len, fp);
        fclose(fp);
    }
}

/* --- input size -------------------------------------------------------------- */

static void test_input_size(void)
{
    static const char text[] = "Headline\n\nA paragraph of forty bytes or so.\n";
    size_t len = strlen(text), i, limit = ARTCONV_DEFAULT_MAX_INPUT;
    artconv_read_options ro;
    artconv_read_options_init(&ro);
    artconv_article *a = NULL;
    artconv_error err;
    char path[4096], msg[128];
    void *huge;
    int fd, rc;

    /* The check is central, before any reader runs: the same for all. */
    for (i = 0; i < artconv_format_count(); i++) {
        const artconv_format *f = artconv_format_at(i);
        char what[128];

        if (!artconv_format_can_read(f))
            continue;
        ro.max_input = len - 1;
        a = (artconv_article *)1;
        rc = artconv_read(&a, f, text, len, &ro, &err);
        snprintf(what, sizeof what, "%s: one byte over --max-input is ELIMIT, no article",
                 artconv_format_name(f));
        ok(rc == ARTCONV_ELIMIT && a == NULL, what);
        snprintf(msg, sizeof msg, "input of %zu bytes exceeds the limit of %zu bytes", len,
                 len - 1);
        is_str(err.message, msg, "and the message gives both sizes");
    }
    ro.max_input = len;
    rc = artconv_read(&a, artconv_format_by_name("text"), text, len, &ro, &err);
    ok(rc == 0 && a != NULL, "exactly at --max-input is read");
    artconv_article_free(a);

    /* The default (max_input 0): a mapping one byte past 256 MiB that is
     * never touched, so it costs no memory. */
    huge = mmap(NULL, limit + 1, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (huge == MAP_FAILED) {
        ok(0, "mmap of 256 MiB + 1 for the default limit");
    } else {
        rc = artconv_read(&a, artconv_format_by_name("html"), huge, limit + 1, NULL, &err);
        ok(rc == ARTCONV_ELIMIT && a == NULL, "the default limit is 256 MiB: one byte more fails");
        ok(contains(err.message, "limit of 268435456 bytes"), "and names 268435456 bytes");
        munmap(huge, limit + 1);
    }

    /* Files: a sparse file past the default is refused from its size,
     * without reading 256 MiB. */
    snprintf(path, sizeof path, "%s/huge.txt", tmpdir);
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || ftruncate(fd, (off_t)limit + 1) < 0) {
        ok(0, "a sparse file of 256 MiB + 1");
    } else {
        rc = artconv_read_file(&a, NULL, path, NULL, &err);
        ok(rc == ARTCONV_ELIMIT && a == NULL, "a file one byte past 256 MiB is ELIMIT");
        ok(contains(err.message, "268435457 bytes exceeds the limit of 268435456"),
           "the message gives the file's size and the limit");
        is_str(err.file, path, "and names the file");
    }
    if (fd >= 0)
        close(fd);
    unlink(path);

    put_file("small.txt", text, len);
    snprintf(path, sizeof path, "%s/small.txt", tmpdir);
    ro.max_input = len - 1;
    rc = artconv_read_file(&a, NULL, path, &ro, &err);
    ok(rc == ARTCONV_ELIMIT && a == NULL, "a file one byte over max_input is ELIMIT");
    ro.max_input = len;
    rc = artconv_read_file(&a, NULL, path, &ro, &err);
    ok(rc == 0 && a != NULL, "a file exactly at max_input is read");
    artconv_article_free(a);
}

/* Runs `sh -c cmd`; returns the exit status, or -1. */
static int run(const char *cmd)
{
    int status = system(cmd);

    return status == -1 || !WIFEXITED(status) ? -1 : WEXITSTATUS(status);
}

static void test_cli_input_size(void)
{
    const char *exe = getenv("ARTCONV");
    char cmd[8192], path[4096];
    artconv_buf stderr_text = ARTCONV_BUF_INIT;
    struct stat st;
    int status;

    if (exe == NULL || access(exe, X_OK) != 0) {
        tap_skip("the CLI's --max-input: $ARTCONV is not set");
        return;
    }
    put_file("cli.txt",
             "Title\n\nSome body text that is longer than sixty-four bytes, to be sure.\n", 71);
    snprintf(cmd, sizeof cmd, "'%s' convert --max-input 64 '%s/cli.txt' '%s/cli.md' 2>'%s/err'",
             exe, tmpdir, tmpdir, tmpdir);
    status = run(cmd);
    ok(status > 0, "CLI: a file over --max-input fails");
    snprintf(path, sizeof path, "%s/cli.md", tmpdir);
    ok(stat(path, &st) != 0, "and writes no output");
    snprintf(path, sizeof path, "%s/err", tmpdir);
    test_read_file(path, &stderr_text);
    ok(contains(stderr_text.ptr, "exceeds the limit of 64 bytes"), "and says which limit");
    if (!contains(stderr_text.ptr, "exceeds the limit of 64 bytes"))
        printf("#   stderr: %s\n", stderr_text.ptr ? stderr_text.ptr : "");

    /* Standard input has no size to look at: the running count stops it. */
    snprintf(cmd, sizeof cmd,
             "'%s' convert --from text --to markdown --max-input 64 - <'%s/cli.txt' >/dev/null "
             "2>'%s/err'",
             exe, tmpdir, tmpdir);
    status = run(cmd);
    ok(status > 0, "CLI: standard input over --max-input fails");
    artconv_buf_clear(&stderr_text);
    test_read_file(path, &stderr_text);
    ok(contains(stderr_text.ptr, "64"), "and names the limit");
    snprintf(cmd, sizeof cmd, "'%s' convert --max-input 1K '%s/cli.txt' '%s/cli.md' 2>/dev/null",
             exe, tmpdir, tmpdir);
    is_int(run(cmd), 0, "CLI: the same file under --max-input 1K converts");
    artconv_buf_dispose(&stderr_text);
}

/* --- nesting depth ----------------------------------------------------------- */

/* `open` DEEP times, then `middle`, then `close` DEEP times. */
static void nest(artconv_buf *out, const char *pre, const char *open, const char *middle,
                 const char *close, const char *post)
{
    int i;

    artconv_buf_clear(out);
    artconv_buf_puts(out, pre);
    for (i = 0; i < DEEP; i++)
        artconv_buf_puts(out, open);
    artconv_buf_puts(out, middle);
    for (i = 0; close != NULL && i < DEEP; i++)
        artconv_buf_puts(out, close);
    artconv_buf_puts(out, post);
}

/* What a reader does with input nested too deeply. */
enum { REFUSED, FLATTENED, DROPPED };

/* Reads a 100,000-deep input: either ELIMIT naming the nesting, or an
 * article that stays within ARTCONV_MAX_DEPTH, checks clean and comes with
 * a warning; FLATTENED keeps the innermost text, DROPPED loses the deep
 * part (Markdown's raw HTML). */
static void expect_deep(const char *format, const artconv_buf *in, int how, const char *what)
{
    artconv_read_options ro;
    artconv_read_options_init(&ro);
    artconv_article *a = NULL;
    artconv_buf plain = ARTCONV_BUF_INIT;
    artconv_error err;
    warnings ws = {0, 0, ""};
    int rc;

    ro.warning = on_warning;
    ro.payload = &ws;
    rc = artconv_read(&a, artconv_format_by_name(format), in->ptr, in->len, &ro, &err);
    if (how == REFUSED) {
        ok(rc == ARTCONV_ELIMIT && a == NULL, what);
        if (rc != ARTCONV_ELIMIT)
            printf("#   got %d: %s\n", rc, err.message);
        ok(contains(err.message, "deep") || contains(err.message, "nest"),
           "  the message says the input is nested too deeply");
    } else {
        ok(rc == 0 && a != NULL && artconv_node_depth(artconv_article_body(a)) <= ARTCONV_MAX_DEPTH,
           what);
        ok(a != NULL && artconv_article_check(a, &err) == 0,
           "  the flattened article checks clean");
        if (a != NULL)
            ac_plain_text(&plain, artconv_article_body(a));
        if (how == FLATTENED)
            ok(contains(plain.ptr, "deep"), "  and keeps the innermost text");
        else
            ok(!contains(plain.ptr, "deep"), "  and drops the deep part");
        ok(ws.limit > 0 && (contains(ws.last, "deep") || contains(ws.last, "nest")),
           "  with a warning saying why");
        artconv_buf_dispose(&plain);
    }
    artconv_article_free(a);
}

static void test_reader_depth(void)
{
    artconv_buf in = ARTCONV_BUF_INIT, epub = ARTCONV_BUF_INIT;

    nest(&in, "Title\n\n", "> ", "deep\n", NULL, "");
    expect_deep("text", &in, REFUSED, "text: 100,000 nested quotes are ELIMIT");
    nest(&in, "Title\n\n", "- ", "deep\n", NULL, "");
    expect_deep("text", &in, REFUSED, "text: 100,000 nested list items are ELIMIT");

    nest(&in, "# Title\n\n", "> ", "deep\n", NULL, "");
    expect_deep("markdown", &in, FLATTENED, "markdown: 100,000 nested quotes are flattened");
    nest(&in, "# Title\n\n", "- ", "deep\n", NULL, "");
    expect_deep("markdown", &in, FLATTENED, "markdown: 100,000 nested list items are flattened");
    nest(&in, "# Title\n\n", "*a ", "deep", "*", "\n");
    expect_deep("markdown", &in, FLATTENED, "markdown: 100,000 nested emphases are flattened");
    nest(&in, "# Title\n\n", "<div>", "deep", "</div>", "\n");
    expect_deep("markdown", &in, DROPPED, "markdown: 100,000 nested raw <div>s are dropped");

    nest(&in, "<html><body><article>", "<div>", "<p>deep</p>", "</div>",
         "</article></body></html>");
    expect_deep("html", &in, REFUSED, "html: 100,000 nested divs are ELIMIT");
    nest(&in, "<html><body><p>", "<b>", "deep", "</b>", "</p></body></html>");
    expect_deep("html", &in, REFUSED, "html: 100,000 nested <b> are ELIMIT");

    nest(&in,
         "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head>"
         "<title>t</title></head><body>",
         "<div>", "<p>deep</p>", "</div>", "</body></html>");
    if (tz_make_epub(&epub, in.ptr, in.len) == 0)
        expect_deep("epub", &epub, REFUSED, "epub: a chapter 100,000 divs deep is ELIMIT");
    else
        ok(0, "epub: building the deep book");

    nest(&in,
         "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\"><contentSet><inlineXML>"
         "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>",
         "<div>", "<p>deep</p>", "</div>", "</body></html></inlineXML></contentSet></newsItem>");
    expect_deep("newsml", &in, REFUSED, "newsml: a body 100,000 divs deep is ELIMIT");
    artconv_buf_dispose(&in);
    artconv_buf_dispose(&epub);
}

/* An article whose body is `quotes` nested block quotes around a
 * paragraph: its depth is quotes + 2. */
static artconv_article *deep_article(int quotes)
{
    artconv_article *a = artconv_article_new();
    artconv_node *parent, *p;
    int i;

    if (a == NULL)
        return NULL;
    artconv_article_set(a, ARTCONV_META_TITLE, "Deep", NULL);
    parent = artconv_article_body(a);
    for (i = 0; i < quotes; i++)
        parent = ac_node_add(parent, ARTCONV_NODE_BLOCKQUOTE, NULL);
    p = ac_node_add(parent, ARTCONV_NODE_PARAGRAPH, NULL);
    ac_node_add_text(p, "deep", 4, NULL);
    return a;
}

static void test_writer_depth(void)
{
    artconv_article *at_limit = deep_article(ARTCONV_MAX_DEPTH - 2);
    artconv_article *over = deep_article(ARTCONV_MAX_DEPTH - 1);
    artconv_article *very = deep_article(DEEP);
    artconv_write_options wo;
    artconv_write_options_init(&wo);
    size_t i;

    is_int(artconv_node_depth(artconv_article_body(at_limit)), ARTCONV_MAX_DEPTH,
           "the model holds an article exactly ARTCONV_MAX_DEPTH deep");
    is_int(artconv_node_depth(artconv_article_body(very)), DEEP + 2, "and one 100,002 deep");
    wo.timestamp = 0;
    for (i = 0; i < artconv_format_count(); i++) {
        const artconv_format *f = artconv_format_at(i);
        artconv_buf out = ARTCONV_BUF_INIT;
        artconv_error err;
        char what[160];
        int rc;

        if (!artconv_format_can_write(f))
            continue;
        rc = artconv_write(&out, f, at_limit, &wo, &err);
        snprintf(what, sizeof what, "%s: writes an article exactly %d levels deep",
                 artconv_format_name(f), ARTCONV_MAX_DEPTH);
        ok(rc == 0 && (artconv_format_is_binary(f) ? out.len > 0 : contains(out.ptr, "deep")),
           what);
        if (rc != 0)
            printf("#   %s\n", err.message);
        artconv_buf_clear(&out);
        rc = artconv_write(&out, f, over, &wo, &err);
        snprintf(what, sizeof what, "%s: one level more is ELIMIT with nothing written",
                 artconv_format_name(f));
        ok(rc == ARTCONV_ELIMIT && out.len == 0, what);
        ok(contains(err.message, "deeper than 200 levels"), "  and the message gives the limit");
        rc = artconv_write(&out, f, very, &wo, &err);
        snprintf(what, sizeof what, "%s: 100,002 levels deep is ELIMIT", artconv_format_name(f));
        ok(rc == ARTCONV_ELIMIT && out.len == 0, what);
        artconv_buf_dispose(&out);
    }
    {
        const artconv_article *book[2];
        artconv_buf out = ARTCONV_BUF_INIT;
        artconv_error err;

        book[0] = at_limit;
        book[1] = very;
        ok(artconv_write_book(&out, artconv_format_by_name("epub"), book, 2, "B", NULL, &wo,
                              &err) == ARTCONV_ELIMIT &&
               out.len == 0,
           "epub book: a 100,002-deep second article is ELIMIT");
        artconv_buf_dispose(&out);
    }
    /* Freeing 100,000 levels must not recurse (ASan would see the stack). */
    artconv_article_free(very);
    artconv_article_free(over);
    artconv_article_free(at_limit);
    ok(1, "a 100,002-deep article is freed without recursion");
}

/* --- node count -------------------------------------------------------------- */

/* Reads `in` with a node limit of exactly its node count (passes) and one
 * less (ELIMIT). */
static void expect_node_limit(const char *format, const char *data, size_t len)
{
    artconv_read_options ro;
    artconv_read_options_init(&ro);
    artconv_article *a = NULL;
    artconv_error err;
    char what[160], msg[128];
    size_t n;
    int rc;

    rc = artconv_read(&a, artconv_format_by_name(format), data, len, NULL, &err);
    if (rc < 0) {
        snprintf(what, sizeof what, "%s: the input for the node limit reads (%.100s)", format,
                 err.message);
        ok(0, what);
        return;
    }
    n = count_nodes(a);
    artconv_article_free(a);
    ro.max_nodes = n;
    rc = artconv_read(&a, artconv_format_by_name(format), data, len, &ro, &err);
    snprintf(what, sizeof what, "%s: %zu nodes with max_nodes %zu are read", format, n, n);
    ok(rc == 0 && a != NULL, what);
    artconv_article_free(a);
    ro.max_nodes = n - 1;
    a = (artconv_article *)1;
    rc = artconv_read(&a, artconv_format_by_name(format), data, len, &ro, &err);
    snprintf(what, sizeof what, "%s: with max_nodes %zu they are ELIMIT, no article", format,
             n - 1);
    ok(rc == ARTCONV_ELIMIT && a == NULL, what);
    snprintf(msg, sizeof msg, "the article has more than %zu nodes", n - 1);
    is_str(err.message, msg, "  and the message gives the limit");
}

static void test_nodes(void)
{
    artconv_article *sink = fixture_kitchen_sink();
    artconv_write_options wo;
    artconv_write_options_init(&wo);
    artconv_buf in = ARTCONV_BUF_INIT;
    artconv_article *a = NULL;
    artconv_error err;
    const char *formats[] = {"text", "markdown", "html", "epub", "newsml"};
    const char *writers[] = {"text", "markdown", "html", "epub", "newsml"};
    size_t i;
    int rc;

    is_int(ARTCONV_DEFAULT_MAX_NODES, 16 * 1024 * 1024, "the default node limit is 16 Mi");
    wo.timestamp = 0;
    for (i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        artconv_buf_clear(&in);
        if (sink == NULL ||
            artconv_write(&in, artconv_format_by_name(writers[i]), sink, &wo, &err) < 0) {
            ok(0, "the kitchen sink is written for the node limit");
            continue;
        }
        expect_node_limit(formats[i], in.ptr, in.len);
    }
    /* The default applies when max_nodes is 0: 20,000 paragraphs pass. */
    artconv_buf_clear(&in);
    artconv_buf_puts(&in, "Title\n\n");
    for (i = 0; i < 20000; i++)
        artconv_buf_puts(&in, "Para.\n\n");
    rc = artconv_read(&a, artconv_format_by_name("text"), in.ptr, in.len, NULL, &err);
    ok(rc == 0 && count_nodes(a) >= 40000, "max_nodes 0 means the default, far above 40,000");
    artconv_article_free(a);
    artconv_article_free(sink);
    artconv_buf_dispose(&in);
}

/* --- EPUB images ------------------------------------------------------------- */

static const unsigned char gif_1x1[] = {
    'G', 'I',  'F',  '8',  '9',  'a',  1,    0,    1,    0,    0x80, 0, 0,    0, 0,
    0,   0xff, 0xff, 0xff, 0x21, 0xf9, 0x04, 0x01, 0,    0,    0,    0, 0x2c, 0, 0,
    0,   0,    1,    0,    1,    0,    0,    0x02, 0x02, 0x44, 0x01, 0, 0x3b};

static size_t count_images(const artconv_buf *zip)
{
    zip_t *za = tz_open(zip);
    zip_int64_t n, i;
    size_t images = 0;

    if (za == NULL)
        return (size_t)-1;
    n = zip_get_num_entries(za, 0);
    for (i = 0; i < n; i++)
        if (strncmp(zip_get_name(za, (zip_uint64_t)i, 0), "EPUB/images/", 12) == 0)
            images++;
    zip_discard(za);
    return images;
}

static void test_epub_images(void)
{
    artconv_write_options wo;
    artconv_write_options_init(&wo);
    artconv_article *a = artconv_article_new();
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_error err;
    warnings ws = {0, 0, ""};
    char name[64], path[4096];
    int i, fd, rc;

    wo.timestamp = 0;
    wo.resource_dir = tmpdir;
    wo.warning = on_warning;
    wo.payload = &ws;
    artconv_article_set(a, ARTCONV_META_TITLE, "Many pictures", NULL);
    for (i = 0; i <= AC_EPUB_MAX_IMAGES; i++) {
        artconv_node *fig = ac_node_add(artconv_article_body(a), ARTCONV_NODE_FIGURE, NULL);

        snprintf(name, sizeof name, "i%04d.gif", i);
        put_file(name, gif_1x1, sizeof gif_1x1);
        artconv_node_set_url(fig, name, NULL);
        artconv_node_set_alt(fig, "a dot", NULL);
    }
    rc = artconv_write(&out, artconv_format_by_name("epub"), a, &wo, &err);
    ok(rc == 0, "epub: a book with 1,001 images is still written");
    is_int(count_images(&out), AC_EPUB_MAX_IMAGES, "  with the first 1,000 embedded");
    is_int(ws.limit, 1, "  and one limit warning for the one left out");
    ok(contains(ws.last, "i1000.gif not embedded: a book holds at most 1000 images"),
       "  naming the image and the limit");
    artconv_article_free(a);

    /* One image over 32 MiB: a sparse file, refused by its size unread. */
    a = artconv_article_new();
    artconv_article_set(a, ARTCONV_META_TITLE, "Big picture", NULL);
    put_file("big.gif", gif_1x1, sizeof gif_1x1);
    snprintf(path, sizeof path, "%s/big.gif", tmpdir);
    fd = open(path, O_WRONLY);
    if (fd < 0 || ftruncate(fd, (off_t)AC_EPUB_MAX_IMAGE + 1) < 0)
        ok(0, "a sparse image of 32 MiB + 1");
    if (fd >= 0)
        close(fd);
    {
        artconv_node *fig = ac_node_add(artconv_article_body(a), ARTCONV_NODE_FIGURE, NULL);
        artconv_node *cap = ac_node_add(fig, ARTCONV_NODE_CAPTION, NULL);

        artconv_node_set_url(fig, "big.gif", NULL);
        ac_node_add_text(cap, "The caption stays", 17, NULL);
    }
    memset(&ws, 0, sizeof ws);
    artconv_buf_clear(&out);
    rc = artconv_write(&out, artconv_format_by_name("epub"), a, &wo, &err);
    ok(rc == 0 && count_images(&out) == 0, "epub: an image of 32 MiB + 1 is not embedded");
    ok(ws.limit == 1 && contains(ws.last, "big.gif not embedded: larger than 33554432 bytes"),
       "  with a warning giving the limit");
    artconv_article_free(a);
    artconv_buf_dispose(&out);
}

/* The total is checked against what the book already holds: a hand-made
 * book stands in for 256 MiB of earlier images. */
static void test_epub_image_total(void)
{
    artconv_write_options wo;
    artconv_write_options_init(&wo);
    ac_epub_book book;
    warnings ws = {0, 0, ""};
    const char *href = NULL;
    artconv_error err;
    int rc;

    wo.warning = on_warning;
    wo.payload = &ws;
    put_file("dot.gif", gif_1x1, sizeof gif_1x1);
    memset(&book, 0, sizeof book);
    book.opts = &wo;
    book.cover = -1;
    book.image_bytes = AC_EPUB_MAX_IMAGE_TOTAL - sizeof gif_1x1 + 1;
    rc = ac_epub_image(&book, tmpdir, "dot.gif", 0, &href, &err);
    ok(rc == 0 && href == NULL && book.n_images == 0,
       "epub: an image one byte past the 256 MiB total is not embedded");
    ok(ws.limit == 1 && contains(ws.last, "would exceed 268435456 bytes in all"),
       "  with a warning giving the total");
    book.image_bytes = AC_EPUB_MAX_IMAGE_TOTAL - sizeof gif_1x1;
    rc = ac_epub_image(&book, tmpdir, "dot.gif", 0, &href, &err);
    ok(rc == 0 && href != NULL && book.n_images == 1, "  one that fits exactly is embedded");
    ok(book.image_bytes == AC_EPUB_MAX_IMAGE_TOTAL, "  and the total reaches the limit");
    ac_epub_book_free(&book);
}

/* --- EPUB decompression ------------------------------------------------------ */

static void test_epub_unpacked(void)
{
    artconv_buf chapter = ARTCONV_BUF_INIT, epub = ARTCONV_BUF_INIT;
    artconv_article *a = NULL;
    artconv_error err;
    size_t i, total = 0;
    zip_t *za;
    int rc;

    artconv_buf_puts(&chapter, "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/"
                               "xhtml\"><head><title>t</title></head><body>");
    for (i = 0; i < 100; i++)
        artconv_buf_puts(&chapter, "<p>Forty bytes of text in each line.</p>");
    artconv_buf_puts(&chapter, "</body></html>");
    if (tz_make_epub(&epub, chapter.ptr, chapter.len) < 0 || (za = tz_open(&epub)) == NULL) {
        ok(0, "building a small book");
        goto done;
    }
    for (i = 0; i < (size_t)zip_get_num_entries(za, 0); i++) {
        zip_stat_t st;

        if (zip_stat_index(za, i, 0, &st) == 0 && strcmp(st.name, "mimetype") != 0)
            total += (size_t)st.size;
    }
    zip_discard(za);

    rc = ac_epub_read_limited(&a, epub.ptr, epub.len, NULL, chapter.len, total, &err);
    ok(rc == 0 && a != NULL, "epub: entries exactly at both decompression limits are read");
    artconv_article_free(a);
    a = NULL;
    rc = ac_epub_read_limited(&a, epub.ptr, epub.len, NULL, chapter.len - 1, total, &err);
    ok(rc == ARTCONV_ELIMIT && a == NULL, "epub: an entry inflating one byte past its limit");
    ok(contains(err.message, "EPUB/c.xhtml inflates beyond the limit"), "  names the entry");
    rc = ac_epub_read_limited(&a, epub.ptr, epub.len, NULL, chapter.len, total - 1, &err);
    ok(rc == ARTCONV_ELIMIT && a == NULL, "epub: entries inflating one byte past the sum");
    ok(contains(err.message, "inflates beyond the limit"), "  say so");
    /* The real limits are ordered so one entry can never exceed the sum. */
    ok(AC_EPUB_MAX_ENTRY == (size_t)64 * 1024 * 1024 && AC_EPUB_MAX_UNPACKED > AC_EPUB_MAX_ENTRY,
       "the documented values: 64 MiB an entry, more in all (512 MiB)");
done:
    artconv_buf_dispose(&chapter);
    artconv_buf_dispose(&epub);
}

static void remove_tmpdir(void)
{
    char cmd[4200];

    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
        tap_diag("could not remove the temporary folder");
}

int main(void)
{
    if (mkdtemp(tmpdir) == NULL)
        return tap_skip_all("no temporary folder");
    test_input_size();
    test_cli_input_size();
    test_reader_depth();
    test_writer_depth();
    test_nodes();
    test_epub_images();
    test_epub_image_total();
    test_epub_unpacked();
    remove_tmpdir();
    return tap_done();
}
