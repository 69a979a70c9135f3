/*
 * score_trafilatura.c - scores the HTML reader on trafilatura's evaluation
 * pages (../shared/corpus/trafilatura-eval), with trafilatura's own metric
 * (its tests/eval_common.py, as SOURCE.txt describes it).
 *
 * evaldata.json maps each page's URL to {"file", "with", "without"}: the
 * snippets the main text must hold and those it must not.  The page's body
 * text as a reader sees it (score_body_text) has its white space runs
 * folded to one space and trimmed; each snippet, as given, is then looked
 * for as a substring.  Over the corpus: tp = "with" found, fn = "with"
 * missing, fp = "without" found, tn = "without" absent; precision
 * tp/(tp+fp), recall tp/(tp+fn), accuracy (tp+tn)/all, F 2tp/(2tp+fp+fn).
 * A page the reader fails on counts as an empty text.
 */
#include "score.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Measured on the 467 pages, then rounded down a little (about four
 * snippets' worth), captions left out. */
static const struct {
    const char *what;
    double floor;
} floors[] = {
    {"precision", 0.917}, /* measured 0.9200 */
    {"recall", 0.913},    /* measured 0.9160 */
    {"F", 0.915},         /* measured 0.9180 (P 0.9200, R 0.9160) */
};

/* Published on all 990 pages (docs/evaluation.rst, 2026-08-04), from
 * SOURCE.txt; P and R where it gives them. */
static const struct {
    const char *who;
    double f, p, r;
} published[] = {
    {"trafilatura 2.2.0", 0.924, 0.906, 0.943},
    {"magic-html", 0.889, -1, -1},
    {"justext", 0.862, -1, -1},
    {"readability-lxml", 0.826, -1, -1},
    {"goose3", 0.810, 0.936, -1},
    {"newspaper4k", 0.801, -1, -1},
};

typedef struct {
    const char *file;
    const json_t *with, *without;
} entry;

static int cmp_entry(const void *a, const void *b)
{
    return strcmp(((const entry *)a)->file, ((const entry *)b)->file);
}

/* Counts the snippets of `list` found in `text`; names them under -v. */
static size_t found_in(const char *text, const json_t *list, const char *file, const char *what,
                       int want, int verbose)
{
    size_t i, found = 0;

    for (i = 0; i < json_array_size(list); i++) {
        const char *s = json_string_value(json_array_get(list, i));
        int in = s != NULL && strstr(text, s) != NULL;

        found += in;
        if (verbose && in != want)
            printf("%s %s: \"%s\"\n", file, what, s == NULL ? "" : s);
    }
    return found;
}

int score_snippets(score_counts *c, const char *body, size_t len, const json_t *with,
                   const json_t *without, const char *file, int verbose)
{
    artconv_buf text = ARTCONV_BUF_INIT;

    if (score_fold_space(&text, body, len) < 0)
        return -1;
    c->tp = found_in(score_cstr(&text), with, file, "missing", 1, verbose);
    c->fn = json_array_size(with) - c->tp;
    c->fp = found_in(score_cstr(&text), without, file, "kept", 0, verbose);
    c->tn = json_array_size(without) - c->fp;
    artconv_buf_dispose(&text);
    return 0;
}

static int score_page(const char *dir, const entry *e, score_counts *c, int *read_ok,
                      const score_opts *o)
{
    char path[4096];
    artconv_buf src = ARTCONV_BUF_INIT, body = ARTCONV_BUF_INIT;
    artconv_article *a = NULL;
    int rc = -1;

    snprintf(path, sizeof path, "%s/pages/%s", dir, e->file);
    if (score_read_file(path, &src) < 0) {
        fprintf(stderr, "corpus-score: cannot read %s\n", path);
        goto cleanup;
    }
    if ((*read_ok = score_read_html(&a, &src, e->file, o)) < 0 ||
        score_body_text(&body, a, o->captions > 0) < 0 ||
        score_snippets(c, score_cstr(&body), body.len, e->with, e->without, e->file, o->verbose) <
            0)
        goto cleanup;
    rc = 0;
cleanup:
    artconv_article_free(a);
    artconv_buf_dispose(&src);
    artconv_buf_dispose(&body);
    return rc;
}

