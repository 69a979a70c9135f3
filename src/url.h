/*
 * url.h - is a URL safe to put in a link or an image?  The one check every
 * reader applies before a URL enters the model and every writer applies
 * again at the point of output.
 */
#ifndef ARTCONV_URL_H
#define ARTCONV_URL_H

#include <stddef.h>

/* 1 if url[0..len) may be an href (`for_image` 0) or an img src
 * (`for_image` 1): a relative URL, a fragment, or one with the scheme
 * http, https, mailto or tel; for images also data: with a PNG, GIF, JPEG
 * or WebP type.  0 for every other scheme (javascript:, vbscript:,
 * data:text/html, file:...).  The URL is read as a browser reads an
 * attribute and as CommonMark reads a destination: character references
 * decoded (again while that changes it, so "&amp;colon;" counts as ':'),
 * leading spaces and C0 controls skipped, tabs and line ends dropped,
 * the scheme compared without regard to case.  NULL is safe (no URL). */
int ac_url_is_safe(const char *url, size_t len, int for_image);

/* 1 if `s` starts like a web address (http://, https://, // or www.):
 * text that is a link, not a name or a caption. */
int ac_url_looks_like_web(const char *s);

#endif
