/*
 * front_matter_toml.c - the TOML that Hugo front matter uses (between
 * "+++" lines), read into a JSON object that front_matter_read.c maps as
 * it maps YAML.  Debian 12 has no C TOML library with a -dev package, so
 * this reads a subset, line by line and without recursion:
 *
 *   key = "basic string" | 'literal string' | integer | float
 *       | true | false | a date or time (kept as its text)
 *       | [ values of those, over one or more lines ]
 *   [table]    the keys below go into an object of that name
 *   # comment
 *
 * Bare keys and quoted keys are read; a dotted key ("image.alt") is kept
 * whole, as one name.  Anything else (multi-line strings, inline tables,
 * arrays of tables, nested arrays) stops the read with the reason, and the
 * caller skips the block with a warning, as it does invalid YAML.
 */
#include "front_matter.h"

#include <jansson.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *s;
    size_t len, i;
    int line;          /* 1-based, in the block */
    char problem[160]; /* why the block is not the subset */
    artconv_buf tmp;
} toml;

static int at_end(const toml *t)
{
    return t->i >= t->len;
}

static int peek(const toml *t)
{
    return at_end(t) ? -1 : (unsigned char)t->s[t->i];
}

static void skip_blanks(toml *t)
{
    while (peek(t) == ' ' || peek(t) == '\t')
        t->i++;
}

/* Blanks, comments and line ends (inside an array). */
static void skip_space(toml *t)
{
    for (;;) {
        skip_blanks(t);
        if (peek(t) == '#')
            while (!at_end(t) && peek(t) != '\n')
                t->i++;
        if (peek(t) == '\r' || peek(t) == '\n') {
            t->line += peek(t) == '\n';
            t->i++;
            continue;
        }
        return;
    }
}

static int fail(toml *t, const char *what)
{
    snprintf(t->problem, sizeof t->problem, "%s", what);
    return 1;
}

/* The rest of the line must be blank or a comment. */
static int end_of_line(toml *t)
{
    skip_blanks(t);
    if (peek(t) == '#')
        while (!at_end(t) && peek(t) != '\n')
            t->i++;
    if (peek(t) == '\r')
        t->i++;
    if (!at_end(t) && peek(t) != '\n')
        return fail(t, "text after the value");
    if (!at_end(t)) {
        t->i++;
        t->line++;
    }
    return 0;
}

static int put_utf8(artconv_buf *b, unsigned long c)
{
    char u[4];
    size_t n;

    if (c < 0x80)
        u[0] = (char)c, n = 1;
    else if (c < 0x800)
        u[0] = (char)(0xc0 | c >> 6), u[1] = (char)(0x80 | (c & 0x3f)), n = 2;
    else if (c < 0x10000)
        u[0] = (char)(0xe0 | c >> 12), u[1] = (char)(0x80 | ((c >> 6) & 0x3f)),
        u[2] = (char)(0x80 | (c & 0x3f)), n = 3;
    else
        u[0] = (char)(0xf0 | c >> 18), u[1] = (char)(0x80 | ((c >> 12) & 0x3f)),
        u[2] = (char)(0x80 | ((c >> 6) & 0x3f)), u[3] = (char)(0x80 | (c & 0x3f)), n = 4;
    return artconv_buf_put(b, u, n);
}

/* A quoted string (basic or literal) into t->tmp; 0, 1 (not the subset)
 * or ENOMEM. */
