/*
 * score_selftest.c - the metric code on small hand-made cases whose answers
 * are worked out by hand (in the comments), so a change to the scorer
 * cannot move the figures unnoticed.  Needs no corpus.
 */
#include "score.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static int near(double a, double b)
{
    return fabs(a - b) < 1e-9;
}

static size_t count_tokens(const char *s)
{
    score_bag b = SCORE_BAG_INIT;
    size_t n = 0;

    if (score_tokens(&b, s, strlen(s)) == 0)
        n = b.n;
    score_bag_dispose(&b);
    return n;
}

static size_t common_tokens(const char *x, const char *y)
{
    score_bag a = SCORE_BAG_INIT, b = SCORE_BAG_INIT;
    size_t n = (size_t)-1;

    if (score_tokens(&a, x, strlen(x)) == 0 && score_tokens(&b, y, strlen(y)) == 0)
        n = score_overlap(&a, &b);
    score_bag_dispose(&a);
    score_bag_dispose(&b);
    return n;
}

static size_t count_shingles(const char *s)
{
    score_bag b = SCORE_BAG_INIT;
    size_t n = (size_t)-1;

    if (score_shingles(&b, s, strlen(s), 4) == 0)
        n = b.n;
    score_bag_dispose(&b);
    return n;
}

static void tokens(score_tap *t)
{
    /* hello | world_1 | naïve | déjà | vu: "_" and digits join, "-" splits. */
    score_check(t, count_tokens("Hello, World_1 naïve déjà-vu!") == 5,
                "tokens: \\w+ of any script");
    /* Upper and lower case are one token. */
    score_check(t, common_tokens("ÉCOLE Straße", "école straße") == 2, "tokens: lower-cased");
    /* Python's \w leaves out combining marks (Mn): "e" + U+0301 is "e". */
    score_check(t, count_tokens("e\xCC\x81") == 1 && common_tokens("e\xCC\x81", "e") == 1,
                "tokens: a combining mark is no word character, as in Python");
    score_check(t, count_tokens("2024 年 ٣") == 3, "tokens: numbers and ideographs");
    score_check(t, count_tokens(" \xC2\xA0 -- ") == 0, "tokens: none in spaces and dashes");
    /* a a a b against a a c: two a in common. */
    score_check(t, common_tokens("a a a b", "a a c") == 2, "overlap: of multisets");
}

static void shingles(score_tap *t)
{
    double pr[2] = {0, 0};
    const char *g = "one two three four five", *w = "one two three four six";

    score_check(t, count_shingles("a b c d e") == 2, "shingles: 5 tokens give 2");
    score_check(t, count_shingles("a b") == 1, "shingles: fewer than 4 tokens give one");
    score_check(t, count_shingles("") == 0, "shingles: none of an empty text");
    /* [one two three four] is common; [two three four five/six] is not. */
    int rc = score_shingle_pr(pr, g, strlen(g), w, strlen(w));

    score_check(t, rc == 0 && near(pr[0], 0.5) && near(pr[1], 0.5),
                "readability: P 0.5 R 0.5 (got %.3f %.3f)", pr[0], pr[1]);
    score_check(t,
                score_shingle_pr(pr, "", 0, w, strlen(w)) == 0 && near(pr[0], 0) && near(pr[1], 0),
                "readability: an empty text scores 0");
    /* Order matters: the same tokens shuffled share no shingle. */
    score_check(t, score_shingle_pr(pr, "d c b a", 7, "a b c d", 7) == 0 && near(pr[0], 0),
                "readability: shingles keep token order");
}

static void snippets(score_tap *t)
{
    const char *body = "Hello   world.\n\nSecond\tpara";
    json_t *with = json_pack("[sss]", "Hello world.", "world. Second", "not there"),
           *without = json_pack("[sss]", "Second para", " para", "nope");
    score_counts c = {0, 0, 0, 0};
    double f[4] = {0, 0, 0, 0};

    /* Folded: "Hello world. Second para".  with: 2 found, 1 missing;
     * without: 2 found (" para" keeps its space), 1 absent. */
    int rc = with != NULL && without != NULL
                 ? score_snippets(&c, body, strlen(body), with, without, "t", 0)
                 : -1;

    score_check(t, rc == 0 && c.tp == 2 && c.fn == 1 && c.fp == 2 && c.tn == 1,
                "trafilatura: tp 2 fn 1 fp 2 tn 1 (got %zu %zu %zu %zu)", c.tp, c.fn, c.fp, c.tn);
    /* P 2/4, R 2/3, F 4/7, accuracy 3/6. */
    score_snippet_figures(f, &c);
    score_check(t, near(f[0], 0.5) && near(f[1], 2.0 / 3) && near(f[2], 4.0 / 7) && near(f[3], 0.5),
                "trafilatura: P 0.5 R 0.667 F 0.571 accuracy 0.5");
    json_decref(with);
    json_decref(without);
}

