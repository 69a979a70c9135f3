/*
 * score_util.c - what every corpus scorer needs: choosing pages, reading
 * files, the body text a reader sees, Python-like tokens and shingles, and
 * the normal form of metadata strings.
 */
#include "score.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>
#include <zlib.h>

/* --- choosing pages ------------------------------------------------------- */

uint64_t score_name_hash(const char *name)
{
    uint64_t h = 14695981039346656037ULL;

    for (; *name != '\0'; name++) {
        h ^= (unsigned char)*name;
        h *= 1099511628211ULL;
    }
    return h;
}

int score_pick(const score_opts *o, const char *name, size_t index)
{
    if (o->only != NULL && strcmp(o->only, name) != 0)
        return 0;
    if (o->sample > 1 && index % o->sample != 0)
        return 0;
    if (o->fold_n > 0) {
        int in = score_name_hash(name) % o->fold_n == o->fold_k - 1;

        return o->train ? !in : in;
    }
    return 1;
}

int score_whole(const score_opts *o)
{
    return o->only == NULL && o->sample <= 1 && o->fold_n == 0 && !o->no_extract;
}

void score_check(score_tap *t, int ok, const char *fmt, ...)
{
    va_list ap;

    t->checks++;
    t->failed += !ok;
    printf("%sok %d - ", ok ? "" : "not ", t->checks);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
}

/* --- files ------------------------------------------------------------------ */

int score_read_file(const char *path, artconv_buf *out)
{
    FILE *f = fopen(path, "rb");
    char chunk[65536];
    size_t n;
    int rc = 0;

    if (f == NULL)
        return -1;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (artconv_buf_put(out, chunk, n) < 0) {
            rc = -1;
            break;
        }
    if (ferror(f))
        rc = -1;
    fclose(f);
    return rc;
}

int score_read_gz(const char *path, artconv_buf *out)
{
    gzFile f = gzopen(path, "rb");
    char chunk[65536];
    int n, rc = 0;

    if (f == NULL)
        return -1;
    while ((n = gzread(f, chunk, sizeof chunk)) > 0)
        if (artconv_buf_put(out, chunk, (size_t)n) < 0) {
            rc = -1;
            break;
        }
    if (n < 0)
        rc = -1;
    gzclose(f);
    return rc;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void score_names_free(char **names)
{
    size_t i;

    for (i = 0; names != NULL && names[i] != NULL; i++)
        free(names[i]);
    free(names);
}

char **score_list_dir(const char *dir, const char *suffix, size_t *count)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    char **names = NULL;
    size_t n = 0, cap = 0, sl = strlen(suffix);

    *count = 0;
    if (d == NULL)
        return NULL;
    while ((de = readdir(d)) != NULL) {
        size_t len = strlen(de->d_name);

        if (de->d_name[0] == '.' || len <= sl || strcmp(de->d_name + len - sl, suffix) != 0)
            continue;
        if (n + 1 >= cap) {
            char **p = realloc(names, (cap = cap == 0 ? 256 : cap * 2) * sizeof *p);

            if (p == NULL)
                goto fail;
            names = p;
        }
        if ((names[n] = strndup(de->d_name, len - sl)) == NULL)
            goto fail;
        names[++n] = NULL;
    }
    closedir(d);
    if (names == NULL && (names = calloc(1, sizeof *names)) == NULL)
        return NULL;
    qsort(names, n, sizeof *names, cmp_str);
    *count = n;
    return names;
fail:
    closedir(d);
    if (names != NULL)
        names[n] = NULL;
    score_names_free(names);
    return NULL;
}

int score_read_html(artconv_article **out, const artconv_buf *src, const char *name,
                    const score_opts *o)
{
    artconv_read_options opts;
    artconv_error err;

    artconv_read_options_init(&opts);
    opts.filename = name;
    opts.no_extract = o->no_extract;
    if (artconv_read(out, artconv_format_by_name("html"), score_cstr(src), src->len, &opts, &err) ==
        0)
        return 1;
    fprintf(stderr, "%s: %s\n", name, err.message);
    *out = artconv_article_new();
    return *out == NULL ? -1 : 0;
}

