/*
 * markdown_read.c - CommonMark with YAML front matter into the article
 * model (docs/markdown.md).
 *
 * The front matter is cut off and read by formats/markdown/front_matter.c; cmark parses
 * the rest, and one walk with cmark's iterator maps its tree onto the
 * model, with an explicit stack of open model nodes (no recursion).  The
 * conventions of the Markdown writer are read back: an image alone in a
 * paragraph, optionally followed by a line in emphasis, is a figure with
 * that caption; a quote's last paragraph starting with "— " is its
 * attribution; a first-level heading at the top is the title when the
 * front matter gives none.  Raw HTML goes through the HTML reader's
 * fragment path, except the common inline tags, which map directly
 * because CommonMark splits them into separate opening and closing nodes.
 * Raw HTML that maps to nothing (an unclosed <a>, an unknown element, a
 * comment) stays as a raw HTML node when it is inert (src/raw_html.c)
 * and holds no text; anything else is dropped with a warning.
 */
#include "decode.h"
#include "format_entries.h"
#include "front_matter.h"
#include "xhtml_in.h"
#include "raw_html.h"
#include "url.h"

#include <cmark.h>

#include <stdlib.h>
#include <string.h>

/* Internal limits.  An inline tag's closing tag is looked for among this
 * many following siblings, so a paragraph of 300,000 unclosed tags costs a
 * bounded amount per tag rather than a scan to the paragraph's end. */
#define MAX_TAG_SCAN 256
#define MAX_TAG_NAME 16

/* One open model node, and the cmark node that opened it. */
typedef struct {
    const cmark_node *src;   /* the cmark container, or the opening tag */
    const cmark_node *close; /* for an inline tag: its closing tag */
    artconv_node *node;      /* where children go; the parent's own node
                              * when this level was flattened */
    size_t depth;            /* depth of `node` below the body */
} level;

typedef struct {
    const artconv_read_options *opts;
    artconv_error *err;
    artconv_article *article;
    int line_offset; /* input lines before the Markdown (front matter) */
    level *stack;
    size_t n, cap;
    artconv_buf text; /* adjacent text, merged before it becomes a node */
    artconv_buf tmp;
    int warned_depth;
    int built_html; /* the HTML reader added structure (see the depth check) */
} md_reader;

/* The kinds of inline tag the reader maps without the HTML reader. */
typedef struct {
    const char *name;
    artconv_node_kind kind; /* NONE: keep the content, drop the tag */
} inline_tag;

static const inline_tag inline_tags[] = {
    {"sup", ARTCONV_NODE_SUPERSCRIPT}, {"sub", ARTCONV_NODE_SUBSCRIPT}, {"em", ARTCONV_NODE_EMPH},
    {"i", ARTCONV_NODE_EMPH},          {"cite", ARTCONV_NODE_EMPH},     {"var", ARTCONV_NODE_EMPH},
    {"dfn", ARTCONV_NODE_EMPH},        {"strong", ARTCONV_NODE_STRONG}, {"b", ARTCONV_NODE_STRONG},
    {"span", ARTCONV_NODE_NONE},       {"small", ARTCONV_NODE_NONE},    {"u", ARTCONV_NODE_NONE},
    {"mark", ARTCONV_NODE_NONE},       {"abbr", ARTCONV_NODE_NONE},     {"ins", ARTCONV_NODE_NONE},
    {"q", ARTCONV_NODE_NONE},          {"font", ARTCONV_NODE_NONE},
};

/* Elements whose content is never text of the article. */
static const char *const dropped_tags[] = {"script", "style", "template", "title"};

static int line_of(const md_reader *r, const cmark_node *node)
{
    return cmark_node_get_start_line((cmark_node *)node) + r->line_offset;
}

static level *top(md_reader *r)
{
    return &r->stack[r->n - 1];
}

static int push(md_reader *r, const cmark_node *src, const cmark_node *close, artconv_node *node,
                size_t depth)
{
    if (r->n == r->cap) {
        size_t cap = r->cap * 2;
        level *grown = realloc(r->stack, cap * sizeof *grown);

        if (grown == NULL)
            return ac_nomem(r->err);
        r->stack = grown;
        r->cap = cap;
    }
    r->stack[r->n].src = src;
    r->stack[r->n].close = close;
    r->stack[r->n].node = node;
    r->stack[r->n].depth = depth;
    r->n++;
    return ARTCONV_OK;
}

