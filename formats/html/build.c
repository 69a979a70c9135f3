/*
 * build.c - a libxml2 HTML tree (or the parts of it the extractor kept)
 * turned into model blocks and inlines.
 *
 * One flat walk over the DOM with a stack of frames, one per open element,
 * that remember where model nodes go: the block container (document, item,
 * quote), the inline container (paragraph, heading, emphasis...) and the
 * special places (a list, a table row, a figure).  Layout wrappers (div,
 * section, span...) create nothing; text meeting a block container opens a
 * paragraph.  A last pass trims whitespace and removes empty nodes.
 */
#include "html.h"
#include "url.h"

#include <stdlib.h>
#include <string.h>

/* --- building ----------------------------------------------------------- */

typedef enum {
    MODE_FLOW = 0, /* blocks go into `block` */
    MODE_INLINE,   /* only inlines fit (heading, cell, caption): blocks flatten */
    MODE_TABLE,    /* inside a data table, outside any cell */
    MODE_FIGURE    /* inside a figure: text goes to its caption */
} build_mode;

typedef struct {
    const xmlNode *el;
    artconv_node *block;
    artconv_node *inl;
    artconv_node *table;
    artconv_node *row;
    artconv_node *figure;
    build_mode mode;
    unsigned gen;
} frame;

typedef struct {
    const ac_html_page *page;
    artconv_error *err;
    artconv_node *block; /* DOCUMENT, ITEM, BLOCKQUOTE or LIST (needs an ITEM) */
    artconv_node *inl;   /* where inlines go, NULL at block level */
    artconv_node *table; /* MODE_TABLE: the table */
    artconv_node *row;   /* MODE_TABLE: the open row */
    artconv_node *figure;
    build_mode mode;
    unsigned gen; /* bumped at each block boundary, see leave() */
    int space;    /* the inline container ends in a space or is empty */
    artconv_buf tmp;
    frame stack[ARTCONV_MAX_DEPTH + 2];
    size_t depth;
    int consume;                  /* free DOM nodes once built (see release) */
    int fragment;                 /* raw HTML from Markdown, not a page */
    artconv_node *quote;          /* the last block quote made... */
    const xmlNode *quote_wrapper; /* ...and the parent of its element */
} builder;

static size_t model_depth(const artconv_node *n)
{
    size_t d = 0;

    while ((n = artconv_node_parent(n)) != NULL)
        d++;
    return d;
}

/* Room for two more levels below `n` within the writers' depth limit. */
static int has_room(const artconv_node *n)
{
    return n == NULL || model_depth(n) + 3 < ARTCONV_MAX_DEPTH;
}

/* Ends the open paragraph: the next text opens a new one. */
static void boundary(builder *b)
{
    if (b->mode == MODE_FLOW) {
        b->inl = NULL;
        b->gen++;
    }
}

/* The block container, making an ITEM when the container is a list. */
static artconv_node *flow(builder *b)
{
    if (artconv_node_get_kind(b->block) == ARTCONV_NODE_LIST) {
        artconv_node *item = ac_node_add(b->block, ARTCONV_NODE_ITEM, b->err);

        if (item == NULL)
            return NULL;
        b->block = item;
    }
    return b->block;
}

/* The inline container, opening a paragraph (or caption, cell) if needed. */
static artconv_node *inline_parent(builder *b)
{
    artconv_node *parent;

    if (b->inl != NULL)
        return b->inl;
    switch (b->mode) {
    case MODE_FIGURE:
        /* One caption a figure: text after an inner block joins it. */
        b->inl = artconv_node_first_child(b->figure);
        if (b->inl == NULL)
            b->inl = ac_node_add(b->figure, ARTCONV_NODE_CAPTION, b->err);
        break;
    case MODE_TABLE:
        if (b->row == NULL &&
            (b->row = ac_node_add(b->table, ARTCONV_NODE_TABLE_ROW, b->err)) == NULL)
            return NULL;
        b->inl = ac_node_add(b->row, ARTCONV_NODE_TABLE_CELL, b->err);
        break;
    default:
        if ((parent = flow(b)) == NULL)
            return NULL;
        b->inl = ac_node_add(parent, ARTCONV_NODE_PARAGRAPH, b->err);
        break;
    }
    b->space = 1;
    return b->inl;
}

