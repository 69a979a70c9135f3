/*
 * raw_html.h - the check that decides whether raw HTML may stay raw.
 *
 * The Markdown reader keeps HTML it cannot map as RAW_HTML_BLOCK and
 * RAW_HTML_INLINE nodes, and the Markdown writer copies them out verbatim,
 * so whoever renders that Markdown meets them unescaped.  Only markup that
 * cannot run code, load anything outside http(s) or change how the rest of
 * the page is parsed passes.
 */
#ifndef AC_RAW_HTML_H
#define AC_RAW_HTML_H

#include <stddef.h>

/* Returns 1 if the `len` bytes at `html` are inert: nothing but white
 * space, text, HTML comments and start or end tags of harmless elements
 * (docs/markdown.md lists the rules).  Anything it cannot read for sure is
 * not inert (0). */
int ac_raw_html_is_inert(const char *html, size_t len);

/* Returns 1 if the HTML holds only tags, comments and white space (no
 * character data), 0 if it holds text or cannot be read as HTML. */
int ac_raw_html_is_markup_only(const char *html, size_t len);

#endif
