/*
 * xhtml_parts.h - what the files of the model-to-(X)HTML mapping share
 * (private to formats/shared/xhtml*.c; their interface is xhtml.h).  Not
 * to be confused with xhtml_in.h, the way back from (X)HTML to the model.
 */
#ifndef ARTCONV_XHTML_PARTS_H
#define ARTCONV_XHTML_PARTS_H

#include "xhtml.h"

/* Elements deeper than this are not put on lines of their own: each level
 * indented two more spaces on two lines, so deep quotes made HTML 130 times
 * their Markdown.  Real articles nest far less deep (the deepest page of
 * the corpus reaches level 19).  ac_xhtml_save_around keeps the
 * indentation before its mark in a buffer of that size. */
#define AC_XHTML_INDENT_MAX_LEVEL 24

/* 1 if `url` is set and may be an img src. */
int ac_xhtml_image_usable(const char *url);
/* Reports an image whose URL is refused (none for an image without one). */
void ac_xhtml_warn_refused(const ac_xhtml_options *o, const char *url);
/* Appends an <img>, or its alt text when it has no usable URL.  Returns 0
 * or ARTCONV_ENOMEM. */
int ac_xhtml_add_image(xmlNodePtr parent, const ac_xhtml_options *o, const char *url,
                       const char *alt, const char *title);
/* Ends a figcaption with the credit line.  Returns 0 or ARTCONV_ENOMEM. */
int ac_xhtml_add_credit(xmlNodePtr figcaption, const ac_xhtml_options *o, const char *credit);
/* 1 if `node` is an element called `name`. */
int ac_xhtml_is_element(const xmlNode *node, const char *name);

#endif /* ARTCONV_XHTML_PARTS_H */
