/*
 * convert_dir.c - `artconv convert -d OUTDIR IN...`: one output per input,
 * converted on -j threads through the library.
 *
 * Workers share nothing but a mutex-protected queue: each takes the next
 * index, converts that input alone (cli_convert_one: its own article, its
 * own buffers, the output written atomically by artconv_write_file) and
 * stores the result in its slot.  The main thread only watches: it reports
 * the finished slots in input order (messages, --report lines), draws the
 * progress bar on a terminal and sums up at the end.  The output names are
 * all chosen (outdir.c) before the threads start, so they never depend on
 * timing.
 */
#define _GNU_SOURCE /* syncfs */
#include "cli.h"

#include <jansson.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* More threads than this only add contention. */
#define MAX_JOBS 256
/* How often the main thread looks at the queue and redraws the bar. */
#define TICK_MS 100

typedef struct job {
    const char *input;
    char *output; /* owned */
    cli_result res;
    int done; /* guarded by the queue's lock */
} job;

typedef struct queue {
    pthread_mutex_t lock;
    pthread_cond_t finished; /* signalled when the last job is done */
    size_t next;             /* the next index to hand out */
    size_t done;             /* jobs finished */
    size_t failed;           /* of those, failed */
    size_t count;
    job *jobs;
    const cli_settings *settings;
    int force;
} queue;

/* What the main thread has reported so far. */
typedef struct reporter {
    size_t cursor; /* jobs [0, cursor) are reported */
    size_t converted, failed, skipped;
    int progress;       /* a bar is on screen (stderr is a terminal) */
    int bar_drawn;      /* the last line on stderr is the bar */
    int reporting;      /* --report was given */
    artconv_buf report; /* its lines, written at the end by the output rules */
    int report_error;   /* building the report ran out of memory */
    double start;
    const cli_settings *settings;
} reporter;

static double now_s(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Names every job's output (outdir.c). */
static int plan_outputs(job *jobs, size_t count, const char *out_dir, const char *ext)
{
    const char **inputs = malloc((count > 0 ? count : 1) * sizeof *inputs);
    char **names = calloc(count > 0 ? count : 1, sizeof *names);
    size_t i;
    int rc = -1;

    if (inputs != NULL && names != NULL) {
        for (i = 0; i < count; i++)
            inputs[i] = jobs[i].input;
        rc = cli_outdir_names(names, inputs, count, out_dir, ext);
        for (i = 0; i < count; i++)
            jobs[i].output = names[i];
    }
    free(inputs);
    free(names);
    return rc;
}

/* --- the workers ------------------------------------------------------------------ */

static void *worker(void *arg)
{
    queue *q = arg;

    pthread_mutex_lock(&q->lock);
    while (q->next < q->count) {
        size_t i = q->next++;
        cli_request req;

        pthread_mutex_unlock(&q->lock);
        memset(&req, 0, sizeof req);
        req.in_path = q->jobs[i].input;
        req.from = q->settings->from;
        req.to = q->settings->to;
        req.out_path = q->jobs[i].output;
        req.force = q->force;
        req.split_items = 1;
        cli_convert_one(&q->jobs[i].res, q->settings, &req);
        pthread_mutex_lock(&q->lock);
        q->jobs[i].done = 1;
        q->done++;
        if (q->jobs[i].res.outcome == CLI_FAILED)
            q->failed++;
        if (q->done == q->count)
            pthread_cond_signal(&q->finished);
    }
    pthread_mutex_unlock(&q->lock);
    return NULL;
}

/* --- reporting -------------------------------------------------------------------- */

static void clear_bar(reporter *r)
{
    if (r->bar_drawn) {
        fputs("\r\033[K", stderr);
        r->bar_drawn = 0;
    }
}

static int terminal_width(void)
{
    struct winsize ws;

    if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40)
        return ws.ws_col;
    return 80;
}

/* "[#####.....]  512/10000 files  1024/s  2 errors  ETA 0:09" */
static void draw_bar(reporter *r, size_t done, size_t total, size_t failed)
{
    char text[160];
    double elapsed = now_s() - r->start;
    double rate = elapsed > 0 ? (double)done / elapsed : 0;
    int width = terminal_width(), bar, fill, i, len;

    if (done > 0 && done < total && rate > 0) {
        long left = (long)((double)(total - done) / rate + 0.5);

        len = snprintf(text, sizeof text, " %zu/%zu files  %.0f/s  %zu error%s  ETA %ld:%02ld",
                       done, total, rate, failed, failed == 1 ? "" : "s", left / 60, left % 60);
    } else {
        len = snprintf(text, sizeof text, " %zu/%zu files  %.0f/s  %zu error%s", done, total, rate,
                       failed, failed == 1 ? "" : "s");
    }
    bar = width - len - 3;
    if (bar > 40)
        bar = 40;
    fputs("\r[", stderr);
    fill = bar > 0 && total > 0 ? (int)((double)bar * (double)done / (double)total) : 0;
    for (i = 0; i < bar; i++)
        fputc(i < fill ? '#' : '.', stderr);
    fprintf(stderr, "]%s\033[K", text);
    fflush(stderr);
    r->bar_drawn = 1;
}

