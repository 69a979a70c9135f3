/*
 * meta_values.c - the small value helpers the metadata parts share (a
 * string out of a JSON-LD value, a word count, one level of character
 * references decoded).  They sit below
 * meta_collect.c, meta_title.c and meta_lists.c so that those parts never
 * call each other in a circle.
 */
#include "charref.h"
#include "meta.h"

#include <string.h>

/* Words in s[0..len), split at spaces. */
size_t ac_meta_count_words(const char *s, size_t len)
{
    size_t i, words = 0;
    int in = 0;

    for (i = 0; i < len; i++) {
        if (s[i] == ' ')
            in = 0;
        else if (!in) {
            in = 1;
            words++;
        }
    }
    return words;
}

/* A string, or the "name" (or `key`) of an object, or the first of a list. */
const char *ac_meta_ld_string(const json_t *v, const char *key)
{
    if (json_is_array(v))
        v = json_array_get(v, 0);
    if (json_is_object(v))
        v = json_object_get(v, key);
    if (json_is_array(v))
        v = json_array_get(v, 0);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Metadata values often arrive with their references still written out:
 * a CMS escapes the title once more than the markup needs ("&amp;#8217;"
 * in an attribute, "&#038;" in JSON-LD, which libxml2 never decodes).  One
 * level is decoded, as a browser does once; the one decoder is charref.c's.
 * A decoded control character becomes a space. */
int ac_meta_decode_refs(artconv_buf *out, const char *s, size_t len)
{
    size_t i = 0, run = 0, n, k;
    uint32_t cp[2];
    char u8[4];

    while (i < len) {
        if (s[i] != '&' || (n = ac_charref_decode(s + i, len - i, AC_CHARREF_TEXT, cp)) == 0) {
            i++;
            run++;
            continue;
        }
        if (run > 0 && artconv_buf_put(out, s + i - run, run) < 0)
            return ARTCONV_ENOMEM;
        run = 0;
        for (k = 0; k < 2 && cp[k] != 0; k++) {
            uint32_t c = cp[k] < 0x20 || cp[k] == 0x7F ? ' ' : cp[k];

            if (c == 0xFFFE || c == 0xFFFF)
                c = 0xFFFD;
            if (artconv_buf_put(out, u8, ac_charref_utf8(c, u8)) < 0)
                return ARTCONV_ENOMEM;
        }
        i += n;
    }
    if (run > 0 && artconv_buf_put(out, s + len - run, run) < 0)
        return ARTCONV_ENOMEM;
    return 0;
}

/* Decodes one level of character references left in m->tmp (see
 * ac_meta_decode_refs), whitespace collapsed again. */
int ac_meta_decode_tmp(meta_ctx *m)
{
    artconv_buf dec = ARTCONV_BUF_INIT;
    int rc = 0;

    if (m->tmp.len == 0 || memchr(m->tmp.ptr, '&', m->tmp.len) == NULL)
        return 0;
    if (ac_meta_decode_refs(&dec, m->tmp.ptr, m->tmp.len) < 0)
        rc = ac_nomem(m->err);
    else {
        artconv_buf_clear(&m->tmp);
        if (ac_text_put_collapsed(&m->tmp, dec.ptr, dec.len) < 0)
            rc = ac_nomem(m->err);
    }
    artconv_buf_dispose(&dec);
    return rc;
}
