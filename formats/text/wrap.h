/*
 * wrap.h - wrapping UTF-8 text at a display width, with line prefixes.
 *
 * Writers of line-oriented formats (plain text, Markdown) share this: it
 * measures display width (CJK counts 2 columns, combining marks 0), breaks
 * lines where Unicode line breaking allows, and starts each line with a
 * prefix ("> ", "  - ", "    ").  The plain-text reader uses the same rules
 * to tell a soft wrap from an intended line break.
 */
#ifndef ARTCONV_WRAP_H
#define ARTCONV_WRAP_H

#include "artconv.h"

#include <stddef.h>

/* How one run of text is laid out. */
typedef struct ac_wrap_style {
    int width;                /* wrap at this many columns; 0 = never */
    const char *first_prefix; /* before the first line; NULL = "" */
    const char *next_prefix;  /* before every other line; NULL = "" */
    const char *hard_break;   /* appended before a '\n' of the text; NULL = "" */
} ac_wrap_style;

/* Appends `text` (UTF-8; '\n' marks a hard break) laid out by `style`.
 * Runs of spaces collapse to one; a space where a line is broken is dropped.
 * Lines are broken only at spaces and between two wide (CJK) characters, and
 * never before a word that would look like a block marker at the start of a
 * line (see ac_wrap_may_start_line).  Every line but the last ends in '\n';
 * the caller ends the last.  Returns 0 or ARTCONV_ENOMEM. */
int ac_wrap(artconv_buf *out, const char *text, size_t len, const ac_wrap_style *style);

/* Display width of `s` in columns. */
size_t ac_text_width(const char *s, size_t len);

/* 1 if a wrapped line may start with the word at `s`: 0 for words a reader
 * would take for a list bullet, a number marker, a quote, a heading, an
 * underline or a reference ("-", "1.", ">", "#", "===", "[1]:"...). */
int ac_wrap_may_start_line(const char *s, size_t len);

/* Width of the first unit of `s` that ac_wrap would never split, and whether
 * ac_wrap would have put a space before it when joining it to a line ending
 * in the character before it (`*spaced`, set from `prev_wide`: 1 if the
 * previous line ended in a wide character). */
size_t ac_wrap_first_unit(const char *s, size_t len, int prev_wide, int *spaced);

/* 1 if the last character of s[0..len) is wide (2 columns), 0 otherwise. */
int ac_wrap_ends_wide(const char *s, size_t len);
/* 1 if the first character of s[0..len) is wide. */
int ac_wrap_starts_wide(const char *s, size_t len);

#endif /* ARTCONV_WRAP_H */