static int write_report_line(reporter *r, const job *j)
{
    static const char *const names[] = {"converted", "failed", "skipped"};
    json_t *line = json_object();
    char *text = NULL;
    int rc = -1;

    if (line == NULL)
        return -1;
    if (json_object_set_new(line, "input", cli_json_text(j->input)) < 0 ||
        json_object_set_new(line, "output", cli_json_text(j->output)) < 0 ||
        json_object_set_new(line, "format", json_string(artconv_format_name(r->settings->to))) <
            0 ||
        json_object_set_new(line, "status", json_string(names[j->res.outcome])) < 0 ||
        json_object_set_new(line, "error",
                            j->res.outcome == CLI_FAILED ? cli_json_text(j->res.err.message)
                                                         : json_null()) < 0 ||
        json_object_set_new(line, "warnings",
                            j->res.warnings != NULL ? json_incref(j->res.warnings) : json_array()) <
            0 ||
        json_object_set_new(line, "bytes", json_integer((json_int_t)j->res.bytes)) < 0 ||
        (j->res.items > 1 &&
         json_object_set_new(line, "items", json_integer((json_int_t)j->res.items)) < 0) ||
        json_object_set_new(line, "milliseconds", json_real(j->res.ms)) < 0)
        goto cleanup;
    text = json_dumps(line, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
    if (text == NULL || artconv_buf_puts(&r->report, text) < 0 ||
        artconv_buf_putc(&r->report, '\n') < 0)
        goto cleanup;
    rc = 0;
cleanup:
    free(text);
    json_decref(line);
    return rc;
}

/* Prints what job `j` needs a person to know, in input order. */
static void report_job(reporter *r, job *j)
{
    const cli_settings *s = r->settings;
    size_t k;
    json_t *w;

    switch (j->res.outcome) {
    case CLI_CONVERTED:
        r->converted++;
        if (s->verbose) {
            clear_bar(r);
            if (j->res.items > 1)
                fprintf(stderr, "artconv: %s -> %zu items as %s with .1 ... (%zu bytes, %.1f ms)\n",
                        j->input, j->res.items, j->output, j->res.bytes, j->res.ms);
            else
                fprintf(stderr, "artconv: %s -> %s (%zu bytes, %.1f ms)\n", j->input, j->output,
                        j->res.bytes, j->res.ms);
        }
        break;
    case CLI_FAILED:
        r->failed++;
        clear_bar(r);
        cli_print_error(j->input, &j->res.err);
        break;
    case CLI_SKIPPED:
        r->skipped++;
        if (!s->quiet) {
            clear_bar(r);
            fprintf(stderr, "artconv: %s: exists, skipped (--force replaces it)\n", j->output);
        }
        break;
    }
    if (!s->quiet && j->res.warnings != NULL) {
        clear_bar(r);
        json_array_foreach(j->res.warnings, k, w)
        {
            artconv_error warning;

            memset(&warning, 0, sizeof warning);
            snprintf(warning.message, sizeof warning.message, "%s", json_string_value(w));
            cli_print_warning(&warning, (void *)j->input);
        }
    }
    if (r->reporting && !r->report_error && write_report_line(r, j) < 0)
        r->report_error = 1;
    cli_result_dispose(&j->res);
}

static void report_ready(reporter *r, queue *q, size_t upto)
{
    for (; r->cursor < upto; r->cursor++)
        report_job(r, &q->jobs[r->cursor]);
}

/* The main thread's loop: wake up every tick, report what finished in
 * order, redraw the bar; return when every job is done. */
static void watch(reporter *r, queue *q)
{
    pthread_mutex_lock(&q->lock);
    while (r->cursor < q->count) {
        size_t upto = r->cursor, done, failed;

        while (upto < q->count && q->jobs[upto].done)
            upto++;
        done = q->done;
        failed = q->failed;
        pthread_mutex_unlock(&q->lock);
        report_ready(r, q, upto);
        if (r->progress)
            draw_bar(r, done, q->count, failed);
        pthread_mutex_lock(&q->lock);
        if (q->done < q->count) {
            struct timespec until;

            clock_gettime(CLOCK_REALTIME, &until);
            until.tv_nsec += TICK_MS * 1000000L;
            if (until.tv_nsec >= 1000000000L) {
                until.tv_sec++;
                until.tv_nsec -= 1000000000L;
            }
            pthread_cond_timedwait(&q->finished, &q->lock, &until);
        }
    }
    pthread_mutex_unlock(&q->lock);
}

/* --- the run ---------------------------------------------------------------------- */

static unsigned thread_count(unsigned requested, size_t count)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    size_t n = requested > 0 ? requested : (cores > 0 ? (size_t)cores : 1);

    if (n > MAX_JOBS)
        n = MAX_JOBS;
    if (n > count)
        n = count;
    return n > 0 ? (unsigned)n : 1;
}

