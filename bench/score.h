/*
 * score.h - the corpus scorer's parts: options, shared text helpers and one
 * entry point per corpus.  See bench/README.md for what each corpus counts.
 */
#ifndef SCORE_H
#define SCORE_H

#include "artconv.h"

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

/* How one run chooses and reports pages. */
typedef struct score_opts {
    int tap;          /* TAP output with floors, instead of rows and totals */
    int verbose;      /* name each miss */
    int captions;     /* 1/0: count figure captions and credits as body text; -1: corpus default */
    int no_extract;   /* read the whole body, find no article */
    const char *only; /* score this page only */
    unsigned fold_k;  /* 1-based fold; 0 means every page */
    unsigned fold_n;  /* number of folds */
    int train;        /* the pages outside fold K instead of those in it */
    unsigned sample;  /* every Nth page only (1 = all); no floors above 1 */
} score_opts;

/* --- choosing pages ------------------------------------------------------- */

/** Returns a hash of the page name that stays the same across runs and
 *  machines (64-bit FNV-1a), which the folds split on. */
uint64_t score_name_hash(const char *name);
/** Returns 1 if page number `index` (in name order) called `name` is scored. */
int score_pick(const score_opts *o, const char *name, size_t index);
/** Returns 1 if every page is scored, so the floors apply. */
int score_whole(const score_opts *o);

/* --- files ------------------------------------------------------------------ */

/** Appends the file at `path` to `out`; 0, or -1 if it cannot be read. */
int score_read_file(const char *path, artconv_buf *out);
/** Appends the gzip-compressed file at `path`, uncompressed; 0 or -1. */
int score_read_gz(const char *path, artconv_buf *out);
/** Sorted names in `dir` that end in `suffix` (the suffix cut off), in a
 *  NULL-terminated array the caller frees with score_names_free; NULL when
 *  `dir` cannot be read or memory runs out. */
char **score_list_dir(const char *dir, const char *suffix, size_t *count);
void score_names_free(char **names);

/** Reads `src` with artconv's HTML reader into `*out`.  Returns 1, or 0
 *  when the reader fails (said on stderr; `*out` is then an empty article),
 *  or -1 when memory runs out. */
int score_read_html(artconv_article **out, const artconv_buf *src, const char *name,
                    const score_opts *o);

/* --- the text a reader sees ---------------------------------------------------- */

/** Appends the body text of `a` as a reader sees it: the dateline, then the
 *  literal text of every block, blocks on their own lines; figure captions
 *  and credits only with `captions`.  No alt text, link or image titles, raw
 *  HTML.  0, or -1 when memory runs out. */
int score_body_text(artconv_buf *out, const artconv_article *a, int captions);

/* --- tokens ----------------------------------------------------------------- */

/* A multiset of 64-bit hashes (tokens or shingles). */
typedef struct score_bag {
    uint64_t *v;
    size_t n, cap;
} score_bag;

#define SCORE_BAG_INIT                                                                             \
    {                                                                                              \
        NULL, 0, 0                                                                                 \
    }

void score_bag_dispose(score_bag *b);
/** Fills `out` with the \w+ tokens of `text`, lower-cased first (Python's
 *  str.lower() then re.findall(r"\w+"): letters and numbers of any script,
 *  and "_").  0, or -1 when memory runs out. */
int score_tokens(score_bag *out, const char *text, size_t len);
/** Fills `out` with the overlapping `n`-token shingles of `text`'s tokens
 *  (one shingle of them all when there are fewer).  0 or -1. */
int score_shingles(score_bag *out, const char *text, size_t len, size_t n);
/** Returns the size of the multiset intersection (sorts both bags). */
size_t score_overlap(score_bag *a, score_bag *b);

/* --- strings ------------------------------------------------------------------ */

/** Returns 1 for what Python's str.isspace() calls white space. */
int score_is_space(uint32_t c);
/** Appends `s` with white space runs as one space, trimmed (Python's
 *  " ".join(s.split())).  0 or -1. */
int score_fold_space(artconv_buf *out, const char *s, size_t len);
/** Appends `s` after NFKC, lower case, quotes removed and white space
 *  folded: the form in which WCXB titles and authors are compared.  0 or -1. */
int score_norm_meta(artconv_buf *out, const char *s);

/** The buffer's bytes as a string, "" while it is empty. */
static inline const char *score_cstr(const artconv_buf *b)
{
    return b->ptr == NULL ? "" : b->ptr;
}

/* --- F1 ---------------------------------------------------------------------- */

/** 2PR/(P+R), 0 when both are 0. */
double score_f1(double p, double r);

/* --- the corpora --------------------------------------------------------------- */

/* --- the metrics, one page at a time (what --self-test checks) -------------- */

/** readability: precision and recall of the 4-token shingles of `got`
 *  against those of `want` (an empty text has precision 1 only against an
 *  empty one, and an empty `want` recall 1).  0 or -1. */
int score_shingle_pr(double pr[2], const char *got, size_t got_len, const char *want,
                     size_t want_len);

/* trafilatura-eval: snippets found and missed. */
typedef struct score_counts {
    size_t tp, fn, fp, tn;
} score_counts;

/** Sets `c` from the JSON arrays of snippets `with` and `without` against
 *  `body` with white space folded; names misses under `verbose`.  0 or -1. */
int score_snippets(score_counts *c, const char *body, size_t len, const json_t *with,
                   const json_t *without, const char *file, int verbose);
/** Precision, recall, F and accuracy of summed counts. */
void score_snippet_figures(double out[4], const score_counts *c);

/** wcxb-dev: precision, recall and F1 of the \w+ token multisets (1 when
 *  both are empty, 0 when one is).  0 or -1. */
int score_wcxb_prf(double prf[3], const char *got, size_t got_len, const char *want,
                   size_t want_len);
/** The WCXB metadata rules (see score_wcxb.c): 1 right, 0 wrong, -1 when
 *  memory runs out. */
int score_wcxb_title(const char *got, const char *want);
int score_wcxb_author(const artconv_article *a, const char *want);
int score_wcxb_date(const char *got, const char *want);

/* A TAP counter for one run, over every corpus it scores. */
typedef struct score_tap {
    int checks, failed;
} score_tap;

/* Each scores the corpus in DIR: rows and totals, or (with o->tap) TAP
 * checks counted in `t`.  Returns 0, or -1 when DIR cannot be read as that
 * corpus or memory runs out (said on stderr). */
int score_readability(const char *dir, const score_opts *o, score_tap *t);
int score_trafilatura(const char *dir, const score_opts *o, score_tap *t);
int score_wcxb(const char *dir, const score_opts *o, score_tap *t);
/** Checks the metric code on small cases with known answers, as TAP
 *  checks in `t`. */
void score_self_test(score_tap *t);

/** Prints one TAP check ("ok N - ..."), counting failures. */
void score_check(score_tap *t, int ok, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 3, 4)))
#endif
    ;

#endif
