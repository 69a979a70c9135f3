/*
 * plain.c - the plain text of inline content, for places that cannot hold
 * markup: an HTML <title>, alt text, a table of contents, a terminal.
 */
#include "internal.h"

#include <string.h>

int ac_plain_text(artconv_buf *out, const artconv_node *node)
{
    artconv_iter it;
    artconv_event ev;
    int rc = ARTCONV_OK;

    artconv_iter_init(&it, node);
    while (rc == 0 && (ev = artconv_iter_next(&it)) != ARTCONV_EVENT_DONE) {
        const artconv_node *cur = artconv_iter_node(&it);
        const char *s;

        if (ev != ARTCONV_EVENT_ENTER)
            continue;
        switch (artconv_node_get_kind(cur)) {
        case ARTCONV_NODE_TEXT:
        case ARTCONV_NODE_CODE:
            s = artconv_node_get_literal(cur);
            if (s != NULL)
                rc = artconv_buf_puts(out, s);
            break;
        case ARTCONV_NODE_IMAGE:
            s = artconv_node_get_alt(cur);
            if (s != NULL)
                rc = artconv_buf_puts(out, s);
            break;
        case ARTCONV_NODE_SOFTBREAK:
        case ARTCONV_NODE_LINEBREAK:
            rc = artconv_buf_putc(out, ' ');
            break;
        default:
            break;
        }
    }
    return rc < 0 ? ARTCONV_ENOMEM : ARTCONV_OK;
}

int ac_body_shows_image(const artconv_node *body, const char *url)
{
    artconv_iter it;
    artconv_event ev;

    if (url == NULL)
        return 0;
    artconv_iter_init(&it, body);
    while ((ev = artconv_iter_next(&it)) != ARTCONV_EVENT_DONE) {
        const artconv_node *node = artconv_iter_node(&it);
        artconv_node_kind kind = artconv_node_get_kind(node);
        const char *src;

        if (ev != ARTCONV_EVENT_ENTER ||
            (kind != ARTCONV_NODE_IMAGE && kind != ARTCONV_NODE_FIGURE))
            continue;
        src = artconv_node_get_url(node);
        if (src != NULL && strcmp(src, url) == 0)
            return 1;
    }
    return 0;
}
