/*
 * scaling.c - every reader's work grows linearly with its input.
 *
 * For each reader, inputs of 1x, 4x and 16x a base of about 10 KB are
 * generated in two shapes: an ordinary article (headings, paragraphs with
 * inline markup, lists, quotes) and one long paragraph full of inlines (the
 * shape where joining text nodes or searching backwards turns quadratic).
 * The checks:
 *  - the node count grows with the input (within 20% of 4x and 16x);
 *  - the memory the model holds after reading (glibc's mallinfo2 in-use
 *    bytes, before the article is freed) grows the same way, within 25%;
 *    skipped, with a message, where an interposed allocator (ASan,
 *    valgrind) hides it from mallinfo2;
 * Both are operation counts, deterministic on any machine.  CPU time
 * (clock()) is printed beside them and noted when 16x takes more than 8
 * times 4x, but not asserted: this machine has no hardware instruction
 * counters, and a neighbour process can slow one run many times over.
 */
#define _GNU_SOURCE
#include "tap.h"
#include "testutil.h"
#include "testzip.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BASE_BYTES 10000

typedef struct {
    size_t nodes;
    size_t held; /* bytes in use after reading, with the article alive */
    double cpu;  /* seconds, best of two */
} measure;

/* Bytes in use from malloc: small chunks and mmapped big ones. */
static size_t in_use(void)
{
    struct mallinfo2 mi = mallinfo2();

    return mi.uordblks + mi.hblkhd;
}

/* 1 if mallinfo2 sees this program's allocations. */
static int mallinfo_works(void)
{
    size_t before = in_use(), after;
    char *p = malloc(1000);

    if (p == NULL)
        return 0;
    memset(p, 1, 1000);
    after = in_use();
    free(p);
    return after >= before + 1000 && after < before + 2000;
}

/* --- inputs ------------------------------------------------------------------- */

/* Appends body units until the body holds `bytes`; `unit` varies by a
 * counter so no two blocks are alike. */
typedef void (*unit_fn)(artconv_buf *out, int i);

static void text_unit(artconv_buf *out, int i)
{
    char s[512];

    snprintf(s, sizeof s,
             "Section %d of the report\n\nThe council met on day %d and agreed the plan, said "
             "the clerk. Costs rose by %d per cent over the year.\n\n> A quote from the "
             "meeting, number %d.\n\n- first point %d\n- second point %d\n\n",
             i, i, i % 97, i, i, i);
    artconv_buf_puts(out, s);
}

static void markdown_unit(artconv_buf *out, int i)
{
    char s[512];

    snprintf(s, sizeof s,
             "## Section %d\n\nThe council met on *day %d* and agreed the **plan**, said "
             "[the clerk](https://example.org/%d). Costs rose by `%d` per cent.\n\n> A quote "
             "from the meeting, number %d.\n\n- first point %d\n- second point %d\n\n",
             i, i, i, i % 97, i, i, i);
    artconv_buf_puts(out, s);
}

static void html_unit(artconv_buf *out, int i)
{
    char s[512];

    snprintf(s, sizeof s,
             "<h2>Section %d</h2><p>The council met on <em>day %d</em> and agreed the "
             "<strong>plan</strong>, said <a href=\"https://example.org/%d\">the clerk</a>. "
             "Costs rose by %d per cent.</p><blockquote><p>A quote, number %d.</p></blockquote>"
             "<ul><li>first point %d</li><li>second point %d</li></ul>\n",
             i, i, i, i % 97, i, i, i);
    artconv_buf_puts(out, s);
}

/* The long-paragraph shape: inlines only, no block ever ends. */
static void text_inline_unit(artconv_buf *out, int i)
{
    char s[128];

    snprintf(s, sizeof s, "word%d and more words, number %d, in one paragraph ", i, i);
    artconv_buf_puts(out, s);
}

static void markdown_inline_unit(artconv_buf *out, int i)
{
    char s[160];

    snprintf(s, sizeof s, "*word%d* and [link %d](https://example.org/%d) `c%d` ", i, i, i, i);
    artconv_buf_puts(out, s);
}

