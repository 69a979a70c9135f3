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

/* Letters and digits of a word (UTF-8 bytes count as letters). */
static int word_char(unsigned char c)
{
    return c >= 0x80 || ((c | 32) >= 'a' && (c | 32) <= 'z') || (c >= '0' && c <= '9');
}

/* English words of four letters or more that say nothing of a subject. */
static const char *const empty_words[] = {
    "about", "also", "been", "does", "each", "from", "have", "here", "into", "just", "like",
    "more",  "most", "only", "over", "some", "such", "than", "that", "their", "them", "then",
    "there", "these", "they", "this", "those", "very", "were", "what", "when", "which", "will",
    "with",  "your", NULL};

static int empty_word(const char *w, size_t n)
{
    size_t k, i;

    for (k = 0; empty_words[k] != NULL; k++) {
        if (strlen(empty_words[k]) != n)
            continue;
        for (i = 0; i < n && (w[i] | 32) == empty_words[k][i]; i++)
            ;
        if (i == n)
            return 1;
    }
    return 0;
}

/* The next word of s[*i..len) of at least four bytes, its start in *w and
 * its length returned (0 at the end).  Shorter words ("the", "of", "in")
 * and empty_words tie two unrelated lines together too easily to count. */
static size_t next_word(const char *s, size_t len, size_t *i, const char **w)
{
    while (*i < len) {
        size_t start;

        while (*i < len && !word_char((unsigned char)s[*i]))
            (*i)++;
        start = *i;
        while (*i < len && word_char((unsigned char)s[*i]))
            (*i)++;
        if (*i - start >= 4 && !empty_word(s + start, *i - start)) {
            *w = s + start;
            return *i - start;
        }
    }
    return 0;
}

static int has_word(const char *s, size_t len, const char *w, size_t wlen)
{
    const char *x;
    size_t i = 0, n, k;

    while ((n = next_word(s, len, &i, &x)) != 0) {
        if (n != wlen)
            continue;
        for (k = 0; k < n && (x[k] | 32) == (w[k] | 32); k++)
            ;
        if (k == n)
            return 1;
    }
    return 0;
}

size_t ac_meta_shared_words(const char *a, size_t alen, const char *b, size_t blen, size_t *of)
{
    const char *w;
    size_t i = 0, n, shared = 0;

    *of = 0;
    while ((n = next_word(a, alen, &i, &w)) != 0) {
        (*of)++;
        shared += (size_t)has_word(b, blen, w, n);
    }
    return shared;
}
