/*
 * xhtml.c - the article model as a libxml2 tree of (X)HTML elements, shared
 * by the writers that produce HTML or XHTML (see xhtml.h for the mapping).
 */
#include "xhtml.h"
#include "url.h"

#include <libxml/xmlsave.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const heading_names[] = {"h1", "h2", "h3", "h4", "h5", "h6"};

/* --- small tree helpers ---------------------------------------------------- */

xmlDocPtr ac_xhtml_doc_new(void)
{
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");

    if (doc == NULL)
        return NULL;
    doc->encoding = xmlStrdup(BAD_CAST "UTF-8");
    if (doc->encoding == NULL) {
        xmlFreeDoc(doc);
        return NULL;
    }
    return doc;
}

xmlNodePtr ac_xhtml_add(xmlNodePtr parent, const ac_xhtml_options *o, const char *name)
{
    xmlNodePtr el = xmlNewDocNode(parent->doc, o != NULL ? o->ns : NULL, BAD_CAST name, NULL);

    if (el == NULL)
        return NULL;
    if (xmlAddChild(parent, el) == NULL) {
        xmlFreeNode(el);
        return NULL;
    }
    return el;
}

int ac_xhtml_add_text(xmlNodePtr parent, const char *text)
{
    xmlNodePtr node;

    if (text == NULL || *text == '\0')
        return ARTCONV_OK;
    /* A text node's content is taken literally; only xmlNewChild and
     * xmlNewDocProp would parse "&amp;" in it. */
    node = xmlNewDocText(parent->doc, BAD_CAST text);
    if (node == NULL)
        return ARTCONV_ENOMEM;
    /* xmlAddChild may merge the node into a preceding text node and free it. */
    if (xmlAddChild(parent, node) == NULL) {
        xmlFreeNode(node);
        return ARTCONV_ENOMEM;
    }
    return ARTCONV_OK;
}

int ac_xhtml_set_attr(xmlNodePtr el, const char *name, const char *value)
{
    return xmlSetProp(el, BAD_CAST name, BAD_CAST value) != NULL ? ARTCONV_OK : ARTCONV_ENOMEM;
}

xmlNodePtr ac_xhtml_add_text_element(xmlNodePtr parent, const ac_xhtml_options *o, const char *name,
                                     const char *cls, const char *text)
{
    xmlNodePtr el = ac_xhtml_add(parent, o, name);

    if (el == NULL)
        return NULL;
    if ((cls != NULL && ac_xhtml_set_attr(el, "class", cls) < 0) || ac_xhtml_add_text(el, text) < 0)
        return NULL; /* `el` stays in the tree, which the caller frees */
    return el;
}

/* --- URL safety ---------------------------------------------------------- */

int ac_xhtml_url_is_safe(const char *url, int for_image)
{
    return url == NULL || ac_url_is_safe(url, strlen(url), for_image);
}

/* --- the body -------------------------------------------------------------- */

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

static int image_usable(const char *url)
{
    return url != NULL && *url != '\0' && ac_xhtml_url_is_safe(url, 1);
}

/* An image, or its alt text when it has no usable URL. */
/* Reports an image whose URL is refused (none for an image without one). */
static void warn_refused(const ac_xhtml_options *o, const char *url)
{
    if (url != NULL && *url != '\0')
        ac_warn_write(o->warn, ARTCONV_EINVALID,
                      "image %.200s refused: only relative, http, https and data: PNG, GIF, "
                      "JPEG or WebP image URLs are written",
                      url);
}

static int add_image(xmlNodePtr parent, const ac_xhtml_options *o, const char *url, const char *alt,
                     const char *title)
{
    xmlNodePtr img;

    if (!image_usable(url)) {
        warn_refused(o, url);
        return ac_xhtml_add_text(parent, alt);
    }
    img = ac_xhtml_add(parent, o, "img");
    if (img == NULL || ac_xhtml_set_attr(img, "src", url) < 0 ||
        ac_xhtml_set_attr(img, "alt", alt != NULL ? alt : "") < 0 ||
        (title != NULL && ac_xhtml_set_attr(img, "title", title) < 0))
        return ARTCONV_ENOMEM;
    return ARTCONV_OK;
}

