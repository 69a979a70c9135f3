/*
 * markdown_write.c - the article as CommonMark, with YAML front matter.
 *
 * The body becomes a cmark node tree that cmark renders, so every bit of
 * Markdown escaping is cmark's.  The front matter goes through libyaml's
 * emitter, so every bit of YAML quoting is libyaml's.  What CommonMark lacks
 * (figures with a credit, tables, super- and subscript) becomes raw HTML
 * made only of fixed tags and pieces that cmark itself rendered to HTML, so
 * no model text ever reaches the output unescaped.
 *
 * Conventions (the Markdown reader reads them back):
 *  - A figure with an image and no credit is an "implicit figure": a
 *    paragraph holding only the image, then a soft break and the caption
 *    in emphasis.  Any other figure is an HTML block: <figure>, <img>,
 *    <figcaption> with the caption and <small class="credit">.
 *  - A quote's attribution is the quote's last paragraph, "— " first.
 *  - A table is an HTML block: <thead> for the leading header rows, <tbody>
 *    for the rest; cells of header rows are <th>.
 *  - Front matter: the canonical metadata names; authors and keywords are
 *    block sequences; the lead image is `image: URL` when only its URL is
 *    set, otherwise a mapping with src, alt, caption and credit.
 */
#include "internal.h"

#include <cmark.h>
#include <yaml.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------------
 * Front matter
 */

typedef struct {
    yaml_emitter_t emitter;
    artconv_buf *out;
    int nomem; /* the output buffer could not grow */
} front_matter;

/* The order of the keys in the front matter.  `list` picks the table. */
typedef struct {
    int list;
    int field;
} fm_key;

static const fm_key fm_keys[] = {
    {0, ARTCONV_META_TITLE},    {0, ARTCONV_META_SUBTITLE},    {1, ARTCONV_LIST_AUTHORS},
    {0, ARTCONV_META_DATE},     {0, ARTCONV_META_MODIFIED},    {0, ARTCONV_META_DATELINE},
    {0, ARTCONV_META_LANGUAGE}, {0, ARTCONV_META_PUBLISHER},   {0, ARTCONV_META_SECTION},
    {1, ARTCONV_LIST_KEYWORDS}, {0, ARTCONV_META_DESCRIPTION}, {0, ARTCONV_META_CREDIT},
    {0, ARTCONV_META_RIGHTS},   {0, ARTCONV_META_SOURCE},      {0, ARTCONV_META_ID},
};

/* The keys of the `image` mapping, in order. */
static const struct {
    const char *key;
    artconv_meta field;
} image_keys[] = {
    {"src", ARTCONV_META_IMAGE},
    {"alt", ARTCONV_META_IMAGE_ALT},
    {"caption", ARTCONV_META_IMAGE_CAPTION},
    {"credit", ARTCONV_META_IMAGE_CREDIT},
};

/* Plain scalars that a YAML 1.1 reader (PyYAML, most static site tools)
 * turns into booleans or null.  libyaml's emitter has no resolver and would
 * write them plain, so we ask for quotes. */
static const char *const yaml_special_words[] = {
    "y", "n", "yes", "no", "true", "false", "on", "off", "null",
};

static int yaml_sink(void *data, unsigned char *buffer, size_t size)
{
    front_matter *fm = data;

    if (artconv_buf_put(fm->out, buffer, size) < 0) {
        fm->nomem = 1;
        return 0;
    }
    return 1;
}

/* The style to ask libyaml for.  Any value a resolver could take for
 * something other than a string (numbers, dates, .inf, ~, <<, booleans) is
 * quoted; values with a line break are double-quoted, where libyaml writes
 * the break as an escape and the value stays on one line.  Everything else
 * is left to libyaml, which quotes what YAML's syntax requires. */
static yaml_scalar_style_t scalar_style(const char *value)
{
    size_t i;

    if (strpbrk(value, "\r\n") != NULL || strstr(value, "\xc2\x85") != NULL ||
        strstr(value, "\xe2\x80\xa8") != NULL || strstr(value, "\xe2\x80\xa9") != NULL)
        return YAML_DOUBLE_QUOTED_SCALAR_STYLE;
    if (value[0] == '\0' || strchr("0123456789+-.~=<", value[0]) != NULL)
        return YAML_SINGLE_QUOTED_SCALAR_STYLE;
    for (i = 0; i < sizeof yaml_special_words / sizeof yaml_special_words[0]; i++)
        if (ac_strcaseeq(value, yaml_special_words[i]))
            return YAML_SINGLE_QUOTED_SCALAR_STYLE;
    return YAML_ANY_SCALAR_STYLE;
}

/* Emits an event that `initialized` says was set up (libyaml's
 * initializers return 0 only when memory runs out).  libyaml frees the
 * event whether emitting works or not. */
static int emit(front_matter *fm, yaml_event_t *event, int initialized, artconv_error *err)
{
    if (!initialized)
        return ac_nomem(err);
    if (!yaml_emitter_emit(&fm->emitter, event)) {
        if (fm->nomem || fm->emitter.error == YAML_MEMORY_ERROR)
            return ac_nomem(err);
        return ac_error(err, ARTCONV_EINVALID, "cannot write the front matter: %s",
                        fm->emitter.problem != NULL ? fm->emitter.problem : "libyaml failed");
    }
    return ARTCONV_OK;
}

static int emit_scalar(front_matter *fm, const char *value, artconv_error *err)
{
    yaml_event_t event;
    yaml_scalar_style_t style = scalar_style(value);
    size_t len = strlen(value);

    if (len > INT_MAX)
        return ac_error(err, ARTCONV_ELIMIT, "a metadata value is too long for the front matter");
    return emit(fm, &event,
                yaml_scalar_event_initialize(&event, NULL, NULL, (yaml_char_t *)value, (int)len,
                                             style == YAML_ANY_SCALAR_STYLE, 1, style),
                err);
}