/* Turns the merged text into one TEXT node of the current parent. */
static int flush_text(md_reader *r)
{
    if (r->text.len == 0)
        return ARTCONV_OK;
    if (ac_node_add_text(top(r)->node, r->text.ptr, r->text.len, r->err) == NULL)
        return r->err != NULL ? r->err->code : ARTCONV_ENOMEM;
    artconv_buf_clear(&r->text);
    return ARTCONV_OK;
}

static int add_text(md_reader *r, const char *s)
{
    return artconv_buf_puts(&r->text, s) < 0 ? ac_nomem(r->err) : ARTCONV_OK;
}

/* Opens a model node of `kind` for the cmark node `src`, or, past the
 * depth limit or where the model does not allow it, a flattened level
 * whose children go to the current parent.  `room` is how many levels the
 * new node's content needs below it. */
static int open_node(md_reader *r, const cmark_node *src, const cmark_node *close,
                     artconv_node_kind kind, size_t room, artconv_node **out)
{
    level *l = top(r);
    artconv_node *node;

    if (out != NULL)
        *out = NULL;
    if (kind == ARTCONV_NODE_NONE ||
        !artconv_node_can_contain(artconv_node_get_kind(l->node), kind))
        return push(r, src, close, l->node, l->depth);
    if (l->depth + 1 + room > ARTCONV_MAX_DEPTH) {
        if (!r->warned_depth)
            ac_warn_read(r->opts, ARTCONV_ELIMIT, line_of(r, src),
                         "nesting deeper than %d levels is flattened", ARTCONV_MAX_DEPTH);
        r->warned_depth = 1;
        return push(r, src, close, l->node, l->depth);
    }
    if ((node = ac_node_add(l->node, kind, r->err)) == NULL)
        return r->err != NULL ? r->err->code : ARTCONV_ENOMEM;
    if (out != NULL)
        *out = node;
    return push(r, src, close, node, l->depth + 1);
}

/* Appends the plain text of an image's description, as cmark's HTML
 * renderer writes it into alt: literals, breaks as spaces. */
static int image_alt(artconv_buf *out, cmark_node *image)
{
    cmark_iter *it = cmark_iter_new(image);
    cmark_event_type ev;
    int rc = ARTCONV_OK;

    if (it == NULL)
        return ARTCONV_ENOMEM;
    artconv_buf_clear(out);
    rc = artconv_buf_put(out, "", 0);
    while (rc == 0 && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);

        if (ev != CMARK_EVENT_ENTER)
            continue;
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_HTML_INLINE:
            rc = artconv_buf_puts(out, cmark_node_get_literal(n));
            break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            rc = artconv_buf_putc(out, ' ');
            break;
        default:
            break;
        }
    }
    cmark_iter_free(it);
    return rc;
}

/* cmark has decoded the destination's references; a scheme other than
 * http, https, mailto or tel (data: for images) leaves it empty, as the
 * HTML reader drops such a link: no script gets into the model. */
static int set_url(artconv_node *node, const char *url, int image, artconv_error *err)
{
    if (url == NULL || !ac_url_is_safe(url, strlen(url), image))
        url = "";
    return ac_node_set_url_n(node, url, strlen(url), err);
}

static int add_image(md_reader *r, cmark_node *image)
{
    artconv_node *node;
    const char *url = cmark_node_get_url(image), *title = cmark_node_get_title(image);
    int rc;

    if ((rc = flush_text(r)) < 0)
        return rc;
    if ((node = ac_node_add(top(r)->node, ARTCONV_NODE_IMAGE, r->err)) == NULL)
        return r->err != NULL ? r->err->code : ARTCONV_ENOMEM;
    if (image_alt(&r->tmp, image) < 0)
        return ac_nomem(r->err);
    if ((rc = set_url(node, url, 1, r->err)) < 0)
        return rc;
    if (title != NULL && *title != '\0' &&
        (rc = ac_node_set_title_n(node, title, strlen(title), r->err)) < 0)
        return rc;
    if (r->tmp.len > 0)
        return ac_node_set_alt_n(node, r->tmp.ptr, r->tmp.len, r->err);
    return ARTCONV_OK;
}

/* 1 if `p` is an implicit figure: an image without a title, alone, or
 * followed by a line end and an emphasis (the caption). */
