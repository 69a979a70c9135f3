/*
 * build_article.c - build an article in code and write it as EPUB and as
 * NewsML-G2.  An example of artconv's library API.
 *
 *   cc build_article.c $(pkg-config --cflags --libs artconv) -o build_article
 *   ./build_article story.epub story.xml
 */
#include <artconv.h>

#include <stdio.h>

/* Appends a paragraph holding `text` to `parent`; returns 0 or a status. */
static int add_paragraph(artconv_node *parent, const char *text, artconv_error *err)
{
    artconv_node *para = artconv_node_new(ARTCONV_NODE_PARAGRAPH);
    artconv_node *run = artconv_node_new(ARTCONV_NODE_TEXT);
    int rc;

    if (para == NULL || run == NULL) {
        artconv_node_free(para);
        artconv_node_free(run);
        return ARTCONV_ENOMEM;
    }
    /* Once appended, a node belongs to its parent: free only the root. */
    if ((rc = artconv_node_append(para, run, err)) < 0) {
        artconv_node_free(para);
        artconv_node_free(run);
        return rc;
    }
    if ((rc = artconv_node_set_literal(run, text, err)) < 0 ||
        (rc = artconv_node_append(parent, para, err)) < 0) {
        artconv_node_free(para);
        return rc;
    }
    return 0;
}

int main(int argc, char **argv)
{
    artconv_article *article;
    artconv_error err = {0};
    artconv_write_options opts;
    int rc = 0;

    if (argc != 3) {
        fprintf(stderr, "usage: %s OUT.epub OUT.xml\n", argv[0]);
        return 2;
    }
    article = artconv_article_new();
    if (article == NULL)
        return 1;
    if (artconv_article_set(article, ARTCONV_META_TITLE, "Lighthouse keeper retires after 40 years",
                            &err) < 0 ||
        artconv_article_set(article, ARTCONV_META_SUBTITLE,
                            "The last resident keeper on the coast hands over to automation",
                            &err) < 0 ||
        artconv_article_set(article, ARTCONV_META_DATE, "2024-05-01T08:00:00Z", &err) < 0 ||
        artconv_article_set(article, ARTCONV_META_LANGUAGE, "en", &err) < 0 ||
        artconv_article_set(article, ARTCONV_META_DATELINE, "FAIR ISLE", &err) < 0 ||
        artconv_article_list_add(article, ARTCONV_LIST_AUTHORS, "Ailsa Brown", &err) < 0 ||
        add_paragraph(artconv_article_body(article),
                      "Forty years after he first climbed the tower, the island's keeper has "
                      "switched off his radio for the last time.",
                      &err) < 0 ||
        add_paragraph(artconv_article_body(article),
                      "The light itself will keep turning, watched from the mainland.", &err) < 0)
        rc = 1;
    /* The invariants a writer relies on; a tool building articles by hand
     * can check them before writing. */
    if (rc == 0 && artconv_article_check(article, &err) < 0)
        rc = 1;
    artconv_write_options_init(&opts);
    opts.timestamp = 0; /* reproducible output */
    if (rc == 0 && artconv_write_file(argv[1], NULL, article, &opts, &err) < 0)
        rc = 1;
    if (rc == 0 && artconv_write_file(argv[2], artconv_format_by_name("newsml"), article, &opts,
                                      &err) < 0)
        rc = 1;
    if (rc != 0)
        fprintf(stderr, "build_article: %s: %s\n", err.file != NULL ? err.file : "-",
                err.message);
    artconv_article_free(article);
    return rc;
}