static int emit_list(front_matter *fm, const artconv_article *article, artconv_meta_list list,
                     artconv_error *err)
{
    yaml_event_t event;
    size_t i, count = artconv_article_list_count(article, list);
    int rc;

    if (count == 0)
        return ARTCONV_OK;
    AC_CHECK(emit_scalar(fm, artconv_meta_list_name(list), err));
    AC_CHECK(
        emit(fm, &event,
             yaml_sequence_start_event_initialize(&event, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE),
             err));
    for (i = 0; i < count; i++)
        AC_CHECK(emit_scalar(fm, artconv_article_list_get(article, list, i), err));
    AC_CHECK(emit(fm, &event, yaml_sequence_end_event_initialize(&event), err));
cleanup:
    return rc;
}

static int emit_image(front_matter *fm, const artconv_article *article, artconv_error *err)
{
    yaml_event_t event;
    const char *value;
    size_t i, set = 0;
    int rc = ARTCONV_OK;

    for (i = 0; i < sizeof image_keys / sizeof image_keys[0]; i++)
        if (artconv_article_get(article, image_keys[i].field) != NULL)
            set++;
    if (set == 0)
        return ARTCONV_OK;
    AC_CHECK(emit_scalar(fm, artconv_meta_name(ARTCONV_META_IMAGE), err));
    value = artconv_article_get(article, ARTCONV_META_IMAGE);
    if (set == 1 && value != NULL)
        return emit_scalar(fm, value, err);
    AC_CHECK(emit(
        fm, &event,
        yaml_mapping_start_event_initialize(&event, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE), err));
    for (i = 0; i < sizeof image_keys / sizeof image_keys[0]; i++) {
        value = artconv_article_get(article, image_keys[i].field);
        if (value == NULL)
            continue;
        AC_CHECK(emit_scalar(fm, image_keys[i].key, err));
        AC_CHECK(emit_scalar(fm, value, err));
    }
    AC_CHECK(emit(fm, &event, yaml_mapping_end_event_initialize(&event), err));
cleanup:
    return rc;
}

/* 1 if the article has metadata other than field `except` (-1: none). */
static int has_metadata(const artconv_article *article, int except)
{
    int field, list;

    for (field = 0; field < ARTCONV_META_COUNT; field++)
        if (field != except && artconv_article_get(article, (artconv_meta)field) != NULL)
            return 1;
    for (list = 0; list < ARTCONV_LIST_COUNT; list++)
        if (artconv_article_list_count(article, (artconv_meta_list)list) > 0)
            return 1;
    return 0;
}

/* Appends "---\n", the metadata as a YAML block mapping, and "---\n". */
static int write_front_matter(artconv_buf *out, const artconv_article *article, artconv_error *err)
{
    front_matter fm;
    yaml_event_t event;
    const char *value;
    size_t i;
    int rc = ARTCONV_OK;

    /* libyaml would write an empty mapping as "--- {}" on the opening
     * line; empty front matter is just the two fences. */
    if (!has_metadata(article, -1))
        return artconv_buf_puts(out, "---\n---\n") < 0 ? ac_nomem(err) : ARTCONV_OK;
    memset(&fm, 0, sizeof fm);
    if (!yaml_emitter_initialize(&fm.emitter))
        return ac_nomem(err);
    fm.out = out;
    yaml_emitter_set_output(&fm.emitter, yaml_sink, &fm);
    yaml_emitter_set_unicode(&fm.emitter, 1);
    /* One line per value: a folded line could start with "---". */
    yaml_emitter_set_width(&fm.emitter, -1);
    yaml_emitter_set_indent(&fm.emitter, 2);
    yaml_emitter_set_break(&fm.emitter, YAML_LN_BREAK);

    AC_CHECK(
        emit(&fm, &event, yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING), err));
    AC_CHECK(
        emit(&fm, &event, yaml_document_start_event_initialize(&event, NULL, NULL, NULL, 0), err));
    AC_CHECK(emit(
        &fm, &event,
        yaml_mapping_start_event_initialize(&event, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE), err));
    for (i = 0; i < sizeof fm_keys / sizeof fm_keys[0]; i++) {
        if (fm_keys[i].list) {
            AC_CHECK(emit_list(&fm, article, (artconv_meta_list)fm_keys[i].field, err));
            continue;
        }
        value = artconv_article_get(article, (artconv_meta)fm_keys[i].field);
        if (value == NULL)
            continue;
        AC_CHECK(emit_scalar(&fm, artconv_meta_name((artconv_meta)fm_keys[i].field), err));
        AC_CHECK(emit_scalar(&fm, value, err));
    }
    AC_CHECK(emit_image(&fm, article, err));
    AC_CHECK(emit(&fm, &event, yaml_mapping_end_event_initialize(&event), err));
    /* An implicit end: libyaml would write "...", the closing line is ours. */
    AC_CHECK(emit(&fm, &event, yaml_document_end_event_initialize(&event, 1), err));
    AC_CHECK(emit(&fm, &event, yaml_stream_end_event_initialize(&event), err));
    if (!yaml_emitter_flush(&fm.emitter)) {
        rc = fm.nomem ? ac_nomem(err)
                      : ac_error(err, ARTCONV_EINVALID, "cannot write the front matter");
        goto cleanup;
    }
    if (artconv_buf_puts(out, "---\n") < 0)
        rc = ac_nomem(err);
cleanup:
    yaml_emitter_delete(&fm.emitter);
    return rc;
}

/* ---------------------------------------------------------------------------
 * Body: the model's tree as a cmark tree
 */

