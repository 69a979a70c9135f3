/*
 * read.h - what the parts of the JSON reader share.
 *
 * The reader never hands the whole input to jansson: a jansson tree costs
 * ten times compact JSON and up to 350 times a page of small links, and
 * the model is built beside it.  read_scan.c finds where each member of an
 * object or element of an array starts and ends; jansson parses (and so
 * checks) each small value on its own, and a large block is opened the
 * same way, member by member, so that no more than one block's worth of
 * jansson tree is alive at once (docs/limits.md, "JSON").
 */
#ifndef AC_JSON_READ_H
#define AC_JSON_READ_H

#include "internal.h"

#include <jansson.h>
#include <stddef.h>

/* A value smaller than this many bytes is parsed whole by jansson. */
#define AC_JSON_WHOLE_VALUE (64 * 1024)

typedef struct {
    const char *data; /* the input, UTF-8 */
    size_t len;
    const artconv_read_options *opts;
    artconv_error *err;
    artconv_article *article;
} ac_json_reader;

/* The bytes of one JSON value (or key, quotes included) in the input. */
typedef struct {
    size_t start, end;
} ac_json_span;

/* Where a walk over the members of an object or the elements of an array
 * stands. */
typedef struct {
    size_t pos;  /* the next byte to read */
    size_t end;  /* the closing bracket */
    int object;  /* members (1) or elements (0) */
    size_t seen; /* members or elements read so far */
} ac_json_cursor;

/* Starts a walk over the object (`object` 1) or array at `span`.  Returns
 * 0, or ARTCONV_EPARSE when the value is of the other kind. */
int ac_json_open(ac_json_reader *r, ac_json_span span, int object, ac_json_cursor *c);

/* The next member (key and value) or element (value only; `key` may be
 * NULL).  Returns 1, 0 at the end, or ARTCONV_EPARSE (a missing comma or
 * colon, an unterminated string...) with the position. */
int ac_json_next(ac_json_reader *r, ac_json_cursor *c, ac_json_span *key, ac_json_span *value);

/* jansson's parse of the value at `span` (any JSON value) into `*out`,
 * which the caller json_decrefs.  Returns 0, ARTCONV_EPARSE (with the
 * position) or ARTCONV_ENOMEM. */
int ac_json_load(ac_json_reader *r, ac_json_span span, json_t **out);

/* Fills r->err with ARTCONV_EPARSE at input offset `offset` (its line and
 * column are counted) and returns ARTCONV_EPARSE. */
int ac_json_fail(ac_json_reader *r, size_t offset, const char *fmt, ...) AC_PRINTF(3, 4);

/* read_meta.c: the "meta" object at `span` into r->article. */
int ac_json_read_meta(ac_json_reader *r, ac_json_span span);

/* read_body.c: the "body" array at `span` into r->article's body. */
int ac_json_read_body(ac_json_reader *r, ac_json_span span);

#endif
