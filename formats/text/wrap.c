/*
 * wrap.c - wrapping UTF-8 text at a display width, with line prefixes.
 *
 * The text is first normalised (runs of blanks become one space), then cut
 * into units: the stretches between the places a line may break.  Units are
 * laid out greedily.  A line may break at a space, or between two wide
 * characters where Unicode line breaking (UAX #14, from libunistring) allows
 * it; breaks inside words ("well-|known", URLs) are not used, because a
 * reader joining the lines again could not tell them from a space.
 */
#include "wrap.h"
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <unilbrk.h>
#include <unistr.h>
#include <uniwidth.h>

/* The first byte of the first character uc_width counts as wide: U+1100
 * (E1 84 80).  Below it everything is narrow, which lets the common Latin
 * text skip the per-character table lookups. */
#define WIDE_LEAD 0xE1

size_t ac_text_width(const char *s, size_t len)
{
    size_t i;

    /* Printable ASCII is one column a byte; anything else asks libunistring. */
    for (i = 0; i < len; i++)
        if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7E)
            return (size_t)u8_width((const uint8_t *)s, len, "UTF-8");
    return len;
}

static int char_is_wide(const uint8_t *p, size_t n)
{
    ucs4_t c;

    if (n == 0 || p[0] < WIDE_LEAD || u8_mbtouc(&c, p, n) <= 0)
        return 0;
    return uc_width(c, "UTF-8") == 2;
}

/* Whether s[0..len) holds a character that may be wide: only then are the
 * UAX #14 break opportunities between characters ever consulted. */
static int may_hold_wide(const char *s, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++)
        if ((unsigned char)s[i] >= WIDE_LEAD)
            return 1;
    return 0;
}

int ac_wrap_starts_wide(const char *s, size_t len)
{
    return char_is_wide((const uint8_t *)s, len);
}

int ac_wrap_ends_wide(const char *s, size_t len)
{
    const uint8_t *start = (const uint8_t *)s;
    ucs4_t c;

    if (len == 0 || start[len - 1] < 0x80)
        return 0;
    if (u8_prev(&c, start + len, start) == NULL)
        return 0;
    return uc_width(c, "UTF-8") == 2;
}

static size_t word_len(const char *s, size_t len)
{
    size_t i = 0;

    while (i < len && s[i] != ' ' && s[i] != '\n')
        i++;
    return i;
}

int ac_wrap_may_start_line(const char *s, size_t len)
{
    size_t n = word_len(s, len), i;

    if (n == 0)
        return 1;
    /* Bullets, quote and heading marks, underlines, thematic breaks and the
     * dashes that introduce an attribution. */
    if (s[0] == '>' || s[0] == '#')
        return 0;
    if ((n == 1 && (s[0] == '-' || s[0] == '*' || s[0] == '+')) ||
        (n == 3 && memcmp(s, "\xE2\x80\xA2", 3) == 0) ||
        (n == 3 && memcmp(s, "\xE2\x80\x94", 3) == 0) ||
        (n == 3 && memcmp(s, "\xE2\x80\x93", 3) == 0))
        return 0;
    if (ac_all_of(s, n, '=') || ac_all_of(s, n, '-') || ac_all_of(s, n, '*') ||
        ac_all_of(s, n, '_'))
        return 0;
    /* Ordered-list markers: "12." and "3)". */
    for (i = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++)
        ;
    if (i > 0 && i + 1 == n && (s[i] == '.' || s[i] == ')'))
        return 0;
    /* Reference definitions: "[12]:". */
    if (s[0] == '[') {
        for (i = 1; i < n && s[i] >= '0' && s[i] <= '9'; i++)
            ;
        if (i > 1 && i + 1 < n && s[i] == ']' && s[i + 1] == ':')
            return 0;
    }
    return 1;
}

/* A unit: text[start, end) without its trailing space; `gap` is 1 when a
 * space separated it from the unit before. */
typedef struct unit {
    size_t start, end;
    int gap;
} unit;

typedef struct unit_scan {
    const char *s;
    size_t len;
    char *brk; /* UAX #14 opportunities, from libunistring; NULL without
                  wide characters */
    size_t pos;
} unit_scan;

/* Whether a line may start at s[i] (i > 0, s[i] not a space). */
static int may_break_at(const unit_scan *u, size_t i)
{
    const uint8_t *p = (const uint8_t *)u->s;
    size_t j = i;
    int before_wide, here_wide;
    ucs4_t c;

    /* Inside a run of narrow text no break is possible: decide that before
     * decoding anything, since it is the case of almost every byte. */
    if (u->s[i - 1] != ' ' && u->brk == NULL)
        return 0;
    here_wide = char_is_wide(p + i, u->len - i);
    if (u->s[i - 1] == ' ') {
        while (j > 0 && u->s[j - 1] == ' ')
            j--;
        if (j == 0)
            return 0;
        /* A break after a backslash would read back as a hard break. */
        if (u->s[j - 1] == '\\')
            return 0;
        before_wide = ac_wrap_ends_wide(u->s, j);
        if (before_wide && here_wide)
            return 0; /* a reader would join these without the space */
        return ac_wrap_may_start_line(u->s + i, u->len - i);
    }
    if (u->brk == NULL || u->brk[i] != UC_BREAK_POSSIBLE || !here_wide)
        return 0;
    if (u8_prev(&c, p + i, p) == NULL || uc_width(c, "UTF-8") != 2)
        return 0;
    return 1;
}

