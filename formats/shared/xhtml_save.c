/*
 * xhtml_save.c - serialising: a tree in libxml2's XHTML mode, a page with
 * the body written block by block in place of a mark, and the byte counts
 * of children without keeping their bytes.
 */
#include "xhtml_parts.h"

#include <libxml/xmlsave.h>
#include <string.h>

int ac_xhtml_save(artconv_buf *out, xmlNodePtr node, artconv_error *err)
{
    ac_xml_sink s = {out, 0};
    xmlSaveCtxtPtr ctxt;
    long written;
    int closed;

    /* With an encoding given, libxml2 escapes only & < > (and " in
     * attributes) and writes other characters as they are. */
    ctxt = xmlSaveToIO(ac_xml_sink_write, ac_xml_sink_close, &s, "UTF-8",
                       XML_SAVE_XHTML | XML_SAVE_NO_DECL);
    if (ctxt == NULL)
        return ac_nomem(err);
    written = xmlSaveTree(ctxt, node);
    closed = xmlSaveClose(ctxt);
    if (s.nomem)
        return ac_nomem(err);
    if (written < 0 || closed < 0)
        return ac_error(err, ARTCONV_EIO, "libxml2 could not serialise the document");
    return ARTCONV_OK;
}

/* 1 if `mark` has no element beside it (its parent then ends without a
 * line break when the body is empty). */
static int is_alone(const xmlNode *mark)
{
    const xmlNode *n;

    for (n = mark->parent != NULL ? mark->parent->children : NULL; n != NULL; n = n->next)
        if (n != mark && n->type == XML_ELEMENT_NODE)
            return 0;
    return 1;
}

/* Writes the blocks of `body` one at a time through `ctxt` into s->out,
 * each after `ws` but the first (the page has the first one already).
 * Sets *written to the number of elements written. */
static int save_blocks(ac_xml_sink *s, xmlSaveCtxtPtr ctxt, xmlDocPtr doc, const char *ws,
                       const artconv_node *body, int depth, const ac_xhtml_options *o,
                       ac_xhtml_block_fn each, void *payload, size_t *written, artconv_error *err)
{
    const artconv_node *block;
    xmlNodePtr holder, el;
    int rc = ARTCONV_OK;

    *written = 0;
    for (block = artconv_node_first_child(body); block != NULL && rc == 0;
         block = artconv_node_next(block)) {
        if ((holder = xmlNewDocNode(doc, o->ns, BAD_CAST "div", NULL)) == NULL)
            return ac_nomem(err);
        rc = ac_xhtml_body(holder, block, o, err);
        if (rc == 0 && each != NULL)
            each(holder, payload);
        for (el = holder->children; el != NULL && rc == 0; el = el->next) {
            if ((rc = ac_xhtml_indent(el, depth, err)) < 0)
                break;
            if (*written > 0 && artconv_buf_puts(s->out, ws) < 0) {
                rc = ac_nomem(err);
                break;
            }
            if (xmlSaveTree(ctxt, el) < 0 || xmlSaveFlush(ctxt) < 0)
                rc = s->nomem
                         ? ac_nomem(err)
                         : ac_error(err, ARTCONV_EIO, "libxml2 could not serialise the document");
            ++*written;
        }
        xmlFreeNode(holder);
    }
    return rc;
}

