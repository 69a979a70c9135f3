/*
 * score_wcxb.c - scores the HTML reader on WCXB's development split
 * (../shared/corpus/wcxb-dev), with the metric of its evaluate.py as
 * SOURCE.txt describes it, plus the article metadata issue 15 asks for.
 *
 * Text: per page, the body text a reader sees (score_body_text) and the
 * ground truth's main_content are each a multiset of lower-cased \w+
 * tokens; their intersection gives the page's precision (over ours),
 * recall (over the ground truth's) and F1.  Two empty texts score 1, one
 * empty text 0.  Precision, recall and F1 are each the mean over the pages,
 * for all pages and for each page type (_internal.page_type.primary, else
 * metadata.json).  A page the reader fails on counts as an empty text.
 *
 * Metadata, on article pages whose ground truth has the field:
 *  - title right when equal after NFKC, lower case, quotes removed and
 *    white space folded (score_norm_meta);
 *  - author right when one of our authors equals, contains or is contained
 *    in the ground truth's author string, both so normalised;
 *  - date right when our date falls on the ground truth's calendar day:
 *    their first ten characters (YYYY-MM-DD) agree, or the first seven when
 *    the ground truth gives only a month.
 */
#include "score.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NTYPES 8 /* the 7 page types and "other" */

static const char *const type_names[NTYPES] = {
    "article", "service", "product", "collection", "forum", "listing", "documentation", "other",
};

/* Measured on the 1,497 pages (captions left out), then rounded down a
 * little: by about one page's worth for a page type, less for the totals.
 * Keys: "all", a page type, or a metadata field. */
static const struct {
    const char *what;
    double floor;
} floors[] = {
    {"all", 0.832},           /* measured 0.8354 */
    {"article", 0.940},       /* measured 0.9431 (793 pages) */
    {"service", 0.738},       /* measured 0.7470 (165) */
    {"product", 0.584},       /* measured 0.5930 (119) */
    {"collection", 0.632},    /* measured 0.6416 (117) */
    {"forum", 0.754},         /* measured 0.7631 (113) */
    {"listing", 0.654},       /* measured 0.6631 (99) */
    {"documentation", 0.890}, /* measured 0.8996 (91) */
    {"title", 0.869},         /* measured 692/793 = 0.8726 */
    {"author", 0.865},        /* measured 537/618 = 0.8689 */
    {"date", 0.871},          /* measured 576/659 = 0.8741 */
};

/* Published dev-split F1 (its README, from SOURCE.txt); -1 where none. */
static const struct {
    const char *who;
    double all, article;
} published[] = {
    {"rs-trafilatura", 0.859, 0.932}, {"trafilatura", 0.791, 0.926}, {"dom-smoothie", 0.762, 0.908},
    {"newspaper4k", 0.720, -1},       {"Readability", 0.675, 0.825},
};

typedef struct {
    size_t pages;
    double p, r, f;
} type_sum;

typedef struct {
    size_t have, right;
} meta_sum;

typedef struct {
    type_sum type[NTYPES], all;
    meta_sum title, author, date;
    size_t unread, unparsed;
} totals;

static const char *jget(const json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));

    return s != NULL && *s != '\0' ? s : NULL;
}

static int type_index(const char *name)
{
    int i;

    for (i = 0; name != NULL && i < NTYPES - 1; i++)
        if (strcmp(name, type_names[i]) == 0)
            return i;
    return NTYPES - 1;
}

int score_wcxb_author(const artconv_article *a, const char *want)
{
    artconv_buf w = ARTCONV_BUF_INIT, g = ARTCONV_BUF_INIT;
    size_t i, n = artconv_article_list_count(a, ARTCONV_LIST_AUTHORS);
    int right = 0;

    if (score_norm_meta(&w, want) < 0)
        return -1;
    for (i = 0; i < n && right == 0; i++) {
        artconv_buf_clear(&g);
        if (score_norm_meta(&g, artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, i)) < 0) {
            right = -1;
            break;
        }
        /* An empty name would be "contained" in every string. */
        right = g.len > 0 && w.len > 0 &&
                (strstr(score_cstr(&w), score_cstr(&g)) != NULL ||
                 strstr(score_cstr(&g), score_cstr(&w)) != NULL);
    }
    artconv_buf_dispose(&w);
    artconv_buf_dispose(&g);
    return right;
}

int score_wcxb_title(const char *got, const char *want)
{
    artconv_buf w = ARTCONV_BUF_INIT, g = ARTCONV_BUF_INIT;
    int right = -1;

    if (score_norm_meta(&w, want) == 0 && score_norm_meta(&g, got) == 0)
        right = strcmp(score_cstr(&w), score_cstr(&g)) == 0;
    artconv_buf_dispose(&w);
    artconv_buf_dispose(&g);
    return right;
}

