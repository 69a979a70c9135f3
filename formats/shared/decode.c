/*
 * decode.c - the one input decoder of the readers, with one charset policy
 * (the HTML reader's, tuned on real pages; docs/limits.md, "Input decoding"):
 *  1. a UTF-8 BOM means UTF-8 (and is dropped); a UTF-16 BOM means UTF-16;
 *  2. valid UTF-8 that uses multi-byte characters is UTF-8 whatever the
 *     input declares: in any other charset such byte runs are vanishingly
 *     rare;
 *  3. a charset the caller found declared (HTML's <meta charset>) that is
 *     neither UTF-8 nor ASCII/Latin-1/Windows-1252 is decoded with iconv; an
 *     unknown one is warned about and ignored;
 *  4. otherwise a vote: UTF-8 when its valid multi-byte characters outnumber
 *     the bytes that are not UTF-8 (those become U+FFFD), else, for text
 *     that declares nothing usable, the charset uchardet detects when it is
 *     not a Western one and the text has enough non-ASCII bytes to tell
 *     (Windows-1251, Shift_JIS, GB18030, ISO-8859-2...), else Windows-1252,
 *     the superset of Latin-1 that pasted and saved text nearly always is
 *     (a warning unless Latin-1 or Windows-1252 was declared);
 *  5. NUL, the other characters XML forbids and bytes the charset leaves
 *     undefined become U+FFFD with a warning.
 * An encoding the caller names (artconv_read_options.encoding, --encoding)
 * replaces rules 2-4.  Under strict, each warning of rules 4 and 5 is an
 * error with the line and column of the first offending character.  Clean UTF-8, the usual input,
 * is used where it lies, without a copy.
 */
#include "decode.h"

#include <stdio.h>
#include <string.h>
#include <uchardet/uchardet.h>
#include <unistr.h>

/* Detection looks at most at this much of the input: a page tells its
 * charset long before, and the cost stays bounded. */
#define DETECT_SAMPLE (1024 * 1024)
/* Fewer bytes outside ASCII than this are too few to tell one legacy
 * charset from another: a few accented letters are Windows-1252 by far the
 * most often. */
#define DETECT_MIN_BYTES 16

static void position_of(const char *s, size_t offset, int *line, int *col)
{
    size_t i;

    *line = 1;
    *col = 1;
    for (i = 0; i < offset; i++) {
        if (s[i] == '\n') {
            (*line)++;
            *col = 1;
        } else if (((unsigned char)s[i] & 0xC0) != 0x80) {
            (*col)++;
        }
    }
}

static int name_in(const char *cs, const char *const *names)
{
    size_t i;

    for (i = 0; names[i] != NULL; i++)
        if (ac_strcaseeq(cs, names[i]))
            return 1;
    return 0;
}

static int is_utf8_name(const char *cs)
{
    static const char *const names[] = {"utf-8", "utf8", NULL};

    return name_in(cs, names);
}

/* Charsets that the vote reads as well as the declaration would: browsers
 * read Latin-1 and ASCII as Windows-1252 too. */
static int is_latin1_name(const char *cs)
{
    static const char *const names[] = {"windows-1252", "cp1252",     "x-cp1252", "iso-8859-1",
                                        "iso8859-1",    "iso_8859-1", "latin1",   "l1",
                                        "us-ascii",     "ascii",      NULL};

    return name_in(cs, names);
}

/* The legacy charset uchardet finds in s, copied into name; 0 when it
 * found one that is not ASCII, UTF-8 or a Western one rule 4 reads anyway,
 * -1 otherwise (also when memory runs out: Windows-1252 is then read). */
static int detect_charset(const char *s, size_t len, char *name, size_t size)
{
    uchardet_t ud = uchardet_new();
    const char *found;
    int rc = -1;

    if (ud == NULL)
        return -1;
    if (uchardet_handle_data(ud, s, len < DETECT_SAMPLE ? len : DETECT_SAMPLE) == 0) {
        uchardet_data_end(ud);
        found = uchardet_get_charset(ud);
        if (found != NULL && found[0] != '\0' && !is_utf8_name(found) &&
            !is_latin1_name(found) && strlen(found) < size) {
            strcpy(name, found);
            rc = 0;
        }
    }
    uchardet_delete(ud);
    return rc;
}

/* Counts valid multi-byte UTF-8 characters and invalid bytes, and finds the
 * first invalid byte. */
