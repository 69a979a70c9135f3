/*
 * gfm_table.c - cmark-gfm's table extension, the one GFM extension the
 * Markdown reader turns on (docs/markdown.md, "GFM").  cmark-gfm keeps its
 * extensions in a process-wide registry that registers without a lock, so
 * the registration runs once, under pthread_once, before any parser asks
 * for the extension.
 */
#include "md_table.h"

#include <cmark-gfm-core-extensions.h>
#include <pthread.h>
#include <string.h>

static pthread_once_t register_once = PTHREAD_ONCE_INIT;

static void register_extensions(void)
{
    cmark_gfm_core_extensions_ensure_registered();
}

cmark_syntax_extension *ac_md_table_extension(void)
{
    /* pthread_once fails only on invalid arguments. */
    (void)pthread_once(&register_once, register_extensions);
    return cmark_find_syntax_extension("table");
}

/* The line from `s` (not past `end`) without its line ending, and where
 * the next line starts. */
static const char *line_end(const char *s, const char *end, const char **next)
{
    const char *nl = memchr(s, '\n', (size_t)(end - s));

    *next = nl != NULL ? nl + 1 : end;
    return nl != NULL ? nl : end;
}

/* The columns of a line (from `s` to `e`) if it could be a delimiter row
 * once the quote markers and indentation before it are skipped (only "|",
 * ":", "-" and blanks, one "-" at least), else 0; `*blank` says whether it
 * is blank and `*pipes` counts its "|". */
static size_t delimiter_columns(const char *s, const char *e, int *blank, size_t *pipes)
{
    int dash = 0, other = 0;

    *pipes = 0;
    while (s < e && (*s == ' ' || *s == '\t' || *s == '>'))
        s++;
    *blank = s == e || (s + 1 == e && *s == '\r');
    for (; s < e; s++) {
        if (*s == '|')
            (*pipes)++;
        else if (*s == '-')
            dash = 1;
        else if (*s != ':' && *s != ' ' && *s != '\t' && *s != '\r')
            other = 1;
    }
    return dash && !other ? *pipes + 1 : 0;
}

/* Adds without overflow (saturating). */
static size_t add_sat(size_t a, size_t b)
{
    return a > (size_t)-1 - b ? (size_t)-1 : a + b;
}

static size_t square_sat(size_t a)
{
    return a != 0 && a > (size_t)-1 / a ? (size_t)-1 : a * a;
}

int ac_md_tables_too_costly(const char *data, size_t len)
{
    const char *s = data, *end = data + len, *e, *next;
    size_t columns = 0, cells = 0, work = 0, c, pipes, prev_pipes = 0;
    int blank;

    for (; s < end; s = next, prev_pipes = pipes) {
        e = line_end(s, end, &next);
        c = delimiter_columns(s, e, &blank, &pipes);
        if (blank) {
            columns = 0; /* a blank line ends a table */
        } else if (c > columns) {
            /* A table could start here, below its header row. */
            cells = add_sat(cells, c);
            work = add_sat(work, square_sat(prev_pipes + 1));
            columns = c;
        }
        if (columns == 0)
            continue;
        cells = add_sat(cells, columns);
        work = add_sat(work, square_sat(pipes + 1));
    }
    return cells > 2 * len + 65536 || work > 64 * len + 16 * 1024 * 1024;
}

cmark_node *ac_md_parse(const char *data, size_t len, int tables)
{
    cmark_syntax_extension *table = tables ? ac_md_table_extension() : NULL;
    cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT);
    cmark_node *doc;

    if (parser == NULL)
        return NULL;
    if (table != NULL)
        cmark_parser_attach_syntax_extension(parser, table);
    cmark_parser_feed(parser, data, len);
    doc = cmark_parser_finish(parser);
    cmark_parser_free(parser);
    return doc;
}

/* The extension's node types are variables its headers do not declare:
 * its nodes are told by their type names. */
static int has_type(cmark_node *node, const char *name)
{
    const char *type = cmark_node_get_type_string(node);

    return type != NULL && strcmp(type, name) == 0;
}

int ac_md_is_table(cmark_node *node)
{
    return has_type(node, "table");
}

/* cmark-gfm names a header row "table_header", any other "table_row". */
int ac_md_is_table_row(cmark_node *node)
{
    return has_type(node, "table_row") || has_type(node, "table_header");
}

int ac_md_is_table_cell(cmark_node *node)
{
    return has_type(node, "table_cell");
}

int ac_md_is_header_row(cmark_node *node)
{
    return cmark_gfm_extensions_get_table_row_is_header(node);
}
