/*
 * article.c - an article: its metadata and its body, and the model check.
 */
#include "internal.h"
#include "raw_html.h"
#include "resource.h"

/* The one library the core uses for a format's sake: extra fields are
 * JSON values (artconv_article_extra_set), checked and kept compact. */
#include <jansson.h>

#include <stdlib.h>
#include <string.h>

typedef struct {
    char **items;
    size_t count;
    size_t cap;
} str_list;

struct artconv_article {
    char *meta[ARTCONV_META_COUNT];
    str_list lists[ARTCONV_LIST_COUNT];
    str_list extra_keys;   /* parallel to extra_values */
    str_list extra_values; /* compact JSON texts */
    ac_concept_vec concepts[ARTCONV_CONCEPT_COUNT];
    artconv_node *body;
    int in_container; /* read from an EPUB: its relative URLs point inside it */
    ac_resources *resources; /* src/resource.c */
};

ac_resources **ac_article_resources(artconv_article *article)
{
    return &article->resources;
}

const ac_resources *ac_article_resources_const(const artconv_article *article)
{
    return article->resources;
}

void ac_article_set_in_container(artconv_article *article)
{
    article->in_container = 1;
}

int ac_article_in_container(const artconv_article *article)
{
    return article->in_container;
}

static const char *const meta_names[ARTCONV_META_COUNT] = {
    [ARTCONV_META_TITLE] = "title",
    [ARTCONV_META_SUBTITLE] = "subtitle",
    [ARTCONV_META_DATE] = "date",
    [ARTCONV_META_MODIFIED] = "modified",
    [ARTCONV_META_DATELINE] = "dateline",
    [ARTCONV_META_LANGUAGE] = "language",
    [ARTCONV_META_PUBLISHER] = "publisher",
    [ARTCONV_META_SECTION] = "section",
    [ARTCONV_META_DESCRIPTION] = "description",
    [ARTCONV_META_CREDIT] = "credit",
    [ARTCONV_META_RIGHTS] = "rights",
    [ARTCONV_META_SOURCE] = "source",
    [ARTCONV_META_ID] = "id",
    [ARTCONV_META_IMAGE] = "image",
    [ARTCONV_META_IMAGE_ALT] = "image.alt",
    [ARTCONV_META_IMAGE_CAPTION] = "image.caption",
    [ARTCONV_META_IMAGE_CREDIT] = "image.credit",
    [ARTCONV_META_PUBSTATUS] = "pubstatus",
    [ARTCONV_META_EMBARGOED] = "embargoed",
    [ARTCONV_META_URGENCY] = "urgency",
    [ARTCONV_META_FIRSTCREATED] = "firstcreated",
    [ARTCONV_META_VERSIONCREATED] = "versioncreated",
    [ARTCONV_META_CONTENTCREATED] = "contentcreated",
};

static const char *const list_names[ARTCONV_LIST_COUNT] = {
    [ARTCONV_LIST_AUTHORS] = "authors",
    [ARTCONV_LIST_KEYWORDS] = "keywords",
    [ARTCONV_LIST_EDNOTES] = "ednotes",
};

const ac_meta_slot ac_meta_order[] = {
    {0, ARTCONV_META_TITLE},     {0, ARTCONV_META_SUBTITLE},    {1, ARTCONV_LIST_AUTHORS},
    {0, ARTCONV_META_DATE},      {0, ARTCONV_META_MODIFIED},    {0, ARTCONV_META_DATELINE},
    {0, ARTCONV_META_LANGUAGE},  {0, ARTCONV_META_PUBLISHER},   {0, ARTCONV_META_SECTION},
    {1, ARTCONV_LIST_KEYWORDS},  {0, ARTCONV_META_DESCRIPTION}, {0, ARTCONV_META_CREDIT},
    {0, ARTCONV_META_RIGHTS},    {0, ARTCONV_META_SOURCE},      {0, ARTCONV_META_ID},
    {0, ARTCONV_META_PUBSTATUS}, {0, ARTCONV_META_EMBARGOED},   {0, ARTCONV_META_URGENCY},
    {1, ARTCONV_LIST_EDNOTES},   {0, ARTCONV_META_FIRSTCREATED}, {0, ARTCONV_META_VERSIONCREATED},
    {0, ARTCONV_META_CONTENTCREATED},
};
const size_t ac_meta_order_count = sizeof ac_meta_order / sizeof ac_meta_order[0];

