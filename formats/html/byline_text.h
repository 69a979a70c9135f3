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

/* 1 if the article's one author is the site itself: its publisher's name,
 * or a name its host carries ("USA TODAY" on usatoday.com).  A person's
 * byline the page prints then names the author better. */
int ac_html_site_author(const artconv_article *a);
/* Puts the authors of `from` in place of to's site author, unless they
 * are the site again.  Returns 0 or ARTCONV_ENOMEM. */
int ac_html_take_person(artconv_article *to, const artconv_article *from, artconv_error *err);

/* On a page that names no author still, the name that a link to the
 * author's page shows and its address spells ("/authors/jane-roe", "Jane
 * Roe"; author_link.c).  Returns 0 or a negative status. */
int ac_html_author_link(artconv_article *article, const ac_html_page *page, artconv_error *err);

/* On a page that names no author still, an author box: a name shown alone
 * (a line, or a photo's alt text) followed by a biography that opens with
 * it ("Jane Roe is a reporter"; author_box.c).  Returns 0 or a negative
 * status. */
int ac_html_author_box(artconv_article *article, const ac_html_page *page, artconv_error *err);
/* The length of the name a biography s[0..len) opens with ("Jane Roe is
 * a reporter" gives 8), or 0. */
size_t ac_html_bio_name(const char *s, size_t len);

#endif
