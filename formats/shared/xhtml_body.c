/*
 * xhtml_body.c - the body's blocks and inlines as (X)HTML elements: one
 * walk with artconv_iter over the model, a stack of the elements to return
 * to, and one case a node kind (see xhtml.h for the mapping).
 */
#include "xhtml_parts.h"

#include <stdio.h>
#include <stdlib.h>

static const char *const heading_names[] = {"h1", "h2", "h3", "h4", "h5", "h6"};

/* The state of one walk over the body. */
typedef struct {
    const ac_xhtml_options *o;
    /* The element to return to when each open model node is left: one entry
     * per node that gets an EXIT event, so as many as the walk is deep. */
    xmlNodePtr *stack;
    size_t len, cap;
    /* Text waiting to become one text node in `text_parent`.  Runs of TEXT
     * and SOFTBREAK nodes are joined here because libxml2 merges each text
     * node into the one before it by reallocating, which is quadratic under
     * allocators that always move (ASan, valgrind). */
    artconv_buf text;
    xmlNodePtr text_parent;
} walk;

static int push(walk *w, xmlNodePtr el)
{
    if (w->len == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 32;
        xmlNodePtr *items = realloc(w->stack, cap * sizeof *items);

        if (items == NULL)
            return ARTCONV_ENOMEM;
        w->stack = items;
        w->cap = cap;
    }
    w->stack[w->len++] = el;
    return ARTCONV_OK;
}

/* Writes the waiting text.  Called before anything else is appended, so the
 * text lands where it belongs: last in its parent so far. */
static int flush(walk *w)
{
    int rc;

    if (w->text.len == 0)
        return ARTCONV_OK;
    rc = ac_xhtml_add_text(w->text_parent, w->text.ptr);
    artconv_buf_clear(&w->text);
    return rc;
}

static int put_text(walk *w, xmlNodePtr parent, const char *s)
{
    if (s == NULL)
        return ARTCONV_OK;
    if (w->text.len > 0 && w->text_parent != parent && flush(w) < 0)
        return ARTCONV_ENOMEM;
    w->text_parent = parent;
    return artconv_buf_puts(&w->text, s);
}

static const artconv_node *find_child(const artconv_node *node, artconv_node_kind kind)
{
    const artconv_node *child;

    for (child = artconv_node_first_child(node); child != NULL; child = artconv_node_next(child))
        if (artconv_node_get_kind(child) == kind)
            return child;
    return NULL;
}

/* A paragraph in a tight list item is written as bare inlines, as CommonMark
 * does, unless a paragraph beside it would run into it.  Only neighbours
 * are looked at, so long items cost no more than short ones. */
static int is_bare_paragraph(const artconv_node *node)
{
    const artconv_node *item = artconv_node_parent(node), *list;

    if (artconv_node_get_kind(item) != ARTCONV_NODE_ITEM)
        return 0;
    list = artconv_node_parent(item);
    if (artconv_node_get_kind(list) != ARTCONV_NODE_LIST || !artconv_node_get_list_tight(list))
        return 0;
    return artconv_node_get_kind(artconv_node_prev(node)) != ARTCONV_NODE_PARAGRAPH &&
           artconv_node_get_kind(artconv_node_next(node)) != ARTCONV_NODE_PARAGRAPH;
}

/* Header rows go to <thead> while no body row came before them (HTML allows
 * one thead, before tbody); later ones stay in <tbody>, still with <th>. */
static xmlNodePtr row_group(xmlNodePtr table, const ac_xhtml_options *o, int header)
{
    const char *want = header && (table->last == NULL || ac_xhtml_is_element(table->last, "thead"))
                           ? "thead"
                           : "tbody";

    if (ac_xhtml_is_element(table->last, want))
        return table->last;
    return ac_xhtml_add(table, o, want);
}

static int add_code_block(xmlNodePtr parent, const ac_xhtml_options *o, const artconv_node *node)
{
    const char *info = artconv_node_get_info(node);
    xmlNodePtr code, pre = ac_xhtml_add(parent, o, "pre");
    artconv_buf cls = ARTCONV_BUF_INIT;
    int rc = ARTCONV_ENOMEM;
    size_t n = 0;

    /* No whitespace between <pre> and <code>: it would be content. */
    if (pre == NULL || (code = ac_xhtml_add(pre, o, "code")) == NULL)
        return ARTCONV_ENOMEM;
    while (info != NULL && info[n] != '\0' && !ac_is_space((unsigned char)info[n]))
        n++;
    if (n > 0) {
        if (artconv_buf_puts(&cls, "language-") < 0 || artconv_buf_put(&cls, info, n) < 0 ||
            ac_xhtml_set_attr(code, "class", cls.ptr) < 0)
            goto cleanup;
    }
    rc = ac_xhtml_add_text(code, artconv_node_get_literal(node));
cleanup:
    artconv_buf_dispose(&cls);
    return rc;
}