static void words(score_tap *t)
{
    double prf[3] = {0, 0, 0};
    const char *g = "The cat sat on the mat.", *w = "the cat sat";

    /* 6 tokens against 3; in common the (once), cat, sat. */
    int rc = score_wcxb_prf(prf, g, strlen(g), w, strlen(w));

    score_check(t, rc == 0 && near(prf[0], 0.5) && near(prf[1], 1) && near(prf[2], 2.0 / 3),
                "wcxb: P 0.5 R 1 F1 0.667 (got %.3f %.3f %.3f)", prf[0], prf[1], prf[2]);
    score_check(t, score_wcxb_prf(prf, "", 0, "", 0) == 0 && near(prf[2], 1),
                "wcxb: two empty texts score 1");
    score_check(t, score_wcxb_prf(prf, "", 0, w, strlen(w)) == 0 && near(prf[2], 0),
                "wcxb: an empty text against words scores 0");
}

static void metadata(score_tap *t)
{
    artconv_article *a = artconv_article_new();

    /* NFKC turns the full-width letters and the "ﬁ" ligature into ASCII. */
    score_check(t,
                score_wcxb_title("\xE2\x80\x9C"
                                 "Breaking\xE2\x80\x9D  News: \xEF\xBC\xB4"
                                 "est \xEF\xAC\x81le",
                                 "\"breaking\" news:\ttest file") == 1,
                "title: NFKC, case, quotes and spaces set aside");
    score_check(t, score_wcxb_title("Breaking News | Site", "Breaking News") == 0,
                "title: a site name left in is wrong");
    score_check(t, a != NULL && score_wcxb_author(a, "Jane Doe") == 0, "author: none is wrong");
    if (a != NULL)
        artconv_article_list_add(a, ARTCONV_LIST_AUTHORS, "John Smith", NULL);
    score_check(t, a != NULL && score_wcxb_author(a, "Jane Doe") == 0,
                "author: another name is wrong");
    if (a != NULL)
        artconv_article_list_add(a, ARTCONV_LIST_AUTHORS, "JANE DOE", NULL);
    score_check(t, a != NULL && score_wcxb_author(a, "By Jane Doe and Rob Roe") == 1,
                "author: one of ours contained in theirs");
    score_check(t, a != NULL && score_wcxb_author(a, "Doe") == 1,
                "author: theirs contained in one of ours");
    score_check(t, score_wcxb_date("2024-05-31T23:30:00-05:00", "2024-05-31") == 1,
                "date: the same calendar day");
    score_check(t, score_wcxb_date("2024-06-01", "2024-05-31") == 0, "date: the next day is wrong");
    score_check(t, score_wcxb_date("2024-05-12", "2024-05") == 1,
                "date: within a month-only ground truth");
    score_check(t, score_wcxb_date(NULL, "2024-05-31") == 0, "date: none is wrong");
    artconv_article_free(a);
}

/* A paragraph with a link (titled) and an image, then a figure with its
 * caption and credit, under a dateline. */
