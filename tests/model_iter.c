/*
 * model_iter.c - API tests of the enter/exit iterator: the event sequence,
 * skipping children, subtree and leaf roots, heap iterators side by side,
 * and 100,000 nested quotes built, walked, measured and freed without
 * recursion.
 */
#include "artconv.h"
#include "model_util.h"
#include "tap.h"
#include "testutil.h"

#include <stddef.h>
#include <stdio.h>

/* Appends "E:kind " or "X:kind " for each event to `trace`. */
static void walk(const artconv_node *root, char *trace, size_t size, int skip_kind)
{
    artconv_iter *it;
    artconv_event ev;
    size_t used = 0;

    trace[0] = '\0';
    it = artconv_iter_new(root);
    while ((ev = artconv_iter_next(it)) != ARTCONV_EVENT_DONE && used < size) {
        artconv_node_kind kind = artconv_node_get_kind(artconv_iter_node(it));
        int n = snprintf(trace + used, size - used, "%s:%s ", ev == ARTCONV_EVENT_ENTER ? "E" : "X",
                         artconv_node_kind_name(kind));

        used += n > 0 ? (size_t)n : 0;
        if (ev == ARTCONV_EVENT_ENTER && (int)kind == skip_kind)
            artconv_iter_skip_children(it);
    }
    artconv_iter_free(it);
}

static void test_iter(void)
{
    artconv_article *a = artconv_article_new();
    artconv_node *body = artconv_article_body(a), *p, *em, *list, *t;
    artconv_iter *it;
    char trace[1000];
    int i, done = 1;

    p = add(body, ARTCONV_NODE_PARAGRAPH);
    add_text(p, "a");
    em = add(p, ARTCONV_NODE_EMPH);
    t = add_text(em, "b");
    add(body, ARTCONV_NODE_THEMATIC_BREAK);
    list = add(body, ARTCONV_NODE_LIST);
    add(list, ARTCONV_NODE_ITEM);
    check(a, "small tree");

    walk(body, trace, sizeof trace, -1);
    is_str(trace,
           "E:document E:paragraph E:text E:emph E:text X:emph X:paragraph E:thematic_break "
           "E:list E:item X:item X:list X:document ",
           "ENTER/EXIT sequence; leaves have no EXIT; empty containers have both");
    walk(body, trace, sizeof trace, ARTCONV_NODE_PARAGRAPH);
    is_str(trace,
           "E:document E:paragraph X:paragraph E:thematic_break E:list E:item X:item "
           "X:list X:document ",
           "skip_children goes straight to EXIT");
    walk(body, trace, sizeof trace, ARTCONV_NODE_TEXT);
    is_str(trace,
           "E:document E:paragraph E:text E:emph E:text X:emph X:paragraph E:thematic_break "
           "E:list E:item X:item X:list X:document ",
           "skip_children on a leaf does nothing");
    walk(body, trace, sizeof trace, ARTCONV_NODE_ITEM);
    is_str(trace,
           "E:document E:paragraph E:text E:emph E:text X:emph X:paragraph "
           "E:thematic_break E:list E:item X:item X:list X:document ",
           "skip_children on an empty container");
    walk(em, trace, sizeof trace, -1);
    is_str(trace, "E:emph E:text X:emph ", "a subtree walk stops at its root");
    walk(t, trace, sizeof trace, -1);
    is_str(trace, "E:text ", "a leaf root gives one ENTER");
    walk(NULL, trace, sizeof trace, -1);
    is_str(trace, "", "a NULL root gives nothing");

    /* Once DONE, the iterator stays DONE. */
    it = artconv_iter_new(em);
    while (artconv_iter_next(it) != ARTCONV_EVENT_DONE)
        ;
    for (i = 0; i < 3; i++)
        if (artconv_iter_next(it) != ARTCONV_EVENT_DONE)
            done = 0;
    ok(done, "next after DONE returns DONE again");
    artconv_iter_free(it);
    it = artconv_iter_new(t);
    while (artconv_iter_next(it) != ARTCONV_EVENT_DONE)
        ;
    ok(artconv_iter_next(it) == ARTCONV_EVENT_DONE, "DONE stays DONE for a leaf root too");
    artconv_iter_free(it);
    is_int(artconv_node_depth(body), 3, "depth of doc > p > emph > text");
    is_int(artconv_node_depth(t), 0, "depth of a leaf");
    is_int(artconv_node_depth(NULL), 0, "depth of NULL");
    artconv_article_free(a);
}

/* The library's walk (artconv_node_depth) and a heap iterator agree; a
 * restarted iterator walks its new root; many iterators at once are
 * independent (valgrind and ASan check that each is freed). */
