/*
 * read_body.c - the "body" array of artconv's JSON into the model's tree.
 *
 * Each node is {"type": ..., its data (docs/json.md), "children": [...]}.
 * A block smaller than AC_JSON_WHOLE_VALUE bytes is parsed by jansson at
 * once and its tree copied into the model; a larger one is opened member
 * by member and its children taken one by one the same way.  Both walks
 * keep their own stack, so nothing recurses over the input's depth, and
 * the depth is held to ARTCONV_MAX_DEPTH as every reader holds it.
 *
 * The model's rules are the reader's: a node the model does not allow
 * where it stands (a paragraph in a paragraph) is an error with its
 * position, an unsafe URL is dropped as the other readers drop it, and
 * raw HTML that is not inert (src/raw_html.h) is left out with a warning.
 */
#include "read.h"

#include "raw_html.h"
#include "url.h"

#include <stdlib.h>
#include <string.h>

/* Counts what was left out, for one warning each at the end. */
typedef struct {
    ac_json_reader *r;
    size_t unsafe_urls, unsafe_html, unknown_members;
} body_reader;

/* --- one node ------------------------------------------------------------------ */

static int want(body_reader *b, const json_t *v, int ok, ac_json_span at, const char *what,
                const char *key)
{
    if (v == NULL || ok)
        return 0;
    return ac_json_fail(b->r, at.start, "\"%s\" must be %s", key, what);
}

/* A string member, or NULL when it is absent; an error when not a string. */
static int get_string(body_reader *b, const json_t *o, const char *key, ac_json_span at,
                      const char **out)
{
    const json_t *v = json_object_get(o, key);

    *out = json_string_value(v);
    return want(b, v, json_is_string(v), at, "a string", key);
}

static int get_int(body_reader *b, const json_t *o, const char *key, ac_json_span at, int fallback,
                   int *out)
{
    const json_t *v = json_object_get(o, key);
    int rc = want(b, v, json_is_integer(v), at, "a whole number", key);

    *out = fallback;
    if (rc == 0 && v != NULL) {
        json_int_t n = json_integer_value(v);

        *out = n < -1000000 ? -1000000 : n > 1000000 ? 1000000 : (int)n;
    }
    return rc;
}

static int get_bool(body_reader *b, const json_t *o, const char *key, ac_json_span at, int fallback,
                    int *out)
{
    const json_t *v = json_object_get(o, key);
    int rc = want(b, v, json_is_boolean(v), at, "true or false", key);

    *out = v != NULL && rc == 0 ? json_is_true(v) : fallback;
    return rc;
}

static int set_url(body_reader *b, artconv_node *node, const char *url, int image)
{
    if (url == NULL)
        return 0;
    if (!ac_url_is_safe(url, strlen(url), image)) {
        b->unsafe_urls++;
        return 0;
    }
    return artconv_node_set_url(node, url, b->r->err);
}

/* The members each kind carries (json/write.c's put_node_data). */
static const char *const known_members[] = {"type",  "children", "level",  "ordered", "start",
                                            "tight", "info",     "text",   "url",     "title",
                                            "alt",   "credit",   "header", "html",    NULL};

static void note_unknown(body_reader *b, const json_t *o)
{
    const char *key;
    const json_t *v;
    size_t i;

    json_object_foreach((json_t *)o, key, v)
    {
        for (i = 0; known_members[i] != NULL && strcmp(known_members[i], key) != 0; i++)
            ;
        b->unknown_members += known_members[i] == NULL;
    }
    (void)v;
}

/* set_data's answer for a node that is left out. */
#define LEFT_OUT 1

/* The node's data from `o` (its members but "children"); LEFT_OUT for raw
 * HTML that may not stay. */
