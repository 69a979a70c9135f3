/*
 * extract.c - finding the article in a web page.
 *
 * 1. Mark chrome: hidden elements, navigation and other roles, forms
 *    controls, scripts, and elements whose class or id says they are not
 *    content (comments, sidebars, share bars, related stories...).
 * 2. Measure every element bottom-up in one walk: text length, link text,
 *    commas, and counts of paragraphs, images, list items and inputs.
 * 3. Score paragraph-like elements (text length, commas) and credit their
 *    ancestors, weighted by tag and class/id hints; damp by link density.
 * 4. Take the best candidate, let a better-scoring parent or a parent
 *    shared by several good candidates take over, and add siblings that
 *    score well or read like prose.
 * 5. Inside that, drop lists, tables and boxes that look like chrome
 *    (mostly links, more images than text, inputs) and promotional lines.
 * When the result is short, it is tried again with fewer rules: a page whose
 * article sits in a box named "comment-body" must still be read.  A grid of
 * same-shaped items (extract_grid.c) holding much more text than what was
 * kept is kept instead, with its heading: a page of products or results.
 *
 * Every pass is a flat walk; the measures are computed once, so the whole
 * extraction is linear in the size of the page.
 *
 * This file holds step 4 and runs the steps in order; extract.h lists the
 * others: extract_chrome.c (1), extract_measure.c (2), extract_score.c (3),
 * extract_clean.c (5), extract_kind.c, extract_grid.c and extract_panel.c
 * (the collapsed panels of step 1 that a button opens are content).
 */
#include "extract.h"

#include <stdlib.h>
#include <string.h>

/* An extraction shorter than this (characters) is retried with fewer rules. */
#define MIN_ARTICLE_TEXT 500

static int is_ancestor(const xmlNode *a, const xmlNode *n)
{
    for (; n != NULL; n = n->parent)
        if (n == a)
            return 1;
    return 0;
}

static xmlNodePtr pick_top(extractor *x)
{
    xmlNodePtr body = x->page->body, top = NULL, best[5] = {NULL}, p;
    size_t i, k, alts;
    double last, threshold;

    for (i = 0; i < x->n_cands; i++) {
        xmlNodePtr c = x->cands[i];
        ac_html_info *info = AC_INFO(c);

        info->score *= 1 - ac_extract_link_density(c);
        for (k = 0; k < 5; k++) {
            if (best[k] == NULL || info->score > AC_INFO(best[k])->score) {
                memmove(best + k + 1, best + k, (4 - k) * sizeof best[0]);
                best[k] = c;
                break;
            }
        }
    }
    top = best[0];
    if (top == NULL || top == body)
        return body;
    /* Several near-best candidates under one ancestor: the article is
     * split into parts, and the ancestor holds them all. */
    for (alts = 0, k = 1; k < 5 && best[k] != NULL; k++)
        alts += AC_INFO(best[k])->score >= 0.75 * AC_INFO(top)->score;
    if (alts >= 3) {
        for (p = top->parent; p != NULL && p != body; p = p->parent) {
            size_t hold = 0;

            for (k = 1; k < 5 && best[k] != NULL; k++)
                hold += AC_INFO(best[k])->score >= 0.75 * AC_INFO(top)->score &&
                        is_ancestor(p, best[k]);
            if (hold >= 3) {
                top = p;
                break;
            }
        }
    }
    if (!(AC_INFO(top)->flags & AC_HTML_SCORED) && ac_extract_add_candidate(x, top) < 0)
        return NULL;
    /* A parent that scores higher than the candidate is the better pick. */
    last = AC_INFO(top)->score;
    threshold = last / 3;
    for (p = top->parent; p != NULL && p != body && p->type == XML_ELEMENT_NODE; p = p->parent) {
        const ac_html_info *pi = AC_INFO(p);

        if (!(pi->flags & AC_HTML_SCORED))
            continue;
        if (pi->score < threshold)
            break;
        if (pi->score > last) {
            top = p;
            break;
        }
        last = pi->score;
    }
    /* A lone child stands for its parent. */
    for (;;) {
        const xmlNode *c;
        size_t elements = 0;

        p = top->parent;
        if (p == NULL || p == body || p->type != XML_ELEMENT_NODE)
            break;
        for (c = p->children; c != NULL; c = c->next)
            elements += c->type == XML_ELEMENT_NODE && !ac_extract_dropped(c);
        if (elements != 1)
            break;
        if (!(AC_INFO(p)->flags & AC_HTML_SCORED) && ac_extract_add_candidate(x, p) < 0)
            return NULL;
        top = p;
    }
    return top;
}

