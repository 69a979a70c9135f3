/*
 * memory.c - memory and time stay bounded on hostile input (issue 13).
 *
 * Each conversion runs in a child process under an alarm, which reports
 * the growth of its peak RSS (getrusage ru_maxrss, from the child's start,
 * with the input already in memory) and its time through a pipe:
 *  - an EPUB whose spine lists one 48 KB chapter 10,000 times, and nine
 *    60 MiB chapters compressed into about 1.2 MB: both end fast;
 *  - every writer after the Markdown reader (and the HTML reader) on the
 *    shapes that held per-node memory: a paragraph of 50,000 links, nested
 *    emphasis, deep quotes, deep lists.  The budget is docs/limits.md's:
 *    10 times the input plus MEM_PER_NODE bytes a model node;
 *  - outputs stay in proportion: nested emphasis as JSON;
 *  - a figure promoted to lead image is written once;
 *  - an image that is a FIFO does not hang the EPUB writer;
 *  - an image of an EPUB input is never read from beside the .epub.
 * Under ASan or valgrind RSS means nothing: the memory checks are skipped
 * (the behaviour checks still run), as scaling.c does for mallinfo2.
 *
 * One job over 600 lines: one property (bounded memory and time) and one
 * child-process harness that every case goes through.
 */
#define _GNU_SOURCE
#include "tap.h"
#include "testutil.h"
#include "testzip.h"