/* Table sections opened so far. */
enum { SECTION_NONE, SECTION_HEAD, SECTION_BODY };

typedef struct {
    cmark_node *root; /* the cmark document */
    cmark_node *cur;  /* where the next cmark node goes */
    /* While a table or an HTML figure is written: the node the finished
     * HTML block goes into, the HTML so far, and a detached paragraph that
     * collects one cell's or caption's inlines for cmark to render. */
    int in_html;
    cmark_node *html_parent;
    cmark_node *scratch;
    artconv_buf html;
    int section;    /* SECTION_* of the table */
    int header_row; /* the current row is a header row */
    int in_heading; /* ATX headings hold one line: breaks become spaces */
    int link_depth; /* links nested in links are written as their text */
    artconv_buf tmp;
} md_writer;

static int cmark_failed(artconv_error *err, const char *what)
{
    return ac_error(err, ARTCONV_EINVALID, "cmark refused %s", what);
}

/* Creates a cmark node of `type` at the end of `parent`'s children. */
static int add(cmark_node **out, cmark_node *parent, cmark_node_type type, artconv_error *err)
{
    cmark_node *node = cmark_node_new(type);

    if (node == NULL)
        return ac_nomem(err);
    if (!cmark_node_append_child(parent, node)) {
        int rc = ac_error(err, ARTCONV_EINVALID, "cmark refused a %s inside a %s",
                          cmark_node_get_type_string(node), cmark_node_get_type_string(parent));

        cmark_node_free(node);
        return rc;
    }
    if (out != NULL)
        *out = node;
    return ARTCONV_OK;
}

static int add_literal(cmark_node *parent, cmark_node_type type, const char *literal,
                       artconv_error *err)
{
    cmark_node *node;
    int rc;

    if ((rc = add(&node, parent, type, err)) < 0)
        return rc;
    return cmark_node_set_literal(node, literal) ? ARTCONV_OK : cmark_failed(err, "a literal");
}

/* Copies `s` into `buf` (emptied first) with each line ending (CRLF, CR,
 * LF) replaced by `nl`, and stops before the next line ending when `stop`
 * is set; returns the number of bytes of `s` consumed. */
static size_t copy_breaks(artconv_buf *buf, const char *s, const char *nl, int stop, int *rc)
{
    size_t i = 0, n;

    artconv_buf_clear(buf);
    *rc = artconv_buf_put(buf, "", 0);
    while (*rc == 0 && s[i] != '\0') {
        n = strcspn(s + i, "\r\n");
        if ((*rc = artconv_buf_put(buf, s + i, n)) < 0)
            break;
        i += n;
        if (s[i] == '\0' || stop)
            break;
        i += s[i] == '\r' && s[i + 1] == '\n' ? 2 : 1;
        *rc = artconv_buf_puts(buf, nl);
    }
    return i;
}

/* Appends text.  Line endings become soft breaks, or spaces where a line
 * cannot end (`soft` 0): cmark writes a text node's newline as it is, and
 * two of them would end the paragraph. */
static int add_text(md_writer *w, cmark_node *parent, const char *s, int soft, artconv_error *err)
{
    size_t used;
    int rc = ARTCONV_OK;

    if (!soft) {
        copy_breaks(&w->tmp, s, " ", 0, &rc);
        if (rc < 0)
            return ac_nomem(err);
        return add_literal(parent, CMARK_NODE_TEXT, w->tmp.ptr, err);
    }
    while (*s != '\0') {
        used = copy_breaks(&w->tmp, s, "", 1, &rc);
        if (rc < 0)
            return ac_nomem(err);
        if (used > 0 && (rc = add_literal(parent, CMARK_NODE_TEXT, w->tmp.ptr, err)) < 0)
            return rc;
        s += used;
        if (*s == '\0')
            break;
        s += s[0] == '\r' && s[1] == '\n' ? 2 : 1;
        if ((rc = add(NULL, parent, CMARK_NODE_SOFTBREAK, err)) < 0)
            return rc;
    }
    return ARTCONV_OK;
}

/* Appends an image whose alt text is its text child, as cmark has it. */
static int add_image(md_writer *w, cmark_node *parent, const char *url, const char *alt,
                     const char *title, artconv_error *err)
{
    cmark_node *image;
    int rc;

    if ((rc = add(&image, parent, CMARK_NODE_IMAGE, err)) < 0)
        return rc;
    if (!cmark_node_set_url(image, url != NULL ? url : ""))
        return cmark_failed(err, "an image URL");
    if (title != NULL) {
        copy_breaks(&w->tmp, title, " ", 0, &rc);
        if (rc < 0)
            return ac_nomem(err);
        if (!cmark_node_set_title(image, w->tmp.ptr))
            return cmark_failed(err, "an image title");
    }
    if (alt != NULL && *alt != '\0')
        return add_text(w, image, alt, 0, err);
    return ARTCONV_OK;
}

/* Renders the inlines of a detached cmark paragraph to HTML, without the
 * <p> around them, and appends that to `out`.  cmark's safe default drops
 * dangerous URLs.  Line endings become spaces, which mean the same in
 * inline HTML and keep blank lines out of the HTML block. */
static int put_inline_html(artconv_buf *out, cmark_node *paragraph, artconv_error *err)
{
    char *html = cmark_render_html(paragraph, CMARK_OPT_DEFAULT);
    size_t len, i;
    int rc = ARTCONV_OK;

    if (html == NULL)
        return ac_nomem(err);
    len = strlen(html);
    if (len < 8 || memcmp(html, "<p>", 3) != 0 || memcmp(html + len - 5, "</p>\n", 5) != 0) {
        rc = ac_error(err, ARTCONV_EINVALID, "cmark rendered an unexpected paragraph");
        goto cleanup;
    }
    for (i = 3; i < len - 5; i++)
        if (html[i] == '\n' || html[i] == '\r')
            html[i] = ' ';
    if (artconv_buf_put(out, html + 3, len - 8) < 0)
        rc = ac_nomem(err);
cleanup:
    free(html);
    return rc;
}

