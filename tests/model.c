/*
 * model.c - API tests of the article model: nodes and their containment
 * rules, node data, metadata, the iterator, very deep trees, buffers, the
 * format registry and atomic file output.  Articles are built by hand and
 * checked with artconv_article_check after every change.
 */
#include "artconv.h"
#include "tap.h"
#include "testutil.h"

#include <dirent.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Reports whether the article passes its model check. */
static int check(const artconv_article *a, const char *what)
{
    artconv_error err;
    int rc = artconv_article_check(a, &err);

    if (!is_int(rc, 0, what))
        printf("#   %s\n", err.message);
    return rc == 0;
}

/* Reports that a call failed with `code` and the message `message`. */
static void is_error(int rc, const artconv_error *err, int code, const char *message,
                     const char *what)
{
    char label[300];

    snprintf(label, sizeof label, "%s: status", what);
    is_int(rc, code, label);
    snprintf(label, sizeof label, "%s: code in err", what);
    is_int(err->code, code, label);
    if (message != NULL) {
        snprintf(label, sizeof label, "%s: message", what);
        is_str(err->message, message, label);
    }
}

static artconv_node *add(artconv_node *parent, artconv_node_kind kind)
{
    artconv_node *node = artconv_node_new(kind);

    if (artconv_node_append(parent, node, NULL) < 0) {
        artconv_node_free(node);
        return NULL;
    }
    return node;
}

static artconv_node *add_text(artconv_node *parent, const char *s)
{
    artconv_node *node = add(parent, ARTCONV_NODE_TEXT);

    artconv_node_set_literal(node, s, NULL);
    return node;
}

/* --- kinds and containment ---------------------------------------------- */

static int is_flow(artconv_node_kind k)
{
    return k == ARTCONV_NODE_HEADING || k == ARTCONV_NODE_PARAGRAPH ||
           k == ARTCONV_NODE_BLOCKQUOTE || k == ARTCONV_NODE_LIST || k == ARTCONV_NODE_CODE_BLOCK ||
           k == ARTCONV_NODE_THEMATIC_BREAK || k == ARTCONV_NODE_FIGURE ||
           k == ARTCONV_NODE_TABLE || k == ARTCONV_NODE_RAW_HTML_BLOCK;
}

/* The raw HTML kinds lie outside the public ranges; the inline one goes
 * where inlines go. */
static int is_inline(artconv_node_kind k)
{
    return (k >= ARTCONV_NODE_FIRST_INLINE && k <= ARTCONV_NODE_LAST_INLINE) ||
           k == ARTCONV_NODE_RAW_HTML_INLINE;
}

/* The containment rules as artconv.h documents them, kept as a table of
 * what each parent holds so that they are written out independently of
 * src/node.c's switch.  A kind not in the table holds nothing. */
enum {
    HOLDS_FLOW = 1 << 0,
    HOLDS_INLINE = 1 << 1,
    HOLDS_ATTRIBUTION = 1 << 2,
    HOLDS_ITEM = 1 << 3,
    HOLDS_CAPTION = 1 << 4,
    HOLDS_ROW = 1 << 5,
    HOLDS_CELL = 1 << 6
};

static const struct {
    artconv_node_kind parent;
    unsigned holds;
} documented_rules[] = {
    {ARTCONV_NODE_DOCUMENT, HOLDS_FLOW},
    {ARTCONV_NODE_ITEM, HOLDS_FLOW},
    {ARTCONV_NODE_BLOCKQUOTE, HOLDS_FLOW | HOLDS_ATTRIBUTION},
    {ARTCONV_NODE_LIST, HOLDS_ITEM},
    {ARTCONV_NODE_FIGURE, HOLDS_CAPTION},
    {ARTCONV_NODE_TABLE, HOLDS_ROW},
    {ARTCONV_NODE_TABLE_ROW, HOLDS_CELL},
    {ARTCONV_NODE_HEADING, HOLDS_INLINE},
    {ARTCONV_NODE_PARAGRAPH, HOLDS_INLINE},
    {ARTCONV_NODE_CAPTION, HOLDS_INLINE},
    {ARTCONV_NODE_ATTRIBUTION, HOLDS_INLINE},
    {ARTCONV_NODE_TABLE_CELL, HOLDS_INLINE},
    {ARTCONV_NODE_EMPH, HOLDS_INLINE},
    {ARTCONV_NODE_STRONG, HOLDS_INLINE},
    {ARTCONV_NODE_LINK, HOLDS_INLINE},
    {ARTCONV_NODE_SUPERSCRIPT, HOLDS_INLINE},
    {ARTCONV_NODE_SUBSCRIPT, HOLDS_INLINE},
};

static int documented_can_contain(artconv_node_kind parent, artconv_node_kind child)
{
    unsigned holds = 0, is = 0;
    size_t i;

    for (i = 0; i < sizeof documented_rules / sizeof documented_rules[0]; i++)
        if (documented_rules[i].parent == parent)
            holds = documented_rules[i].holds;
    if (is_flow(child))
        is |= HOLDS_FLOW;
    if (is_inline(child))
        is |= HOLDS_INLINE;
    if (child == ARTCONV_NODE_ATTRIBUTION)
        is |= HOLDS_ATTRIBUTION;
    if (child == ARTCONV_NODE_ITEM)
        is |= HOLDS_ITEM;
    if (child == ARTCONV_NODE_CAPTION)
        is |= HOLDS_CAPTION;
    if (child == ARTCONV_NODE_TABLE_ROW)
        is |= HOLDS_ROW;
    if (child == ARTCONV_NODE_TABLE_CELL)
        is |= HOLDS_CELL;
    return (holds & is) != 0;
}

static void test_kinds(void)
{
    int k, mismatches = 0, leaf_mismatches = 0, names_ok = 1;

    for (k = ARTCONV_NODE_FIRST_BLOCK; k <= ARTCONV_NODE_LAST_KIND; k++) {
        const char *name = artconv_node_kind_name((artconv_node_kind)k);
        artconv_node *node = artconv_node_new((artconv_node_kind)k);
        int c, holds_any = 0;

        if (name == NULL || (int)artconv_node_kind_from_name(name) != k || node == NULL ||
            (int)artconv_node_get_kind(node) != k)
            names_ok = 0;
        artconv_node_free(node);
        for (c = ARTCONV_NODE_NONE; c <= ARTCONV_NODE_LAST_KIND + 1; c++) {
            int got = artconv_node_can_contain((artconv_node_kind)k, (artconv_node_kind)c);

            if (got != documented_can_contain((artconv_node_kind)k, (artconv_node_kind)c)) {
                printf("#   can_contain(%s, %d) = %d\n", name, c, got);
                mismatches++;
            }
            holds_any |= got;
        }
        if (artconv_node_kind_is_leaf((artconv_node_kind)k) == holds_any)
            leaf_mismatches++;
    }
    ok(names_ok, "every kind has a name that maps back to it");
    is_int(mismatches, 0, "can_contain follows the documented rules for every pair");
    is_int(leaf_mismatches, 0, "exactly the leaf kinds can hold nothing");
    is_str(artconv_node_kind_name(ARTCONV_NODE_CODE_BLOCK), "code_block", "kind name");
    ok(artconv_node_kind_name(ARTCONV_NODE_NONE) == NULL, "NONE has no name");
    ok(artconv_node_kind_name((artconv_node_kind)999) == NULL, "no name past the end");
    is_int(artconv_node_kind_from_name("none"), ARTCONV_NODE_NONE, "'none' is not a kind");
    is_int(artconv_node_kind_from_name("Paragraph"), ARTCONV_NODE_NONE, "names are exact");
    is_int(artconv_node_kind_from_name(NULL), ARTCONV_NODE_NONE, "NULL name");
    ok(artconv_node_new(ARTCONV_NODE_NONE) == NULL, "no node of kind NONE");
    ok(artconv_node_new((artconv_node_kind)999) == NULL, "no node of an unknown kind");
    is_int(artconv_node_get_kind(NULL), ARTCONV_NODE_NONE, "kind of NULL");
    ok(artconv_node_can_contain(ARTCONV_NODE_DOCUMENT, ARTCONV_NODE_PARAGRAPH), "doc > p");
    ok(artconv_node_can_contain(ARTCONV_NODE_BLOCKQUOTE, ARTCONV_NODE_ATTRIBUTION),
       "quote > attribution");
    ok(!artconv_node_can_contain(ARTCONV_NODE_DOCUMENT, ARTCONV_NODE_ATTRIBUTION),
       "no attribution outside a quote");
    ok(!artconv_node_can_contain(ARTCONV_NODE_DOCUMENT, ARTCONV_NODE_TEXT), "no text in doc");
    ok(!artconv_node_can_contain(ARTCONV_NODE_DOCUMENT, ARTCONV_NODE_ITEM), "no item in doc");
    ok(!artconv_node_can_contain(ARTCONV_NODE_PARAGRAPH, ARTCONV_NODE_PARAGRAPH),
       "no block in a paragraph");
    ok(!artconv_node_can_contain(ARTCONV_NODE_ITEM, ARTCONV_NODE_DOCUMENT), "no nested doc");
    ok(!artconv_node_can_contain(ARTCONV_NODE_TEXT, ARTCONV_NODE_TEXT), "text is a leaf");
    ok(!artconv_node_can_contain(ARTCONV_NODE_IMAGE, ARTCONV_NODE_TEXT), "image is a leaf");
}