int ac_xhtml_save_around(artconv_buf *out, xmlNodePtr page, xmlNodePtr mark,
                         const artconv_node *body, int depth, const ac_xhtml_options *o,
                         ac_xhtml_block_fn each, void *payload, artconv_error *err)
{
    static const char mark_text[] = "<div class=\"" AC_XHTML_BODY_MARK "\"></div>";
    artconv_buf tail = ARTCONV_BUF_INIT;
    ac_xml_sink s = {out, 0};
    xmlSaveCtxtPtr ctxt = NULL;
    size_t start = out->len, at, ws_at, written = 0;
    char *found, ws[2 + 2 * AC_XHTML_INDENT_MAX_LEVEL];
    int alone = is_alone(mark), rc;

    AC_CHECK(ac_xhtml_save(out, page, err));
    /* Text and attribute values have their "<" escaped: the first match
     * is the mark. */
    found = strstr(out->ptr + start, mark_text);
    if (found == NULL) {
        rc = ac_error(err, ARTCONV_EIO, "libxml2 could not serialise the document");
        goto cleanup;
    }
    at = (size_t)(found - out->ptr);
    if (artconv_buf_puts(&tail, found + sizeof mark_text - 1) < 0) {
        rc = ac_nomem(err);
        goto cleanup;
    }
    out->len = at;
    out->ptr[at] = '\0';
    /* The line break and indentation before the mark go before every
     * block after the first too. */
    for (ws_at = at; ws_at > start && out->ptr[ws_at - 1] == ' '; ws_at--)
        ;
    if (ws_at > start && out->ptr[ws_at - 1] == '\n')
        ws_at--;
    if (at - ws_at >= sizeof ws) {
        rc = ac_error(err, ARTCONV_EIO, "libxml2 could not serialise the document");
        goto cleanup;
    }
    memcpy(ws, out->ptr + ws_at, at - ws_at);
    ws[at - ws_at] = '\0';
    ctxt = xmlSaveToIO(ac_xml_sink_write, ac_xml_sink_close, &s, "UTF-8",
                       XML_SAVE_XHTML | XML_SAVE_NO_DECL);
    if (ctxt == NULL) {
        rc = ac_nomem(err);
        goto cleanup;
    }
    AC_CHECK(save_blocks(&s, ctxt, page->doc, ws, body, depth, o, each, payload, &written, err));
    if (written == 0) {
        /* No body after all: no line for it, and an element that held
         * nothing else closes on its own line no more. */
        out->len = ws_at;
        out->ptr[ws_at] = '\0';
        if (alone) {
            size_t skip = strspn(tail.ptr, " \n");

            memmove(tail.ptr, tail.ptr + skip, tail.len - skip + 1);
            tail.len -= skip;
        }
    }
    if (artconv_buf_put(out, tail.ptr, tail.len) < 0)
        rc = ac_nomem(err);
cleanup:
    if (ctxt != NULL && xmlSaveClose(ctxt) < 0 && rc == ARTCONV_OK)
        rc = ac_error(err, ARTCONV_EIO, "libxml2 could not serialise the document");
    if (rc < 0) {
        out->len = start;
        if (out->ptr != NULL)
            out->ptr[start] = '\0';
    }
    artconv_buf_dispose(&tail);
    return rc;
}

static int count_write(void *context, const char *bytes, int len)
{
    size_t *count = context;

    (void)bytes;
    if (len < 0)
        return -1;
    *count += (size_t)len;
    return len;
}

int ac_xhtml_measure(size_t *sizes, size_t n, xmlNodePtr parent, artconv_error *err)
{
    xmlSaveCtxtPtr ctxt;
    xmlNodePtr child;
    size_t count = 0, before, i = 0;
    int rc = ARTCONV_OK;

    /* A serialiser costs more to set up than a paragraph costs to write:
     * one is shared by all the children, flushed after each to count its
     * bytes, and nothing is stored. */
    ctxt = xmlSaveToIO(count_write, ac_xml_sink_close, &count, "UTF-8",
                       XML_SAVE_XHTML | XML_SAVE_NO_DECL);
    if (ctxt == NULL)
        return ac_nomem(err);
    for (child = parent->children; child != NULL && i < n; child = child->next) {
        before = count;
        if (xmlSaveTree(ctxt, child) < 0 || xmlSaveFlush(ctxt) < 0) {
            rc = ac_error(err, ARTCONV_EIO, "libxml2 could not serialise the document");
            break;
        }
        sizes[i++] = count - before;
    }
    if (xmlSaveClose(ctxt) < 0 && rc == ARTCONV_OK)
        rc = ac_error(err, ARTCONV_EIO, "libxml2 could not serialise the document");
    return rc;
}