int score_wcxb_date(const char *got, const char *want)
{
    size_t n = strlen(want) >= 10 ? 10 : 7;

    return got != NULL && strlen(want) >= 7 && strlen(got) >= n && strncmp(got, want, n) == 0;
}

int score_wcxb_prf(double prf[3], const char *got, size_t got_len, const char *want,
                   size_t want_len)
{
    score_bag g = SCORE_BAG_INIT, w = SCORE_BAG_INIT;
    int rc = -1;

    if (score_tokens(&g, got, got_len) == 0 && score_tokens(&w, want, want_len) == 0) {
        if (g.n == 0 || w.n == 0) {
            prf[0] = prf[1] = prf[2] = g.n == w.n;
        } else {
            size_t tp = score_overlap(&g, &w);

            prf[0] = (double)tp / (double)g.n;
            prf[1] = (double)tp / (double)w.n;
            prf[2] = score_f1(prf[0], prf[1]);
        }
        rc = 0;
    }
    score_bag_dispose(&g);
    score_bag_dispose(&w);
    return rc;
}

/* Scores one page into `t`; prints its row.  -1 when its files cannot be
 * read or memory runs out. */
static int score_page(const char *dir, const char *name, const json_t *types, totals *t,
                      const score_opts *o)
{
    char path[4096];
    artconv_buf src = ARTCONV_BUF_INIT, body = ARTCONV_BUF_INIT;
    artconv_article *a = NULL;
    json_t *doc;
    const json_t *gt;
    const char *type, *main_text, *v;
    double prf[3];
    int ti, read_ok, rc = -1;
    char marks[3][8] = {"", "", ""};

    snprintf(path, sizeof path, "%s/ground-truth/%s.json", dir, name);
    if ((doc = json_load_file(path, 0, NULL)) == NULL) {
        fprintf(stderr, "corpus-score: cannot read %s\n", path);
        return -1;
    }
    gt = json_object_get(doc, "ground_truth");
    type = jget(json_object_get(json_object_get(doc, "_internal"), "page_type"), "primary");
    if (type == NULL)
        type = jget(json_object_get(types, name), "page_type");
    ti = type_index(type);
    main_text = json_string_value(json_object_get(gt, "main_content"));
    snprintf(path, sizeof path, "%s/html/%s.html.gz", dir, name);
    if (score_read_gz(path, &src) < 0) {
        fprintf(stderr, "corpus-score: cannot read %s\n", path);
        goto cleanup;
    }
    if ((read_ok = score_read_html(&a, &src, name, o)) < 0 ||
        score_body_text(&body, a, o->captions > 0) < 0 ||
        score_wcxb_prf(prf, score_cstr(&body), body.len, main_text == NULL ? "" : main_text,
                       main_text == NULL ? 0 : strlen(main_text)) < 0)
        goto cleanup;
    t->unparsed += !read_ok;
    t->type[ti].pages++;
    t->type[ti].p += prf[0];
    t->type[ti].r += prf[1];
    t->type[ti].f += prf[2];
    if (ti == 0 && (v = jget(gt, "title")) != NULL) {
        const char *mine = artconv_article_get(a, ARTCONV_META_TITLE);
        int right = score_wcxb_title(mine == NULL ? "" : mine, v);

        if (right < 0)
            goto cleanup;
        t->title.have++;
        t->title.right += (size_t)right;
        snprintf(marks[0], sizeof marks[0], "%s", right ? "ok" : "-");
        if (o->verbose && !right)
            printf("%s title: got [%s] want [%s]\n", name, mine == NULL ? "" : mine, v);
    }
    if (ti == 0 && (v = jget(gt, "author")) != NULL) {
        int right = score_wcxb_author(a, v);

        if (right < 0)
            goto cleanup;
        t->author.have++;
        t->author.right += (size_t)right;
        snprintf(marks[1], sizeof marks[1], "%s", right ? "ok" : "-");
        if (o->verbose && !right) {
            size_t i;

            printf("%s author: want [%s] got:", name, v);
            for (i = 0; i < artconv_article_list_count(a, ARTCONV_LIST_AUTHORS); i++)
                printf(" [%s]", artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, i));
            printf("\n");
        }
    }
    if (ti == 0 && (v = jget(gt, "publish_date")) != NULL) {
        const char *mine = artconv_article_get(a, ARTCONV_META_DATE);
        int right = score_wcxb_date(mine, v);

        t->date.have++;
        t->date.right += (size_t)right;
        snprintf(marks[2], sizeof marks[2], "%s", right ? "ok" : "-");
        if (o->verbose && !right)
            printf("%s date: got [%s] want [%s]\n", name, mine == NULL ? "" : mine, v);
    }
    if (!o->tap)
        printf("%-6s %-13s %6.3f %6.3f %6.3f %5s %6s %4s\n", name, type_names[ti], prf[0], prf[1],
               prf[2], marks[0], marks[1], marks[2]);
    rc = 0;