/* The raw HTML kinds, added after the ranges: where they may stand, their
 * names, and that they hold markup only. */
static void test_raw_kinds(void)
{
    artconv_article *a = artconv_article_new();
    artconv_node *block = artconv_node_new(ARTCONV_NODE_RAW_HTML_BLOCK);
    artconv_node *p = artconv_node_new(ARTCONV_NODE_PARAGRAPH);
    artconv_node *raw = artconv_node_new(ARTCONV_NODE_RAW_HTML_INLINE);
    artconv_error err;

    ok(ARTCONV_NODE_RAW_HTML_BLOCK > ARTCONV_NODE_SUBSCRIPT &&
           ARTCONV_NODE_FIRST_RAW == ARTCONV_NODE_RAW_HTML_BLOCK &&
           ARTCONV_NODE_LAST_RAW == ARTCONV_NODE_RAW_HTML_INLINE &&
           ARTCONV_NODE_LAST_KIND == ARTCONV_NODE_RAW_HTML_INLINE &&
           ARTCONV_NODE_LAST_INLINE == ARTCONV_NODE_SUBSCRIPT,
       "raw: after every older kind, outside the numeric block and inline ranges");
    ok(artconv_node_kind_is_block(ARTCONV_NODE_RAW_HTML_BLOCK) &&
           artconv_node_kind_is_inline(ARTCONV_NODE_RAW_HTML_INLINE),
       "raw: yet a block and an inline to artconv_node_kind_is_block/_is_inline");
    is_str(artconv_node_kind_name(ARTCONV_NODE_RAW_HTML_BLOCK), "raw_html_block", "raw: names");
    is_int(artconv_node_kind_from_name("raw_html_inline"), ARTCONV_NODE_RAW_HTML_INLINE,
           "raw: found by name");
    ok(artconv_node_kind_is_leaf(ARTCONV_NODE_RAW_HTML_BLOCK) &&
           artconv_node_kind_is_leaf(ARTCONV_NODE_RAW_HTML_INLINE),
       "raw: leaves");
    ok(artconv_node_can_contain(ARTCONV_NODE_DOCUMENT, ARTCONV_NODE_RAW_HTML_BLOCK) &&
           artconv_node_can_contain(ARTCONV_NODE_BLOCKQUOTE, ARTCONV_NODE_RAW_HTML_BLOCK) &&
           artconv_node_can_contain(ARTCONV_NODE_ITEM, ARTCONV_NODE_RAW_HTML_BLOCK),
       "raw: a block stands in a document, a quote, an item");
    ok(!artconv_node_can_contain(ARTCONV_NODE_PARAGRAPH, ARTCONV_NODE_RAW_HTML_BLOCK) &&
           !artconv_node_can_contain(ARTCONV_NODE_FIGURE, ARTCONV_NODE_RAW_HTML_BLOCK) &&
           !artconv_node_can_contain(ARTCONV_NODE_TABLE_CELL, ARTCONV_NODE_RAW_HTML_BLOCK) &&
           !artconv_node_can_contain(ARTCONV_NODE_LIST, ARTCONV_NODE_RAW_HTML_BLOCK),
       "raw: a block nowhere else");
    ok(artconv_node_can_contain(ARTCONV_NODE_PARAGRAPH, ARTCONV_NODE_RAW_HTML_INLINE) &&
           artconv_node_can_contain(ARTCONV_NODE_LINK, ARTCONV_NODE_RAW_HTML_INLINE) &&
           artconv_node_can_contain(ARTCONV_NODE_TABLE_CELL, ARTCONV_NODE_RAW_HTML_INLINE) &&
           artconv_node_can_contain(ARTCONV_NODE_CAPTION, ARTCONV_NODE_RAW_HTML_INLINE),
       "raw: an inline stands where inlines do");
    ok(!artconv_node_can_contain(ARTCONV_NODE_DOCUMENT, ARTCONV_NODE_RAW_HTML_INLINE) &&
           !artconv_node_can_contain(ARTCONV_NODE_RAW_HTML_BLOCK, ARTCONV_NODE_TEXT) &&
           !artconv_node_can_contain(ARTCONV_NODE_RAW_HTML_INLINE, ARTCONV_NODE_TEXT),
       "raw: no inline among blocks; nothing inside raw HTML");
    is_int(artconv_node_append(artconv_article_body(a), raw, &err), ARTCONV_EINVALID,
           "raw: an inline refused in the document");
    is_int(artconv_node_set_literal(block, "<!-- c --><a href=\"/x\">", &err), 0,
           "raw: tags and comments accepted");
    is_int(artconv_node_set_literal(block, "<p>words</p>", &err), ARTCONV_EINVALID,
           "raw: text refused");
    is_str(artconv_node_get_literal(block), "<!-- c --><a href=\"/x\">",
           "raw: the refused value changed nothing");
    is_int(artconv_node_set_literal(raw, "<b", &err), ARTCONV_EINVALID,
           "raw: unreadable HTML refused");
    artconv_node_set_literal(raw, "<bar>", NULL);
    ok(artconv_node_append(artconv_article_body(a), block, NULL) == 0 &&
           artconv_node_append(artconv_article_body(a), p, NULL) == 0 &&
           artconv_node_append(p, raw, NULL) == 0,
       "raw: appended where they belong");
    ok(artconv_article_check(a, &err) == 0, "raw: the article checks");
    artconv_article_free(a);
}

/* Each refused link fails with EINVALID and this message, changing nothing. */
static void test_refused_links(void)
{
    static const struct {
        artconv_node_kind parent, child;
        const char *message;
    } cases[] = {
        {ARTCONV_NODE_DOCUMENT, ARTCONV_NODE_TEXT, "a document cannot contain a text"},
        {ARTCONV_NODE_DOCUMENT, ARTCONV_NODE_ITEM, "a document cannot contain a item"},
        {ARTCONV_NODE_BLOCKQUOTE, ARTCONV_NODE_ITEM, "a blockquote cannot contain a item"},
        {ARTCONV_NODE_PARAGRAPH, ARTCONV_NODE_PARAGRAPH, "a paragraph cannot contain a paragraph"},
        {ARTCONV_NODE_EMPH, ARTCONV_NODE_LIST, "a emph cannot contain a list"},
        {ARTCONV_NODE_LIST, ARTCONV_NODE_PARAGRAPH, "a list cannot contain a paragraph"},
        {ARTCONV_NODE_ITEM, ARTCONV_NODE_DOCUMENT, "a item cannot contain a document"},
        {ARTCONV_NODE_FIGURE, ARTCONV_NODE_IMAGE, "a figure cannot contain a image"},
        {ARTCONV_NODE_TABLE, ARTCONV_NODE_TABLE_CELL, "a table cannot contain a table_cell"},
        {ARTCONV_NODE_CODE_BLOCK, ARTCONV_NODE_TEXT, "a code_block cannot contain a text"},
        {ARTCONV_NODE_TEXT, ARTCONV_NODE_EMPH, "a text cannot contain a emph"},
    };
    artconv_article *a = artconv_article_new();
    artconv_node *body = artconv_article_body(a), *p, *q, *inner, *t;
    artconv_error err;
    size_t i;
    int rc;

    for (i = 0; i < COUNT(cases); i++) {
        artconv_node *parent = artconv_node_new(cases[i].parent);
        artconv_node *child = artconv_node_new(cases[i].child);

        rc = artconv_node_append(parent, child, &err);
        is_error(rc, &err, ARTCONV_EINVALID, cases[i].message, cases[i].message);
        ok(artconv_node_parent(child) == NULL && artconv_node_first_child(parent) == NULL,
           "nothing linked");
        artconv_node_free(parent);
        artconv_node_free(child);
    }

    /* A node cannot go into itself or its own descendant. */
    q = add(body, ARTCONV_NODE_BLOCKQUOTE);
    inner = add(add(q, ARTCONV_NODE_LIST), ARTCONV_NODE_ITEM);
    check(a, "quote > list > item");
    rc = artconv_node_append(inner, q, &err);
    is_error(rc, &err, ARTCONV_EINVALID, "a node cannot contain itself", "quote into its item");
    ok(artconv_node_parent(q) == body, "the quote stays where it was");
    rc = artconv_node_append(q, q, &err);
    is_error(rc, &err, ARTCONV_EINVALID, "a node cannot contain itself", "quote into itself");
    rc = artconv_node_append(inner, body, &err);
    is_error(rc, &err, ARTCONV_EINVALID, "a item cannot contain a document", "body as a child");
    check(a, "unchanged after refusals");

    /* Refused moves leave the node in its old place. */
    p = add(body, ARTCONV_NODE_PARAGRAPH);
    t = add_text(p, "x");
    rc = artconv_node_append(body, t, &err);
    is_int(rc, ARTCONV_EINVALID, "text cannot move into the document");
    ok(artconv_node_parent(t) == p, "text stays in its paragraph");
    rc = artconv_node_insert_before(p, t, &err);
    is_error(rc, &err, ARTCONV_EINVALID, "a document cannot contain a text",
             "insert text before a block");
    ok(artconv_node_parent(t) == p, "text still in its paragraph");
    rc = artconv_node_append(NULL, t, &err);
    is_error(rc, &err, ARTCONV_EINVALID, "cannot link a NULL node", "NULL parent");
    rc = artconv_node_append(p, NULL, &err);
    is_error(rc, &err, ARTCONV_EINVALID, "cannot link a NULL node", "NULL child");
    ok(artconv_node_append(p, NULL, NULL) == ARTCONV_EINVALID, "err may be NULL");
    check(a, "unchanged after refused moves");
    artconv_article_free(a);
}

