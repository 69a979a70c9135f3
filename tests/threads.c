/*
 * threads.c - many threads converting at once through the library, with no
 * shared mutable state: every thread's output must equal the output of the
 * same conversion done alone.  Run under ThreadSanitizer in CI.
 */
#define _DEFAULT_SOURCE
#include "tap.h"
#include "testutil.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define THREADS 8
#define ROUNDS  6

typedef struct {
    const char *name;     /* a file in samples/ */
    artconv_buf input;    /* its bytes */
    artconv_buf expected; /* every writer's output, concatenated, done alone */
} job;

typedef struct {
    job *jobs;
    size_t job_count;
    size_t first; /* each thread starts at a different job */
    int mismatches;
    int failures;
} worker;

/* Reads `j` and writes it with every writer into `out`, one after another. */
static int convert_all(const job *j, artconv_buf *out)
{
    artconv_read_options ro;
    artconv_read_options_init(&ro);
    artconv_article *article = NULL;
    artconv_error err;
    size_t i;
    int rc;

    ro.filename = j->name;
    rc = artconv_read(&article, artconv_format_by_path(j->name), j->input.ptr, j->input.len, &ro,
                      &err);
    for (i = 0; rc == 0 && i < artconv_format_count(); i++) {
        artconv_write_options wo;
        artconv_write_options_init(&wo);
        const artconv_format *to = artconv_format_at(i);

        if (!artconv_format_can_write(to))
            continue;
        wo.timestamp = 0;
        rc = artconv_write(out, to, article, &wo, &err);
    }
    artconv_article_free(article);
    return rc;
}

static void *work(void *arg)
{
    worker *w = arg;
    size_t round, k;

    for (round = 0; round < ROUNDS; round++) {
        for (k = 0; k < w->job_count; k++) {
            const job *j = &w->jobs[(w->first + k) % w->job_count];
            artconv_buf out = ARTCONV_BUF_INIT;

            if (convert_all(j, &out) < 0)
                w->failures++;
            else if (out.len != j->expected.len || memcmp(out.ptr, j->expected.ptr, out.len) != 0)
                w->mismatches++;
            artconv_buf_dispose(&out);
        }
    }
    return NULL;
}

int main(void)
{
    static const char *const names[] = {"news-page.html", "river-festival.md",
                                        "harbour-bridge.txt", "wire-dateline.txt"};
    job jobs[sizeof names / sizeof names[0]];
    worker workers[THREADS];
    pthread_t threads[THREADS];
    size_t i, count = sizeof names / sizeof names[0];
    int started = 0, mismatches = 0, failures = 0;
    char path[4096];

    /* No xmlInitParser() here: the library initialises libxml2 itself,
     * once, before its first use (formats/shared/xml_init.c). */
    memset(jobs, 0, sizeof jobs);
    for (i = 0; i < count; i++) {
        jobs[i].name = names[i];
        snprintf(path, sizeof path, "%s/../samples/%s", test_dir(), names[i]);
        if (test_read_file(path, &jobs[i].input) < 0)
            return tap_skip_all("the samples are missing");
        if (!ok(convert_all(&jobs[i], &jobs[i].expected) == 0, names[i]))
            return tap_done();
    }
    for (i = 0; i < THREADS; i++) {
        workers[i].jobs = jobs;
        workers[i].job_count = count;
        workers[i].first = i;
        workers[i].mismatches = 0;
        workers[i].failures = 0;
        if (pthread_create(&threads[i], NULL, work, &workers[i]) == 0)
            started++;
    }
    is_int(started, THREADS, "all threads started");
    for (i = 0; i < (size_t)started; i++) {
        pthread_join(threads[i], NULL);
        mismatches += workers[i].mismatches;
        failures += workers[i].failures;
    }
    is_int(failures, 0, "no conversion failed in a thread");
    is_int(mismatches, 0, "every thread's output equals the output made alone");
    for (i = 0; i < count; i++) {
        artconv_buf_dispose(&jobs[i].input);
        artconv_buf_dispose(&jobs[i].expected);
    }
    return tap_done();
}