static int add_text(builder *b, const char *s, size_t len)
{
    size_t i;
    artconv_node *parent;
    int rc;

    if (b->inl == NULL) {
        for (i = 0; i < len && ac_html_is_space((unsigned char)s[i]); i++)
            ;
        if (i == len)
            return 0;
        if (b->mode == MODE_TABLE)
            return 0; /* stray text between rows and cells */
    }
    if ((parent = inline_parent(b)) == NULL)
        return ARTCONV_ENOMEM;
    artconv_buf_clear(&b->tmp);
    if ((rc = ac_html_put_collapsed(&b->tmp, s, len, &b->space)) < 0)
        return ac_nomem(b->err);
    if (b->tmp.len == 0)
        return 0;
    return ac_node_add_text(parent, b->tmp.ptr, b->tmp.len, b->err) == NULL ? ARTCONV_ENOMEM : 0;
}

static int add_break(builder *b)
{
    if (b->inl == NULL)
        return 0;
    if (ac_node_add(b->inl, ARTCONV_NODE_LINEBREAK, b->err) == NULL)
        return ARTCONV_ENOMEM;
    b->space = 1;
    return 0;
}

/* An image's source: lazy-loading attributes first when src is a
 * placeholder, then the first srcset candidate. */
static const char *image_source(const xmlNode *img, char *scratch, size_t size)
{
    static const char *const lazy[] = {"data-src", "data-lazy-src",   "data-original",
                                       "data-url", "data-hi-res-src", NULL};
    const char *src = ac_html_attr(img, "src"), *v;
    size_t i;

    if (src != NULL && *src != '\0' && !ac_strncaseeq(src, "data:", 5))
        return src;
    for (i = 0; lazy[i] != NULL; i++)
        if ((v = ac_html_attr(img, lazy[i])) != NULL && *v != '\0')
            return v;
    if ((v = ac_html_attr(img, "srcset")) == NULL)
        v = ac_html_attr(img, "data-srcset");
    if (v != NULL && *v != '\0') {
        for (i = 0;
             v[i] != '\0' && !ac_html_is_space((unsigned char)v[i]) && v[i] != ',' && i + 1 < size;
             i++)
            scratch[i] = v[i];
        scratch[i] = '\0';
        if (i > 0)
            return scratch;
    }
    return src;
}

static int set_image(builder *b, artconv_node *node, const xmlNode *img)
{
    char scratch[2048];
    const char *alt = ac_html_attr(img, "alt"), *title;
    char *url;
    int nomem, rc = 0;

    url = ac_html_url(b->page, image_source(img, scratch, sizeof scratch), 1, &nomem);
    if (nomem)
        return ac_nomem(b->err);
    if (url == NULL)
        return 1; /* no usable source */
    rc = ac_node_set_url_n(node, url, strlen(url), b->err);
    free(url);
    if (rc == 0 && alt != NULL && *alt != '\0')
        rc = ac_node_set_alt_n(node, alt, strlen(alt), b->err);
    /* A figure's words are its caption; an inline image keeps its title. */
    title = ac_html_attr(img, "title");
    if (rc == 0 && title != NULL && *title != '\0' &&
        artconv_node_get_kind(node) == ARTCONV_NODE_IMAGE)
        rc = ac_node_set_title_n(node, title, strlen(title), b->err);
    return rc;
}

static const xmlNode *first_image(const xmlNode *el)
{
    const xmlNode *n;

    for (n = el->children; n != NULL; n = ac_xml_next(n, el, 0)) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (ac_html_is(n, "img"))
            return n;
        if (ac_html_is(n, "figure") || ac_html_is(n, "table"))
            return NULL; /* a nested figure keeps its own image */
    }
    return NULL;
}

