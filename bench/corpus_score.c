/*
 * corpus_score.c - scores the HTML reader against the extraction corpora in
 * ../shared/corpus, each with its own metric (see bench/README.md).
 *
 *   corpus-score [--corpus readability|trafilatura|wcxb] [--tap] [-v]
 *                [--fold K/N | --train K/N] [--sample N] [--page NAME]
 *                [--captions | --no-captions] [--no-extract] DIR...
 *   corpus-score --self-test
 *
 * Each DIR is one corpus, told apart by its files unless --corpus names
 * it: evaldata.json (trafilatura-eval), ground-truth/ (wcxb-dev), or one
 * folder per page (readability).  --fold K/N scores the pages whose name
 * hash is K-1 modulo N, --train K/N all the others, so a tuning run can
 * hold pages back.  --sample N scores every Nth page (by name order);
 * ARTCONV_CORPUS_SAMPLE sets it too; under valgrind it defaults to 50 and in
 * an ASan build to 4, so that memory-checked runs stay short.  The floors only apply when
 * every page is scored.  Figure captions and credits count as body text on
 * readability/ only, unless --captions or --no-captions says otherwise.
 * With --tap a missing DIR is a skip, not a failure.
 */
#include "score.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Pages a run under valgrind scores: one in this many. */
#define VALGRIND_SAMPLE 50

/* An ASan build is about four times slower; the plain build holds the
 * floors, so it checks memory on a quarter of the pages. */
#if defined(__SANITIZE_ADDRESS__)
#define SANITIZER_SAMPLE 4
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZER_SAMPLE 4
#endif
#endif
#ifndef SANITIZER_SAMPLE
#define SANITIZER_SAMPLE 1
#endif

typedef enum { CORPUS_DETECT, CORPUS_READABILITY, CORPUS_TRAFILATURA, CORPUS_WCXB } corpus_kind;

static const char usage[] =
    "usage: corpus-score [--corpus readability|trafilatura|wcxb] [--tap] [-v]\n"
    "                    [--fold K/N | --train K/N] [--sample N] [--page NAME]\n"
    "                    [--captions | --no-captions] [--no-extract] DIR...\n"
    "       corpus-score --self-test\n";

static int exists(const char *dir, const char *name)
{
    char path[4096];
    struct stat st;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    return stat(path, &st) == 0;
}