static void html_inline_unit(artconv_buf *out, int i)
{
    char s[160];

    snprintf(s, sizeof s, "<em>word%d</em> and <a href=\"https://example.org/%d\">link</a> ", i, i);
    artconv_buf_puts(out, s);
}

static void body(artconv_buf *out, unit_fn unit, size_t bytes)
{
    size_t start = out->len;
    int i = 0;

    while (out->len - start < bytes)
        unit(out, i++);
}

/* Builds the input of `format` with `bytes` of body in `shape` (0 the
 * article, 1 one long paragraph). */
static void make_input(artconv_buf *out, const char *format, int shape, size_t bytes)
{
    artconv_buf chapter = ARTCONV_BUF_INIT;

    artconv_buf_clear(out);
    if (strcmp(format, "text") == 0) {
        artconv_buf_puts(out, "A headline for the test\n\n");
        body(out, shape ? text_inline_unit : text_unit, bytes);
        artconv_buf_puts(out, "\n");
    } else if (strcmp(format, "markdown") == 0) {
        artconv_buf_puts(out, "---\ntitle: A headline\n---\n\n");
        body(out, shape ? markdown_inline_unit : markdown_unit, bytes);
        artconv_buf_puts(out, "\n");
    } else if (strcmp(format, "html") == 0) {
        artconv_buf_puts(out, "<!DOCTYPE html><html><head><title>A headline</title></head>"
                              "<body><article><h1>A headline</h1>");
        if (shape)
            artconv_buf_puts(out, "<p>");
        body(out, shape ? html_inline_unit : html_unit, bytes);
        artconv_buf_puts(out, shape ? "</p></article></body></html>" : "</article></body></html>");
    } else if (strcmp(format, "epub") == 0) {
        artconv_buf_puts(&chapter,
                         "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/"
                         "xhtml\"><head><title>t</title></head><body><h1>A headline</h1>");
        if (shape)
            artconv_buf_puts(&chapter, "<p>");
        body(&chapter, shape ? html_inline_unit : html_unit, bytes);
        artconv_buf_puts(&chapter, shape ? "</p></body></html>" : "</body></html>");
        tz_make_epub(out, chapter.ptr, chapter.len);
    } else {
        artconv_buf_puts(out, "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" "
                              "guid=\"urn:x\" version=\"1\" standard=\"NewsML-G2\" "
                              "standardversion=\"2.29\"><contentMeta><headline>A headline"
                              "</headline></contentMeta><contentSet><inlineXML "
                              "contenttype=\"application/xhtml+xml\"><html xmlns=\"http://"
                              "www.w3.org/1999/xhtml\"><head><title>t</title></head><body>");
        if (shape)
            artconv_buf_puts(out, "<p>");
        body(out, shape ? html_inline_unit : html_unit, bytes);
        artconv_buf_puts(out, shape ? "</p>" : "");
        artconv_buf_puts(out, "</body></html></inlineXML></contentSet></newsItem>");
    }
    artconv_buf_dispose(&chapter);
}

/* --- measuring ------------------------------------------------------------------ */

static int measure_read(measure *m, const char *format, const artconv_buf *in, int memory)
{
    const artconv_format *f = artconv_format_by_name(format);
    artconv_article *a = NULL;
    artconv_error err;
    int run;

    m->cpu = -1;
    for (run = 0; run < 2; run++) {
        size_t before = memory ? in_use() : 0;
        clock_t t0 = clock();
        double t;

        if (artconv_read(&a, f, in->ptr, in->len, NULL, &err) < 0) {
            printf("#   %s: %s\n", format, err.message);
            return -1;
        }
        t = (double)(clock() - t0) / CLOCKS_PER_SEC;
        if (m->cpu < 0 || t < m->cpu)
            m->cpu = t;
        m->nodes = test_count_nodes(a);
        m->held = memory ? in_use() - before : 0;
        artconv_article_free(a);
        a = NULL;
    }
    return 0;
}

static void within(double got, double want, double tolerance, const char *what)
{
    int good = got >= want * (1 - tolerance) && got <= want * (1 + tolerance);

    if (!ok(good, what))
        printf("#   ratio %.2f, expected %.0f within %.0f%%\n", got, want, tolerance * 100);
}

