/*
 * write_render.c - the built cmark tree rendered as Markdown and appended
 * to the output.  Width 0: no wrapping, one paragraph per line.  A list
 * right after a list takes the other bullet or delimiter instead of cmark's
 * "<!-- end list -->" comment, so each such list is rendered on its own.
 */
#include "md_writer.h"

#include <stdlib.h>
#include <string.h>

/* Renders `doc` and appends it; with `star`, the top-level bullets of
 * its (single, list) child become "*" instead of cmark's "-". */
static int render_segment(md_output *o, cmark_node *doc, int star, artconv_error *err)
{
    char *md = cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0);
    artconv_buf *out = o->out;
    const char *line;
    size_t start = out->len;
    int rc = ARTCONV_OK;

    if (md == NULL)
        return ac_nomem(err);
    if (o->started && artconv_buf_putc(out, '\n') < 0)
        rc = ac_nomem(err);
    o->started = 1;
    start = out->len;
    if (rc == 0 && artconv_buf_puts(out, md) < 0)
        rc = ac_nomem(err);
    free(md);
    /* Alone in its document, the list's item markers are exactly the
     * lines starting "  - "; deeper lines are indented by four. */
    for (line = out->ptr + start; rc == 0 && star && line != NULL && *line != '\0';) {
        if (strncmp(line, "  - ", 4) == 0)
            out->ptr[line - out->ptr + 2] = '*';
        line = strchr(line, '\n');
        line = line != NULL ? line + 1 : NULL;
    }
    return rc;
}

/* Renders the document.  cmark separates two adjacent lists with an
 * "<!-- end list -->" comment, which stays in the HTML; a list that follows
 * a list is rendered on its own instead, with the other bullet ("*") or
 * the other delimiter (")"), which starts a new list without a trace. */
int ac_mdw_render_body(md_output *out, cmark_node *root, artconv_error *err)
{
    cmark_node *seg = NULL, *c, *prev = NULL;
    int star = 0, prev_star = 0, rc = ARTCONV_OK;

    while ((c = cmark_node_first_child(root)) != NULL) {
        int split = prev != NULL && cmark_node_get_type(prev) == CMARK_NODE_LIST &&
                    cmark_node_get_type(c) == CMARK_NODE_LIST;

        star = 0;
        if (split) {
            if (cmark_node_get_list_type(c) == CMARK_BULLET_LIST &&
                cmark_node_get_list_type(prev) == CMARK_BULLET_LIST)
                star = !prev_star;
            if (cmark_node_get_list_type(c) == CMARK_ORDERED_LIST &&
                cmark_node_get_list_type(prev) == CMARK_ORDERED_LIST &&
                cmark_node_get_list_delim(prev) != CMARK_PAREN_DELIM &&
                !cmark_node_set_list_delim(c, CMARK_PAREN_DELIM))
                return ac_mdw_cmark_failed(err, "a list delimiter");
            if (seg != NULL)
                AC_CHECK(render_segment(out, seg, prev_star, err));
            if (seg != NULL)
                cmark_node_free(seg);
            seg = NULL;
        } else if (seg != NULL && prev_star) {
            /* The starred list stands alone in its segment. */
            AC_CHECK(render_segment(out, seg, 1, err));
            cmark_node_free(seg);
            seg = NULL;
        }
        if (seg == NULL && (seg = cmark_node_new(CMARK_NODE_DOCUMENT)) == NULL) {
            rc = ac_nomem(err);
            goto cleanup;
        }
        if (!cmark_node_append_child(seg, c)) {
            rc = ac_mdw_cmark_failed(err, "a block");
            goto cleanup;
        }
        prev = c;
        prev_star = star;
    }
    if (seg != NULL)
        rc = render_segment(out, seg, prev_star, err);
cleanup:
    if (seg != NULL)
        cmark_node_free(seg);
    return rc;
}
