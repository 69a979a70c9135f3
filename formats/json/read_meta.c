/*
 * read_meta.c - the "meta" object of artconv's JSON (docs/json.md) into
 * the model: the canonical fields by name, the lists, the news concepts,
 * the lead image as one object, and any other member as an extra field
 * kept as the JSON it is.  Each member is parsed on its own.
 */
#include "read.h"

#include "url.h"

#include <stdlib.h>
#include <string.h>

/* The member's name, decoded (a name may hold escapes like any string). */
static int member_name(ac_json_reader *r, ac_json_span key, char **name)
{
    json_t *k;
    int rc;

    if ((rc = ac_json_load(r, key, &k)) < 0)
        return rc;
    *name = strdup(json_string_value(k));
    json_decref(k);
    return *name == NULL ? ac_nomem(r->err) : 0;
}

static int want_string(ac_json_reader *r, const json_t *v, ac_json_span at, const char *name)
{
    if (json_is_string(v))
        return 0;
    return ac_json_fail(r, at.start, "meta \"%s\" must be a string", name);
}

/* An image URL that could run script or reach the reader's disk does not
 * enter the model (src/url.h); the rest of the article does. */
static int set_image_src(ac_json_reader *r, const char *src)
{
    if (!ac_url_is_safe(src, strlen(src), 1)) {
        ac_warn_read(r->opts, ARTCONV_EINVALID, 0, "the lead image's URL is not safe: left out");
        return 0;
    }
    return artconv_article_set(r->article, ARTCONV_META_IMAGE, src, r->err);
}

/* "image": {"src", "alt", "caption", "credit"}, or a bare URL. */
static int read_image(ac_json_reader *r, const json_t *v, ac_json_span at)
{
    size_t i;
    int rc;

    if (json_is_string(v))
        return set_image_src(r, json_string_value(v));
    if (!json_is_object(v))
        return ac_json_fail(r, at.start, "meta \"image\" must be an object");
    for (i = 0; i < ac_meta_image_key_count; i++) {
        const json_t *field = json_object_get(v, ac_meta_image_keys[i].key);

        if (field == NULL)
            continue;
        if ((rc = want_string(r, field, at, ac_meta_image_keys[i].key)) < 0)
            return rc;
        if (ac_meta_image_keys[i].field == ARTCONV_META_IMAGE)
            rc = set_image_src(r, json_string_value(field));
        else
            rc = artconv_article_set(r->article, ac_meta_image_keys[i].field,
                                     json_string_value(field), r->err);
        if (rc < 0)
            return rc;
    }
    return 0;
}

static int read_list(ac_json_reader *r, artconv_meta_list list, const json_t *v, ac_json_span at,
                     const char *name)
{
    size_t i;
    int rc;

    /* A single name where a list belongs is a list of one. */
    if (json_is_string(v))
        return artconv_article_list_add(r->article, list, json_string_value(v), r->err);
    if (!json_is_array(v))
        return ac_json_fail(r, at.start, "meta \"%s\" must be a list of strings", name);
    for (i = 0; i < json_array_size(v); i++) {
        const json_t *item = json_array_get(v, i);

        if ((rc = want_string(r, item, at, name)) < 0 ||
            (rc = artconv_article_list_add(r->article, list, json_string_value(item), r->err)) < 0)
            return rc;
    }
    return 0;
}

static const char *optional_string(const json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

static int read_concepts(ac_json_reader *r, artconv_concept_list list, const json_t *v,
                         ac_json_span at, const char *name)
{
    size_t i;
    int rc;

    if (!json_is_array(v))
        return ac_json_fail(r, at.start, "meta \"%s\" must be a list of objects", name);
    for (i = 0; i < json_array_size(v); i++) {
        const json_t *item = json_array_get(v, i);
        artconv_concept c;

        if (!json_is_object(item))
            return ac_json_fail(r, at.start, "meta \"%s\" must be a list of objects", name);
        c.code = optional_string(item, "code");
        c.name = optional_string(item, "name");
        c.scheme = optional_string(item, "scheme");
        c.role = optional_string(item, "role");
        if ((rc = artconv_article_concept_add(r->article, list, &c, r->err)) < 0)
            return rc;
    }
    return 0;
}

/* Any other member: kept as its JSON text, as front matter keeps an
 * unknown key, so that writers can give it back. */
static int read_extra(ac_json_reader *r, const char *name, ac_json_span at)
{
    char *json = strndup(r->data + at.start, at.end - at.start);
    int rc;

    if (json == NULL)
        return ac_nomem(r->err);
    rc = artconv_article_extra_set(r->article, name, json, r->err);
    free(json);
    return rc;
}

static int read_member(ac_json_reader *r, const char *name, ac_json_span at)
{
    artconv_meta field;
    artconv_meta_list list;
    artconv_concept_list concepts;
    json_t *v;
    int rc;

    if (strcmp(name, "image") != 0 && artconv_meta_from_name(&field, name) != 0 &&
        artconv_meta_list_from_name(&list, name) != 0 &&
        artconv_concept_list_from_name(&concepts, name) != 0)
        return read_extra(r, name, at);
    if ((rc = ac_json_load(r, at, &v)) < 0)
        return rc;
    if (json_is_null(v))
        rc = 0; /* a field written as null is a field not set */
    else if (strcmp(name, "image") == 0)
        rc = read_image(r, v, at);
    else if (artconv_meta_from_name(&field, name) == 0)
        rc = (rc = want_string(r, v, at, name)) < 0
                 ? rc
                 : artconv_article_set(r->article, field, json_string_value(v), r->err);
    else if (artconv_meta_list_from_name(&list, name) == 0)
        rc = read_list(r, list, v, at, name);
    else
        rc = read_concepts(r, concepts, v, at, name);
    json_decref(v);
    /* The model's own refusals (a date it cannot read...) name the field. */
    if (rc == ARTCONV_EINVALID)
        rc = ac_json_fail(r, at.start, "meta \"%s\": %s", name,
                          r->err != NULL ? r->err->message : "not a valid value");
    return rc;
}

int ac_json_read_meta(ac_json_reader *r, ac_json_span span)
{
    ac_json_cursor c;
    ac_json_span key, value;
    int rc;

    if ((rc = ac_json_open(r, span, 1, &c)) < 0)
        return rc;
    while ((rc = ac_json_next(r, &c, &key, &value)) > 0) {
        char *name;

        if ((rc = member_name(r, key, &name)) < 0)
            return rc;
        rc = read_member(r, name, value);
        free(name);
        if (rc < 0)
            return rc;
    }
    return rc;
}