static int add_list(xmlNodePtr parent, const ac_xhtml_options *o, const artconv_node *node,
                    xmlNodePtr *out)
{
    int ordered = artconv_node_get_list_ordered(node), start = artconv_node_get_list_start(node);
    char number[24];

    *out = ac_xhtml_add(parent, o, ordered ? "ol" : "ul");
    if (*out == NULL)
        return ARTCONV_ENOMEM;
    if (ordered && start != 1) {
        snprintf(number, sizeof number, "%d", start);
        return ac_xhtml_set_attr(*out, "start", number);
    }
    return ARTCONV_OK;
}

static int add_link(xmlNodePtr parent, const ac_xhtml_options *o, const artconv_node *node,
                    xmlNodePtr *out)
{
    const char *url = artconv_node_get_url(node), *title = artconv_node_get_title(node);

    *out = ac_xhtml_add(parent, o, "a");
    if (*out == NULL || (url != NULL && ac_xhtml_set_attr(*out, "href", url) < 0) ||
        (title != NULL && ac_xhtml_set_attr(*out, "title", title) < 0))
        return ARTCONV_ENOMEM;
    return ARTCONV_OK;
}

/* Creates the node's element(s) under *cur and, for a node with children,
 * moves *cur to where they go. */
static int add_element(xmlNodePtr *cur, const ac_xhtml_options *o, const artconv_node *node)
{
    xmlNodePtr parent = *cur, el = NULL;
    int level;

    switch (artconv_node_get_kind(node)) {
    case ARTCONV_NODE_HEADING:
        level = artconv_node_get_level(node);
        level = level < 1 ? 1 : level > 6 ? 6 : level;
        el = ac_xhtml_add(parent, o, heading_names[level - 1]);
        break;
    case ARTCONV_NODE_PARAGRAPH:
        el = ac_xhtml_add(parent, o, "p");
        break;
    case ARTCONV_NODE_BLOCKQUOTE:
        /* HTML5 puts a quote's attribution outside the blockquote, in a
         * figure's caption. */
        if (find_child(node, ARTCONV_NODE_ATTRIBUTION) != NULL) {
            parent = ac_xhtml_add(parent, o, "figure");
            if (parent == NULL || ac_xhtml_set_attr(parent, "class", "quote") < 0)
                return ARTCONV_ENOMEM;
        }
        el = ac_xhtml_add(parent, o, "blockquote");
        break;
    case ARTCONV_NODE_ATTRIBUTION:
        /* *cur is the blockquote; its parent the figure made above. */
        el = ac_xhtml_add_text_element(parent->parent != NULL ? parent->parent : parent, o,
                                       "figcaption", "attribution", NULL);
        break;
    case ARTCONV_NODE_LIST:
        if (add_list(parent, o, node, &el) < 0)
            return ARTCONV_ENOMEM;
        break;
    case ARTCONV_NODE_ITEM:
        el = ac_xhtml_add(parent, o, "li");
        break;
    case ARTCONV_NODE_CODE_BLOCK:
        return add_code_block(parent, o, node);
    case ARTCONV_NODE_THEMATIC_BREAK:
        return ac_xhtml_add(parent, o, "hr") != NULL ? ARTCONV_OK : ARTCONV_ENOMEM;
    case ARTCONV_NODE_FIGURE:
        el = ac_xhtml_add(parent, o, "figure");
        if (el == NULL || ac_xhtml_add_image(el, o, artconv_node_get_url(node),
                                             artconv_node_get_alt(node), NULL) < 0)
            return ARTCONV_ENOMEM;
        break;
    case ARTCONV_NODE_CAPTION:
        /* HTML allows one figcaption, first or last in the figure: a
         * second caption joins the first after a line break. */
        if (ac_xhtml_is_element(parent->last, "figcaption")) {
            el = parent->last;
            if (ac_xhtml_add(el, o, "br") == NULL)
                return ARTCONV_ENOMEM;
        } else {
            el = ac_xhtml_add(parent, o, "figcaption");
        }
        break;
    case ARTCONV_NODE_TABLE:
        el = ac_xhtml_add(parent, o, "table");
        break;
    case ARTCONV_NODE_TABLE_ROW:
        parent = row_group(parent, o, artconv_node_get_header(node));
        el = parent != NULL ? ac_xhtml_add(parent, o, "tr") : NULL;
        break;
    case ARTCONV_NODE_TABLE_CELL:
        el = ac_xhtml_add(parent, o,
                          artconv_node_get_header(artconv_node_parent(node)) ? "th" : "td");
        break;
    case ARTCONV_NODE_LINEBREAK:
        return ac_xhtml_add(parent, o, "br") != NULL ? ARTCONV_OK : ARTCONV_ENOMEM;
    case ARTCONV_NODE_CODE:
        return ac_xhtml_add_text_element(parent, o, "code", NULL, artconv_node_get_literal(node))
                   ? ARTCONV_OK
                   : ARTCONV_ENOMEM;
    case ARTCONV_NODE_EMPH:
        el = ac_xhtml_add(parent, o, "em");
        break;
    case ARTCONV_NODE_STRONG:
        el = ac_xhtml_add(parent, o, "strong");
        break;
    case ARTCONV_NODE_SUPERSCRIPT:
        el = ac_xhtml_add(parent, o, "sup");
        break;
    case ARTCONV_NODE_SUBSCRIPT:
        el = ac_xhtml_add(parent, o, "sub");
        break;
    case ARTCONV_NODE_LINK:
        if (add_link(parent, o, node, &el) < 0)
            return ARTCONV_ENOMEM;
        break;
    case ARTCONV_NODE_IMAGE:
        return ac_xhtml_add_image(parent, o, artconv_node_get_url(node), artconv_node_get_alt(node),
                                  artconv_node_get_title(node));
    default:
        return ARTCONV_OK;
    }
    if (el == NULL)
        return ARTCONV_ENOMEM;
    *cur = el;
    return ARTCONV_OK;
}

