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
