/*
 * cmark_walk.c - the one walk over a cmark subtree: cmark's own iterator,
 * each ENTER event handed to a callback.  The reader (an image's alt text)
 * and the writer (tidying white space, checking raw HTML) walk with it
 * instead of each setting up, stepping and freeing an iterator of its own.
 */
#include "cmark_walk.h"

int ac_cmark_each_entered(cmark_node *root, ac_cmark_visit visit, void *data)
{
    cmark_iter *it = cmark_iter_new(root);
    cmark_event_type ev;
    int rc = ARTCONV_OK;

    if (it == NULL)
        return ARTCONV_ENOMEM;
    while (rc >= 0 && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *node = cmark_iter_get_node(it);

        if (ev != CMARK_EVENT_ENTER)
            continue;
        rc = visit(node, data);
        /* Only an inner node has children to skip; a visit may have freed
         * a leaf. */
        if (rc == AC_CMARK_SKIP_CHILDREN)
            cmark_iter_reset(it, node, CMARK_EVENT_EXIT);
    }
    cmark_iter_free(it);
    return rc < 0 ? rc : ARTCONV_OK;
}
