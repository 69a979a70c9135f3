/*
 * json_write.c - the article model as JSON (docs/json.md describes the shape):
 *
 *   {"meta": {"title": ..., "authors": [...], ..., "image": {...}},
 *    "body": [{"type": "paragraph", "children": [...]}, ...]}
 *
 * The jansson tree is built with the model's iterator and an explicit stack
 * of open "children" arrays, then dumped once into the caller's buffer.
 * Every value is attached to the tree as soon as it is made, so releasing
 * the root releases everything on every path.
 */
#include "internal.h"

#include <jansson.h>

/* Indented, keys in the order they were added; UTF-8 is written as it is
 * (no JSON_ENSURE_ASCII) and "/" is not escaped (no JSON_ESCAPE_SLASH). */
#define DUMP_FLAGS (JSON_INDENT(2) | JSON_PRESERVE_ORDER)

/* The order of the keys in "meta".  It follows how a reader meets the
 * fields: headline, standfirst and byline first, housekeeping last. */
typedef struct {
    int is_list;
    int field; /* an artconv_meta, or an artconv_meta_list if is_list */
} meta_slot;

static const meta_slot meta_order[] = {
    {0, ARTCONV_META_TITLE},    {0, ARTCONV_META_SUBTITLE},    {1, ARTCONV_LIST_AUTHORS},
    {0, ARTCONV_META_DATE},     {0, ARTCONV_META_MODIFIED},    {0, ARTCONV_META_DATELINE},
    {0, ARTCONV_META_LANGUAGE}, {0, ARTCONV_META_PUBLISHER},   {0, ARTCONV_META_SECTION},
    {1, ARTCONV_LIST_KEYWORDS}, {0, ARTCONV_META_DESCRIPTION}, {0, ARTCONV_META_CREDIT},
    {0, ARTCONV_META_RIGHTS},   {0, ARTCONV_META_SOURCE},      {0, ARTCONV_META_ID},
    {0, ARTCONV_META_PUBSTATUS}, {0, ARTCONV_META_EMBARGOED},
};

/* The lead image is one object, "image", rather than four dotted keys, so
 * that a JSON consumer gets it in one piece. */
typedef struct {
    const char *key;
    artconv_meta field;
} image_slot;