const ac_meta_image_key ac_meta_image_keys[] = {
    {"src", ARTCONV_META_IMAGE},
    {"alt", ARTCONV_META_IMAGE_ALT},
    {"caption", ARTCONV_META_IMAGE_CAPTION},
    {"credit", ARTCONV_META_IMAGE_CREDIT},
};
const size_t ac_meta_image_key_count = sizeof ac_meta_image_keys / sizeof ac_meta_image_keys[0];

artconv_article *artconv_article_new(void)
{
    artconv_article *article = calloc(1, sizeof *article);

    if (article == NULL)
        return NULL;
    article->body = artconv_node_new(ARTCONV_NODE_DOCUMENT);
    if (article->body == NULL) {
        free(article);
        return NULL;
    }
    return article;
}

void artconv_article_free(artconv_article *article)
{
    size_t i;
    int list;

    if (article == NULL)
        return;
    for (i = 0; i < ARTCONV_META_COUNT; i++)
        free(article->meta[i]);
    for (list = 0; list < ARTCONV_LIST_COUNT; list++)
        artconv_article_list_clear(article, (artconv_meta_list)list);
    for (list = 0; list < ARTCONV_LIST_COUNT; list++)
        free(article->lists[list].items);
    for (i = 0; i < article->extra_keys.count; i++) {
        free(article->extra_keys.items[i]);
        free(article->extra_values.items[i]);
    }
    free(article->extra_keys.items);
    free(article->extra_values.items);
    for (list = 0; list < ARTCONV_CONCEPT_COUNT; list++)
        ac_concept_vec_dispose(&article->concepts[list]);
    artconv_node_free(article->body);
    ac_resources_free(article->resources);
    free(article);
}

artconv_node *artconv_article_body(const artconv_article *article)
{
    return article == NULL ? NULL : article->body;
}

ac_concept_vec *ac_article_concepts(artconv_article *article, artconv_concept_list list)
{
    if (article == NULL || (int)list < 0 || list >= ARTCONV_CONCEPT_COUNT)
        return NULL;
    return &article->concepts[list];
}

const ac_concept_vec *ac_article_concepts_const(const artconv_article *article,
                                                artconv_concept_list list)
{
    if (article == NULL || (int)list < 0 || list >= ARTCONV_CONCEPT_COUNT)
        return NULL;
    return &article->concepts[list];
}

static int valid_meta(artconv_meta field)
{
    return (int)field >= 0 && field < ARTCONV_META_COUNT;
}

static int valid_list(artconv_meta_list list)
{
    return (int)list >= 0 && list < ARTCONV_LIST_COUNT;
}

const char *artconv_meta_name(artconv_meta field)
{
    return valid_meta(field) ? meta_names[field] : NULL;
}

int artconv_meta_from_name(artconv_meta *out, const char *name)
{
    int i;

    for (i = 0; name != NULL && i < ARTCONV_META_COUNT; i++) {
        if (strcmp(meta_names[i], name) == 0) {
            *out = (artconv_meta)i;
            return ARTCONV_OK;
        }
    }
    return ARTCONV_EINVALID;
}

const char *artconv_meta_list_name(artconv_meta_list list)
{
    return valid_list(list) ? list_names[list] : NULL;
}

int artconv_meta_list_from_name(artconv_meta_list *out, const char *name)
{
    int i;

    for (i = 0; name != NULL && i < ARTCONV_LIST_COUNT; i++) {
        if (strcmp(list_names[i], name) == 0) {
            *out = (artconv_meta_list)i;
            return ARTCONV_OK;
        }
    }
    return ARTCONV_EINVALID;
}

