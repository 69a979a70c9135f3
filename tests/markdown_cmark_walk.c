/*
 * markdown_cmark_walk.c - tests of the one walk over a cmark subtree that
 * the Markdown reader and writer share (formats/markdown/cmark_walk.c):
 * the order of the nodes, skipping children, freeing a leaf during its
 * visit, and stopping at a negative status.
 */
#include "cmark_walk.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    char seen[256]; /* one letter per visited node */
    size_t n;
    int skip_paragraphs;
    int free_code; /* free each code span during its visit */
    int fail_at;   /* 1-based visit that returns ARTCONV_EINVALID; 0: none */
} trace;

static int visit(cmark_node *node, void *data)
{
    trace *t = data;
    char c;

    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_DOCUMENT:
        c = 'D';
        break;
    case CMARK_NODE_PARAGRAPH:
        c = 'P';
        break;
    case CMARK_NODE_HEADING:
        c = 'H';
        break;
    case CMARK_NODE_TEXT:
        c = 't';
        break;
    case CMARK_NODE_EMPH:
        c = 'e';
        break;
    case CMARK_NODE_CODE:
        c = 'c';
        break;
    default:
        c = '?';
        break;
    }
    if (t->n + 1 < sizeof t->seen)
        t->seen[t->n++] = c;
    t->seen[t->n] = '\0';
    if (t->fail_at > 0 && (int)t->n == t->fail_at)
        return ARTCONV_EINVALID;
    if (t->free_code && c == 'c') {
        cmark_node_free(node);
        return ARTCONV_OK;
    }
    return t->skip_paragraphs && c == 'P' ? AC_CMARK_SKIP_CHILDREN : ARTCONV_OK;
}

static cmark_node *parse(const char *md)
{
    return cmark_parse_document(md, strlen(md), CMARK_OPT_DEFAULT);
}

int main(void)
{
    static const char md[] = "# a *b*\n\nc `d` e\n";
    cmark_node *doc = parse(md);
    trace t;
    char *out;

    memset(&t, 0, sizeof t);
    is_int(ac_cmark_each_entered(doc, visit, &t), 0, "a plain walk returns 0");
    is_str(t.seen, "DHtetPtct", "every node entered once, in document order, root first");

    memset(&t, 0, sizeof t);
    t.skip_paragraphs = 1;
    is_int(ac_cmark_each_entered(doc, visit, &t), 0, "a walk that skips returns 0");
    is_str(t.seen, "DHtetP", "a paragraph's children are skipped, the walk goes on after it");

    memset(&t, 0, sizeof t);
    t.fail_at = 3;
    is_int(ac_cmark_each_entered(doc, visit, &t), ARTCONV_EINVALID,
           "a negative status stops the walk and is returned");
    is_str(t.seen, "DHt", "no node is visited after the failing one");

    memset(&t, 0, sizeof t);
    is_int(ac_cmark_each_entered(cmark_node_first_child(doc), visit, &t), 0,
           "a walk below one block");
    is_str(t.seen, "Htet", "only that block's subtree is walked");

    memset(&t, 0, sizeof t);
    t.free_code = 1;
    is_int(ac_cmark_each_entered(doc, visit, &t), 0, "a walk that frees a leaf returns 0");
    is_str(t.seen, "DHtetPtct", "the walk goes on after the freed leaf");
    out = cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0);
    is_str(out, "# a *b*\n\nc  e\n", "the freed code span is gone from the tree");
    free(out);

    cmark_node_free(doc);
    return tap_done();
}
