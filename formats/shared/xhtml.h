/*
 * xhtml.h - the article model as a libxml2 element tree of (X)HTML.
 *
 * The HTML writer, and later the EPUB (XHTML content documents) and
 * NewsML-G2 (XHTML inside inlineXML) writers, map the model to elements in
 * one place: here.  The tree is built with libxml2's tree API, so escaping
 * is libxml2's, and serialised with ac_xhtml_save in libxml2's XHTML mode,
 * whose output is both well-formed XML and valid HTML5 syntax.
 *
 * Conventions of the mapping (documented for readers of our output):
 *  - a quote with an attribution becomes
 *    <figure class="quote"><blockquote>...</blockquote>
 *    <figcaption class="attribution">...</figcaption></figure>,
 *    since HTML5 wants the attribution outside the blockquote;
 *  - a figure is <figure><img src alt/><figcaption>caption
 *    <small class="credit">credit</small></figcaption></figure>;
 *  - a paragraph in a tight list item is written without <p>, as
 *    CommonMark does, unless a paragraph next to it would run into it;
 *  - URLs with a dangerous scheme are never written (ac_xhtml_url_is_safe):
 *    a link keeps its text, an image its alt text.
 */
#ifndef ARTCONV_XHTML_H
#define ARTCONV_XHTML_H

#include "internal.h"
#include "xml.h"

#include <libxml/tree.h>

#define AC_XHTML_NS "http://www.w3.org/1999/xhtml"

/* Like AC_CHECK for the tree calls that return NULL when memory runs out:
 * jumps to `cleanup` with ARTCONV_ENOMEM in `rc`. */
#define AC_NEED(ptr)                                                                               \
    do {                                                                                           \
        if ((ptr) == NULL) {                                                                       \
            rc = ARTCONV_ENOMEM;                                                                   \
            goto cleanup;                                                                          \
        }                                                                                          \
    } while (0)

typedef struct ac_xhtml_options {
    /* Namespace of every element created: the XHTML one (declared on the
     * root by the caller) for a page or an EPUB document, NULL for an HTML
     * fragment. */
    xmlNsPtr ns;
    /* Where a refused image is reported (NULL: nowhere). */
    const artconv_write_options *warn;
} ac_xhtml_options;

/* Returns a new document whose encoding is UTF-8, or NULL if memory runs
 * out; free it with xmlFreeDoc.  The encoding keeps libxml2 from writing
 * non-ASCII characters in attributes as character references. */
xmlDocPtr ac_xhtml_doc_new(void);

/* Creates an element `name` in o->ns and appends it to `parent`.  Returns
 * it (owned by `parent`), or NULL if memory runs out. */
xmlNodePtr ac_xhtml_add(xmlNodePtr parent, const ac_xhtml_options *o, const char *name);
/* Same, with a class attribute (if `cls` is not NULL) and text content (if
 * `text` is not NULL; written literally, never parsed for entities). */
xmlNodePtr ac_xhtml_add_text_element(xmlNodePtr parent, const ac_xhtml_options *o, const char *name,
                                     const char *cls, const char *text);
/* Appends literal text to `parent`.  Returns 0 or ARTCONV_ENOMEM. */
int ac_xhtml_add_text(xmlNodePtr parent, const char *text);
/* Sets an attribute; libxml2 escapes the value on output.  0 or ENOMEM. */
int ac_xhtml_set_attr(xmlNodePtr el, const char *name, const char *value);

/* Returns 1 if `url` may be written as an href (`for_image` 0) or an img
 * src (`for_image` 1): ac_url_is_safe (src/url.h), for a NUL-terminated
 * URL.  Every writer asks this at the point of output. */
int ac_xhtml_url_is_safe(const char *url, int for_image);

/* Appends the elements for `root` (the body DOCUMENT, or any block) and its
 * descendants to `parent`.  Walks with artconv_iter, without recursion.
 * Returns 0 or ARTCONV_ENOMEM; on failure `parent` may hold part of it. */
