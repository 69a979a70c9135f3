/*
 * model_util.h - what the model tests (model_*.c) share: building a tree
 * by hand and checking it, and reporting an expected failure.
 */
#ifndef ARTCONV_MODEL_UTIL_H
#define ARTCONV_MODEL_UTIL_H

#include "artconv.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Reports whether the article passes its model check (one TAP line). */
int check(const artconv_article *a, const char *what);
/* Reports that a call failed with `code` and the message `message` (NULL:
 * any message): two or three TAP lines. */
void is_error(int rc, const artconv_error *err, int code, const char *message, const char *what);
/* Creates a node of `kind` and appends it to `parent`; NULL if refused. */
artconv_node *add(artconv_node *parent, artconv_node_kind kind);
/* The same for a TEXT node holding `s`. */
artconv_node *add_text(artconv_node *parent, const char *s);

#endif