/* Below a millisecond the clock says little: compare with 1 ms then. */
static double at_least_1ms(double t)
{
    return t > 0.001 ? t : 0.001;
}

/* Whether the CPU times look linear (reported only, see test_reader). */
static int times_fit(const measure *m)
{
    return m[2].cpu <= 8 * at_least_1ms(m[1].cpu) && m[2].cpu <= 64 * at_least_1ms(m[0].cpu);
}

static void test_reader(const char *format, int shape, int memory)
{
    static const int factors[] = {1, 4, 16};
    const char *shape_name = shape ? "one long paragraph" : "an article";
    artconv_buf in = ARTCONV_BUF_INIT;
    measure m[3];
    char what[200];
    size_t i;
    int attempt;

    /* A first read warms up lazily initialised library state. */
    make_input(&in, format, shape, BASE_BYTES);
    if (measure_read(&m[0], format, &in, 0) < 0) {
        snprintf(what, sizeof what, "%s (%s): the generated input reads", format, shape_name);
        ok(0, what);
        artconv_buf_dispose(&in);
        return;
    }
    /* Other programs on the machine can inflate one run's CPU time many
     * times over (the suite runs epubcheck beside this test): measure again,
     * up to three times, until the times fit, so the note below stays rare. */
    for (attempt = 0; attempt < 3; attempt++) {
        for (i = 0; i < 3; i++) {
            make_input(&in, format, shape, BASE_BYTES * (size_t)factors[i]);
            if (measure_read(&m[i], format, &in, memory) < 0) {
                ok(0, "the generated input reads");
                artconv_buf_dispose(&in);
                return;
            }
        }
        if (times_fit(m))
            break;
    }
    printf("# %s, %s: nodes %zu %zu %zu; held bytes %zu %zu %zu; cpu ms %.2f %.2f %.2f\n", format,
           shape_name, m[0].nodes, m[1].nodes, m[2].nodes, m[0].held, m[1].held, m[2].held,
           m[0].cpu * 1000, m[1].cpu * 1000, m[2].cpu * 1000);
    if (m[0].nodes < 10) {
        /* Plain text has no inline markup: one paragraph is one text
         * node at every size, and only its memory grows. */
        snprintf(what, sizeof what, "%s (%s): the same few nodes at every size", format,
                 shape_name);
        ok(m[1].nodes == m[0].nodes && m[2].nodes == m[0].nodes, what);
    } else {
        snprintf(what, sizeof what, "%s (%s): 4x input, 4x nodes", format, shape_name);
        within((double)m[1].nodes / (double)m[0].nodes, 4, 0.2, what);
        snprintf(what, sizeof what, "%s (%s): 16x input, 16x nodes", format, shape_name);
        within((double)m[2].nodes / (double)m[0].nodes, 16, 0.2, what);
    }
    if (memory) {
        snprintf(what, sizeof what, "%s (%s): 4x input, 4x memory held", format, shape_name);
        within((double)m[1].held / (double)m[0].held, 4, 0.25, what);
        snprintf(what, sizeof what, "%s (%s): 16x input, 16x memory held", format, shape_name);
        within((double)m[2].held / (double)m[0].held, 16, 0.25, what);
    }
    /* CPU time is reported, not asserted: on a shared machine one run was
     * slowed six-fold by a neighbour, and the issue asks for operation
     * counts.  The node counts and the memory held above are those. */
    if (m[2].cpu > 8 * at_least_1ms(m[1].cpu))
        printf("# note: %s (%s) took %.2f ms at 4x and %.2f ms at 16x\n", format, shape_name,
               m[1].cpu * 1000, m[2].cpu * 1000);
    artconv_buf_dispose(&in);
}

int main(void)
{
    static const char *const readers[] = {"text", "markdown", "html", "epub", "newsml"};
    int memory = mallinfo_works();
    size_t i;

    if (!memory)
        tap_skip("the memory checks: mallinfo2 does not see this allocator (ASan, valgrind)");
    for (i = 0; i < sizeof readers / sizeof readers[0]; i++) {
        test_reader(readers[i], 0, memory);
        test_reader(readers[i], 1, memory);
    }
    return tap_done();
}
