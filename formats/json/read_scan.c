/*
 * read_scan.c - where the values of a JSON object or array start and end,
 * so that jansson can parse them one at a time (see read.h for why).
 *
 * This is not a parser: it finds a value's end by counting brackets
 * outside strings, and leaves checking what is inside to jansson, which
 * parses every byte of every value the reader uses.  It does check what
 * lies between values (commas, colons, the closing bracket), since jansson
 * never sees those bytes.
 */
#include "read.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int ac_json_fail(ac_json_reader *r, size_t offset, const char *fmt, ...)
{
    char message[200];
    va_list ap;
    size_t i;
    int line = 1, column = 1;

    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    if (offset > r->len)
        offset = r->len;
    for (i = 0; i < offset; i++) {
        if (r->data[i] == '\n') {
            line++;
            column = 1;
        } else if (((unsigned char)r->data[i] & 0xC0) != 0x80) {
            column++; /* columns count characters, not UTF-8 bytes */
        }
    }
    return ac_error_at(r->err, ARTCONV_EPARSE, line, column, offset, "%s", message);
}

static size_t skip_space(const ac_json_reader *r, size_t pos, size_t end)
{
    while (pos < end && (r->data[pos] == ' ' || r->data[pos] == '\t' || r->data[pos] == '\n' ||
                         r->data[pos] == '\r'))
        pos++;
    return pos;
}

/* The offset just past the string whose opening quote is at `pos`, or 0
 * when it does not end before `end`. */
static size_t string_end(const ac_json_reader *r, size_t pos, size_t end)
{
    for (pos++; pos < end; pos++) {
        if (r->data[pos] == '\\')
            pos++;
        else if (r->data[pos] == '"')
            return pos + 1;
    }
    return 0;
}

/* The offset just past the value starting at `pos`, or 0 when it does not
 * end before `end`.  Brackets are counted, not matched: "[}" is found to
 * end here and refused by jansson later. */
static size_t value_end(const ac_json_reader *r, size_t pos, size_t end)
{
    size_t depth = 0;
    char c = r->data[pos];

    if (c == '"')
        return string_end(r, pos, end);
    if (c != '{' && c != '[') {
        /* a number or a literal: up to the next delimiter */
        while (pos < end && strchr(",]} \t\r\n", r->data[pos]) == NULL)
            pos++;
        return pos;
    }
    for (; pos < end; pos++) {
        c = r->data[pos];
        if (c == '"') {
            if ((pos = string_end(r, pos, end)) == 0)
                return 0;
            pos--;
        } else if (c == '{' || c == '[') {
            depth++;
        } else if ((c == '}' || c == ']') && --depth == 0) {
            return pos + 1;
        }
    }
    return 0;
}

int ac_json_open(ac_json_reader *r, ac_json_span span, int object, ac_json_cursor *c)
{
    size_t start = skip_space(r, span.start, span.end), last = span.end;

    while (last > start && strchr(" \t\r\n", r->data[last - 1]) != NULL)
        last--;
    if (start >= last || r->data[start] != (object ? '{' : '[') ||
        r->data[last - 1] != (object ? '}' : ']'))
        return ac_json_fail(r, start, "expected %s", object ? "an object" : "an array");
    c->pos = start + 1;
    c->end = last - 1;
    c->object = object;
    c->seen = 0;
    return 0;
}

/* One value at c->pos into `out`. */
static int take_value(ac_json_reader *r, ac_json_cursor *c, ac_json_span *out)
{
    size_t end;

    c->pos = skip_space(r, c->pos, c->end);
    if (c->pos >= c->end || strchr(",:]}", r->data[c->pos]) != NULL)
        return ac_json_fail(r, c->pos, "expected a value");
    if ((end = value_end(r, c->pos, c->end)) == 0)
        return ac_json_fail(r, c->pos, "a value that does not end");
    out->start = c->pos;
    out->end = end;
    c->pos = end;
    return 0;
}

int ac_json_next(ac_json_reader *r, ac_json_cursor *c, ac_json_span *key, ac_json_span *value)
{
    int rc;

    c->pos = skip_space(r, c->pos, c->end);
    if (c->pos >= c->end)
        return 0;
    if (c->seen > 0) {
        if (r->data[c->pos] != ',')
            return ac_json_fail(r, c->pos, "expected ',' or '%c'", c->object ? '}' : ']');
        c->pos++;
    }
    if (c->object) {
        ac_json_span k;

        if ((rc = take_value(r, c, &k)) < 0)
            return rc;
        if (r->data[k.start] != '"')
            return ac_json_fail(r, k.start, "expected a member name in quotes");
        if (key != NULL)
            *key = k;
        c->pos = skip_space(r, c->pos, c->end);
        if (c->pos >= c->end || r->data[c->pos] != ':')
            return ac_json_fail(r, c->pos, "expected ':' after a member name");
        c->pos++;
    }
    if ((rc = take_value(r, c, value)) < 0)
        return rc;
    c->seen++;
    return 1;
}

int ac_json_load(ac_json_reader *r, ac_json_span span, json_t **out)
{
    json_error_t jerr;

    *out = json_loadb(r->data + span.start, span.end - span.start, JSON_DECODE_ANY, &jerr);
    if (*out != NULL)
        return 0;
    if (json_error_code(&jerr) == json_error_out_of_memory)
        return ac_nomem(r->err);
    return ac_json_fail(r, span.start + (jerr.position > 0 ? (size_t)jerr.position - 1 : 0), "%s",
                        jerr.text);
}
