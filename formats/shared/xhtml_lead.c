/*
 * xhtml_lead.c - does the body already show the lead image?  Then the
 * header leaves it out, so that a page shows its picture once.
 *
 * Two signals.  The body holds the same URL (a figure the reader promoted
 * to lead image).  Or the body opens with a picture, before any text but
 * headings, whose file name starts like the lead image's: pages name the
 * og:image and the article's first photo as two sizes of one file
 * ("crash-640x215.jpg" and "crash-640x426.jpg", "13SUDAN-1-facebookJumbo.jpg"
 * and "13SUDAN-1-master768.jpg").  Both signals together keep a lead image
 * that differs from a chart the body starts with.
 */
#include "xhtml_parts.h"

#include <string.h>

/* The last path segment of a URL without its extension: after the last
 * '/', before '?', '#' or the last '.'. */
static void file_stem(const char *url, const char **name, size_t *len)
{
    size_t end = strcspn(url, "?#"), i = end, dot;

    while (i > 0 && url[i - 1] != '/')
        i--;
    for (dot = end; dot > i && url[dot - 1] != '.'; dot--)
        ;
    *name = url + i;
    *len = (dot > i + 1 ? dot - 1 : end) - i;
}

static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static int is_alnum(int c)
{
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* A run of letters and digits of a file stem. */
typedef struct {
    const char *s;
    size_t len;
    int letters; /* it holds a letter */
} token;

/* "640x426": a size in a file name, not a part of the picture's name. */
static int is_dimension(const char *s, size_t len)
{
    size_t i = 0, digits;

    for (digits = 0; i < len && is_digit((unsigned char)s[i]); i++)
        digits++;
    if (digits == 0 || i == len || lower((unsigned char)s[i]) != 'x')
        return 0;
    for (i++, digits = 0; i < len && is_digit((unsigned char)s[i]); i++)
        digits++;
    return digits > 0 && i == len;
}

/* The next token of s[*at..len) that is not a size; 0 at the end. */
static int next_token(token *t, const char *s, size_t len, size_t *at)
{
    for (;;) {
        size_t i = *at, start;

        while (i < len && !is_alnum((unsigned char)s[i]))
            i++;
        if (i == len)
            return 0;
        start = i;
        t->letters = 0;
        for (; i < len && is_alnum((unsigned char)s[i]); i++)
            t->letters |= !is_digit((unsigned char)s[i]);
        *at = i;
        t->s = s + start;
        t->len = i - start;
        if (!is_dimension(t->s, t->len))
            return 1;
    }
}

static int token_eq(const token *a, const token *b)
{
    size_t i;

    if (a->len != b->len)
        return 0;
    for (i = 0; i < a->len; i++)
        if (lower((unsigned char)a->s[i]) != lower((unsigned char)b->s[i]))
            return 0;
    return 1;
}

/* 1 if two URLs name one picture in two sizes: their file names are the
 * same words once sizes ("640x426") are left out, or differ only in the
 * last word when both last words hold letters (a rendition's name such as
 * "facebookJumbo" against "master768", or a hash) after at least one
 * shared word.  A last word of digits only ("getty-01", "getty-4") numbers
 * different photos. */
static int same_picture(const char *a, const char *b)
{
    const char *sa, *sb;
    size_t la, lb, ia = 0, ib = 0, shared = 0;
    token ta, tb, rest;
    int more_a, more_b;

    file_stem(a, &sa, &la);
    file_stem(b, &sb, &lb);
    for (;;) {
        more_a = next_token(&ta, sa, la, &ia);
        more_b = next_token(&tb, sb, lb, &ib);
        if (!more_a || !more_b)
            return !more_a && !more_b && shared > 0;
        if (!token_eq(&ta, &tb))
            break;
        shared++;
    }
    /* The first difference: allowed only as the last word of both. */
    if (next_token(&rest, sa, la, &ia) || next_token(&rest, sb, lb, &ib))
        return 0;
    return shared > 0 && ta.letters && tb.letters;
}

/* The URL of a paragraph that holds only an image (maybe inside a link)
 * and white space, else NULL. */
static const char *lone_image(const artconv_node *para)
{
    const artconv_node *child = artconv_node_first_child(para), *inner;
    const char *url = NULL;

    for (; child != NULL; child = artconv_node_next(child)) {
        artconv_node_kind kind = artconv_node_get_kind(child);

        inner = child;
        if (kind == ARTCONV_NODE_LINK && (inner = artconv_node_first_child(child)) != NULL &&
            artconv_node_next(inner) == NULL)
            kind = artconv_node_get_kind(inner);
        if (kind == ARTCONV_NODE_IMAGE && url == NULL) {
            url = artconv_node_get_url(inner);
            continue;
        }
        if (kind == ARTCONV_NODE_SOFTBREAK || kind == ARTCONV_NODE_LINEBREAK)
            continue;
        if (kind == ARTCONV_NODE_TEXT) {
            const char *s = artconv_node_get_literal(child);

            if (s == NULL || s[strspn(s, " \t\n")] == '\0')
                continue;
        }
        return NULL;
    }
    return url;
}

/* The picture the body opens with, before any text but headings, or NULL. */
static const char *opening_picture(const artconv_node *body)
{
    const artconv_node *block = artconv_node_first_child(body);

    for (; block != NULL; block = artconv_node_next(block)) {
        switch (artconv_node_get_kind(block)) {
        case ARTCONV_NODE_HEADING:
            continue;
        case ARTCONV_NODE_FIGURE:
            return artconv_node_get_url(block);
        case ARTCONV_NODE_PARAGRAPH:
            return lone_image(block);
        default:
            return NULL;
        }
    }
    return NULL;
}

int ac_xhtml_body_shows_lead(const artconv_article *a)
{
    const char *image = artconv_article_get(a, ARTCONV_META_IMAGE);
    const artconv_node *body = artconv_article_body(a);
    const char *opening;

    if (image == NULL)
        return 0;
    if (ac_body_shows_image(body, image))
        return 1;
    opening = opening_picture(body);
    return opening != NULL && same_picture(image, opening);
}
