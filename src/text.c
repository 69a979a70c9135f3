/*
 * text.c - keeping the model's text clean: valid UTF-8, no NUL, nothing XML
 * forbids.  Readers repair their input here, at the edge, so every writer can
 * trust what it gets.
 */
#include "internal.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

static int xml_allows(ucs4_t c)
{
    if (c < 0x20)
        return c == 0x9 || c == 0xA || c == 0xD;
    if (c <= 0xD7FF)
        return 1;
    if (c >= 0xE000 && c <= 0xFFFD)
        return 1;
    return c >= 0x10000 && c <= 0x10FFFF;
}

/* Length of the leading run of bytes in [0x20, 0x80) -- printable ASCII
 * and DEL, which need no decoding and no check -- eight at a time.  In a
 * word, a byte below 0x20 sets its top bit when 0x20 is subtracted and a
 * byte from 0x80 has it already; a borrow can only follow such a byte, so
 * a word with no top bit set is all plain ASCII. */
static size_t ascii_run(const uint8_t *p, size_t len)
{
    const uint64_t twenties = 0x2020202020202020ULL, tops = 0x8080808080808080ULL;
    size_t i = 0;
    uint64_t x;

    while (len - i >= 8) {
        memcpy(&x, p + i, 8);
        if ((((x - twenties) | x) & tops) != 0)
            break;
        i += 8;
    }
    while (i < len && p[i] >= 0x20 && p[i] < 0x80)
        i++;
    return i;
}

int ac_text_is_clean(const char *s, size_t len)
{
    const uint8_t *p = (const uint8_t *)s;
    const uint8_t *end = p + len;
    ucs4_t c;
    int n;

    while (p < end) {
        p += ascii_run(p, (size_t)(end - p));
        if (p == end)
            break;
        if (*p < 0x80) {
            if (*p < 0x20 && !xml_allows(*p))
                return 0;
            p++;
            continue;
        }
        n = u8_mbtoucr(&c, p, (size_t)(end - p));
        if (n < 0 || !xml_allows(c))
            return 0;
        p += n;
    }
    return 1;
}

int ac_text_repair(artconv_buf *out, const char *s, size_t len, size_t *repairs)
{
    const uint8_t *p = (const uint8_t *)s;
    const uint8_t *end = p + len;
    const uint8_t *run = p; /* start of the clean bytes not yet copied */
    ucs4_t c;
    int n, rc;

    while (p < end) {
        p += ascii_run(p, (size_t)(end - p));
        if (p == end)
            break;
        if (*p < 0x80) {
            n = 1;
            c = *p;
        } else {
            n = u8_mbtoucr(&c, p, (size_t)(end - p));
            if (n < 0) {
                /* -1: invalid byte; -2: sequence cut short by the end. */
                n = 1;
                c = 0xFFFE; /* not allowed, so it is replaced below */
            }
        }
        if (xml_allows(c)) {
            p += n;
            continue;
        }
        if ((rc = artconv_buf_put(out, run, (size_t)(p - run))) < 0 ||
            (rc = artconv_buf_put(out, replacement, 3)) < 0)
            return rc;
        if (repairs != NULL)
            (*repairs)++;
        p += n;
        run = p;
    }
    return artconv_buf_put(out, run, (size_t)(p - run));
}

int ac_text_convert(artconv_buf *out, const char *charset, const char *s, size_t len,
                    size_t *repairs)
{
    iconv_t cd = iconv_open("UTF-8", charset);
    char *in = (char *)s; /* iconv's prototype is not const-correct */
    size_t in_left = len;
    char chunk[4096];
    int rc = ARTCONV_OK;

    if (cd == (iconv_t)-1)
        return ARTCONV_EUNSUPPORTED;
    while (in_left > 0) {
        char *o = chunk;
        size_t o_left = sizeof chunk;
        size_t r = iconv(cd, &in, &in_left, &o, &o_left);

        if ((rc = artconv_buf_put(out, chunk, sizeof chunk - o_left)) < 0)
            break;
        if (r == (size_t)-1 && errno != E2BIG) {
            /* A byte the charset leaves undefined (five in CP1252) or a cut
             * sequence: U+FFFD, then start afresh at the next byte. */
            if ((rc = artconv_buf_put(out, replacement, 3)) < 0)
                break;
            if (repairs != NULL)
                (*repairs)++;
            in++;
            in_left--;
            iconv(cd, NULL, NULL, NULL, NULL);
        }
    }
    iconv_close(cd);
    return rc < 0 ? rc : ARTCONV_OK;
}

int ac_text_collapse(artconv_buf *out, const char *s)
{
    size_t start = out->len;
    int space = 0;

    for (; *s != '\0'; s++) {
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
            space = 1;
            continue;
        }
        if ((space && out->len > start && artconv_buf_putc(out, ' ') < 0) ||
            artconv_buf_putc(out, *s) < 0)
            return ARTCONV_ENOMEM;
        space = 0;
    }
    /* Leave `out` NUL-terminated even when nothing was appended. */
    return out->len > start ? ARTCONV_OK : artconv_buf_puts(out, "");
}

char *ac_strndup(const char *s, size_t len)
{
    char *copy = malloc(len + 1);

    if (copy == NULL)
        return NULL;
    memcpy(copy, s, len);
    copy[len] = '\0';
    return copy;
}

int ac_is_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

int ac_all_of(const char *s, size_t len, char c)
{
    size_t i;

    for (i = 0; i < len; i++)
        if (s[i] != c)
            return 0;
    return len > 0;
}

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

int ac_strncaseeq(const char *a, const char *b, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (lower((unsigned char)a[i]) != lower((unsigned char)b[i]))
            return 0;
        if (a[i] == '\0')
            return 1;
    }
    return 1;
}

int ac_strcaseeq(const char *a, const char *b)
{
    while (*a != '\0' && lower((unsigned char)*a) == lower((unsigned char)*b)) {
        a++;
        b++;
    }
    return lower((unsigned char)*a) == lower((unsigned char)*b);
}

/* See internal.h. */
int ac_text_put_collapsed(artconv_buf *out, const char *s, size_t len)
{
    size_t i;
    int space = 1, rc;

    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];

        if (ac_is_space(c)) {
            space = space == 0 ? 2 : space;
            continue;
        }
        /* U+00A0 no-break space counts as space here */
        if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) {
            i++;
            space = space == 0 ? 2 : space;
            continue;
        }
        if (space == 2 && (rc = artconv_buf_putc(out, ' ')) < 0)
            return rc;
        space = 0;
        if ((rc = artconv_buf_putc(out, c)) < 0)
            return rc;
    }
    return 0;
}