/* Invariants that links alone cannot express: the model check finds them. */
static void test_check_finds(void)
{
    artconv_article *a = artconv_article_new();
    artconv_node *body = artconv_article_body(a), *fig, *cap2, *q, *attr, *p;
    artconv_error err;

    fig = add(body, ARTCONV_NODE_FIGURE);
    add(fig, ARTCONV_NODE_CAPTION);
    check(a, "figure with a caption");
    cap2 = artconv_node_new(ARTCONV_NODE_CAPTION);
    is_error(artconv_node_append(fig, cap2, &err), &err, ARTCONV_EINVALID,
             "a figure holds one caption", "a second caption is refused");
    is_error(artconv_node_insert_before(artconv_node_first_child(fig), cap2, &err), &err,
             ARTCONV_EINVALID, "a figure holds one caption", "also before the first");
    artconv_node_free(cap2);
    check(a, "still one caption");
    q = add(body, ARTCONV_NODE_BLOCKQUOTE);
    attr = add(q, ARTCONV_NODE_ATTRIBUTION);
    p = add(q, ARTCONV_NODE_PARAGRAPH);
    is_error(artconv_article_check(a, &err), &err, ARTCONV_EINVALID,
             "an attribution must end its quote", "attribution before a paragraph");
    ok(artconv_node_insert_before(attr, p, NULL) == 0, "paragraph moved before it");
    check(a, "attribution last");
    is_error(artconv_article_check(NULL, &err), &err, ARTCONV_EINVALID, "NULL article",
             "NULL article");
    artconv_article_free(a);
}

static void test_links(void)
{
    artconv_article *a = artconv_article_new();
    artconv_node *body = artconv_article_body(a), *p, *p2, *t1, *t2, *t3, *n, *n2, *lonely;
    artconv_error err;

    check(a, "new article");
    ok(artconv_node_first_child(body) == NULL, "new body is empty");
    p = add(body, ARTCONV_NODE_PARAGRAPH);
    check(a, "paragraph appended");
    t1 = add_text(p, "one");
    check(a, "first text");
    t3 = add_text(p, "three");
    check(a, "second text");
    t2 = artconv_node_new(ARTCONV_NODE_TEXT);
    artconv_node_set_literal(t2, "two", NULL);
    ok(artconv_node_insert_before(t3, t2, &err) == 0, "insert before the last child");
    check(a, "after insert_before");
    ok(artconv_node_first_child(p) == t1 && artconv_node_next(t1) == t2 &&
           artconv_node_next(t2) == t3 && artconv_node_last_child(p) == t3,
       "order one, two, three");
    ok(artconv_node_prev(t3) == t2 && artconv_node_prev(t2) == t1 && artconv_node_prev(t1) == NULL,
       "back links");
    n = artconv_node_new(ARTCONV_NODE_LINEBREAK);
    ok(artconv_node_insert_before(t1, n, NULL) == 0, "insert before the first child");
    ok(artconv_node_first_child(p) == n && artconv_node_prev(t1) == n, "new first child");
    check(a, "after insert at the front");

    /* Moving a linked node elsewhere unlinks it first. */
    p2 = add(body, ARTCONV_NODE_PARAGRAPH);
    ok(artconv_node_append(p2, t2, NULL) == 0, "move text to another paragraph");
    ok(artconv_node_next(t1) == t3 && artconv_node_prev(t3) == t1, "gap closed");
    ok(artconv_node_parent(t2) == p2 && artconv_node_first_child(p2) == t2, "moved");
    check(a, "after the move");
    ok(artconv_node_insert_before(t3, t2, NULL) == 0, "move it back with insert_before");
    ok(artconv_node_first_child(p2) == NULL && artconv_node_last_child(p2) == NULL,
       "old parent empty again");
    check(a, "after moving back");
    ok(artconv_node_insert_before(t3, t3, &err) == ARTCONV_EINVALID, "cannot precede itself");
    is_str(err.message, "a node cannot precede itself", "message for itself");
    lonely = artconv_node_new(ARTCONV_NODE_TEXT);
    n2 = artconv_node_new(ARTCONV_NODE_TEXT);
    ok(artconv_node_insert_before(lonely, n2, &err) == ARTCONV_EINVALID,
       "no insert before a node without a parent");
    is_str(err.message, "the sibling has no parent", "message for the orphan sibling");
    ok(artconv_node_next(n2) == NULL && artconv_node_prev(lonely) == NULL, "neither linked");
    check(a, "unchanged");
    artconv_node_free(lonely);
    artconv_node_free(n2);

    /* Unlink the middle, the first and the last child. */
    artconv_node_unlink(t2);
    check(a, "middle unlinked");
    ok(artconv_node_parent(t2) == NULL && artconv_node_next(t2) == NULL &&
           artconv_node_prev(t2) == NULL,
       "an unlinked node has no links");
    ok(artconv_node_next(t1) == t3, "siblings joined");
    artconv_node_unlink(n);
    ok(artconv_node_first_child(p) == t1, "first child unlinked");
    artconv_node_unlink(t3);
    ok(artconv_node_last_child(p) == t1 && artconv_node_next(t1) == NULL, "last child unlinked");
    check(a, "after three unlinks");
    artconv_node_unlink(t3);
    artconv_node_unlink(NULL);
    ok(artconv_node_parent(t3) == NULL && artconv_node_last_child(p) == t1,
       "unlinking an unlinked node or NULL changes nothing");
    check(a, "after the extra unlinks");
    artconv_node_free(t2);
    artconv_node_free(n);
    artconv_node_free(t3);

    /* Freeing a linked node unlinks it. */
    n = add(p, ARTCONV_NODE_EMPH);
    add_text(n, "gone");
    add_text(p, "after");
    artconv_node_free(n);
    check(a, "linked emph freed");
    ok(artconv_node_next(t1) != NULL &&
           strcmp(artconv_node_get_literal(artconv_node_next(t1)), "after") == 0,
       "its neighbours are joined");
    artconv_node_free(p2);
    ok(artconv_node_last_child(body) == p, "freed the last paragraph");
    check(a, "after freeing");
    artconv_node_free(NULL);
    artconv_article_free(NULL);
    ok(1, "freeing NULL does nothing");
    artconv_article_free(a);
}

/* --- node data ----------------------------------------------------------- */