/* Appends the HTML of one image, or of one piece of text, rendered by cmark
 * from a throw-away paragraph. */
static int put_piece_html(md_writer *w, const char *url, const char *text, artconv_error *err)
{
    cmark_node *paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH);
    int rc;

    if (paragraph == NULL)
        return ac_nomem(err);
    if (url != NULL)
        AC_CHECK(add_image(w, paragraph, url, text, NULL, err));
    else
        AC_CHECK(add_text(w, paragraph, text, 0, err));
    AC_CHECK(put_inline_html(&w->html, paragraph, err));
cleanup:
    cmark_node_free(paragraph);
    return rc;
}

/* Appends the finished HTML block where the table or figure stood. */
static int end_html_block(md_writer *w, artconv_error *err)
{
    int rc;

    w->cur = w->html_parent;
    w->in_html = 0;
    if ((rc = add_literal(w->cur, CMARK_NODE_HTML_BLOCK, w->html.ptr, err)) < 0)
        return rc;
    artconv_buf_clear(&w->html);
    return ARTCONV_OK;
}

static int start_html_block(md_writer *w, const char *open, artconv_error *err)
{
    w->in_html = 1;
    w->html_parent = w->cur;
    artconv_buf_clear(&w->html);
    return artconv_buf_puts(&w->html, open) < 0 ? ac_nomem(err) : ARTCONV_OK;
}

/* A detached paragraph collects the inlines of a caption or cell. */
static int start_scratch(md_writer *w, artconv_error *err)
{
    w->scratch = cmark_node_new(CMARK_NODE_PARAGRAPH);
    if (w->scratch == NULL)
        return ac_nomem(err);
    w->cur = w->scratch;
    return ARTCONV_OK;
}

static int end_scratch(md_writer *w, artconv_error *err)
{
    int rc = put_inline_html(&w->html, w->scratch, err);

    cmark_node_free(w->scratch);
    w->scratch = NULL;
    w->cur = w->html_parent;
    return rc;
}

static int enter_figure(md_writer *w, const artconv_node *figure, artconv_error *err)
{
    const char *url = artconv_node_get_url(figure);
    const char *credit = artconv_node_get_credit(figure);
    cmark_node *paragraph;
    int rc;

    if (url != NULL && (credit == NULL || *credit == '\0')) {
        if ((rc = add(&paragraph, w->cur, CMARK_NODE_PARAGRAPH, err)) < 0)
            return rc;
        w->cur = paragraph;
        return add_image(w, paragraph, url, artconv_node_get_alt(figure), NULL, err);
    }
    if ((rc = start_html_block(w, "<figure>\n", err)) < 0)
        return rc;
    if (url != NULL) {
        if ((rc = put_piece_html(w, url, artconv_node_get_alt(figure), err)) < 0)
            return rc;
        if (artconv_buf_putc(&w->html, '\n') < 0)
            return ac_nomem(err);
    }
    /* The caption's inlines land here even when the figure has none. */
    return start_scratch(w, err);
}

static int exit_figure(md_writer *w, const artconv_node *figure, artconv_error *err)
{
    const char *credit = artconv_node_get_credit(figure);
    int has_caption = cmark_node_first_child(w->scratch) != NULL;
    int has_credit = credit != NULL && *credit != '\0';
    int rc = ARTCONV_OK;

    if (!w->in_html) {
        w->cur = cmark_node_parent(w->cur);
        return ARTCONV_OK;
    }
    if (has_caption || has_credit)
        AC_CHECK(artconv_buf_puts(&w->html, "<figcaption>"));
    if (has_caption) {
        /* end_scratch points `cur` back at the block's parent. */
        AC_CHECK(end_scratch(w, err));
    } else {
        cmark_node_free(w->scratch);
        w->scratch = NULL;
        w->cur = w->html_parent;
    }
    if (has_caption && has_credit)
        AC_CHECK(artconv_buf_putc(&w->html, ' '));
    if (has_credit) {
        AC_CHECK(artconv_buf_puts(&w->html, "<small class=\"credit\">"));
        AC_CHECK(put_piece_html(w, NULL, credit, err));
        AC_CHECK(artconv_buf_puts(&w->html, "</small>"));
    }
    if (has_caption || has_credit)
        AC_CHECK(artconv_buf_puts(&w->html, "</figcaption>\n"));
    AC_CHECK(artconv_buf_puts(&w->html, "</figure>\n"));
    return end_html_block(w, err);
cleanup:
    return rc == ARTCONV_ENOMEM ? ac_nomem(err) : rc;
}

static int enter_row(md_writer *w, const artconv_node *row, artconv_error *err)
{
    int rc = ARTCONV_OK;

    w->header_row = artconv_node_get_header(row);
    if (w->header_row && w->section == SECTION_NONE) {
        AC_CHECK(artconv_buf_puts(&w->html, "<thead>\n"));
        w->section = SECTION_HEAD;
    } else if (!w->header_row && w->section != SECTION_BODY) {
        if (w->section == SECTION_HEAD)
            AC_CHECK(artconv_buf_puts(&w->html, "</thead>\n"));
        AC_CHECK(artconv_buf_puts(&w->html, "<tbody>\n"));
        w->section = SECTION_BODY;
    }
    AC_CHECK(artconv_buf_puts(&w->html, "<tr>"));
cleanup:
    return rc < 0 ? ac_nomem(err) : rc;
}