#include <errno.h>
#include <jansson.h>
#include <malloc.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* docs/limits.md, "Memory": the bytes a model node may cost on top of 10
 * times the input, from the reader's and writer's own structures (cmark's
 * tree, libxml2's XHTML tree of one block, the output). */
#define MEM_PER_NODE 512

/* printf-style forms of tap.h's checks, for messages with figures. */
static int okf_(int cond, const char *file, int line, const char *fmt, ...)
{
    char what[512];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    return tap_ok_(cond, file, line, what);
}

static int isf_(long long got, long long want, const char *file, int line, const char *fmt, ...)
{
    char what[512];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    return tap_is_int_(got, want, file, line, what);
}

#define okf(cond, ...)      okf_(!!(cond), __FILE__, __LINE__, __VA_ARGS__)
#define isf(got, want, ...) isf_((long long)(got), (long long)(want), __FILE__, __LINE__, __VA_ARGS__)

static void diagf(const char *fmt, ...)
{
    va_list ap;

    printf("# ");
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
}

static void bprintf(artconv_buf *out, const char *fmt, ...)
{
    char s[256];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(s, sizeof s, fmt, ap);
    va_end(ap);
    artconv_buf_puts(out, s);
}

typedef struct {
    int rc;         /* the conversion's status, or 99 if the child died */
    int warnings;   /* warnings that matched `want_warning` */
    long rss_kb;    /* growth of the peak RSS */
    double seconds; /* wall time */
    size_t nodes;   /* model nodes read */
    size_t out_len; /* bytes written */
    char message[256];
} outcome;

/* 1 if malloc is glibc's own, so that RSS means what it says. */
static int rss_works(void)
{
    size_t before = mallinfo2().uordblks, after;
    char *p = malloc(1000);

    if (p == NULL)
        return 0;
    memset(p, 1, 1000);
    after = mallinfo2().uordblks;
    free(p);
    return after >= before + 1000 && after < before + 2000;
}

/* A field of /proc/self/status in kB ("VmRSS", "VmHWM"), or -1. */
static long status_kb(const char *field)
{
    char line[128];
    size_t n = strlen(field);
    long kb = -1;
    FILE *fp = fopen("/proc/self/status", "r");

    if (fp == NULL)
        return -1;
    while (fgets(line, sizeof line, fp) != NULL)
        if (strncmp(line, field, n) == 0 && line[n] == ':')
            kb = strtol(line + n + 1, NULL, 10);
    fclose(fp);
    return kb;
}

/* The child starts from what it uses, not from the heap the parent left:
 * free memory is given back, and the peak is reset to the resident size
 * (clear_refs 5, Linux 4.0), so growth does not depend on what earlier
 * cases left in the parent.  Returns the baseline in kB. */
static long reset_peak_kb(int *precise)
{
    struct rusage ru;
    FILE *fp;

    /* glibc raises its mmap threshold each time a large mapped block is
     * freed; the parent's earlier cases would otherwise decide where this
     * child's large buffers go.  A new process starts at 128 KiB. */
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    mallopt(M_TRIM_THRESHOLD, 128 * 1024);
    malloc_trim(0);
    fp = fopen("/proc/self/clear_refs", "w");
    *precise = fp != NULL && fputs("5", fp) >= 0;
    if (fp != NULL && fclose(fp) != 0)
        *precise = 0;
    if (*precise && status_kb("VmRSS") >= 0)
        return status_kb("VmRSS");
    *precise = 0;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static long peak_kb(int precise)
{
    struct rusage ru;

    if (precise)
        return status_kb("VmHWM");
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct {
    const char *want; /* substring a warning must have to be counted */
    int count;
} warn_count;

static void on_warning(const artconv_error *w, void *payload)
{
    warn_count *c = payload;

    if (c->want != NULL && strstr(w->message, c->want) != NULL)
        c->count++;
}

/* One conversion: read `data` as `from`, then write it as `to` (unless
 * NULL) with `wopts`.  Runs in a child with an alarm of `timeout`
 * seconds; a child killed by it reports rc 99 and "timed out". */
typedef struct {
    const char *data;
    size_t len;
    const char *from, *to;
    const char *want_warning;
    artconv_write_options *wopts;
    unsigned timeout;
} job;

static void run_child(const job *j, int fd)
{
    artconv_read_options ro;
    artconv_read_options_init(&ro);
    warn_count wc = {j->want_warning, 0};
    artconv_article *a = NULL;
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_error err;
    outcome o;
    int precise = 0;
    long start_kb = reset_peak_kb(&precise);
    double t0 = now();

    memset(&o, 0, sizeof o);
    memset(&err, 0, sizeof err);
    alarm(j->timeout);
    ro.warning = on_warning;
    ro.payload = &wc;
    o.rc = artconv_read(&a, artconv_format_by_name(j->from), j->data, j->len, &ro, &err);
    if (o.rc == 0) {
        o.nodes = test_count_nodes(a);
        if (j->to != NULL) {
            if (j->wopts != NULL) {
                j->wopts->warning = on_warning;
                j->wopts->payload = &wc;
            }
            o.rc = artconv_write(&out, artconv_format_by_name(j->to), a, j->wopts, &err);
            o.out_len = out.len;
        }
    }
    o.seconds = now() - t0;
    o.rss_kb = peak_kb(precise) - start_kb;
    o.warnings = wc.count;
    if (o.rc != 0)
        snprintf(o.message, sizeof o.message, "%s", err.message);
    if (write(fd, &o, sizeof o) != (ssize_t)sizeof o)
        _exit(2);
    _exit(0);
}

static outcome run(const job *j)
{
    outcome o;
    int fds[2], status = 0;
    pid_t pid;

    memset(&o, 0, sizeof o);
    o.rc = 99;
    fflush(stdout);
    malloc_trim(0); /* the child inherits no free heap to count against it */
    if (pipe(fds) < 0 || (pid = fork()) < 0) {
        snprintf(o.message, sizeof o.message, "fork: %s", strerror(errno));
        return o;
    }
    if (pid == 0) {
        close(fds[0]);
        run_child(j, fds[1]);
    }
    close(fds[1]);
    if (read(fds[0], &o, sizeof o) != (ssize_t)sizeof o) {
        memset(&o, 0, sizeof o);
        o.rc = 99;
        snprintf(o.message, sizeof o.message, "timed out or died");
    }
    close(fds[0]);
    waitpid(pid, &status, 0);
    return o;
}

/* --- EPUB: repeated spine items, big chapters --------------------------------- */

static const char container_xml[] =
    "<?xml version=\"1.0\"?>\n<container version=\"1.0\" "
    "xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles><rootfile "
    "full-path=\"EPUB/p.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles>"
    "</container>";

/* A package of `n` chapters c0..c(n-1) and a spine listing them by
 * `order` (indexes), `count` entries long. */
static void make_opf(artconv_buf *opf, size_t n, const size_t *order, size_t count)
{
    size_t i;

    artconv_buf_puts(opf, "<?xml version=\"1.0\"?>\n<package xmlns=\"http://www.idpf.org/2007/opf\" "
                          "version=\"3.0\" unique-identifier=\"id\"><metadata "
                          "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:identifier "
                          "id=\"id\">x</dc:identifier><dc:title>T</dc:title><dc:language>en"
                          "</dc:language></metadata><manifest>");
    for (i = 0; i < n; i++)
        bprintf(opf,
                           "<item id=\"c%zu\" href=\"c%zu.xhtml\" "
                           "media-type=\"application/xhtml+xml\"/>",
                           i, i);
    artconv_buf_puts(opf, "</manifest><spine>");
    for (i = 0; i < count; i++)
        bprintf(opf, "<itemref idref=\"c%zu\"/>", order != NULL ? order[i] : 0);
    artconv_buf_puts(opf, "</spine></package>");
}

/* An XHTML chapter of `paragraphs` paragraphs of `words` words. */
static void make_chapter(artconv_buf *out, size_t paragraphs, size_t words)
{
    size_t i, k;

    artconv_buf_puts(out, "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"
                          "<head><title>c</title></head><body>");
    for (i = 0; i < paragraphs; i++) {
        artconv_buf_puts(out, "<p>");
        for (k = 0; k < words; k++)
            artconv_buf_puts(out, k ? " word" : "Word");
        artconv_buf_puts(out, ".</p>\n");
    }
    artconv_buf_puts(out, "</body></html>");
}

static void test_spine_repeat(int check_rss)
{
    artconv_buf opf = ARTCONV_BUF_INIT, chapter = ARTCONV_BUF_INIT, epub = ARTCONV_BUF_INIT;
    job j = {NULL, 0, "epub", "text", "again 9999 times", NULL, 30};
    outcome o;

    if (!check_rss)
        j.timeout *= 10;

    make_opf(&opf, 1, NULL, 10000);
    make_chapter(&chapter, 1000, 8); /* about 48 KB */
    {
        const tz_entry entries[] = {
            {"mimetype", "application/epub+zip", 0},
            {"META-INF/container.xml", container_xml, 0},
            {"EPUB/p.opf", opf.ptr, opf.len},
            {"EPUB/c0.xhtml", chapter.ptr, chapter.len},
        };

        okf(tz_make(&epub, entries, 4) == 0, "spine repeat: the EPUB is made");
    }
    diagf("spine repeat: %zu bytes, a %zu-byte chapter listed 10,000 times", epub.len, chapter.len);
    j.data = epub.ptr;
    j.len = epub.len;
    o = run(&j);
    isf(o.rc, 0, "spine repeat: the book converts (%s)", o.message);
    isf(o.warnings, 1, "spine repeat: one warning counts the 9,999 repeats");
    okf(o.nodes > 0 && o.nodes < 3 * 1000 + 10, "spine repeat: the chapter is read once (%zu nodes)",
       o.nodes);
    okf(o.rc != 99 && (o.seconds < 10 || !check_rss), "spine repeat: done in %.2f s (10 s allowed)", o.seconds);
    if (check_rss)
        okf(o.rc != 99 && o.rss_kb < 64 * 1024, "spine repeat: peak RSS grew %ld KB (64 MB allowed)", o.rss_kb);
    artconv_buf_dispose(&opf);
    artconv_buf_dispose(&chapter);
    artconv_buf_dispose(&epub);
}

/* Under ASan or valgrind (check_rss 0) the chapters are 6 MiB, which the
 * budget of a 140 KB book refuses at the second chapter all the same. */
static void test_big_chapters(int check_rss)
{
    static const size_t order[] = {0, 1, 2, 3, 4, 5, 6, 7, 8};
    artconv_buf opf = ARTCONV_BUF_INIT, chapter = ARTCONV_BUF_INIT, epub = ARTCONV_BUF_INIT;
    job j = {NULL, 0, "epub", "text", NULL, NULL, 60};
    outcome o;
    size_t i;

    if (!check_rss)
        j.timeout *= 10;

    make_opf(&opf, 9, order, 9);
    make_chapter(&chapter, (check_rss ? 60 : 6) * 1024 * 1024 / 1024, 200); /* 60 MiB */
    {
        tz_entry entries[12] = {
            {"mimetype", "application/epub+zip", 0},
            {"META-INF/container.xml", container_xml, 0},
            {"EPUB/p.opf", opf.ptr, opf.len},
        };
        static const char *const names[] = {"EPUB/c0.xhtml", "EPUB/c1.xhtml", "EPUB/c2.xhtml",
                                            "EPUB/c3.xhtml", "EPUB/c4.xhtml", "EPUB/c5.xhtml",
                                            "EPUB/c6.xhtml", "EPUB/c7.xhtml", "EPUB/c8.xhtml"};

        for (i = 0; i < 9; i++) {
            entries[3 + i].name = names[i];
            entries[3 + i].data = chapter.ptr;
            entries[3 + i].len = chapter.len;
        }
        okf(tz_make(&epub, entries, 12) == 0, "big chapters: the EPUB is made");
    }
    diagf("big chapters: %zu bytes, nine chapters of %zu bytes", epub.len, chapter.len);
    /* The child need not inherit the chapter. */
    artconv_buf_dispose(&chapter);
    malloc_trim(0);
    j.data = epub.ptr;
    j.len = epub.len;
    o = run(&j);
    isf(o.rc, ARTCONV_ELIMIT, "big chapters: refused by a limit");
    okf(strstr(o.message, "EPUB/c1.xhtml makes the book's text larger than the limit") != NULL,
       "big chapters: the text budget names the chapter (%s)", o.message);
    okf(o.rc != 99 && (o.seconds < 20 || !check_rss), "big chapters: done in %.2f s (20 s allowed)", o.seconds);
    if (check_rss)
        okf(o.rc != 99 && o.rss_kb < 512 * 1024, "big chapters: peak RSS grew %ld KB (512 MB allowed)", o.rss_kb);
    artconv_buf_dispose(&opf);
    artconv_buf_dispose(&epub);
}

/* --- hostile shapes through every writer --------------------------------------- */

static void links(artconv_buf *out)
{
    size_t i;

    for (i = 0; i < 50000; i++)
        artconv_buf_puts(out, i ? " [a](b)" : "[a](b)");
    artconv_buf_puts(out, "\n");
}

static void emphasis(artconv_buf *out)
{
    size_t i, k;

    for (i = 0; i < 600; i++) {
        for (k = 0; k < 90; k++)
            artconv_buf_puts(out, k % 2 ? "_x " : "*x ");
        for (k = 90; k-- > 0;)
            artconv_buf_puts(out, k % 2 ? " x_" : " x*");
        artconv_buf_puts(out, "\n\n");
    }
}

static void quotes(artconv_buf *out)
{
    size_t i, k;

    for (i = 0; i < 1500; i++) {
        for (k = 0; k < 90; k++)
            artconv_buf_putc(out, '>');
        artconv_buf_puts(out, " deep quote text\n\n");
    }
}

static void lists(artconv_buf *out)
{
    size_t i, k, s;

    for (i = 0; i < 150; i++) {
        for (k = 0; k < 45; k++) {
            for (s = 0; s < k; s++)
                artconv_buf_puts(out, "  ");
            artconv_buf_puts(out, "- item\n");
        }
        artconv_buf_puts(out, "\n");
    }
}

static void check_budget(const char *shape, const char *from, const char *to, size_t len,
                         const outcome *o, int check_rss)
{
    long budget_kb = (long)((10 * len + MEM_PER_NODE * o->nodes) / 1024);

    okf(o->rc == 0, "%s %s->%s converts (%s)", shape, from, to, o->message);
    diagf("%s %s->%s: %zu bytes, %zu nodes, RSS +%ld KB (budget %ld KB), output %zu bytes, %.2f s",
         shape, from, to, len, o->nodes, o->rss_kb, budget_kb, o->out_len, o->seconds);
    if (check_rss)
        okf(o->rc != 99 && o->rss_kb <= budget_kb, "%s %s->%s: peak RSS +%ld KB within 10x input + %d B a node "
           "(%ld KB)", shape, from, to, o->rss_kb, MEM_PER_NODE, budget_kb);
}

static void test_shapes(int check_rss)
{
    static const char *const writers[] = {"json", "text", "html", "markdown", "newsml", "epub", "ninjs"};
    static const struct {
        const char *name;
        void (*make)(artconv_buf *);
    } shapes[] = {{"links", links}, {"emphasis", emphasis}, {"quotes", quotes}, {"lists", lists}};
    size_t s, w;

    for (s = 0; s < sizeof shapes / sizeof shapes[0]; s++) {
        artconv_buf md = ARTCONV_BUF_INIT, html = ARTCONV_BUF_INIT;
        artconv_article *a = NULL;

        shapes[s].make(&md);
        for (w = 0; w < sizeof writers / sizeof writers[0]; w++) {
            job j = {md.ptr, md.len, "markdown", writers[w], NULL, NULL, 60};
            artconv_write_options wo;
            artconv_write_options_init(&wo);
            outcome o;

            if (!check_rss)
                j.timeout *= 10;

            wo.timestamp = 0;
            j.wopts = &wo;
            o = run(&j);
            check_budget(shapes[s].name, "markdown", writers[w], md.len, &o, check_rss);
            if (strcmp(writers[w], "json") == 0)
                okf(o.out_len < 60 * md.len,
                   "%s as JSON stays in proportion: %zu bytes from %zu (60x allowed)",
                   shapes[s].name, o.out_len, md.len);
        }
        /* The HTML reader on the same shape, written by every writer
         * (not under ASan or valgrind, where it only costs time). */
        if (check_rss && artconv_read(&a, artconv_format_by_name("markdown"), md.ptr, md.len, NULL, NULL) == 0 &&
            artconv_write(&html, artconv_format_by_name("html"), a, NULL, NULL) == 0) {
            artconv_article_free(a);
            a = NULL;
            artconv_buf_dispose(&md);
            malloc_trim(0);
            for (w = 0; w < sizeof writers / sizeof writers[0]; w++) {
                job j = {html.ptr, html.len, "html", writers[w], NULL, NULL, 60};
                outcome o = run(&j);

                check_budget(shapes[s].name, "html", writers[w], html.len, &o, check_rss);
            }
        }
        artconv_article_free(a);
        artconv_buf_dispose(&md);
        artconv_buf_dispose(&html);
    }
}

/* --- the JSON reader on the same shapes ---------------------------------------- */

/* `pretty` without its indentation and line breaks, as a JSON tool that
 * writes compactly would give it: the densest JSON of the same model. */
static int compact_json(artconv_buf *out, const artconv_buf *pretty)
{
    json_t *root = json_loadb(pretty->ptr, pretty->len, 0, NULL);
    char *text = root != NULL ? json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
    int rc = text != NULL ? artconv_buf_puts(out, text) : -1;

    free(text);
    json_decref(root);
    return rc;
}

static void test_json_shapes(int check_rss)
{
    static const char *const writers[] = {"json", "text"};
    static const struct {
        const char *name;
        void (*make)(artconv_buf *);
    } shapes[] = {{"links", links}, {"emphasis", emphasis}, {"quotes", quotes}, {"lists", lists}};
    size_t s, w, c;

    for (s = 0; s < sizeof shapes / sizeof shapes[0]; s++) {
        artconv_buf md = ARTCONV_BUF_INIT, json[2] = {ARTCONV_BUF_INIT, ARTCONV_BUF_INIT};
        artconv_article *a = NULL;

        shapes[s].make(&md);
        if (artconv_read(&a, artconv_format_by_name("markdown"), md.ptr, md.len, NULL, NULL) != 0 ||
            artconv_write(&json[0], artconv_format_by_name("json"), a, NULL, NULL) != 0 ||
            compact_json(&json[1], &json[0]) < 0) {
            okf(0, "%s: JSON made for the reader", shapes[s].name);
            continue;
        }
        artconv_article_free(a);
        artconv_buf_dispose(&md);
        malloc_trim(0);
        for (c = 0; c < 2; c++) {
            for (w = 0; w < sizeof writers / sizeof writers[0]; w++) {
                job j = {json[c].ptr, json[c].len, "json", writers[w], NULL, NULL, 60};
                outcome o;
                char shape[64];

                if (!check_rss)
                    j.timeout *= 10;
                o = run(&j);
                snprintf(shape, sizeof shape, "%s (%s)", shapes[s].name,
                         c == 0 ? "as written" : "compact");
                check_budget(shape, "json", writers[w], json[c].len, &o, check_rss);
            }
        }
        artconv_buf_dispose(&json[0]);
        artconv_buf_dispose(&json[1]);
    }
}

/* --- the lead image is written once ------------------------------------------- */

static size_t occurrences(const char *hay, const char *needle)
{
    size_t n = 0;

    while (hay != NULL && (hay = strstr(hay, needle)) != NULL) {
        n++;
        hay += strlen(needle);
    }
    return n;
}

static void test_lead_image_once(void)
{
    static const char page[] =
        "<html><head><title>T</title></head><body><article><h1>Headline here</h1>"
        "<figure><img src=\"big-lead.jpg\" alt=\"Alt\"><figcaption>The lead caption. "
        "<small>Photo: X</small></figcaption></figure>"
        "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
        "incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis.</p>"
        "<p>A second paragraph of the story with enough words to be kept as its text.</p>"
        "</article></body></html>";
    static const struct {
        const char *format, *needle;
    } shown[] = {
        {"html", "src=\"big-lead.jpg\""}, {"html", "The lead caption."},
        {"text", "The lead caption."},    {"newsml", "The lead caption."},
    };
    artconv_article *a = NULL;
    size_t i;

    isf(artconv_read(&a, artconv_format_by_name("html"), page, strlen(page), NULL, NULL), 0,
           "lead image: the page reads");
    if (a == NULL)
        return;
    is_str(artconv_article_get(a, ARTCONV_META_IMAGE), "big-lead.jpg",
           "lead image: the first figure is promoted");
    for (i = 0; i < sizeof shown / sizeof shown[0]; i++) {
        artconv_buf out = ARTCONV_BUF_INIT;

        artconv_write(&out, artconv_format_by_name(shown[i].format), a, NULL, NULL);
        isf((int)occurrences(out.ptr, shown[i].needle), 1, "lead image: %s shows '%s' once",
               shown[i].format, shown[i].needle);
        artconv_buf_dispose(&out);
    }
    artconv_article_free(a);
}

/* --- images: a FIFO, and an EPUB's own images ---------------------------------- */

static int make_temp_dir(char *dir, size_t size)
{
    snprintf(dir, size, "%s/artconv-memory-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    return mkdtemp(dir) != NULL ? 0 : -1;
}

static void test_fifo_image(void)
{
    static const char md[] = "# T\n\n![a fifo](fifo.png)\n\nSome text.\n";
    char dir[256], fifo[300];
    artconv_write_options wo;
    artconv_write_options_init(&wo);
    job j = {md, sizeof md - 1, "markdown", "epub", "not a regular file", NULL, 10};
    outcome o;

    if (make_temp_dir(dir, sizeof dir) < 0) {
        okf(1, "SKIP fifo image: no temporary folder");
        return;
    }
    snprintf(fifo, sizeof fifo, "%s/fifo.png", dir);
    if (mkfifo(fifo, 0600) < 0) {
        okf(1, "SKIP fifo image: mkfifo failed");
        rmdir(dir);
        return;
    }
    wo.resource_dir = dir;
    wo.timestamp = 0;
    j.wopts = &wo;
    o = run(&j);
    isf(o.rc, 0, "fifo image: the EPUB is written, without hanging (%s)", o.message);
    isf(o.warnings, 1, "fifo image: warned as not a regular file");
    unlink(fifo);
    rmdir(dir);
}

/* Entries of a book the EPUB writer made that are images. */
static int images_in(zip_t *za)
{
    zip_int64_t i, n = zip_get_num_entries(za, 0);
    int count = 0;

    for (i = 0; i < n; i++) {
        const char *name = zip_get_name(za, (zip_uint64_t)i, 0);

        if (name != NULL && strncmp(name, "EPUB/images/", 12) == 0)
            count++;
    }
    return count;
}

static void test_epub_image_stays_inside(void)
{
    static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\x08\x06\0\0\0"
                              "\x1f\x15\xc4\x89\0\0\0\rIDATx\x9c\x63\xf8\xcf\xc0\0\0\x03\x01\x01"
                              "\0\xc9\xfe\x92\xef\0\0\0\0IEND\xae\x42\x60\x82";
    static const char chapter[] =
        "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>c"
        "</title></head><body><p>Text before.</p><figure><img src=\"img/beside.png\" "
        "alt=\"beside\"/></figure><p>Text after.</p></body></html>";
    artconv_buf opf = ARTCONV_BUF_INIT, epub = ARTCONV_BUF_INIT, out = ARTCONV_BUF_INIT;
    artconv_write_options wo;
    artconv_write_options_init(&wo);
    artconv_article *a = NULL;
    char dir[256], path[300];
    FILE *fp;
    zip_t *za;

    if (make_temp_dir(dir, sizeof dir) < 0) {
        okf(1, "SKIP epub image: no temporary folder");
        return;
    }
    /* A real image beside the .epub, where the book's own path points. */
    snprintf(path, sizeof path, "%s/img", dir);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/img/beside.png", dir);
    if ((fp = fopen(path, "wb")) != NULL) {
        fwrite(png, 1, sizeof png - 1, fp);
        fclose(fp);
    }
    make_opf(&opf, 1, NULL, 1);
    {
        const tz_entry entries[] = {
            {"mimetype", "application/epub+zip", 0},
            {"META-INF/container.xml", container_xml, 0},
            {"EPUB/p.opf", opf.ptr, opf.len},
            {"EPUB/c0.xhtml", chapter, 0},
        };

        tz_make(&epub, entries, 4);
    }
    isf(artconv_read(&a, artconv_format_by_name("epub"), epub.ptr, epub.len, NULL, NULL), 0,
           "epub image: the book reads");
    wo.resource_dir = dir; /* what the CLI passes: the input's folder */
    wo.timestamp = 0;
    isf(a != NULL ? artconv_write(&out, artconv_format_by_name("epub"), a, &wo, NULL) : -1, 0,
           "epub image: it writes as an EPUB again");
    za = tz_open(&out);
    okf(za != NULL && zip_get_num_entries(za, 0) > 0 && images_in(za) == 0,
        "epub image: the file beside the .epub is not embedded");
    if (za != NULL)
        zip_discard(za);
    artconv_article_free(a);
    artconv_buf_dispose(&opf);
    artconv_buf_dispose(&epub);
    artconv_buf_dispose(&out);
    unlink(path);
    snprintf(path, sizeof path, "%s/img", dir);
    rmdir(path);
    rmdir(dir);
}

int main(void)
{
    int check_rss = rss_works();

    if (!check_rss)
        diagf("an interposed allocator (ASan, valgrind): peak RSS is not checked");
    test_spine_repeat(check_rss);
    test_big_chapters(check_rss);
    test_shapes(check_rss);
    test_json_shapes(check_rss);
    test_lead_image_once();
    test_fifo_image();
    test_epub_image_stays_inside();
    return tap_done();
}
