/*
 * parse_stream.c - streamed parts of a page put where they are shown.
 *
 * A page rendered in streamed parts (React's server rendering, used by
 * Next.js and many shops and news sites) sends the page's frame first, with
 * a placeholder where a part will go (<template id="B:3"> inside the
 * boundary comments <!--$?--> ... <!--/$-->, followed by a fallback such as
 * a spinner), and the part itself later, at the end of <body>, in
 * <div hidden id="S:3">.  A small script ($RC / $RS) moves the part into
 * place as soon as it arrives: the reader sees it there, never hidden.
 * Here the same move is made on the parsed tree, before anything measures
 * it, so the part is text at its place and not a hidden box at the end.
 */
#include "parse_stream.h"
#include "artconv.h"
#include "html.h"
#include "xml.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    xmlNodePtr *v;
    size_t n, cap;
} node_list;

static int push(node_list *l, xmlNodePtr n)
{
    if (l->n == l->cap) {
        size_t cap = l->cap == 0 ? 8 : l->cap * 2;
        xmlNodePtr *v = realloc(l->v, cap * sizeof *v);

        if (v == NULL)
            return ARTCONV_ENOMEM;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = n;
    return 0;
}

/* The id of `el` when it is "<prefix>:<letters or digits>", else NULL. */
static const char *stream_id(const xmlNode *el, char prefix)
{
    const char *id = ac_html_attr(el, "id");
    size_t i;

    if (id == NULL || id[0] != prefix || id[1] != ':' || id[2] == '\0')
        return NULL;
    for (i = 2; id[i] != '\0'; i++)
        if (!((id[i] >= '0' && id[i] <= '9') || (id[i] >= 'a' && id[i] <= 'z') ||
              (id[i] >= 'A' && id[i] <= 'Z')))
            return NULL;
    return id;
}

/* The number part of a placeholder's id ("3" of "B:3"), else NULL. */
static const char *holder_number(const xmlNode *el)
{
    const char *id = stream_id(el, 'B');

    if (id == NULL)
        id = stream_id(el, 'P');
    return id == NULL ? NULL : id + 2;
}

static int is_named(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/* 1 for a comment whose text is `s` (the boundary marks "$?", "/$"...). */
static int comment_starts(xmlNodePtr n, const char *s)
{
    return n->type == XML_COMMENT_NODE && n->content != NULL &&
           strncmp((const char *)n->content, s, strlen(s)) == 0;
}

/* Takes away what the boundary shows until its part arrives: the
 * siblings after the placeholder up to the boundary's closing <!--/$-->,
 * counting boundaries nested in the fallback.  Without a closing mark
 * nothing goes.  Nodes are unlinked into `trash`, freed at the end, as
 * other placeholders may sit in them. */
static int drop_fallback(xmlNodePtr placeholder, node_list *trash)
{
    xmlNodePtr n, end, next;
    int depth = 0;

    for (end = placeholder->next; end != NULL; end = end->next) {
        if (comment_starts(end, "/$") && depth-- == 0)
            break;
        if (comment_starts(end, "$"))
            depth++;
    }
    if (end == NULL)
        return 0;
    for (n = placeholder->next; n != end; n = next) {
        next = n->next;
        xmlUnlinkNode(n);
        if (push(trash, n) < 0) {
            xmlFreeNode(n);
            return ARTCONV_ENOMEM;
        }
    }
    return 0;
}

/* Moves the children of `part` in front of `placeholder`; both go to
 * `trash`. */
static int place(xmlNodePtr part, xmlNodePtr placeholder, node_list *trash)
{
    xmlNodePtr n, next;

    if (stream_id(placeholder, 'B') != NULL && drop_fallback(placeholder, trash) < 0)
        return ARTCONV_ENOMEM;
    for (n = part->children; n != NULL; n = next) {
        next = n->next;
        xmlUnlinkNode(n);
        xmlAddPrevSibling(placeholder, n);
    }
    xmlUnlinkNode(placeholder);
    xmlUnlinkNode(part);
    if (push(trash, placeholder) < 0) {
        xmlFreeNode(placeholder);
        xmlFreeNode(part);
        return ARTCONV_ENOMEM;
    }
    if (push(trash, part) < 0) {
        xmlFreeNode(part);
        return ARTCONV_ENOMEM;
    }
    return 0;
}

/* 1 if `b` sits inside `a`: `a` cannot be moved into it. */
static int nested(xmlNodePtr a, xmlNodePtr b)
{
    xmlNodePtr n;

    for (n = b->parent; n != NULL; n = n->parent)
        if (n == a)
            return 1;
    return 0;
}

int ac_html_place_streamed(xmlDocPtr doc)
{
    node_list parts = {0}, holders = {0}, trash = {0};
    xmlNodePtr root = (xmlNodePtr)doc, n;
    size_t i, j;
    int rc = 0;

    for (n = root->children; n != NULL && rc == 0; n = ac_xml_next(n, root, 0)) {
        if (is_named(n, "div") && ac_html_attr(n, "hidden") != NULL && stream_id(n, 'S') != NULL)
            rc = push(&parts, n);
        else if (is_named(n, "template") && holder_number(n) != NULL)
            rc = push(&holders, n);
    }
    /* A part fills the first placeholder with its number.  Parts are taken
     * in document order: a part that brings a nested placeholder has moved
     * before the later part that fills it. */
    for (i = 0; i < parts.n && rc == 0; i++) {
        const char *number = stream_id(parts.v[i], 'S') + 2;

        for (j = 0; j < holders.n; j++) {
            if (holders.v[j] == NULL || strcmp(holder_number(holders.v[j]), number) != 0)
                continue;
            /* A node without a parent went out whole with a fallback. */
            if (parts.v[i]->parent != NULL && holders.v[j]->parent != NULL &&
                !nested(parts.v[i], holders.v[j]))
                rc = place(parts.v[i], holders.v[j], &trash);
            holders.v[j] = NULL;
            break;
        }
    }
    for (i = 0; i < trash.n; i++)
        xmlFreeNode(trash.v[i]);
    free(parts.v);
    free(holders.v);
    free(trash.v);
    return rc;
}