static int is_figure(cmark_node *p)
{
    cmark_node *image = cmark_node_first_child(p), *next, *caption;
    const char *title;

    if (image == NULL || cmark_node_get_type(image) != CMARK_NODE_IMAGE)
        return 0;
    title = cmark_node_get_title(image);
    if (title != NULL && *title != '\0')
        return 0;
    next = cmark_node_next(image);
    if (next == NULL)
        return 1;
    caption = cmark_node_next(next);
    return cmark_node_get_type(next) == CMARK_NODE_SOFTBREAK && caption != NULL &&
           cmark_node_get_type(caption) == CMARK_NODE_EMPH && cmark_node_next(caption) == NULL;
}

static int enter_paragraph(md_reader *r, cmark_node *p)
{
    const char *url;
    artconv_node *figure;
    int rc;

    /* The figure's caption needs two levels below it. */
    if (!is_figure(p) || top(r)->depth + 3 > ARTCONV_MAX_DEPTH)
        return open_node(r, p, NULL, ARTCONV_NODE_PARAGRAPH, 1, NULL);
    if ((rc = open_node(r, p, NULL, ARTCONV_NODE_FIGURE, 2, &figure)) < 0)
        return rc;
    if (figure == NULL)
        return ARTCONV_OK;
    url = cmark_node_get_url(cmark_node_first_child(p));
    if ((rc = set_url(figure, url, 1, r->err)) < 0)
        return rc;
    if (image_alt(&r->tmp, cmark_node_first_child(p)) < 0)
        return ac_nomem(r->err);
    return r->tmp.len > 0 ? ac_node_set_alt_n(figure, r->tmp.ptr, r->tmp.len, r->err) : 0;
}

/* A quote's last paragraph starting with "— " becomes its attribution. */
static int find_attribution(md_reader *r, artconv_node *quote)
{
    static const char dash[] = "\xe2\x80\x94 ";
    artconv_node *p = artconv_node_last_child(quote), *attr, *first, *child;
    const char *lit;
    int rc;

    if (artconv_node_get_kind(p) != ARTCONV_NODE_PARAGRAPH)
        return ARTCONV_OK;
    first = artconv_node_first_child(p);
    lit = artconv_node_get_literal(first);
    if (artconv_node_get_kind(first) != ARTCONV_NODE_TEXT || lit == NULL ||
        strncmp(lit, dash, sizeof dash - 1) != 0 || strlen(lit) == sizeof dash - 1)
        return ARTCONV_OK;
    if ((attr = ac_node_add(quote, ARTCONV_NODE_ATTRIBUTION, r->err)) == NULL)
        return r->err != NULL ? r->err->code : ARTCONV_ENOMEM;
    if ((rc = ac_node_set_literal_n(first, lit + sizeof dash - 1, strlen(lit) - (sizeof dash - 1),
                                    r->err)) < 0)
        return rc;
    while ((child = artconv_node_first_child(p)) != NULL)
        if ((rc = artconv_node_append(attr, child, r->err)) < 0)
            return rc;
    artconv_node_free(p);
    return ARTCONV_OK;
}

/* --- raw HTML ------------------------------------------------------------- */

typedef enum { TAG_OTHER, TAG_OPEN, TAG_CLOSE } tag_type;

