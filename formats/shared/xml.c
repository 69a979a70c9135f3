/*
 * xml.c - see xml.h.
 */
#include "xml.h"

xmlNodePtr ac_xml_next_level(const xmlNode *node, const xmlNode *root, int skip_children,
                             size_t *level)
{
    if (!skip_children && node->type == XML_ELEMENT_NODE && node->children != NULL) {
        if (level != NULL)
            ++*level;
        return node->children;
    }
    while (node != root && node != NULL && node->next == NULL) {
        node = node->parent;
        if (level != NULL)
            --*level;
    }
    return node == root || node == NULL ? NULL : node->next;
}

xmlNodePtr ac_xml_next(const xmlNode *node, const xmlNode *root, int skip_children)
{
    return ac_xml_next_level(node, root, skip_children, NULL);
}

void ac_xml_walk_init(ac_xml_walk *w, xmlNodePtr root)
{
    w->root = root;
    w->node = NULL;
    w->next = NULL;
    w->parent = NULL;
    w->depth = 0;
    w->event = AC_XML_DONE;
    w->skip = 0;
    w->done = 0;
}

/* Reports the ENTER of w->node; a node that is not an element is done at
 * once, so what follows it is read now. */
static ac_xml_event walk_enter(ac_xml_walk *w)
{
    w->event = AC_XML_ENTER;
    w->skip = 0;
    w->done = w->node->type != XML_ELEMENT_NODE;
    if (w->done) {
        w->next = w->node->next;
        w->parent = w->node->parent;
    }
    return AC_XML_ENTER;
}

/* Reports the LEAVE of w->node, which is then done. */
static ac_xml_event walk_leave(ac_xml_walk *w)
{
    w->event = AC_XML_LEAVE;
    w->done = 1;
    w->next = w->node->next;
    w->parent = w->node->parent;
    return AC_XML_LEAVE;
}

ac_xml_event ac_xml_walk_next(ac_xml_walk *w)
{
    xmlNodePtr n = w->node;

    if (n == NULL) {
        /* The first call, or the walk is over (which cleared the root). */
        if (w->root == NULL)
            return w->event = AC_XML_DONE;
        w->node = w->root;
        w->depth = 0;
        return walk_enter(w);
    }
    if (!w->done) {
        if (!w->skip && n->children != NULL) {
            w->node = n->children;
            w->depth++;
            return walk_enter(w);
        }
        return walk_leave(w);
    }
    /* `n` is done and may be gone: only the links read before are used. */
    if (n == w->root) {
        w->node = NULL;
        w->root = NULL;
        return w->event = AC_XML_DONE;
    }
    if (w->next != NULL) {
        w->node = w->next;
        return walk_enter(w);
    }
    w->node = w->parent;
    w->depth--;
    return walk_leave(w);
}

xmlNodePtr ac_xml_walk_node(const ac_xml_walk *w)
{
    return w->node;
}

size_t ac_xml_walk_depth(const ac_xml_walk *w)
{
    return w->depth;
}

void ac_xml_walk_skip(ac_xml_walk *w)
{
    if (w->node != NULL && !w->done)
        w->skip = 1; /* the ENTER of an element */
}

int ac_xml_sink_write(void *context, const char *bytes, int len)
{
    ac_xml_sink *s = context;

    if (len < 0 || artconv_buf_put(s->out, bytes, (size_t)len) < 0) {
        s->nomem = 1;
        return -1;
    }
    return len;
}

int ac_xml_sink_close(void *context)
{
    (void)context;
    return 0;
}
