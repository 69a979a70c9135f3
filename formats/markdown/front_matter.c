/*
 * front_matter.c - YAML front matter: read with libyaml's parser into the
 * article's metadata, and written with libyaml's emitter from it.
 *
 * Reading builds the YAML into jansson values with an explicit stack (no
 * recursion), then maps the top-level keys: canonical names and their
 * aliases go to the metadata fields, anything else is kept as extra
 * metadata (a JSON value) that the writer puts back.  Scalars under
 * unknown keys are typed the way YAML 1.2's core schema types them, as far
 * as JSON can say it: plain true/false, null/~/empty and JSON numbers
 * become JSON literals, everything else (and every quoted scalar) a string.
 */
#include "front_matter.h"

#include <jansson.h>
#include <yaml.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------------
 * Keys
 */

/* Other names for canonical keys, as Jekyll, Hugo and pandoc users write
 * them.  Looked up case-sensitively, like the canonical names. */
static const struct {
    const char *alias;
    const char *name;
} key_aliases[] = {
    {"author", "authors"},
    {"tags", "keywords"},
    {"lang", "language"},
    {"summary", "description"},
    {"deck", "subtitle"},
    {"cover", "image"},
    {"canonical_url", "source"},
    {"url", "source"},
    {"published", "date"},
    {"lastmod", "modified"},
    {"updated", "modified"},
    {"copyright", "rights"},
    {"image_alt", "image.alt"},
    {"image_caption", "image.caption"},
    {"image_credit", "image.credit"},
};

/* The canonical name `key` stands for, or NULL for an unknown key. */
static const char *canonical_key(const char *key)
{
    artconv_meta field;
    artconv_meta_list list;
    size_t i;

    if (artconv_meta_from_name(&field, key) == 0 || artconv_meta_list_from_name(&list, key) == 0)
        return key;
    for (i = 0; i < sizeof key_aliases / sizeof key_aliases[0]; i++)
        if (strcmp(key, key_aliases[i].alias) == 0)
            return key_aliases[i].name;
    return NULL;
}

/* ---------------------------------------------------------------------------
 * Reading: YAML events into jansson values
 */

typedef struct {
    json_t *value; /* the array or object being filled */
    char *key;     /* objects: the key whose value comes next, or NULL */
} frame;

typedef struct {
    const artconv_read_options *opts;
    artconv_error *err;
    int first_line; /* the input line of the YAML's first line */
    frame stack[AC_FM_MAX_DEPTH + 1];
    int depth;        /* frames in use; stack[0] is the top-level mapping */
    int typed;        /* scalars of the current top-level value get types */
    artconv_buf tmp;  /* repaired scalar text */
    char *problem;    /* why the YAML is not front matter, for the warning */
    int problem_line; /* where, in input lines */
} fm_reader;

/* YAML 1.2 core-schema literals that JSON can say. */
static json_t *typed_scalar(const char *s, size_t len)
{
    static const char *const nulls[] = {"", "~", "null", "Null", "NULL"};
    static const char *const trues[] = {"true", "True", "TRUE"};
    static const char *const falses[] = {"false", "False", "FALSE"};
    size_t i;

    for (i = 0; i < sizeof nulls / sizeof nulls[0]; i++)
        if (strcmp(s, nulls[i]) == 0)
            return json_null();
    for (i = 0; i < sizeof trues / sizeof trues[0]; i++)
        if (strcmp(s, trues[i]) == 0)
            return json_true();
    for (i = 0; i < sizeof falses / sizeof falses[0]; i++)
        if (strcmp(s, falses[i]) == 0)
            return json_false();
    /* JSON's number syntax is a subset of YAML's: let jansson judge it.
     * "007", "1_000", "0x1F" and out-of-range values stay strings. */
    if (len > 0 && len < 64 && (s[0] == '-' || (s[0] >= '0' && s[0] <= '9'))) {
        json_t *n = json_loadb(s, len, JSON_DECODE_ANY, NULL);

        if (n != NULL && json_is_number(n))
            return n;
        json_decref(n);
    }
    return NULL;
}

