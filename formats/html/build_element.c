/*
 * build_element.c - what each HTML element opens in the model when the
 * builder enters it: headings, paragraphs, quotes, lists, code, links,
 * emphasis, tables and figures; anything else is a layout wrapper whose
 * content goes where its parent's would.
 */
#include "build.h"

#include <stdlib.h>
#include <string.h>

static int heading_level(const xmlNode *el)
{
    const char *n = (const char *)el->name;

    if (n[0] == 'h' && n[1] >= '1' && n[1] <= '6' && n[2] == '\0')
        return n[1] - '0';
    return 0;
}

static int add_code_block(builder *b, const xmlNode *el)
{
    xmlChar *content = xmlNodeGetContent(el);
    const char *s = content == NULL ? "" : (const char *)content, *cls;
    size_t len = strlen(s);
    artconv_node *parent, *cb;
    int rc = 0;

    if (len > 0 && s[0] == '\n') {
        s++;
        len--;
    }
    while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == '\r'))
        len--;
    if (len == 0)
        goto cleanup;
    if ((parent = ac_build_flow(b)) == NULL ||
        (cb = ac_node_add(parent, ARTCONV_NODE_CODE_BLOCK, b->err)) == NULL) {
        rc = ARTCONV_ENOMEM;
        goto cleanup;
    }
    AC_CHECK(ac_node_set_literal_n(cb, s, len, b->err));
    cls = ac_html_attr(el, "class");
    /* HTML5's convention (and our writers') puts the language on the
     * <code> inside the <pre>. */
    if (cls == NULL) {
        const xmlNode *c;

        for (c = el->children; c != NULL && c->type != XML_ELEMENT_NODE; c = c->next)
            ;
        if (c != NULL && xmlStrcasecmp(c->name, (const xmlChar *)"code") == 0)
            cls = ac_html_attr(c, "class");
    }
    if (cls != NULL && (strncmp(cls, "language-", 9) == 0 || strncmp(cls, "lang-", 5) == 0)) {
        const char *lang = strchr(cls, '-') + 1;
        size_t n = strcspn(lang, " \t\n");
        char *info = ac_strndup(lang, n);

        if (info == NULL) {
            rc = ac_nomem(b->err);
            goto cleanup;
        }
        /* An info string the model refuses (odd bytes) is simply left out. */
        (void)artconv_node_set_info(cb, info, NULL);
        free(info);
    }
cleanup:
    xmlFree(content);
    return rc;
}

static int add_code_inline(builder *b, const xmlNode *el)
{
    artconv_node *code;
    int rc;

    artconv_buf_clear(&b->tmp);
    if (ac_html_text(&b->tmp, el) < 0)
        return ac_nomem(b->err);
    if (b->tmp.len == 0)
        return 0;
    if ((code = ac_build_open_inline(b, ARTCONV_NODE_CODE, &rc)) == NULL)
        return rc < 0 ? rc : ac_build_add_text(b, b->tmp.ptr, b->tmp.len);
    b->space = 0;
    return ac_node_set_literal_n(code, b->tmp.ptr, b->tmp.len, b->err);
}

static int row_is_header(const xmlNode *tr)
{
    const xmlNode *c;
    int cells = 0;

    if (ac_html_is(tr->parent, "thead"))
        return 1;
    for (c = tr->children; c != NULL; c = c->next) {
        if (ac_html_is(c, "td"))
            return 0;
        cells += ac_html_is(c, "th");
    }
    return cells > 0;
}

static const char *const emph_tags[] = {"em", "i", "cite", "dfn", "var", NULL};
static const char *const strong_tags[] = {"strong", "b", NULL};
static const char *const code_tags[] = {"code", "kbd", "samp", "tt", NULL};

/* 1 if the <figcaption> `el` names who the block quote just made (the
 * last block of `parent`) is from: both sit in the same <figure>. */
static int is_quote_caption(const builder *b, const xmlNode *el, const artconv_node *parent)
{
    const artconv_node *last;

    if (b->quote == NULL || el->parent != b->quote_wrapper || !ac_html_is(el->parent, "figure") ||
        artconv_node_last_child(parent) != b->quote)
        return 0;
    last = artconv_node_last_child(b->quote);
    return last == NULL || artconv_node_get_kind(last) != ARTCONV_NODE_ATTRIBUTION;
}

