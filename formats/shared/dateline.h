/*
 * dateline.h - the dateline that opens a news story's first paragraph
 * ("MOSCOW (AP) — ...", "PARIS, March 3, 2024 (Reuters) - ...", "NEW DELHI:
 * ..."), one rule for every reader (dateline.c).  The reader chooses where to
 * look; this says whether the text there opens with one.
 */
#ifndef ARTCONV_DATELINE_H
#define ARTCONV_DATELINE_H

#include "internal.h"

/* The parts of a dateline, as offsets into the text looked at. */
typedef struct {
    size_t place_len;            /* "SEOUL, South Korea": the place and its region */
    size_t date_at, date_len;    /* "March 3, 2024" after the place, or 0 */
    size_t agency_at, agency_len; /* "Reuters" inside the parentheses, or 0 */
    size_t skip;                 /* where the sentence after the separator starts */
} ac_dateline;

/* 1 if `s` opens with a dateline, filling *out; else 0.  `more` says the
 * text goes on past `len` (the caller looked at a part of it), so a rest of
 * one word after the separator is no reason to refuse. */
int ac_dateline_find(ac_dateline *out, const char *s, size_t len, int more);

/* Sets the article's dateline to the place, its credit to the agency and
 * its date to the dateline's date when it has a year, the last two only
 * when the article has none yet.  Returns 0 or a negative status. */
int ac_dateline_apply(artconv_article *article, const ac_dateline *d, const char *s,
                      artconv_error *err);

#endif