const char *artconv_article_get(const artconv_article *article, artconv_meta field)
{
    if (article == NULL || !valid_meta(field))
        return NULL;
    return article->meta[field];
}

/* Copies s[0..len) with surrounding white space trimmed, repaired or
 * checked; "" stands for no value. */
static int copy_value(char **out, const char *s, size_t len, int repair, const char *what,
                      artconv_error *err)
{
    artconv_buf copy = ARTCONV_BUF_INIT;

    *out = NULL;
    while (len > 0 && ac_is_space((unsigned char)s[0])) {
        s++;
        len--;
    }
    while (len > 0 && ac_is_space((unsigned char)s[len - 1]))
        len--;
    if (len == 0)
        return ARTCONV_OK;
    if (!repair && !ac_text_is_clean(s, len))
        return ac_error(err, ARTCONV_EINVALID,
                        "%s is not valid UTF-8 or holds a character XML forbids", what);
    if ((repair ? ac_text_repair(&copy, s, len, NULL) : artconv_buf_put(&copy, s, len)) < 0) {
        artconv_buf_dispose(&copy);
        return ac_nomem(err);
    }
    *out = artconv_buf_detach(&copy);
    return ARTCONV_OK;
}

static int set_meta(artconv_article *article, artconv_meta field, const char *s, size_t len,
                    int repair, artconv_error *err)
{
    char *value;
    int rc;

    if (article == NULL || !valid_meta(field))
        return ac_error(err, ARTCONV_EINVALID, "no such metadata field");
    if ((rc = copy_value(&value, s == NULL ? "" : s, len, repair, meta_names[field], err)) < 0)
        return rc;
    free(article->meta[field]);
    article->meta[field] = value;
    return ARTCONV_OK;
}

int artconv_article_set(artconv_article *article, artconv_meta field, const char *value,
                        artconv_error *err)
{
    return set_meta(article, field, value, value == NULL ? 0 : strlen(value), 0, err);
}

int ac_article_set_n(artconv_article *article, artconv_meta field, const char *s, size_t len,
                     artconv_error *err)
{
    return set_meta(article, field, s, len, 1, err);
}

size_t artconv_article_list_count(const artconv_article *article, artconv_meta_list list)
{
    if (article == NULL || !valid_list(list))
        return 0;
    return article->lists[list].count;
}

const char *artconv_article_list_get(const artconv_article *article, artconv_meta_list list,
                                     size_t index)
{
    if (article == NULL || !valid_list(list) || index >= article->lists[list].count)
        return NULL;
    return article->lists[list].items[index];
}

static int list_add(artconv_article *article, artconv_meta_list list, const char *s, size_t len,
                    int repair, artconv_error *err)
{
    str_list *l;
    char *value;
    size_t i;
    int rc;

    if (article == NULL || !valid_list(list))
        return ac_error(err, ARTCONV_EINVALID, "no such metadata list");
    l = &article->lists[list];
    if ((rc = copy_value(&value, s == NULL ? "" : s, len, repair, list_names[list], err)) < 0)
        return rc;
    if (value == NULL)
        return ARTCONV_OK;
    /* Lists are short (a few authors, a few dozen keywords), so a linear
     * duplicate check costs less than any index would. */
    for (i = 0; i < l->count; i++) {
        if (strcmp(l->items[i], value) == 0) {
            free(value);
            return ARTCONV_OK;
        }
    }
    if (l->count == l->cap) {
        size_t cap = l->cap == 0 ? 4 : l->cap * 2;
        char **items = realloc(l->items, cap * sizeof *items);

        if (items == NULL) {
            free(value);
            return ac_nomem(err);
        }
        l->items = items;
        l->cap = cap;
    }
    l->items[l->count++] = value;
    return ARTCONV_OK;
}

int artconv_article_list_add(artconv_article *article, artconv_meta_list list, const char *value,
                             artconv_error *err)
{
    return list_add(article, list, value, value == NULL ? 0 : strlen(value), 0, err);
}