static int exit_table(md_writer *w, artconv_error *err)
{
    static const char *const closing[] = {"", "</thead>\n", "</tbody>\n"};

    if (artconv_buf_puts(&w->html, closing[w->section]) < 0 ||
        artconv_buf_puts(&w->html, "</table>\n") < 0)
        return ac_nomem(err);
    return end_html_block(w, err);
}

/* 1 if a figure or table is written as an HTML block. */
static int is_html_block(const artconv_node *node)
{
    const char *credit = artconv_node_get_credit(node);

    switch (artconv_node_get_kind(node)) {
    case ARTCONV_NODE_TABLE:
        return 1;
    case ARTCONV_NODE_FIGURE:
        return artconv_node_get_url(node) == NULL || (credit != NULL && *credit != '\0');
    default:
        return 0;
    }
}

/* 1 if `list` may start on the line after a paragraph: CommonMark lets
 * only a bullet list or one starting at 1, with a non-empty first item,
 * interrupt a paragraph. */
static int can_interrupt(const artconv_node *list)
{
    const artconv_node *first = artconv_node_first_child(list);

    return first != NULL && artconv_node_first_child(first) != NULL &&
           (!artconv_node_get_list_ordered(list) || artconv_node_get_list_start(list) == 1);
}

/* 1 if `list` reads back as the same tree when written tight.  cmark puts
 * no blank line between the blocks of a tight item, so a second block
 * would merge into the first (a paragraph swallows the next paragraph or
 * becomes a setext heading, an HTML block swallows what follows, a quote
 * or list takes a paragraph as lazy continuation).  Tight is safe for
 * items of one block, or of one block and a list that can interrupt it. */
static int fits_tight(const artconv_node *list)
{
    const artconv_node *item, *first, *second;

    for (item = artconv_node_first_child(list); item != NULL; item = artconv_node_next(item)) {
        first = artconv_node_first_child(item);
        second = artconv_node_next(first);
        if (first == NULL || second == NULL)
            continue;
        if (artconv_node_next(second) != NULL || is_html_block(first) ||
            artconv_node_get_kind(first) == ARTCONV_NODE_LIST ||
            artconv_node_get_kind(second) != ARTCONV_NODE_LIST || !can_interrupt(second))
            return 0;
    }
    return 1;
}

static int enter_list(md_writer *w, const artconv_node *list, artconv_error *err)
{
    cmark_node *node;
    int ok, rc;

    if ((rc = add(&node, w->cur, CMARK_NODE_LIST, err)) < 0)
        return rc;
    w->cur = node;
    if (artconv_node_get_list_ordered(list))
        ok = cmark_node_set_list_type(node, CMARK_ORDERED_LIST) &&
             cmark_node_set_list_delim(node, CMARK_PERIOD_DELIM) &&
             cmark_node_set_list_start(node, artconv_node_get_list_start(list));
    else
        ok = cmark_node_set_list_type(node, CMARK_BULLET_LIST);
    /* cmark's new lists are loose. */
    ok = ok &&
         cmark_node_set_list_tight(node, artconv_node_get_list_tight(list) && fits_tight(list));
    return ok ? ARTCONV_OK : cmark_failed(err, "a list's attributes");
}

static int enter_code_block(md_writer *w, const artconv_node *code, artconv_error *err)
{
    const char *literal = artconv_node_get_literal(code);
    const char *info = artconv_node_get_info(code);
    cmark_node *node;
    int rc;

    if ((rc = add(&node, w->cur, CMARK_NODE_CODE_BLOCK, err)) < 0)
        return rc;
    if (info != NULL) {
        /* The info string is the rest of the fence line. */
        copy_breaks(&w->tmp, info, " ", 0, &rc);
        if (rc < 0)
            return ac_nomem(err);
        if (!cmark_node_set_fence_info(node, w->tmp.ptr))
            return cmark_failed(err, "an info string");
    }
    /* A parsed code block ends with a line ending; so does ours. */
    copy_breaks(&w->tmp, literal != NULL ? literal : "", "\n", 0, &rc);
    if (rc == 0 && w->tmp.len > 0 && w->tmp.ptr[w->tmp.len - 1] != '\n')
        rc = artconv_buf_putc(&w->tmp, '\n');
    if (rc < 0)
        return ac_nomem(err);
    return cmark_node_set_literal(node, w->tmp.ptr) ? ARTCONV_OK : cmark_failed(err, "code");
}

static int enter_link(md_writer *w, const artconv_node *link, artconv_error *err)
{
    const char *url = artconv_node_get_url(link);
    const char *title = artconv_node_get_title(link);
    cmark_node *node;
    int rc;

    /* CommonMark has no link inside a link: the inner one is its text. */
    if (w->link_depth++ > 0)
        return ARTCONV_OK;
    if ((rc = add(&node, w->cur, CMARK_NODE_LINK, err)) < 0)
        return rc;
    w->cur = node;
    if (!cmark_node_set_url(node, url != NULL ? url : ""))
        return cmark_failed(err, "a link URL");
    if (title != NULL) {
        copy_breaks(&w->tmp, title, " ", 0, &rc);
        if (rc < 0)
            return ac_nomem(err);
        if (!cmark_node_set_title(node, w->tmp.ptr))
            return cmark_failed(err, "a link title");
    }
    return ARTCONV_OK;
}

/* Super- and subscript: raw HTML tags around the children in Markdown.
 * Inside an HTML block, a custom inline: cmark's safe HTML renderer keeps
 * its tags but would drop raw HTML. */
