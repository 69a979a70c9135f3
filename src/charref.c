/*
 * charref.c - decoding HTML5 character references (see charref.h).
 */
#include "charref.h"

#include <string.h>

static int is_alnum(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static int hex_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* What browsers show for the C1 controls, read as windows-1252; a 0 keeps
 * the code point (the five bytes windows-1252 leaves undefined). */
static const uint16_t c1_remap[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

const ac_charref_entity *ac_charref_lookup(const char *name, size_t len)
{
    size_t lo = 0, hi = ac_charref_entity_count;

    if (len == 0 || len > AC_CHARREF_MAX_NAME)
        return NULL;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *e = ac_charref_entities[mid].name;
        size_t elen = strlen(e);
        int c = memcmp(name, e, len < elen ? len : elen);

        if (c == 0)
            c = len < elen ? -1 : len > elen;
        if (c == 0)
            return &ac_charref_entities[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

static uint32_t numeric_value(uint32_t v, int overflow)
{
    if (overflow || v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0xFFFD;
    if (v >= 0x80 && v <= 0x9F && c1_remap[v - 0x80] != 0)
        return c1_remap[v - 0x80];
    return v;
}

static size_t decode_numeric(const char *s, size_t len, uint32_t cp[2])
{
    size_t i = 2, start;
    int hex = 0, overflow = 0;
    uint32_t v = 0;

    if (i < len && (s[i] == 'x' || s[i] == 'X')) {
        hex = 1;
        i++;
    }
    start = i;
    for (; i < len; i++) {
        int d =
            hex ? hex_value((unsigned char)s[i]) : (s[i] >= '0' && s[i] <= '9' ? s[i] - '0' : -1);

        if (d < 0)
            break;
        /* Past U+10FFFF the value no longer matters: stop growing it. */
        if (v > 0x10FFFF)
            overflow = 1;
        else
            v = v * (hex ? 16u : 10u) + (uint32_t)d;
    }
    if (i == start)
        return 0; /* "&#" or "&#x" without digits is text */
    if (i < len && s[i] == ';')
        i++;
    cp[0] = numeric_value(v, overflow);
    cp[1] = 0;
    return i;
}

size_t ac_charref_decode(const char *s, size_t len, ac_charref_context where, uint32_t cp[2])
{
    size_t run = 0, n;

    cp[0] = cp[1] = 0;
    if (len < 2 || s[0] != '&')
        return 0;
    if (s[1] == '#')
        return decode_numeric(s, len, cp);
    while (1 + run < len && run < AC_CHARREF_MAX_NAME && is_alnum((unsigned char)s[1 + run]))
        run++;
    /* The longest name in the table that the bytes start with: with ';'
     * only the whole run can match; without, any legacy prefix may. */
    for (n = run + (1 + run < len && s[1 + run] == ';'); n > 0; n--) {
        const ac_charref_entity *e;

        /* Past the whole run with its ';', only legacy names can match:
         * skip the prefixes longer than any of them. */
        if (n <= run && n > AC_CHARREF_MAX_LEGACY)
            n = AC_CHARREF_MAX_LEGACY;
        if ((e = ac_charref_lookup(s + 1, n)) == NULL)
            continue;
        if (s[n] != ';' && where == AC_CHARREF_ATTRIBUTE && 1 + n < len &&
            (is_alnum((unsigned char)s[1 + n]) || s[1 + n] == '='))
            return 0;
        cp[0] = e->cp[0];
        cp[1] = e->cp[1];
        return 1 + n;
    }
    return 0;
}

size_t ac_charref_utf8(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}