static double ratio(size_t a, size_t b)
{
    return b == 0 ? 0 : (double)a / (double)b;
}

void score_snippet_figures(double out[4], const score_counts *c)
{
    out[0] = ratio(c->tp, c->tp + c->fp);
    out[1] = ratio(c->tp, c->tp + c->fn);
    out[2] = ratio(2 * c->tp, 2 * c->tp + c->fp + c->fn);
    out[3] = ratio(c->tp + c->tn, c->tp + c->tn + c->fp + c->fn);
}

int score_trafilatura(const char *dir, const score_opts *o, score_tap *t)
{
    char path[4096];
    json_error_t jerr;
    json_t *data, *v;
    const char *url;
    entry *entries = NULL;
    score_counts sum = {0, 0, 0, 0};
    size_t n = 0, k, pages = 0, unread = 0, unparsed = 0;
    double P, R, F, A, got[4];
    int rc = -1;

    snprintf(path, sizeof path, "%s/evaldata.json", dir);
    if ((data = json_load_file(path, 0, &jerr)) == NULL || !json_is_object(data)) {
        fprintf(stderr, "corpus-score: %s: %s\n", path, data == NULL ? jerr.text : "not an object");
        goto cleanup;
    }
    if ((entries = calloc(json_object_size(data) + 1, sizeof *entries)) == NULL)
        goto cleanup;
    json_object_foreach(data, url, v)
    {
        const char *file = json_string_value(json_object_get(v, "file"));

        if (file == NULL || strchr(file, '/') != NULL)
            continue;
        entries[n].file = file;
        entries[n].with = json_object_get(v, "with");
        entries[n].without = json_object_get(v, "without");
        n++;
    }
    qsort(entries, n, sizeof *entries, cmp_entry);
    if (o->tap)
        printf("# trafilatura-eval: %s\n", dir);
    else
        printf("%-56s %4s %4s %4s %4s\n", "page", "tp", "fn", "fp", "tn");
    for (k = 0; k < n; k++) {
        score_counts c;
        int read_ok = 0;

        if (!score_pick(o, entries[k].file, k))
            continue;
        if (score_page(dir, &entries[k], &c, &read_ok, o) < 0) {
            unread++;
            continue;
        }
        pages++;
        unparsed += !read_ok;
        sum.tp += c.tp;
        sum.fn += c.fn;
        sum.fp += c.fp;
        sum.tn += c.tn;
        if (!o->tap)
            printf("%-56s %4zu %4zu %4zu %4zu\n", entries[k].file, c.tp, c.fn, c.fp, c.tn);
    }
    score_snippet_figures(got, &sum);
    P = got[0];
    R = got[1];
    F = got[2];
    A = got[3];
    if (o->tap) {
        score_check(t, unread == 0 && unparsed == 0,
                    "trafilatura-eval: all %zu pages are read (%zu unreadable, %zu refused)",
                    pages + unread, unread, unparsed);
        if (score_whole(o))
            for (k = 0; k < sizeof floors / sizeof floors[0]; k++)
                score_check(t, got[k] >= floors[k].floor, "trafilatura-eval %s %.4f >= floor %.4f",
                            floors[k].what, got[k], floors[k].floor);
        printf("# trafilatura-eval: P %.4f R %.4f F %.4f accuracy %.4f over %zu pages\n", P, R, F,
               A, pages);
    } else {
        printf("\ntrafilatura-eval, %zu pages: tp %zu fn %zu fp %zu tn %zu\n", pages, sum.tp,
               sum.fn, sum.fp, sum.tn);
        printf("precision %.4f  recall %.4f  accuracy %.4f  F %.4f\n", P, R, A, F);
        printf("published (all 990 pages):");
        for (k = 0; k < sizeof published / sizeof published[0]; k++) {
            printf("%s %s F %.3f", k == 0 ? "" : ",", published[k].who, published[k].f);
            if (published[k].p >= 0)
                printf(" (P %.3f%s", published[k].p, published[k].r >= 0 ? "" : ")");
            if (published[k].r >= 0)
                printf("%sR %.3f)", published[k].p >= 0 ? ", " : " (", published[k].r);
        }
        printf("\n");
    }
    rc = unread > 0 && !o->tap ? -1 : 0;
cleanup:
    free(entries);
    json_decref(data);
    return rc;
}