/* Credit lines inside figures: "Photo: ...", class="credit". */
static int is_credit(const xmlNode *el)
{
    static const char *const words[] = {"credit",   "copyright", "photographer", "byline", "source",
                                        "courtesy", NULL};
    const char *cls = ac_html_attr(el, "class");
    size_t i;

    if (cls == NULL)
        return 0;
    for (i = 0; words[i] != NULL; i++)
        if (strstr(cls, words[i]) != NULL)
            return 1;
    return 0;
}

static int heading_level(const xmlNode *el)
{
    const char *n = (const char *)el->name;

    if (n[0] == 'h' && n[1] >= '1' && n[1] <= '6' && n[2] == '\0')
        return n[1] - '0';
    return 0;
}

/* Opens an inline container of `kind` under the current inline parent, or
 * returns NULL (without error) when the model does not allow it there. */
static artconv_node *open_inline(builder *b, artconv_node_kind kind, int *rc)
{
    artconv_node *parent;

    *rc = 0;
    if (b->mode == MODE_TABLE)
        return NULL;
    if ((parent = inline_parent(b)) == NULL) {
        *rc = ARTCONV_ENOMEM;
        return NULL;
    }
    if (!artconv_node_can_contain(artconv_node_get_kind(parent), kind) || !has_room(parent))
        return NULL;
    return ac_node_add(parent, kind, b->err);
}

static int push(builder *b, const xmlNode *el)
{
    frame *f;

    if (b->depth >= sizeof b->stack / sizeof b->stack[0])
        return ac_error(b->err, ARTCONV_ELIMIT, "elements nest more than %d levels deep",
                        ARTCONV_MAX_DEPTH);
    f = &b->stack[b->depth++];
    f->el = el;
    f->block = b->block;
    f->inl = b->inl;
    f->table = b->table;
    f->row = b->row;
    f->figure = b->figure;
    f->mode = b->mode;
    f->gen = b->gen;
    return 0;
}

/* A space between the texts of blocks flattened into one inline container. */
static int separate(builder *b)
{
    if (b->mode != MODE_FLOW && b->inl != NULL && !b->space)
        return add_text(b, " ", 1);
    return 0;
}

/* 1 if an element on the stack below the top one is a <q>: a quote inside
 * a quote takes single marks. */
static int inside_q(const builder *b)
{
    size_t i;

    for (i = 0; i + 1 < b->depth; i++)
        if (ac_html_is(b->stack[i].el, "q"))
            return 1;
    return 0;
}