/* A scalar as a JSON value: typed when plain, untagged (or tagged as a
 * non-string) and typing is on; null-like plain scalars are null even
 * when typing is off, so `title: ~` means no title. */
static int scalar_value(fm_reader *r, json_t **out, const yaml_event_t *ev)
{
    const char *tag = (const char *)ev->data.scalar.tag;
    int plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
                (tag == NULL || strcmp(tag, YAML_STR_TAG) != 0);

    artconv_buf_clear(&r->tmp);
    if (ac_text_repair(&r->tmp, (const char *)ev->data.scalar.value, ev->data.scalar.length, NULL) <
            0 ||
        artconv_buf_put(&r->tmp, "", 0) < 0)
        return ac_nomem(r->err);
    *out = NULL;
    if (plain) {
        *out = typed_scalar(r->tmp.ptr, r->tmp.len);
        if (*out != NULL && !r->typed && !json_is_null(*out)) {
            json_decref(*out);
            *out = NULL;
        }
    }
    if (*out == NULL)
        *out = json_stringn(r->tmp.ptr, r->tmp.len);
    return *out != NULL ? ARTCONV_OK : ac_nomem(r->err);
}

static int refuse(fm_reader *r, int code, const yaml_mark_t *mark, const char *what)
{
    return ac_error_at(r->err, code, r->first_line + (int)mark->line, (int)mark->column + 1, 0,
                       "front matter: %s", what);
}

/* Marks the block as not front matter (a scalar or list at the top, or a
 * key that is not text) with a reason for the warning. */
static int not_front_matter(fm_reader *r, const yaml_mark_t *mark, const char *why)
{
    free(r->problem);
    r->problem = ac_strndup(why, strlen(why));
    r->problem_line = r->first_line + (int)mark->line;
    return r->problem != NULL ? 1 : ac_nomem(r->err);
}

/* Puts a finished value into the frame on top of the stack (which owns it
 * afterwards, or frees it). */
static int add_value(fm_reader *r, json_t *value)
{
    frame *f = &r->stack[r->depth - 1];
    int bad;

    if (json_is_array(f->value))
        bad = json_array_append_new(f->value, value);
    else {
        bad = json_object_set_new(f->value, f->key, value);
        free(f->key);
        f->key = NULL;
    }
    return bad ? ac_nomem(r->err) : ARTCONV_OK;
}

/* One event while inside the top-level mapping.  Returns 0, 1 when the
 * block is not front matter after all, or a negative status. */
static int on_event(fm_reader *r, const yaml_event_t *ev)
{
    frame *f = &r->stack[r->depth - 1];
    int expecting_key = json_is_object(f->value) && f->key == NULL;
    json_t *value;
    int rc;

    switch (ev->type) {
    case YAML_SCALAR_EVENT:
        if (expecting_key) {
            artconv_buf_clear(&r->tmp);
            if (ac_text_repair(&r->tmp, (const char *)ev->data.scalar.value, ev->data.scalar.length,
                               NULL) < 0 ||
                (f->key = ac_strndup(r->tmp.ptr != NULL ? r->tmp.ptr : "", r->tmp.len)) == NULL)
                return ac_nomem(r->err);
            if (r->depth == 1)
                r->typed = canonical_key(f->key) == NULL;
            return ARTCONV_OK;
        }
        if ((rc = scalar_value(r, &value, ev)) < 0)
            return rc;
        return add_value(r, value);
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT:
        if (expecting_key)
            return not_front_matter(r, &ev->start_mark, "a key that is not text");
        if (r->depth >= AC_FM_MAX_DEPTH)
            return refuse(r, ARTCONV_ELIMIT, &ev->start_mark,
                          "nested deeper than the limit of 32 levels");
        value = ev->type == YAML_SEQUENCE_START_EVENT ? json_array() : json_object();
        if (value == NULL)
            return ac_nomem(r->err);
        r->stack[r->depth].value = value;
        r->stack[r->depth].key = NULL;
        r->depth++;
        return ARTCONV_OK;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        if (r->depth == 1)
            return ARTCONV_OK; /* the end of the top-level mapping */
        value = f->value;
        free(f->key);
        f->key = NULL;
        f->value = NULL;
        r->depth--;
        return add_value(r, value);
    case YAML_ALIAS_EVENT:
        return refuse(r, ARTCONV_ELIMIT, &ev->start_mark,
                      "YAML aliases (*name) are refused: they can expand without bound");
    default:
        return ARTCONV_OK;
    }
}

