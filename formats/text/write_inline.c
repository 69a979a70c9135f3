/*
 * write_inline.c - the plain-text writer's inline text: emphasis dropped,
 * links and images as numbered references, hard breaks kept, and figures
 * as one "[Image]" line.
 */
#include "text_writer.h"

#include <string.h>

static int has_url(const artconv_node *node)
{
    const char *url = artconv_node_get_url(node);

    return url != NULL && url[0] != '\0';
}

/* Renders the inline content of `node` into w->text: links as
 * "[text][n]", images as "[Image: alt][n]", hard breaks as '\n'. */
int ac_tw_render_inlines(ac_tw_writer *w, const artconv_node *node)
{
    artconv_iter it;
    artconv_event ev;
    int rc = 0;

    artconv_iter_init(&it, node);
    while (rc == 0 && (ev = artconv_iter_next(&it)) != ARTCONV_EVENT_DONE) {
        const artconv_node *cur = artconv_iter_node(&it);
        const char *s;

        if (cur == node)
            continue;
        switch (artconv_node_get_kind(cur)) {
        case ARTCONV_NODE_TEXT:
        case ARTCONV_NODE_CODE:
            s = artconv_node_get_literal(cur);
            rc = ac_tw_put_flat(&w->text, s != NULL ? s : "");
            break;
        case ARTCONV_NODE_SOFTBREAK:
            rc = artconv_buf_putc(&w->text, ' ');
            break;
        case ARTCONV_NODE_LINEBREAK:
            rc = artconv_buf_putc(&w->text, '\n');
            break;
        case ARTCONV_NODE_LINK:
            if (!has_url(cur))
                break;
            if (ev == ARTCONV_EVENT_ENTER)
                rc = artconv_buf_putc(&w->text, '[');
            else if ((rc = artconv_buf_putc(&w->text, ']')) == 0)
                rc = ac_tw_add_ref(w, artconv_node_get_url(cur));
            break;
        case ARTCONV_NODE_IMAGE:
            s = artconv_node_get_alt(cur);
            if (!has_url(cur)) {
                rc = ac_tw_put_flat(&w->text, s != NULL ? s : "");
                break;
            }
            if ((rc = artconv_buf_puts(&w->text, "[Image: ")) < 0 ||
                (rc = ac_tw_put_flat(&w->text, s != NULL ? s : "")) < 0 ||
                (rc = artconv_buf_putc(&w->text, ']')) < 0)
                break;
            rc = ac_tw_add_ref(w, artconv_node_get_url(cur));
            break;
        case ARTCONV_NODE_SUPERSCRIPT:
            if (ev == ARTCONV_EVENT_ENTER)
                rc = artconv_buf_putc(&w->text, '^');
            break;
        default:
            break;
        }
    }
    return rc;
}

/* A figure: "[Image][n] caption | credit"; without an image and a credit
 * the "[Image]" mark alone tells the reader it is a figure. */
int ac_tw_figure_text(ac_tw_writer *w, const char *url, const artconv_node *caption,
                      const char *alt, const char *credit)
{
    size_t mark_end;
    int rc = 0;

    artconv_buf_clear(&w->text);
    if (url != NULL && url[0] != '\0') {
        AC_CHECK(artconv_buf_puts(&w->text, "[Image]"));
        AC_CHECK(ac_tw_add_ref(w, url));
        AC_CHECK(artconv_buf_putc(&w->text, ' '));
    } else if (credit == NULL || credit[0] == '\0') {
        AC_CHECK(artconv_buf_puts(&w->text, "[Image] "));
    }
    mark_end = w->text.len;
    if (caption != NULL)
        AC_CHECK(ac_tw_render_inlines(w, caption));
    if (w->text.len == mark_end && alt != NULL)
        AC_CHECK(ac_tw_put_flat(&w->text, alt));
    if (credit != NULL && credit[0] != '\0') {
        AC_CHECK(artconv_buf_puts(&w->text, " | "));
        AC_CHECK(ac_tw_put_flat(&w->text, credit));
    }
    ac_tw_trim_text(w);
cleanup:
    return rc;
}
