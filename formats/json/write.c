/*
 * json_write.c - the article model as JSON (docs/json.md describes the shape):
 *
 *   {"meta": {"title": ..., "authors": [...], ..., "image": {...}},
 *    "body": [{"type": "paragraph", "children": [...]}, ...]}
 *
 * The JSON is written straight into the caller's buffer while the model's
 * iterator walks the body, with one flag per open "children" array (does
 * it have an item yet?).  Building a jansson tree first cost about 350
 * times the input for a page of small links; now the only memory is the
 * output itself.  The layout is jansson's JSON_INDENT(2) with keys in
 * order, byte for byte, so files written before stay the same; jansson
 * still parses and dumps the extra metadata values, which are small.
 *
 * Below AC_JSON_INDENT_LEVELS the JSON is written compactly, without line
 * breaks: each level of nesting added four spaces to every line below it,
 * so 600 KB of nested Markdown emphasis made 647 MB of JSON.  No real
 * article nests that deep (a node 16 levels down sits at JSON level 32;
 * the deepest of 764 test and corpus files reaches level 19).
 */
#include "format_entries.h"
#include "internal.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

/* For the extra values: indented, keys in the order they were added; UTF-8
 * is written as it is (no JSON_ENSURE_ASCII) and "/" is not escaped (no
 * JSON_ESCAPE_SLASH).  The writer's own strings follow the same rules. */
#define DUMP_FLAGS (JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY)

/* Two spaces a level, as JSON_INDENT(2), down to level 32. */
#define INDENT_WIDTH          2
#define AC_JSON_INDENT_LEVELS 32

/* "meta" lists the fields in ac_meta_order (src/article.c); the lead image is
 * one object, "image", rather than four dotted keys, so that a JSON consumer
 * gets it in one piece. */

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

typedef struct {
    artconv_buf *out;
    int failed; /* out of memory: every later put is skipped */
} writer;

static void put(writer *w, const char *s, size_t len)
{
    if (!w->failed && artconv_buf_put(w->out, s, len) < 0)
        w->failed = 1;
}

static void puts_(writer *w, const char *s)
{
    put(w, s, strlen(s));
}

/* A newline and the indentation of `level`; nothing deeper than
 * AC_JSON_INDENT_LEVELS, where the JSON goes on compactly. */
static void newline(writer *w, size_t level)
{
    static const char spaces[] = "                                "; /* 32 */
    size_t n = level * INDENT_WIDTH;

    if (level > AC_JSON_INDENT_LEVELS)
        return;
    put(w, "\n", 1);
    while (n > 0) {
        size_t k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;

        put(w, spaces, k);
        n -= k;
    }
}

/* A JSON string (RFC 8259 section 7), escaped as jansson does: quote,
 * backslash and the C0 controls only; \b \f \n \r \t by name, the others
 * as \u00XX in capitals.  The model holds valid UTF-8, written as it is. */
static void put_quoted(writer *w, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    const char *run = s;

    put(w, "\"", 1);
    for (; *s != '\0'; s++) {
        unsigned char c = (unsigned char)*s;
        char esc[6] = {'\\', 'u', '0', '0', 0, 0};
        size_t n = 2;

        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        put(w, run, (size_t)(s - run));
        run = s + 1;
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\b': esc[1] = 'b'; break;
        case '\f': esc[1] = 'f'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        default:
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            n = 6;
        }
        put(w, esc, n);
    }
    put(w, run, (size_t)(s - run));
    put(w, "\"", 1);
}

/* Members of one object: `first` says whether one was written yet. */
typedef struct {
    size_t level; /* of the members */
    int first;
} object;

static void key(writer *w, object *o, const char *name)
{
    if (!o->first)
        put(w, ",", 1);
    o->first = 0;
    newline(w, o->level);
    put_quoted(w, name);
    put(w, ": ", 2);
}

/* Adds key: value unless the string is unset or empty. */
static void put_string(writer *w, object *o, const char *name, const char *value)
{
    if (value == NULL || value[0] == '\0')
        return;
    key(w, o, name);
    put_quoted(w, value);
}

static void put_int(writer *w, object *o, const char *name, int value)
{
    char num[24];

    key(w, o, name);
    snprintf(num, sizeof num, "%d", value);
    puts_(w, num);
}

static void put_bool(writer *w, object *o, const char *name, int value)
{
    key(w, o, name);
    puts_(w, value ? "true" : "false");
}

/* Closes an object or array opened at `level` whose members are at
 * level + 1; an empty one stays "{}" or "[]". */
static void close_at(writer *w, size_t level, int empty, const char *bracket)
{
    if (!empty)
        newline(w, level);
    puts_(w, bracket);
}