static void test_wrong_kind(void)
{
    artconv_node *para = artconv_node_new(ARTCONV_NODE_PARAGRAPH);
    artconv_node *text = artconv_node_new(ARTCONV_NODE_TEXT);
    artconv_node *fig = artconv_node_new(ARTCONV_NODE_FIGURE);
    artconv_node *link = artconv_node_new(ARTCONV_NODE_LINK);
    artconv_node *img = artconv_node_new(ARTCONV_NODE_IMAGE);
    artconv_node *cell = artconv_node_new(ARTCONV_NODE_TABLE_CELL);
    artconv_error err;

    is_error(artconv_node_set_literal(para, "x", &err), &err, ARTCONV_EINVALID,
             "a paragraph has no literal", "literal on a paragraph");
    is_error(artconv_node_set_info(text, "c", &err), &err, ARTCONV_EINVALID, "a text has no info",
             "info on text");
    is_error(artconv_node_set_url(text, "u", &err), &err, ARTCONV_EINVALID, "a text has no url",
             "url on text");
    is_error(artconv_node_set_title(fig, "t", &err), &err, ARTCONV_EINVALID,
             "a figure has no title", "title on a figure");
    is_error(artconv_node_set_alt(link, "a", &err), &err, ARTCONV_EINVALID, "a link has no alt",
             "alt on a link");
    is_error(artconv_node_set_credit(img, "c", &err), &err, ARTCONV_EINVALID,
             "a image has no credit", "credit on an image");
    is_error(artconv_node_set_level(para, 2, &err), &err, ARTCONV_EINVALID,
             "only a heading has a level", "level on a paragraph");
    is_error(artconv_node_set_list(para, 1, 1, 1, &err), &err, ARTCONV_EINVALID,
             "only a list has list properties", "list data on a paragraph");
    is_error(artconv_node_set_header(cell, 1, &err), &err, ARTCONV_EINVALID,
             "only a table row can be a header", "header on a cell");
    is_int(artconv_node_set_literal(NULL, "x", &err), ARTCONV_EINVALID, "literal on NULL");
    ok(artconv_node_get_literal(para) == NULL && artconv_node_get_url(text) == NULL &&
           artconv_node_get_title(fig) == NULL && artconv_node_get_credit(img) == NULL &&
           artconv_node_get_info(NULL) == NULL,
       "getters of the wrong kind return NULL");
    ok(artconv_node_get_level(para) == 0 && artconv_node_get_list_start(para) == 0 &&
           artconv_node_get_list_tight(para) == 0 && artconv_node_get_header(cell) == 0 &&
           artconv_node_get_level(NULL) == 0,
       "int getters of the wrong kind return 0");

    /* The right kinds accept and clear. */
    ok(artconv_node_set_url(img, "a.png", NULL) == 0 && artconv_node_set_alt(img, "A", NULL) == 0 &&
           artconv_node_set_title(img, "T", NULL) == 0,
       "image takes url, alt and title");
    is_str(artconv_node_get_url(img), "a.png", "image url");
    is_str(artconv_node_get_title(img), "T", "image title");
    ok(artconv_node_set_title(img, NULL, NULL) == 0 && artconv_node_get_title(img) == NULL,
       "NULL clears a field");
    ok(artconv_node_set_credit(fig, "AP", NULL) == 0, "figure takes a credit");
    is_str(artconv_node_get_credit(fig), "AP", "figure credit");
    artconv_node_free(para);
    artconv_node_free(text);
    artconv_node_free(fig);
    artconv_node_free(link);
    artconv_node_free(img);
    artconv_node_free(cell);
}

static void test_clean_text(void)
{
    static const struct {
        const char *s;
        const char *what;
    } bad[] = {
        {"caf\xC3", "a cut-off sequence"},
        {"\xC3\x28", "a bad continuation byte"},
        {"\xC0\xAF", "an overlong encoding"},
        {"\xED\xA0\x80", "a UTF-16 surrogate"},
        {"\xF4\x90\x80\x80", "past U+10FFFF"},
        {"\xFF", "a byte that never occurs"},
        {"a\x01z", "U+0001"},
        {"\x1B[31m", "ESC"},
        {"\xEF\xBF\xBE", "U+FFFE"},
        {"\xEF\xBF\xBF", "U+FFFF"},
    };
    static const char *const good[] = {
        "🚀 東京 长桥", "tab\tnewline\nreturn\r", "\xC2\x85 NEL (XML allows C1)", "é", "",
    };
    artconv_node *t = artconv_node_new(ARTCONV_NODE_TEXT);
    artconv_article *a = artconv_article_new();
    artconv_error err;
    char what[200];
    size_t i;

    artconv_node_set_literal(t, "before", NULL);
    artconv_article_set(a, ARTCONV_META_TITLE, "before", NULL);
    for (i = 0; i < COUNT(bad); i++) {
        snprintf(what, sizeof what, "literal with %s refused", bad[i].what);
        is_error(artconv_node_set_literal(t, bad[i].s, &err), &err, ARTCONV_EINVALID,
                 "the literal is not valid UTF-8 or holds a character XML forbids", what);
        snprintf(what, sizeof what, "title with %s refused", bad[i].what);
        is_int(artconv_article_set(a, ARTCONV_META_TITLE, bad[i].s, &err), ARTCONV_EINVALID, what);
        snprintf(what, sizeof what, "author with %s refused", bad[i].what);
        is_int(artconv_article_list_add(a, ARTCONV_LIST_AUTHORS, bad[i].s, &err), ARTCONV_EINVALID,
               what);
    }
    is_str(artconv_node_get_literal(t), "before", "a refused literal changes nothing");
    is_str(artconv_article_get(a, ARTCONV_META_TITLE), "before", "a refused title changes nothing");
    is_int(artconv_article_list_count(a, ARTCONV_LIST_AUTHORS), 0, "no author added");
    for (i = 0; i < COUNT(good); i++) {
        snprintf(what, sizeof what, "literal '%s' accepted", good[i]);
        is_int(artconv_node_set_literal(t, good[i], NULL), 0, what);
        is_str(artconv_node_get_literal(t), good[i], "and kept as it is");
    }
    is_int(artconv_node_set_url(artconv_article_body(a), "x", NULL), ARTCONV_EINVALID,
           "document has no url");
    check(a, "article after refusals");
    artconv_node_free(t);
    artconv_article_free(a);
}

static void test_numbers(void)
{
    artconv_node *h = artconv_node_new(ARTCONV_NODE_HEADING);
    artconv_node *l = artconv_node_new(ARTCONV_NODE_LIST);
    artconv_node *row = artconv_node_new(ARTCONV_NODE_TABLE_ROW);
    artconv_error err;

    is_int(artconv_node_get_level(h), 1, "a new heading has level 1");
    is_error(artconv_node_set_level(h, 0, &err), &err, ARTCONV_EINVALID,
             "heading level 0 is not between 1 and 6", "level 0");
    is_int(artconv_node_set_level(h, 7, NULL), ARTCONV_EINVALID, "level 7");
    is_int(artconv_node_set_level(h, -1, NULL), ARTCONV_EINVALID, "level -1");
    is_int(artconv_node_get_level(h), 1, "refused levels change nothing");
    ok(artconv_node_set_level(h, 6, NULL) == 0 && artconv_node_get_level(h) == 6, "level 6");
    ok(artconv_node_set_level(h, 1, NULL) == 0 && artconv_node_get_level(h) == 1, "level 1");

    ok(artconv_node_get_list_ordered(l) == 0 && artconv_node_get_list_start(l) == 1 &&
           artconv_node_get_list_tight(l) == 1,
       "a new list is a tight bullet list starting at 1");
    is_error(artconv_node_set_list(l, 1, -1, 0, &err), &err, ARTCONV_EINVALID,
             "list start -1 is out of range", "start -1");
    is_int(artconv_node_set_list(l, 1, 1000000000, 0, NULL), ARTCONV_EINVALID, "start 10^9");
    ok(artconv_node_get_list_ordered(l) == 0 && artconv_node_get_list_tight(l) == 1,
       "refused starts change nothing");
    ok(artconv_node_set_list(l, 1, 999999999, 0, NULL) == 0 &&
           artconv_node_get_list_start(l) == 999999999,
       "start 999999999");
    ok(artconv_node_set_list(l, 7, 0, 2, NULL) == 0 && artconv_node_get_list_start(l) == 0 &&
           artconv_node_get_list_ordered(l) == 1 && artconv_node_get_list_tight(l) == 1,
       "start 0; flags become 0 or 1");
    ok(artconv_node_get_header(row) == 0, "a new row is not a header");
    ok(artconv_node_set_header(row, 5, NULL) == 0 && artconv_node_get_header(row) == 1,
       "header flag becomes 1");
    artconv_node_free(h);
    artconv_node_free(l);
    artconv_node_free(row);
}