static int leave(builder *b)
{
    const frame *f = &b->stack[b->depth - 1];
    int blockish = ac_html_is_block(f->el), rc = 0;
    /* <q> shows its quotation marks, as browsers draw them. */
    const char *close =
        ac_html_is(f->el, "q") ? (inside_q(b) ? "\xe2\x80\x99" : "\xe2\x80\x9d") : NULL;
    unsigned gen = b->gen;

    b->depth--;
    b->block = f->block;
    b->table = f->table;
    b->row = f->row;
    b->figure = f->figure;
    b->mode = f->mode;
    if (b->mode == MODE_FLOW) {
        b->inl = !blockish && f->gen == gen ? f->inl : NULL;
        if (blockish)
            b->gen++;
    } else {
        b->inl = f->inl;
        if (blockish)
            rc = separate(b);
    }
    if (rc == 0 && close != NULL && b->inl != NULL)
        rc = add_text(b, close, 3);
    return rc;
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
    if ((parent = flow(b)) == NULL ||
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
    if ((code = open_inline(b, ARTCONV_NODE_CODE, &rc)) == NULL)
        return rc < 0 ? rc : add_text(b, b->tmp.ptr, b->tmp.len);
    b->space = 0;
    return ac_node_set_literal_n(code, b->tmp.ptr, b->tmp.len, b->err);
}

/* Tracking pixels and spacers. */
static int is_tiny(const xmlNode *img)
{
    const char *w = ac_html_attr(img, "width"), *h = ac_html_attr(img, "height");

    return (w != NULL && atoi(w) > 0 && atoi(w) <= 2) || (h != NULL && atoi(h) > 0 && atoi(h) <= 2);
}

static int add_image(builder *b, const xmlNode *el)
{
    artconv_node *node, *parent;
    int rc;

    if (is_tiny(el))
        return 0;
    if (b->mode == MODE_FIGURE) {
        if (artconv_node_get_url(b->figure) != NULL)
            return 0;
        rc = set_image(b, b->figure, el);
        return rc > 0 ? 0 : rc;
    }
    if (b->mode == MODE_TABLE)
        return 0;
    if (b->mode == MODE_FLOW &&
        (b->inl == NULL || (artconv_node_get_kind(b->inl) == ARTCONV_NODE_PARAGRAPH &&
                            artconv_node_first_child(b->inl) == NULL))) {
        /* An image standing alone is a figure, placed before the empty
         * paragraph that may be waiting for text after it. */
        if ((node = artconv_node_new(ARTCONV_NODE_FIGURE)) == NULL)
            return ac_nomem(b->err);
        if ((rc = set_image(b, node, el)) != 0) {
            artconv_node_free(node);
            return rc > 0 ? 0 : rc;
        }
        if (b->inl != NULL)
            rc = artconv_node_insert_before(b->inl, node, b->err);
        else if ((parent = flow(b)) == NULL)
            rc = ARTCONV_ENOMEM;
        else
            rc = artconv_node_append(parent, node, b->err);
        if (rc < 0)
            artconv_node_free(node);
        return rc;
    }
    if ((node = open_inline(b, ARTCONV_NODE_IMAGE, &rc)) == NULL)
        return rc;
    if ((rc = set_image(b, node, el)) > 0) {
        artconv_node_free(node);
        return 0;
    }
    b->space = 0; /* a space after the image is a word boundary to keep */
    return rc;
}

static int add_credit(builder *b, const xmlNode *el)
{
    if (artconv_node_get_credit(b->figure) != NULL)
        return 0;
    artconv_buf_clear(&b->tmp);
    if (ac_html_text(&b->tmp, el) < 0)
        return ac_nomem(b->err);
    if (b->tmp.len == 0)
        return 0;
    return ac_node_set_credit_n(b->figure, b->tmp.ptr, b->tmp.len, b->err);
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

/* Starts an element: pushes a frame and says whether to walk its children.
 * Elements may open model nodes and change where content goes. */
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

static int enter(builder *b, const xmlNode *el, int *descend)
{
    const char *name = (const char *)el->name;
    artconv_node *node = NULL, *parent;
    int rc, level = heading_level(el);

    *descend = 1;
    if ((rc = push(b, el)) < 0)
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

    if (b->mode == MODE_FIGURE && is_credit(el) && artconv_node_get_credit(b->figure) == NULL) {
        *descend = 0;
        return add_credit(b, el);
    }
    if (strcmp(name, "br") == 0) {
        *descend = 0;
        return add_break(b);
    }
    if (strcmp(name, "img") == 0) {
        *descend = 0;
        return add_image(b, el);
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
        if (url != NULL && (node = open_inline(b, ARTCONV_NODE_LINK, &rc)) != NULL) {
            rc = ac_node_set_url_n(node, url, strlen(url), b->err);
            if (rc == 0 && title != NULL && *title != '\0')
                rc = ac_node_set_title_n(node, title, strlen(title), b->err);
            b->inl = node;
        }
        free(url);
        return rc;
    }
    if (ac_html_in_list(name, emph_tags) || ac_html_in_list(name, strong_tags) || strcmp(name, "sup") == 0 ||
        strcmp(name, "sub") == 0) {
        artconv_node_kind kind = ac_html_in_list(name, emph_tags)     ? ARTCONV_NODE_EMPH
                                 : ac_html_in_list(name, strong_tags) ? ARTCONV_NODE_STRONG
                                 : strcmp(name, "sup") == 0   ? ARTCONV_NODE_SUPERSCRIPT
                                                              : ARTCONV_NODE_SUBSCRIPT;

        if ((node = open_inline(b, kind, &rc)) != NULL)
            b->inl = node;
        return rc;
    }
    if (strcmp(name, "q") == 0)
        return add_text(b, inside_q(b) ? "\xe2\x80\x98" : "\xe2\x80\x9c", 3);
    if (strcmp(name, "textarea") == 0) {
        /* Only raw HTML from Markdown gets here (pages drop form
         * controls): what an author put in a text area shows as it is,
         * like code. */
        *descend = 0;
        if (b->mode != MODE_FLOW) {
            xmlChar *content = xmlNodeGetContent(el);

            rc = content == NULL
                     ? 0
                     : add_text(b, (const char *)content, strlen((const char *)content));
            xmlFree(content);
            return rc;
        }
        boundary(b);
        return add_code_block(b, el);
    }
    if (!ac_html_is_block(el))
        return 0; /* span, font, time, abbr...: their content only */
    if (b->mode != MODE_FLOW)
        return separate(b); /* flattened: a space between the blocks' texts */

    /* MODE_FLOW: a block. */
    boundary(b);
    if ((parent = flow(b)) == NULL)
        return ARTCONV_ENOMEM;
    if (!has_room(parent))
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
        /* flow() made the item: the list's parent frame keeps the list */
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
    if (strcmp(name, "figure") == 0 && first_image(el) != NULL) {
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

/* Builds `root` and everything below it. */
/* Frees a DOM node whose content is in the model, when the builder may
 * consume the page: the model then grows as the DOM shrinks, and a long
 * page is never held twice over. */
static void release(const builder *b, xmlNode *n)
{
    if (!b->consume)
        return;
    xmlUnlinkNode(n);
    xmlFreeNode(n);
}

/* Builds the subtree under `root` (root included).  Only the element
 * frames on the stack (ancestors of the current node) are looked at again
 * after a node is done, so a done node can go at once. */
static int build_subtree(builder *b, xmlNode *root)
{
    ac_xml_walk w;
    ac_xml_event ev;
    int rc, descend;

    ac_xml_walk_init(&w, root);
    while ((ev = ac_xml_walk_next(&w)) != AC_XML_DONE) {
        xmlNode *n = ac_xml_walk_node(&w);

        if (ev == AC_XML_LEAVE) {
            /* Only an element that was entered has the top frame. */
            if (b->depth > 0 && b->stack[b->depth - 1].el == n && (rc = leave(b)) < 0)
                return rc;
        } else if (n->type == XML_ELEMENT_NODE) {
            if (ac_html_skipped(n) && !(b->fragment && ac_html_is(n, "textarea")))
                ac_xml_walk_skip(&w);
            else if ((rc = enter(b, n, &descend)) < 0)
                return rc;
            else if (!descend)
                ac_xml_walk_skip(&w);
            continue; /* not done before its LEAVE */
        } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
                   n->content != NULL) {
            if ((rc = add_text(b, (const char *)n->content, strlen((const char *)n->content))) < 0)
                return rc;
        }
        if (n != root)
            release(b, n);
    }
    return 0;
}

static int holds_inlines(artconv_node_kind k)
{
    return k == ARTCONV_NODE_PARAGRAPH || k == ARTCONV_NODE_HEADING || k == ARTCONV_NODE_CAPTION ||
           k == ARTCONV_NODE_ATTRIBUTION || k == ARTCONV_NODE_TABLE_CELL;
}

/* Removes spaces and breaks at one end of an inline container. */
static int trim_end(artconv_node *block, int last, artconv_error *err)
{
    for (;;) {
        artconv_node *c = block, *next;
        artconv_node_kind k;
        const char *s;
        size_t len, skip;

        while ((next = last ? artconv_node_last_child(c) : artconv_node_first_child(c)) != NULL)
            c = next;
        if (c == block)
            return 0;
        k = artconv_node_get_kind(c);
        if (k == ARTCONV_NODE_TEXT) {
            s = artconv_node_get_literal(c);
            len = s == NULL ? 0 : strlen(s);
            skip = 0;
            if (last)
                while (skip < len && s[len - 1 - skip] == ' ')
                    skip++;
            else
                while (skip < len && s[skip] == ' ')
                    skip++;
            if (skip == 0)
                return 0;
            if (skip < len) {
                char *copy = ac_strndup(last ? s : s + skip, len - skip);
                int rc;

                if (copy == NULL)
                    return ac_nomem(err);
                rc = ac_node_set_literal_n(c, copy, len - skip, err);
                free(copy);
                return rc;
            }
        } else if (k != ARTCONV_NODE_LINEBREAK && k != ARTCONV_NODE_SOFTBREAK &&
                   artconv_node_kind_is_leaf(k)) {
            return 0;
        }
        artconv_node_free(c);
    }
}

static int is_empty(const artconv_node *n)
{
    artconv_node_kind k = artconv_node_get_kind(n);
    const char *s;

    switch (k) {
    case ARTCONV_NODE_TEXT:
        s = artconv_node_get_literal(n);
        return s == NULL || *s == '\0';
    case ARTCONV_NODE_IMAGE:
        return artconv_node_get_url(n) == NULL;
    case ARTCONV_NODE_FIGURE:
        return artconv_node_get_url(n) == NULL;
    case ARTCONV_NODE_TABLE_CELL:
    case ARTCONV_NODE_THEMATIC_BREAK:
    case ARTCONV_NODE_CODE_BLOCK:
    case ARTCONV_NODE_CODE:
    case ARTCONV_NODE_LINEBREAK:
    case ARTCONV_NODE_SOFTBREAK:
        return 0;
    default:
        return artconv_node_first_child(n) == NULL;
    }
}

static artconv_node *leftmost(artconv_node *n)
{
    artconv_node *c;

    while ((c = artconv_node_first_child(n)) != NULL)
        n = c;
    return n;
}

/* Drops the dash that pages (and artconv's own writers) put before an
 * attribution: "— Jane Doe" is from Jane Doe. */
static int strip_dash(artconv_node *attribution, artconv_error *err)
{
    static const char *const dashes[] = {"\xe2\x80\x94", "\xe2\x80\x93", "\xe2\x80\x95", "--", "-"};
    artconv_node *first = leftmost(attribution);
    const char *s = artconv_node_get_literal(first), *p;
    size_t i, n;

    if (artconv_node_get_kind(first) != ARTCONV_NODE_TEXT || s == NULL)
        return ARTCONV_OK;
    p = s;
    while (*p == ' ')
        p++;
    for (i = 0; i < sizeof dashes / sizeof dashes[0]; i++) {
        n = strlen(dashes[i]);
        if (strncmp(p, dashes[i], n) == 0 && (p[n] == ' ' || p[n] == '\0')) {
            char *rest;
            int rc;

            p += n;
            while (*p == ' ')
                p++;
            /* The setter frees the old literal, which `p` points into. */
            if ((rest = ac_strndup(p, strlen(p))) == NULL)
                return ac_nomem(err);
            rc = ac_node_set_literal_n(first, rest, strlen(rest), err);
            free(rest);
            return rc;
        }
    }
    return ARTCONV_OK;
}

/* Trims and removes empty nodes among `first` and its following siblings
 * (all children of one parent), bottom-up and without recursion. */
static int tidy(artconv_node *first, artconv_error *err)
{
    artconv_node *top = artconv_node_parent(first);
    artconv_node *n = first == NULL ? NULL : leftmost(first), *next;
    int rc;

    while (n != NULL) {
        if (artconv_node_next(n) != NULL)
            next = leftmost(artconv_node_next(n));
        else
            next = artconv_node_parent(n) == top ? NULL : artconv_node_parent(n);
        if (artconv_node_get_kind(n) == ARTCONV_NODE_ATTRIBUTION && (rc = strip_dash(n, err)) < 0)
            return rc;
        if (holds_inlines(artconv_node_get_kind(n)) &&
            ((rc = trim_end(n, 0, err)) < 0 || (rc = trim_end(n, 1, err)) < 0))
            return rc;
        if (is_empty(n))
            artconv_node_free(n);
        n = next;
    }
    return 0;
}

static void builder_init(builder *b, const ac_html_page *page, artconv_node *parent,
                         artconv_error *err)
{
    memset(b, 0, sizeof *b);
    b->page = page;
    b->err = err;
    if (artconv_node_can_contain(artconv_node_get_kind(parent), ARTCONV_NODE_PARAGRAPH)) {
        b->block = parent;
        b->mode = MODE_FLOW;
    } else {
        b->inl = parent;
        b->mode = MODE_INLINE;
    }
    b->space = 1;
}

int ac_html_build(artconv_node *parent, ac_html_page *page, artconv_error *err)
{
    builder b;
    artconv_node *before = artconv_node_last_child(parent);
    size_t i;
    int rc = 0;

    builder_init(&b, page, parent, err);
    b.consume = 1; /* the roots are disjoint: siblings, or one element */
    for (i = 0; i < page->n_roots && rc == 0; i++)
        rc = build_subtree(&b, page->roots[i]);
    artconv_buf_dispose(&b.tmp);
    if (rc == 0)
        rc = tidy(before == NULL ? artconv_node_first_child(parent) : artconv_node_next(before),
                  err);
    return rc;
}

/* Builds the siblings from..end (exclusive; a fragment's body, or a
 * subtree another reader parsed) into `parent` without consuming them. */
static int build_nodes(artconv_node *parent, const ac_html_page *page, const xmlNode *from,
                       const xmlNode *end, artconv_error *err)
{
    builder b;
    artconv_node *before = artconv_node_last_child(parent);
    xmlNode *n;
    int rc = 0;

    builder_init(&b, page, parent, err);
    b.fragment = 1;
    if (b.mode == MODE_INLINE)
        b.space = 0; /* keep a leading space next to earlier text */
    for (n = (xmlNode *)from; n != NULL && n != end && rc == 0; n = n->next)
        rc = build_subtree(&b, n);
    artconv_buf_dispose(&b.tmp);
    if (rc < 0)
        return rc;
    {
        artconv_node *first =
            before == NULL ? artconv_node_first_child(parent) : artconv_node_next(before);

        if (first != NULL && b.mode != MODE_INLINE)
            rc = tidy(first, err);
        else if (first != NULL) {
            /* Inside a paragraph: drop empty inlines but keep the spaces
             * that separate the fragment from the text around it. */
            artconv_node *c = first, *next;

            for (; c != NULL && rc == 0; c = next) {
                next = artconv_node_next(c);
                if (artconv_node_first_child(c) != NULL)
                    rc = tidy(artconv_node_first_child(c), err);
                if (rc == 0 && is_empty(c))
                    artconv_node_free(c);
            }
        }
    }
    return rc;
}

int ac_html_build_fragment(artconv_node *parent, ac_html_page *page, artconv_error *err)
{
    return build_nodes(parent, page, page->body->children, NULL, err);
}

int ac_xhtml_in_nodes_to_model(artconv_node *parent, const xmlNode *first, const xmlNode *end,
                               artconv_error *err)
{
    if (parent == NULL ||
        (!artconv_node_can_contain(artconv_node_get_kind(parent), ARTCONV_NODE_PARAGRAPH) &&
         !artconv_node_can_contain(artconv_node_get_kind(parent), ARTCONV_NODE_TEXT)))
        return ac_error(err, ARTCONV_EINVALID, "an XHTML subtree cannot go into this node");
    /* No page: links stay as written and nothing is marked dropped. */
    return build_nodes(parent, NULL, first, end, err);
}

int ac_xhtml_in_to_model(artconv_node *parent, const xmlNode *container, artconv_error *err)
{
    return ac_xhtml_in_nodes_to_model(parent, container != NULL ? container->children : NULL,
                                      NULL, err);
}