/* --- the text a reader sees ---------------------------------------------------- */

int score_body_text(artconv_buf *out, const artconv_article *a, int captions)
{
    const char *s;
    artconv_iter *it;
    artconv_event ev;
    int rc = 0;

    /* The reader moves a dateline ("LONDON —") out of the first paragraph
     * into the metadata; every writer prints it before the body. */
    if ((s = artconv_article_get(a, ARTCONV_META_DATELINE)) != NULL &&
        (artconv_buf_puts(out, s) < 0 || artconv_buf_putc(out, '\n') < 0))
        return -1;
    if ((it = artconv_iter_new(artconv_article_body(a))) == NULL)
        return -1;
    while (rc == 0 && (ev = artconv_iter_next(it)) != ARTCONV_EVENT_DONE) {
        const artconv_node *n = artconv_iter_node(it);
        artconv_node_kind k = artconv_node_get_kind(n);

        if (artconv_node_kind_is_block(k) || k == ARTCONV_NODE_LINEBREAK ||
            k == ARTCONV_NODE_SOFTBREAK)
            rc = artconv_buf_putc(out, '\n');
        if (ev != ARTCONV_EVENT_ENTER || rc < 0)
            continue;
        if (k == ARTCONV_NODE_CAPTION && !captions) {
            artconv_iter_skip_children(it);
            continue;
        }
        /* Raw HTML is markup only; alt text and titles are not shown. */
        if (k >= ARTCONV_NODE_FIRST_RAW && k <= ARTCONV_NODE_LAST_RAW)
            continue;
        if ((s = artconv_node_get_literal(n)) != NULL)
            rc = artconv_buf_puts(out, s);
        if (captions && rc == 0 && k == ARTCONV_NODE_FIGURE &&
            (s = artconv_node_get_credit(n)) != NULL) {
            rc = artconv_buf_puts(out, s);
            rc = rc < 0 ? rc : artconv_buf_putc(out, '\n');
        }
    }
    artconv_iter_free(it);
    return rc < 0 ? -1 : 0;
}

/* --- tokens ----------------------------------------------------------------- */

void score_bag_dispose(score_bag *b)
{
    free(b->v);
    b->v = NULL;
    b->n = b->cap = 0;
}

static int bag_push(score_bag *b, uint64_t v)
{
    if (b->n == b->cap) {
        size_t cap = b->cap == 0 ? 1024 : b->cap * 2;
        uint64_t *p = realloc(b->v, cap * sizeof *p);

        if (p == NULL)
            return -1;
        b->v = p;
        b->cap = cap;
    }
    b->v[b->n++] = v;
    return 0;
}

/* Python's \w on str: str.isalnum() (categories L and N; the few other
 * numeric characters are CJK ideographs, which are L) or "_". */
static int is_word(ucs4_t c)
{
    return c == '_' || uc_is_general_category(c, UC_CATEGORY_L) ||
           uc_is_general_category(c, UC_CATEGORY_N);
}

int score_tokens(score_bag *out, const char *text, size_t len)
{
    size_t low_len = 0, i = 0, start = 0;
    uint8_t *low;
    int in = 0, rc = 0;

    out->n = 0;
    if (len == 0)
        return 0;
    low = u8_tolower((const uint8_t *)text, len, NULL, NULL, NULL, &low_len);
    if (low == NULL)
        return -1;
    while (rc == 0 && i <= low_len) {
        ucs4_t c = 0;
        int n = 1, w = 0;

        if (i < low_len) {
            n = u8_mbtouc(&c, low + i, low_len - i);
            w = is_word(c);
        }
        if (w && !in) {
            start = i;
            in = 1;
        } else if (!w && in) {
            uint64_t h = 14695981039346656037ULL;
            size_t k;

            for (k = start; k < i; k++) {
                h ^= low[k];
                h *= 1099511628211ULL;
            }
            in = 0;
            rc = bag_push(out, h);
        }
        i += (size_t)n;
    }
    free(low);
    return rc;
}