static int quoted(toml *t)
{
    int q = peek(t), c;

    artconv_buf_clear(&t->tmp);
    if (t->i + 2 < t->len && t->s[t->i + 1] == q && t->s[t->i + 2] == q)
        return fail(t, "multi-line strings are not read");
    for (t->i++; !at_end(t) && peek(t) != q; t->i++) {
        c = peek(t);
        if (c == '\n' || c == '\r')
            return fail(t, "a string is not closed on its line");
        if (c == '\\' && q == '"') {
            static const char from[] = "\"\\btnfr", to[] = "\"\\\b\t\n\f\r";
            const char *e;
            unsigned long u = 0;
            size_t k, digits;

            t->i++;
            c = peek(t);
            if (c > 0 && (e = strchr(from, c)) != NULL) {
                if (artconv_buf_putc(&t->tmp, to[e - from]) < 0)
                    return ARTCONV_ENOMEM;
                continue;
            }
            if (c != 'u' && c != 'U')
                return fail(t, "an unknown escape in a string");
            digits = c == 'u' ? 4 : 8;
            for (k = 0; k < digits; k++) {
                t->i++;
                c = peek(t);
                if (c >= '0' && c <= '9')
                    u = u * 16 + (unsigned long)(c - '0');
                else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
                    u = u * 16 + (unsigned long)((c | 0x20) - 'a' + 10);
                else
                    return fail(t, "a bad \\u escape in a string");
            }
            if (u == 0 || u > 0x10ffff || (u >= 0xd800 && u <= 0xdfff))
                return fail(t, "a \\u escape that is no character");
            if (put_utf8(&t->tmp, u) < 0)
                return ARTCONV_ENOMEM;
            continue;
        }
        if (artconv_buf_putc(&t->tmp, c) < 0)
            return ARTCONV_ENOMEM;
    }
    if (at_end(t))
        return fail(t, "a string is not closed");
    t->i++;
    return artconv_buf_put(&t->tmp, "", 0) < 0 ? ARTCONV_ENOMEM : 0;
}

/* A bare word up to a delimiter: a number, a boolean or a date. */
static json_t *bare(toml *t)
{
    size_t start = t->i, n;
    char *end;
    const char *w;
    char buf[64];

    while (!at_end(t) && strchr(",]#\r\n", peek(t)) == NULL)
        t->i++;
    n = t->i - start;
    while (n > 0 && (t->s[start + n - 1] == ' ' || t->s[start + n - 1] == '\t'))
        n--;
    if (n == 0 || n >= sizeof buf) {
        fail(t, n == 0 ? "a key without a value" : "a value this reader does not know");
        return NULL;
    }
    memcpy(buf, t->s + start, n);
    buf[n] = '\0';
    w = buf;
    if (strcmp(w, "true") == 0)
        return json_true();
    if (strcmp(w, "false") == 0)
        return json_false();
    /* A date or time, such as 2024-03-13T07:30:00+01:00: its text, which
     * the metadata mapping parses as it parses YAML's. */
    if (n >= 8 && ((w[4] == '-' && w[0] >= '0' && w[0] <= '9') || w[2] == ':'))
        return json_stringn(w, n);
    if (strspn(w, "+-0123456789_") == n) {
        long long v;

        if (strchr(w, '_') != NULL) {
            fail(t, "numbers with '_' are not read");
            return NULL;
        }
        v = strtoll(w, &end, 10);
        if (*end == '\0')
            return json_integer(v);
    } else if (strspn(w, "+-0123456789.eE") == n) {
        double d = strtod(w, &end);

        if (*end == '\0')
            return json_real(d);
    }
    fail(t, "a value this reader does not know (inline tables, hex numbers, inf...)");
    return NULL;
}

/* One value at t->i into *out (a new reference); 0, 1 or ENOMEM. */
static int value(toml *t, json_t **out, int in_array)
{
    int rc;

    *out = NULL;
    if (peek(t) == '"' || peek(t) == '\'') {
        if ((rc = quoted(t)) != 0)
            return rc;
        *out = json_stringn(t->tmp.ptr, t->tmp.len);
        return *out == NULL ? ARTCONV_ENOMEM : 0;
    }
    if (peek(t) == '[') {
        if (in_array)
            return fail(t, "arrays inside arrays are not read");
        if ((*out = json_array()) == NULL)
            return ARTCONV_ENOMEM;
        for (t->i++;;) {
            json_t *item;

            skip_space(t);
            if (peek(t) == ']') {
                t->i++;
                return 0;
            }
            if (at_end(t))
                return fail(t, "an array is not closed");
            if ((rc = value(t, &item, 1)) != 0)
                return rc;
            if (json_array_append_new(*out, item) < 0)
                return ARTCONV_ENOMEM;
            skip_space(t);
            if (peek(t) == ',')
                t->i++;
            else if (peek(t) != ']')
                return fail(t, "array items are not separated by commas");
        }
    }
    if (peek(t) == '{')
        return fail(t, "inline tables are not read");
    *out = bare(t);
    return *out != NULL ? 0 : t->problem[0] != '\0' ? 1 : ARTCONV_ENOMEM;
}

