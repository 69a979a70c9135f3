/*
 * node.c - one node of the body tree: its memory, its links to parent,
 * siblings and children, and the strings and numbers its kind carries.
 * What a kind may hold is node_kind.c's; walking the tree is iter.c's.
 *
 * Nothing here recurses over the depth of the tree, so an article nested
 * 100,000 levels deep is freed on a flat stack.
 */
#include "node.h"
#include "raw_html.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int is_raw(artconv_node_kind kind)
{
    return kind == ARTCONV_NODE_RAW_HTML_BLOCK || kind == ARTCONV_NODE_RAW_HTML_INLINE;
}

/* How many strings a node of `kind` holds (see field_slot). */
static size_t string_slots(artconv_node_kind kind)
{
    switch (kind) {
    case ARTCONV_NODE_FIGURE:
        return 4;
    case ARTCONV_NODE_IMAGE:
        return 3;
    case ARTCONV_NODE_LINK:
    case ARTCONV_NODE_CODE_BLOCK:
        return 2;
    case ARTCONV_NODE_TEXT:
    case ARTCONV_NODE_CODE:
        return 1;
    default:
        return is_raw(kind) ? 1 : 0;
    }
}

artconv_node *artconv_node_new(artconv_node_kind kind)
{
    artconv_node *node;

    if (!ac_node_kind_valid(kind))
        return NULL;
    node = calloc(1, sizeof *node + string_slots(kind) * sizeof node->str[0]);
    if (node == NULL)
        return NULL;
    node->kind = kind;
    if (kind == ARTCONV_NODE_HEADING)
        node->level = 1;
    if (kind == ARTCONV_NODE_LIST) {
        node->start = 1;
        node->tight = 1;
    }
    return node;
}

static void free_data(artconv_node *node)
{
    size_t i, n = string_slots(node->kind);

    for (i = 0; i < n; i++)
        free(node->str[i]);
    free(node);
}

void artconv_node_free(artconv_node *node)
{
    artconv_node *cur;

    if (node == NULL)
        return;
    artconv_node_unlink(node);
    /* Splice each node's children into the chain after it, so the whole
     * subtree becomes one flat list that a loop can free. */
    cur = node;
    while (cur != NULL) {
        artconv_node *next = cur->next;

        if (cur->first_child != NULL) {
            cur->last_child->next = next;
            next = cur->first_child;
        }
        free_data(cur);
        cur = next;
    }
}

artconv_node_kind artconv_node_get_kind(const artconv_node *node)
{
    return node == NULL ? ARTCONV_NODE_NONE : node->kind;
}

artconv_node *artconv_node_parent(const artconv_node *node)
{
    return node == NULL ? NULL : node->parent;
}

artconv_node *artconv_node_first_child(const artconv_node *node)
{
    return node == NULL ? NULL : node->first_child;
}

artconv_node *artconv_node_last_child(const artconv_node *node)
{
    return node == NULL ? NULL : node->last_child;
}

artconv_node *artconv_node_next(const artconv_node *node)
{
    return node == NULL ? NULL : node->next;
}

artconv_node *artconv_node_prev(const artconv_node *node)
{
    return node == NULL ? NULL : node->prev;
}

void artconv_node_unlink(artconv_node *node)
{
    if (node == NULL)
        return;
    if (node->prev != NULL)
        node->prev->next = node->next;
    if (node->next != NULL)
        node->next->prev = node->prev;
    if (node->parent != NULL) {
        if (node->parent->first_child == node)
            node->parent->first_child = node->next;
        if (node->parent->last_child == node)
            node->parent->last_child = node->prev;
    }
    node->parent = NULL;
    node->prev = NULL;
    node->next = NULL;
}