static int enter_script(md_writer *w, const char *tag, artconv_error *err)
{
    cmark_node *node;
    int rc;

    if (!w->in_html)
        return add_literal(w->cur, CMARK_NODE_HTML_INLINE, tag, err);
    if ((rc = add(&node, w->cur, CMARK_NODE_CUSTOM_INLINE, err)) < 0)
        return rc;
    w->cur = node;
    return ARTCONV_OK;
}

static int exit_script(md_writer *w, const char *open, const char *close, artconv_error *err)
{
    if (!w->in_html)
        return add_literal(w->cur, CMARK_NODE_HTML_INLINE, close, err);
    if (!cmark_node_set_on_enter(w->cur, open) || !cmark_node_set_on_exit(w->cur, close))
        return cmark_failed(err, "a custom inline");
    w->cur = cmark_node_parent(w->cur);
    return ARTCONV_OK;
}

static size_t leading_blanks(const char *s)
{
    size_t n = 0;

    while (s[n] == ' ' || s[n] == '\t')
        n++;
    return n;
}

static size_t trailing_blanks(const char *s, size_t len)
{
    size_t n = 0;

    while (n < len && (s[len - 1 - n] == ' ' || s[len - 1 - n] == '\t'))
        n++;
    return n;
}

/* Closes an emphasis or strong node.  A delimiter run next to white space
 * does not count ("* a *" is no emphasis), so white space at the edges of
 * its content moves out in front of and behind it; one left empty goes. */
static int close_emphasis(md_writer *w, artconv_error *err)
{
    cmark_node *em = w->cur, *first, *last, *space;
    const char *lit;
    size_t n, len;
    int rc;

    w->cur = cmark_node_parent(em);
    first = cmark_node_first_child(em);
    if (first != NULL && cmark_node_get_type(first) == CMARK_NODE_TEXT &&
        (n = leading_blanks(lit = cmark_node_get_literal(first))) > 0) {
        space = cmark_node_new(CMARK_NODE_TEXT);
        if (space == NULL)
            return ac_nomem(err);
        if (!cmark_node_set_literal(space, " ") || !cmark_node_insert_before(em, space)) {
            cmark_node_free(space);
            return cmark_failed(err, "a space");
        }
        if (!cmark_node_set_literal(first, lit + n))
            return cmark_failed(err, "a literal");
    }
    last = cmark_node_last_child(em);
    lit = last != NULL && cmark_node_get_type(last) == CMARK_NODE_TEXT
              ? cmark_node_get_literal(last)
              : "";
    len = strlen(lit);
    if ((n = trailing_blanks(lit, len)) > 0) {
        artconv_buf_clear(&w->tmp);
        if (artconv_buf_put(&w->tmp, lit, len - n) < 0)
            return ac_nomem(err);
        if (!cmark_node_set_literal(last, w->tmp.ptr))
            return cmark_failed(err, "a literal");
        if ((rc = add_literal(w->cur, CMARK_NODE_TEXT, " ", err)) < 0)
            return rc;
    }
    /* Only empty text left: the delimiters would stand alone as text. */
    for (first = cmark_node_first_child(em); first != NULL; first = cmark_node_next(first))
        if (cmark_node_get_type(first) != CMARK_NODE_TEXT || *cmark_node_get_literal(first) != '\0')
            return ARTCONV_OK;
    cmark_node_free(em);
    return ARTCONV_OK;
}

/* 1 if nothing but empty text stands between `node` and a line's edge in
 * direction `dir` (-1: start, 1: end).  Only paragraphs and headings are
 * looked at: elsewhere white space at a line's edge is kept. */
static int at_line_edge(cmark_node *node, int dir)
{
    cmark_node *parent = cmark_node_parent(node);
    cmark_node_type type = parent != NULL ? cmark_node_get_type(parent) : CMARK_NODE_NONE;
    cmark_node *n = node;

    if (type != CMARK_NODE_PARAGRAPH && type != CMARK_NODE_HEADING)
        return 0;
    for (;;) {
        n = dir < 0 ? cmark_node_previous(n) : cmark_node_next(n);
        if (n == NULL)
            return 1;
        type = cmark_node_get_type(n);
        if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK)
            return 1;
        if (type != CMARK_NODE_TEXT || *cmark_node_get_literal(n) != '\0')
            return 0;
    }
}

/* Removes spaces and tabs at the start and end of each line of paragraphs
 * and headings, and escapes a tilde fence.  CommonMark drops them when reading, and cmark would
 * write them as they are: four leading spaces read back as code, two trailing ones as a hard line
 * break.  Only literals change, so the walk is safe. */
static int tidy_spaces(cmark_node *root, artconv_buf *tmp)
{
    cmark_iter *it = cmark_iter_new(root);
    cmark_event_type ev;
    int rc = ARTCONV_OK;

    if (it == NULL)
        return ARTCONV_ENOMEM;
    while (rc == 0 && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *node = cmark_iter_get_node(it);
        const char *lit;
        size_t start = 0, len;

        if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_TEXT)
            continue;
        lit = cmark_node_get_literal(node);
        len = strlen(lit);
        if (at_line_edge(node, -1))
            start = leading_blanks(lit);
        if (at_line_edge(node, 1))
            len -= trailing_blanks(lit + start, len - start);
        /* cmark 0.30.2 escapes a line's leading backticks but not its
         * tildes, and "~~~" would open a code block: the first one goes out
         * as a character reference, the way cmark itself escapes spaces. */
        if (start < len && at_line_edge(node, -1) &&
            cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_PARAGRAPH &&
            len - start >= 3 && memcmp(lit + start, "~~~", 3) == 0) {
            cmark_node *tilde = cmark_node_new(CMARK_NODE_HTML_INLINE);

            if (tilde == NULL || !cmark_node_set_literal(tilde, "&#126;") ||
                !cmark_node_insert_before(node, tilde)) {
                if (tilde != NULL)
                    cmark_node_free(tilde);
                rc = ARTCONV_EINVALID;
                break;
            }
            start++;
        }
        if (start == 0 && len == strlen(lit))
            continue;
        artconv_buf_clear(tmp);
        if (artconv_buf_put(tmp, lit + start, len - start) < 0)
            rc = ARTCONV_ENOMEM;
        else if (!cmark_node_set_literal(node, tmp->ptr))
            rc = ARTCONV_EINVALID;
    }
    cmark_iter_free(it);
    return rc;
}

