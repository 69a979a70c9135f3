/*
 * smart.c - typographic punctuation (`--smart`, off by default): straight
 * quotes become curly ones, "--" an en dash, "---" an em dash and "..." an
 * ellipsis, in the article's text and in the metadata a reader sees (title,
 * standfirst, description, the lead image's caption).  Code, URLs and raw
 * HTML are left alone.
 *
 * A quote opens after the start of a block, a space, an opening bracket or
 * a dash, and closes elsewhere; an apostrophe between letters (don't) or
 * before a digit ('90s) is a right single quote, as typographers set it.
 * The quotes are English ones whatever the language: which quotes a
 * language uses ("...", <<...>>) is a house style, not a rule.  The text
 * of a block is followed across its inline nodes, so a quote before an
 * emphasis still opens.
 */
#include "internal.h"

#include <string.h>

/* What the character before the next one was. */
enum before { AT_START, AFTER_SPACE, AFTER_OPENER, AFTER_WORD };

static enum before class_of(unsigned char c)
{
    if (c == ' ' || c == '\t' || c == '\n')
        return AFTER_SPACE;
    if (c == '(' || c == '[' || c == '{')
        return AFTER_OPENER;
    return AFTER_WORD;
}

static int is_alnum(unsigned char c)
{
    /* Bytes of multi-byte characters count as letters. */
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

static int opens(enum before b)
{
    return b != AFTER_WORD;
}

/* Appends s, smartened, to out; *b carries the context from the text
 * before.  Returns 0 or ARTCONV_ENOMEM. */
static int smarten(artconv_buf *out, const char *s, enum before *b)
{
    size_t i, n = strlen(s);
    int rc = 0;

    for (i = 0; i < n && rc == 0; i++) {
        unsigned char c = (unsigned char)s[i], next = i + 1 < n ? (unsigned char)s[i + 1] : 0;

        if (c == '"') {
            rc = artconv_buf_puts(out, opens(*b) ? "\xe2\x80\x9c" : "\xe2\x80\x9d");
            *b = opens(*b) ? AFTER_OPENER : AFTER_WORD;
            continue;
        }
        if (c == '\'') {
            int apostrophe =
                (*b == AFTER_WORD && is_alnum(next)) || (opens(*b) && next >= '0' && next <= '9');

            rc = artconv_buf_puts(out, !apostrophe && opens(*b) ? "\xe2\x80\x98" : "\xe2\x80\x99");
            *b = !apostrophe && opens(*b) ? AFTER_OPENER : AFTER_WORD;
            continue;
        }
        if (c == '-' && next == '-') {
            int em = i + 2 < n && s[i + 2] == '-';

            rc = artconv_buf_puts(out, em ? "\xe2\x80\x94" : "\xe2\x80\x93");
            i += em ? 2 : 1;
            *b = AFTER_OPENER; /* a quote after a dash opens */
            continue;
        }
        if (c == '.' && next == '.' && i + 2 < n && s[i + 2] == '.') {
            rc = artconv_buf_puts(out, "\xe2\x80\xa6");
            i += 2;
            *b = AFTER_WORD;
            continue;
        }
        rc = artconv_buf_putc(out, (char)c);
        *b = class_of(c);
    }
    return rc < 0 ? ARTCONV_ENOMEM : 0;
}

static int smarten_meta(artconv_article *a, artconv_meta field, artconv_buf *tmp,
                        artconv_error *err)
{
    const char *v = artconv_article_get(a, field);
    enum before b = AT_START;

    if (v == NULL)
        return 0;
    artconv_buf_clear(tmp);
    if (smarten(tmp, v, &b) < 0)
        return ac_nomem(err);
    return artconv_article_set(a, field, tmp->ptr, err);
}

/* The next node of a flat walk below `root`, children first. */
static artconv_node *next_node(artconv_node *n, const artconv_node *root, int descend)
{
    artconv_node *c = descend ? artconv_node_first_child(n) : NULL;

    if (c != NULL)
        return c;
    for (; n != NULL && n != root; n = artconv_node_parent(n))
        if (artconv_node_next(n) != NULL)
            return artconv_node_next(n);
    return NULL;
}

int artconv_article_smarten(artconv_article *article, artconv_error *err)
{
    static const artconv_meta fields[] = {ARTCONV_META_TITLE, ARTCONV_META_SUBTITLE,
                                          ARTCONV_META_DESCRIPTION, ARTCONV_META_IMAGE_CAPTION};
    artconv_buf tmp = ARTCONV_BUF_INIT;
    artconv_node *root, *n;
    enum before b = AT_START;
    size_t i;
    int rc = 0;

    if (article == NULL)
        return ac_error(err, ARTCONV_EINVALID, "no article");
    for (i = 0; i < sizeof fields / sizeof fields[0] && rc == 0; i++)
        rc = smarten_meta(article, fields[i], &tmp, err);
    root = artconv_article_body(article);
    for (n = next_node(root, root, 1); n != NULL && rc == 0;) {
        artconv_node_kind kind = artconv_node_get_kind(n);
        int descend = 1;

        if (artconv_node_kind_is_block(kind)) {
            b = AT_START;
        } else if (kind == ARTCONV_NODE_TEXT) {
            artconv_buf_clear(&tmp);
            if (smarten(&tmp, artconv_node_get_literal(n), &b) < 0)
                rc = ac_nomem(err);
            else if (strcmp(tmp.ptr != NULL ? tmp.ptr : "", artconv_node_get_literal(n)) != 0)
                rc = artconv_node_set_literal(n, tmp.ptr, err);
        } else if (kind == ARTCONV_NODE_SOFTBREAK || kind == ARTCONV_NODE_LINEBREAK) {
            b = AFTER_SPACE;
        } else if (kind == ARTCONV_NODE_CODE || kind == ARTCONV_NODE_IMAGE ||
                   kind == ARTCONV_NODE_RAW_HTML_INLINE) {
            b = AFTER_WORD;
        }
        if (kind == ARTCONV_NODE_CODE_BLOCK || kind == ARTCONV_NODE_RAW_HTML_BLOCK)
            descend = 0;
        n = next_node(n, root, descend);
    }
    artconv_buf_dispose(&tmp);
    return rc;
}