/* --- metadata ------------------------------------------------------------ */

static void test_meta(void)
{
    artconv_article *a = artconv_article_new();
    artconv_meta field;
    artconv_meta_list list;
    artconv_error err;
    int i, names_ok = 1;

    for (i = 0; i < ARTCONV_META_COUNT; i++) {
        const char *name = artconv_meta_name((artconv_meta)i);

        if (name == NULL || artconv_meta_from_name(&field, name) != 0 || field != (artconv_meta)i)
            names_ok = 0;
        if (artconv_article_get(a, (artconv_meta)i) != NULL)
            names_ok = 0;
    }
    ok(names_ok, "every field has a name that maps back; all unset at first");
    is_str(artconv_meta_name(ARTCONV_META_IMAGE_CAPTION), "image.caption", "dotted name");
    ok(artconv_meta_name(ARTCONV_META_COUNT) == NULL, "no name past the end");
    ok(artconv_meta_from_name(&field, "image.caption") == 0 && field == ARTCONV_META_IMAGE_CAPTION,
       "image.caption by name");
    is_int(artconv_meta_from_name(&field, "authors"), ARTCONV_EINVALID, "authors is a list");
    is_int(artconv_meta_from_name(&field, "Title"), ARTCONV_EINVALID, "names are exact");
    is_int(artconv_meta_from_name(&field, NULL), ARTCONV_EINVALID, "NULL name");
    ok(artconv_meta_list_from_name(&list, "keywords") == 0 && list == ARTCONV_LIST_KEYWORDS,
       "keywords by name");
    is_str(artconv_meta_list_name(ARTCONV_LIST_AUTHORS), "authors", "list name");
    is_int(artconv_meta_list_from_name(&list, "title"), ARTCONV_EINVALID, "title is no list");
    ok(artconv_meta_list_name(ARTCONV_LIST_COUNT) == NULL, "no list name past the end");

    ok(artconv_article_set(a, ARTCONV_META_TITLE, "Headline", NULL) == 0, "set title");
    is_str(artconv_article_get(a, ARTCONV_META_TITLE), "Headline", "get title");
    check(a, "title set");
    ok(artconv_article_set(a, ARTCONV_META_TITLE, "  \t Spaced \n ", NULL) == 0, "set padded");
    is_str(artconv_article_get(a, ARTCONV_META_TITLE), "Spaced", "white space trimmed");
    ok(artconv_article_set(a, ARTCONV_META_TITLE, "", NULL) == 0 &&
           artconv_article_get(a, ARTCONV_META_TITLE) == NULL,
       "empty clears");
    artconv_article_set(a, ARTCONV_META_TITLE, "x", NULL);
    ok(artconv_article_set(a, ARTCONV_META_TITLE, NULL, NULL) == 0 &&
           artconv_article_get(a, ARTCONV_META_TITLE) == NULL,
       "NULL clears");
    ok(artconv_article_set(a, ARTCONV_META_TITLE, "   ", NULL) == 0 &&
           artconv_article_get(a, ARTCONV_META_TITLE) == NULL,
       "white space alone clears");
    is_error(artconv_article_set(a, ARTCONV_META_COUNT, "x", &err), &err, ARTCONV_EINVALID,
             "no such metadata field", "bad field");
    ok(artconv_article_get(a, ARTCONV_META_COUNT) == NULL, "get of a bad field");
    is_int(artconv_article_set(NULL, ARTCONV_META_TITLE, "x", NULL), ARTCONV_EINVALID,
           "set on NULL article");

    ok(artconv_article_list_add(a, ARTCONV_LIST_AUTHORS, "Jane Doe", NULL) == 0, "add author");
    ok(artconv_article_list_add(a, ARTCONV_LIST_AUTHORS, "  Raj Patel ", NULL) == 0, "add padded");
    ok(artconv_article_list_add(a, ARTCONV_LIST_AUTHORS, "Jane Doe", NULL) == 0, "add again");
    ok(artconv_article_list_add(a, ARTCONV_LIST_AUTHORS, " Jane Doe", NULL) == 0, "add padded dup");
    ok(artconv_article_list_add(a, ARTCONV_LIST_AUTHORS, " ", NULL) == 0 &&
           artconv_article_list_add(a, ARTCONV_LIST_AUTHORS, NULL, NULL) == 0,
       "empty values are ignored");
    is_int(artconv_article_list_count(a, ARTCONV_LIST_AUTHORS), 2, "duplicates dropped");
    is_str(artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, 1), "Raj Patel", "trimmed value");
    ok(artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, 2) == NULL, "NULL past the end");
    for (i = 0; i < 40; i++) {
        char kw[20];

        snprintf(kw, sizeof kw, "kw%d", i);
        artconv_article_list_add(a, ARTCONV_LIST_KEYWORDS, kw, NULL);
    }
    is_int(artconv_article_list_count(a, ARTCONV_LIST_KEYWORDS), 40, "lists grow");
    is_str(artconv_article_list_get(a, ARTCONV_LIST_KEYWORDS, 39), "kw39", "last keyword");
    check(a, "lists filled");
    artconv_article_list_clear(a, ARTCONV_LIST_KEYWORDS);
    is_int(artconv_article_list_count(a, ARTCONV_LIST_KEYWORDS), 0, "cleared");
    ok(artconv_article_list_add(a, ARTCONV_LIST_KEYWORDS, "again", NULL) == 0 &&
           artconv_article_list_count(a, ARTCONV_LIST_KEYWORDS) == 1,
       "a cleared list takes values again");
    is_error(artconv_article_list_add(a, ARTCONV_LIST_COUNT, "x", &err), &err, ARTCONV_EINVALID,
             "no such metadata list", "bad list");
    is_int(artconv_article_list_count(a, ARTCONV_LIST_COUNT), 0, "count of a bad list");
    check(a, "after list changes");
    artconv_article_free(a);
}

static void test_meta_arg(void)
{
    artconv_article *a = artconv_article_new();
    artconv_error err;

    ok(artconv_article_set_meta_arg(a, "title=Bridge reopens", &err) == 0, "title=...");
    is_str(artconv_article_get(a, ARTCONV_META_TITLE), "Bridge reopens", "title set");
    ok(artconv_article_set_meta_arg(a, "title=a=b", NULL) == 0, "value with '='");
    is_str(artconv_article_get(a, ARTCONV_META_TITLE), "a=b", "split at the first '='");
    ok(artconv_article_set_meta_arg(a, "image.alt= The bridge ", NULL) == 0, "dotted key");
    is_str(artconv_article_get(a, ARTCONV_META_IMAGE_ALT), "The bridge", "dotted key trimmed");
    ok(artconv_article_set_meta_arg(a, "authors=Old", NULL) == 0, "authors=Old");
    ok(artconv_article_set_meta_arg(a, "authors=A, B,C", NULL) == 0, "authors=A, B,C");
    is_int(artconv_article_list_count(a, ARTCONV_LIST_AUTHORS), 3, "three authors, old replaced");
    is_str(artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, 0), "A", "author A");
    is_str(artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, 1), "B", "author B, trimmed");
    is_str(artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, 2), "C", "author C");
    ok(artconv_article_set_meta_arg(a, "author=X", NULL) == 0, "author=X");
    is_int(artconv_article_list_count(a, ARTCONV_LIST_AUTHORS), 1, "author replaces authors");
    is_str(artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, 0), "X", "author X");
    ok(artconv_article_set_meta_arg(a, "keywords=a,,b, a ,", NULL) == 0, "keywords with gaps");
    is_int(artconv_article_list_count(a, ARTCONV_LIST_KEYWORDS), 2, "empty and repeated dropped");
    is_error(artconv_article_set_meta_arg(a, "colour=red", &err), &err, ARTCONV_EINVALID,
             "unknown metadata key 'colour'", "unknown key");
    is_error(artconv_article_set_meta_arg(a, "title", &err), &err, ARTCONV_EINVALID,
             "metadata must be given as key=value", "missing '='");
    is_int(artconv_article_set_meta_arg(a, "=value", &err), ARTCONV_EINVALID, "empty key");
    is_int(artconv_article_set_meta_arg(a, "a-very-long-key-that-is-certainly-not-a-field=1", &err),
           ARTCONV_EINVALID, "long key");
    is_int(artconv_article_set_meta_arg(a, NULL, &err), ARTCONV_EINVALID, "NULL assignment");
    is_int(artconv_article_set_meta_arg(a, "title=\x01", &err), ARTCONV_EINVALID,
           "forbidden character in the value");
    is_str(artconv_article_get(a, ARTCONV_META_TITLE), "a=b", "title unchanged by failures");
    ok(artconv_article_set_meta_arg(a, "title=", NULL) == 0 &&
           artconv_article_get(a, ARTCONV_META_TITLE) == NULL,
       "title= clears");
    check(a, "after --meta");
    artconv_article_free(a);
}

