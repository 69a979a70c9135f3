/*
 * author_link.c - the last resort for a page that names no author: a link
 * to the author's own page ("/authors/trevor-jackins") whose text is the
 * name that address spells ("Trevor Jackins").  The address and the text
 * agreeing is what sets it apart from "Meet the team" or "Our writers".
 */
#include "byline_text.h"

#include <string.h>

/* Path parts that stand before an author's name in the address. */
static const char *const author_dirs[] = {"/author/", "/authors/", NULL};

/* Bytes of a link's text that can still be names. */
#define MAX_NAMES 100

static int skipped(const xmlNode *n)
{
    static const char *const names[] = {"script",   "style",    "head", "svg",
                                        "noscript", "template", "nav",  "footer",
                                        "select",   "form",     NULL};

    return ac_html_in_list((const char *)n->name, names);
}

/* Appends the ASCII-lower-cased letters of s[0..len) (other UTF-8 bytes
 * kept; digits, spaces, dashes and punctuation dropped) to out, at most
 * `size` - 1 of them. */
static size_t letters(char *out, size_t size, const char *s, size_t len)
{
    size_t i, n = 0;

    for (i = 0; i < len && n + 1 < size; i++) {
        unsigned char ch = (unsigned char)s[i];

        if (ch == '%')
            return 0; /* an escaped name: no comparison */
        if (ch >= 0x80)
            out[n++] = (char)ch;
        else if ((ch | 32) >= 'a' && (ch | 32) <= 'z')
            out[n++] = (char)(ch | 32);
    }
    out[n] = '\0';
    return n;
}

/* The name part of an author page's address into `slug` (its letters),
 * or 0 when href is no such address. */
static size_t href_slug(const char *href, char *slug, size_t size)
{
    const char *p = NULL, *end;
    size_t k;

    for (k = 0; author_dirs[k] != NULL && p == NULL; k++)
        if ((p = strstr(href, author_dirs[k])) != NULL)
            p += strlen(author_dirs[k]);
    if (p == NULL)
        return 0;
    for (end = p; *end != '\0' && *end != '/' && *end != '?' && *end != '#'; end++)
        ;
    return letters(slug, size, p, (size_t)(end - p));
}

int ac_html_author_link(artconv_article *article, const ac_html_page *page, artconv_error *err)
{
    const xmlNode *root = page->body, *n;
    artconv_buf text = ARTCONV_BUF_INIT;
    char slug[128], name[128];
    int skip, rc = 0;

    for (n = root == NULL ? NULL : root->children; n != NULL; n = ac_xml_next(n, root, skip)) {
        const char *href;
        size_t sn;

        skip = 0;
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (skipped(n)) {
            skip = 1;
            continue;
        }
        if (!ac_html_is(n, "a") || (href = ac_html_attr(n, "href")) == NULL)
            continue;
        skip = 1;
        if ((sn = href_slug(href, slug, sizeof slug)) < 3)
            continue;
        artconv_buf_clear(&text);
        if (ac_html_text(&text, n) < 0) {
            rc = ac_nomem(err);
            break;
        }
        if (text.len == 0 || text.len > MAX_NAMES || !ac_news_looks_like_name(text.ptr, text.len) ||
            letters(name, sizeof name, text.ptr, text.len) != sn || strcmp(name, slug) != 0)
            continue;
        rc = ac_news_add_authors(article, text.ptr, text.len, err);
        break;
    }
    artconv_buf_dispose(&text);
    return rc < 0 ? rc : 0;
}
