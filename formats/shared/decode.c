/*
 * decode.c - the one input decoder of the readers, with one charset policy:
 *  1. a UTF-8 BOM is dropped; a UTF-16 BOM means UTF-16;
 *  2. a charset the caller found declared (HTML's <meta charset>, an XML
 *     declaration) is used when it is neither UTF-8 nor Latin-1/ASCII, which
 *     are read by the rules below; an unknown one is warned about and ignored;
 *  3. valid UTF-8 is UTF-8; anything else is Windows-1252, the superset of
 *     Latin-1 that pasted and saved text nearly always is (a warning, or an
 *     error under strict, naming the first bad byte);
 *  4. NUL and the other characters XML forbids become U+FFFD with a warning
 *     (an error under strict).
 * Clean UTF-8, the usual input, is used where it lies, without a copy.
 */
#include "decode.h"

#include <string.h>
#include <unistr.h>

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

/* Offset of the first character XML forbids in valid UTF-8, or len. */
static size_t first_forbidden(const char *s, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];

        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            return i;
        if (c == 0xEF && i + 2 < len && (unsigned char)s[i + 1] == 0xBF &&
            ((unsigned char)s[i + 2] == 0xBE || (unsigned char)s[i + 2] == 0xBF))
            return i;
    }
    return len;
}

/* Charsets that rule 3 reads at least as well as the declaration would:
 * valid UTF-8 stays UTF-8, the rest is read as Windows-1252, as browsers do
 * for Latin-1 and ASCII. */
static int read_by_rule3(const char *cs)
{
    static const char *const names[] = {
        "utf-8",      "utf8",   "windows-1252", "cp1252",   "x-cp1252", "iso-8859-1", "iso8859-1",
        "iso_8859-1", "latin1", "l1",           "us-ascii", "ascii",    NULL};
    size_t i;

    for (i = 0; names[i] != NULL; i++)
        if (ac_strcaseeq(cs, names[i]))
            return 1;
    return 0;
}

int ac_decode_input(artconv_buf *out, const char **text, size_t *text_len, const char *data,
                    size_t len, const char *declared, const artconv_read_options *opts,
                    artconv_error *err)
{
    artconv_read_options defaults;
    artconv_buf cp = ARTCONV_BUF_INIT;
    const uint8_t *bad;
    size_t repairs = 0, at;
    int line, col, rc = 0;

    if (opts == NULL) {
        artconv_read_options_init(&defaults);
        opts = &defaults;
    }
    if (data == NULL)
        data = "";
    *text = NULL;
    *text_len = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    } else if (len >= 2 && (memcmp(data, "\xFF\xFE", 2) == 0 || memcmp(data, "\xFE\xFF", 2) == 0)) {
        AC_CHECK(ac_text_convert(&cp, data[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE", data + 2,
                                 len - 2, NULL));
        AC_CHECK(artconv_buf_put(&cp, "", 0));
        data = cp.ptr;
        len = cp.len;
        declared = NULL;
    }
    if (declared != NULL && declared[0] != '\0' && !read_by_rule3(declared)) {
        rc = ac_text_convert(&cp, declared, data, len, NULL);
        if (rc == ARTCONV_EUNSUPPORTED) {
            artconv_buf_clear(&cp);
            rc = 0;
            ac_warn_read(opts, ARTCONV_EPARSE, 0, "unknown charset \"%s\"; guessing", declared);
        } else {
            AC_CHECK(rc);
            AC_CHECK(artconv_buf_put(&cp, "", 0));
            data = cp.ptr;
            len = cp.len;
        }
    }
    if (cp.ptr == NULL && ac_text_is_clean(data, len)) {
        *text = data;
        *text_len = len;
        return 0;
    }
    bad = cp.ptr == NULL ? u8_check((const uint8_t *)data, len) : NULL;
    if (bad != NULL) {
        at = (size_t)((const char *)bad - data);
        position_of(data, at, &line, &col);
        if (opts->strict) {
            rc = ac_error_at(err, ARTCONV_EPARSE, line, col, at,
                             "invalid UTF-8 (byte 0x%02X) at line %d, column %d", *bad, line, col);
            goto cleanup;
        }
        ac_warn_read(opts, ARTCONV_EPARSE, line,
                     "the text is not UTF-8 (byte 0x%02X at line %d); read as Windows-1252", *bad,
                     line);
        AC_CHECK(ac_text_convert(&cp, "CP1252", data, len, NULL));
        AC_CHECK(artconv_buf_put(&cp, "", 0));
        data = cp.ptr;
        len = cp.len;
    }
    at = first_forbidden(data, len);
    if (at < len) {
        position_of(data, at, &line, &col);
        if (opts->strict) {
            rc = ac_error_at(err, ARTCONV_EPARSE, line, col, at,
                             "forbidden character U+%04X at line %d, column %d",
                             (unsigned char)data[at] < 0x20 ? (unsigned char)data[at] : 0xFFFE,
                             line, col);
            goto cleanup;
        }
    }
    AC_CHECK(ac_text_repair(out, data, len, &repairs));
    AC_CHECK(artconv_buf_put(out, "", 0));
    if (repairs > 0) {
        position_of(data, at < len ? at : 0, &line, &col);
        ac_warn_read(opts, ARTCONV_EPARSE, line,
                     "replaced %zu forbidden character(s) with U+FFFD, the first at line %d",
                     repairs, line);
    }
    *text = out->ptr;
    *text_len = out->len;
cleanup:
    artconv_buf_dispose(&cp);
    if (rc == ARTCONV_ENOMEM)
        ac_nomem(err);
    return rc;
}
