/*
 * author_box.c - the author box at the end of a story, which names its
 * writer with no label and no link: a photo or a line holding only the
 * name, then a short biography that opens with that name ("Jane Roe is a
 * reporter...").  The name shown alone and the biography agreeing is what
 * sets it apart from a name quoted in the story.  The last resort of
 * byline_text.c, on pages that name no author still.
 */
#include "byline_text.h"

#include <string.h>

/* Bytes of a name shown alone, and of the biography's start that is read. */
#define MAX_NAME 60
#define BIO_HEAD 160
/* Nodes read after the name for the biography's start: the photo's
 * wrapper, a job title and empty spacers may stand between. */
#define BIO_NODES 24

static int skipped(const xmlNode *n)
{
    static const char *const names[] = {"script", "style",    "head",   "svg",    "noscript",
                                        "template", "nav",    "select", "button", "form",
                                        "iframe", NULL};

    return ac_html_in_list((const char *)n->name, names);
}

/* 1 if s[0..len) is two to four words, each opening with a capital (or a
 * letter outside ASCII), with no digit: how a name stands alone. */
static int name_words(const char *s, size_t len)
{
    size_t i, words = 0;

    if (len == 0 || len > MAX_NAME || !ac_news_looks_like_name(s, len))
        return 0;
    for (i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];

        if (ch >= '0' && ch <= '9')
            return 0;
        if (i == 0 || s[i - 1] == ' ') {
            words++;
            if (!(ch >= 'A' && ch <= 'Z') && ch < 0x80)
                return 0;
        }
    }
    return words >= 2 && words <= 4;
}

/* Verbs a biography's first sentence opens with after the name. */
static const char *const bio_verbs[] = {" is ",     " was ",   " has ",   " writes ", " covers ",
                                        " joined ", " lives ", " works ", " holds ",  NULL};

/* 1 if s opens with name[0..len), or its first word, and then a
 * biography's verb. */
static int opens_bio(const char *s, size_t slen, const char *name, size_t len)
{
    const char *sp = memchr(name, ' ', len);
    size_t firsts[2], k, v;

    firsts[0] = len;
    firsts[1] = sp != NULL ? (size_t)(sp - name) : len;
    for (k = 0; k < 2; k++) {
        size_t n = firsts[k];

        if (slen <= n || memcmp(s, name, n) != 0)
            continue;
        for (v = 0; bio_verbs[v] != NULL; v++) {
            size_t vl = strlen(bio_verbs[v]);

            if (slen >= n + vl && memcmp(s + n, bio_verbs[v], vl) == 0)
                return 1;
        }
    }
    return 0;
}

/* The first BIO_HEAD bytes of text after n's subtree, white space
 * collapsed, into out.  Returns 0 or ARTCONV_ENOMEM. */
static int text_after(artconv_buf *out, const xmlNode *n, const xmlNode *root)
{
    const xmlNode *x;
    size_t nodes = 0;
    int skip = 1, space = 1;

    artconv_buf_clear(out);
    for (x = ac_xml_next(n, root, 1); x != NULL && out->len < BIO_HEAD && nodes < BIO_NODES;
         x = ac_xml_next(x, root, skip)) {
        skip = 0;
        nodes++;
        if (x->type == XML_ELEMENT_NODE && skipped(x))
            skip = 1;
        else if (x->type == XML_TEXT_NODE && x->content != NULL &&
                 ac_html_put_collapsed(out, (const char *)x->content,
                                       strlen((const char *)x->content), &space) < 0)
            return ARTCONV_ENOMEM;
    }
    return 0;
}

/* 1 if an element child of n is not inline text markup: n's text is
 * not one line. */
static int has_element_child(const xmlNode *n)
{
    const xmlNode *k;

    for (k = n->children; k != NULL; k = k->next)
        if (k->type == XML_ELEMENT_NODE && !ac_html_is(k, "strong") && !ac_html_is(k, "b") &&
            !ac_html_is(k, "span") && !ac_html_is(k, "a"))
            return 1;
    return 0;
}

/* The name n shows alone, into name (trimmed): an image's alt text up to
 * a comma ("Jane Roe, Staff Writer"), or a leaf element's whole text.
 * Returns its length, 0 if none, or ARTCONV_ENOMEM. */
static int shown_name(artconv_buf *name, const xmlNode *n)
{
    const char *alt;
    size_t len;

    artconv_buf_clear(name);
    if (ac_html_is(n, "img")) {
        if ((alt = ac_html_attr(n, "alt")) == NULL)
            return 0;
        len = strcspn(alt, ",");
        if (artconv_buf_put(name, alt, len) < 0)
            return ARTCONV_ENOMEM;
    } else if (ac_html_is_block(n) || ac_html_is(n, "span")) {
        if (has_element_child(n))
            return 0;
        if (ac_html_text(name, n) < 0)
            return ARTCONV_ENOMEM;
    } else {
        return 0;
    }
    while (name->len > 0 && name->ptr[name->len - 1] == ' ')
        name->ptr[--name->len] = '\0';
    len = 0;
    while (len < name->len && name->ptr[len] == ' ')
        len++;
    if (len > 0) {
        memmove(name->ptr, name->ptr + len, name->len - len + 1);
        name->len -= len;
    }
    return name_words(name->ptr, name->len) ? (int)name->len : 0;
}

/* 1 if n or an ancestor below root is a comment thread. */
static int in_comments(const xmlNode *n, const xmlNode *root)
{
    for (; n != NULL && n != root; n = n->parent) {
        const char *cls = ac_html_attr(n, "class"), *id = ac_html_attr(n, "id");

        if ((cls != NULL && strstr(cls, "comment") != NULL) ||
            (id != NULL && strstr(id, "comment") != NULL))
            return 1;
    }
    return 0;
}

size_t ac_html_bio_name(const char *s, size_t len)
{
    size_t i, end = 0, words = 0;

    for (i = 0; i < len && i <= MAX_NAME; i++) {
        if (s[i] != ' ')
            continue;
        words++;
        if (words > 4)
            return 0;
        if (words >= 2 && opens_bio(s, len, s, i))
            end = i;
        if (end > 0)
            break;
    }
    return end > 0 && name_words(s, end) ? end : 0;
}

int ac_html_author_box(artconv_article *article, const ac_html_page *page, artconv_error *err)
{
    const xmlNode *root = page->body, *n;
    artconv_buf name = ARTCONV_BUF_INIT, after = ARTCONV_BUF_INIT;
    int skip, rc = 0;

    for (n = root == NULL ? NULL : root->children; n != NULL; n = ac_xml_next(n, root, skip)) {
        skip = 0;
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (skipped(n)) {
            skip = 1;
            continue;
        }
        if ((rc = shown_name(&name, n)) < 0)
            break;
        if (rc == 0)
            continue;
        rc = 0;
        if (text_after(&after, n, root) < 0) {
            rc = ARTCONV_ENOMEM;
            break;
        }
        if (opens_bio(after.ptr, after.len, name.ptr, name.len) && !in_comments(n, root)) {
            rc = ac_news_add_authors(article, name.ptr, name.len, err);
            break;
        }
    }
    artconv_buf_dispose(&name);
    artconv_buf_dispose(&after);
    if (rc == ARTCONV_ENOMEM)
        return ac_nomem(err);
    return rc < 0 ? rc : 0;
}
