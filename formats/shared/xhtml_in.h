/*
 * xhtml_in.h - (X)HTML that a reader already holds as a libxml2 tree,
 * turned into model nodes by the HTML reader's builder (formats/html/
 * build.c implements it): EPUB chapters and NewsML/NITF bodies hand over
 * their subtree directly instead of serialising it for a second parse, and
 * Markdown hands over its raw HTML as bytes.  Declared here so that no
 * format includes another format's header.
 */
#ifndef ARTCONV_XHTML_IN_H
#define ARTCONV_XHTML_IN_H

#include "internal.h"

#include <libxml/tree.h>

/* Appends what the children of `container` hold to `parent`, as
 * ac_html_fragment_to_model does for parsed bytes: blocks if `parent`
 * holds blocks (DOCUMENT, ITEM, BLOCKQUOTE), inlines otherwise.  Element
 * names are compared without their namespace; text and CDATA sections are
 * both text.  The tree is only read.  Returns 0 or a negative status
 * (ARTCONV_ELIMIT past ARTCONV_MAX_DEPTH); `parent` may hold part of the
 * content after a failure. */
int ac_xhtml_in_to_model(artconv_node *parent, const xmlNode *container, artconv_error *err);
/* The same for the siblings from `first` up to, not including, `end`
 * (NULL: to the last sibling). */
int ac_xhtml_in_nodes_to_model(artconv_node *parent, const xmlNode *first, const xmlNode *end,
                               artconv_error *err);

/* Parses an HTML fragment (no extraction, nothing dropped except scripts,
 * styles and other non-content) and appends what it holds to `parent`:
 * blocks if `parent` holds blocks (DOCUMENT, ITEM, BLOCKQUOTE), inlines if it
 * holds inlines (PARAGRAPH, HEADING, EMPH, LINK, ...), with block structure
 * flattened into line breaks.  Relative links resolve against `base_url`
 * when it is not NULL.  `opts` may be NULL.  For the Markdown reader's raw
 * HTML.  Returns 0 or a negative status; `parent` may hold part of the
 * fragment after a failure.  Implemented by formats/html/read.c. */
int ac_html_fragment_to_model(artconv_node *parent, const char *html, size_t len,
                              const char *base_url, const artconv_read_options *opts,
                              artconv_error *err);

#endif /* ARTCONV_XHTML_IN_H */
