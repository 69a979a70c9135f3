/*
 * build_tidy.c - the pass after building: trims the spaces and breaks at
 * both ends of each paragraph, heading, caption and cell, drops the dash
 * before an attribution, and removes the nodes left empty, bottom-up and
 * without recursion.
 */
#include "build.h"

#include <stdlib.h>
#include <string.h>

static int holds_inlines(artconv_node_kind k)
{
    return k == ARTCONV_NODE_PARAGRAPH || k == ARTCONV_NODE_HEADING || k == ARTCONV_NODE_CAPTION ||
           k == ARTCONV_NODE_ATTRIBUTION || k == ARTCONV_NODE_TABLE_CELL;
}

/* Removes spaces and breaks at one end of an inline container. */
static int trim_end(artconv_node *block, int last, artconv_error *err)
{
    for (;;) {
        artconv_node *c = block, *next;
        artconv_node_kind k;
        const char *s;
        size_t len, skip;

        while ((next = last ? artconv_node_last_child(c) : artconv_node_first_child(c)) != NULL)
            c = next;
        if (c == block)
            return 0;
        k = artconv_node_get_kind(c);
        if (k == ARTCONV_NODE_TEXT) {
            s = artconv_node_get_literal(c);
            len = s == NULL ? 0 : strlen(s);
            skip = 0;
            if (last)
                while (skip < len && s[len - 1 - skip] == ' ')
                    skip++;
            else
                while (skip < len && s[skip] == ' ')
                    skip++;
            if (skip == 0)
                return 0;
            if (skip < len) {
                char *copy = ac_strndup(last ? s : s + skip, len - skip);
                int rc;

                if (copy == NULL)
                    return ac_nomem(err);
                rc = ac_node_set_literal_n(c, copy, len - skip, err);
                free(copy);
                return rc;
            }
        } else if (k != ARTCONV_NODE_LINEBREAK && k != ARTCONV_NODE_SOFTBREAK &&
                   artconv_node_kind_is_leaf(k)) {
            return 0;
        }
        artconv_node_free(c);
    }
}

int ac_build_is_empty(const artconv_node *n)
{
    artconv_node_kind k = artconv_node_get_kind(n);
    const char *s;

    switch (k) {
    case ARTCONV_NODE_TEXT:
        s = artconv_node_get_literal(n);
        return s == NULL || *s == '\0';
    case ARTCONV_NODE_IMAGE:
        return artconv_node_get_url(n) == NULL;
    case ARTCONV_NODE_FIGURE:
        return artconv_node_get_url(n) == NULL;
    case ARTCONV_NODE_TABLE_CELL:
    case ARTCONV_NODE_THEMATIC_BREAK:
    case ARTCONV_NODE_CODE_BLOCK:
    case ARTCONV_NODE_CODE:
    case ARTCONV_NODE_LINEBREAK:
    case ARTCONV_NODE_SOFTBREAK:
        return 0;
    default:
        return artconv_node_first_child(n) == NULL;
    }
}

static artconv_node *leftmost(artconv_node *n)
{
    artconv_node *c;

    while ((c = artconv_node_first_child(n)) != NULL)
        n = c;
    return n;
}

/* Drops the dash that pages (and artconv's own writers) put before an
 * attribution: "— Jane Doe" is from Jane Doe. */
static int strip_dash(artconv_node *attribution, artconv_error *err)
{
    static const char *const dashes[] = {"\xe2\x80\x94", "\xe2\x80\x93", "\xe2\x80\x95", "--", "-"};
    artconv_node *first = leftmost(attribution);
    const char *s = artconv_node_get_literal(first), *p;
    size_t i, n;

    if (artconv_node_get_kind(first) != ARTCONV_NODE_TEXT || s == NULL)
        return ARTCONV_OK;
    p = s;
    while (*p == ' ')
        p++;
    for (i = 0; i < sizeof dashes / sizeof dashes[0]; i++) {
        n = strlen(dashes[i]);
        if (strncmp(p, dashes[i], n) == 0 && (p[n] == ' ' || p[n] == '\0')) {
            char *rest;
            int rc;

            p += n;
            while (*p == ' ')
                p++;
            /* The setter frees the old literal, which `p` points into. */
            if ((rest = ac_strndup(p, strlen(p))) == NULL)
                return ac_nomem(err);
            rc = ac_node_set_literal_n(first, rest, strlen(rest), err);
            free(rest);
            return rc;
        }
    }
    return ARTCONV_OK;
}

/* Trims and removes empty nodes among `first` and its following siblings
 * (all children of one parent), bottom-up and without recursion. */
int ac_build_tidy(artconv_node *first, artconv_error *err)
{
    artconv_node *top = artconv_node_parent(first);
    artconv_node *n = first == NULL ? NULL : leftmost(first), *next;
    int rc;

    while (n != NULL) {
        if (artconv_node_next(n) != NULL)
            next = leftmost(artconv_node_next(n));
        else
            next = artconv_node_parent(n) == top ? NULL : artconv_node_parent(n);
        if (artconv_node_get_kind(n) == ARTCONV_NODE_ATTRIBUTION && (rc = strip_dash(n, err)) < 0)
            return rc;
        if (holds_inlines(artconv_node_get_kind(n)) &&
            ((rc = trim_end(n, 0, err)) < 0 || (rc = trim_end(n, 1, err)) < 0))
            return rc;
        if (ac_build_is_empty(n))
            artconv_node_free(n);
        n = next;
    }
    return 0;
}