/* Reads the tag at the start of `s`: its type and lower-case name. */
static tag_type parse_tag(const char *s, char name[MAX_TAG_NAME + 1], int *self_closing)
{
    tag_type type = TAG_OPEN;
    size_t n = 0, len = strlen(s);

    *self_closing = len >= 2 && s[len - 2] == '/' && s[len - 1] == '>';
    if (*s++ != '<')
        return TAG_OTHER;
    if (*s == '/') {
        type = TAG_CLOSE;
        s++;
    }
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
        return TAG_OTHER;
    while (((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
            *s == '-') &&
           n < MAX_TAG_NAME) {
        name[n++] = (char)(*s >= 'A' && *s <= 'Z' ? *s - 'A' + 'a' : *s);
        s++;
    }
    name[n] = '\0';
    return type;
}

/* The sibling holding the closing tag that matches the opening tag in
 * `open`, or NULL. */
static cmark_node *matching_close(cmark_node *open, const char *name)
{
    cmark_node *n = open;
    char other[MAX_TAG_NAME + 1];
    int self_closing, nest = 0, scanned = 0;
    tag_type type;

    while ((n = cmark_node_next(n)) != NULL && scanned++ < MAX_TAG_SCAN) {
        if (cmark_node_get_type(n) != CMARK_NODE_HTML_INLINE)
            continue;
        type = parse_tag(cmark_node_get_literal(n), other, &self_closing);
        if (type == TAG_OTHER || strcmp(other, name) != 0)
            continue;
        if (type == TAG_OPEN && !self_closing)
            nest++;
        else if (type == TAG_CLOSE && nest-- == 0)
            return n;
    }
    return NULL;
}

/* Keeps `html` as a raw node of `kind` under the current parent, if the
 * model allows one there and the HTML is inert markup without text.
 * Returns 1 if it was kept, 0 if not, or a negative status. */
static int add_raw(md_reader *r, artconv_node_kind kind, const char *html, size_t len)
{
    artconv_node *node;
    int rc;

    if ((rc = flush_text(r)) < 0)
        return rc;
    /* cmark ends an HTML block with its line ending; the node does not. */
    if (kind == ARTCONV_NODE_RAW_HTML_BLOCK && len > 0 && html[len - 1] == '\n')
        len--;
    if (len == 0 || !artconv_node_can_contain(artconv_node_get_kind(top(r)->node), kind) ||
        !ac_raw_html_is_inert(html, len) || !ac_raw_html_is_markup_only(html, len))
        return 0;
    if ((node = ac_node_add(top(r)->node, kind, r->err)) == NULL)
        return r->err != NULL ? r->err->code : ARTCONV_ENOMEM;
    if ((rc = ac_node_set_literal_n(node, html, len, r->err)) < 0)
        return rc;
    return 1;
}

/* Counts the children of `parent` added after `before` (NULL: all). */
static int added_since(const artconv_node *parent, const artconv_node *before)
{
    return (before == NULL ? artconv_node_first_child(parent) : artconv_node_next(before)) != NULL;
}

/* Hands raw HTML to the HTML reader's fragment path, which appends blocks
 * or inlines to the current parent; what maps to nothing stays raw as
 * `raw` if it can (NONE: never).  Failures other than memory are
 * warnings: the rest of the article still reads. */
static int add_fragment(md_reader *r, const char *html, size_t len, const cmark_node *src,
                        artconv_node_kind raw)
{
    artconv_node *parent = top(r)->node, *before;
    artconv_error e;
    int rc;

    if ((rc = flush_text(r)) < 0)
        return rc;
    before = artconv_node_last_child(parent);
    memset(&e, 0, sizeof e);
    r->built_html = 1;
    rc = ac_html_fragment_to_model(parent, html, len, NULL, r->opts, &e);
    if (rc == ARTCONV_ENOMEM)
        return ac_nomem(r->err);
    if (rc < 0) {
        if (r->opts != NULL && r->opts->strict)
            return ac_error_at(r->err, rc, line_of(r, src), 0, 0, "raw HTML: %s", e.message);
        ac_warn_read(r->opts, rc, line_of(r, src), "raw HTML dropped: %s", e.message);
    } else if (!added_since(parent, before)) {
        if (raw != ARTCONV_NODE_NONE && (rc = add_raw(r, raw, html, len)) != 0)
            return rc < 0 ? rc : ARTCONV_OK;
        ac_warn_read(r->opts, ARTCONV_EUNSUPPORTED, line_of(r, src),
                     "raw HTML '%.40s' holds nothing artconv keeps; dropped", html);
    }
    return ARTCONV_OK;
}

/* 1 if the HTML is only comments and white space. */
static int only_comments(const char *s)
{
    for (;;) {
        while (ac_is_space((unsigned char)*s))
            s++;
        if (*s == '\0')
            return 1;
        if (strncmp(s, "<!--", 4) != 0 || (s = strstr(s + 4, "-->")) == NULL)
            return 0;
        s += 3;
    }
}

static int html_block(md_reader *r, cmark_node *node)
{
    const char *html = cmark_node_get_literal(node);
    int rc;

    /* Comments hold no article text: kept raw if inert, else dropped. */
    if (only_comments(html))
        return (rc = add_raw(r, ARTCONV_NODE_RAW_HTML_BLOCK, html, strlen(html))) < 0 ? rc : 0;
    /* Processing instructions (<?php ...?>), declarations and CDATA hold
     * no article text: the HTML parser would leak their insides as text. */
    if (html[0] == '<' && (html[1] == '?' || html[1] == '!') && strncmp(html, "<!--", 4) != 0) {
        ac_warn_read(r->opts, ARTCONV_EUNSUPPORTED, line_of(r, node),
                     "raw HTML '%.40s' is not content; dropped", html);
        return flush_text(r);
    }
    return add_fragment(r, html, strlen(html), node, ARTCONV_NODE_RAW_HTML_BLOCK);
}

/* Renders the sibling run [first, last] (just `first` when `last` is
 * NULL) back to HTML for the fragment path: raw HTML as it is, Markdown
 * through cmark. */
static int render_run(artconv_buf *out, cmark_node *first, const cmark_node *last)
{
    cmark_node *n;
    char *html;

    artconv_buf_clear(out);
    for (n = first; n != NULL; n = cmark_node_next(n)) {
        if (cmark_node_get_type(n) == CMARK_NODE_HTML_INLINE) {
            if (artconv_buf_puts(out, cmark_node_get_literal(n)) < 0)
                return ARTCONV_ENOMEM;
        } else {
            if ((html = cmark_render_html(n, CMARK_OPT_UNSAFE)) == NULL)
                return ARTCONV_ENOMEM;
            if (artconv_buf_puts(out, html) < 0) {
                free(html);
                return ARTCONV_ENOMEM;
            }
            free(html);
        }
        if (n == last || last == NULL)
            break;
    }
    return artconv_buf_put(out, "", 0);
}

static int tag_in(const char *name, const char *const *list, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (strcmp(name, list[i]) == 0)
            return 1;
    return 0;
}

/* Closes the levels up to the one opened by the tag whose closing tag is
 * `node`; 0 if no open level waits for it. */
static int close_tag(md_reader *r, const cmark_node *node)
{
    size_t i;

    for (i = r->n; i > 1; i--) {
        if (r->stack[i - 1].close == node) {
            r->n = i - 1;
            return 1;
        }
        if (r->stack[i - 1].close == NULL)
            break; /* a Markdown container: tags do not cross it */
    }
    return 0;
}

static int html_inline(md_reader *r, cmark_iter *it, cmark_node *node)
{
    const char *lit = cmark_node_get_literal(node);
    char name[MAX_TAG_NAME + 1];
    cmark_node *close;
    int self_closing, rc;
    tag_type type = parse_tag(lit, name, &self_closing);
    size_t i;

    if ((rc = flush_text(r)) < 0)
        return rc;
    if (type == TAG_OTHER) {
        if ((rc = add_raw(r, ARTCONV_NODE_RAW_HTML_INLINE, lit, strlen(lit))) != 0)
            return rc < 0 ? rc : ARTCONV_OK;
        if (strncmp(lit, "<!--", 4) != 0)
            ac_warn_read(r->opts, ARTCONV_EUNSUPPORTED, line_of(r, node),
                         "raw HTML '%.40s' dropped", lit);
        return ARTCONV_OK;
    }
    if (type == TAG_CLOSE) {
        if (close_tag(r, node))
            return ARTCONV_OK;
        if ((rc = add_raw(r, ARTCONV_NODE_RAW_HTML_INLINE, lit, strlen(lit))) != 0)
            return rc < 0 ? rc : ARTCONV_OK;
        ac_warn_read(r->opts, ARTCONV_EUNSUPPORTED, line_of(r, node),
                     "closing tag </%s> without its opening tag dropped", name);
        return ARTCONV_OK;
    }
    if (strcmp(name, "br") == 0)
        return ac_node_add(top(r)->node, ARTCONV_NODE_LINEBREAK, r->err) != NULL
                   ? ARTCONV_OK
                   : (r->err != NULL ? r->err->code : ARTCONV_ENOMEM);
    close = self_closing ? NULL : matching_close(node, name);
    if (tag_in(name, dropped_tags, sizeof dropped_tags / sizeof dropped_tags[0])) {
        ac_warn_read(r->opts, ARTCONV_EUNSUPPORTED, line_of(r, node), "<%s> dropped", name);
        if (close != NULL)
            cmark_iter_reset(it, close, CMARK_EVENT_ENTER);
        return ARTCONV_OK;
    }
    for (i = 0; i < sizeof inline_tags / sizeof inline_tags[0]; i++) {
        if (strcmp(name, inline_tags[i].name) != 0)
            continue;
        if (close == NULL) {
            if ((rc = add_raw(r, ARTCONV_NODE_RAW_HTML_INLINE, lit, strlen(lit))) != 0)
                return rc < 0 ? rc : ARTCONV_OK;
            ac_warn_read(r->opts, ARTCONV_EUNSUPPORTED, line_of(r, node),
                         "<%s> without its closing tag dropped", name);
            return ARTCONV_OK;
        }
        return open_node(r, node, close, inline_tags[i].kind, 1, NULL);
    }
    /* Anything else (links, code, images...) as HTML, with what lies
     * between its tags. */
    if (render_run(&r->tmp, node, close) < 0)
        return ac_nomem(r->err);
    if (close != NULL)
        cmark_iter_reset(it, close, CMARK_EVENT_ENTER);
    /* A lone tag that maps to nothing may stay raw; a pair with content
     * between its tags may not (the content is Markdown, not raw HTML). */
    return add_fragment(r, r->tmp.ptr, r->tmp.len, node,
                        close == NULL ? ARTCONV_NODE_RAW_HTML_INLINE : ARTCONV_NODE_NONE);
}

/* --- the walk ------------------------------------------------------------- */

static int enter(md_reader *r, cmark_iter *it, cmark_node *node)
{
    artconv_node *made;
    const char *s;
    int rc;

    if (cmark_node_get_type(node) == CMARK_NODE_TEXT)
        return add_text(r, cmark_node_get_literal(node));
    if ((rc = flush_text(r)) < 0)
        return rc;
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_DOCUMENT:
        return ARTCONV_OK;
    case CMARK_NODE_BLOCK_QUOTE:
        return open_node(r, node, NULL, ARTCONV_NODE_BLOCKQUOTE, 2, NULL);
    case CMARK_NODE_LIST:
        if ((rc = open_node(r, node, NULL, ARTCONV_NODE_LIST, 3, &made)) < 0 || made == NULL)
            return rc;
        return artconv_node_set_list(made, cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                                     cmark_node_get_list_start(node),
                                     cmark_node_get_list_tight(node), r->err);
    case CMARK_NODE_ITEM:
        return open_node(r, node, NULL, ARTCONV_NODE_ITEM, 2, NULL);
    case CMARK_NODE_PARAGRAPH:
        return enter_paragraph(r, node);
    case CMARK_NODE_HEADING:
        if ((rc = open_node(r, node, NULL, ARTCONV_NODE_HEADING, 1, &made)) < 0 || made == NULL)
            return rc;
        return artconv_node_set_level(made, cmark_node_get_heading_level(node), r->err);
    case CMARK_NODE_CODE_BLOCK:
        if ((made = ac_node_add(top(r)->node, ARTCONV_NODE_CODE_BLOCK, r->err)) == NULL)
            return r->err != NULL ? r->err->code : ARTCONV_ENOMEM;
        s = cmark_node_get_fence_info(node);
        if (s != NULL && *s != '\0' && (rc = artconv_node_set_info(made, s, r->err)) < 0)
            return rc;
        s = cmark_node_get_literal(node);
        return ac_node_set_literal_n(made, s, strlen(s), r->err);
    case CMARK_NODE_THEMATIC_BREAK:
        return ac_node_add(top(r)->node, ARTCONV_NODE_THEMATIC_BREAK, r->err) != NULL
                   ? ARTCONV_OK
                   : (r->err != NULL ? r->err->code : ARTCONV_ENOMEM);
    case CMARK_NODE_HTML_BLOCK:
        return html_block(r, node);
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
        /* Inside a figure: the line end before the caption. */
        if (artconv_node_get_kind(top(r)->node) == ARTCONV_NODE_FIGURE)
            return ARTCONV_OK;
        return ac_node_add(top(r)->node,
                           cmark_node_get_type(node) == CMARK_NODE_SOFTBREAK
                               ? ARTCONV_NODE_SOFTBREAK
                               : ARTCONV_NODE_LINEBREAK,
                           r->err) != NULL
                   ? ARTCONV_OK
                   : (r->err != NULL ? r->err->code : ARTCONV_ENOMEM);
    case CMARK_NODE_CODE:
        if ((made = ac_node_add(top(r)->node, ARTCONV_NODE_CODE, r->err)) == NULL)
            return r->err != NULL ? r->err->code : ARTCONV_ENOMEM;
        s = cmark_node_get_literal(node);
        return ac_node_set_literal_n(made, s, strlen(s), r->err);
    case CMARK_NODE_HTML_INLINE:
        return html_inline(r, it, node);
    case CMARK_NODE_EMPH:
        return open_node(r, node, NULL,
                         artconv_node_get_kind(top(r)->node) == ARTCONV_NODE_FIGURE
                             ? ARTCONV_NODE_CAPTION
                             : ARTCONV_NODE_EMPH,
                         1, NULL);
    case CMARK_NODE_STRONG:
        return open_node(r, node, NULL, ARTCONV_NODE_STRONG, 1, NULL);
    case CMARK_NODE_LINK:
        if ((rc = open_node(r, node, NULL, ARTCONV_NODE_LINK, 1, &made)) < 0 || made == NULL)
            return rc;
        if ((rc = set_url(made, cmark_node_get_url(node), 0, r->err)) < 0)
            return rc;
        s = cmark_node_get_title(node);
        return s != NULL && *s != '\0' ? ac_node_set_title_n(made, s, strlen(s), r->err) : 0;
    case CMARK_NODE_IMAGE:
        /* Its description is read as alt text: skip the children. */
        cmark_iter_reset(it, node, CMARK_EVENT_EXIT);
        if (artconv_node_get_kind(top(r)->node) == ARTCONV_NODE_FIGURE)
            return ARTCONV_OK;
        return add_image(r, node);
    default:
        return ARTCONV_OK;
    }
}