/* Adds key: [values...] unless the list is empty. */
static void put_list(writer *w, object *o, const artconv_article *a, artconv_meta_list list)
{
    size_t i, n = artconv_article_list_count(a, list);

    if (n == 0)
        return;
    key(w, o, artconv_meta_list_name(list));
    put(w, "[", 1);
    for (i = 0; i < n; i++) {
        if (i > 0)
            put(w, ",", 1);
        newline(w, o->level + 1);
        put_quoted(w, artconv_article_list_get(a, list, i));
    }
    close_at(w, o->level, 0, "]");
}

/* Adds each concept list as "subjects": [{"code": ..., "name": ...}, ...]
 * unless it is empty; a value's unset strings are left out. */
static void put_concepts(writer *w, object *o, const artconv_article *a)
{
    int list;
    size_t i, n;

    for (list = 0; list < ARTCONV_CONCEPT_COUNT; list++) {
        n = artconv_article_concept_count(a, (artconv_concept_list)list);
        if (n == 0)
            continue;
        key(w, o, artconv_concept_list_name((artconv_concept_list)list));
        put(w, "[", 1);
        for (i = 0; i < n; i++) {
            object value = {o->level + 2, 1};
            artconv_concept c;

            artconv_article_concept_get(&c, a, (artconv_concept_list)list, i);
            if (i > 0)
                put(w, ",", 1);
            newline(w, o->level + 1);
            put(w, "{", 1);
            put_string(w, &value, "code", c.code);
            put_string(w, &value, "name", c.name);
            put_string(w, &value, "scheme", c.scheme);
            put_string(w, &value, "role", c.role);
            close_at(w, o->level + 1, 0, "}");
        }
        close_at(w, o->level, 0, "]");
    }
}

/* Adds "image": {...} when any of the lead image's fields is set. */
static void put_image(writer *w, object *o, const artconv_article *a)
{
    object image = {o->level + 1, 1};
    size_t i;
    int any = 0;

    for (i = 0; i < ac_meta_image_key_count; i++) {
        const char *v = artconv_article_get(a, ac_meta_image_keys[i].field);

        if (v != NULL && v[0] != '\0')
            any = 1;
    }
    if (!any)
        return;
    key(w, o, "image");
    put(w, "{", 1);
    for (i = 0; i < ac_meta_image_key_count; i++)
        put_string(w, &image, ac_meta_image_keys[i].key,
                   artconv_article_get(a, ac_meta_image_keys[i].field));
    close_at(w, o->level, 0, "}");
}

static int dump_chunk(const char *chunk, size_t size, void *data)
{
    writer *w = data;
    const char *nl;

    /* jansson indents from level 0; in "meta" the value sits deeper, so
     * each of its newlines (never inside a string: those are escaped)
     * gets the members' indentation added. */
    while ((nl = memchr(chunk, '\n', size)) != NULL) {
        put(w, chunk, (size_t)(nl - chunk));
        newline(w, 2);
        size -= (size_t)(nl - chunk) + 1;
        chunk = nl + 1;
    }
    put(w, chunk, size);
    return w->failed ? -1 : 0;
}

/* Extra fields (unknown front-matter keys...) follow the canonical ones, in
 * their order, as the JSON values they are. */
static int put_extra(writer *w, object *o, const artconv_article *a)
{
    size_t i;

    for (i = 0; i < artconv_article_extra_count(a); i++) {
        json_t *value = json_loads(artconv_article_extra_value(a, i), JSON_DECODE_ANY, NULL);
        int rc;

        if (value == NULL)
            return ARTCONV_ENOMEM;
        key(w, o, artconv_article_extra_key(a, i));
        rc = json_dump_callback(value, dump_chunk, w, DUMP_FLAGS);
        json_decref(value);
        if (rc < 0)
            return ARTCONV_ENOMEM;
    }
    return ARTCONV_OK;
}

/* "meta": {...}, the value at level 1 and its members at level 2. */
static int write_meta(writer *w, object *root, const artconv_article *a)
{
    object meta = {2, 1};
    size_t i;
    int rc;

    key(w, root, "meta");
    put(w, "{", 1);
    for (i = 0; i < ac_meta_order_count; i++) {
        const ac_meta_slot *slot = &ac_meta_order[i];

        if (slot->is_list)
            put_list(w, &meta, a, (artconv_meta_list)slot->field);
        else
            put_string(w, &meta, artconv_meta_name((artconv_meta)slot->field),
                       artconv_article_get(a, (artconv_meta)slot->field));
    }
    put_concepts(w, &meta, a);
    put_image(w, &meta, a);
    if ((rc = put_extra(w, &meta, a)) < 0)
        return rc;
    close_at(w, 1, meta.first, "}");
    return ARTCONV_OK;
}

/* Adds the data a node of this kind carries, after its "type".  Numbers and
 * flags are always written (they always have a value); strings only when
 * set and not empty. */