static uint64_t shingle_hash(const uint64_t *tok, size_t n)
{
    uint64_t h = 0x84222325CBF29CE4ULL;
    size_t k;

    for (k = 0; k < n; k++)
        h = (h ^ tok[k]) * 0x9E3779B97F4A7C15ULL + k + 1;
    return h ^ (h >> 29);
}

int score_shingles(score_bag *out, const char *text, size_t len, size_t n)
{
    score_bag tok = SCORE_BAG_INIT;
    size_t i;
    int rc = 0;

    out->n = 0;
    if (score_tokens(&tok, text, len) < 0)
        return -1;
    if (tok.n > 0 && tok.n < n)
        rc = bag_push(out, shingle_hash(tok.v, tok.n));
    for (i = 0; rc == 0 && i + n <= tok.n; i++)
        rc = bag_push(out, shingle_hash(tok.v + i, n));
    score_bag_dispose(&tok);
    return rc;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

    return x < y ? -1 : x > y;
}

size_t score_overlap(score_bag *a, score_bag *b)
{
    size_t i = 0, j = 0, tp = 0;

    if (a->n > 0)
        qsort(a->v, a->n, sizeof *a->v, cmp_u64);
    if (b->n > 0)
        qsort(b->v, b->n, sizeof *b->v, cmp_u64);
    while (i < a->n && j < b->n) {
        if (a->v[i] == b->v[j]) {
            tp++;
            i++;
            j++;
        } else if (a->v[i] < b->v[j])
            i++;
        else
            j++;
    }
    return tp;
}

/* --- strings ------------------------------------------------------------------ */

int score_is_space(uint32_t c)
{
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}

/* Straight and typographic quotes: what "quotes removed" removes. */
static int is_quote(ucs4_t c)
{
    return c == '"' || c == '\'' || c == '`' || c == 0xB4 || c == 0x201A || c == 0x201E ||
           uc_is_general_category(c, UC_CATEGORY_Pi) || uc_is_general_category(c, UC_CATEGORY_Pf);
}

/* Appends `s` with white space folded, leaving out quotes when asked. */
static int fold(artconv_buf *out, const uint8_t *s, size_t len, int drop_quotes)
{
    size_t i = 0, start = out->len;
    int space = 0;

    while (i < len) {
        ucs4_t c;
        int n = u8_mbtouc(&c, s + i, len - i);

        if (score_is_space(c)) {
            space = 1;
        } else if (!(drop_quotes && is_quote(c))) {
            if (space && out->len > start && artconv_buf_putc(out, ' ') < 0)
                return -1;
            space = 0;
            if (artconv_buf_put(out, s + i, (size_t)n) < 0)
                return -1;
        }
        i += (size_t)n;
    }
    return 0;
}

int score_fold_space(artconv_buf *out, const char *s, size_t len)
{
    return fold(out, (const uint8_t *)s, len, 0);
}

int score_norm_meta(artconv_buf *out, const char *s)
{
    size_t nlen = 0, llen = 0;
    uint8_t *nfkc, *low;
    int rc;

    if (s == NULL || *s == '\0')
        return 0;
    nfkc = u8_normalize(UNINORM_NFKC, (const uint8_t *)s, strlen(s), NULL, &nlen);
    if (nfkc == NULL)
        return -1;
    low = u8_tolower(nfkc, nlen, NULL, NULL, NULL, &llen);
    free(nfkc);
    if (low == NULL)
        return -1;
    rc = fold(out, low, llen, 1);
    free(low);
    return rc;
}

double score_f1(double p, double r)
{
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
}