/* --- iterator ------------------------------------------------------------ */

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

/* --- buffers ------------------------------------------------------------- */

static void test_buf(void)
{
    artconv_buf b = ARTCONV_BUF_INIT;
    size_t i, caps = 0, last_cap = 0;
    int intact = 1;
    char *s;

    ok(b.ptr == NULL && b.len == 0 && b.cap == 0, "INIT is empty");
    ok(artconv_buf_put(&b, "", 0) == 0 && b.ptr != NULL && b.ptr[0] == '\0' && b.len == 0,
       "an empty append allocates and terminates");
    ok(artconv_buf_puts(&b, "abc") == 0 && artconv_buf_putc(&b, 'd') == 0 &&
           artconv_buf_put(&b, "efg", 2) == 0,
       "puts, putc, put");
    is_str(b.ptr, "abcdef", "contents, NUL-terminated");
    is_int(b.len, 6, "length");
    ok(artconv_buf_put(&b, "x\0y", 3) == 0 && b.len == 9 && b.ptr[9] == '\0' && b.ptr[7] == '\0',
       "embedded NUL kept, still terminated");
    artconv_buf_clear(&b);
    ok(b.len == 0 && b.ptr != NULL && b.ptr[0] == '\0' && b.cap > 0, "clear keeps the memory");
    for (i = 0; i < 1000000; i++) {
        if (artconv_buf_putc(&b, 'a' + (int)(i % 26)) < 0 || b.ptr[b.len] != '\0' || b.cap <= b.len)
            intact = 0;
        if (b.cap != last_cap) {
            caps++;
            last_cap = b.cap;
        }
    }
    ok(intact, "a million appends, always terminated and within capacity");
    for (i = 0; i < b.len; i++)
        if (b.ptr[i] != 'a' + (int)(i % 26))
            intact = 0;
    ok(intact, "every byte in place");
    ok(caps <= 20, "growth is geometric (few reallocations)");
    ok(artconv_buf_grow(&b, SIZE_MAX) == ARTCONV_ENOMEM, "overflowing growth refused");
    ok(artconv_buf_put(&b, "z", SIZE_MAX - 2) == ARTCONV_ENOMEM, "an impossible append refused");
    ok(b.len == 1000000 && b.ptr[b.len] == '\0', "failed appends leave the buffer as it was");
    s = artconv_buf_detach(&b);
    ok(s != NULL && strlen(s) == 1000000, "detach hands over the bytes");
    ok(b.ptr == NULL && b.len == 0 && b.cap == 0, "detach resets the buffer");
    free(s);
    s = artconv_buf_detach(&b);
    is_str(s, "", "detaching an empty buffer gives \"\"");
    free(s);
    artconv_buf_puts(&b, "gone");
    artconv_buf_dispose(&b);
    ok(b.ptr == NULL && b.len == 0 && b.cap == 0, "dispose resets the buffer");
    artconv_buf_dispose(&b);
    artconv_buf_dispose(NULL);
    artconv_buf_clear(&b);
    ok(b.ptr == NULL, "dispose twice, dispose NULL and clear an empty buffer are safe");
}

/* --- formats, reading and writing ---------------------------------------- */

static void test_registry(void)
{
    static const struct {
        const char *arg;
        const char *format;
    } names[] = {
        {"md", "markdown"},
        {"MD", "markdown"},
        {"markdown", "markdown"},
        {"commonmark", "markdown"},
        {"txt", "text"},
        {"text", "text"},
        {"html", "html"},
        {"htm", "html"},
        {"json", "json"},
        {"epub", "epub"},
        {"nml", "newsml"},
        {"nope", NULL},
        {"", NULL},
        {".md", NULL},
    };
    static const struct {
        const char *path;
        const char *format;
    } paths[] = {
        {".MD", "markdown"},   {"notes.md", "markdown"}, {"a/b/c.Markdown", "markdown"},
        {"page.HTML", "html"}, {"x.xhtml", "html"},      {"story.txt", "text"},
        {"out.json", "json"},  {"book.epub", "epub"},    {"item.xml", "newsml"},
        {"x.tar.gz", NULL},    {"dir.md/file", NULL},    {"dir.md/", NULL},
        {"README", NULL},      {"file.", NULL},          {"", NULL},
    };
    const artconv_format *f;
    size_t i;
    char what[100];
    int found = 0;

    for (i = 0; i < COUNT(names); i++) {
        snprintf(what, sizeof what, "by name '%s'", names[i].arg);
        is_str(artconv_format_name(artconv_format_by_name(names[i].arg)), names[i].format, what);
    }
    ok(artconv_format_by_name(NULL) == NULL, "by name NULL");
    for (i = 0; i < COUNT(paths); i++) {
        snprintf(what, sizeof what, "by path '%s'", paths[i].path);
        is_str(artconv_format_name(artconv_format_by_path(paths[i].path)), paths[i].format, what);
    }
    ok(artconv_format_by_path(NULL) == NULL, "by path NULL");
    ok(artconv_format_count() >= 6, "at least six formats");
    ok(artconv_format_at(artconv_format_count()) == NULL, "nothing past the end");
    for (i = 0; i < artconv_format_count(); i++) {
        f = artconv_format_at(i);
        if (f == artconv_format_by_name(artconv_format_name(f)) &&
            artconv_format_extensions(f) != NULL && artconv_format_extensions(f)[0] != NULL &&
            artconv_format_by_path(artconv_format_extensions(f)[0]) == f &&
            artconv_format_media_type(f) != NULL && artconv_format_description(f) != NULL)
            found++;
    }
    is_int(found, artconv_format_count(), "each format is found by its name and extension");
    f = artconv_format_by_name("epub");
    ok(artconv_format_is_binary(f) && !artconv_format_is_binary(artconv_format_by_name("md")),
       "epub is binary, markdown is not");
    ok(artconv_format_can_write(artconv_format_by_name("json")), "json is writable");
    ok(artconv_format_can_read(artconv_format_by_name("text")), "text is readable");
    ok(!artconv_format_can_read(NULL) && !artconv_format_can_write(NULL) &&
           artconv_format_name(NULL) == NULL,
       "NULL format");
    is_str(artconv_format_media_type(artconv_format_by_name("json")), "application/json",
           "json media type");
    is_str(artconv_version(), ARTCONV_VERSION, "version");
    is_str(artconv_status_name(ARTCONV_ELIMIT), "limit exceeded", "status name");
    is_str(artconv_status_name(42), "unknown error", "unknown status name");
}

static void test_null_args(void)
{
    const artconv_format *text = artconv_format_by_name("text");
    const artconv_format *json = artconv_format_by_name("json");
    const artconv_format *unreadable = NULL, *unwritable = NULL;
    artconv_read_options ro;
    artconv_write_options wo;
    artconv_article *a = artconv_article_new(), *got = a;
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_error err;
    size_t i;

    artconv_read_options_init(&ro);
    artconv_write_options_init(&wo);

    is_int(artconv_read(NULL, text, "x", 1, NULL, &err), ARTCONV_EINVALID, "read into NULL");
    is_error(artconv_read(&got, NULL, "x", 1, NULL, &err), &err, ARTCONV_EINVALID,
             "no format or no data", "read with no format");
    ok(got == NULL, "*out is NULL after a failed read");
    is_int(artconv_read(&got, text, NULL, 5, NULL, &err), ARTCONV_EINVALID, "read NULL data");
    ro.max_input = 3;
    ro.filename = "in.txt";
    is_int(artconv_read(&got, text, "hello", 5, &ro, &err), ARTCONV_ELIMIT, "input over the limit");
    is_str(err.file, "in.txt", "the error names the input");
    ok(got == NULL, "no article over the limit");
    is_error(artconv_write(NULL, json, a, NULL, &err), &err, ARTCONV_EINVALID,
             "no output, format or article", "write to NULL");
    is_int(artconv_write(&out, NULL, a, NULL, &err), ARTCONV_EINVALID, "write with no format");
    is_int(artconv_write(&out, json, NULL, NULL, &err), ARTCONV_EINVALID, "write no article");
    is_int(artconv_write(&out, json, NULL, NULL, NULL), ARTCONV_EINVALID, "err may be NULL");
    ok(out.ptr == NULL, "nothing written");
    for (i = 0; i < artconv_format_count(); i++) {
        if (unreadable == NULL && !artconv_format_can_read(artconv_format_at(i)))
            unreadable = artconv_format_at(i);
        if (unwritable == NULL && !artconv_format_can_write(artconv_format_at(i)))
            unwritable = artconv_format_at(i);
    }
    if (unreadable != NULL)
        is_int(artconv_read(&got, unreadable, "x", 1, NULL, &err), ARTCONV_EUNSUPPORTED,
               "reading an unreadable format");
    else
        ok(1, "# SKIP every format can be read");
    if (unwritable != NULL) {
        wo.filename = "out.x";
        is_int(artconv_write(&out, unwritable, a, &wo, &err), ARTCONV_EUNSUPPORTED,
               "writing an unwritable format");
        is_str(err.file, "out.x", "the error names the output");
    } else {
        ok(1, "# SKIP every format can be written");
    }
    artconv_read_options_init(&ro);
    artconv_write_options_init(&wo);
    ok(ro.version == ARTCONV_READ_OPTIONS_VERSION && ro.max_input == 0 && ro.filename == NULL,
       "read options defaults");
    ok(wo.version == ARTCONV_WRITE_OPTIONS_VERSION && wo.width == 72, "write options defaults");
    artconv_article_free(a);
}