static int set_data(body_reader *b, artconv_node *node, const json_t *o, ac_json_span at)
{
    artconv_error *err = b->r->err;
    const char *s = NULL, *t = NULL, *u = NULL;
    int n, ordered, start, tight, rc = 0;

    switch (artconv_node_get_kind(node)) {
    case ARTCONV_NODE_HEADING:
        if ((rc = get_int(b, o, "level", at, 1, &n)) == 0)
            rc = artconv_node_set_level(node, n, err);
        break;
    case ARTCONV_NODE_LIST:
        if ((rc = get_bool(b, o, "ordered", at, 0, &ordered)) == 0 &&
            (rc = get_int(b, o, "start", at, 1, &start)) == 0 &&
            (rc = get_bool(b, o, "tight", at, 1, &tight)) == 0)
            rc = artconv_node_set_list(node, ordered, start, tight, err);
        break;
    case ARTCONV_NODE_CODE_BLOCK:
        if ((rc = get_string(b, o, "info", at, &s)) == 0 && s != NULL)
            rc = artconv_node_set_info(node, s, err);
        if (rc == 0 && (rc = get_string(b, o, "text", at, &t)) == 0 && t != NULL)
            rc = artconv_node_set_literal(node, t, err);
        break;
    case ARTCONV_NODE_TEXT:
    case ARTCONV_NODE_CODE:
        if ((rc = get_string(b, o, "text", at, &t)) == 0 && t != NULL)
            rc = artconv_node_set_literal(node, t, err);
        break;
    case ARTCONV_NODE_LINK:
        if ((rc = get_string(b, o, "url", at, &u)) == 0 && (rc = set_url(b, node, u, 0)) == 0 &&
            (rc = get_string(b, o, "title", at, &t)) == 0 && t != NULL)
            rc = artconv_node_set_title(node, t, err);
        break;
    case ARTCONV_NODE_IMAGE:
    case ARTCONV_NODE_FIGURE:
        if ((rc = get_string(b, o, "url", at, &u)) == 0 && (rc = set_url(b, node, u, 1)) == 0 &&
            (rc = get_string(b, o, "alt", at, &s)) == 0 && s != NULL)
            rc = artconv_node_set_alt(node, s, err);
        if (rc == 0 && artconv_node_get_kind(node) == ARTCONV_NODE_IMAGE &&
            (rc = get_string(b, o, "title", at, &t)) == 0 && t != NULL)
            rc = artconv_node_set_title(node, t, err);
        if (rc == 0 && artconv_node_get_kind(node) == ARTCONV_NODE_FIGURE &&
            (rc = get_string(b, o, "credit", at, &t)) == 0 && t != NULL)
            rc = artconv_node_set_credit(node, t, err);
        break;
    case ARTCONV_NODE_TABLE_ROW:
        if ((rc = get_bool(b, o, "header", at, 0, &n)) == 0)
            rc = artconv_node_set_header(node, n, err);
        break;
    case ARTCONV_NODE_RAW_HTML_BLOCK:
    case ARTCONV_NODE_RAW_HTML_INLINE:
        /* Raw HTML that holds text, could run script or changes how a page
         * parses stays out (the model refuses text in it). */
        if ((rc = get_string(b, o, "html", at, &s)) == 0 && s != NULL) {
            if (ac_raw_html_is_markup_only(s, strlen(s)) && ac_raw_html_is_inert(s, strlen(s)))
                rc = artconv_node_set_literal(node, s, err);
            else
                rc = LEFT_OUT;
        }
        break;
    default:
        break;
    }
    if (rc == ARTCONV_EINVALID)
        rc = ac_json_fail(b->r, at.start, "%s",
                          err != NULL ? err->message : "a value the model refuses");
    return rc;
}

/* Makes the node `o` describes, under `parent` at `depth`.  `*out` is NULL
 * when the node is left out (raw HTML that is not inert). */