static void utf8_census(const char *s, size_t len, size_t *multi, size_t *bad, size_t *first_bad)
{
    const uint8_t *p = (const uint8_t *)s, *end = p + len;
    ucs4_t c;
    int n;

    *multi = *bad = 0;
    *first_bad = len;
    while (p < end) {
        if (*p < 0x80) {
            uint64_t x;

            /* Input is mostly ASCII: skip it eight bytes at a time. */
            p++;
            while (end - p >= 8) {
                memcpy(&x, p, 8);
                if ((x & UINT64_C(0x8080808080808080)) != 0)
                    break;
                p += 8;
            }
            continue;
        }
        n = u8_mbtoucr(&c, p, (size_t)(end - p));
        if (n < 0) {
            if (*bad == 0)
                *first_bad = (size_t)((const char *)p - s);
            (*bad)++;
            p++;
        } else {
            (*multi)++;
            p += n;
        }
    }
}

static int xml_forbids(ucs4_t c)
{
    if (c < 0x20)
        return c != 0x9 && c != 0xA && c != 0xD;
    return (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF || c > 0x10FFFF;
}

/* What the first repair of s[0..len) replaces, and where. */
typedef struct {
    size_t at;     /* offset in s, or len when nothing needs repair */
    int kind;      /* 'u' invalid UTF-8, 'x' forbidden character, 'c' undefined byte */
    unsigned code; /* the invalid byte or the forbidden character */
} repair_site;

/* Finds the first invalid sequence or forbidden character; in text an
 * iconv conversion repaired (`converted`), a U+FFFD counts as well. */
static repair_site first_repair(const char *s, size_t len, int converted)
{
    const uint8_t *p = (const uint8_t *)s, *end = p + len;
    repair_site site = {len, 0, 0};
    ucs4_t c;
    int n;

    while (p < end) {
        if (*p >= 0x20 && *p < 0x80) {
            p++;
            continue;
        }
        n = u8_mbtoucr(&c, p, (size_t)(end - p));
        site.at = (size_t)((const char *)p - s);
        if (n < 0) {
            site.kind = 'u';
            site.code = *p;
            return site;
        }
        if (xml_forbids(c)) {
            site.kind = 'x';
            site.code = (unsigned)c;
            return site;
        }
        if (converted && c == 0xFFFD) {
            site.kind = 'c';
            return site;
        }
        p += n;
    }
    site.at = len;
    return site;
}

/* The strict error for the first repair `site` of s (`base` bytes into the
 * input when s is the input itself; the decoded text otherwise); `charset`
 * names what s was decoded from. */
static int repair_error(artconv_error *err, const char *s, repair_site site, size_t base,
                        const char *charset)
{
    int line, col;

    position_of(s, site.at, &line, &col);
    if (site.kind == 'u')
        return ac_error_at(err, ARTCONV_EPARSE, line, col, base + site.at,
                           "invalid UTF-8 (byte 0x%02X) at line %d, column %d", site.code, line,
                           col);
    if (site.kind == 'x')
        return ac_error_at(err, ARTCONV_EPARSE, line, col, base + site.at,
                           "forbidden character U+%04X at line %d, column %d", site.code, line,
                           col);
    return ac_error_at(err, ARTCONV_EPARSE, line, col, base + site.at,
                       "a byte undefined in %s at line %d, column %d", charset, line, col);
}

int ac_decode_input(artconv_buf *out, const char **text, size_t *text_len, const char *data,
                    size_t len, const char *declared, const artconv_read_options *opts,
                    artconv_error *err)
{
    artconv_read_options defaults;
    artconv_buf cp = ARTCONV_BUF_INIT;
    const char *how = "UTF-8", *s, *named;
    char detected[64];
    size_t multi = 0, bad = 0, first_bad = 0, base = 0, repairs = 0, converted_repairs = 0;
    int converted = 0, line, col, rc = 0, may_detect;
    repair_site site;

    if (opts == NULL) {
        artconv_read_options_init(&defaults);
        opts = &defaults;
    }
    named = opts->version >= 2 && opts->encoding != NULL && opts->encoding[0] != '\0'
                ? opts->encoding
                : NULL;
    if (data == NULL)
        data = "";
    if (declared != NULL && declared[0] == '\0')
        declared = NULL;
    may_detect = declared == NULL;
    *text = NULL;
    *text_len = 0;
    if (named != NULL && is_utf8_name(named)) {
        /* UTF-8 whatever the bytes say: what is not becomes U+FFFD. */
        if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
            data += 3;
            len -= 3;
            base = 3;
        }
        how = "UTF-8, as --encoding says";
    } else if (named != NULL) {
        rc = ac_text_convert(&cp, named, data, len, &converted_repairs);
        if (rc == ARTCONV_EUNSUPPORTED) {
            rc = ac_error(err, ARTCONV_EINVALID, "unknown encoding \"%s\" (iconv does not know it)",
                          named);
            goto cleanup;
        }
        AC_CHECK(rc);
        how = named;
        converted = 1;
    } else if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) { /* rule 1 */
        data += 3;
        len -= 3;
        base = 3;
    } else if (len >= 2 && (memcmp(data, "\xFF\xFE", 2) == 0 || memcmp(data, "\xFE\xFF", 2) == 0)) {
        how = "UTF-16";
        AC_CHECK(ac_text_convert(&cp, data[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE", data + 2,
                                 len - 2, &converted_repairs));
        converted = 1;
    } else {
        int plain = declared == NULL || is_utf8_name(declared) || is_latin1_name(declared);

        /* The usual input: clean UTF-8, nothing else declared; one pass. */
        if (plain && ac_text_is_clean(data, len)) {
            *text = data;
            *text_len = len;
            return 0;
        }
        utf8_census(data, len, &multi, &bad, &first_bad);
        if (bad == 0 && (multi > 0 || plain)) {
            /* rule 2: UTF-8 */
        } else {
            if (!plain) { /* rule 3 */
                rc = ac_text_convert(&cp, declared, data, len, &converted_repairs);
                if (rc == ARTCONV_EUNSUPPORTED) {
                    artconv_buf_clear(&cp);
                    converted_repairs = 0;
                    rc = 0;
                    may_detect = 1;
                    ac_warn_read(opts, ARTCONV_EPARSE, 0, "unknown charset \"%s\"; guessing",
                                 declared);
                } else {
                    AC_CHECK(rc);
                    how = "declared charset";
                    converted = 1;
                }
            }
            if (!converted && multi <= bad) { /* rule 4: detected, or Windows-1252 */
                int warn = bad > 0 && (declared == NULL || !is_latin1_name(declared));

                position_of(data, first_bad, &line, &col);
                if (warn && opts->strict) {
                    rc = ac_error_at(err, ARTCONV_EPARSE, line, col, first_bad,
                                     "invalid UTF-8 (byte 0x%02X) at line %d, column %d",
                                     (unsigned char)data[first_bad], line, col);
                    goto cleanup;
                }
                if (may_detect && bad >= DETECT_MIN_BYTES &&
                    detect_charset(data, len, detected, sizeof detected) == 0) {
                    rc = ac_text_convert(&cp, detected, data, len, &converted_repairs);
                    if (rc == ARTCONV_EUNSUPPORTED) {
                        artconv_buf_clear(&cp);
                        converted_repairs = 0;
                        rc = 0;
                    } else {
                        AC_CHECK(rc);
                        how = detected;
                        converted = 1;
                        ac_warn_read(opts, ARTCONV_EPARSE, line,
                                     "the text is not UTF-8 (byte 0x%02X at line %d) and declares "
                                     "no charset; read as %s, which it looks like",
                                     (unsigned char)data[first_bad], line, detected);
                    }
                }
                if (!converted) {
                    if (warn)
                        ac_warn_read(opts, ARTCONV_EPARSE, line,
                                     "the text is not UTF-8 (byte 0x%02X at line %d); read as "
                                     "Windows-1252",
                                     (unsigned char)data[first_bad], line);
                    how = "Windows-1252";
                    AC_CHECK(ac_text_convert(&cp, "CP1252", data, len, &converted_repairs));
                    converted = 1;
                }
            }
        }
    }
    s = converted ? (cp.ptr != NULL ? cp.ptr : "") : data;
    if (converted)
        len = cp.len;
    if (!converted && ac_text_is_clean(data, len)) {
        *text = data;
        *text_len = len;
        return 0;
    }
    /* rule 5, and rule 4's stray bytes in UTF-8 */
    site = first_repair(s, len, converted_repairs > 0);
    if (site.at < len && opts->strict) {
        rc = repair_error(err, s, site, converted ? 0 : base,
                          strcmp(how, "declared charset") == 0 ? declared : how);
        goto cleanup;
    }
    AC_CHECK(ac_text_repair(out, s, len, &repairs));
    AC_CHECK(artconv_buf_put(out, "", 0));
    repairs += converted_repairs;
    if (repairs > 0) {
        position_of(s, site.at < len ? site.at : 0, &line, &col);
        ac_warn_read(opts, ARTCONV_EPARSE, line,
                     "replaced %zu invalid bytes or forbidden characters with U+FFFD (read as "
                     "%s), the first at line %d, column %d",
                     repairs, how, line, col);
    }
    *text = out->ptr;
    *text_len = out->len;
cleanup:
    artconv_buf_dispose(&cp);
    if (rc == ARTCONV_ENOMEM)
        ac_nomem(err);
    return rc;
}
