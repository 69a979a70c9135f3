/*
 * cli_msg.c - what the command line tells a person: errors and warnings
 * that name the file, colour only on a terminal (and never under NO_COLOR),
 * and "did you mean" suggestions by edit distance.
 */
#include "cli.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define RED    "\033[1;31m"
#define YELLOW "\033[33m"
#define RESET  "\033[0m"

int cli_colour(FILE *fp)
{
    const char *no_colour = getenv("NO_COLOR");

    if (no_colour != NULL && no_colour[0] != '\0')
        return 0;
    return isatty(fileno(fp));
}

void cli_print_error(const char *file, const artconv_error *err)
{
    const char *name = err->file != NULL ? err->file : file;
    int colour = cli_colour(stderr);
    const char *on = colour ? RED : "", *off = colour ? RESET : "";

    if (name == NULL)
        name = "-";
    if (err->line > 0 && err->column > 0)
        fprintf(stderr, "artconv: %s%s:%d:%d%s: %s\n", on, name, err->line, err->column, off,
                err->message);
    else if (err->line > 0)
        fprintf(stderr, "artconv: %s%s:%d%s: %s\n", on, name, err->line, off, err->message);
    else
        fprintf(stderr, "artconv: %s%s%s: %s\n", on, name, off, err->message);
}

void cli_print_warning(const artconv_error *warning, void *payload)
{
    const char *name = warning->file != NULL ? warning->file : (const char *)payload;
    int colour = cli_colour(stderr);
    const char *on = colour ? YELLOW : "", *off = colour ? RESET : "";

    if (name == NULL)
        name = "-";
    if (warning->line > 0)
        fprintf(stderr, "artconv: %s:%d: %swarning:%s %s\n", name, warning->line, on, off,
                warning->message);
    else
        fprintf(stderr, "artconv: %s: %swarning:%s %s\n", name, on, off, warning->message);
}

/* Words longer than this are never typos of a format or option name. */
#define MAX_WORD 48

/* The optimal-string-alignment distance: insertions, deletions,
 * substitutions and swaps of two neighbours ("epbu" is one edit from
 * "epub"), over three rolling rows. */
size_t cli_edit_distance(const char *a, const char *b)
{
    size_t row[3][MAX_WORD + 1];
    size_t la = strlen(a), lb = strlen(b), i, j;

    if (la > MAX_WORD || lb > MAX_WORD)
        return 99;
    for (j = 0; j <= lb; j++)
        row[0][j] = j;
    for (i = 1; i <= la; i++) {
        size_t *before = row[(i + 1) % 3], *prev = row[(i - 1) % 3], *cur = row[i % 3];

        cur[0] = i;
        for (j = 1; j <= lb; j++) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t best = prev[j - 1] + cost;

            if (prev[j] + 1 < best)
                best = prev[j] + 1;
            if (cur[j - 1] + 1 < best)
                best = cur[j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                before[j - 2] + 1 < best)
                best = before[j - 2] + 1;
            cur[j] = best;
        }
    }
    return row[la % 3][lb];
}

/* Close enough to be a slip: one edit in a short word, two in a longer. */
static size_t allowed_distance(const char *word)
{
    return strlen(word) <= 4 ? 1 : 2;
}

/* The closer of `candidate` and *best to `word`, kept in *best. */
static void consider(const char *word, const char *candidate, const char **best, size_t *distance)
{
    size_t d = cli_edit_distance(word, candidate);

    if (d < *distance) {
        *distance = d;
        *best = candidate;
    }
}

const char *cli_suggest_meta_key(const char *assignment)
{
    char key[MAX_WORD + 1];
    const char *eq = strchr(assignment, '='), *best = NULL;
    size_t len = eq != NULL ? (size_t)(eq - assignment) : strlen(assignment), distance = 99;
    int i;

    if (len == 0 || len > MAX_WORD)
        return NULL;
    memcpy(key, assignment, len);
    key[len] = '\0';
    for (i = 0; i < ARTCONV_META_COUNT; i++)
        consider(key, artconv_meta_name((artconv_meta)i), &best, &distance);
    for (i = 0; i < ARTCONV_LIST_COUNT; i++)
        consider(key, artconv_meta_list_name((artconv_meta_list)i), &best, &distance);
    if (best == NULL || distance == 0 || distance > allowed_distance(key))
        return NULL;
    return best;
}

void cli_print_meta_error(const char *assignment, const artconv_error *err)
{
    const char *guess = cli_suggest_meta_key(assignment);

    fprintf(stderr, "artconv: --meta %s: %s", assignment, err->message);
    if (guess != NULL && strncmp(err->message, "unknown metadata key", 20) == 0)
        fprintf(stderr, "; did you mean %s?", guess);
    fputc('\n', stderr);
}

const char *cli_suggest_format(const char *name)
{
    const artconv_format *best = NULL;
    size_t best_distance = 99, i;

    for (i = 0; i < artconv_format_count(); i++) {
        const artconv_format *format = artconv_format_at(i);
        const char *const *ext;
        size_t d = cli_edit_distance(name, artconv_format_name(format));

        if (d < best_distance) {
            best_distance = d;
            best = format;
        }
        /* Extensions double as names people type: "htm", "txt", "xml". */
        for (ext = artconv_format_extensions(format); *ext != NULL; ext++) {
            d = cli_edit_distance(name, (*ext)[0] == '.' ? *ext + 1 : *ext);
            if (d < best_distance) {
                best_distance = d;
                best = format;
            }
        }
    }
    if (best == NULL || best_distance > allowed_distance(name))
        return NULL;
    return artconv_format_name(best);
}

json_t *cli_json_text(const char *text)
{
    json_t *str;
    char *copy;
    size_t i;

    if (text == NULL)
        return json_null();
    if ((str = json_string(text)) != NULL)
        return str;
    /* Not UTF-8 (a Latin-1 file name): keep the ASCII, mark the rest. */
    if ((copy = strdup(text)) == NULL)
        return NULL;
    for (i = 0; copy[i] != '\0'; i++)
        if ((unsigned char)copy[i] >= 0x80)
            copy[i] = '?';
    str = json_string(copy);
    free(copy);
    return str;
}