static int make_dir(const char *dir)
{
    struct stat st;

    if (stat(dir, &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return 0;
        errno = ENOTDIR;
        return -1;
    }
    return mkdir(dir, 0777);
}

/* Flushes everything written below `dir` to the disk at once. */
static int sync_folder(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), rc;

    if (fd < 0)
        return -1;
    rc = syncfs(fd);
    close(fd);
    return rc;
}

/* Writes the report whole, as every output is written: a run stopped or a
 * disk full half-way leaves the previous report as it was. */
static int write_report(reporter *r, const cli_settings *settings, const char *path)
{
    artconv_write_options wopts = settings->write;
    artconv_error err;

    if (r->report_error) {
        fprintf(stderr, "artconv: %s: cannot write the report: out of memory\n", path);
        return -1;
    }
    wopts.filename = path;
    wopts.no_sync = 0;
    if (artconv_write_bytes_file(path, r->report.ptr, r->report.len, &wopts, &err) < 0) {
        cli_print_error(path, &err);
        return -1;
    }
    return 0;
}

static void summary(const reporter *r)
{
    int colour = cli_colour(stderr) && r->failed > 0;

    fprintf(stderr, "converted %zu, %sfailed %zu%s, skipped %zu in %.1f s\n", r->converted,
            colour ? "\033[1;31m" : "", r->failed, colour ? "\033[0m" : "", r->skipped,
            now_s() - r->start);
}

int cli_batch_run(const cli_settings *settings, const cli_batch_options *opts,
                  const char *const *inputs, size_t count)
{
    queue q;
    reporter r;
    cli_settings batch_settings = *settings;
    pthread_t *threads = NULL;
    unsigned n_threads = thread_count(opts->jobs, count), started = 0, t;
    size_t i;
    int status = CLI_EXIT_FAILED, locks = 0, unwritten = 0;

    memset(&q, 0, sizeof q);
    memset(&r, 0, sizeof r);
    r.start = now_s();
    r.settings = settings;
    r.progress = !settings->quiet && isatty(STDERR_FILENO);
    q.count = count;
    /* fsync per file made two threads slower than one on a real disk (they
     * queue in the kernel); the batch syncs the folder once at its end. */
    batch_settings.write.no_sync = 1;
    q.settings = &batch_settings;
    q.force = opts->force;
    q.jobs = calloc(count > 0 ? count : 1, sizeof *q.jobs);
    threads = calloc(n_threads, sizeof *threads);
    if (q.jobs == NULL || threads == NULL)
        goto nomem;
    for (i = 0; i < count; i++)
        q.jobs[i].input = inputs[i];
    if (plan_outputs(q.jobs, count, opts->out_dir, artconv_format_extensions(settings->to)[0]) < 0)
        goto nomem;
    if (make_dir(opts->out_dir) < 0) {
        fprintf(stderr, "artconv: %s: cannot use as the output folder: %s\n", opts->out_dir,
                strerror(errno));
        goto cleanup;
    }
    r.reporting = opts->report != NULL;
    if (pthread_mutex_init(&q.lock, NULL) != 0)
        goto nomem;
    if (pthread_cond_init(&q.finished, NULL) != 0) {
        pthread_mutex_destroy(&q.lock);
        goto nomem;
    }
    locks = 1;
    for (t = 0; t < n_threads; t++) {
        if (pthread_create(&threads[t], NULL, worker, &q) != 0)
            break;
        started++;
    }
    if (started == 0) /* no thread at all: convert on this one */
        worker(&q);
    watch(&r, &q);
    for (t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    clear_bar(&r);
    if (sync_folder(opts->out_dir) < 0) {
        fprintf(stderr, "artconv: %s: cannot sync the output folder: %s\n", opts->out_dir,
                strerror(errno));
        unwritten = 1;
    }
    if (r.reporting && write_report(&r, settings, opts->report) < 0)
        unwritten = 1;
    if (!settings->quiet)
        summary(&r);
    status = r.failed > 0 || unwritten ? CLI_EXIT_FAILED : 0;
    goto cleanup;
nomem:
    fputs("artconv: out of memory\n", stderr);
cleanup:
    artconv_buf_dispose(&r.report);
    if (locks) {
        pthread_cond_destroy(&q.finished);
        pthread_mutex_destroy(&q.lock);
    }
    for (i = 0; q.jobs != NULL && i < count; i++) {
        cli_result_dispose(&q.jobs[i].res);
        free(q.jobs[i].output);
    }
    free(q.jobs);
    free(threads);
    return status;
}