/* --- kind ranges, the opaque iterator, option defaults ------------------ */

/* Whether each kind is a block, written out from artconv.h's enum: the
 * raw HTML kinds go with the range their node stands in. */
static int documented_block(artconv_node_kind k)
{
    switch (k) {
    case ARTCONV_NODE_DOCUMENT:
    case ARTCONV_NODE_HEADING:
    case ARTCONV_NODE_PARAGRAPH:
    case ARTCONV_NODE_BLOCKQUOTE:
    case ARTCONV_NODE_LIST:
    case ARTCONV_NODE_ITEM:
    case ARTCONV_NODE_CODE_BLOCK:
    case ARTCONV_NODE_THEMATIC_BREAK:
    case ARTCONV_NODE_FIGURE:
    case ARTCONV_NODE_CAPTION:
    case ARTCONV_NODE_ATTRIBUTION:
    case ARTCONV_NODE_TABLE:
    case ARTCONV_NODE_TABLE_ROW:
    case ARTCONV_NODE_TABLE_CELL:
    case ARTCONV_NODE_RAW_HTML_BLOCK:
        return 1;
    default:
        return 0;
    }
}

static void test_kind_ranges(void)
{
    char what[80];
    int k;

    for (k = ARTCONV_NODE_FIRST_BLOCK; k <= ARTCONV_NODE_LAST_KIND; k++) {
        artconv_node_kind kind = (artconv_node_kind)k;

        snprintf(what, sizeof what, "%s is %s", artconv_node_kind_name(kind),
                 documented_block(kind) ? "a block" : "an inline");
        ok(artconv_node_kind_is_block(kind) == documented_block(kind) &&
               artconv_node_kind_is_inline(kind) == !documented_block(kind),
           what);
    }
    ok(!artconv_node_kind_is_block(ARTCONV_NODE_NONE) &&
           !artconv_node_kind_is_inline(ARTCONV_NODE_NONE),
       "NONE is neither");
    ok(!artconv_node_kind_is_block((artconv_node_kind)(ARTCONV_NODE_LAST_KIND + 1)) &&
           !artconv_node_kind_is_inline((artconv_node_kind)(ARTCONV_NODE_LAST_KIND + 1)) &&
           !artconv_node_kind_is_block((artconv_node_kind)-1),
       "unknown numbers are neither");
    /* Every kind a block may hold as a flow child is a block, and every
     * kind a paragraph may hold is an inline, raw ones included. */
    for (k = ARTCONV_NODE_FIRST_BLOCK; k <= ARTCONV_NODE_LAST_KIND; k++) {
        artconv_node_kind kind = (artconv_node_kind)k;

        if (artconv_node_can_contain(ARTCONV_NODE_PARAGRAPH, kind) &&
            !artconv_node_kind_is_inline(kind))
            break;
        if (artconv_node_can_contain(ARTCONV_NODE_DOCUMENT, kind) &&
            !artconv_node_kind_is_block(kind))
            break;
    }
    is_int(k, ARTCONV_NODE_LAST_KIND + 1, "can_contain agrees with the ranges");
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

/* artconv_write with NULL options writes what it writes with options from
 * artconv_write_options_init: the one set of defaults. */
static void test_options_defaults(void)
{
    artconv_article *a = artconv_article_new();
    artconv_node *p = add(artconv_article_body(a), ARTCONV_NODE_PARAGRAPH);
    artconv_write_options wo;
    artconv_read_options ro;
    artconv_buf x = ARTCONV_BUF_INIT, y = ARTCONV_BUF_INIT;
    artconv_article *back = NULL;
    size_t i;
    int same = 1;

    artconv_article_set(a, ARTCONV_META_TITLE, "Defaults", NULL);
    add_text(p, "A paragraph long enough to wrap at the default width of seventy-two columns, "
                "which text output uses when no width is given.");
    artconv_write_options_init(&wo);
    artconv_read_options_init(&ro);
    for (i = 0; i < artconv_format_count(); i++) {
        const artconv_format *f = artconv_format_at(i);

        if (!artconv_format_can_write(f) || artconv_format_is_binary(f))
            continue; /* EPUB stamps the time when no timestamp is given */
        artconv_buf_clear(&x);
        artconv_buf_clear(&y);
        if (artconv_write(&x, f, a, NULL, NULL) < 0 || artconv_write(&y, f, a, &wo, NULL) < 0 ||
            x.len != y.len || memcmp(x.ptr, y.ptr, x.len) != 0)
            same = 0;
    }
    ok(same, "every text writer: NULL options and _init options write the same bytes");
    is_int(artconv_read(&back, artconv_format_by_name("text"), "Hello\n", 6, &ro, NULL), 0,
           "a read with _init options");
    artconv_article_free(back);
    artconv_buf_dispose(&x);
    artconv_buf_dispose(&y);
    artconv_article_free(a);
}

/* --- atomic file output -------------------------------------------------- */

/* Counts the entries of `dir` besides . and ..; names the first in `first`. */
static int count_entries(const char *dir, char *first, size_t size)
{
    DIR *d = opendir(dir);
    const struct dirent *e;
    int n = 0;

    if (d == NULL)
        return -1;
    first[0] = '\0';
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (n++ == 0)
            snprintf(first, size, "%s", e->d_name);
    }
    closedir(d);
    return n;
}

static int file_is(const char *path, const char *want)
{
    artconv_buf got = ARTCONV_BUF_INIT;
    int same = test_read_file(path, &got) == 0 && strcmp(got.ptr, want) == 0;

    artconv_buf_dispose(&got);
    return same;
}

static mode_t mode_of(const char *path)
{
    struct stat st;

    return stat(path, &st) == 0 ? st.st_mode & 07777 : (mode_t)-1;
}

