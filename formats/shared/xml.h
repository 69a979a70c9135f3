/*
 * xml.h - the libxml2 helpers every tree-reading or tree-writing format
 * shares: the one document-order step, the one walk with enter and leave
 * events, and the output sink into an artconv_buf.
 */
#ifndef ARTCONV_XML_H
#define ARTCONV_XML_H

#include "internal.h"

#include <libxml/tree.h>

/* The node after `node` in document order inside `root`'s subtree, or NULL
 * when the subtree is done (`root` itself is never returned).  The walk
 * goes down only into elements, and not into `node`'s children when
 * `skip_children` is set.  It keeps no state and does not recurse, so a
 * caller may unlink or free `node`'s children before the step when it
 * skips them.  `level`, unless NULL, goes up by one for a step down into a
 * child and down by one for each parent climbed. */
xmlNodePtr ac_xml_next(const xmlNode *node, const xmlNode *root, int skip_children);
xmlNodePtr ac_xml_next_level(const xmlNode *node, const xmlNode *root, int skip_children,
                             size_t *level);

/* A walk over `root`'s subtree that reports each element twice, on ENTER
 * and on LEAVE (after its children), and every other node (text, comment,
 * CDATA...) once, on ENTER, as cmark's iterator does.  Like ac_xml_next it
 * goes down only into elements, keeps its state in this small struct, and
 * neither recurses nor allocates, so a tree of any depth is walked in
 * constant stack.  Use:
 *
 *     ac_xml_walk w;
 *     ac_xml_event ev;
 *
 *     ac_xml_walk_init(&w, root);
 *     while ((ev = ac_xml_walk_next(&w)) != AC_XML_DONE) {
 *         xmlNodePtr n = ac_xml_walk_node(&w);
 *         ...
 *     }
 *
 * What the caller may change while it walks:
 *  - an element may not be unlinked or freed between its ENTER and its
 *    LEAVE; after ac_xml_walk_skip its children may (the walk does not
 *    read them);
 *  - a node is done after its LEAVE, or after its ENTER when it is not an
 *    element: the walk has then read its next sibling and its parent
 *    already, so the caller may unlink or free that node (and only it)
 *    before the next step.
 * Children added to an element at its ENTER are walked: the walk reads
 * the first child at the next step. */
typedef enum { AC_XML_DONE = 0, AC_XML_ENTER, AC_XML_LEAVE } ac_xml_event;

typedef struct {
    xmlNodePtr root;
    xmlNodePtr node;   /* the node of the last event; NULL before the first and after DONE */
    xmlNodePtr next;   /* once `node` is done: its next sibling, */
    xmlNodePtr parent; /* and its parent, read before the caller may free it */
    size_t depth;      /* levels of `node` below `root` */
    ac_xml_event event;
    int skip; /* ac_xml_walk_skip was called after this ENTER */
    int done; /* `node` is done: the walk reads no more of it */
} ac_xml_walk;

/* Starts a walk over `root` and its descendants; `root` may be NULL (the
 * walk is then DONE at once).  The first event is the ENTER of `root`. */
void ac_xml_walk_init(ac_xml_walk *w, xmlNodePtr root);
/* The next event: ENTER or LEAVE of ac_xml_walk_node, or DONE after the
 * root's last event (and on every call after that). */
ac_xml_event ac_xml_walk_next(ac_xml_walk *w);
/* The node of the last event (borrowed), or NULL once DONE. */
xmlNodePtr ac_xml_walk_node(const ac_xml_walk *w);
/* How far the node of the last event is below the root (the root is 0). */
size_t ac_xml_walk_depth(const ac_xml_walk *w);
/* Called after an ENTER: the walk does not go into that node's children,
 * and for an element its LEAVE is the next event.  Does nothing after a
 * LEAVE or on a node that is not an element (it has no children to walk). */
void ac_xml_walk_skip(ac_xml_walk *w);

/* A libxml2 output (xmlSaveToIO, xmlOutputBufferCreateIO) that appends to
 * `out`; `nomem` is set when an append fails. */
typedef struct {
    artconv_buf *out;
    int nomem;
} ac_xml_sink;
int ac_xml_sink_write(void *context, const char *bytes, int len);
int ac_xml_sink_close(void *context);

#endif /* ARTCONV_XML_H */
