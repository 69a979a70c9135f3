/*
 * iter.c - walking the body tree with enter and exit events, and its depth
 * measured by that walk.  Nothing recurses: an article nested 100,000
 * levels deep is walked on a flat stack.
 */
#include "node.h"

#include <stdlib.h>

artconv_iter *artconv_iter_new(const artconv_node *root)
{
    artconv_iter *iter = malloc(sizeof *iter);

    if (iter != NULL)
        artconv_iter_init(iter, root);
    return iter;
}

void artconv_iter_free(artconv_iter *iter)
{
    free(iter);
}

void artconv_iter_init(artconv_iter *iter, const artconv_node *root)
{
    iter->root = root;
    iter->node = NULL;
    iter->event = ARTCONV_EVENT_DONE;
}

static int has_exit(const artconv_node *node)
{
    return !artconv_node_kind_is_leaf(node->kind);
}

artconv_event artconv_iter_next(artconv_iter *iter)
{
    artconv_node *cur = iter->node;

    if (cur == NULL) {
        /* First call; or the walk is over, which clears the root. */
        if (iter->root == NULL)
            return iter->event = ARTCONV_EVENT_DONE;
        iter->node = (artconv_node *)iter->root;
        return iter->event = ARTCONV_EVENT_ENTER;
    }
    /* DONE on a current node: skip_children asked for its EXIT next. */
    if (iter->event == ARTCONV_EVENT_DONE)
        return iter->event = ARTCONV_EVENT_EXIT;
    if (iter->event == ARTCONV_EVENT_ENTER && has_exit(cur)) {
        if (cur->first_child != NULL) {
            iter->node = cur->first_child;
            return iter->event = ARTCONV_EVENT_ENTER;
        }
        return iter->event = ARTCONV_EVENT_EXIT;
    }
    if (cur == iter->root) {
        iter->node = NULL;
        iter->root = NULL;
        return iter->event = ARTCONV_EVENT_DONE;
    }
    if (cur->next != NULL) {
        iter->node = cur->next;
        return iter->event = ARTCONV_EVENT_ENTER;
    }
    iter->node = cur->parent;
    if (iter->node == NULL) {
        iter->root = NULL;
        return iter->event = ARTCONV_EVENT_DONE;
    }
    return iter->event = ARTCONV_EVENT_EXIT;
}

artconv_node *artconv_iter_node(const artconv_iter *iter)
{
    return iter->node;
}

void artconv_iter_skip_children(artconv_iter *iter)
{
    if (iter->node != NULL && iter->event == ARTCONV_EVENT_ENTER && has_exit(iter->node))
        iter->event = ARTCONV_EVENT_DONE; /* artconv_iter_next turns it into this EXIT */
}

size_t artconv_node_depth(const artconv_node *root)
{
    artconv_iter it;
    artconv_event ev;
    size_t depth = 0, deepest = 0;
    int first = 1;

    artconv_iter_init(&it, root);
    while ((ev = artconv_iter_next(&it)) != ARTCONV_EVENT_DONE) {
        if (ev == ARTCONV_EVENT_ENTER) {
            if (first)
                first = 0;
            else
                depth++;
            if (depth > deepest)
                deepest = depth;
            if (!has_exit(artconv_iter_node(&it)) && depth > 0)
                depth--;
        } else if (depth > 0) {
            depth--;
        }
    }
    return deepest;
}
