/*
 * write_nodes.c - the Markdown writer's cmark nodes made from model text:
 * text with its line endings as soft breaks or spaces, literals and images
 * (an unsafe URL left empty), each appended where cmark allows it.
 */
#include "md_writer.h"
#include "resource.h"
#include "xhtml.h"

#include <stdlib.h>
#include <string.h>

int ac_mdw_cmark_failed(artconv_error *err, const char *what)
{
    return ac_error(err, ARTCONV_EINVALID, "cmark refused %s", what);
}

/* Creates a cmark node of `type` at the end of `parent`'s children. */
int ac_mdw_add(cmark_node **out, cmark_node *parent, cmark_node_type type, artconv_error *err)
{
    cmark_node *node = cmark_node_new(type);

    /* Set on every path, so that optimising compilers (-O3 inlines this)
     * see callers' nodes as initialised even where an error is returned. */
    if (out != NULL)
        *out = NULL;
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

int ac_mdw_add_literal(cmark_node *parent, cmark_node_type type, const char *literal,
                       artconv_error *err)
{
    cmark_node *node;
    int rc;

    if ((rc = ac_mdw_add(&node, parent, type, err)) < 0)
        return rc;
    return cmark_node_set_literal(node, literal) ? ARTCONV_OK
                                                 : ac_mdw_cmark_failed(err, "a literal");
}

/* Copies `s` into `buf` (emptied first) with each line ending (CRLF, CR,
 * LF) replaced by `nl`, and stops before the next line ending when `stop`
 * is set; returns the number of bytes of `s` consumed. */
size_t ac_mdw_copy_breaks(artconv_buf *buf, const char *s, const char *nl, int stop, int *rc)
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

/* Appends `n` bytes of `s` as a text node. */
static int add_text_run(cmark_node *parent, const char *s, size_t n, artconv_error *err)
{
    char piece[256];
    cmark_node *node;
    int rc;

    if ((rc = ac_mdw_add(&node, parent, CMARK_NODE_TEXT, err)) < 0)
        return rc;
    /* cmark copies the literal; a long run is copied once more here. */
    if (n < sizeof piece) {
        memcpy(piece, s, n);
        piece[n] = '\0';
        return cmark_node_set_literal(node, piece) ? ARTCONV_OK
                                                   : ac_mdw_cmark_failed(err, "a literal");
    }
    {
        char *copy = strndup(s, n);

        rc = copy != NULL && cmark_node_set_literal(node, copy) ? ARTCONV_OK : ac_nomem(err);
        free(copy);
    }
    return rc;
}

/* Appends `c` backslash-escaped, as literal Markdown. */
static int add_escape(cmark_node *parent, char c, artconv_error *err)
{
    char esc[3] = {'\\', c, '\0'};
    cmark_node *node;
    int rc;

    if ((rc = ac_mdw_add(&node, parent, CMARK_NODE_HTML_INLINE, err)) < 0)
        return rc;
    if (!cmark_node_set_literal(node, esc) ||
        !cmark_node_set_user_data(node, (void *)&ac_mdw_code_mark))
        return ac_mdw_cmark_failed(err, "an escape");
    return ARTCONV_OK;
}

/* 1 if `s` could be a pipe table's delimiter row without pipes (":--",
 * "-:"), which would make the line above it a table header. */
static int looks_like_delimiter_row(const char *s)
{
    return s[strspn(s, " \t")] != '\0' && s[strspn(s, " \t:-")] == '\0' && strchr(s, '-') != NULL;
}

/* Appends one line's piece of text, as cmark-gfm's renderer would not
 * write it for a reader with GFM tables: each "|" escaped, and a line that
 * could be a delimiter row starting with an escape.  The escapes are
 * literal Markdown (marked with ac_mdw_code_mark), which the
 * renderer copies as it is; inside an HTML table or figure (cmark's HTML
 * renderer) the text stays whole. */
static int add_piece(md_writer *w, cmark_node *parent, const char *s, artconv_error *err)
{
    cmark_node *last = cmark_node_last_child(parent);
    int line_start = last == NULL || cmark_node_get_type(last) == CMARK_NODE_SOFTBREAK ||
                     cmark_node_get_type(last) == CMARK_NODE_LINEBREAK;
    size_t n, lead;
    int rc;

    if (w->in_html && !w->pipe)
        return ac_mdw_add_literal(parent, CMARK_NODE_TEXT, s, err);
    if (line_start && looks_like_delimiter_row(s)) {
        lead = strspn(s, " \t");
        if (lead > 0 && (rc = add_text_run(parent, s, lead, err)) < 0)
            return rc;
        if ((rc = add_escape(parent, s[lead], err)) < 0)
            return rc;
        s += lead + 1;
    }
    while (*s != '\0') {
        n = strcspn(s, "|");
        if (n > 0 && (rc = add_text_run(parent, s, n, err)) < 0)
            return rc;
        s += n;
        if (*s == '|') {
            if ((rc = add_escape(parent, '|', err)) < 0)
                return rc;
            s++;
        }
    }
    return ARTCONV_OK;
}

/* Appends text.  Line endings become soft breaks, or spaces where a line
 * cannot end (`soft` 0): cmark writes a text node's newline as it is, and
 * two of them would end the paragraph. */
int ac_mdw_add_text(md_writer *w, cmark_node *parent, const char *s, int soft, artconv_error *err)
{
    size_t used;
    int rc = ARTCONV_OK;

    if (!soft) {
        if ((rc = ac_mdw_one_line(w, s, err)) < 0)
            return rc;
        return add_piece(w, parent, w->tmp.ptr, err);
    }
    while (*s != '\0') {
        used = ac_mdw_copy_breaks(&w->tmp, s, "", 1, &rc);
        if (rc < 0)
            return ac_nomem(err);
        if (used > 0 && (rc = add_piece(w, parent, w->tmp.ptr, err)) < 0)
            return rc;
        s += used;
        if (*s == '\0')
            break;
        s += s[0] == '\r' && s[1] == '\n' ? 2 : 1;
        if ((rc = ac_mdw_add(NULL, parent, CMARK_NODE_SOFTBREAK, err)) < 0)
            return rc;
    }
    return ARTCONV_OK;
}

int ac_mdw_one_line(md_writer *w, const char *s, artconv_error *err)
{
    int rc;

    ac_mdw_copy_breaks(&w->tmp, s, " ", 0, &rc);
    return rc < 0 ? ac_nomem(err) : ARTCONV_OK;
}

int ac_mdw_set_destination(md_writer *w, cmark_node *node, const char *url, const char *title,
                           artconv_error *err)
{
    int image = cmark_node_get_type(node) == CMARK_NODE_IMAGE, rc;

    /* An image the article holds as a resource (an EPUB's) has no file to
     * point at: a data: URL, or none when one may not carry it. */
    if (image && url != NULL) {
        rc = ac_resource_data_url(&w->data_url, w->article, url, &w->data_url_budget);
        if (rc < 0)
            return ac_nomem(err);
        if (rc == 2)
            ac_warn_write(w->opts, ARTCONV_EUNSUPPORTED,
                          "image %.200s not written: a data: URL may not carry it", url);
        else if (rc == 3)
            ac_warn_write(w->opts, ARTCONV_ELIMIT,
                          "image %.200s not written: the page's data: URLs would carry more "
                          "than %zu bytes",
                          url, (size_t)AC_DATA_URL_BUDGET);
        if (rc > 0)
            url = rc == 1 ? w->data_url.ptr : "";
    }
    /* Renderers other than cmark's safe default turn a javascript: or
     * data:text/html destination into a live URL: leave it empty. */
    if (url != NULL && !ac_xhtml_url_is_safe(url, image)) {
        url = "";
        title = NULL; /* `( "title")` without a destination is no image or link */
    }
    if (!cmark_node_set_url(node, url != NULL ? url : ""))
        return ac_mdw_cmark_failed(err, image ? "an image URL" : "a link URL");
    if (title == NULL)
        return ARTCONV_OK;
    if ((rc = ac_mdw_one_line(w, title, err)) < 0)
        return rc;
    if (!cmark_node_set_title(node, w->tmp.ptr))
        return ac_mdw_cmark_failed(err, image ? "an image title" : "a link title");
    return ARTCONV_OK;
}

/* Appends an image whose alt text is its text child, as cmark has it. */
int ac_mdw_add_image(md_writer *w, cmark_node *parent, const char *url, const char *alt,
                     const char *title, artconv_error *err)
{
    cmark_node *image;
    int rc;

    if ((rc = ac_mdw_add(&image, parent, CMARK_NODE_IMAGE, err)) < 0)
        return rc;
    if ((rc = ac_mdw_set_destination(w, image, url, title, err)) < 0)
        return rc;
    if (alt != NULL && *alt != '\0')
        return ac_mdw_add_text(w, image, alt, 0, err);
    return ARTCONV_OK;
}