/* Parses `len` bytes of YAML into r->stack[0].value, a JSON object, when
 * they are one mapping.  Returns 0, 1 when they are something else (the
 * reason in r->problem, NULL for a scalar, a list or nothing), or a
 * negative status. */
static int parse_yaml(fm_reader *r, const char *yaml, size_t len)
{
    yaml_parser_t parser;
    yaml_event_t ev;
    size_t events = 0;
    int started = 0, rc = ARTCONV_OK, done = 0;

    if (!yaml_parser_initialize(&parser))
        return ac_nomem(r->err);
    yaml_parser_set_input_string(&parser, (const unsigned char *)yaml, len);
    while (!done && rc == 0) {
        if (!yaml_parser_parse(&parser, &ev)) {
            if (parser.error == YAML_MEMORY_ERROR) {
                rc = ac_nomem(r->err);
            } else {
                char why[200];

                snprintf(why, sizeof why, "it is not valid YAML (%s)",
                         parser.problem != NULL ? parser.problem : "libyaml failed");
                rc = not_front_matter(r, &parser.problem_mark, why);
            }
            break;
        }
        if (++events > AC_FM_MAX_EVENTS) {
            rc = refuse(r, ARTCONV_ELIMIT, &ev.start_mark, "more than 100,000 YAML values");
        } else if (ev.type == YAML_STREAM_END_EVENT) {
            done = 1;
            if (!started)
                rc = 1; /* empty: Markdown */
        } else if (ev.type == YAML_DOCUMENT_START_EVENT || ev.type == YAML_STREAM_START_EVENT ||
                   ev.type == YAML_DOCUMENT_END_EVENT) {
            /* framing */
        } else if (!started) {
            if (ev.type != YAML_MAPPING_START_EVENT) {
                rc = 1; /* a scalar or a list: Markdown */
            } else if ((r->stack[0].value = json_object()) == NULL) {
                rc = ac_nomem(r->err);
            } else {
                started = 1;
                r->depth = 1;
            }
        } else {
            rc = on_event(r, &ev);
        }
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&parser);
    return rc;
}

/* ---------------------------------------------------------------------------
 * Reading: JSON values into the article
 */

static void warn_type(const fm_reader *r, const char *key, const char *want)
{
    ac_warn_read(r->opts, ARTCONV_EPARSE, r->first_line, "front matter: '%s' should be %s; ignored",
                 key, want);
}

static int set_field(fm_reader *r, artconv_article *a, artconv_meta field, const char *key,
                     const json_t *value)
{
    const char *s = json_string_value(value);
    size_t len = json_string_length(value);
    int rc;

    if (json_is_null(value))
        return ARTCONV_OK;
    if (s == NULL) {
        warn_type(r, key, "text");
        return ARTCONV_OK;
    }
    if (field == ARTCONV_META_DATE || field == ARTCONV_META_MODIFIED ||
        (field == ARTCONV_META_EMBARGOED && strcmp(s, "indefinite") != 0)) {
        artconv_buf_clear(&r->tmp);
        rc = ac_date_normalize(&r->tmp, s, len);
        if (rc == ARTCONV_ENOMEM)
            return ac_nomem(r->err);
        if (rc == 0)
            return ac_article_set_n(a, field, r->tmp.ptr, r->tmp.len, r->err);
        ac_warn_read(r->opts, ARTCONV_EPARSE, r->first_line,
                     "front matter: '%s' is not a date artconv knows; kept as it is", key);
    }
    return ac_article_set_n(a, field, s, len, r->err);
}

/* Adds list values: a string (keywords split at commas), a list of
 * strings, or for authors mappings with a `name`. */