/* Opens a cmark container of `type` and makes it the current parent. */
static int open_node(md_writer *w, cmark_node_type type, artconv_error *err)
{
    cmark_node *node;
    int rc;

    if ((rc = add(&node, w->cur, type, err)) < 0)
        return rc;
    w->cur = node;
    return ARTCONV_OK;
}

static int enter(md_writer *w, const artconv_node *node, artconv_error *err)
{
    const int has_children = artconv_node_first_child(node) != NULL;
    int rc;

    switch (artconv_node_get_kind(node)) {
    case ARTCONV_NODE_HEADING:
        if ((rc = open_node(w, CMARK_NODE_HEADING, err)) < 0)
            return rc;
        w->in_heading = 1;
        return cmark_node_set_heading_level(w->cur, artconv_node_get_level(node))
                   ? ARTCONV_OK
                   : cmark_failed(err, "a heading level");
    case ARTCONV_NODE_PARAGRAPH:
        return open_node(w, CMARK_NODE_PARAGRAPH, err);
    case ARTCONV_NODE_BLOCKQUOTE:
        return open_node(w, CMARK_NODE_BLOCK_QUOTE, err);
    case ARTCONV_NODE_LIST:
        return enter_list(w, node, err);
    case ARTCONV_NODE_ITEM:
        return open_node(w, CMARK_NODE_ITEM, err);
    case ARTCONV_NODE_CODE_BLOCK:
        return enter_code_block(w, node, err);
    case ARTCONV_NODE_THEMATIC_BREAK:
        return add(NULL, w->cur, CMARK_NODE_THEMATIC_BREAK, err);
    case ARTCONV_NODE_FIGURE:
        return enter_figure(w, node, err);
    case ARTCONV_NODE_CAPTION:
        /* In an implicit figure: the image, a line end, the caption. */
        if (w->in_html || !has_children)
            return ARTCONV_OK;
        if ((rc = add(NULL, w->cur, CMARK_NODE_SOFTBREAK, err)) < 0)
            return rc;
        return open_node(w, CMARK_NODE_EMPH, err);
    case ARTCONV_NODE_ATTRIBUTION:
        if ((rc = open_node(w, CMARK_NODE_PARAGRAPH, err)) < 0)
            return rc;
        return add_literal(w->cur, CMARK_NODE_TEXT, "\xe2\x80\x94 ", err);
    case ARTCONV_NODE_TABLE:
        w->section = SECTION_NONE;
        return start_html_block(w, "<table>\n", err);
    case ARTCONV_NODE_TABLE_ROW:
        return enter_row(w, node, err);
    case ARTCONV_NODE_TABLE_CELL:
        if (artconv_buf_puts(&w->html, w->header_row ? "<th>" : "<td>") < 0)
            return ac_nomem(err);
        return start_scratch(w, err);
    case ARTCONV_NODE_TEXT:
        return add_text(w, w->cur, artconv_node_get_literal(node), !w->in_heading, err);
    case ARTCONV_NODE_SOFTBREAK:
        if (w->in_heading)
            return add_literal(w->cur, CMARK_NODE_TEXT, " ", err);
        return add(NULL, w->cur, CMARK_NODE_SOFTBREAK, err);
    case ARTCONV_NODE_LINEBREAK:
        if (w->in_heading)
            return add_literal(w->cur, CMARK_NODE_TEXT, " ", err);
        return add(NULL, w->cur, CMARK_NODE_LINEBREAK, err);
    case ARTCONV_NODE_CODE:
        /* A code span's line endings read back as spaces anyway. */
        copy_breaks(&w->tmp, artconv_node_get_literal(node), " ", 0, &rc);
        if (rc < 0)
            return ac_nomem(err);
        return add_literal(w->cur, CMARK_NODE_CODE, w->tmp.ptr, err);
    case ARTCONV_NODE_EMPH:
    case ARTCONV_NODE_STRONG:
        /* An empty one would come out as literal asterisks. */
        if (!has_children)
            return ARTCONV_OK;
        return open_node(w,
                         artconv_node_get_kind(node) == ARTCONV_NODE_EMPH ? CMARK_NODE_EMPH
                                                                          : CMARK_NODE_STRONG,
                         err);
    case ARTCONV_NODE_LINK:
        return enter_link(w, node, err);
    case ARTCONV_NODE_IMAGE:
        return add_image(w, w->cur, artconv_node_get_url(node), artconv_node_get_alt(node),
                         artconv_node_get_title(node), err);
    case ARTCONV_NODE_SUPERSCRIPT:
        return enter_script(w, "<sup>", err);
    case ARTCONV_NODE_SUBSCRIPT:
        return enter_script(w, "<sub>", err);
    default:
        return ARTCONV_OK;
    }
}