/* --- 4b. the main region of a page that is not an article ------------------- */

/* A top holding less than this share of its main region's text is one
 * part of a page whose main content is the whole region. */
#define REGION_SHARE 0.6
/* ...of a page that names no kind at all, which may be an article still. */
#define UNNAMED_REGION_SHARE 0.3
/* Without a <main>, the region is the highest ancestor whose link density
 * stays under this (menus and footers are dropped already). */
#define REGION_MAX_LINK_DENSITY 0.55

static int is_main_region(const xmlNode *el)
{
    const char *role = ac_html_attr(el, "role");

    return ac_html_is(el, "main") || (role != NULL && ac_strcaseeq(role, "main"));
}

/* The main region around `top`: the <main> (or role=main) holding it, else
 * its highest ancestor below <body> that is not mostly links; NULL when
 * that is a dropped box. */
static xmlNodePtr find_region(const extractor *x, xmlNodePtr top)
{
    xmlNodePtr body = x->page->body, p, best = top;

    for (p = top; p != NULL && p != body && p->type == XML_ELEMENT_NODE; p = p->parent)
        if (is_main_region(p))
            return ac_extract_dropped(p) ? NULL : p;
    for (p = top->parent; p != NULL && p != body && p->type == XML_ELEMENT_NODE; p = p->parent)
        if (ac_extract_link_density(p) < REGION_MAX_LINK_DENSITY)
            best = p;
    return best;
}

/* On a product, listing, forum or landing page the main content is the
 * whole main region: a product's name, description and specs, a listing's
 * items, a thread's posts, each a box of its own, none of them the article
 * the scores look for.  A page that names itself an article keeps its top;
 * one that names nothing gives it up only when it is a small part. */
static xmlNodePtr widen_to_region(extractor *x, xmlNodePtr top)
{
    xmlNodePtr region;
    double share = x->kind == AC_KIND_UNKNOWN ? UNNAMED_REGION_SHARE : REGION_SHARE;

    if (x->kind == AC_KIND_ARTICLE || (region = find_region(x, top)) == NULL)
        return top;
    /* The top is the main region already: the whole body, the <main>, or
     * on a page that names its kind, the box that holds it all. */
    if (top == x->page->body || is_main_region(top) ||
        (region == top && x->kind != AC_KIND_UNKNOWN)) {
        x->widened = 1;
        return top;
    }
    if (is_main_region(region) && x->kind == AC_KIND_UNKNOWN)
        share = REGION_SHARE;
    if ((double)AC_INFO(top)->text >= share * (double)AC_INFO(region)->text)
        return top;
    if (!(AC_INFO(region)->flags & AC_HTML_SCORED) && ac_extract_add_candidate(x, region) < 0)
        return NULL;
    x->widened = 1;
    return region;
}

static const char *kind_name(ac_page_kind kind)
{
    switch (kind) {
    case AC_KIND_FORUM:
        return "a forum or Q&A page";
    case AC_KIND_PRODUCT:
        return "a product page";
    case AC_KIND_LISTING:
        return "a listing";
    default:
        return "it names no kind and reads like a landing page";
    }
}

/* --- 4. siblings ---------------------------------------------------------------- */

static int ends_sentence(const char *s, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++)
        if (s[i] == '.' && (i + 1 == len || s[i + 1] == ' '))
            return 1;
    return 0;
}

static int has_figure(const xmlNode *el)
{
    const xmlNode *n;

    for (n = el->children; n != NULL; n = ac_xml_next(n, el, 0))
        if (ac_html_is(n, "figure") || ac_html_is(n, "figcaption"))
            return 1;
    return 0;
}