static int add_list(fm_reader *r, artconv_article *a, artconv_meta_list list, const char *key,
                    const json_t *value)
{
    const json_t *item;
    const char *s, *comma;
    size_t i;
    int rc;

    if (json_is_string(value)) {
        s = json_string_value(value);
        if (list != ARTCONV_LIST_KEYWORDS)
            return ac_article_list_add_n(a, list, s, strlen(s), r->err);
        for (;; s = comma + 1) {
            size_t n;

            comma = strchr(s, ',');
            n = comma != NULL ? (size_t)(comma - s) : strlen(s);
            while (n > 0 && ac_is_space((unsigned char)*s))
                s++, n--;
            while (n > 0 && ac_is_space((unsigned char)s[n - 1]))
                n--;
            if (n > 0 && (rc = ac_article_list_add_n(a, list, s, n, r->err)) < 0)
                return rc;
            if (comma == NULL)
                return ARTCONV_OK;
        }
    }
    if (json_is_null(value))
        return ARTCONV_OK;
    if (!json_is_array(value)) {
        warn_type(r, key, "text or a list of text");
        return ARTCONV_OK;
    }
    json_array_foreach(value, i, item)
    {
        if (json_is_object(item) && list == ARTCONV_LIST_AUTHORS)
            item = json_object_get(item, "name");
        s = json_string_value(item);
        if (s == NULL) {
            warn_type(r, key, "a list of text");
            continue;
        }
        if ((rc = ac_article_list_add_n(a, list, s, json_string_length(item), r->err)) < 0)
            return rc;
    }
    return ARTCONV_OK;
}

static int set_image(fm_reader *r, artconv_article *a, const char *key, const json_t *value)
{
    const char *sub;
    const json_t *v;
    size_t i;
    int rc, known;

    if (!json_is_object(value))
        return set_field(r, a, ARTCONV_META_IMAGE, key, value);
    json_object_foreach((json_t *)value, sub, v)
    {
        known = 0;
        for (i = 0; i < ac_meta_image_key_count; i++) {
            if (strcmp(sub, ac_meta_image_keys[i].key) == 0 ||
                (ac_meta_image_keys[i].field == ARTCONV_META_IMAGE && strcmp(sub, "url") == 0)) {
                known = 1;
                if ((rc = set_field(r, a, ac_meta_image_keys[i].field, sub, v)) < 0)
                    return rc;
            }
        }
        if (!known)
            ac_warn_read(r->opts, ARTCONV_EPARSE, r->first_line,
                         "front matter: '%s' has no key '%s'; ignored", key, sub);
    }
    return ARTCONV_OK;
}

static int apply(fm_reader *r, artconv_article *a, const char *key, const json_t *value)
{
    const char *name = canonical_key(key);
    artconv_meta field;
    artconv_meta_list list;
    char *json;
    int rc;

    if (name != NULL && artconv_meta_from_name(&field, name) == 0)
        return field == ARTCONV_META_IMAGE ? set_image(r, a, key, value)
                                           : set_field(r, a, field, key, value);
    if (name != NULL && artconv_meta_list_from_name(&list, name) == 0)
        return add_list(r, a, list, key, value);
    json = json_dumps(value, JSON_COMPACT | JSON_ENCODE_ANY);
    if (json == NULL)
        return ac_nomem(r->err);
    rc = artconv_article_extra_set(a, key, json, r->err);
    free(json);
    if (rc == ARTCONV_EINVALID) {
        ac_warn_read(r->opts, ARTCONV_EPARSE, r->first_line,
                     "front matter: the key '%s' cannot be kept; ignored", key);
        rc = ARTCONV_OK;
    }
    return rc;
}

/* ---------------------------------------------------------------------------
 * Reading: finding the block
 */

/* Length of the line ending at s[i] (0 if none there). */
static size_t eol_len(const char *s, size_t len, size_t i)
{
    if (i < len && s[i] == '\n')
        return 1;
    if (i < len && s[i] == '\r')
        return i + 1 < len && s[i + 1] == '\n' ? 2 : 1;
    return 0;
}

/* If a line starting at `i` is `fence` plus optional blanks, returns the
 * offset after its line ending (or the end); otherwise 0. */
