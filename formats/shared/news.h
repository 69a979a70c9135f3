/*
 * news.h - newsroom conventions that several readers share (news.c).
 */
#ifndef ARTCONV_NEWS_H
#define ARTCONV_NEWS_H

#include "internal.h"

/* Splits a printed byline ("By A, B and C", "Par A", "A | B") into authors
 * added to the article, leaving out joining words, labels, degrees and
 * web addresses.  Returns 0 or a negative status. */
int ac_news_add_authors(artconv_article *article, const char *byline, size_t len,
                        artconv_error *err);
/* Takes the lead image's caption, credit and alt text from the first
 * figure of the built body when it shows the article's image (or the
 * article names none). */
int ac_news_lead_image(artconv_article *article, artconv_error *err);

#endif
