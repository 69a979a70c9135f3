/*
 * model_tree.c - API tests of the model's tree: node kinds, their names and
 * ranges, the containment rules against the table artconv.h documents, the
 * raw HTML kinds, and linking, moving, unlinking and freeing nodes, with
 * artconv_article_check after every change.
 */
#include "artconv.h"
#include "model_util.h"
#include "tap.h"
#include "testutil.h"

#include <stdio.h>
#include <string.h>

/* --- kinds and containment ------------------------------------------------ */

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

/* --- links ---------------------------------------------------------------- */

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

int main(void)
{
    test_kinds();
    test_raw_kinds();
    test_refused_links();
    test_check_finds();
    test_links();
    test_kind_ranges();
    return tap_done();
}
