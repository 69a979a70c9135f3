/*
 * walk_page.c - read a saved web page and print the outline of the article
 * artconv finds in it.  An example of reading and of walking the tree
 * without recursion.
 *
 *   cc walk_page.c $(pkg-config --cflags --libs artconv) -o walk_page
 *   ./walk_page page.html
 */
#include <artconv.h>

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    artconv_article *article = NULL;
    artconv_error err;
    artconv_iter *it;
    artconv_event ev;
    size_t i, words = 0;
    int depth = 0;

    if (argc != 2) {
        fprintf(stderr, "usage: %s PAGE.html\n", argv[0]);
        return 2;
    }
    if (artconv_read_file(&article, NULL, argv[1], NULL, &err) < 0) {
        fprintf(stderr, "walk_page: %s:%d: %s\n", err.file, err.line, err.message);
        return 1;
    }
    printf("title: %s\n", artconv_article_get(article, ARTCONV_META_TITLE)
                              ? artconv_article_get(article, ARTCONV_META_TITLE)
                              : "(none)");
    for (i = 0; i < artconv_article_list_count(article, ARTCONV_LIST_AUTHORS); i++)
        printf("author: %s\n", artconv_article_list_get(article, ARTCONV_LIST_AUTHORS, i));
    /* Every node with children is reported on ENTER and on EXIT; leaves
     * only on ENTER.  Depth is tracked from those events. */
    if ((it = artconv_iter_new(artconv_article_body(article))) == NULL) {
        fprintf(stderr, "walk_page: out of memory\n");
        artconv_article_free(article);
        return 1;
    }
    while ((ev = artconv_iter_next(it)) != ARTCONV_EVENT_DONE) {
        const artconv_node *node = artconv_iter_node(it);
        artconv_node_kind kind = artconv_node_get_kind(node);
        const char *text = artconv_node_get_literal(node);

        if (ev == ARTCONV_EVENT_EXIT) {
            depth--;
            continue;
        }
        if (artconv_node_kind_is_block(kind) && kind != ARTCONV_NODE_DOCUMENT)
            printf("%*s%s\n", depth * 2, "", artconv_node_kind_name(kind));
        for (; text != NULL && *text != '\0'; text++)
            if (*text != ' ' && (text[1] == ' ' || text[1] == '\0'))
                words++;
        if (!artconv_node_kind_is_leaf(kind))
            depth++;
    }
    artconv_iter_free(it);
    printf("words: %zu\n", words);
    artconv_article_free(article);
    return 0;
}
