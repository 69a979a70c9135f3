/*
 * xml.h - the libxml2 helpers every tree-reading or tree-writing format
 * shares: the one document-order walk and the output sink into an
 * artconv_buf.
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

/* A libxml2 output (xmlSaveToIO, xmlOutputBufferCreateIO) that appends to
 * `out`; `nomem` is set when an append fails. */
typedef struct {
    artconv_buf *out;
    int nomem;
} ac_xml_sink;
int ac_xml_sink_write(void *context, const char *bytes, int len);
int ac_xml_sink_close(void *context);

#endif /* ARTCONV_XML_H */