static int check_insert(const artconv_node *parent, const artconv_node *child, artconv_error *err)
{
    const artconv_node *up;

    if (parent == NULL || child == NULL)
        return ac_error(err, ARTCONV_EINVALID, "cannot link a NULL node");
    if (!artconv_node_can_contain(parent->kind, child->kind))
        return ac_error(err, ARTCONV_EINVALID, "a %s cannot contain a %s",
                        artconv_node_kind_name(parent->kind), artconv_node_kind_name(child->kind));
    /* Readers append caption text in pieces; a second caption would make
     * every writer choose, so the model refuses it here. */
    if (child->kind == ARTCONV_NODE_CAPTION && parent->first_child != NULL &&
        parent->first_child != child)
        return ac_error(err, ARTCONV_EINVALID, "a figure holds one caption");
    /* A node without children cannot be an ancestor of anything, which
     * keeps building a tree top-down free of ancestor walks. */
    if (child == parent)
        return ac_error(err, ARTCONV_EINVALID, "a node cannot contain itself");
    if (child->first_child != NULL)
        for (up = parent; up != NULL; up = up->parent)
            if (up == child)
                return ac_error(err, ARTCONV_EINVALID, "a node cannot contain itself");
    return ARTCONV_OK;
}

int artconv_node_append(artconv_node *parent, artconv_node *child, artconv_error *err)
{
    int rc;

    if ((rc = check_insert(parent, child, err)) < 0)
        return rc;
    artconv_node_unlink(child);
    child->parent = parent;
    child->prev = parent->last_child;
    if (parent->last_child != NULL)
        parent->last_child->next = child;
    else
        parent->first_child = child;
    parent->last_child = child;
    return ARTCONV_OK;
}

int artconv_node_insert_before(artconv_node *sibling, artconv_node *node, artconv_error *err)
{
    int rc;

    if (sibling == NULL || sibling->parent == NULL)
        return ac_error(err, ARTCONV_EINVALID, "the sibling has no parent");
    if (sibling == node)
        return ac_error(err, ARTCONV_EINVALID, "a node cannot precede itself");
    if ((rc = check_insert(sibling->parent, node, err)) < 0)
        return rc;
    artconv_node_unlink(node);
    node->parent = sibling->parent;
    node->next = sibling;
    node->prev = sibling->prev;
    if (sibling->prev != NULL)
        sibling->prev->next = node;
    else
        sibling->parent->first_child = node;
    sibling->prev = node;
    return ARTCONV_OK;
}

/* --- data ------------------------------------------------------------------ */

enum field { F_LITERAL, F_INFO, F_URL, F_TITLE, F_ALT, F_CREDIT };

static const char *const field_names[] = {"literal", "info", "url", "title", "alt", "credit"};

static char **field_slot(artconv_node *node, enum field field)
{
    switch (field) {
    case F_LITERAL:
        if (node->kind == ARTCONV_NODE_TEXT || node->kind == ARTCONV_NODE_CODE ||
            node->kind == ARTCONV_NODE_CODE_BLOCK || is_raw(node->kind))
            return &node->str[0];
        break;
    case F_INFO:
        if (node->kind == ARTCONV_NODE_CODE_BLOCK)
            return &node->str[1];
        break;
    case F_URL:
        if (node->kind == ARTCONV_NODE_LINK || node->kind == ARTCONV_NODE_IMAGE ||
            node->kind == ARTCONV_NODE_FIGURE)
            return &node->str[0];
        break;
    case F_TITLE:
        if (node->kind == ARTCONV_NODE_LINK || node->kind == ARTCONV_NODE_IMAGE)
            return &node->str[1];
        break;
    case F_ALT:
        if (node->kind == ARTCONV_NODE_IMAGE || node->kind == ARTCONV_NODE_FIGURE)
            return &node->str[2];
        break;
    case F_CREDIT:
        if (node->kind == ARTCONV_NODE_FIGURE)
            return &node->str[3];
        break;
    }
    return NULL;
}

static const char *get_field(const artconv_node *node, enum field field)
{
    char **slot;

    if (node == NULL)
        return NULL;
    slot = field_slot((artconv_node *)node, field);
    return slot == NULL ? NULL : *slot;
}

