/*
 * news_concepts.c - the article's structured news metadata: subjects,
 * genres, services, audiences, signals, places and contributors, each a
 * list of artconv_concept values (code, name, scheme, role).  The lists
 * themselves live in the article (src/article.c); this file is their API.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static const char *const concept_names[ARTCONV_CONCEPT_COUNT] = {
    [ARTCONV_CONCEPT_SUBJECTS] = "subjects",         [ARTCONV_CONCEPT_GENRES] = "genres",
    [ARTCONV_CONCEPT_SERVICES] = "services",         [ARTCONV_CONCEPT_AUDIENCES] = "audiences",
    [ARTCONV_CONCEPT_SIGNALS] = "signals",           [ARTCONV_CONCEPT_LOCATED] = "located",
    [ARTCONV_CONCEPT_CONTRIBUTORS] = "contributors",
};

const char *artconv_concept_list_name(artconv_concept_list list)
{
    return (int)list >= 0 && list < ARTCONV_CONCEPT_COUNT ? concept_names[list] : NULL;
}

int artconv_concept_list_from_name(artconv_concept_list *out, const char *name)
{
    int i;

    for (i = 0; name != NULL && i < ARTCONV_CONCEPT_COUNT; i++) {
        if (strcmp(concept_names[i], name) == 0) {
            *out = (artconv_concept_list)i;
            return ARTCONV_OK;
        }
    }
    return ARTCONV_EINVALID;
}

void ac_concept_vec_dispose(ac_concept_vec *vec)
{
    size_t i;

    for (i = 0; i < vec->count * AC_CONCEPT_FIELDS; i++)
        free(vec->fields[i]);
    free(vec->fields);
    vec->fields = NULL;
    vec->count = vec->cap = 0;
}

size_t artconv_article_concept_count(const artconv_article *article, artconv_concept_list list)
{
    const ac_concept_vec *vec = ac_article_concepts_const(article, list);

    return vec == NULL ? 0 : vec->count;
}

int artconv_article_concept_get(artconv_concept *out, const artconv_article *article,
                                artconv_concept_list list, size_t index)
{
    const ac_concept_vec *vec = ac_article_concepts_const(article, list);
    char *const *f;

    if (out == NULL)
        return ARTCONV_EINVALID;
    memset(out, 0, sizeof *out);
    if (vec == NULL || index >= vec->count)
        return ARTCONV_EINVALID;
    f = vec->fields + index * AC_CONCEPT_FIELDS;
    out->code = f[0];
    out->name = f[1];
    out->scheme = f[2];
    out->role = f[3];
    return ARTCONV_OK;
}

/* A trimmed copy of `s` in *out (NULL for no text); repaired or checked. */
static int copy_field(char **out, const char *s, int repair, artconv_error *err)
{
    artconv_buf copy = ARTCONV_BUF_INIT;
    size_t len;

    *out = NULL;
    if (s == NULL)
        return ARTCONV_OK;
    while (ac_is_space((unsigned char)*s))
        s++;
    len = strlen(s);
    while (len > 0 && ac_is_space((unsigned char)s[len - 1]))
        len--;
    if (len == 0)
        return ARTCONV_OK;
    if (!repair && !ac_text_is_clean(s, len))
        return ac_error(err, ARTCONV_EINVALID,
                        "a concept's text is not valid UTF-8 or holds a character XML forbids");
    if ((repair ? ac_text_repair(&copy, s, len, NULL) : artconv_buf_put(&copy, s, len)) < 0 ||
        (*out = artconv_buf_detach(&copy)) == NULL) {
        artconv_buf_dispose(&copy);
        return ac_nomem(err);
    }
    return ARTCONV_OK;
}

static int add(artconv_article *article, artconv_concept_list list, const artconv_concept *value,
               int repair, artconv_error *err)
{
    ac_concept_vec *vec = ac_article_concepts(article, list);
    const char *in[AC_CONCEPT_FIELDS];
    char *copy[AC_CONCEPT_FIELDS] = {NULL, NULL, NULL, NULL};
    size_t i;
    int rc = ARTCONV_OK;

    if (vec == NULL || value == NULL)
        return ac_error(err, ARTCONV_EINVALID, "no such concept list");
    in[0] = value->code;
    in[1] = value->name;
    in[2] = value->scheme;
    in[3] = value->role;
    for (i = 0; i < AC_CONCEPT_FIELDS; i++)
        AC_CHECK(copy_field(&copy[i], in[i], repair, err));
    if (copy[0] == NULL && copy[1] == NULL)
        goto cleanup;
    if (vec->count == vec->cap) {
        size_t cap = vec->cap == 0 ? 4 : vec->cap * 2;
        char **fields = realloc(vec->fields, cap * AC_CONCEPT_FIELDS * sizeof *fields);

        if (fields == NULL) {
            rc = ac_nomem(err);
            goto cleanup;
        }
        vec->fields = fields;
        vec->cap = cap;
    }
    memcpy(vec->fields + vec->count * AC_CONCEPT_FIELDS, copy, sizeof copy);
    vec->count++;
    return ARTCONV_OK;
cleanup:
    for (i = 0; i < AC_CONCEPT_FIELDS; i++)
        free(copy[i]);
    return rc;
}

int artconv_article_concept_add(artconv_article *article, artconv_concept_list list,
                                const artconv_concept *value, artconv_error *err)
{
    return add(article, list, value, 0, err);
}

int ac_article_concept_add_repair(artconv_article *article, artconv_concept_list list,
                                  const artconv_concept *value, artconv_error *err)
{
    return add(article, list, value, 1, err);
}

void artconv_article_concept_clear(artconv_article *article, artconv_concept_list list)
{
    ac_concept_vec *vec = ac_article_concepts(article, list);

    if (vec != NULL)
        ac_concept_vec_dispose(vec);
}