static int gather(extractor *x, xmlNodePtr top)
{
    ac_html_page *page = x->page;
    xmlNodePtr parent = top->parent, s;
    double top_score = AC_INFO(top)->score;
    double threshold = top_score * 0.2 > 10 ? top_score * 0.2 : 10;
    const char *top_class = ac_html_attr(top, "class");
    size_t count = 0;

    free(page->roots);
    page->roots = NULL;
    page->n_roots = 0;
    if (top == page->body || parent == NULL || parent->type != XML_ELEMENT_NODE) {
        page->roots = malloc(sizeof *page->roots);
        if (page->roots == NULL)
            return ac_nomem(x->err);
        page->roots[0] = top;
        page->n_roots = 1;
        return 0;
    }
    for (s = parent->children; s != NULL; s = s->next)
        count += s->type == XML_ELEMENT_NODE;
    page->roots = malloc((count == 0 ? 1 : count) * sizeof *page->roots);
    if (page->roots == NULL)
        return ac_nomem(x->err);
    for (s = parent->children; s != NULL; s = s->next) {
        const ac_html_info *si;
        int take = 0;

        if (s->type != XML_ELEMENT_NODE || ac_extract_dropped(s))
            continue;
        si = AC_INFO(s);
        if (s == top) {
            take = 1;
        } else {
            const char *cls = ac_html_attr(s, "class");
            double bonus =
                cls != NULL && top_class != NULL && *cls != '\0' && strcmp(cls, top_class) == 0
                    ? top_score * 0.2
                    : 0;

            if ((si->flags & AC_HTML_SCORED) && si->score + bonus >= threshold)
                take = 1;
            else if (si->n_img == 1 && si->text < 300 && ac_extract_link_density(s) < 0.5 &&
                     (ac_html_is(s, "figure") || has_figure(s)))
                take = 1; /* the article's own picture, beside its text */
            else if (ac_html_is(s, "p")) {
                double ld = ac_extract_link_density(s);

                if (si->text > 80 && ld < 0.25)
                    take = 1;
                else if (si->text > 0 && si->text <= 80 && si->link_text == 0) {
                    artconv_buf_clear(&x->tmp);
                    if (ac_html_text(&x->tmp, s) < 0)
                        return ac_nomem(x->err);
                    take = ends_sentence(x->tmp.ptr, x->tmp.len);
                }
            }
        }
        if (take)
            page->roots[page->n_roots++] = s;
    }
    return 0;
}

/* --- 4c. a grid of items ------------------------------------------------------ */

/* A grid holding less text than this is a box of a few links. */
#define GRID_MIN_TEXT 400
/* The grid wins when what the attempt kept is less than this share of it. */
#define GRID_KEPT_SHARE 0.3
/* ...on a page named an article: what was kept is shorter than this
 * (characters) and this share of the grid. */
#define GRID_ARTICLE_MAX_KEPT 3000
#define GRID_ARTICLE_KEPT_SHARE 0.15
/* Around the grid, an ancestor adding at most this share of text holds
 * the grid's heading and its short introduction. */
#define GRID_CONTEXT 0.25

/* The grid with its heading: its highest ancestor below <body> that adds
 * little text to it. */
static xmlNodePtr grid_region(const extractor *x, xmlNodePtr grid)
{
    xmlNodePtr p, top = grid;
    double limit = (1 + GRID_CONTEXT) * (double)AC_INFO(grid)->text;

    for (p = grid->parent; p != NULL && p != x->page->body && p->type == XML_ELEMENT_NODE;
         p = p->parent) {
        if ((double)AC_INFO(p)->text > limit)
            break;
        top = p;
    }
    return top;
}

/* Steps 1 to 5.  With x->grid set, the grid is the top; else the grid
 * of the page is found on the way, in x->page_grid. */