static int leave(md_reader *r, const cmark_node *node)
{
    artconv_node *closed = NULL;
    int rc;

    if ((rc = flush_text(r)) < 0)
        return rc;
    if (cmark_node_get_type((cmark_node *)node) == CMARK_NODE_DOCUMENT)
        return ARTCONV_OK;
    /* Inline tags left open inside this node close with it. */
    while (r->n > 1 && top(r)->src != node)
        r->n--;
    if (r->n > 1) {
        if (r->n < 2 || r->stack[r->n - 2].node != top(r)->node)
            closed = top(r)->node;
        r->n--;
    }
    if (closed != NULL && artconv_node_get_kind(closed) == ARTCONV_NODE_BLOCKQUOTE)
        return find_attribution(r, closed);
    /* A paragraph of nothing but dropped raw HTML. */
    if (closed != NULL && artconv_node_get_kind(closed) == ARTCONV_NODE_PARAGRAPH &&
        artconv_node_first_child(closed) == NULL)
        artconv_node_free(closed);
    return ARTCONV_OK;
}

/* With no title from the front matter, a first-level heading of plain
 * text at the very top is the title. */
static int take_title(md_reader *r)
{
    artconv_node *h = artconv_node_first_child(artconv_article_body(r->article)), *c;
    int rc;

    if (artconv_article_get(r->article, ARTCONV_META_TITLE) != NULL ||
        artconv_node_get_kind(h) != ARTCONV_NODE_HEADING || artconv_node_get_level(h) != 1)
        return ARTCONV_OK;
    for (c = artconv_node_first_child(h); c != NULL; c = artconv_node_next(c))
        if (artconv_node_get_kind(c) != ARTCONV_NODE_TEXT &&
            artconv_node_get_kind(c) != ARTCONV_NODE_SOFTBREAK)
            return ARTCONV_OK;
    artconv_buf_clear(&r->tmp);
    for (c = artconv_node_first_child(h); c != NULL; c = artconv_node_next(c)) {
        const char *lit = artconv_node_get_literal(c);

        if (artconv_buf_puts(&r->tmp, lit != NULL ? lit : " ") < 0)
            return ac_nomem(r->err);
    }
    if (r->tmp.len == 0)
        return ARTCONV_OK;
    if ((rc = ac_article_set_n(r->article, ARTCONV_META_TITLE, r->tmp.ptr, r->tmp.len, r->err)) < 0)
        return rc;
    artconv_node_free(h);
    return ARTCONV_OK;
}