static void test_iter_new(void)
{
    artconv_article *a = artconv_article_new();
    artconv_node *body = artconv_article_body(a), *q, *p;
    artconv_iter *its[8];
    artconv_event ev;
    size_t i, enters = 0;

    q = add(body, ARTCONV_NODE_BLOCKQUOTE);
    p = add(q, ARTCONV_NODE_PARAGRAPH);
    add_text(p, "x");
    for (i = 0; i < 8; i++)
        its[i] = artconv_iter_new(i % 2 ? p : body);
    ok(its[0] != NULL && its[7] != NULL && its[0] != its[2], "iter_new gives distinct iterators");
    for (i = 0; i < 8; i++)
        while (its[i] != NULL && (ev = artconv_iter_next(its[i])) != ARTCONV_EVENT_DONE)
            enters += ev == ARTCONV_EVENT_ENTER;
    is_int(enters, 4 * 4 + 4 * 2, "each walks its own root: 4 nodes below body, 2 below p");
    artconv_iter_init(its[0], q);
    ok(artconv_iter_next(its[0]) == ARTCONV_EVENT_ENTER && artconv_iter_node(its[0]) == q,
       "iter_init restarts a finished iterator on a new root");
    for (i = 0; i < 8; i++)
        artconv_iter_free(its[i]);
    artconv_iter_free(NULL);
    ok(1, "iter_free(NULL) does nothing");
    artconv_article_free(a);
}

/* 100,000 nested quotes: built, walked, checked, measured and freed on an
 * ordinary stack, and refused by every writer. */
static void test_deep(void)
{
    enum { DEEP = 100000 };
    artconv_article *a = artconv_article_new();
    artconv_node *top = NULL, *bottom, *q, *p;
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_error err;
    artconv_iter *it;
    artconv_event ev;
    size_t enters = 0, exits = 0, depth = 0, deepest = 0, i;
    int rc;

    /* Built from the bottom up: appending below a deep node walks all its
     * ancestors (to refuse cycles), which would make top-down quadratic. */
    bottom = artconv_node_new(ARTCONV_NODE_BLOCKQUOTE);
    p = add(bottom, ARTCONV_NODE_PARAGRAPH);
    add_text(p, "deep");
    top = bottom;
    for (i = 1; i < DEEP; i++) {
        q = artconv_node_new(ARTCONV_NODE_BLOCKQUOTE);
        if (q == NULL || artconv_node_append(q, top, NULL) < 0)
            break;
        top = q;
    }
    is_int(i, DEEP, "100,000 quotes nested");
    ok(artconv_node_append(artconv_article_body(a), top, NULL) == 0, "hung under the body");
    check(a, "deep article");
    it = artconv_iter_new(artconv_article_body(a));
    while ((ev = artconv_iter_next(it)) != ARTCONV_EVENT_DONE) {
        if (ev == ARTCONV_EVENT_ENTER) {
            enters++;
            if (!artconv_node_kind_is_leaf(artconv_node_get_kind(artconv_iter_node(it))) &&
                ++depth > deepest)
                deepest = depth;
        } else {
            exits++;
            depth--;
        }
    }
    artconv_iter_free(it);
    is_int(enters, DEEP + 3, "every node entered once");
    is_int(exits, DEEP + 2, "every container exited once");
    is_int(deepest, DEEP + 2, "open containers counted by the walk");
    is_int(artconv_node_depth(artconv_article_body(a)), DEEP + 2, "artconv_node_depth");
    for (i = 0; i < artconv_format_count(); i++) {
        const artconv_format *f = artconv_format_at(i);
        char what[100];

        if (!artconv_format_can_write(f))
            continue;
        snprintf(what, sizeof what, "writing %s refuses the depth", artconv_format_name(f));
        rc = artconv_write(&out, f, a, NULL, &err);
        is_error(rc, &err, ARTCONV_ELIMIT, "the article is nested deeper than 200 levels", what);
    }
    ok(out.ptr == NULL, "nothing written");
    /* Unlink the chain half-way and free both halves separately. */
    q = top;
    for (i = 0; i < DEEP / 2; i++)
        q = artconv_node_first_child(q);
    artconv_node_unlink(q);
    check(a, "deep article cut in half");
    is_int(artconv_node_depth(q), DEEP / 2 + 1, "depth of the cut-off half");
    artconv_node_free(q);
    is_int(artconv_node_depth(artconv_article_body(a)), DEEP / 2, "depth of what is left");
    artconv_article_free(a);
    ok(1, "deep article freed");
}

int main(void)
{
    test_iter();
    test_iter_new();
    test_deep();
    return tap_done();
}