static int leave(md_writer *w, const artconv_node *node, artconv_error *err)
{
    const int has_children = artconv_node_first_child(node) != NULL;
    int rc;

    switch (artconv_node_get_kind(node)) {
    case ARTCONV_NODE_HEADING:
        w->in_heading = 0;
        w->cur = cmark_node_parent(w->cur);
        return ARTCONV_OK;
    case ARTCONV_NODE_PARAGRAPH:
    case ARTCONV_NODE_BLOCKQUOTE:
    case ARTCONV_NODE_LIST:
    case ARTCONV_NODE_ITEM:
    case ARTCONV_NODE_ATTRIBUTION:
        w->cur = cmark_node_parent(w->cur);
        return ARTCONV_OK;
    case ARTCONV_NODE_CAPTION:
        if (!w->in_html && has_children)
            w->cur = cmark_node_parent(w->cur);
        return ARTCONV_OK;
    case ARTCONV_NODE_FIGURE:
        return exit_figure(w, node, err);
    case ARTCONV_NODE_TABLE:
        return exit_table(w, err);
    case ARTCONV_NODE_TABLE_ROW:
        return artconv_buf_puts(&w->html, "</tr>\n") < 0 ? ac_nomem(err) : ARTCONV_OK;
    case ARTCONV_NODE_TABLE_CELL:
        if ((rc = end_scratch(w, err)) < 0)
            return rc;
        return artconv_buf_puts(&w->html, w->header_row ? "</th>" : "</td>") < 0 ? ac_nomem(err)
                                                                                 : ARTCONV_OK;
    case ARTCONV_NODE_EMPH:
    case ARTCONV_NODE_STRONG:
        return has_children ? close_emphasis(w, err) : ARTCONV_OK;
    case ARTCONV_NODE_LINK:
        if (--w->link_depth == 0)
            w->cur = cmark_node_parent(w->cur);
        return ARTCONV_OK;
    case ARTCONV_NODE_SUPERSCRIPT:
        return exit_script(w, "<sup>", "</sup>", err);
    case ARTCONV_NODE_SUBSCRIPT:
        return exit_script(w, "<sub>", "</sub>", err);
    default:
        return ARTCONV_OK;
    }
}

/* The title as a level-1 heading and the subtitle as an emphasised
 * paragraph, for output without front matter. */
static int add_title(md_writer *w, const artconv_article *article, int with_subtitle,
                     artconv_error *err)
{
    const char *title = artconv_article_get(article, ARTCONV_META_TITLE);
    const char *subtitle = artconv_article_get(article, ARTCONV_META_SUBTITLE);
    cmark_node *node, *emph;
    int rc = ARTCONV_OK;

    if (title != NULL) {
        AC_CHECK(add(&node, w->root, CMARK_NODE_HEADING, err));
        if (!cmark_node_set_heading_level(node, 1))
            return cmark_failed(err, "a heading level");
        AC_CHECK(add_text(w, node, title, 0, err));
    }
    if (with_subtitle && subtitle != NULL) {
        AC_CHECK(add(&node, w->root, CMARK_NODE_PARAGRAPH, err));
        AC_CHECK(add(&emph, node, CMARK_NODE_EMPH, err));
        AC_CHECK(add_text(w, emph, subtitle, 1, err));
    }
cleanup:
    return rc;
}

static int build_body(md_writer *w, const artconv_node *body, artconv_error *err)
{
    artconv_iter it;
    artconv_event ev;
    int rc = ARTCONV_OK;

    artconv_iter_init(&it, body);
    while (rc == 0 && (ev = artconv_iter_next(&it)) != ARTCONV_EVENT_DONE) {
        if (ev == ARTCONV_EVENT_ENTER)
            rc = enter(w, artconv_iter_node(&it), err);
        else
            rc = leave(w, artconv_iter_node(&it), err);
    }
    return rc;
}

int ac_markdown_write(artconv_buf *out, const artconv_article *article,
                      const artconv_write_options *opts, artconv_error *err)
{
    md_writer w;
    artconv_front_matter mode = opts != NULL ? opts->front_matter : ARTCONV_FRONT_MATTER_AUTO;
    int front;
    char *markdown = NULL;
    int rc = ARTCONV_OK;

    memset(&w, 0, sizeof w);
    front = mode == ARTCONV_FRONT_MATTER_ALWAYS ||
            (mode == ARTCONV_FRONT_MATTER_AUTO && has_metadata(article, ARTCONV_META_TITLE));
    w.root = cmark_node_new(CMARK_NODE_DOCUMENT);
    if (w.root == NULL)
        return ac_nomem(err);
    w.cur = w.root;
    if (!front)
        AC_CHECK(add_title(&w, article, mode == ARTCONV_FRONT_MATTER_NEVER, err));
    AC_CHECK(build_body(&w, artconv_article_body(article), err));
    if ((rc = tidy_spaces(w.root, &w.tmp)) < 0) {
        rc = rc == ARTCONV_ENOMEM ? ac_nomem(err) : cmark_failed(err, "a literal");
        goto cleanup;
    }
    /* Width 0: no wrapping, one paragraph per line.  cmark writes an empty
     * document as a lone newline; ours stays empty. */
    if (cmark_node_first_child(w.root) != NULL)
        markdown = cmark_render_commonmark(w.root, CMARK_OPT_DEFAULT, 0);
    else
        markdown = calloc(1, 1);
    if (markdown == NULL) {
        rc = ac_nomem(err);
        goto cleanup;
    }
    if (front) {
        AC_CHECK(write_front_matter(out, article, err));
        if (markdown[0] != '\0' && artconv_buf_putc(out, '\n') < 0) {
            rc = ac_nomem(err);
            goto cleanup;
        }
    }
    if (artconv_buf_puts(out, markdown) < 0)
        rc = ac_nomem(err);
cleanup:
    free(markdown);
    /* Unlike free(), cmark_node_free(NULL) crashes. */
    if (w.scratch != NULL)
        cmark_node_free(w.scratch);
    cmark_node_free(w.root);
    artconv_buf_dispose(&w.html);
    artconv_buf_dispose(&w.tmp);
    return rc;
}
