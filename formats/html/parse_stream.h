/*
 * parse_stream.h - streamed parts of a page put where they are shown.
 */
#ifndef AC_HTML_PARSE_STREAM_H
#define AC_HTML_PARSE_STREAM_H

#include <libxml/tree.h>

/* Moves each streamed part (a <div hidden id="S:N"> sent after the rest of
 * the page) into the place its placeholder (<template id="B:N"> or "P:N")
 * holds, as the page's own script does once it has loaded.  Returns 0, or
 * ARTCONV_ENOMEM. */
int ac_html_place_streamed(xmlDocPtr doc);

#endif