static void put_node_data(writer *w, object *o, const artconv_node *node)
{
    switch (artconv_node_get_kind(node)) {
    case ARTCONV_NODE_HEADING:
        put_int(w, o, "level", artconv_node_get_level(node));
        break;
    case ARTCONV_NODE_LIST:
        put_bool(w, o, "ordered", artconv_node_get_list_ordered(node));
        put_int(w, o, "start", artconv_node_get_list_start(node));
        put_bool(w, o, "tight", artconv_node_get_list_tight(node));
        break;
    case ARTCONV_NODE_CODE_BLOCK:
        put_string(w, o, "info", artconv_node_get_info(node));
        put_string(w, o, "text", artconv_node_get_literal(node));
        break;
    case ARTCONV_NODE_TEXT:
    case ARTCONV_NODE_CODE:
        put_string(w, o, "text", artconv_node_get_literal(node));
        break;
    case ARTCONV_NODE_LINK:
        put_string(w, o, "url", artconv_node_get_url(node));
        put_string(w, o, "title", artconv_node_get_title(node));
        break;
    case ARTCONV_NODE_IMAGE:
        put_string(w, o, "url", artconv_node_get_url(node));
        put_string(w, o, "alt", artconv_node_get_alt(node));
        put_string(w, o, "title", artconv_node_get_title(node));
        break;
    case ARTCONV_NODE_FIGURE:
        put_string(w, o, "url", artconv_node_get_url(node));
        put_string(w, o, "alt", artconv_node_get_alt(node));
        put_string(w, o, "credit", artconv_node_get_credit(node));
        break;
    case ARTCONV_NODE_TABLE_ROW:
        put_bool(w, o, "header", artconv_node_get_header(node));
        break;
    case ARTCONV_NODE_RAW_HTML_BLOCK:
    case ARTCONV_NODE_RAW_HTML_INLINE:
        put_string(w, o, "html", artconv_node_get_literal(node));
        break;
    default:
        break;
    }
}

/* "body": [...] with the blocks below `root`.  A node at depth d (1 for a
 * block of the body) is an object at level 2d; empty[d] says whether the
 * "children" array of the open node at depth d has no item yet (empty[0]
 * is the body array). */
static int write_body(writer *w, object *root_obj, const artconv_node *root, artconv_error *err)
{
    unsigned char empty[ARTCONV_MAX_DEPTH + 1];
    size_t depth = 0;
    artconv_iter it;
    artconv_event ev;

    key(w, root_obj, "body");
    put(w, "[", 1);
    empty[0] = 1;
    artconv_iter_init(&it, root);
    while ((ev = artconv_iter_next(&it)) != ARTCONV_EVENT_DONE) {
        const artconv_node *node = artconv_iter_node(&it);
        artconv_node_kind kind = artconv_node_get_kind(node);
        object obj = {2 * (depth + 1) + 1, 1};

        if (node == root)
            continue;
        if (ev == ARTCONV_EVENT_EXIT) {
            /* the node at `depth` closes its children and itself */
            close_at(w, 2 * depth + 1, empty[depth], "]");
            depth--;
            newline(w, 2 * (depth + 1));
            put(w, "}", 1);
            continue;
        }
        if (!empty[depth])
            put(w, ",", 1);
        empty[depth] = 0;
        newline(w, 2 * (depth + 1));
        put(w, "{", 1);
        put_string(w, &obj, "type", artconv_node_kind_name(kind));
        put_node_data(w, &obj, node);
        if (artconv_node_kind_is_leaf(kind)) {
            newline(w, 2 * (depth + 1));
            put(w, "}", 1);
            continue;
        }
        /* artconv_write caps the depth before calling us; this keeps a
         * direct caller from overrunning the stack array all the same. */
        if (depth + 1 >= COUNT(empty))
            return ac_error(err, ARTCONV_ELIMIT, "the article is nested deeper than %d levels",
                            ARTCONV_MAX_DEPTH);
        key(w, &obj, "children");
        put(w, "[", 1);
        empty[++depth] = 1;
    }
    close_at(w, 1, empty[0], "]");
    return ARTCONV_OK;
}

int ac_json_write(artconv_buf *out, const artconv_article *article,
                  const artconv_write_options *opts, artconv_error *err)
{
    writer w = {out, 0};
    object root = {1, 1};
    size_t old_len = out->len;
    int rc;

    (void)opts;
    put(&w, "{", 1);
    if ((rc = write_meta(&w, &root, article)) < 0)
        rc = ac_nomem(err);
    else
        rc = write_body(&w, &root, artconv_article_body(article), err);
    if (rc == 0) {
        close_at(&w, 0, 0, "}");
        put(&w, "\n", 1);
        if (w.failed)
            rc = ac_nomem(err);
    }
    /* On failure `out` keeps what it held before. */
    if (rc < 0) {
        out->len = old_len;
        if (out->ptr != NULL)
            out->ptr[old_len] = '\0';
    }
    return rc;
}