static int make_node(body_reader *b, const json_t *o, ac_json_span at, artconv_node *parent,
                     size_t depth, artconv_node **out)
{
    const char *type;
    artconv_node_kind kind, parent_kind = artconv_node_get_kind(parent);
    artconv_node *node;
    int rc;

    *out = NULL;
    if (!json_is_object(o))
        return ac_json_fail(b->r, at.start, "expected a node: an object with a \"type\"");
    if ((type = json_string_value(json_object_get(o, "type"))) == NULL)
        return ac_json_fail(b->r, at.start, "a node without a \"type\"");
    kind = artconv_node_kind_from_name(type);
    if (kind == ARTCONV_NODE_NONE || kind == ARTCONV_NODE_DOCUMENT)
        return ac_json_fail(b->r, at.start, "unknown node type \"%s\"", type);
    if (!artconv_node_can_contain(parent_kind, kind))
        return ac_json_fail(
            b->r, at.start, "a %s cannot stand in a %s", type,
            parent_kind == ARTCONV_NODE_DOCUMENT ? "body" : artconv_node_kind_name(parent_kind));
    if (depth > ARTCONV_MAX_DEPTH)
        return ac_error_at(b->r->err, ARTCONV_ELIMIT, 0, 0, at.start,
                           "the article nests deeper than %d levels", ARTCONV_MAX_DEPTH);
    if ((node = artconv_node_new(kind)) == NULL)
        return ac_nomem(b->r->err);
    if ((rc = set_data(b, node, o, at)) != 0) {
        artconv_node_free(node);
        b->unsafe_html += rc == LEFT_OUT;
        return rc == LEFT_OUT ? 0 : rc;
    }
    note_unknown(b, o);
    if ((rc = artconv_node_append(parent, node, b->r->err)) < 0) {
        artconv_node_free(node);
        return rc == ARTCONV_EINVALID ? ac_json_fail(b->r, at.start, "%s", b->r->err->message) : rc;
    }
    *out = node;
    return 0;
}

/* The node's "children": NULL for none; an error when not an array, or
 * when a leaf has some. */
static int children_of(body_reader *b, const json_t *o, const artconv_node *node, ac_json_span at,
                       const json_t **out)
{
    const json_t *c = json_object_get(o, "children");
    int rc = want(b, c, json_is_array(c), at, "an array", "children");

    *out = rc == 0 ? c : NULL;
    if (rc == 0 && c != NULL && json_array_size(c) > 0 &&
        artconv_node_kind_is_leaf(artconv_node_get_kind(node)))
        return ac_json_fail(b->r, at.start, "a %s has no children",
                            artconv_node_kind_name(artconv_node_get_kind(node)));
    return rc;
}

/* --- a block parsed whole ------------------------------------------------------ */

typedef struct {
    const json_t *children;
    size_t next;
    artconv_node *node;
} tree_frame;

/* Copies the jansson tree `o` (a node) under `parent` at `depth`.  The
 * errors give the position of the block: jansson keeps no offsets. */
static int copy_tree(body_reader *b, const json_t *o, ac_json_span at, artconv_node *parent,
                     size_t depth)
{
    tree_frame *stack = NULL, *f;
    size_t n = 0, cap = 0;
    artconv_node *node;
    const json_t *children;
    int rc;

    if ((rc = make_node(b, o, at, parent, depth, &node)) < 0 || node == NULL)
        return rc;
    if ((rc = children_of(b, o, node, at, &children)) < 0 || children == NULL)
        return rc;
    for (;;) {
        if (children != NULL) {
            if (n == cap) {
                size_t ncap = cap == 0 ? 16 : cap * 2;
                tree_frame *grown = realloc(stack, ncap * sizeof *stack);

                if (grown == NULL) {
                    rc = ac_nomem(b->r->err);
                    break;
                }
                stack = grown;
                cap = ncap;
            }
            stack[n].children = children;
            stack[n].next = 0;
            stack[n].node = node;
            n++;
            children = NULL;
        }
        if (n == 0)
            break;
        f = &stack[n - 1];
        if (f->next == json_array_size(f->children)) {
            n--;
            continue;
        }
        o = json_array_get(f->children, f->next++);
        if ((rc = make_node(b, o, at, f->node, depth + n, &node)) < 0)
            break;
        if (node != NULL && (rc = children_of(b, o, node, at, &children)) < 0)
            break;
    }
    free(stack);
    return rc;
}

/* --- a block opened member by member ------------------------------------------ */

typedef struct {
    ac_json_cursor children;
    artconv_node *node;
} span_frame;

/* Reads the members of the large object at `at` but "children" into one
 * small jansson object, and finds where its "children" are. */