static int is_dir(const char *path)
{
    struct stat st;

    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static corpus_kind detect(const char *dir)
{
    if (exists(dir, "evaldata.json"))
        return CORPUS_TRAFILATURA;
    if (exists(dir, "ground-truth"))
        return CORPUS_WCXB;
    return CORPUS_READABILITY;
}

/* "K/N" with 1 <= K <= N; 0 on success. */
static int parse_fold(score_opts *o, const char *s)
{
    unsigned k, n;
    char end;

    if (sscanf(s, "%u/%u%c", &k, &n, &end) != 2 || n == 0 || k == 0 || k > n)
        return -1;
    o->fold_k = k;
    o->fold_n = n;
    return 0;
}

static unsigned parse_count(const char *s)
{
    char *end;
    unsigned long v = strtoul(s, &end, 10);

    return *end != '\0' || v == 0 || v > 1000000 ? 0 : (unsigned)v;
}

/* valgrind preloads its own core library into the program it runs. */
static int under_valgrind(void)
{
    const char *p = getenv("LD_PRELOAD");

    return p != NULL && strstr(p, "vgpreload") != NULL;
}

int main(int argc, char **argv)
{
    score_opts o = {0, 0, -1, 0, NULL, 0, 0, 0, 1};
    score_tap t = {0, 0};
    corpus_kind kind = CORPUS_DETECT;
    const char *dirs[16], *env = getenv("ARTCONV_CORPUS_SAMPLE");
    int ndirs = 0, self_test = 0, sample_set = 0, failed = 0, i;

    for (i = 1; i < argc; i++) {
        const char *a = argv[i], *next = i + 1 < argc ? argv[i + 1] : NULL;

        if (strcmp(a, "--tap") == 0)
            o.tap = 1;
        else if (strcmp(a, "-v") == 0)
            o.verbose = 1;
        else if (strcmp(a, "--self-test") == 0)
            self_test = 1;
        else if (strcmp(a, "--no-extract") == 0)
            o.no_extract = 1;
        else if (strcmp(a, "--captions") == 0)
            o.captions = 1;
        else if (strcmp(a, "--no-captions") == 0)
            o.captions = 0;
        else if (strcmp(a, "--page") == 0 && next != NULL)
            o.only = argv[++i];
        else if ((strcmp(a, "--fold") == 0 || strcmp(a, "--train") == 0) && next != NULL) {
            o.train = strcmp(a, "--train") == 0;
            if (parse_fold(&o, argv[++i]) < 0) {
                fprintf(stderr, "corpus-score: %s wants K/N with 1 <= K <= N, not \"%s\"\n", a,
                        next);
                return 2;
            }
        } else if (strcmp(a, "--sample") == 0 && next != NULL) {
            if ((o.sample = parse_count(argv[++i])) == 0) {
                fprintf(stderr, "corpus-score: --sample wants a count from 1, not \"%s\"\n", next);
                return 2;
            }
            sample_set = 1;
        } else if (strcmp(a, "--corpus") == 0 && next != NULL) {
            i++;
            if (strcmp(next, "readability") == 0)
                kind = CORPUS_READABILITY;
            else if (strcmp(next, "trafilatura") == 0 || strcmp(next, "trafilatura-eval") == 0)
                kind = CORPUS_TRAFILATURA;
            else if (strcmp(next, "wcxb") == 0 || strcmp(next, "wcxb-dev") == 0)
                kind = CORPUS_WCXB;
            else {
                fprintf(stderr, "corpus-score: unknown corpus \"%s\"\n%s", next, usage);
                return 2;
            }
        } else if (a[0] == '-') {
            fprintf(stderr, "corpus-score: unknown option %s\n%s", a, usage);
            return 2;
        } else if (ndirs < (int)(sizeof dirs / sizeof dirs[0]))
            dirs[ndirs++] = a;
    }
    if (!sample_set && env != NULL && *env != '\0' && (o.sample = parse_count(env)) == 0) {
        fprintf(stderr, "corpus-score: ARTCONV_CORPUS_SAMPLE wants a count from 1, not \"%s\"\n",
                env);
        return 2;
    }
    if (!sample_set && (env == NULL || *env == '\0'))
        o.sample = under_valgrind() ? VALGRIND_SAMPLE : SANITIZER_SAMPLE;
    if (self_test) {
        score_self_test(&t);
        printf("1..%d\n", t.checks);
        return t.failed > 0;
    }
    if (ndirs == 0) {
        fputs(usage, stderr);
        return 2;
    }
    if (o.tap) {
        int present = 0;

        for (i = 0; i < ndirs; i++)
            present += is_dir(dirs[i]);
        if (present == 0) {
            /* ../shared is not in every checkout. */
            printf("1..0 # SKIP corpus not found at %s\n", dirs[0]);
            return 0;
        }
    }
    if (o.tap && o.sample > 1)
        printf("# every %uth page only: the floors do not apply\n", o.sample);
    for (i = 0; i < ndirs; i++) {
        corpus_kind k = kind == CORPUS_DETECT ? detect(dirs[i]) : kind;
        int rc;

        if (!is_dir(dirs[i])) {
            if (o.tap) {
                printf("ok %d - # SKIP corpus not found at %s\n", ++t.checks, dirs[i]);
                continue;
            }
            fprintf(stderr, "corpus-score: cannot open %s\n", dirs[i]);
            failed = 1;
            continue;
        }
        if (i > 0 && !o.tap)
            putchar('\n');
        rc = k == CORPUS_TRAFILATURA ? score_trafilatura(dirs[i], &o, &t)
             : k == CORPUS_WCXB      ? score_wcxb(dirs[i], &o, &t)
                                     : score_readability(dirs[i], &o, &t);
        if (rc < 0) {
            if (o.tap)
                score_check(&t, 0, "%s is scored", dirs[i]);
            failed = 1;
        }
    }
    if (o.tap)
        printf("1..%d\n", t.checks);
    return failed || t.failed > 0;
}
