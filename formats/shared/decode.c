/*
 * decode.c - the one input decoder of the readers: strip a BOM, fall back
 * to Windows-1252 when the bytes are not UTF-8, refuse (strict) or repair
 * characters the model forbids, and say so through the warning callback.
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

/* Decodes the input into `clean`: valid UTF-8 that the model accepts. */
int ac_decode_input(artconv_buf *clean, const char *data, size_t len,
                    const artconv_read_options *opts, artconv_error *err)
{
    artconv_buf cp = ARTCONV_BUF_INIT;
    const uint8_t *bad;
    size_t repairs = 0, at;
    int line, col, rc = 0;

    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    bad = u8_check((const uint8_t *)data, len);
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
    AC_CHECK(ac_text_repair(clean, data, len, &repairs));
    AC_CHECK(artconv_buf_put(clean, "", 0));
    if (repairs > 0) {
        position_of(data, at < len ? at : 0, &line, &col);
        ac_warn_read(opts, ARTCONV_EPARSE, line,
                     "replaced %zu forbidden character(s) with U+FFFD, the first at line %d",
                     repairs, line);
    }
cleanup:
    artconv_buf_dispose(&cp);
    if (rc == ARTCONV_ENOMEM)
        ac_nomem(err);
    return rc;
}