/* Frees the sibling before `node`, which the walk has left for good: a
 * paragraph of 150,000 links is one top-level block, and its cmark tree
 * beside the whole model took twice the memory.  Raw HTML tags stay, since
 * the level stack may point at an opening tag (and a closing tag is looked
 * for among the following siblings only). */
static void free_done(cmark_node *node)
{
    cmark_node *prev = cmark_node_previous(node);

    if (prev != NULL && cmark_node_get_type(prev) != CMARK_NODE_HTML_INLINE)
        cmark_node_free(prev);
}

/* Walks one top-level block of cmark's tree into the model, freeing what
 * it has walked (free_done). */
static int build_block(md_reader *r, cmark_node *block)
{
    cmark_iter *it = cmark_iter_new(block);
    cmark_event_type ev;
    int rc = ARTCONV_OK;

    if (it == NULL)
        return ac_nomem(r->err);
    while (rc == 0 && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *node = cmark_iter_get_node(it);

        if (ev == CMARK_EVENT_ENTER && node != block)
            free_done(node);
        if (ev == CMARK_EVENT_ENTER)
            rc = enter(r, it, node);
        else
            rc = leave(r, node);
        if (rc < 0 && r->err != NULL && r->err->line == 0)
            r->err->line = line_of(r, node);
    }
    cmark_iter_free(it);
    return rc;
}

