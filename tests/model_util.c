/*
 * model_util.c - see model_util.h.
 */
#include "model_util.h"
#include "tap.h"

#include <stdio.h>

/* Reports whether the article passes its model check. */
int check(const artconv_article *a, const char *what)
{
    artconv_error err;
    int rc = artconv_article_check(a, &err);

    if (!is_int(rc, 0, what))
        printf("#   %s\n", err.message);
    return rc == 0;
}

/* Reports that a call failed with `code` and the message `message`. */
void is_error(int rc, const artconv_error *err, int code, const char *message, const char *what)
{
    char label[300];

    snprintf(label, sizeof label, "%s: status", what);
    is_int(rc, code, label);
    snprintf(label, sizeof label, "%s: code in err", what);
    is_int(err->code, code, label);
    if (message != NULL) {
        snprintf(label, sizeof label, "%s: message", what);
        is_str(err->message, message, label);
    }
}

artconv_node *add(artconv_node *parent, artconv_node_kind kind)
{
    artconv_node *node = artconv_node_new(kind);

    if (artconv_node_append(parent, node, NULL) < 0) {
        artconv_node_free(node);
        return NULL;
    }
    return node;
}

artconv_node *add_text(artconv_node *parent, const char *s)
{
    artconv_node *node = add(parent, ARTCONV_NODE_TEXT);

    artconv_node_set_literal(node, s, NULL);
    return node;
}