/* Handles ENTER.  Nodes that make no element (the document, a bare
 * paragraph, a link with a dangerous URL, whose text goes to its parent)
 * and text are handled here; the rest by add_element. */
static int enter(walk *w, xmlNodePtr *cur, const artconv_node *node)
{
    switch (artconv_node_get_kind(node)) {
    case ARTCONV_NODE_DOCUMENT:
        return ARTCONV_OK;
    case ARTCONV_NODE_TEXT:
        return put_text(w, *cur, artconv_node_get_literal(node));
    case ARTCONV_NODE_SOFTBREAK:
        return put_text(w, *cur, "\n");
    case ARTCONV_NODE_RAW_HTML_BLOCK:
    case ARTCONV_NODE_RAW_HTML_INLINE:
        return ARTCONV_OK; /* markup only, no text: nothing is lost */
    case ARTCONV_NODE_PARAGRAPH:
        if (is_bare_paragraph(node))
            return ARTCONV_OK;
        break;
    case ARTCONV_NODE_LINK:
        if (!ac_xhtml_url_is_safe(artconv_node_get_url(node), 0))
            return ARTCONV_OK;
        break;
    case ARTCONV_NODE_IMAGE:
        if (!ac_xhtml_image_usable(artconv_node_get_url(node))) {
            ac_xhtml_warn_refused(w->o, artconv_node_get_url(node));
            return put_text(w, *cur, artconv_node_get_alt(node));
        }
        break;
    default:
        break;
    }
    if (flush(w) < 0)
        return ARTCONV_ENOMEM;
    return add_element(cur, w->o, node);
}

/* Handles EXIT while *cur is still the node's element: the credit line
 * closes a figure's caption, or gets a caption of its own. */
static int leave(walk *w, xmlNodePtr cur, const artconv_node *node)
{
    artconv_node_kind kind = artconv_node_get_kind(node);
    const artconv_node *figure = node;
    const char *credit;

    if (kind == ARTCONV_NODE_CAPTION) {
        const artconv_node *later;

        /* The credit ends the (single) figcaption: after the last caption. */
        for (later = artconv_node_next(node); later != NULL; later = artconv_node_next(later))
            if (artconv_node_get_kind(later) == ARTCONV_NODE_CAPTION)
                return ARTCONV_OK;
        figure = artconv_node_parent(node);
    } else if (kind != ARTCONV_NODE_FIGURE || find_child(node, ARTCONV_NODE_CAPTION) != NULL)
        return ARTCONV_OK;
    credit = artconv_node_get_credit(figure);
    if (credit == NULL)
        return ARTCONV_OK;
    if (flush(w) < 0)
        return ARTCONV_ENOMEM;
    if (kind == ARTCONV_NODE_FIGURE && (cur = ac_xhtml_add(cur, w->o, "figcaption")) == NULL)
        return ARTCONV_ENOMEM;
    return ac_xhtml_add_credit(cur, w->o, credit);
}

int ac_xhtml_body(xmlNodePtr parent, const artconv_node *root, const ac_xhtml_options *o,
                  artconv_error *err)
{
    walk w = {o, NULL, 0, 0, ARTCONV_BUF_INIT, NULL};
    xmlNodePtr cur = parent;
    artconv_iter it;
    artconv_event ev;
    int rc = ARTCONV_OK;

    artconv_iter_init(&it, root);
    while ((ev = artconv_iter_next(&it)) != ARTCONV_EVENT_DONE) {
        const artconv_node *node = artconv_iter_node(&it);

        if (ev == ARTCONV_EVENT_ENTER) {
            if (!artconv_node_kind_is_leaf(artconv_node_get_kind(node)))
                AC_CHECK(push(&w, cur));
            AC_CHECK(enter(&w, &cur, node));
        } else {
            AC_CHECK(leave(&w, cur, node));
            cur = w.len > 0 ? w.stack[--w.len] : parent;
        }
    }
    AC_CHECK(flush(&w));
cleanup:
    free(w.stack);
    artconv_buf_dispose(&w.text);
    return rc < 0 ? ac_nomem(err) : ARTCONV_OK;
}