int ac_article_list_add_n(artconv_article *article, artconv_meta_list list, const char *s,
                          size_t len, artconv_error *err)
{
    return list_add(article, list, s, len, 1, err);
}

void artconv_article_list_clear(artconv_article *article, artconv_meta_list list)
{
    str_list *l;
    size_t i;

    if (article == NULL || !valid_list(list))
        return;
    l = &article->lists[list];
    for (i = 0; i < l->count; i++)
        free(l->items[i]);
    l->count = 0;
}

/* --- extra metadata ---------------------------------------------------------- */

/* Makes room for one more item; 0 or -1. */
static int list_reserve(str_list *l)
{
    size_t cap;
    char **items;

    if (l->count < l->cap)
        return 0;
    cap = l->cap == 0 ? 4 : l->cap * 2;
    items = realloc(l->items, cap * sizeof *items);
    if (items == NULL)
        return -1;
    l->items = items;
    l->cap = cap;
    return 0;
}

static int is_canonical_name(const char *key)
{
    artconv_meta field;
    artconv_meta_list list;
    artconv_concept_list concepts;

    return artconv_meta_from_name(&field, key) == 0 ||
           artconv_meta_list_from_name(&list, key) == 0 ||
           artconv_concept_list_from_name(&concepts, key) == 0;
}

static size_t extra_index(const artconv_article *article, const char *key)
{
    size_t i;

    for (i = 0; i < article->extra_keys.count; i++)
        if (strcmp(article->extra_keys.items[i], key) == 0)
            return i;
    return article->extra_keys.count;
}

size_t artconv_article_extra_count(const artconv_article *article)
{
    return article == NULL ? 0 : article->extra_keys.count;
}

const char *artconv_article_extra_key(const artconv_article *article, size_t index)
{
    if (article == NULL || index >= article->extra_keys.count)
        return NULL;
    return article->extra_keys.items[index];
}

const char *artconv_article_extra_value(const artconv_article *article, size_t index)
{
    if (article == NULL || index >= article->extra_values.count)
        return NULL;
    return article->extra_values.items[index];
}

const char *artconv_article_extra_get(const artconv_article *article, const char *key)
{
    size_t i;

    if (article == NULL || key == NULL)
        return NULL;
    i = extra_index(article, key);
    return i < article->extra_keys.count ? article->extra_values.items[i] : NULL;
}

int artconv_article_extra_set(artconv_article *article, const char *key, const char *json,
                              artconv_error *err)
{
    json_error_t parse_error;
    json_t *value;
    char *compact = NULL, *key_copy = NULL;
    size_t i;

    if (article == NULL || key == NULL || key[0] == '\0' || !ac_text_is_clean(key, strlen(key)))
        return ac_error(err, ARTCONV_EINVALID, "an extra metadata key must be non-empty text");
    if (is_canonical_name(key))
        return ac_error(err, ARTCONV_EINVALID, "'%s' is a canonical field, not an extra one", key);
    i = extra_index(article, key);
    if (json == NULL) {
        if (i < article->extra_keys.count) {
            free(article->extra_keys.items[i]);
            free(article->extra_values.items[i]);
            memmove(article->extra_keys.items + i, article->extra_keys.items + i + 1,
                    (article->extra_keys.count - i - 1) * sizeof(char *));
            memmove(article->extra_values.items + i, article->extra_values.items + i + 1,
                    (article->extra_values.count - i - 1) * sizeof(char *));
            article->extra_keys.count--;
            article->extra_values.count--;
        }
        return ARTCONV_OK;
    }
    if (!ac_text_is_clean(json, strlen(json)))
        return ac_error(err, ARTCONV_EINVALID, "extra %s is not clean text", key);
    /* Stored in jansson's compact form, so equal values compare equal. */
    value = json_loads(json, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &parse_error);
    if (value == NULL)
        return ac_error(err, ARTCONV_EINVALID, "extra %s is not JSON: %s", key, parse_error.text);
    compact = json_dumps(value, JSON_COMPACT | JSON_ENCODE_ANY | JSON_PRESERVE_ORDER);
    json_decref(value);
    if (compact == NULL)
        return ac_nomem(err);
    if (i < article->extra_keys.count) {
        free(article->extra_values.items[i]);
        article->extra_values.items[i] = compact;
        return ARTCONV_OK;
    }
    key_copy = ac_strndup(key, strlen(key));
    if (key_copy == NULL || list_reserve(&article->extra_keys) < 0 ||
        list_reserve(&article->extra_values) < 0) {
        free(key_copy);
        free(compact);
        return ac_nomem(err);
    }
    article->extra_keys.items[article->extra_keys.count++] = key_copy;
    article->extra_values.items[article->extra_values.count++] = compact;
    return ARTCONV_OK;
}