static const image_slot image_keys[] = {
    {"src", ARTCONV_META_IMAGE},
    {"alt", ARTCONV_META_IMAGE_ALT},
    {"caption", ARTCONV_META_IMAGE_CAPTION},
    {"credit", ARTCONV_META_IMAGE_CREDIT},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* jansson's *_set_new and *_append_new take ownership of the value even
 * when they fail, and fail cleanly when handed NULL, so a constructor can
 * be passed straight in: the only failure left is running out of memory. */

/* Adds key: value unless the string is unset or empty. */
static int put_string(json_t *obj, const char *key, const char *value)
{
    if (value == NULL || value[0] == '\0')
        return ARTCONV_OK;
    return json_object_set_new(obj, key, json_string(value)) < 0 ? ARTCONV_ENOMEM : ARTCONV_OK;
}

static int put_int(json_t *obj, const char *key, int value)
{
    return json_object_set_new(obj, key, json_integer(value)) < 0 ? ARTCONV_ENOMEM : ARTCONV_OK;
}

static int put_bool(json_t *obj, const char *key, int value)
{
    return json_object_set_new(obj, key, json_boolean(value)) < 0 ? ARTCONV_ENOMEM : ARTCONV_OK;
}

/* Adds key: [values...] unless the list is empty. */
static int put_list(json_t *obj, const artconv_article *a, artconv_meta_list list)
{
    size_t i, n = artconv_article_list_count(a, list);
    json_t *arr;

    if (n == 0)
        return ARTCONV_OK;
    arr = json_array();
    if (json_object_set_new(obj, artconv_meta_list_name(list), arr) < 0)
        return ARTCONV_ENOMEM;
    for (i = 0; i < n; i++)
        if (json_array_append_new(arr, json_string(artconv_article_list_get(a, list, i))) < 0)
            return ARTCONV_ENOMEM;
    return ARTCONV_OK;
}

/* Adds "image": {...} when any of the lead image's fields is set. */
static int put_image(json_t *obj, const artconv_article *a)
{
    json_t *image;
    size_t i;
    int rc, any = 0;

    for (i = 0; i < COUNT(image_keys); i++) {
        const char *v = artconv_article_get(a, image_keys[i].field);

        if (v != NULL && v[0] != '\0')
            any = 1;
    }
    if (!any)
        return ARTCONV_OK;
    image = json_object();
    if (json_object_set_new(obj, "image", image) < 0)
        return ARTCONV_ENOMEM;
    for (i = 0; i < COUNT(image_keys); i++)
        if ((rc = put_string(image, image_keys[i].key,
                             artconv_article_get(a, image_keys[i].field))) < 0)
            return rc;
    return ARTCONV_OK;
}

/* Fills the empty object `meta` with the article's metadata. */
/* Extra fields (unknown front-matter keys...) follow the canonical ones, in
 * their order, as the JSON values they are. */
static int put_extra(json_t *meta, const artconv_article *a)
{
    size_t i;

    for (i = 0; i < artconv_article_extra_count(a); i++) {
        json_t *value = json_loads(artconv_article_extra_value(a, i), JSON_DECODE_ANY, NULL);

        if (value == NULL || json_object_set_new(meta, artconv_article_extra_key(a, i), value) < 0)
            return ARTCONV_ENOMEM;
    }
    return ARTCONV_OK;
}

static int build_meta(json_t *meta, const artconv_article *a)
{
    size_t i;
    int rc;

    for (i = 0; i < COUNT(meta_order); i++) {
        const meta_slot *slot = &meta_order[i];

        if (slot->is_list)
            rc = put_list(meta, a, (artconv_meta_list)slot->field);
        else
            rc = put_string(meta, artconv_meta_name((artconv_meta)slot->field),
                            artconv_article_get(a, (artconv_meta)slot->field));
        if (rc < 0)
            return rc;
    }
    if ((rc = put_image(meta, a)) < 0)
        return rc;
    return put_extra(meta, a);
}

/* Adds the data a node of this kind carries, after its "type".  Numbers and
 * flags are always written (they always have a value); strings only when
 * set and not empty. */
static int put_node_data(json_t *obj, const artconv_node *node)
{
    int rc = ARTCONV_OK;

    switch (artconv_node_get_kind(node)) {
    case ARTCONV_NODE_HEADING:
        rc = put_int(obj, "level", artconv_node_get_level(node));
        break;
    case ARTCONV_NODE_LIST:
        if ((rc = put_bool(obj, "ordered", artconv_node_get_list_ordered(node))) < 0 ||
            (rc = put_int(obj, "start", artconv_node_get_list_start(node))) < 0)
            break;
        rc = put_bool(obj, "tight", artconv_node_get_list_tight(node));
        break;
    case ARTCONV_NODE_CODE_BLOCK:
        if ((rc = put_string(obj, "info", artconv_node_get_info(node))) < 0)
            break;
        rc = put_string(obj, "text", artconv_node_get_literal(node));
        break;
    case ARTCONV_NODE_TEXT:
    case ARTCONV_NODE_CODE:
        rc = put_string(obj, "text", artconv_node_get_literal(node));
        break;
    case ARTCONV_NODE_LINK:
        if ((rc = put_string(obj, "url", artconv_node_get_url(node))) < 0)
            break;
        rc = put_string(obj, "title", artconv_node_get_title(node));
        break;
    case ARTCONV_NODE_IMAGE:
        if ((rc = put_string(obj, "url", artconv_node_get_url(node))) < 0 ||
            (rc = put_string(obj, "alt", artconv_node_get_alt(node))) < 0)
            break;
        rc = put_string(obj, "title", artconv_node_get_title(node));
        break;
    case ARTCONV_NODE_FIGURE:
        if ((rc = put_string(obj, "url", artconv_node_get_url(node))) < 0 ||
            (rc = put_string(obj, "alt", artconv_node_get_alt(node))) < 0)
            break;
        rc = put_string(obj, "credit", artconv_node_get_credit(node));
        break;
    case ARTCONV_NODE_TABLE_ROW:
        rc = put_bool(obj, "header", artconv_node_get_header(node));
        break;
    case ARTCONV_NODE_RAW_HTML_BLOCK:
    case ARTCONV_NODE_RAW_HTML_INLINE:
        rc = put_string(obj, "html", artconv_node_get_literal(node));
        break;
    default:
        break;
    }
    return rc;
}

/* Fills the empty array `body` with the blocks below `root`.  open[d] is
 * the "children" array that receives nodes at depth d + 1. */
static int build_body(json_t *body, const artconv_node *root, artconv_error *err)
{
    json_t *open[ARTCONV_MAX_DEPTH + 1];
    size_t depth = 0;
    artconv_iter it;
    artconv_event ev;

    open[0] = body;
    artconv_iter_init(&it, root);
    while ((ev = artconv_iter_next(&it)) != ARTCONV_EVENT_DONE) {
        const artconv_node *node = artconv_iter_node(&it);
        artconv_node_kind kind = artconv_node_get_kind(node);
        json_t *obj, *children;

        if (node == root)
            continue;
        if (ev == ARTCONV_EVENT_EXIT) {
            depth--;
            continue;
        }
        obj = json_object();
        if (json_array_append_new(open[depth], obj) < 0 ||
            json_object_set_new(obj, "type", json_string(artconv_node_kind_name(kind))) < 0)
            return ac_nomem(err);
        if (put_node_data(obj, node) < 0)
            return ac_nomem(err);
        if (artconv_node_kind_is_leaf(kind))
            continue;
        /* artconv_write caps the depth before calling us; this keeps a
         * direct caller from overrunning the stack array all the same. */
        if (depth + 1 >= COUNT(open))
            return ac_error(err, ARTCONV_ELIMIT, "the article is nested deeper than %d levels",
                            ARTCONV_MAX_DEPTH);
        children = json_array();
        if (json_object_set_new(obj, "children", children) < 0)
            return ac_nomem(err);
        open[++depth] = children;
    }
    return ARTCONV_OK;
}

static int append_chunk(const char *chunk, size_t size, void *data)
{
    return artconv_buf_put(data, chunk, size) < 0 ? -1 : 0;
}

/* Dumps `json` and a final newline into `out`; on failure `out` keeps what
 * it held before. */
static int dump(artconv_buf *out, const json_t *json, artconv_error *err)
{
    size_t old_len = out->len;

    if (json_dump_callback(json, append_chunk, out, DUMP_FLAGS) < 0 ||
        artconv_buf_putc(out, '\n') < 0) {
        out->len = old_len;
        if (out->ptr != NULL)
            out->ptr[old_len] = '\0';
        return ac_nomem(err);
    }
    return ARTCONV_OK;
}

int ac_json_write(artconv_buf *out, const artconv_article *article,
                  const artconv_write_options *opts, artconv_error *err)
{
    json_t *root, *meta, *body;
    int rc;

    (void)opts;
    root = json_object();
    if (root == NULL)
        return ac_nomem(err);
    meta = json_object();
    if (json_object_set_new(root, "meta", meta) < 0) {
        rc = ac_nomem(err);
        goto cleanup;
    }
    body = json_array();
    if (json_object_set_new(root, "body", body) < 0 || build_meta(meta, article) < 0) {
        rc = ac_nomem(err);
        goto cleanup;
    }
    AC_CHECK(build_body(body, artconv_article_body(article), err));
    AC_CHECK(dump(out, root, err));
cleanup:
    json_decref(root);
    return rc;
}