static int attempt(extractor *x, size_t *kept)
{
    xmlNodePtr top;
    unsigned rules = x->rules;
    size_t i;
    int rc;

    ac_extract_reset(x->page);
    x->n_cands = 0;
    x->widened = 0;
    ac_extract_measure(x->page->body);
    if ((rc = ac_extract_mark(x)) < 0 || (rc = ac_extract_open_panels(x)) < 0)
        return rc;
    ac_extract_clear_measures(x->page);
    ac_extract_measure(x->page->body);
    if ((rc = ac_extract_score_units(x)) < 0)
        return rc;
    if (x->grid != NULL) {
        top = grid_region(x, x->grid);
        if (!(AC_INFO(top)->flags & AC_HTML_SCORED) && ac_extract_add_candidate(x, top) < 0)
            return ac_nomem(x->err);
        /* Each item is a box of links to the item's own page: the cleaning
         * that drops such boxes from an article would drop them all. */
        x->rules &= ~(unsigned)RULE_CLEAN;
        x->widened = 1;
    } else {
        if ((top = pick_top(x)) == NULL || (top = widen_to_region(x, top)) == NULL)
            return ac_nomem(x->err);
        /* Before cleaning, which drops the items. */
        x->page_grid = ac_extract_find_grid(x->page, &x->page_grid_text);
    }
    if ((rc = gather(x, top)) < 0)
        goto done;
    for (i = 0; i < x->page->n_roots; i++)
        if ((rc = ac_extract_clean(x, x->page->roots[i])) < 0)
            goto done;
    *kept = ac_extract_kept_text(x->page);
done:
    x->rules = rules;
    return rc;
}

/* The last attempt again with the grid as the top when the grid holds
 * much more text than what was kept: a page of products or results kept
 * its header or a newsletter box.  A page that names itself an article
 * gives up its text only when that is short and the grid far longer: a
 * site's index or a category that its CMS calls an article. */
static int keep_grid(extractor *x, size_t *kept)
{
    double share = GRID_KEPT_SHARE;

    if (x->kind == AC_KIND_ARTICLE) {
        if (*kept >= GRID_ARTICLE_MAX_KEPT)
            return 0;
        share = GRID_ARTICLE_KEPT_SHARE;
    }
    if (x->page_grid == NULL || x->page_grid_text < GRID_MIN_TEXT ||
        (double)*kept >= share * (double)x->page_grid_text)
        return 0;
    x->grid = x->page_grid;
    return attempt(x, kept);
}

int ac_html_extract(ac_html_page *page, artconv_error *err)
{
    static const unsigned levels[] = {RULE_UNLIKELY | RULE_WEIGHT | RULE_CLEAN,
                                      RULE_WEIGHT | RULE_CLEAN, RULE_CLEAN, 0};
    extractor x;
    size_t kept = 0, best_kept = 0, level, best = 0;
    int rc = 0;

    if (page->body == NULL)
        return 0;
    if (page->opts != NULL && page->opts->no_extract) {
        page->roots = malloc(sizeof *page->roots);
        if (page->roots == NULL)
            return ac_nomem(err);
        page->roots[0] = page->body;
        page->n_roots = 1;
        return 0;
    }
    memset(&x, 0, sizeof x);
    x.page = page;
    x.err = err;
    x.kind = ac_extract_page_kind(page);
    /* Each level drops a rule; the first result long enough wins, else the
     * longest one, redone so its marks are the ones left on the tree. */
    for (level = 0; level < sizeof levels / sizeof levels[0]; level++) {
        x.rules = levels[level];
        AC_CHECK(attempt(&x, &kept));
        if (kept >= MIN_ARTICLE_TEXT)
            goto found;
        if (kept > best_kept) {
            best_kept = kept;
            best = level;
        }
    }
    x.rules = levels[best];
    AC_CHECK(attempt(&x, &kept));
    AC_CHECK(keep_grid(&x, &kept));
    /* Nothing kept: what is left of the page once its chrome is gone, so
     * the body is never empty when the page has text. */
    if (kept == 0 && AC_INFO(page->body)->text > 0) {
        page->roots[0] = page->body;
        page->n_roots = 1;
        ac_warn_read(page->opts, ARTCONV_EPARSE, 0,
                     "found no main content: the page is kept without its menus and boxes");
    }
    goto warn;
found:
    AC_CHECK(keep_grid(&x, &kept));
warn:
    if (x.grid != NULL)
        ac_warn_read(page->opts, ARTCONV_EPARSE, 0,
                     "the page is no article but a list of items: the list is kept");
    else if (x.widened)
        ac_warn_read(page->opts, ARTCONV_EPARSE, 0,
                     "the page is no article (%s): its whole main region is kept",
                     kind_name(x.kind));
cleanup:
    free(x.cands);
    artconv_buf_dispose(&x.tmp);
    return rc;
}
