/*
 * read_raw_html.c - cmark's raw HTML nodes into the model.  The common
 * inline tags (<sup>, <em>, <span>...) map directly, because CommonMark
 * splits them into separate opening and closing nodes; anything else goes
 * through the HTML reader's fragment path.  Raw HTML that maps to nothing
 * (an unclosed <a>, an unknown element, a comment) stays as a raw HTML node
 * when it is inert (src/raw_html.c) and holds no text; anything else is
 * dropped with a warning.
 */
#include "md_reader.h"
#include "raw_html.h"
#include "xhtml_in.h"

#include <stdlib.h>
#include <string.h>

/* Internal limits.  An inline tag's closing tag is looked for among this
 * many following siblings, so a paragraph of 300,000 unclosed tags costs a
 * bounded amount per tag rather than a scan to the paragraph's end. */
#define MAX_TAG_SCAN 256
#define MAX_TAG_NAME 16

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

    if ((rc = ac_mdr_flush_text(r)) < 0)
        return rc;
    /* cmark ends an HTML block with its line ending; the node does not. */
    if (kind == ARTCONV_NODE_RAW_HTML_BLOCK && len > 0 && html[len - 1] == '\n')
        len--;
    if (len == 0 || !artconv_node_can_contain(artconv_node_get_kind(ac_mdr_top(r)->node), kind) ||
        !ac_raw_html_is_inert(html, len) || !ac_raw_html_is_markup_only(html, len))
        return 0;
    if ((node = ac_node_add(ac_mdr_top(r)->node, kind, r->err)) == NULL)
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
    artconv_node *parent = ac_mdr_top(r)->node, *before;
    artconv_error e;
    int rc;

    if ((rc = ac_mdr_flush_text(r)) < 0)
        return rc;
    before = artconv_node_last_child(parent);
    memset(&e, 0, sizeof e);
    r->built_html = 1;
    rc = ac_html_fragment_to_model(parent, html, len, NULL, r->opts, &e);
    if (rc == ARTCONV_ENOMEM)
        return ac_nomem(r->err);
    if (rc < 0) {
        if (r->opts != NULL && r->opts->strict)
            return ac_error_at(r->err, rc, ac_mdr_line_of(r, src), 0, 0, "raw HTML: %s", e.message);
        ac_warn_read(r->opts, rc, ac_mdr_line_of(r, src), "raw HTML dropped: %s", e.message);
    } else if (!added_since(parent, before)) {
        if (raw != ARTCONV_NODE_NONE && (rc = add_raw(r, raw, html, len)) != 0)
            return rc < 0 ? rc : ARTCONV_OK;
        ac_warn_read(r->opts, ARTCONV_EUNSUPPORTED, ac_mdr_line_of(r, src),
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

int ac_mdr_html_block(md_reader *r, cmark_node *node)
{
    const char *html = cmark_node_get_literal(node);
    int rc;

    /* Comments hold no article text: kept raw if inert, else dropped. */
    if (only_comments(html))
        return (rc = add_raw(r, ARTCONV_NODE_RAW_HTML_BLOCK, html, strlen(html))) < 0 ? rc : 0;
    /* Processing instructions (<?php ...?>), declarations and CDATA hold
     * no article text: the HTML parser would leak their insides as text. */
    if (html[0] == '<' && (html[1] == '?' || html[1] == '!') && strncmp(html, "<!--", 4) != 0) {
        ac_warn_read(r->opts, ARTCONV_EUNSUPPORTED, ac_mdr_line_of(r, node),
                     "raw HTML '%.40s' is not content; dropped", html);
        return ac_mdr_flush_text(r);
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
            if ((html = cmark_render_html(n, CMARK_OPT_UNSAFE, NULL)) == NULL)
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

int ac_mdr_html_inline(md_reader *r, cmark_iter *it, cmark_node *node)
{
    const char *lit = cmark_node_get_literal(node);
    char name[MAX_TAG_NAME + 1];
    cmark_node *close;
    int self_closing, rc;
    tag_type type = parse_tag(lit, name, &self_closing);
    size_t i;

    if ((rc = ac_mdr_flush_text(r)) < 0)
        return rc;
    if (type == TAG_OTHER) {
        if ((rc = add_raw(r, ARTCONV_NODE_RAW_HTML_INLINE, lit, strlen(lit))) != 0)
            return rc < 0 ? rc : ARTCONV_OK;
        if (strncmp(lit, "<!--", 4) != 0)
            ac_warn_read(r->opts, ARTCONV_EUNSUPPORTED, ac_mdr_line_of(r, node),
                         "raw HTML '%.40s' dropped", lit);
        return ARTCONV_OK;
    }
    if (type == TAG_CLOSE) {
        if (close_tag(r, node))
            return ARTCONV_OK;
        if ((rc = add_raw(r, ARTCONV_NODE_RAW_HTML_INLINE, lit, strlen(lit))) != 0)
            return rc < 0 ? rc : ARTCONV_OK;
        ac_warn_read(r->opts, ARTCONV_EUNSUPPORTED, ac_mdr_line_of(r, node),
                     "closing tag </%s> without its opening tag dropped", name);
        return ARTCONV_OK;
    }
    if (strcmp(name, "br") == 0)
        return ac_node_add(ac_mdr_top(r)->node, ARTCONV_NODE_LINEBREAK, r->err) != NULL
                   ? ARTCONV_OK
                   : (r->err != NULL ? r->err->code : ARTCONV_ENOMEM);
    close = self_closing ? NULL : matching_close(node, name);
    if (tag_in(name, dropped_tags, sizeof dropped_tags / sizeof dropped_tags[0])) {
        ac_warn_read(r->opts, ARTCONV_EUNSUPPORTED, ac_mdr_line_of(r, node), "<%s> dropped", name);
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
            ac_warn_read(r->opts, ARTCONV_EUNSUPPORTED, ac_mdr_line_of(r, node),
                         "<%s> without its closing tag dropped", name);
            return ARTCONV_OK;
        }
        return ac_mdr_open_node(r, node, close, inline_tags[i].kind, 1, NULL);
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