/* Stores a copy of s[0..len); `repair` chooses between fixing bad text
 * (readers) and refusing it (the public API). */
static int set_field(artconv_node *node, enum field field, const char *s, size_t len, int repair,
                     artconv_error *err)
{
    artconv_buf copy = ARTCONV_BUF_INIT;
    char **slot, *value;

    if (node == NULL)
        return ac_error(err, ARTCONV_EINVALID, "NULL node");
    slot = field_slot(node, field);
    if (slot == NULL)
        return ac_error(err, ARTCONV_EINVALID, "a %s has no %s", artconv_node_kind_name(node->kind),
                        field_names[field]);
    if (s == NULL) {
        free(*slot);
        *slot = NULL;
        return ARTCONV_OK;
    }
    if (!repair && !ac_text_is_clean(s, len))
        return ac_error(err, ARTCONV_EINVALID,
                        "the %s is not valid UTF-8 or holds a character XML forbids",
                        field_names[field]);
    /* Raw HTML holds no words, so a writer that drops it loses none. */
    if (field == F_LITERAL && is_raw(node->kind) && !ac_raw_html_is_markup_only(s, len))
        return ac_error(err, ARTCONV_EINVALID,
                        "raw HTML may hold only tags, comments and white space");
    if (repair && !ac_text_is_clean(s, len)) {
        if (ac_text_repair(&copy, s, len, NULL) < 0 || artconv_buf_grow(&copy, 0) < 0) {
            artconv_buf_dispose(&copy);
            return ac_nomem(err);
        }
        value = artconv_buf_detach(&copy);
    } else {
        /* Clean text (nearly all of it) is copied at its exact size: a
         * long article holds hundreds of thousands of strings, and a
         * buffer's geometric growth would waste a third of their memory. */
        if (len == SIZE_MAX || (value = malloc(len + 1)) == NULL)
            return ac_nomem(err);
        memcpy(value, s, len);
        value[len] = '\0';
    }
    free(*slot);
    *slot = value;
    return ARTCONV_OK;
}

static int set_public(artconv_node *node, enum field field, const char *s, artconv_error *err)
{
    return set_field(node, field, s, s == NULL ? 0 : strlen(s), 0, err);
}

const char *artconv_node_get_literal(const artconv_node *node)
{
    const char *literal = get_field(node, F_LITERAL);

    /* A text node made and never given text is empty text: no writer has
     * to tell the two apart (JSON writes both as a text without "text"). */
    if (literal == NULL && node != NULL && field_slot((artconv_node *)node, F_LITERAL) != NULL)
        return "";
    return literal;
}

int artconv_node_set_literal(artconv_node *node, const char *text, artconv_error *err)
{
    return set_public(node, F_LITERAL, text, err);
}

const char *artconv_node_get_info(const artconv_node *node)
{
    return get_field(node, F_INFO);
}

int artconv_node_set_info(artconv_node *node, const char *info, artconv_error *err)
{
    return set_public(node, F_INFO, info, err);
}

const char *artconv_node_get_url(const artconv_node *node)
{
    return get_field(node, F_URL);
}

int artconv_node_set_url(artconv_node *node, const char *url, artconv_error *err)
{
    return set_public(node, F_URL, url, err);
}

const char *artconv_node_get_title(const artconv_node *node)
{
    return get_field(node, F_TITLE);
}

int artconv_node_set_title(artconv_node *node, const char *title, artconv_error *err)
{
    return set_public(node, F_TITLE, title, err);
}

const char *artconv_node_get_alt(const artconv_node *node)
{
    return get_field(node, F_ALT);
}

int artconv_node_set_alt(artconv_node *node, const char *alt, artconv_error *err)
{
    return set_public(node, F_ALT, alt, err);
}

const char *artconv_node_get_credit(const artconv_node *node)
{
    return get_field(node, F_CREDIT);
}