/* A key (bare, quoted, or dotted and kept whole) into t->tmp, ending at
 * `stop` ('=' or ']'). */
static int key(toml *t, int stop)
{
    int rc;

    skip_blanks(t);
    if (peek(t) == '"' || peek(t) == '\'') {
        if ((rc = quoted(t)) != 0)
            return rc;
    } else {
        size_t start = t->i;

        while (!at_end(t) && (peek(t) == '_' || peek(t) == '-' || peek(t) == '.' ||
                              (peek(t) >= '0' && peek(t) <= '9') ||
                              ((peek(t) | 0x20) >= 'a' && (peek(t) | 0x20) <= 'z')))
            t->i++;
        if (t->i == start)
            return fail(t, "a line that is no 'key = value'");
        artconv_buf_clear(&t->tmp);
        if (artconv_buf_put(&t->tmp, t->s + start, t->i - start) < 0)
            return ARTCONV_ENOMEM;
    }
    skip_blanks(t);
    if (peek(t) != stop)
        return fail(t, stop == '=' ? "a key without '='" : "a table name without ']'");
    t->i++;
    return 0;
}

int ac_fm_toml_parse(json_t **out, const char *s, size_t len, char **problem, int *problem_line)
{
    toml t = {s, len, 0, 1, "", ARTCONV_BUF_INIT};
    json_t *root = json_object(), *table, *v = NULL;
    char *name = NULL;
    int rc = 0;

    *out = NULL;
    *problem = NULL;
    *problem_line = 0;
    if (root == NULL)
        return ARTCONV_ENOMEM;
    table = root;
    for (;;) {
        skip_space(&t);
        if (at_end(&t))
            break;
        if (peek(&t) == '[') {
            t.i++;
            if (peek(&t) == '[') {
                rc = fail(&t, "arrays of tables ([[name]]) are not read");
                break;
            }
            if ((rc = key(&t, ']')) != 0 || (rc = end_of_line(&t)) != 0)
                break;
            if (json_object_get(root, t.tmp.ptr) != NULL) {
                rc = fail(&t, "a table given twice");
                break;
            }
            if ((table = json_object()) == NULL ||
                json_object_set_new(root, t.tmp.ptr, table) < 0) {
                rc = ARTCONV_ENOMEM;
                break;
            }
            continue;
        }
        if ((rc = key(&t, '=')) != 0)
            break;
        free(name);
        if ((name = strdup(t.tmp.ptr)) == NULL) {
            rc = ARTCONV_ENOMEM;
            break;
        }
        skip_blanks(&t);
        if ((rc = value(&t, &v, 0)) != 0 || (rc = end_of_line(&t)) != 0)
            break;
        if (json_object_get(table, name) != NULL) {
            rc = fail(&t, "a key given twice");
            break;
        }
        if (json_object_set_new(table, name, v) < 0) {
            v = NULL;
            rc = ARTCONV_ENOMEM;
            break;
        }
        v = NULL;
    }
    json_decref(v);
    free(name);
    artconv_buf_dispose(&t.tmp);
    if (rc == 1) {
        *problem = strdup(t.problem);
        *problem_line = t.line;
        rc = *problem == NULL ? ARTCONV_ENOMEM : 1;
    }
    if (rc != 0) {
        json_decref(root);
        return rc;
    }
    *out = root;
    return 0;
}
