/*
 * node.h - the fields of a body tree node, for the two files that work on
 * them directly: node.c (memory, links, data) and iter.c (the walk, which
 * runs through every node of every writer and so reads the links as they
 * are).  Everything else goes through artconv.h's accessors.
 */
#ifndef ARTCONV_NODE_H
#define ARTCONV_NODE_H

#include "internal.h"

struct artconv_node {
    artconv_node *parent;
    artconv_node *prev;
    artconv_node *next;
    artconv_node *first_child;
    artconv_node *last_child;
    int start; /* LIST */
    artconv_node_kind kind;
    unsigned char level;   /* HEADING: 1-6 */
    unsigned char ordered; /* LIST: 0 or 1 */
    unsigned char tight;   /* LIST: 0 or 1 */
    unsigned char header;  /* TABLE_ROW: 0 or 1 */
    /* Kind-specific strings, NULL or NUL-terminated and owned: as many as
     * the kind has (string_slots), through field_slot (literal and url 0,
     * info and title 1, alt 2, credit 3).  A long article holds hundreds
     * of thousands of nodes, most of them text with one string or
     * containers with none, so each node is allocated only that big. */
    char *str[];
};

#endif /* ARTCONV_NODE_H */
