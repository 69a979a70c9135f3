/*
 * url.c - the URL safety check (see url.h).
 *
 * Only the start of a URL decides its scheme, so only a bounded prefix is
 * decoded: PREFIX bytes of decoded text, far more than any scheme and a
 * data: media type need.  A prefix that fills up with scheme characters
 * and no ':' is refused rather than guessed at.
 */
#include "url.h"

#include "charref.h"

#include <string.h>

#define PREFIX 512
/* "&amp;amp;colon;" needs two rounds past the first; more is not text a
 * page would hold by accident. */
#define ROUNDS 4

typedef struct {
    char s[PREFIX];
    size_t len;
    int truncated; /* the URL went on past what `s` holds */
} prefix;

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int is_scheme_char(int c, int first)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return 1;
    return !first && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.');
}

/* Browsers' URL parser drops tabs and line ends anywhere in a URL, so
 * "java\nscript:" still runs. */
static int is_dropped(int c)
{
    return c == '\t' || c == '\n' || c == '\r';
}

/* Copies s[0..len) into `out` with its references decoded, tabs and line
 * ends dropped.  Returns 1 if a reference was decoded. */
static int decode(prefix *out, const char *s, size_t len)
{
    size_t i = 0;
    int changed = 0;

    out->len = 0;
    out->truncated = 0;
    while (i < len) {
        uint32_t cp[2];
        size_t n = s[i] == '&' ? ac_charref_decode(s + i, len - i, AC_CHARREF_TEXT, cp) : 0;
        char bytes[8];
        size_t blen = 1, k;

        if (n == 0) {
            bytes[0] = s[i];
            n = 1;
        } else {
            blen = ac_charref_utf8(cp[0], bytes);
            if (cp[1] != 0)
                blen += ac_charref_utf8(cp[1], bytes + blen);
            changed = 1;
        }
        for (k = 0; k < blen; k++) {
            if (is_dropped((unsigned char)bytes[k]))
                continue;
            if (out->len == PREFIX) {
                out->truncated = 1;
                return changed;
            }
            out->s[out->len++] = bytes[k];
        }
        i += n;
    }
    return changed;
}

static int has_prefix(const char *s, size_t len, const char *want)
{
    size_t n = strlen(want), i;

    if (len < n)
        return 0;
    for (i = 0; i < n; i++)
        if (lower((unsigned char)s[i]) != want[i])
            return 0;
    return 1;
}

/* Raster image types a data: URL may carry in an img; SVG is left out
 * since it can hold script. */
static const char *const safe_data_images[] = {"image/png", "image/gif", "image/jpeg",
                                               "image/webp"};

static const char *const safe_schemes[] = {"http", "https", "mailto", "tel"};

/* The verdict on one decoded prefix. */
static int prefix_is_safe(const prefix *p, int for_image)
{
    char scheme[16];
    size_t i = 0, n = 0, k;
    const char *rest;
    size_t rest_len;

    /* Leading C0 controls and spaces are stripped by browsers. */
    while (i < p->len && (unsigned char)p->s[i] <= 0x20)
        i++;
    for (; i < p->len && p->s[i] != ':'; i++) {
        if (!is_scheme_char((unsigned char)p->s[i], n == 0))
            return 1; /* no scheme: a relative URL or a fragment */
        if (n < sizeof scheme - 1)
            scheme[n] = (char)lower((unsigned char)p->s[i]);
        n++;
    }
    if (i == p->len)
        return !p->truncated; /* relative, unless it might go on into a scheme */
    if (n >= sizeof scheme)
        return 0; /* longer than every scheme allowed below */
    scheme[n] = '\0';
    for (k = 0; k < sizeof safe_schemes / sizeof safe_schemes[0]; k++)
        if (strcmp(scheme, safe_schemes[k]) == 0)
            return 1;
    if (strcmp(scheme, "data") != 0 || !for_image)
        return 0;
    rest = p->s + i + 1;
    rest_len = p->len - i - 1;
    for (k = 0; k < sizeof safe_data_images / sizeof safe_data_images[0]; k++) {
        size_t m = strlen(safe_data_images[k]);

        if (has_prefix(rest, rest_len, safe_data_images[k]) && rest_len > m &&
            (rest[m] == ';' || rest[m] == ','))
            return 1;
    }
    return 0;
}

int ac_url_is_safe(const char *url, size_t len, int for_image)
{
    prefix a, b, *cur = &a, *next = &b, *swap;
    int round, changed;

    if (url == NULL)
        return 1;
    /* The bytes as they are (round 0 drops nothing but tabs and line
     * ends), then decoded once more each round while that changes them. */
    {
        size_t i;

        a.len = 0;
        a.truncated = 0;
        for (i = 0; i < len; i++) {
            if (is_dropped((unsigned char)url[i]))
                continue;
            if (a.len == PREFIX) {
                a.truncated = 1;
                break;
            }
            a.s[a.len++] = url[i];
        }
    }
    if (!prefix_is_safe(cur, for_image))
        return 0;
    changed = decode(next, url, len);
    for (round = 0; changed && round < ROUNDS; round++) {
        swap = cur;
        cur = next;
        next = swap;
        if (!prefix_is_safe(cur, for_image))
            return 0;
        next->truncated = 0;
        changed = decode(next, cur->s, cur->len);
        next->truncated |= cur->truncated;
    }
    /* Still changing after ROUNDS: a deliberate pile of "&amp;" layers. */
    return !changed;
}

int ac_url_looks_like_web(const char *s)
{
    return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0 ||
           strncmp(s, "//", 2) == 0 || strncmp(s, "www.", 4) == 0;
}