static int open_large(body_reader *b, ac_json_span at, json_t **data, ac_json_span *children,
                      int *has_children)
{
    ac_json_cursor c;
    ac_json_span key, value;
    int rc;

    *has_children = 0;
    if ((*data = json_object()) == NULL)
        return ac_nomem(b->r->err);
    if ((rc = ac_json_open(b->r, at, 1, &c)) < 0)
        return rc;
    while ((rc = ac_json_next(b->r, &c, &key, &value)) > 0) {
        json_t *k, *v;

        if ((rc = ac_json_load(b->r, key, &k)) < 0)
            return rc;
        if (strcmp(json_string_value(k), "children") == 0) {
            *children = value;
            *has_children = 1;
            json_decref(k);
            continue;
        }
        if ((rc = ac_json_load(b->r, value, &v)) < 0) {
            json_decref(k);
            return rc;
        }
        rc = json_object_set_new(*data, json_string_value(k), v);
        json_decref(k);
        if (rc < 0)
            return ac_nomem(b->r->err);
    }
    return rc;
}

/* One element of a children (or body) array at `at`, under `parent`: a
 * frame to push in `*push` when it is large and has children. */
static int read_element(body_reader *b, ac_json_span at, artconv_node *parent, size_t depth,
                        span_frame *push, int *pushed)
{
    json_t *o = NULL;
    ac_json_span children;
    artconv_node *node;
    int has_children, rc;

    *pushed = 0;
    if (at.end - at.start < AC_JSON_WHOLE_VALUE) {
        if ((rc = ac_json_load(b->r, at, &o)) == 0)
            rc = copy_tree(b, o, at, parent, depth);
        json_decref(o);
        return rc;
    }
    if ((rc = open_large(b, at, &o, &children, &has_children)) == 0 &&
        (rc = make_node(b, o, at, parent, depth, &node)) == 0 && node != NULL && has_children) {
        if (artconv_node_kind_is_leaf(artconv_node_get_kind(node)))
            rc = ac_json_fail(b->r, at.start, "a %s has no children",
                              artconv_node_kind_name(artconv_node_get_kind(node)));
        else if ((rc = ac_json_open(b->r, children, 0, &push->children)) == 0) {
            push->node = node;
            *pushed = 1;
        }
    }
    json_decref(o);
    return rc;
}

static void warn_left_out(const body_reader *b)
{
    if (b->unsafe_urls > 0)
        ac_warn_read(b->r->opts, ARTCONV_EINVALID, 0,
                     "%zu link or image URL%s with a scheme that is not safe (javascript:, "
                     "file:...) left out",
                     b->unsafe_urls, b->unsafe_urls == 1 ? "" : "s");
    if (b->unsafe_html > 0)
        ac_warn_read(b->r->opts, ARTCONV_EINVALID, 0,
                     "%zu raw HTML node%s that could run script left out", b->unsafe_html,
                     b->unsafe_html == 1 ? "" : "s");
    if (b->unknown_members > 0)
        ac_warn_read(b->r->opts, ARTCONV_EINVALID, 0,
                     "%zu member%s of body nodes that artconv does not know ignored",
                     b->unknown_members, b->unknown_members == 1 ? "" : "s");
}

int ac_json_read_body(ac_json_reader *r, ac_json_span span)
{
    body_reader b;
    span_frame stack[ARTCONV_MAX_DEPTH + 1];
    size_t n = 1;
    ac_json_span element;
    int rc, pushed;

    memset(&b, 0, sizeof b);
    b.r = r;
    stack[0].node = artconv_article_body(r->article);
    if ((rc = ac_json_open(r, span, 0, &stack[0].children)) < 0)
        return rc;
    while (n > 0) {
        span_frame *f = &stack[n - 1];

        if ((rc = ac_json_next(r, &f->children, NULL, &element)) < 0)
            return rc;
        if (rc == 0) {
            n--;
            continue;
        }
        /* A large node below ARTCONV_MAX_DEPTH has failed make_node's
         * check before it could be pushed past the end of the stack. */
        if ((rc = read_element(&b, element, f->node, n, &stack[n], &pushed)) < 0)
            return rc;
        n += (size_t)pushed;
    }
    warn_left_out(&b);
    return 0;
}