/* Ends a figcaption with the credit line. */
static int add_credit(xmlNodePtr figcaption, const ac_xhtml_options *o, const char *credit)
{
    if (figcaption->children != NULL && ac_xhtml_add_text(figcaption, " ") < 0)
        return ARTCONV_ENOMEM;
    return ac_xhtml_add_text_element(figcaption, o, "small", "credit", credit) != NULL
               ? ARTCONV_OK
               : ARTCONV_ENOMEM;
}

static int is_element(const xmlNode *node, const char *name)
{
    return node != NULL && node->type == XML_ELEMENT_NODE && xmlStrEqual(node->name, BAD_CAST name);
}

/* Header rows go to <thead> while no body row came before them (HTML allows
 * one thead, before tbody); later ones stay in <tbody>, still with <th>. */
static xmlNodePtr row_group(xmlNodePtr table, const ac_xhtml_options *o, int header)
{
    const char *want =
        header && (table->last == NULL || is_element(table->last, "thead")) ? "thead" : "tbody";

    if (is_element(table->last, want))
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
        if (el == NULL ||
            add_image(el, o, artconv_node_get_url(node), artconv_node_get_alt(node), NULL) < 0)
            return ARTCONV_ENOMEM;
        break;
    case ARTCONV_NODE_CAPTION:
        /* HTML allows one figcaption, first or last in the figure: a
         * second caption joins the first after a line break. */
        if (is_element(parent->last, "figcaption")) {
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
        return add_image(parent, o, artconv_node_get_url(node), artconv_node_get_alt(node),
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
        if (!image_usable(artconv_node_get_url(node))) {
            warn_refused(w->o, artconv_node_get_url(node));
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
    return add_credit(cur, w->o, credit);
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

/* --- header and footer ------------------------------------------------------ */

/* <p class="cls">label<time datetime="ISO">value</time></p>; without <time>
 * when the value is not a date we can read, since datetime must be valid. */
static int add_date(xmlNodePtr parent, const ac_xhtml_options *o, const char *cls,
                    const char *label, const char *value)
{
    artconv_buf iso = ARTCONV_BUF_INIT;
    xmlNodePtr p = ac_xhtml_add_text_element(parent, o, "p", cls, label), t;
    int rc;

    if (p == NULL)
        return ARTCONV_ENOMEM;
    rc = ac_date_normalize(&iso, value, strlen(value));
    if (rc == ARTCONV_OK) {
        t = ac_xhtml_add_text_element(p, o, "time", NULL, value);
        rc = t != NULL ? ac_xhtml_set_attr(t, "datetime", iso.ptr) : ARTCONV_ENOMEM;
    } else if (rc != ARTCONV_ENOMEM) {
        rc = ac_xhtml_add_text(p, value);
    }
    artconv_buf_dispose(&iso);
    return rc;
}

/* "By A", "By A and B", "By A, B and C". */
static int add_byline(xmlNodePtr parent, const ac_xhtml_options *o, const artconv_article *a)
{
    size_t i, n = artconv_article_list_count(a, ARTCONV_LIST_AUTHORS);
    xmlNodePtr p = ac_xhtml_add_text_element(parent, o, "p", "byline", "By ");

    if (p == NULL)
        return ARTCONV_ENOMEM;
    for (i = 0; i < n; i++) {
        if (i > 0 && ac_xhtml_add_text(p, i + 1 == n ? " and " : ", ") < 0)
            return ARTCONV_ENOMEM;
        if (ac_xhtml_add_text_element(p, o, "span", "author",
                                      artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, i)) == NULL)
            return ARTCONV_ENOMEM;
    }
    return ARTCONV_OK;
}

static int add_lead_image(xmlNodePtr parent, const ac_xhtml_options *o, const artconv_article *a)
{
    const char *caption = artconv_article_get(a, ARTCONV_META_IMAGE_CAPTION);
    const char *credit = artconv_article_get(a, ARTCONV_META_IMAGE_CREDIT);
    xmlNodePtr figure = ac_xhtml_add(parent, o, "figure"), figcaption;

    if (figure == NULL || ac_xhtml_set_attr(figure, "class", "lead") < 0 ||
        add_image(figure, o, artconv_article_get(a, ARTCONV_META_IMAGE),
                  artconv_article_get(a, ARTCONV_META_IMAGE_ALT), NULL) < 0)
        return ARTCONV_ENOMEM;
    if (caption == NULL && credit == NULL)
        return ARTCONV_OK;
    figcaption = ac_xhtml_add_text_element(figure, o, "figcaption", NULL, caption);
    if (figcaption == NULL)
        return ARTCONV_ENOMEM;
    return credit != NULL ? add_credit(figcaption, o, credit) : ARTCONV_OK;
}

int ac_xhtml_header(xmlNodePtr parent, const artconv_article *a, const ac_xhtml_options *o,
                    artconv_error *err)
{
    const char *title = artconv_article_get(a, ARTCONV_META_TITLE);
    const char *subtitle = artconv_article_get(a, ARTCONV_META_SUBTITLE);
    const char *dateline = artconv_article_get(a, ARTCONV_META_DATELINE);
    const char *date = artconv_article_get(a, ARTCONV_META_DATE);
    const char *modified = artconv_article_get(a, ARTCONV_META_MODIFIED);
    const char *image = artconv_article_get(a, ARTCONV_META_IMAGE);
    int authors = artconv_article_list_count(a, ARTCONV_LIST_AUTHORS) > 0;
    xmlNodePtr header;
    int rc = ARTCONV_OK;

    if (ac_body_shows_image(artconv_article_body(a), image))
        image = NULL;
    if (title == NULL && subtitle == NULL && dateline == NULL && date == NULL && modified == NULL &&
        image == NULL && !authors)
        return ARTCONV_OK;
    AC_NEED(header = ac_xhtml_add(parent, o, "header"));
    if (title != NULL)
        AC_NEED(ac_xhtml_add_text_element(header, o, "h1", NULL, title));
    if (subtitle != NULL)
        AC_NEED(ac_xhtml_add_text_element(header, o, "p", "standfirst", subtitle));
    if (authors)
        AC_CHECK(add_byline(header, o, a));
    if (dateline != NULL)
        AC_NEED(ac_xhtml_add_text_element(header, o, "p", "dateline", dateline));
    if (date != NULL)
        AC_CHECK(add_date(header, o, "published", NULL, date));
    if (modified != NULL)
        AC_CHECK(add_date(header, o, "modified", "Updated ", modified));
    if (image != NULL)
        AC_CHECK(add_lead_image(header, o, a));
cleanup:
    return rc < 0 ? ac_nomem(err) : ARTCONV_OK;
}

int ac_xhtml_footer(xmlNodePtr parent, const artconv_article *a, const ac_xhtml_options *o,
                    artconv_error *err)
{
    const char *credit = artconv_article_get(a, ARTCONV_META_CREDIT);
    const char *rights = artconv_article_get(a, ARTCONV_META_RIGHTS);
    xmlNodePtr footer;

    if (credit == NULL && rights == NULL)
        return ARTCONV_OK;
    footer = ac_xhtml_add(parent, o, "footer");
    if (footer == NULL ||
        (credit != NULL && ac_xhtml_add_text_element(footer, o, "p", "credit", credit) == NULL) ||
        (rights != NULL && ac_xhtml_add_text_element(footer, o, "p", "rights", rights) == NULL))
        return ac_nomem(err);
    return ARTCONV_OK;
}

/* --- indentation ------------------------------------------------------------ */

/* Elements whose children are indented, one level deeper. */
static const char *const containers[] = {
    "html",  "head",  "body",  "article", "header", "footer",     "section", "div",
    "main",  "nav",   "aside", "ul",      "ol",     "li",         "figure",  "table",
    "thead", "tbody", "tfoot", "tr",      "dl",     "blockquote",
};

/* Further elements that start on a line of their own.  Whitespace beside a
 * block-level box does not render, so it is safe next to these only. */
static const char *const blocks[] = {
    "p",     "h1",     "h2",   "h3",      "h4",         "h5",      "h6",   "pre",
    "hr",    "td",     "th",   "caption", "figcaption", "title",   "meta", "link",
    "style", "script", "base", "dt",      "dd",         "address",
};

/* Elements deeper than this are not put on lines of their own: each level
 * indented two more spaces on two lines, so deep quotes made HTML 130 times
 * their Markdown.  Real articles nest far less deep (the deepest page of
 * the corpus reaches level 19). */
#define INDENT_MAX_LEVEL 24

static int name_in(const xmlNode *node, const char *const *names, size_t count)
{
    size_t i;

    if (node == NULL || node->type != XML_ELEMENT_NODE)
        return 0;
    for (i = 0; i < count; i++)
        if (xmlStrEqual(node->name, BAD_CAST names[i]))
            return 1;
    return 0;
}

static int is_container(const xmlNode *node)
{
    return name_in(node, containers, sizeof containers / sizeof containers[0]);
}

static int is_block(const xmlNode *node)
{
    return is_container(node) || name_in(node, blocks, sizeof blocks / sizeof blocks[0]) ||
           (is_element(node, "img") && is_element(node->parent, "figure"));
}

static xmlNodePtr new_indent(xmlDocPtr doc, int level)
{
    char ws[1 + 2 * INDENT_MAX_LEVEL];
    int n;

    if (level > INDENT_MAX_LEVEL)
        level = INDENT_MAX_LEVEL;
    ws[0] = '\n';
    for (n = 0; n < 2 * level; n++)
        ws[1 + n] = ' ';
    return xmlNewDocTextLen(doc, BAD_CAST ws, 1 + 2 * level);
}

/* Puts each block child of `el` (at `level`) on a new line, and the end tag
 * too when the last child is a block. */
static int indent_children(xmlNodePtr el, int level)
{
    xmlNodePtr child, ws;

    if (level + 1 > INDENT_MAX_LEVEL)
        return ARTCONV_OK;
    for (child = el->children; child != NULL; child = child->next) {
        if (!is_block(child))
            continue;
        ws = new_indent(el->doc, level + 1);
        if (ws == NULL)
            return ARTCONV_ENOMEM;
        if (xmlAddPrevSibling(child, ws) == NULL) {
            xmlFreeNode(ws);
            return ARTCONV_ENOMEM;
        }
    }
    if (is_block(el->last)) {
        ws = new_indent(el->doc, level);
        if (ws == NULL)
            return ARTCONV_ENOMEM;
        if (xmlAddChild(el, ws) == NULL) {
            xmlFreeNode(ws);
            return ARTCONV_ENOMEM;
        }
    }
    return ARTCONV_OK;
}

int ac_xhtml_indent(xmlNodePtr root, int depth, artconv_error *err)
{
    ac_xml_walk w;
    ac_xml_event ev;

    /* Into containers only: every element walked is one level deeper than
     * its parent container. */
    ac_xml_walk_init(&w, root);
    while ((ev = ac_xml_walk_next(&w)) != AC_XML_DONE) {
        xmlNodePtr el = ac_xml_walk_node(&w);

        if (ev != AC_XML_ENTER)
            continue;
        if (!is_container(el))
            ac_xml_walk_skip(&w);
        else if (indent_children(el, depth + (int)ac_xml_walk_depth(&w)) < 0)
            return ac_nomem(err);
    }
    return ARTCONV_OK;
}

/* --- serialising ------------------------------------------------------------ */

int ac_xhtml_save(artconv_buf *out, xmlNodePtr node, artconv_error *err)
{
    ac_xml_sink s = {out, 0};
    xmlSaveCtxtPtr ctxt;
    long written;
    int closed;

    /* With an encoding given, libxml2 escapes only & < > (and " in
     * attributes) and writes other characters as they are. */
    ctxt = xmlSaveToIO(ac_xml_sink_write, ac_xml_sink_close, &s, "UTF-8",
                       XML_SAVE_XHTML | XML_SAVE_NO_DECL);
    if (ctxt == NULL)
        return ac_nomem(err);
    written = xmlSaveTree(ctxt, node);
    closed = xmlSaveClose(ctxt);
    if (s.nomem)
        return ac_nomem(err);
    if (written < 0 || closed < 0)
        return ac_error(err, ARTCONV_EIO, "libxml2 could not serialise the document");
    return ARTCONV_OK;
}

/* 1 if `mark` has no element beside it (its parent then ends without a
 * line break when the body is empty). */
static int is_alone(const xmlNode *mark)
{
    const xmlNode *n;

    for (n = mark->parent != NULL ? mark->parent->children : NULL; n != NULL; n = n->next)
        if (n != mark && n->type == XML_ELEMENT_NODE)
            return 0;
    return 1;
}

/* Writes the blocks of `body` one at a time through `ctxt` into s->out,
 * each after `ws` but the first (the page has the first one already).
 * Sets *written to the number of elements written. */
static int save_blocks(ac_xml_sink *s, xmlSaveCtxtPtr ctxt, xmlDocPtr doc, const char *ws,
                       const artconv_node *body, int depth, const ac_xhtml_options *o,
                       ac_xhtml_block_fn each, void *payload, size_t *written,
                       artconv_error *err)
{
    const artconv_node *block;
    xmlNodePtr holder, el;
    int rc = ARTCONV_OK;

    *written = 0;
    for (block = artconv_node_first_child(body); block != NULL && rc == 0;
         block = artconv_node_next(block)) {
        if ((holder = xmlNewDocNode(doc, o->ns, BAD_CAST "div", NULL)) == NULL)
            return ac_nomem(err);
        rc = ac_xhtml_body(holder, block, o, err);
        if (rc == 0 && each != NULL)
            each(holder, payload);
        for (el = holder->children; el != NULL && rc == 0; el = el->next) {
            if ((rc = ac_xhtml_indent(el, depth, err)) < 0)
                break;
            if (*written > 0 && artconv_buf_puts(s->out, ws) < 0) {
                rc = ac_nomem(err);
                break;
            }
            if (xmlSaveTree(ctxt, el) < 0 || xmlSaveFlush(ctxt) < 0)
                rc = s->nomem ? ac_nomem(err)
                              : ac_error(err, ARTCONV_EIO, "libxml2 could not serialise the document");
            ++*written;
        }
        xmlFreeNode(holder);
    }
    return rc;
}

int ac_xhtml_save_around(artconv_buf *out, xmlNodePtr page, xmlNodePtr mark,
                         const artconv_node *body, int depth, const ac_xhtml_options *o,
                         ac_xhtml_block_fn each, void *payload, artconv_error *err)
{
    static const char mark_text[] = "<div class=\"" AC_XHTML_BODY_MARK "\"></div>";
    artconv_buf tail = ARTCONV_BUF_INIT;
    ac_xml_sink s = {out, 0};
    xmlSaveCtxtPtr ctxt = NULL;
    size_t start = out->len, at, ws_at, written = 0;
    char *found, ws[2 + 2 * INDENT_MAX_LEVEL];
    int alone = is_alone(mark), rc;

    AC_CHECK(ac_xhtml_save(out, page, err));
    /* Text and attribute values have their "<" escaped: the first match
     * is the mark. */
    found = strstr(out->ptr + start, mark_text);
    if (found == NULL) {
        rc = ac_error(err, ARTCONV_EIO, "libxml2 could not serialise the document");
        goto cleanup;
    }
    at = (size_t)(found - out->ptr);
    if (artconv_buf_puts(&tail, found + sizeof mark_text - 1) < 0) {
        rc = ac_nomem(err);
        goto cleanup;
    }
    out->len = at;
    out->ptr[at] = '\0';
    /* The line break and indentation before the mark go before every
     * block after the first too. */
    for (ws_at = at; ws_at > start && out->ptr[ws_at - 1] == ' '; ws_at--)
        ;
    if (ws_at > start && out->ptr[ws_at - 1] == '\n')
        ws_at--;
    if (at - ws_at >= sizeof ws) {
        rc = ac_error(err, ARTCONV_EIO, "libxml2 could not serialise the document");
        goto cleanup;
    }
    memcpy(ws, out->ptr + ws_at, at - ws_at);
    ws[at - ws_at] = '\0';
    ctxt = xmlSaveToIO(ac_xml_sink_write, ac_xml_sink_close, &s, "UTF-8",
                       XML_SAVE_XHTML | XML_SAVE_NO_DECL);
    if (ctxt == NULL) {
        rc = ac_nomem(err);
        goto cleanup;
    }
    AC_CHECK(save_blocks(&s, ctxt, page->doc, ws, body, depth, o, each, payload, &written, err));
    if (written == 0) {
        /* No body after all: no line for it, and an element that held
         * nothing else closes on its own line no more. */
        out->len = ws_at;
        out->ptr[ws_at] = '\0';
        if (alone) {
            size_t skip = strspn(tail.ptr, " \n");

            memmove(tail.ptr, tail.ptr + skip, tail.len - skip + 1);
            tail.len -= skip;
        }
    }
    if (artconv_buf_put(out, tail.ptr, tail.len) < 0)
        rc = ac_nomem(err);
cleanup:
    if (ctxt != NULL && xmlSaveClose(ctxt) < 0 && rc == ARTCONV_OK)
        rc = ac_error(err, ARTCONV_EIO, "libxml2 could not serialise the document");
    if (rc < 0) {
        out->len = start;
        if (out->ptr != NULL)
            out->ptr[start] = '\0';
    }
    artconv_buf_dispose(&tail);
    return rc;
}

static int count_write(void *context, const char *bytes, int len)
{
    size_t *count = context;

    (void)bytes;
    if (len < 0)
        return -1;
    *count += (size_t)len;
    return len;
}

int ac_xhtml_measure(size_t *sizes, size_t n, xmlNodePtr parent, artconv_error *err)
{
    xmlSaveCtxtPtr ctxt;
    xmlNodePtr child;
    size_t count = 0, before, i = 0;
    int rc = ARTCONV_OK;

    /* A serialiser costs more to set up than a paragraph costs to write:
     * one is shared by all the children, flushed after each to count its
     * bytes, and nothing is stored. */
    ctxt = xmlSaveToIO(count_write, ac_xml_sink_close, &count, "UTF-8",
                       XML_SAVE_XHTML | XML_SAVE_NO_DECL);
    if (ctxt == NULL)
        return ac_nomem(err);
    for (child = parent->children; child != NULL && i < n; child = child->next) {
        before = count;
        if (xmlSaveTree(ctxt, child) < 0 || xmlSaveFlush(ctxt) < 0) {
            rc = ac_error(err, ARTCONV_EIO, "libxml2 could not serialise the document");
            break;
        }
        sizes[i++] = count - before;
    }
    if (xmlSaveClose(ctxt) < 0 && rc == ARTCONV_OK)
        rc = ac_error(err, ARTCONV_EIO, "libxml2 could not serialise the document");
    return rc;
}