int artconv_article_set_meta_arg(artconv_article *article, const char *assignment,
                                 artconv_error *err)
{
    const char *eq = assignment == NULL ? NULL : strchr(assignment, '=');
    char key[32];
    size_t key_len;
    artconv_meta field;
    artconv_meta_list list;
    int rc;

    if (eq == NULL)
        return ac_error(err, ARTCONV_EINVALID, "metadata must be given as key=value");
    key_len = (size_t)(eq - assignment);
    if (key_len == 0 || key_len >= sizeof key)
        return ac_error(err, ARTCONV_EINVALID, "unknown metadata key '%.*s'",
                        (int)(key_len > 40 ? 40 : key_len), assignment);
    memcpy(key, assignment, key_len);
    key[key_len] = '\0';
    if (strcmp(key, "author") == 0)
        strcpy(key, "authors");
    if (artconv_meta_from_name(&field, key) == 0)
        return artconv_article_set(article, field, eq + 1, err);
    if (artconv_meta_list_from_name(&list, key) == 0) {
        const char *item = eq + 1;

        artconv_article_list_clear(article, list);
        /* A note to editors is prose: its commas do not separate values. */
        if (list == ARTCONV_LIST_EDNOTES)
            return list_add(article, list, item, strlen(item), 0, err);
        for (;;) {
            const char *comma = strchr(item, ',');
            size_t len = comma == NULL ? strlen(item) : (size_t)(comma - item);

            if ((rc = list_add(article, list, item, len, 0, err)) < 0)
                return rc;
            if (comma == NULL)
                break;
            item = comma + 1;
        }
        return ARTCONV_OK;
    }
    return ac_error(err, ARTCONV_EINVALID, "unknown metadata key '%s'", key);
}

/* --- the model check --------------------------------------------------------- */

static int check_text(const char *s, const char *what, const artconv_node *node, artconv_error *err)
{
    if (s != NULL && !ac_text_is_clean(s, strlen(s)))
        return ac_error(err, ARTCONV_EINVALID, "the %s of a %s is not clean text", what,
                        artconv_node_kind_name(artconv_node_get_kind(node)));
    return ARTCONV_OK;
}