static void test_write_file(void)
{
    const char *tmp = getenv("TMPDIR");
    char dir[4096], path[4200], other[4200], name[256];
    artconv_article *a = artconv_article_new(), *deep = artconv_article_new();
    artconv_node *cur = artconv_article_body(deep);
    artconv_buf want = ARTCONV_BUF_INIT;
    artconv_error err;
    mode_t old_mask;
    int i;

    snprintf(dir, sizeof dir, "%s/artconv-model-XXXXXX", tmp != NULL ? tmp : "/tmp");
    if (!ok(mkdtemp(dir) != NULL, "temporary folder made"))
        return;
    artconv_article_set(a, ARTCONV_META_TITLE, "Saved", NULL);
    artconv_write(&want, artconv_format_by_name("json"), a, NULL, NULL);
    snprintf(path, sizeof path, "%s/out.json", dir);

    old_mask = umask(022);
    ok(artconv_write_file(path, NULL, a, NULL, &err) == 0, "written, format from the extension");
    ok(file_is(path, want.ptr), "the file holds the JSON");
    is_int(mode_of(path), 0644, "new file mode follows umask 022");
    is_str(err.file, path, "err names the file");

    /* Failures leave the old file as it was and no temporary file. */
    for (i = 0; i < ARTCONV_MAX_DEPTH + 1; i++)
        cur = add(cur, ARTCONV_NODE_BLOCKQUOTE);
    is_int(artconv_write_file(path, NULL, deep, NULL, &err), ARTCONV_ELIMIT,
           "too deep an article refused");
    ok(file_is(path, want.ptr), "the old file is intact");
    is_int(count_entries(dir, name, sizeof name), 1, "no temporary file left");
    is_str(name, "out.json", "only the output is there");

    snprintf(other, sizeof other, "%s/missing/out.json", dir);
    is_int(artconv_write_file(other, NULL, a, NULL, &err), ARTCONV_EIO, "missing folder: EIO");
    snprintf(other, sizeof other, "%s/sub.json", dir);
    ok(mkdir(other, 0755) == 0, "a folder named like the output");
    is_int(artconv_write_file(other, NULL, a, NULL, &err), ARTCONV_EIO, "replacing a folder fails");
    is_int(count_entries(dir, name, sizeof name), 2, "still no temporary file");
    rmdir(other);
    snprintf(other, sizeof other, "%s/out.unknown", dir);
    is_int(artconv_write_file(other, NULL, a, NULL, &err), ARTCONV_EINVALID,
           "unknown extension, no format");
    is_int(artconv_write_file(NULL, NULL, a, NULL, &err), ARTCONV_EINVALID, "NULL path");
    is_int(count_entries(dir, name, sizeof name), 1, "nothing created by failures");

    /* An existing file keeps its mode; a new one follows the umask. */
    ok(chmod(path, 0640) == 0, "chmod 0640");
    ok(artconv_write_file(path, NULL, a, NULL, &err) == 0, "rewritten");
    is_int(mode_of(path), 0640, "a replaced file keeps its mode");
    umask(077);
    snprintf(other, sizeof other, "%s/private.json", dir);
    ok(artconv_write_file(other, NULL, a, NULL, &err) == 0, "written under umask 077");
    is_int(mode_of(other), 0600, "new file mode follows umask 077");
    umask(old_mask);
    unlink(other);
    unlink(path);
    ok(rmdir(dir) == 0, "temporary folder removed (it was empty)");
    artconv_buf_dispose(&want);
    artconv_article_free(a);
    artconv_article_free(deep);
}

/* artconv.h promises that distinct articles may be used from distinct
 * threads.  Writing files from several threads at once must give every new
 * file the umask's mode and leave the process umask as it was. */
enum { WRITERS = 8, WRITES = 300 };

typedef struct {
    const char *dir;
    int id;
    int failures;
} writer_job;

static void test_extra(void)
{
    artconv_article *a = artconv_article_new();
    artconv_error err;

    is_int(artconv_article_extra_count(a), 0, "extra: none at first");
    is_int(artconv_article_extra_set(a, "draft", "true", &err), 0, "extra: set a boolean");
    is_int(artconv_article_extra_set(a, "tags_hugo", " [ \"a\", 1, {\"b\": null} ] ", &err), 0,
           "extra: set an array");
    is_int(artconv_article_extra_count(a), 2, "extra: two fields");
    is_str(artconv_article_extra_key(a, 1), "tags_hugo", "extra: keys keep their order");
    is_str(artconv_article_extra_get(a, "tags_hugo"), "[\"a\",1,{\"b\":null}]",
           "extra: values are kept compact");
    is_int(artconv_article_extra_set(a, "draft", "\"no\"", &err), 0, "extra: replace a value");
    is_str(artconv_article_extra_key(a, 0), "draft", "extra: a replaced key keeps its place");
    is_str(artconv_article_extra_value(a, 0), "\"no\"", "extra: the new value");
    is_int(artconv_article_extra_set(a, "title", "\"x\"", &err), ARTCONV_EINVALID,
           "extra: a canonical name is refused");
    is_int(artconv_article_extra_set(a, "bad", "{nope", &err), ARTCONV_EINVALID,
           "extra: a value that is not JSON is refused");
    ok(strstr(err.message, "not JSON") != NULL, "extra: the error says why");
    is_int(artconv_article_extra_set(a, "", "1", &err), ARTCONV_EINVALID,
           "extra: an empty key is refused");
    is_int(artconv_article_extra_set(a, "draft", NULL, &err), 0, "extra: remove a key");
    is_int(artconv_article_extra_count(a), 1, "extra: one left");
    is_str(artconv_article_extra_key(a, 0), "tags_hugo", "extra: the rest moves up");
    ok(artconv_article_extra_get(a, "draft") == NULL, "extra: the removed key is gone");
    ok(artconv_article_extra_key(a, 5) == NULL, "extra: past the end is NULL");
    is_int(artconv_article_check(a, &err), 0, "extra: the article checks");
    artconv_article_free(a);
}

static void *writer_thread(void *arg)
{
    writer_job *job = arg;
    artconv_article *a = artconv_article_new();
    char path[4200];
    int i;

    for (i = 0; i < WRITES; i++) {
        snprintf(path, sizeof path, "%s/t%d-%d.json", job->dir, job->id, i);
        if (artconv_write_file(path, NULL, a, NULL, NULL) < 0)
            job->failures++;
    }
    artconv_article_free(a);
    return NULL;
}

static void test_write_file_threads(void)
{
    const char *tmp = getenv("TMPDIR");
    char dir[4096], path[4200];
    pthread_t threads[WRITERS];
    writer_job jobs[WRITERS];
    mode_t old_mask, mask_after;
    int i, j, started = 0, failures = 0, wrong_mode = 0;

    snprintf(dir, sizeof dir, "%s/artconv-threads-XXXXXX", tmp != NULL ? tmp : "/tmp");
    if (!ok(mkdtemp(dir) != NULL, "temporary folder for threads"))
        return;
    old_mask = umask(022);
    for (i = 0; i < WRITERS; i++) {
        jobs[i].dir = dir;
        jobs[i].id = i;
        jobs[i].failures = 0;
        if (pthread_create(&threads[i], NULL, writer_thread, &jobs[i]) == 0)
            started++;
    }
    for (i = 0; i < started; i++) {
        pthread_join(threads[i], NULL);
        failures += jobs[i].failures;
    }
    mask_after = umask(old_mask);
    is_int(started, WRITERS, "writer threads started");
    is_int(failures, 0, "every threaded write succeeded");
    is_int(mask_after, 022, "the process umask is unchanged after threaded writes");
    for (i = 0; i < started; i++) {
        for (j = 0; j < WRITES; j++) {
            snprintf(path, sizeof path, "%s/t%d-%d.json", dir, i, j);
            if (mode_of(path) != 0644)
                wrong_mode++;
            unlink(path);
        }
    }
    is_int(wrong_mode, 0, "every file written by a thread has mode 0644");
    ok(rmdir(dir) == 0, "thread folder removed (it was empty)");
}

/* A format that says it writes books takes several articles through
 * artconv_write_book; the others refuse them, and say so. */
static void test_write_book_slot(void)
{
    artconv_article *a = artconv_article_new(), *b = artconv_article_new();
    const artconv_article *const both[2] = {a, b};
    size_t i, books = 0;

    artconv_article_set(a, ARTCONV_META_TITLE, "One", NULL);
    artconv_article_set(b, ARTCONV_META_TITLE, "Two", NULL);
    for (i = 0; i < artconv_format_count(); i++) {
        const artconv_format *f = artconv_format_at(i);
        artconv_buf out = ARTCONV_BUF_INIT;
        artconv_error err;
        char what[100];
        int rc;

        if (!artconv_format_can_write(f))
            continue;
        rc = artconv_write_book(&out, f, both, 2, "Digest", NULL, NULL, &err);
        if (artconv_format_can_write_book(f)) {
            books++;
            snprintf(what, sizeof what, "%s writes a book of two articles", artconv_format_name(f));
            ok(rc == 0 && out.len > 0, what);
        } else {
            snprintf(what, sizeof what, "%s refuses a book", artconv_format_name(f));
            is_int(rc, ARTCONV_EUNSUPPORTED, what);
        }
        artconv_buf_dispose(&out);
    }
    is_int((int)books, 1, "one format writes books (EPUB)");
    ok(artconv_format_can_write_book(artconv_format_by_name("epub")), "epub can write a book");
    ok(!artconv_format_can_write_book(NULL), "NULL cannot");
    artconv_article_free(a);
    artconv_article_free(b);
}

int main(void)
{
    test_kinds();
    test_raw_kinds();
    test_refused_links();
    test_check_finds();
    test_links();
    test_wrong_kind();
    test_clean_text();
    test_numbers();
    test_meta();
    test_meta_arg();
    test_extra();
    test_iter();
    test_kind_ranges();
    test_iter_new();
    test_options_defaults();
    test_deep();
    test_buf();
    test_registry();
    test_write_book_slot();
    test_null_args();
    test_write_file();
    test_write_file_threads();
    return tap_done();
}
