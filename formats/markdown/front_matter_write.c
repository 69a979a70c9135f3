/*
 * front_matter_write.c - the article's metadata written as YAML front
 * matter with libyaml's emitter, so every bit of YAML quoting is
 * libyaml's: the canonical keys in ac_meta_order, the lead image, then the
 * extra metadata (JSON values, walked with an explicit stack).
 */
#include "front_matter.h"

#include <jansson.h>
#include <yaml.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

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

/* Each concept list as a sequence of mappings with the keys that are set
 * (code, name, scheme, role), as JSON's "meta" has them. */
static int emit_concepts(fm_writer *fm, const artconv_article *article, artconv_error *err)
{
    static const char *const keys[] = {"code", "name", "scheme", "role"};
    int list, rc = ARTCONV_OK;
    size_t i, k, count;

    for (list = 0; list < ARTCONV_CONCEPT_COUNT; list++) {
        count = artconv_article_concept_count(article, (artconv_concept_list)list);
        if (count == 0)
            continue;
        AC_CHECK(emit_scalar(fm, artconv_concept_list_name((artconv_concept_list)list), err));
        AC_CHECK(emit_collection(fm, 0, err));
        for (i = 0; i < count; i++) {
            artconv_concept c;
            const char *values[4];

            artconv_article_concept_get(&c, article, (artconv_concept_list)list, i);
            values[0] = c.code;
            values[1] = c.name;
            values[2] = c.scheme;
            values[3] = c.role;
            AC_CHECK(emit_collection(fm, 1, err));
            for (k = 0; k < 4; k++) {
                if (values[k] == NULL)
                    continue;
                AC_CHECK(emit_scalar(fm, keys[k], err));
                AC_CHECK(emit_scalar(fm, values[k], err));
            }
            AC_CHECK(emit_end(fm, 1, err));
        }
        AC_CHECK(emit_end(fm, 0, err));
    }
cleanup:
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
    for (list = 0; list < ARTCONV_CONCEPT_COUNT; list++)
        if (artconv_article_concept_count(article, (artconv_concept_list)list) > 0)
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
    AC_CHECK(emit_concepts(&fm, article, err));
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