static int check_node(const artconv_node *node, const artconv_node *root, artconv_error *err)
{
    const artconv_node *parent = artconv_node_parent(node);
    const artconv_node *prev = artconv_node_prev(node);
    const artconv_node *next = artconv_node_next(node);
    artconv_node_kind kind = artconv_node_get_kind(node);
    int rc;

    if (node != root) {
        if (parent == NULL)
            return ac_error(err, ARTCONV_EINVALID, "a %s has no parent",
                            artconv_node_kind_name(kind));
        if (!artconv_node_can_contain(artconv_node_get_kind(parent), kind))
            return ac_error(err, ARTCONV_EINVALID, "a %s holds a %s",
                            artconv_node_kind_name(artconv_node_get_kind(parent)),
                            artconv_node_kind_name(kind));
        if ((prev == NULL) != (artconv_node_first_child(parent) == node))
            return ac_error(err, ARTCONV_EINVALID, "broken first-child link");
        if ((next == NULL) != (artconv_node_last_child(parent) == node))
            return ac_error(err, ARTCONV_EINVALID, "broken last-child link");
        if ((prev != NULL && artconv_node_next(prev) != node) ||
            (next != NULL && artconv_node_prev(next) != node))
            return ac_error(err, ARTCONV_EINVALID, "broken sibling link");
    }
    if ((kind == ARTCONV_NODE_CAPTION || kind == ARTCONV_NODE_ATTRIBUTION) && prev != NULL &&
        artconv_node_get_kind(prev) == kind)
        return ac_error(err, ARTCONV_EINVALID, "more than one %s", artconv_node_kind_name(kind));
    if (kind == ARTCONV_NODE_ATTRIBUTION && next != NULL)
        return ac_error(err, ARTCONV_EINVALID, "an attribution must end its quote");
    if (kind == ARTCONV_NODE_HEADING &&
        (artconv_node_get_level(node) < 1 || artconv_node_get_level(node) > 6))
        return ac_error(err, ARTCONV_EINVALID, "heading level out of range");
    if ((kind == ARTCONV_NODE_RAW_HTML_BLOCK || kind == ARTCONV_NODE_RAW_HTML_INLINE) &&
        artconv_node_get_literal(node) != NULL &&
        !ac_raw_html_is_markup_only(artconv_node_get_literal(node),
                                    strlen(artconv_node_get_literal(node))))
        return ac_error(err, ARTCONV_EINVALID, "a %s holds text", artconv_node_kind_name(kind));
    if ((rc = check_text(artconv_node_get_literal(node), "literal", node, err)) < 0 ||
        (rc = check_text(artconv_node_get_info(node), "info", node, err)) < 0 ||
        (rc = check_text(artconv_node_get_url(node), "url", node, err)) < 0 ||
        (rc = check_text(artconv_node_get_title(node), "title", node, err)) < 0 ||
        (rc = check_text(artconv_node_get_alt(node), "alt", node, err)) < 0 ||
        (rc = check_text(artconv_node_get_credit(node), "credit", node, err)) < 0)
        return rc;
    return ARTCONV_OK;
}

int artconv_article_check(const artconv_article *article, artconv_error *err)
{
    artconv_iter it;
    artconv_event ev;
    size_t i;
    int list, rc;

    if (article == NULL)
        return ac_error(err, ARTCONV_EINVALID, "NULL article");
    if (artconv_node_get_kind(article->body) != ARTCONV_NODE_DOCUMENT ||
        artconv_node_parent(article->body) != NULL)
        return ac_error(err, ARTCONV_EINVALID, "the body is not a root document");
    for (i = 0; i < ARTCONV_META_COUNT; i++)
        if (article->meta[i] != NULL &&
            !ac_text_is_clean(article->meta[i], strlen(article->meta[i])))
            return ac_error(err, ARTCONV_EINVALID, "metadata %s is not clean text", meta_names[i]);
    for (list = 0; list < ARTCONV_LIST_COUNT; list++)
        for (i = 0; i < article->lists[list].count; i++)
            if (!ac_text_is_clean(article->lists[list].items[i],
                                  strlen(article->lists[list].items[i])))
                return ac_error(err, ARTCONV_EINVALID, "metadata %s is not clean text",
                                list_names[list]);
    for (list = 0; list < ARTCONV_CONCEPT_COUNT; list++)
        for (i = 0; i < article->concepts[list].count * AC_CONCEPT_FIELDS; i++)
            if (article->concepts[list].fields[i] != NULL &&
                !ac_text_is_clean(article->concepts[list].fields[i],
                                  strlen(article->concepts[list].fields[i])))
                return ac_error(err, ARTCONV_EINVALID, "metadata %s is not clean text",
                                artconv_concept_list_name((artconv_concept_list)list));
    artconv_iter_init(&it, article->body);
    while ((ev = artconv_iter_next(&it)) != ARTCONV_EVENT_DONE)
        if (ev == ARTCONV_EVENT_ENTER &&
            (rc = check_node(artconv_iter_node(&it), article->body, err)) < 0)
            return rc;
    return ARTCONV_OK;
}