static size_t fence_line(const char *s, size_t len, size_t i, const char *fence)
{
    if (len - i < 3 || memcmp(s + i, fence, 3) != 0)
        return 0;
    for (i += 3; i < len && (s[i] == ' ' || s[i] == '\t'); i++)
        ;
    if (i == len)
        return i;
    return eol_len(s, len, i) > 0 ? i + eol_len(s, len, i) : 0;
}

/* 1 if the first non-blank line of the block reads like "key: value",
 * which makes a broken block worth a warning rather than Markdown. */
static int looks_like_mapping(const char *s, size_t len)
{
    size_t i = 0;

    while (i < len && (ac_is_space((unsigned char)s[i])))
        i++;
    if (i == len || !((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || s[i] == '_' ||
                      s[i] == '"' || s[i] == '\''))
        return 0;
    for (; i < len && s[i] != '\n' && s[i] != '\r'; i++)
        if (s[i] == ':' && (i + 1 == len || s[i + 1] == ' ' || s[i + 1] == '\t' ||
                            s[i + 1] == '\n' || s[i + 1] == '\r'))
            return 1;
    return 0;
}

int ac_front_matter_read(artconv_article *article, size_t *body, int *lines, const char *data,
                         size_t len, const artconv_read_options *opts, artconv_error *err)
{
    fm_reader r;
    size_t start = 0, open, i, close = 0, after = 0;
    int line = 2, rc = ARTCONV_OK, d;
    const char *key;
    json_t *value;

    *body = 0;
    *lines = 0;
    if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
        start = 3;
    if ((open = fence_line(data, len, start, "---")) == 0 || open == len)
        return ARTCONV_OK;
    /* The closing line: the first "---" or "..." line. */
    for (i = open; i < len; line++) {
        if ((after = fence_line(data, len, i, "---")) > 0 ||
            (after = fence_line(data, len, i, "...")) > 0) {
            close = i;
            break;
        }
        while (i < len && eol_len(data, len, i) == 0)
            i++;
        i += eol_len(data, len, i);
    }
    if (after == 0) {
        if (looks_like_mapping(data + open, len - open)) {
            if (opts != NULL && opts->strict)
                return ac_error_at(err, ARTCONV_EPARSE, 1, 1, 0,
                                   "the front matter is never closed by a '---' line");
            ac_warn_read(opts, ARTCONV_EPARSE, 1,
                         "the front matter is never closed by a '---' line; read as Markdown");
        }
        return ARTCONV_OK;
    }
    memset(&r, 0, sizeof r);
    r.opts = opts;
    r.err = err;
    r.first_line = 2;
    rc = parse_yaml(&r, data + open, close - open);
    if (rc == 1 && r.problem != NULL && looks_like_mapping(data + open, close - open)) {
        if (opts != NULL && opts->strict) {
            rc = ac_error_at(err, ARTCONV_EPARSE, r.problem_line, 0, 0,
                             "the front matter is not a YAML mapping: %s", r.problem);
            goto cleanup;
        }
        ac_warn_read(opts, ARTCONV_EPARSE, r.problem_line,
                     "the front matter is not a YAML mapping: %s; skipped", r.problem);
        *body = after;
        *lines = line;
        rc = ARTCONV_OK;
        goto cleanup;
    }
    if (rc != 0) {
        rc = rc < 0 ? rc : ARTCONV_OK;
        goto cleanup;
    }
    json_object_foreach(r.stack[0].value, key, value)
    {
        if ((rc = apply(&r, article, key, value)) < 0)
            goto cleanup;
    }
    *body = after;
    *lines = line;
cleanup:
    for (d = 0; d < r.depth; d++) {
        json_decref(r.stack[d].value);
        free(r.stack[d].key);
    }
    free(r.problem);
    artconv_buf_dispose(&r.tmp);
    return rc;
}

/* ---------------------------------------------------------------------------
 * Writing
 */

typedef struct {
    yaml_emitter_t emitter;
    artconv_buf *out;
    int nomem; /* the output buffer could not grow */
} fm_writer;

/* The keys are written in ac_meta_order (src/article.c), the image keys in
 * ac_meta_image_keys order. */

/* Plain scalars that a YAML 1.1 reader (PyYAML, most static site tools)
 * turns into booleans or null.  libyaml's emitter has no resolver and would
 * write them plain, so we ask for quotes. */
static const char *const yaml_special_words[] = {
    "y", "n", "yes", "no", "true", "false", "on", "off", "null",
};

static int yaml_sink(void *data, unsigned char *buffer, size_t size)
{
    fm_writer *fm = data;

    if (artconv_buf_put(fm->out, buffer, size) < 0) {
        fm->nomem = 1;
        return 0;
    }
    return 1;
}

/* The style to ask libyaml for.  Any value a resolver could take for
 * something other than a string (numbers, dates, .inf, ~, <<, booleans) is
 * quoted; values with a line break are double-quoted, where libyaml writes
 * the break as an escape and the value stays on one line.  Everything else
 * is left to libyaml, which quotes what YAML's syntax requires. */
static yaml_scalar_style_t scalar_style(const char *value)
{
    size_t i;

    if (strpbrk(value, "\r\n") != NULL || strstr(value, "\xc2\x85") != NULL ||
        strstr(value, "\xe2\x80\xa8") != NULL || strstr(value, "\xe2\x80\xa9") != NULL)
        return YAML_DOUBLE_QUOTED_SCALAR_STYLE;
    if (value[0] == '\0' || strchr("0123456789+-.~=<", value[0]) != NULL)
        return YAML_SINGLE_QUOTED_SCALAR_STYLE;
    for (i = 0; i < sizeof yaml_special_words / sizeof yaml_special_words[0]; i++)
        if (ac_strcaseeq(value, yaml_special_words[i]))
            return YAML_SINGLE_QUOTED_SCALAR_STYLE;
    return YAML_ANY_SCALAR_STYLE;
}

/* Emits an event that `initialized` says was set up (libyaml's
 * initializers return 0 only when memory runs out).  libyaml frees the
 * event whether emitting works or not. */
static int emit(fm_writer *fm, yaml_event_t *event, int initialized, artconv_error *err)
{
    if (!initialized)
        return ac_nomem(err);
    if (!yaml_emitter_emit(&fm->emitter, event)) {
        if (fm->nomem || fm->emitter.error == YAML_MEMORY_ERROR)
            return ac_nomem(err);
        return ac_error(err, ARTCONV_EINVALID, "cannot write the front matter: %s",
                        fm->emitter.problem != NULL ? fm->emitter.problem : "libyaml failed");
    }
    return ARTCONV_OK;
}

/* A string, quoted wherever a reader could take it for anything else. */
static int emit_scalar(fm_writer *fm, const char *value, artconv_error *err)
{
    yaml_event_t event;
    yaml_scalar_style_t style = scalar_style(value);
    size_t len = strlen(value);

    if (len > INT_MAX)
        return ac_error(err, ARTCONV_ELIMIT, "a metadata value is too long for the front matter");
    return emit(fm, &event,
                yaml_scalar_event_initialize(&event, NULL, NULL, (yaml_char_t *)value, (int)len,
                                             style == YAML_ANY_SCALAR_STYLE, 1, style),
                err);
}

/* A number, boolean or null: plain, so it reads back as one. */
static int emit_plain(fm_writer *fm, const char *text, artconv_error *err)
{
    yaml_event_t event;

    return emit(fm, &event,
                yaml_scalar_event_initialize(&event, NULL, NULL, (yaml_char_t *)text,
                                             (int)strlen(text), 1, 0, YAML_PLAIN_SCALAR_STYLE),
                err);
}

static int emit_collection(fm_writer *fm, int mapping, artconv_error *err)
{
    yaml_event_t event;

    if (mapping)
        return emit(
            fm, &event,
            yaml_mapping_start_event_initialize(&event, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE),
            err);
    return emit(
        fm, &event,
        yaml_sequence_start_event_initialize(&event, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE),
        err);
}

static int emit_end(fm_writer *fm, int mapping, artconv_error *err)
{
    yaml_event_t event;

    return emit(fm, &event,
                mapping ? yaml_mapping_end_event_initialize(&event)
                        : yaml_sequence_end_event_initialize(&event),
                err);
}

static int emit_list(fm_writer *fm, const artconv_article *article, artconv_meta_list list,
                     artconv_error *err)
{
    size_t i, count = artconv_article_list_count(article, list);
    int rc;

    if (count == 0)
        return ARTCONV_OK;
    AC_CHECK(emit_scalar(fm, artconv_meta_list_name(list), err));
    AC_CHECK(emit_collection(fm, 0, err));
    for (i = 0; i < count; i++)
        AC_CHECK(emit_scalar(fm, artconv_article_list_get(article, list, i), err));
    AC_CHECK(emit_end(fm, 0, err));
cleanup:
    return rc;
}

static int emit_image(fm_writer *fm, const artconv_article *article, artconv_error *err)
{
    const char *value;
    size_t i, set = 0;
    int rc = ARTCONV_OK;

    for (i = 0; i < ac_meta_image_key_count; i++)
        if (artconv_article_get(article, ac_meta_image_keys[i].field) != NULL)
            set++;
    if (set == 0)
        return ARTCONV_OK;
    AC_CHECK(emit_scalar(fm, artconv_meta_name(ARTCONV_META_IMAGE), err));
    value = artconv_article_get(article, ARTCONV_META_IMAGE);
    if (set == 1 && value != NULL)
        return emit_scalar(fm, value, err);
    AC_CHECK(emit_collection(fm, 1, err));
    for (i = 0; i < ac_meta_image_key_count; i++) {
        value = artconv_article_get(article, ac_meta_image_keys[i].field);
        if (value == NULL)
            continue;
        AC_CHECK(emit_scalar(fm, ac_meta_image_keys[i].key, err));
        AC_CHECK(emit_scalar(fm, value, err));
    }
    AC_CHECK(emit_end(fm, 1, err));
cleanup:
    return rc;
}

/* A JSON scalar as YAML. */
static int emit_json_scalar(fm_writer *fm, const json_t *v, artconv_error *err)
{
    char *text;
    int rc;

    if (json_is_string(v))
        return emit_scalar(fm, json_string_value(v), err);
    if (json_is_true(v))
        return emit_plain(fm, "true", err);
    if (json_is_false(v))
        return emit_plain(fm, "false", err);
    if (json_is_null(v))
        return emit_plain(fm, "null", err);
    if ((text = json_dumps(v, JSON_ENCODE_ANY)) == NULL)
        return ac_nomem(err);
    rc = emit_plain(fm, text, err);
    free(text);
    return rc;
}

/* One extra value (JSON text) as YAML, walked with an explicit stack.
 * Values come from readers that cap their depth; jansson's own parser
 * stops at 2048 levels, which bounds the stack here. */
typedef struct {
    json_t *value;
    size_t index; /* arrays: the next item */
    void *iter;   /* objects: the next member */
} emit_frame;

static int emit_json(fm_writer *fm, const char *text, artconv_error *err)
{
    json_t *root = json_loads(text, JSON_DECODE_ANY, NULL);
    emit_frame *stack = NULL;
    size_t depth = 0, cap = 0;
    int rc = ARTCONV_OK;
    json_t *v = root;

    if (root == NULL)
        return ac_error(err, ARTCONV_EINVALID, "extra metadata that is not JSON");
    for (;;) {
        if (v != NULL && (json_is_array(v) || json_is_object(v))) {
            if (depth == cap) {
                emit_frame *grown = realloc(stack, (cap = cap ? cap * 2 : 8) * sizeof *stack);

                if (grown == NULL) {
                    rc = ac_nomem(err);
                    goto cleanup;
                }
                stack = grown;
            }
            AC_CHECK(emit_collection(fm, json_is_object(v), err));
            stack[depth].value = v;
            stack[depth].index = 0;
            stack[depth].iter = json_is_object(v) ? json_object_iter(v) : NULL;
            depth++;
        } else if (v != NULL) {
            AC_CHECK(emit_json_scalar(fm, v, err));
        }
        v = NULL;
        if (depth == 0)
            break;
        /* The next value of the innermost open collection, or its end. */
        if (json_is_array(stack[depth - 1].value)) {
            if (stack[depth - 1].index < json_array_size(stack[depth - 1].value))
                v = json_array_get(stack[depth - 1].value, stack[depth - 1].index++);
        } else if (stack[depth - 1].iter != NULL) {
            void *it = stack[depth - 1].iter;

            AC_CHECK(emit_scalar(fm, json_object_iter_key(it), err));
            v = json_object_iter_value(it);
            stack[depth - 1].iter = json_object_iter_next(stack[depth - 1].value, it);
        }
        if (v == NULL) {
            depth--;
            AC_CHECK(emit_end(fm, json_is_object(stack[depth].value), err));
            if (depth == 0)
                break;
        }
    }
cleanup:
    free(stack);
    json_decref(root);
    return rc;
}

int ac_front_matter_wanted(const artconv_article *article, int except)
{
    int field, list;

    for (field = 0; field < ARTCONV_META_COUNT; field++)
        if (field != except && artconv_article_get(article, (artconv_meta)field) != NULL)
            return 1;
    for (list = 0; list < ARTCONV_LIST_COUNT; list++)
        if (artconv_article_list_count(article, (artconv_meta_list)list) > 0)
            return 1;
    return artconv_article_extra_count(article) > 0;
}

int ac_front_matter_write(artconv_buf *out, const artconv_article *article, artconv_error *err)
{
    fm_writer fm;
    yaml_event_t event;
    const char *value;
    size_t i;
    int rc = ARTCONV_OK;

    /* An empty block would read back as two thematic breaks (it is not a
     * mapping); an explicit empty mapping keeps it front matter. */
    if (!ac_front_matter_wanted(article, -1))
        return artconv_buf_puts(out, "---\n{}\n---\n") < 0 ? ac_nomem(err) : ARTCONV_OK;
    memset(&fm, 0, sizeof fm);
    if (!yaml_emitter_initialize(&fm.emitter))
        return ac_nomem(err);
    fm.out = out;
    yaml_emitter_set_output(&fm.emitter, yaml_sink, &fm);
    yaml_emitter_set_unicode(&fm.emitter, 1);
    /* One line per value: a folded line could start with "---". */
    yaml_emitter_set_width(&fm.emitter, -1);
    yaml_emitter_set_indent(&fm.emitter, 2);
    yaml_emitter_set_break(&fm.emitter, YAML_LN_BREAK);

    AC_CHECK(
        emit(&fm, &event, yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING), err));
    AC_CHECK(
        emit(&fm, &event, yaml_document_start_event_initialize(&event, NULL, NULL, NULL, 0), err));
    AC_CHECK(emit_collection(&fm, 1, err));
    for (i = 0; i < ac_meta_order_count; i++) {
        if (ac_meta_order[i].is_list) {
            AC_CHECK(emit_list(&fm, article, (artconv_meta_list)ac_meta_order[i].field, err));
            continue;
        }
        value = artconv_article_get(article, (artconv_meta)ac_meta_order[i].field);
        if (value == NULL)
            continue;
        AC_CHECK(emit_scalar(&fm, artconv_meta_name((artconv_meta)ac_meta_order[i].field), err));
        AC_CHECK(emit_scalar(&fm, value, err));
    }
    AC_CHECK(emit_image(&fm, article, err));
    for (i = 0; i < artconv_article_extra_count(article); i++) {
        AC_CHECK(emit_scalar(&fm, artconv_article_extra_key(article, i), err));
        AC_CHECK(emit_json(&fm, artconv_article_extra_value(article, i), err));
    }
    AC_CHECK(emit_end(&fm, 1, err));
    /* An implicit end: libyaml would write "...", the closing line is ours. */
    AC_CHECK(emit(&fm, &event, yaml_document_end_event_initialize(&event, 1), err));
    AC_CHECK(emit(&fm, &event, yaml_stream_end_event_initialize(&event), err));
    if (!yaml_emitter_flush(&fm.emitter)) {
        rc = fm.nomem ? ac_nomem(err)
                      : ac_error(err, ARTCONV_EINVALID, "cannot write the front matter");
        goto cleanup;
    }
    if (artconv_buf_puts(out, "---\n") < 0)
        rc = ac_nomem(err);
cleanup:
    yaml_emitter_delete(&fm.emitter);
    return rc;
}
