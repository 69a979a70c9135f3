/*
 * front_matter_read.c - YAML front matter read with libyaml's parser into
 * the article's metadata: finding the block, the YAML events into jansson
 * values, and those values into the article.  One job, reading front
 * matter, in three steps that only this file uses.
 *
 * The YAML is built into jansson values with an explicit stack (no
 * recursion), then the top-level keys are mapped: canonical names and
 * their aliases go to the metadata fields, anything else is kept as extra
 * metadata (a JSON value) that the writer (front_matter_write.c) puts
 * back.  Scalars under unknown keys are typed the way YAML 1.2's core
 * schema types them, as far as JSON can say it: plain true/false,
 * null/~/empty and JSON numbers become JSON literals, everything else (and
 * every quoted scalar) a string.
 */
#include "front_matter.h"

#include <jansson.h>
#include <yaml.h>

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
    {"excerpt", "description"}, /* Jekyll */
    {"category", "section"},    /* Jekyll: one category is the section */
    {"categories", "keywords"}, /* Jekyll: several go with the tags */
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

/* The text of a concept's key, or NULL when it is unset or no text. */
static const char *concept_text(const json_t *object, const char *key)
{
    const json_t *v = json_object_get(object, key);

    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* A concept list: a sequence of mappings (code, name, scheme, role), or of
 * plain names. */
static int add_concepts(fm_reader *r, artconv_article *a, artconv_concept_list list,
                        const char *key, const json_t *value)
{
    const json_t *item;
    size_t i;
    int rc;

    if (!json_is_array(value)) {
        warn_type(r, key, "a list");
        return ARTCONV_OK;
    }
    json_array_foreach(value, i, item)
    {
        artconv_concept c = {NULL, NULL, NULL, NULL};

        if (json_is_string(item)) {
            c.name = json_string_value(item);
        } else if (json_is_object(item)) {
            c.code = concept_text(item, "code");
            c.name = concept_text(item, "name");
            c.scheme = concept_text(item, "scheme");
            c.role = concept_text(item, "role");
        } else {
            warn_type(r, key, "a list of mappings or of text");
            continue;
        }
        if ((rc = ac_article_concept_add_repair(a, list, &c, r->err)) < 0)
            return rc;
    }
    return ARTCONV_OK;
}

static int apply(fm_reader *r, artconv_article *a, const char *key, const json_t *value)
{
    artconv_concept_list concepts;
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
    if (artconv_concept_list_from_name(&concepts, key) == 0)
        return add_concepts(r, a, concepts, key, value);
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

/* The first line from `open` on that is the fence `a` (or `b`, when not
 * NULL): returns where the text after it starts and sets *close to the
 * fence line's start, counting lines into *line; 0 when there is none. */
static size_t closing_fence(const char *data, size_t len, size_t open, const char *a,
                            const char *b, size_t *close, int *line)
{
    size_t i, after;

    for (i = open; i < len; (*line)++) {
        if ((after = fence_line(data, len, i, a)) > 0 ||
            (b != NULL && (after = fence_line(data, len, i, b)) > 0)) {
            *close = i;
            return after;
        }
        while (i < len && eol_len(data, len, i) == 0)
            i++;
        i += eol_len(data, len, i);
    }
    return 0;
}

/* Hugo's TOML front matter, from `open` (after the "+++" line) to the
 * next "+++" line: mapped like YAML's.  A block that is not the subset
 * front_matter_toml.c reads is skipped with a warning (an error under
 * strict); one never closed is Markdown, with a warning. */
static int read_toml(artconv_article *article, size_t *body, int *lines, const char *data,
                     size_t len, size_t open, const artconv_read_options *opts, artconv_error *err)
{
    size_t close = 0, after = 0;
    int line = 2, rc, problem_line;
    char *problem = NULL;
    json_t *object = NULL, *value;
    const char *key;
    fm_reader r;

    after = closing_fence(data, len, open, "+++", NULL, &close, &line);
    if (after == 0) {
        if (opts != NULL && opts->strict)
            return ac_error_at(err, ARTCONV_EPARSE, 1, 1, 0,
                               "the TOML front matter is never closed by a '+++' line");
        ac_warn_read(opts, ARTCONV_EPARSE, 1,
                     "the TOML front matter is never closed by a '+++' line; read as Markdown");
        return ARTCONV_OK;
    }
    rc = ac_fm_toml_parse(&object, data + open, close - open, &problem, &problem_line);
    if (rc < 0)
        return ac_nomem(err);
    if (rc == 1) {
        if (opts != NULL && opts->strict)
            rc = ac_error_at(err, ARTCONV_EPARSE, problem_line + 1, 0, 0,
                             "the TOML front matter cannot be read: %s", problem);
        else
            ac_warn_read(opts, ARTCONV_EPARSE, problem_line + 1,
                         "the TOML front matter cannot be read: %s; skipped", problem);
        free(problem);
        if (rc < 0)
            return rc;
        *body = after;
        *lines = line;
        return ARTCONV_OK;
    }
    memset(&r, 0, sizeof r);
    r.opts = opts;
    r.err = err;
    r.first_line = 2;
    json_object_foreach(object, key, value)
    {
        if ((rc = apply(&r, article, key, value)) < 0)
            break;
    }
    json_decref(object);
    artconv_buf_dispose(&r.tmp);
    if (rc < 0)
        return rc;
    *body = after;
    *lines = line;
    return ARTCONV_OK;
}

int ac_front_matter_read(artconv_article *article, size_t *body, int *lines, const char *data,
                         size_t len, const artconv_read_options *opts, artconv_error *err)
{
    fm_reader r;
    size_t start = 0, open, close = 0, after = 0;
    int line = 2, rc = ARTCONV_OK, d;
    const char *key;
    json_t *value;

    *body = 0;
    *lines = 0;
    if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
        start = 3;
    if ((open = fence_line(data, len, start, "+++")) > 0 && open < len)
        return read_toml(article, body, lines, data, len, open, opts, err);
    if ((open = fence_line(data, len, start, "---")) == 0 || open == len)
        return ARTCONV_OK;
    /* The closing line: the first "---" or "..." line. */
    after = closing_fence(data, len, open, "---", "...", &close, &line);
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