int ac_build_enter(builder *b, const xmlNode *el, int *descend)
{
    const char *name = (const char *)el->name;
    artconv_node *node = NULL, *parent;
    int rc, level = heading_level(el);

    *descend = 1;
    if ((rc = ac_build_push(b, el)) < 0)
        return rc;

    if (b->mode == MODE_TABLE) {
        if (strcmp(name, "tr") == 0) {
            if ((b->row = ac_node_add(b->table, ARTCONV_NODE_TABLE_ROW, b->err)) == NULL)
                return ARTCONV_ENOMEM;
            if (row_is_header(el))
                rc = artconv_node_set_header(b->row, 1, b->err);
            b->inl = NULL;
            return rc;
        }
        if (strcmp(name, "td") == 0 || strcmp(name, "th") == 0) {
            if (b->row == NULL &&
                (b->row = ac_node_add(b->table, ARTCONV_NODE_TABLE_ROW, b->err)) == NULL)
                return ARTCONV_ENOMEM;
            if ((b->inl = ac_node_add(b->row, ARTCONV_NODE_TABLE_CELL, b->err)) == NULL)
                return ARTCONV_ENOMEM;
            b->mode = MODE_INLINE;
            b->space = 1;
            return 0;
        }
        if (strcmp(name, "caption") == 0) {
            if ((node = artconv_node_new(ARTCONV_NODE_PARAGRAPH)) == NULL)
                return ac_nomem(b->err);
            if ((rc = artconv_node_insert_before(b->table, node, b->err)) < 0) {
                artconv_node_free(node);
                return rc;
            }
            b->inl = node;
            b->mode = MODE_INLINE;
            b->space = 1;
            return 0;
        }
        *descend = strcmp(name, "thead") == 0 || strcmp(name, "tbody") == 0 ||
                   strcmp(name, "tfoot") == 0 || strcmp(name, "form") == 0;
        return 0;
    }

    if (b->mode == MODE_FIGURE && ac_build_is_credit(el) &&
        artconv_node_get_credit(b->figure) == NULL) {
        *descend = 0;
        return ac_build_add_credit(b, el);
    }
    if (strcmp(name, "br") == 0) {
        *descend = 0;
        return ac_build_add_break(b);
    }
    if (strcmp(name, "img") == 0) {
        *descend = 0;
        return ac_build_add_image(b, el);
    }
    if (ac_html_in_list(name, code_tags)) {
        *descend = 0;
        return add_code_inline(b, el);
    }
    if (strcmp(name, "a") == 0) {
        int nomem;
        char *url = ac_html_url(b->page, ac_html_attr(el, "href"), 0, &nomem);
        const char *title = ac_html_attr(el, "title");

        if (nomem)
            return ac_nomem(b->err);
        if (url != NULL && (node = ac_build_open_inline(b, ARTCONV_NODE_LINK, &rc)) != NULL) {
            rc = ac_node_set_url_n(node, url, strlen(url), b->err);
            if (rc == 0 && title != NULL && *title != '\0')
                rc = ac_node_set_title_n(node, title, strlen(title), b->err);
            b->inl = node;
        }
        free(url);
        return rc;
    }
    if (ac_html_in_list(name, emph_tags) || ac_html_in_list(name, strong_tags) ||
        strcmp(name, "sup") == 0 || strcmp(name, "sub") == 0) {
        artconv_node_kind kind = ac_html_in_list(name, emph_tags)     ? ARTCONV_NODE_EMPH
                                 : ac_html_in_list(name, strong_tags) ? ARTCONV_NODE_STRONG
                                 : strcmp(name, "sup") == 0           ? ARTCONV_NODE_SUPERSCRIPT
                                                                      : ARTCONV_NODE_SUBSCRIPT;

        if ((node = ac_build_open_inline(b, kind, &rc)) != NULL)
            b->inl = node;
        return rc;
    }
    if (strcmp(name, "q") == 0)
        return ac_build_add_text(b, ac_build_inside_q(b) ? "\xe2\x80\x98" : "\xe2\x80\x9c", 3);
    if (strcmp(name, "textarea") == 0) {
        /* Only raw HTML from Markdown gets here (pages drop form
         * controls): what an author put in a text area shows as it is,
         * like code. */
        *descend = 0;
        if (b->mode != MODE_FLOW) {
            xmlChar *content = xmlNodeGetContent(el);

            rc = content == NULL
                     ? 0
                     : ac_build_add_text(b, (const char *)content, strlen((const char *)content));
            xmlFree(content);
            return rc;
        }
        ac_build_boundary(b);
        return add_code_block(b, el);
    }
    if (!ac_html_is_block(el))
        return 0; /* span, font, time, abbr...: their content only */
    if (b->mode != MODE_FLOW)
        return ac_build_separate(b); /* flattened: a space between the blocks' texts */

    /* MODE_FLOW: a block. */
    ac_build_boundary(b);
    if ((parent = ac_build_flow(b)) == NULL)
        return ARTCONV_ENOMEM;
    if (!ac_build_has_room(parent))
        return 0; /* too deep for the model: flattened into its parent */
    if (strcmp(name, "p") == 0 || level > 0) {
        if ((node = ac_node_add(parent, level > 0 ? ARTCONV_NODE_HEADING : ARTCONV_NODE_PARAGRAPH,
                                b->err)) == NULL)
            return ARTCONV_ENOMEM;
        if (level > 0) {
            if ((rc = artconv_node_set_level(node, level, b->err)) < 0)
                return rc;
            b->mode = MODE_INLINE;
        }
        b->inl = node;
        b->space = 1;
        return 0;
    }
    if (strcmp(name, "blockquote") == 0) {
        if ((node = ac_node_add(parent, ARTCONV_NODE_BLOCKQUOTE, b->err)) == NULL)
            return ARTCONV_ENOMEM;
        b->block = node;
        b->quote = node;
        b->quote_wrapper = el->parent;
        return 0;
    }
    if (strcmp(name, "figcaption") == 0 && is_quote_caption(b, el, parent)) {
        /* <figure><blockquote>...</blockquote><figcaption>: the HTML5
         * way to say who is quoted. */
        if ((node = ac_node_add(b->quote, ARTCONV_NODE_ATTRIBUTION, b->err)) == NULL)
            return ARTCONV_ENOMEM;
        b->inl = node;
        b->mode = MODE_INLINE;
        b->space = 1;
        return 0;
    }
    if (strcmp(name, "ul") == 0 || strcmp(name, "ol") == 0) {
        const char *start = ac_html_attr(el, "start");
        int ordered = name[0] == 'o';

        if ((node = ac_node_add(parent, ARTCONV_NODE_LIST, b->err)) == NULL)
            return ARTCONV_ENOMEM;
        if ((rc = artconv_node_set_list(node, ordered, start != NULL ? atoi(start) : 1, 1,
                                        b->err)) < 0 &&
            (rc = artconv_node_set_list(node, ordered, 1, 1, b->err)) < 0)
            return rc;
        b->block = node;
        return 0;
    }
    if (strcmp(name, "li") == 0 &&
        artconv_node_get_kind(b->stack[b->depth - 1].block) == ARTCONV_NODE_LIST) {
        /* ac_build_flow() made the item: the list's parent frame keeps the list */
        return 0;
    }
    if (strcmp(name, "pre") == 0 || strcmp(name, "listing") == 0 || strcmp(name, "xmp") == 0) {
        *descend = 0;
        return add_code_block(b, el);
    }
    if (strcmp(name, "hr") == 0) {
        *descend = 0;
        return ac_node_add(parent, ARTCONV_NODE_THEMATIC_BREAK, b->err) == NULL ? ARTCONV_ENOMEM
                                                                                : 0;
    }
    if (strcmp(name, "figure") == 0 && ac_build_first_image(el) != NULL) {
        if ((node = ac_node_add(parent, ARTCONV_NODE_FIGURE, b->err)) == NULL)
            return ARTCONV_ENOMEM;
        b->figure = node;
        b->mode = MODE_FIGURE;
        b->inl = NULL;
        return 0;
    }
    if (strcmp(name, "table") == 0 && ac_html_is_data_table(el)) {
        if ((node = ac_node_add(parent, ARTCONV_NODE_TABLE, b->err)) == NULL)
            return ARTCONV_ENOMEM;
        b->table = node;
        b->row = NULL;
        b->mode = MODE_TABLE;
        return 0;
    }
    return 0; /* a layout wrapper */
}