/* Builds the model one top-level block at a time and frees each block once
 * it is in: cmark's tree shrinks as the model grows, so the two are never
 * both whole in memory.  Nothing refers across top-level blocks (raw HTML
 * tags pair up inside one paragraph, and the level stack is back to the
 * body after each block). */
static int build(md_reader *r, cmark_node *doc)
{
    cmark_node *block;
    int rc = ARTCONV_OK;

    while (rc == 0 && (block = cmark_node_first_child(doc)) != NULL) {
        rc = build_block(r, block);
        cmark_node_free(block); /* unlinks it from the document */
    }
    return rc;
}

int ac_markdown_read(artconv_article **out, const char *data, size_t len,
                     const artconv_read_options *opts, artconv_error *err)
{
    md_reader r;
    artconv_buf input = ARTCONV_BUF_INIT;
    cmark_node *doc = NULL;
    size_t body = 0;
    int rc = ARTCONV_OK;

    *out = NULL;
    memset(&r, 0, sizeof r);
    r.opts = opts;
    r.err = err;
    /* The one input policy of every reader (formats/shared/decode.c): clean
     * UTF-8 is read where it is; bytes that are not UTF-8 are Windows-1252. */
    AC_CHECK(ac_decode_input(&input, &data, &len, data, len, NULL, opts, err));
    if ((r.article = artconv_article_new()) == NULL) {
        rc = ac_nomem(err);
        goto cleanup;
    }
    AC_CHECK(ac_front_matter_read(r.article, &body, &r.line_offset, data, len, opts, err));
    /* cmark aborts if memory runs out; the rest of the library reports it. */
    doc = cmark_parse_document(data + body, len - body, CMARK_OPT_DEFAULT);
    /* cmark keeps copies of what it needs: the cleaned input can go before
     * the model is built next to cmark's tree. */
    artconv_buf_dispose(&input);
    r.cap = 64;
    if ((r.stack = malloc(r.cap * sizeof *r.stack)) == NULL) {
        rc = ac_nomem(err);
        goto cleanup;
    }
    r.stack[0].src = doc;
    r.stack[0].close = NULL;
    r.stack[0].node = artconv_article_body(r.article);
    r.stack[0].depth = 0;
    r.n = 1;
    AC_CHECK(build(&r, doc));
    AC_CHECK(take_title(&r));
    /* Raw HTML builds its own structure, which could reach deeper. */
    if (r.built_html && artconv_node_depth(artconv_article_body(r.article)) > ARTCONV_MAX_DEPTH) {
        rc = ac_error(err, ARTCONV_ELIMIT, "raw HTML nests the article deeper than %d levels",
                      ARTCONV_MAX_DEPTH);
        goto cleanup;
    }
    *out = r.article;
    r.article = NULL;
cleanup:
    if (doc != NULL)
        cmark_node_free(doc);
    artconv_article_free(r.article);
    free(r.stack);
    artconv_buf_dispose(&r.text);
    artconv_buf_dispose(&r.tmp);
    artconv_buf_dispose(&input);
    return rc;
}
