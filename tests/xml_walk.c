/*
 * xml_walk.c - tests of the one libxml2 walk with enter and leave events
 * (ac_xml_walk, formats/shared/xml.c): the order of the events on a small
 * tree, skipping children (and freeing them), freeing each node once it is
 * done, the depth, empty and single-node roots, and a tree 100,000
 * elements deep, which a recursive walk could not go through.
 */
#include "xml.h"
#include "tap.h"

#include <stdio.h>
#include <string.h>

/* What the walk reports, one word an event: "<b" for the ENTER of element
 * b, ">b" for its LEAVE, the text itself for a text node, "#" for a
 * comment; each followed by ":depth" when `depths` is set. */
typedef struct {
    char seen[512];
    const char *skip; /* the name of the elements whose children are skipped */
    int free_skipped; /* free the children of a skipped element at once */
    int free_done;    /* unlink and free each node other than the root once done */
    int depths;
} trace;

static void put(trace *t, const char *word, size_t depth)
{
    char buf[64];

    snprintf(buf, sizeof buf, t->depths ? "%s%s:%zu" : "%s%s", t->seen[0] ? " " : "", word, depth);
    if (strlen(t->seen) + strlen(buf) < sizeof t->seen)
        strcat(t->seen, buf);
}

static void walk(trace *t, xmlNodePtr root)
{
    ac_xml_walk w;
    ac_xml_event ev;
    char word[64];

    t->seen[0] = '\0';
    ac_xml_walk_init(&w, root);
    while ((ev = ac_xml_walk_next(&w)) != AC_XML_DONE) {
        xmlNodePtr n = ac_xml_walk_node(&w);
        int done;

        if (n->type == XML_ELEMENT_NODE) {
            snprintf(word, sizeof word, "%c%s", ev == AC_XML_ENTER ? '<' : '>',
                     (const char *)n->name);
            done = ev == AC_XML_LEAVE;
        } else {
            snprintf(word, sizeof word, "%s",
                     n->type == XML_TEXT_NODE ? (const char *)n->content : "#");
            done = 1;
        }
        put(t, word, ac_xml_walk_depth(&w));
        if (ev == AC_XML_ENTER && t->skip != NULL && n->type == XML_ELEMENT_NODE &&
            strcmp((const char *)n->name, t->skip) == 0) {
            ac_xml_walk_skip(&w);
            if (t->free_skipped) {
                xmlFreeNodeList(n->children);
                n->children = n->last = NULL;
            }
        }
        if (done && t->free_done && n != root) {
            xmlUnlinkNode(n);
            xmlFreeNode(n);
        }
    }
    ok(ac_xml_walk_node(&w) == NULL, "no node once DONE");
    is_int(ac_xml_walk_next(&w), AC_XML_DONE, "DONE again after DONE");
}

static xmlNodePtr add(xmlNodePtr parent, const char *name)
{
    xmlNodePtr el = xmlNewNode(NULL, BAD_CAST name);

    xmlAddChild(parent, el);
    return el;
}

static void add_text(xmlNodePtr parent, const char *text)
{
    xmlAddChild(parent, xmlNewText(BAD_CAST text));
}

/* <a><b>t1<c/></b>t2<!----><d><e/></d></a> */
static xmlNodePtr small_tree(void)
{
    xmlNodePtr a = xmlNewNode(NULL, BAD_CAST "a"), b, d;

    b = add(a, "b");
    add_text(b, "t1");
    add(b, "c");
    add_text(a, "t2");
    xmlAddChild(a, xmlNewComment(BAD_CAST "x"));
    d = add(a, "d");
    add(d, "e");
    return a;
}

static void test_order(void)
{
    trace t = {0};
    xmlNodePtr a = small_tree();

    walk(&t, a);
    is_str(t.seen, "<a <b t1 <c >c >b t2 # <d <e >e >d >a", "every element entered and left");
    t.depths = 1;
    walk(&t, a);
    is_str(t.seen, "<a:0 <b:1 t1:2 <c:2 >c:2 >b:1 t2:1 #:1 <d:1 <e:2 >e:2 >d:1 >a:0",
           "depth: the root is 0, its children 1");
    t.depths = 0;
    walk(&t, a->children);
    is_str(t.seen, "<b t1 <c >c >b", "a root with siblings: its subtree only");
    xmlFreeNode(a);
}

static void test_skip(void)
{
    trace t = {0};
    xmlNodePtr a = small_tree();

    t.skip = "b";
    walk(&t, a);
    is_str(t.seen, "<a <b >b t2 # <d <e >e >d >a", "skip: no children, LEAVE next");
    t.skip = "a";
    walk(&t, a);
    is_str(t.seen, "<a >a", "skip at the root");
    t.skip = "d";
    t.free_skipped = 1;
    walk(&t, a);
    is_str(t.seen, "<a <b t1 <c >c >b t2 # <d >d >a", "children freed after skip");
    ok(a->last->children == NULL, "the skipped element is empty");
    xmlFreeNode(a);
}

static void test_free_done(void)
{
    trace t = {0};
    xmlNodePtr a = small_tree();

    t.free_done = 1;
    walk(&t, a);
    is_str(t.seen, "<a <b t1 <c >c >b t2 # <d <e >e >d >a", "each node freed once done");
    ok(a->children == NULL, "all below the root is gone");
    xmlFreeNode(a);
}

static void test_empty(void)
{
    trace t = {0};
    xmlNodePtr el = xmlNewNode(NULL, BAD_CAST "p"), text = xmlNewText(BAD_CAST "t");

    walk(&t, NULL);
    is_str(t.seen, "", "a NULL root: DONE at once");
    walk(&t, el);
    is_str(t.seen, "<p >p", "an empty element: ENTER and LEAVE");
    walk(&t, text);
    is_str(t.seen, "t", "a text root: ENTER only");
    xmlFreeNode(el);
    xmlFreeNode(text);
}

#define DEEP 100000

static void test_deep(void)
{
    xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "div"), n = root;
    ac_xml_walk w;
    ac_xml_event ev;
    size_t i, enters = 0, leaves = 0, deepest = 0, order_ok = 1;

    for (i = 0; i < DEEP; i++)
        n = add(n, "div");
    add_text(n, "deep");
    ac_xml_walk_init(&w, root);
    while ((ev = ac_xml_walk_next(&w)) != AC_XML_DONE) {
        xmlNodePtr cur = ac_xml_walk_node(&w);

        if (ev == AC_XML_ENTER) {
            enters++;
            if (ac_xml_walk_depth(&w) > deepest)
                deepest = ac_xml_walk_depth(&w);
        } else {
            leaves++;
            if (ac_xml_walk_depth(&w) != DEEP - (leaves - 1))
                order_ok = 0;
        }
        /* Freed as it is done, since libxml2's own free may recurse. */
        if ((ev == AC_XML_LEAVE || cur->type != XML_ELEMENT_NODE) && cur != root) {
            xmlUnlinkNode(cur);
            xmlFreeNode(cur);
        }
    }
    is_int((long long)enters, DEEP + 2, "100,000 deep: every node entered");
    is_int((long long)leaves, DEEP + 1, "every element left");
    is_int((long long)deepest, DEEP + 1, "the text's depth");
    ok(order_ok, "leaves come deepest first, each at its depth");
    ok(root->children == NULL, "freed on the way");
    xmlFreeNode(root);
}

int main(void)
{
    test_order();
    test_skip();
    test_free_done();
    test_empty();
    test_deep();
    return tap_done();
}
