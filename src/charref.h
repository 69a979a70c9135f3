/*
 * charref.h - HTML5 character references: the WHATWG table of named
 * references (src/entities.c, generated) and a decoder that follows the
 * HTML5 tokenizer's rules for named, decimal and hexadecimal references.
 */
#ifndef ARTCONV_CHARREF_H
#define ARTCONV_CHARREF_H

#include <stddef.h>
#include <stdint.h>

/* One named reference.  `name` has its ';' where the table has one; the
 * legacy names that work without ';' are in the table a second time
 * without it.  `cp[1]` is 0 for the names that stand for one character. */
typedef struct {
    const char *name;
    uint32_t cp[2];
} ac_charref_entity;

/* The table, sorted by the bytes of `name` (src/entities.c). */
extern const ac_charref_entity ac_charref_entities[];
extern const size_t ac_charref_entity_count;

/* The longest name in the table, ';' included, and the longest legacy
 * name (without ';'); tests/charref.c checks both against the table. */
#define AC_CHARREF_MAX_NAME   32
#define AC_CHARREF_MAX_LEGACY 6

/* The entry named exactly name[0..len) (with its ';' if it has one), or
 * NULL.  Binary search. */
const ac_charref_entity *ac_charref_lookup(const char *name, size_t len);

/* Where a reference stands: in an attribute value, a legacy reference
 * without ';' that is followed by a letter, a digit or '=' stays text. */
typedef enum { AC_CHARREF_TEXT = 0, AC_CHARREF_ATTRIBUTE = 1 } ac_charref_context;

/* Decodes the reference that starts at s[0] == '&'.  Returns the number of
 * bytes it takes (0 if s holds no reference there: the '&' is then text)
 * and puts its one or two code points in cp (cp[1] is 0 for one).  Numeric
 * references follow HTML5: 0, surrogates and values past U+10FFFF become
 * U+FFFD, 0x80-0x9F the windows-1252 character a browser shows.  Named
 * ones take the longest name in the table that the bytes start with. */
size_t ac_charref_decode(const char *s, size_t len, ac_charref_context where, uint32_t cp[2]);

/* Encodes a code point as UTF-8 into out[0..4); returns the length. */
size_t ac_charref_utf8(uint32_t cp, char out[4]);

#endif