/* Reads the next unit; returns 0 at the end. */
static int next_unit(unit_scan *u, unit *out)
{
    size_t i = u->pos;
    int gap = i > 0 && u->s[i - 1] == ' ';

    while (i < u->len && u->s[i] == ' ') {
        gap = 1;
        i++;
    }
    if (i >= u->len)
        return 0;
    out->start = i;
    out->gap = gap;
    i++;
    while (i < u->len) {
        /* Skip continuation bytes: breaks fall on character starts. */
        if (((unsigned char)u->s[i] & 0xC0) == 0x80 || u->s[i] == ' ') {
            i++;
            continue;
        }
        if (may_break_at(u, i))
            break;
        i++;
    }
    u->pos = i;
    while (i > out->start && u->s[i - 1] == ' ')
        i--;
    out->end = i;
    return 1;
}

size_t ac_wrap_first_unit(const char *s, size_t len, int prev_wide, int *spaced)
{
    unit_scan u;
    unit one;
    size_t w = 0;

    *spaced = !(prev_wide && ac_wrap_starts_wide(s, len));
    u.s = s;
    u.len = len;
    u.pos = 0;
    u.brk = may_hold_wide(s, len) ? malloc(len) : NULL;
    if (u.brk != NULL)
        u8_possible_linebreaks((const uint8_t *)s, len, "UTF-8", u.brk);
    if (next_unit(&u, &one))
        w = ac_text_width(s + one.start, one.end - one.start);
    free(u.brk);
    return w;
}

/* Appends a prefix; without content after it, its trailing spaces go. */
static int put_prefix(artconv_buf *out, const char *prefix, int has_content)
{
    size_t n;

    if (prefix == NULL)
        return 0;
    n = strlen(prefix);
    if (!has_content)
        while (n > 0 && prefix[n - 1] == ' ')
            n--;
    return artconv_buf_put(out, prefix, n);
}

/* Lays out one line's worth of text without '\n'. */
static int wrap_segment(artconv_buf *out, const char *s, size_t len, const ac_wrap_style *st,
                        int first)
{
    unit_scan u;
    unit one;
    size_t col = 0, w;
    size_t first_w =
        st->first_prefix ? ac_text_width(st->first_prefix, strlen(st->first_prefix)) : 0;
    size_t next_w = st->next_prefix ? ac_text_width(st->next_prefix, strlen(st->next_prefix)) : 0;
    int rc = 0, line_empty = 1;

    if ((rc = put_prefix(out, first ? st->first_prefix : st->next_prefix, len > 0)) < 0)
        return rc;
    col = first ? first_w : next_w;
    if (st->width <= 0)
        return artconv_buf_put(out, s, len);
    u.s = s;
    u.len = len;
    u.pos = 0;
    u.brk = NULL;
    if (may_hold_wide(s, len)) {
        if ((u.brk = malloc(len)) == NULL)
            return ARTCONV_ENOMEM;
        u8_possible_linebreaks((const uint8_t *)s, len, "UTF-8", u.brk);
    }
    while (rc == 0 && next_unit(&u, &one)) {
        w = ac_text_width(s + one.start, one.end - one.start);
        if (!line_empty && col + (size_t)one.gap + w > (size_t)st->width) {
            if ((rc = artconv_buf_putc(out, '\n')) < 0 ||
                (rc = put_prefix(out, st->next_prefix, 1)) < 0)
                break;
            col = next_w;
            line_empty = 1;
        }
        if (!line_empty && one.gap) {
            if ((rc = artconv_buf_putc(out, ' ')) < 0)
                break;
            col++;
        }
        rc = artconv_buf_put(out, s + one.start, one.end - one.start);
        col += w;
        line_empty = 0;
    }
    free(u.brk);
    return rc;
}

/* Copies `text` to `out` with blanks collapsed and trimmed around '\n'.
 * The result is never longer than `text`, so it is written in place after
 * one allocation rather than byte by byte through the buffer calls. */
static int normalise(artconv_buf *out, const char *text, size_t len)
{
    size_t i, n = out->len;
    int pending = 0, rc;
    char *p;

    if ((rc = artconv_buf_grow(out, len)) < 0)
        return rc;
    p = out->ptr;
    for (i = 0; i < len; i++) {
        char c = text[i];

        if (c == ' ' || c == '\t' || c == '\r') {
            pending = 1;
            continue;
        }
        if (c == '\n') {
            pending = 0;
            while (n > 0 && p[n - 1] == ' ')
                n--;
            p[n++] = '\n';
            continue;
        }
        if (pending && n > 0 && p[n - 1] != '\n')
            p[n++] = ' ';
        pending = 0;
        p[n++] = c;
    }
    out->len = n;
    p[n] = '\0';
    return 0;
}

int ac_wrap(artconv_buf *out, const char *text, size_t len, const ac_wrap_style *style)
{
    artconv_buf norm = ARTCONV_BUF_INIT;
    size_t start = 0, i;
    int rc = 0;

    AC_CHECK(normalise(&norm, text, len));
    AC_CHECK(artconv_buf_put(&norm, "", 0)); /* never NULL below */
    for (i = 0; i <= norm.len; i++) {
        if (i < norm.len && norm.ptr[i] != '\n')
            continue;
        AC_CHECK(wrap_segment(out, norm.ptr + start, i - start, style, start == 0));
        if (i < norm.len) {
            if (style->hard_break != NULL)
                AC_CHECK(artconv_buf_puts(out, style->hard_break));
            AC_CHECK(artconv_buf_putc(out, '\n'));
        }
        start = i + 1;
    }
cleanup:
    artconv_buf_dispose(&norm);
    return rc;
}
