/*
 * byline_text.h - the byline printed as plain text near the headline
 * (byline_text.c), for byline.c, which calls it last.
 */
#ifndef ARTCONV_HTML_BYLINE_TEXT_H
#define ARTCONV_HTML_BYLINE_TEXT_H

#include "html.h"

/* On a page that still names no author, the byline printed as plain text
 * near the headline ("By A, B on <date>", "Written by" above the names).
 * Returns 0 or a negative status. */
int ac_html_byline_text(artconv_article *article, const ac_html_page *page, artconv_error *err);

#endif
