/*
 * news.h - newsroom conventions that several readers share (news.c): the
 * printed byline, agencies, month names, the lead image.
 */
#ifndef ARTCONV_NEWS_H
#define ARTCONV_NEWS_H

#include "internal.h"

/* Where a byline comes from.  An element or field that is a byline
 * (AC_BYLINE_KNOWN) is split as it is; a line of free text (AC_BYLINE_FREE)
 * is one only when it opens with "By", "Written by", "Par", "Por" or "Von"
 * and every part looks like a name. */
typedef enum { AC_BYLINE_KNOWN, AC_BYLINE_FREE } ac_byline_source;

/* Splits a printed byline ("By A, B and C", "Par A et B", "A | B") into
 * names, leaving out joining words, labels, degrees and web addresses; a
 * news agency beside a person ("By Jane Doe, Reuters") is the credit, not
 * an author.  With `apply` the names are added to the article (and the
 * agency set as its credit when it has none); without, nothing changes.
 * Returns 1 if it is a byline, 0 if not, or a negative status. */
int ac_news_byline(artconv_article *article, const char *byline, size_t len,
                   ac_byline_source source, int apply, artconv_error *err);
/* Length of the word that opens a byline ("By ", "by: ", "Written by ",
 * "Par ", "Por ", "Von "), spaces after it included, or 0. */
size_t ac_news_byline_prefix(const char *s, size_t len);
/* 1 if s[0..len) can be one name in a byline of free text: capitalised
 * words, at most six and 60 bytes, no digits or field marks ("By the way",
 * "By 2030", "By car: 3 hours" are no names). */
int ac_news_looks_like_name(const char *s, size_t len);
/* 1 if s[0..len), one part of a byline or author field, names no one: no
 * letter in it ("262588213843476"), a label ("Author", "Written By",
 * "About The Author"), a weekday or month ("Sat", "Dec").  ac_news_byline leaves such
 * parts out, so every reader's authors are free of them. */
int ac_news_is_no_name(const char *s, size_t len);
/* ac_news_byline of a known byline, applied.  Returns 0 or a negative status. */
int ac_news_add_authors(artconv_article *article, const char *byline, size_t len,
                        artconv_error *err);
/* 1 if s[0..len) is a news agency's name ("Reuters", "AP", "dpa"). */
int ac_news_is_agency(const char *s, size_t len);
/* 1 if s[0..len) is an English month name or its short form ("Sept"). */
int ac_news_is_month(const char *s, size_t len);
/* Takes the lead image's caption, credit and alt text from the first
 * figure of the built body when it shows the article's image (or the
 * article names none). */
int ac_news_lead_image(artconv_article *article, artconv_error *err);

#endif
