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
 *
 * This file holds the walk and the entry points; build.h lists the parts:
 * build_place.c (where content goes), build_element.c (each element),
 * build_media.c (images and figures), build_tidy.c (the last pass).
 */
#include "build.h"

#include <string.h>

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
            if (b->depth > 0 && b->stack[b->depth - 1].el == n && (rc = ac_build_leave(b)) < 0)
                return rc;
        } else if (n->type == XML_ELEMENT_NODE) {
            if (ac_html_skipped(n) && !(b->fragment && ac_html_is(n, "textarea")))
                ac_xml_walk_skip(&w);
            else if ((rc = ac_build_enter(b, n, &descend)) < 0)
                return rc;
            else if (!descend)
                ac_xml_walk_skip(&w);
            continue; /* not done before its LEAVE */
        } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
                   n->content != NULL) {
            if ((rc = ac_build_add_text(b, (const char *)n->content,
                                        strlen((const char *)n->content))) < 0)
                return rc;
        }
        if (n != root)
            release(b, n);
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
        rc = ac_build_tidy(
            before == NULL ? artconv_node_first_child(parent) : artconv_node_next(before), err);
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
            rc = ac_build_tidy(first, err);
        else if (first != NULL) {
            /* Inside a paragraph: drop empty inlines but keep the spaces
             * that separate the fragment from the text around it. */
            artconv_node *c = first, *next;

            for (; c != NULL && rc == 0; c = next) {
                next = artconv_node_next(c);
                if (artconv_node_first_child(c) != NULL)
                    rc = ac_build_tidy(artconv_node_first_child(c), err);
                if (rc == 0 && ac_build_is_empty(c))
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
    return ac_xhtml_in_nodes_to_model(parent, container != NULL ? container->children : NULL, NULL,
                                      err);
}