static artconv_article *sample_article(void)
{
    artconv_article *a = artconv_article_new();
    artconv_node *p = artconv_node_new(ARTCONV_NODE_PARAGRAPH),
                 *txt = artconv_node_new(ARTCONV_NODE_TEXT),
                 *link = artconv_node_new(ARTCONV_NODE_LINK),
                 *ltxt = artconv_node_new(ARTCONV_NODE_TEXT),
                 *img = artconv_node_new(ARTCONV_NODE_IMAGE),
                 *fig = artconv_node_new(ARTCONV_NODE_FIGURE),
                 *cap = artconv_node_new(ARTCONV_NODE_CAPTION),
                 *ctxt = artconv_node_new(ARTCONV_NODE_TEXT);
    int ok = a != NULL && p != NULL && txt != NULL && link != NULL && ltxt != NULL && img != NULL &&
             fig != NULL && cap != NULL && ctxt != NULL;

    ok = ok && artconv_article_set(a, ARTCONV_META_DATELINE, "PARIS", NULL) == 0 &&
         artconv_node_set_literal(txt, "Hello ", NULL) == 0 &&
         artconv_node_set_literal(ltxt, "world", NULL) == 0 &&
         artconv_node_set_title(link, "LINKTITLE", NULL) == 0 &&
         artconv_node_set_alt(img, "ALTTEXT", NULL) == 0 &&
         artconv_node_set_title(img, "IMGTITLE", NULL) == 0 &&
         artconv_node_set_url(img, "x.png", NULL) == 0 &&
         artconv_node_set_url(fig, "y.png", NULL) == 0 &&
         artconv_node_set_alt(fig, "FIGALT", NULL) == 0 &&
         artconv_node_set_credit(fig, "CREDITLINE", NULL) == 0 &&
         artconv_node_set_literal(ctxt, "CAPTIONTEXT", NULL) == 0;
    ok = ok && artconv_node_append(link, ltxt, NULL) == 0 && (ltxt = NULL, 1) &&
         artconv_node_append(p, txt, NULL) == 0 && (txt = NULL, 1) &&
         artconv_node_append(p, link, NULL) == 0 && (link = NULL, 1) &&
         artconv_node_append(p, img, NULL) == 0 && (img = NULL, 1) &&
         artconv_node_append(cap, ctxt, NULL) == 0 && (ctxt = NULL, 1) &&
         artconv_node_append(fig, cap, NULL) == 0 && (cap = NULL, 1) &&
         artconv_node_append(artconv_article_body(a), p, NULL) == 0 && (p = NULL, 1) &&
         artconv_node_append(artconv_article_body(a), fig, NULL) == 0 && (fig = NULL, 1);
    artconv_node_free(p);
    artconv_node_free(txt);
    artconv_node_free(link);
    artconv_node_free(ltxt);
    artconv_node_free(img);
    artconv_node_free(fig);
    artconv_node_free(cap);
    artconv_node_free(ctxt);
    if (!ok) {
        artconv_article_free(a);
        return NULL;
    }
    return a;
}

static void body_text(score_tap *t)
{
    artconv_article *a = sample_article();
    artconv_buf plain = ARTCONV_BUF_INIT, with_caps = ARTCONV_BUF_INIT;
    const char *s, *c;
    int ok =
        a != NULL && score_body_text(&plain, a, 0) == 0 && score_body_text(&with_caps, a, 1) == 0;

    s = score_cstr(&plain);
    c = score_cstr(&with_caps);
    score_check(t, ok && strstr(s, "PARIS") != NULL && strstr(s, "Hello world") != NULL,
                "body text: the dateline and the paragraph, link text included");
    score_check(t,
                ok && strstr(c, "ALTTEXT") == NULL && strstr(c, "LINKTITLE") == NULL &&
                    strstr(c, "IMGTITLE") == NULL && strstr(c, "FIGALT") == NULL,
                "body text: no alt text, link or image titles");
    score_check(t, ok && strstr(s, "CAPTIONTEXT") == NULL && strstr(s, "CREDITLINE") == NULL,
                "body text: no captions or credits without --captions");
    score_check(t, ok && strstr(c, "CAPTIONTEXT") != NULL && strstr(c, "CREDITLINE") != NULL,
                "body text: captions and credits with --captions");
    artconv_buf_dispose(&plain);
    artconv_buf_dispose(&with_caps);
    artconv_article_free(a);
}

static void strings(score_tap *t)
{
    artconv_buf b = ARTCONV_BUF_INIT;
    size_t i, in_fold = 0, in_train = 0;
    const char *s = " \t a\xC2\xA0\xC2\xA0 b\n\n c\xE2\x80\x83 ";

    int rc = score_fold_space(&b, s, strlen(s));

    score_check(t, rc == 0 && strcmp(score_cstr(&b), "a b c") == 0,
                "white space: runs folded to one space and trimmed (got [%s])", score_cstr(&b));
    score_check(t, !score_is_space(0x200B) && score_is_space(0x3000) && score_is_space(0x1F),
                "white space: as Python's str.isspace()");
    artconv_buf_dispose(&b);
    /* FNV-1a 64 of "" and of "a". */
    score_check(t,
                score_name_hash("") == 14695981039346656037ULL &&
                    score_name_hash("a") == 0xaf63dc4c8601ec8cULL,
                "folds: the page name hash is FNV-1a 64");
    for (i = 0; i < 100; i++) {
        char name[16];
        score_opts f = {0, 0, -1, 0, NULL, 2, 3, 0, 1}, tr = f;

        tr.train = 1;
        snprintf(name, sizeof name, "%04zu", i);
        in_fold += (size_t)score_pick(&f, name, i);
        in_train += (size_t)(score_pick(&tr, name, i) + score_pick(&f, name, i) == 1);
    }
    score_check(t, in_fold > 10 && in_fold < 60 && in_train == 100,
                "folds: --fold 2/3 and --train 2/3 split the pages (%zu of 100 in the fold)",
                in_fold);
}

void score_self_test(score_tap *t)
{
    tokens(t);
    shingles(t);
    snippets(t);
    words(t);
    metadata(t);
    body_text(t);
    strings(t);
}