int ac_xhtml_body(xmlNodePtr parent, const artconv_node *root, const ac_xhtml_options *o,
                  artconv_error *err);

/* Appends the article's <header> to `parent`: <h1> title, <p
 * class="standfirst">, <p class="byline">By <span class="author">..., <p
 * class="dateline">, <time datetime> for the published and modified dates,
 * and the lead image as <figure class="lead">.  Appends nothing when none
 * of them is set.  Returns 0 or ARTCONV_ENOMEM. */
int ac_xhtml_header(xmlNodePtr parent, const artconv_article *article, const ac_xhtml_options *o,
                    artconv_error *err);
/* 1 if the body already shows the article's lead image (the same URL, or
 * the picture it opens with in another size: see xhtml_lead.c), so that
 * the header leaves it out. */
int ac_xhtml_body_shows_lead(const artconv_article *article);
/* Appends <footer> with <p class="credit"> and <p class="rights">, or
 * nothing when neither is set.  Returns 0 or ARTCONV_ENOMEM. */
int ac_xhtml_footer(xmlNodePtr parent, const artconv_article *article, const ac_xhtml_options *o,
                    artconv_error *err);

/* Inserts whitespace so that block structure is indented by two spaces a
 * level, `depth` being the level of `root` itself.  Whitespace goes only
 * between block-level elements (never inside p, headings, pre, cells or
 * any inline content), so rendering does not change.  Use it instead of
 * libxml2's XML_SAVE_FORMAT, which also indents runs of inline elements.
 * No recursion.  Returns 0 or ARTCONV_ENOMEM. */
int ac_xhtml_indent(xmlNodePtr root, int depth, artconv_error *err);

/* Appends `node` serialised in libxml2's XHTML mode, UTF-8, without an
 * XML declaration: void elements as <br />, other empty elements as
 * <p></p>, which is valid in both HTML5 and XML.  Keep an <html> root
 * unlinked from its document (create it with xmlNewDocNode, do not call
 * xmlDocSetRootElement): for a document's root element libxml2 adds a
 * <meta http-equiv="Content-Type"> to <head>, a second charset declaration
 * that HTML5 forbids.  Returns 0, ARTCONV_ENOMEM or ARTCONV_EIO. */
int ac_xhtml_save(artconv_buf *out, xmlNodePtr node, artconv_error *err);

/* The element ac_xhtml_save_around replaces with the body: a <div> (a
 * block, so indented like the body's blocks) with this class. */
#define AC_XHTML_BODY_MARK "artconv-body-here"

/* Appends `page` (an element unlinked from its document, as ac_xhtml_save
 * wants, indented already) to `out`, with the XHTML of the blocks of
 * `body` in place of `mark`, its empty <div class=AC_XHTML_BODY_MARK>
 * descendant: each top-level block is built, indented at `depth` (the
 * level of the mark) and written in turn, then freed, so a long article's
 * whole XHTML tree is never in memory at once.  The bytes are those
 * ac_xhtml_body, ac_xhtml_indent and ac_xhtml_save give for the whole tree.
 * `each`, unless NULL, may change the XHTML of each block (the children of
 * `holder`) before it is indented and written.  Returns 0, ARTCONV_ENOMEM
 * or ARTCONV_EIO. */
typedef void (*ac_xhtml_block_fn)(xmlNodePtr holder, void *payload);
int ac_xhtml_save_around(artconv_buf *out, xmlNodePtr page, xmlNodePtr mark,
                         const artconv_node *body, int depth, const ac_xhtml_options *o,
                         ac_xhtml_block_fn each, void *payload, artconv_error *err);

/* Stores in sizes[i] the number of bytes ac_xhtml_save would append for
 * the i-th child of `parent` (`n` children), without keeping the bytes and
 * with one serialiser for all of them.  Returns 0, ARTCONV_ENOMEM or
 * ARTCONV_EIO. */
int ac_xhtml_measure(size_t *sizes, size_t n, xmlNodePtr parent, artconv_error *err);

#endif /* ARTCONV_XHTML_H */