cleanup:
    artconv_article_free(a);
    json_decref(doc);
    artconv_buf_dispose(&src);
    artconv_buf_dispose(&body);
    return rc;
}

static double share(meta_sum m)
{
    return m.have == 0 ? 0 : (double)m.right / (double)m.have;
}

static double mean_f(type_sum s)
{
    return s.pages == 0 ? 0 : s.f / (double)s.pages;
}

/* The measured figure a floor entry names; -1 when no page counts. */
static double figure(const totals *t, const char *what)
{
    int i;

    if (strcmp(what, "all") == 0)
        return t->all.pages == 0 ? -1 : mean_f(t->all);
    if (strcmp(what, "title") == 0)
        return t->title.have == 0 ? -1 : share(t->title);
    if (strcmp(what, "author") == 0)
        return t->author.have == 0 ? -1 : share(t->author);
    if (strcmp(what, "date") == 0)
        return t->date.have == 0 ? -1 : share(t->date);
    i = type_index(what);
    return t->type[i].pages == 0 ? -1 : mean_f(t->type[i]);
}

static void print_totals(const totals *t)
{
    size_t k;
    int i;

    printf("\nwcxb-dev, %zu pages: P %.4f  R %.4f  F1 %.4f\n", t->all.pages,
           t->all.pages == 0 ? 0 : t->all.p / (double)t->all.pages,
           t->all.pages == 0 ? 0 : t->all.r / (double)t->all.pages, mean_f(t->all));
    printf("%-14s %5s %6s %6s %6s\n", "type", "pages", "P", "R", "F1");
    for (i = 0; i < NTYPES; i++) {
        const type_sum *s = &t->type[i];

        if (s->pages > 0)
            printf("%-14s %5zu %6.4f %6.4f %6.4f\n", type_names[i], s->pages,
                   s->p / (double)s->pages, s->r / (double)s->pages, mean_f(*s));
    }
    printf("article metadata: title %zu/%zu (%.1f%%), author %zu/%zu (%.1f%%), date %zu/%zu "
           "(%.1f%%)\n",
           t->title.right, t->title.have, 100 * share(t->title), t->author.right, t->author.have,
           100 * share(t->author), t->date.right, t->date.have, 100 * share(t->date));
    printf("published F1 (dev split), all types / articles:");
    for (k = 0; k < sizeof published / sizeof published[0]; k++) {
        printf("%s %s %.3f", k == 0 ? "" : ",", published[k].who, published[k].all);
        if (published[k].article >= 0)
            printf(" / %.3f", published[k].article);
    }
    printf("\n");
}

int score_wcxb(const char *dir, const score_opts *o, score_tap *t)
{
    char path[4096];
    size_t n = 0, k;
    char **names;
    json_t *meta;
    totals sum;
    int i;

    snprintf(path, sizeof path, "%s/ground-truth", dir);
    if ((names = score_list_dir(path, ".json", &n)) == NULL) {
        fprintf(stderr, "corpus-score: cannot read %s\n", path);
        return -1;
    }
    snprintf(path, sizeof path, "%s/metadata.json", dir);
    meta = json_load_file(path, 0, NULL);
    memset(&sum, 0, sizeof sum);
    if (o->tap)
        printf("# wcxb-dev: %s\n", dir);
    else
        printf("%-6s %-13s %6s %6s %6s %5s %6s %4s\n", "page", "type", "P", "R", "F1", "title",
               "author", "date");
    for (k = 0; k < n; k++)
        if (score_pick(o, names[k], k) &&
            score_page(dir, names[k], json_object_get(meta, "files"), &sum, o) < 0)
            sum.unread++;
    score_names_free(names);
    json_decref(meta);
    for (i = 0; i < NTYPES; i++) {
        sum.all.pages += sum.type[i].pages;
        sum.all.p += sum.type[i].p;
        sum.all.r += sum.type[i].r;
        sum.all.f += sum.type[i].f;
    }
    if (!o->tap) {
        print_totals(&sum);
        return sum.unread > 0 ? -1 : 0;
    }
    score_check(t, sum.unread == 0 && sum.unparsed == 0,
                "wcxb-dev: all %zu pages are read (%zu unreadable, %zu refused)",
                sum.all.pages + sum.unread, sum.unread, sum.unparsed);
    if (score_whole(o))
        for (k = 0; k < sizeof floors / sizeof floors[0]; k++) {
            double got = figure(&sum, floors[k].what);

            score_check(t, got >= floors[k].floor, "wcxb-dev %s %.4f >= floor %.4f", floors[k].what,
                        got, floors[k].floor);
        }
    printf("# wcxb-dev: F1 %.4f over %zu pages (articles %.4f); title %.3f author %.3f date "
           "%.3f\n",
           mean_f(sum.all), sum.all.pages, mean_f(sum.type[0]), share(sum.title), share(sum.author),
           share(sum.date));
    return 0;
}
