/*
 * cmd_info.c - `artconv info`: the metadata and a count of the body's
 * blocks and words, as text or (--json) as JSON.
 */
#include "cli.h"

#include <jansson.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Counts the blocks of each kind and the words of the body. */
typedef struct {
    size_t kinds[ARTCONV_NODE_LAST_KIND + 1];
    size_t words;
} body_stats;

/* Visits the body in document order by its links (down, across, back up),
 * without recursion, so deep input costs no stack. */
static void gather_stats(body_stats *stats, const artconv_article *article)
{
    const artconv_node *root = artconv_article_body(article), *node = root;

    memset(stats, 0, sizeof *stats);
    while (node != NULL) {
        artconv_node_kind kind = artconv_node_get_kind(node);
        const artconv_node *next;

        stats->kinds[kind]++;
        if ((next = artconv_node_first_child(node)) != NULL) {
            node = next;
            continue;
        }
        while (node != root && artconv_node_next(node) == NULL)
            node = artconv_node_parent(node);
        node = node != root ? artconv_node_next(node) : NULL;
    }
    stats->words = cli_count_words(article);
}

static const artconv_node_kind summary_kinds[] = {
    ARTCONV_NODE_PARAGRAPH,  ARTCONV_NODE_HEADING, ARTCONV_NODE_FIGURE,
    ARTCONV_NODE_BLOCKQUOTE, ARTCONV_NODE_LIST,    ARTCONV_NODE_TABLE,
    ARTCONV_NODE_CODE_BLOCK, ARTCONV_NODE_LINK,    ARTCONV_NODE_IMAGE,
};

/* Prints {"meta": ..., "body": {counts}}.  The meta object is the JSON
 * writer's own, so `info --json` and `convert -t json` never disagree. */
static int info_json(const artconv_article *article, const body_stats *stats)
{
    artconv_buf full = ARTCONV_BUF_INIT;
    artconv_error err;
    json_t *root = NULL, *doc = NULL, *body = json_object();
    char *text = NULL;
    size_t k;
    int rc = -1;

    if (body == NULL ||
        artconv_write(&full, artconv_format_by_name("json"), article, NULL, &err) < 0)
        goto cleanup;
    doc = json_loadb(full.ptr, full.len, 0, NULL);
    root = json_object();
    if (doc == NULL || root == NULL ||
        json_object_set(root, "meta", json_object_get(doc, "meta")) < 0)
        goto cleanup;
    if (json_object_set_new(body, "words", json_integer((json_int_t)stats->words)) < 0)
        goto cleanup;
    for (k = 0; k < sizeof summary_kinds / sizeof summary_kinds[0]; k++)
        if (json_object_set_new(body, artconv_node_kind_name(summary_kinds[k]),
                                json_integer((json_int_t)stats->kinds[summary_kinds[k]])) < 0)
            goto cleanup;
    if (json_object_set(root, "body", body) < 0)
        goto cleanup;
    text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (text == NULL)
        goto cleanup;
    rc = printf("%s\n", text) < 0 ? -1 : 0;
cleanup:
    free(text);
    json_decref(root);
    json_decref(doc);
    json_decref(body);
    artconv_buf_dispose(&full);
    return rc;
}

static void info_text(const artconv_article *article, const body_stats *stats)
{
    int i;
    size_t k;

    for (i = 0; i < ARTCONV_META_COUNT; i++) {
        const char *value = artconv_article_get(article, (artconv_meta)i);

        if (value != NULL)
            printf("%-14s %s\n", artconv_meta_name((artconv_meta)i), value);
        if (i == ARTCONV_META_SUBTITLE) {
            /* Authors read best right under the headline. */
            size_t n = artconv_article_list_count(article, ARTCONV_LIST_AUTHORS);

            if (n > 0) {
                printf("%-14s ", "authors");
                for (k = 0; k < n; k++)
                    printf("%s%s", k ? "; " : "",
                           artconv_article_list_get(article, ARTCONV_LIST_AUTHORS, k));
                putchar('\n');
            }
        }
    }
    if (artconv_article_list_count(article, ARTCONV_LIST_KEYWORDS) > 0) {
        printf("%-14s ", "keywords");
        for (k = 0; k < artconv_article_list_count(article, ARTCONV_LIST_KEYWORDS); k++)
            printf("%s%s", k ? "; " : "",
                   artconv_article_list_get(article, ARTCONV_LIST_KEYWORDS, k));
        putchar('\n');
    }
    printf("%-14s %zu words", "body", stats->words);
    for (k = 0; k < sizeof summary_kinds / sizeof summary_kinds[0]; k++) {
        size_t n = stats->kinds[summary_kinds[k]];

        if (n > 0)
            printf(", %zu %s%s", n, artconv_node_kind_name(summary_kinds[k]), n == 1 ? "" : "s");
    }
    putchar('\n');
}

int cli_cmd_info(const cli_args *args)
{
    artconv_article *article = NULL;
    cli_settings settings;
    body_stats stats;
    int status;

    if (args->positional_count != 1)
        return cli_usage_error(args->command, "%s", "info needs exactly one input file");
    cli_settings_fill(&settings, args, NULL);
    if ((status = cli_load_article(&article, &settings, args, args->positional[0])) != 0)
        return status;
    gather_stats(&stats, article);
    if (args->json) {
        if (info_json(article, &stats) < 0) {
            fprintf(stderr, "artconv: %s: out of memory\n", args->positional[0]);
            status = CLI_EXIT_FAILED;
        }
    } else {
        info_text(article, &stats);
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "artconv: <stdout>: cannot write: %s\n", strerror(errno));
        status = CLI_EXIT_FAILED;
    }
    artconv_article_free(article);
    return status;
}
