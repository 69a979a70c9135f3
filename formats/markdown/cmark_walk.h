/*
 * cmark_walk.h - the one walk over a cmark subtree that the Markdown reader
 * and writer share (formats/markdown/cmark_walk.c).
 */
#ifndef ARTCONV_CMARK_WALK_H
#define ARTCONV_CMARK_WALK_H

#include "internal.h"

#include <cmark-gfm.h>

/* What a visit may return besides 0 (go on) and a negative status (stop). */
#define AC_CMARK_SKIP_CHILDREN 1

/* Called for each node the walk enters; `data` is the caller's. */
typedef int (*ac_cmark_visit)(cmark_node *node, void *data);

/* Calls `visit` for every node that cmark's iterator enters in `root`'s
 * subtree, `root` first, in document order and without recursion.  A
 * visit may free the node when it is a leaf, or insert nodes before it
 * (cmark's iterator has already chosen the next node); with
 * AC_CMARK_SKIP_CHILDREN the walk goes on after the node's children.
 * Returns 0, the first negative status a visit returned, or ARTCONV_ENOMEM
 * (without touching any artconv_error) when no iterator could be made. */
int ac_cmark_each_entered(cmark_node *root, ac_cmark_visit visit, void *data);

#endif /* ARTCONV_CMARK_WALK_H */