int artconv_node_set_credit(artconv_node *node, const char *credit, artconv_error *err)
{
    return set_public(node, F_CREDIT, credit, err);
}

int ac_node_set_literal_n(artconv_node *node, const char *s, size_t len, artconv_error *err)
{
    return set_field(node, F_LITERAL, s, len, 1, err);
}

int ac_node_set_url_n(artconv_node *node, const char *s, size_t len, artconv_error *err)
{
    return set_field(node, F_URL, s, len, 1, err);
}

int ac_node_set_alt_n(artconv_node *node, const char *s, size_t len, artconv_error *err)
{
    return set_field(node, F_ALT, s, len, 1, err);
}

int ac_node_set_credit_n(artconv_node *node, const char *s, size_t len, artconv_error *err)
{
    return set_field(node, F_CREDIT, s, len, 1, err);
}

int ac_node_set_title_n(artconv_node *node, const char *s, size_t len, artconv_error *err)
{
    return set_field(node, F_TITLE, s, len, 1, err);
}

int artconv_node_get_level(const artconv_node *node)
{
    return node != NULL && node->kind == ARTCONV_NODE_HEADING ? node->level : 0;
}

int artconv_node_set_level(artconv_node *node, int level, artconv_error *err)
{
    if (node == NULL || node->kind != ARTCONV_NODE_HEADING)
        return ac_error(err, ARTCONV_EINVALID, "only a heading has a level");
    if (level < 1 || level > 6)
        return ac_error(err, ARTCONV_EINVALID, "heading level %d is not between 1 and 6", level);
    node->level = (unsigned char)level;
    return ARTCONV_OK;
}

int artconv_node_get_list_ordered(const artconv_node *node)
{
    return node != NULL && node->kind == ARTCONV_NODE_LIST ? node->ordered : 0;
}

int artconv_node_get_list_start(const artconv_node *node)
{
    return node != NULL && node->kind == ARTCONV_NODE_LIST ? node->start : 0;
}

int artconv_node_get_list_tight(const artconv_node *node)
{
    return node != NULL && node->kind == ARTCONV_NODE_LIST ? node->tight : 0;
}

int artconv_node_set_list(artconv_node *node, int ordered, int start, int tight, artconv_error *err)
{
    if (node == NULL || node->kind != ARTCONV_NODE_LIST)
        return ac_error(err, ARTCONV_EINVALID, "only a list has list properties");
    /* CommonMark caps start numbers at nine digits; so do we. */
    if (start < 0 || start > 999999999)
        return ac_error(err, ARTCONV_EINVALID, "list start %d is out of range", start);
    node->ordered = (unsigned char)(ordered != 0);
    node->start = start;
    node->tight = (unsigned char)(tight != 0);
    return ARTCONV_OK;
}

int artconv_node_get_header(const artconv_node *node)
{
    return node != NULL && node->kind == ARTCONV_NODE_TABLE_ROW ? node->header : 0;
}

int artconv_node_set_header(artconv_node *node, int header, artconv_error *err)
{
    if (node == NULL || node->kind != ARTCONV_NODE_TABLE_ROW)
        return ac_error(err, ARTCONV_EINVALID, "only a table row can be a header");
    node->header = (unsigned char)(header != 0);
    return ARTCONV_OK;
}

artconv_node *ac_node_add(artconv_node *parent, artconv_node_kind kind, artconv_error *err)
{
    artconv_node *node = artconv_node_new(kind);

    if (node == NULL) {
        ac_nomem(err);
        return NULL;
    }
    if (artconv_node_append(parent, node, err) < 0) {
        artconv_node_free(node);
        return NULL;
    }
    return node;
}

artconv_node *ac_node_add_text(artconv_node *parent, const char *s, size_t len, artconv_error *err)
{
    artconv_node *node = ac_node_add(parent, ARTCONV_NODE_TEXT, err);

    if (node != NULL && ac_node_set_literal_n(node, s, len, err) < 0) {
        artconv_node_free(node);
        return NULL;
    }
    return node;
}
