/*
 * meta_values.c - the small value helpers the metadata parts share (a
 * string out of a JSON-LD value, a word count).  They sit below
 * meta_collect.c, meta_title.c and meta_lists.c so that those parts never
 * call each other in a circle.
 */
#include "meta.h"

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
