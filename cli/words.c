/*
 * words.c - the number of words in an article's body, as `info` shows it
 * and as `convert` reports what it wrote: runs of text between white space
 * in the body's text nodes.
 */
#include "cli.h"

static size_t words_in(const char *s)
{
    size_t words = 0;
    int in_word = 0;

    for (; *s != '\0'; s++) {
        int space = *s == ' ' || *s == '\n' || *s == '\t' || *s == '\r';

        if (!space && !in_word)
            words++;
        in_word = !space;
    }
    return words;
}

/* Walks the body by its links (down, across, back up), without recursion,
 * so deep input costs no stack.  Text split over several nodes ("re" in
 * bold, "open" plain) counts as one word only when a node ends in a space;
 * the count is for people, and near enough. */
size_t cli_count_words(const artconv_article *article)
{
    const artconv_node *root = artconv_article_body(article), *node = root;
    size_t words = 0;

    while (node != NULL) {
        const artconv_node *next;

        if (artconv_node_get_kind(node) == ARTCONV_NODE_TEXT &&
            artconv_node_get_literal(node) != NULL)
            words += words_in(artconv_node_get_literal(node));
        if ((next = artconv_node_first_child(node)) != NULL) {
            node = next;
            continue;
        }
        while (node != root && artconv_node_next(node) == NULL)
            node = artconv_node_parent(node);
        node = node != root ? artconv_node_next(node) : NULL;
    }
    return words;
}
