/*
 * byline_text.c - the byline a page prints in plain text near its headline
 * when neither its metadata nor a byline element names anyone: a line that
 * opens with "By" or "Written by" ("By A, B on <date>"), or a label
 * ("Written by", "Author") whose next element holds the names; failing
 * those, a link to the author's page (author_link.c).  Runs after
 * byline.c, on pages that still have no author.
 */
#include "byline_text.h"

#include <string.h>

/* Internal limits.  Characters of page text before and after the headline
 * searched: a byline sits in the headline's block, and a wider window
 * takes the names of a related story or a comment. */
#define WINDOW_BEFORE 300
#define WINDOW_AFTER  600
/* Characters of a byline line (longer is a sentence of the story). */
#define MAX_LINE 120

static int passed(const xmlNode *n)
{
    static const char *const names[] = {"script", "style",    "head",   "svg",   "noscript",
                                        "template", "nav",    "footer", "select", "button",
                                        "form",   "iframe",   NULL};

    return ac_html_in_list((const char *)n->name, names);
}

/* Characters of one text node, white space runs as one (as
 * ac_html_info's counts). */
static size_t text_len(const xmlNode *n)
{
    const char *s = (const char *)n->content;
    size_t i, len = 0;
    int space = 1;

    for (i = 0; s != NULL && s[i] != '\0'; i++) {
        if (ac_is_space(s[i])) {
            len += !space;
            space = 1;
        } else {
            len++;
            space = 0;
        }
    }
    return len;
}

/* Nodes below one element looked at for its text: enough for a byline's
 * few spans and links, and each element costs no more than this. */
#define MAX_NODES 48

/* The text of n, white space collapsed, into `out`.  Returns 1 when it is
 * at most `max` bytes and took at most MAX_NODES nodes, 0 when longer (out
 * then holds a part), ARTCONV_ENOMEM. */
static int short_text(artconv_buf *out, const xmlNode *n, size_t max)
{
    const xmlNode *x;
    size_t nodes = 0;
    int skip, space = 1;

    artconv_buf_clear(out);
    for (x = n->children; x != NULL; x = ac_xml_next(x, n, skip)) {
        skip = 0;
        if (++nodes > MAX_NODES || out->len > max)
            return 0;
        if (x->type == XML_ELEMENT_NODE && passed(x))
            skip = 1;
        else if (x->type == XML_TEXT_NODE && x->content != NULL &&
                 ac_html_put_collapsed(out, (const char *)x->content,
                                       strlen((const char *)x->content), &space) < 0)
            return ARTCONV_ENOMEM;
    }
    while (out->len > 0 && out->ptr[out->len - 1] == ' ')
        out->ptr[--out->len] = '\0';
    return out->len <= max;
}

/* The length of s[0..len) that holds names: up to a date, a time, a count,
 * a bar or bullet, " on " or " in " (a date or a section follows). */
static size_t names_len(const char *s, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++) {
        if ((s[i] >= '0' && s[i] <= '9') || s[i] == '|' || s[i] == '@' ||
            (i + 2 < len && memcmp(s + i, "\xE2\x80\xA2", 3) == 0) ||
            (i + 1 < len && memcmp(s + i, "\xC2\xB7", 2) == 0) ||
            (i + 4 <= len && (memcmp(s + i, " on ", 4) == 0 || memcmp(s + i, " in ", 4) == 0)))
            break;
    }
    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == ',' || s[i - 1] == '-' || s[i - 1] == ':'))
        i--;
    return i;
}

/* 1 if s[0..len) is a label that stands before the names ("Written by",
 * "Author", "By"): a byline prefix alone, or a no-name label. */
static int is_label(const char *s, size_t len)
{
    while (len > 0 && (s[len - 1] == ':' || s[len - 1] == ' '))
        len--;
    static const char *const labels[] = {"author", "article by", "written by", "words by",
                                         "contributors", "by", NULL};
    size_t k;

    for (k = 0; labels[k] != NULL; k++)
        if (len == strlen(labels[k]) && ac_strncaseeq(s, labels[k], len))
            return 1;
    return 0;
}

/* The element after n in the page's flow: its next element sibling, or
 * that of the nearest ancestor that has one (below `root`). */
static const xmlNode *next_element(const xmlNode *n, const xmlNode *root)
{
    for (; n != NULL && n != root; n = n->parent) {
        const xmlNode *s;

        for (s = n->next; s != NULL; s = s->next)
            if (s->type == XML_ELEMENT_NODE)
                return s;
    }
    return NULL;
}

typedef struct {
    artconv_article *article;
    artconv_error *err;
    artconv_buf line;
} text_ctx;

/* Tries the element n as a byline line or a label.  Returns 1 when it gave
 * authors, 0 if not, or a negative status. */
static int try_line(text_ctx *c, const xmlNode *n, const xmlNode *root)
{
    const xmlNode *next;
    size_t k;
    int rc;

    if ((rc = short_text(&c->line, n, MAX_LINE)) <= 0 || c->line.len == 0)
        return rc < 0 ? ac_nomem(c->err) : 0;
    if (is_label(c->line.ptr, c->line.len)) {
        if ((next = next_element(n, root)) == NULL)
            return 0;
        if ((rc = short_text(&c->line, next, MAX_LINE)) <= 0)
            return rc < 0 ? ac_nomem(c->err) : 0;
        k = names_len(c->line.ptr, c->line.len);
        if (k == 0 || !ac_news_looks_like_name(c->line.ptr, k))
            return 0;
        rc = ac_news_add_authors(c->article, c->line.ptr, k, c->err);
        return rc < 0 ? rc : artconv_article_list_count(c->article, ARTCONV_LIST_AUTHORS) > 0;
    }
    if (ac_news_byline_prefix(c->line.ptr, c->line.len) == 0)
        return 0;
    k = names_len(c->line.ptr, c->line.len);
    return ac_news_byline(c->article, c->line.ptr, k, AC_BYLINE_FREE, 1, c->err);
}

/* The page's headline: the first <h1> with text outside page furniture;
 * where its text starts in *start and its length in *len. */
static const xmlNode *headline(text_ctx *c, const xmlNode *root, size_t *start, size_t *len)
{
    const xmlNode *n;
    size_t pos = 0;
    int skip;

    for (n = root->children; n != NULL; n = ac_xml_next(n, root, skip)) {
        skip = 0;
        if (n->type == XML_TEXT_NODE) {
            pos += text_len(n);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (passed(n) || ac_html_is(n, "aside")) {
            skip = 1;
            continue;
        }
        if (ac_html_is(n, "h1") && short_text(&c->line, n, 400) == 1 && c->line.len > 0) {
            *start = pos;
            *len = c->line.len;
            return n;
        }
    }
    return NULL;
}

/* Appends the ASCII-lower-cased letters and digits of s[0..len) to out
 * (other UTF-8 bytes kept), at most `size` - 1 of them. */
static size_t squash(char *out, size_t size, const char *s, size_t len)
{
    size_t i, n = 0;

    for (i = 0; i < len && n + 1 < size; i++) {
        unsigned char ch = (unsigned char)s[i];

        if (ch >= 0x80 || (ch >= '0' && ch <= '9'))
            out[n++] = (char)ch;
        else if ((ch | 32) >= 'a' && (ch | 32) <= 'z')
            out[n++] = (char)(ch | 32);
    }
    out[n] = '\0';
    return n;
}

int ac_html_site_author(const artconv_article *a)
{
    const char *author = artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, 0);
    const char *pub = artconv_article_get(a, ARTCONV_META_PUBLISHER);
    const char *url = artconv_article_get(a, ARTCONV_META_SOURCE), *host, *end;
    char sa[128], sp[128], sh[256];
    size_t na;

    if (artconv_article_list_count(a, ARTCONV_LIST_AUTHORS) != 1 || author == NULL ||
        (na = squash(sa, sizeof sa, author, strlen(author))) < 3)
        return 0;
    if (pub != NULL && squash(sp, sizeof sp, pub, strlen(pub)) > 0 && strcmp(sa, sp) == 0)
        return 1;
    if (url == NULL || (host = strstr(url, "://")) == NULL)
        return 0;
    host += 3;
    for (end = host; *end != '\0' && *end != '/' && *end != ':' && *end != '?'; end++)
        ;
    squash(sh, sizeof sh, host, (size_t)(end - host));
    return strstr(sh, sa) != NULL;
}

int ac_html_take_person(artconv_article *to, const artconv_article *from, artconv_error *err)
{
    const char *site = artconv_article_list_get(to, ARTCONV_LIST_AUTHORS, 0);
    size_t i, n = artconv_article_list_count(from, ARTCONV_LIST_AUTHORS);
    char ss[128], sf[256];

    if (n == 0 || site == NULL || ac_html_site_author(from))
        return 0;
    /* "HomeAdvisor Staff Writer" is the site again. */
    squash(ss, sizeof ss, site, strlen(site));
    for (i = 0; i < n; i++) {
        const char *f = artconv_article_list_get(from, ARTCONV_LIST_AUTHORS, i);

        squash(sf, sizeof sf, f, strlen(f));
        if (strstr(sf, ss) != NULL)
            return 0;
    }
    artconv_article_list_clear(to, ARTCONV_LIST_AUTHORS);
    for (i = 0; i < n; i++)
        if (artconv_article_list_add(to, ARTCONV_LIST_AUTHORS,
                                     artconv_article_list_get(from, ARTCONV_LIST_AUTHORS, i),
                                     err) < 0)
            return ARTCONV_ENOMEM;
    return 0;
}

static int search(artconv_article *article, const ac_html_page *page, artconv_error *err);

/* Label words that only a byline opens with, anywhere in the page: "By"
 * alone opens sentences too, and "Reviewed by" names someone else. */
static const char *const strong_labels[] = {"written by", "posted by", "authored by",
                                            "words by",   "author:",   NULL};

/* The length of the strong label s[0..len) opens with (and the spaces
 * after it), or 0. */
static size_t strong_label(const char *s, size_t len)
{
    size_t k, n;

    for (k = 0; strong_labels[k] != NULL; k++) {
        n = strlen(strong_labels[k]);
        /* "Written byJack": text run together across elements. */
        if (len >= n && ac_strncaseeq(s, strong_labels[k], n) &&
            (len == n || s[n] == ' ' || s[n - 1] == ':')) {
            while (n < len && s[n] == ' ')
                n++;
            return n;
        }
    }
    return 0;
}

/* 1 if s[0..len) is a heading an author box stands under, alone on its
 * line ("About the author", "Article by"): the names are in the next
 * element. */
static int is_box_label(const char *s, size_t len)
{
    static const char *const labels[] = {"about the author", "about the writer", "article by",
                                         "author",           "the author",       NULL};
    size_t k;

    while (len > 0 && (s[len - 1] == ':' || s[len - 1] == ' '))
        len--;
    for (k = 0; labels[k] != NULL; k++)
        if (len == strlen(labels[k]) && ac_strncaseeq(s, labels[k], len))
            return 1;
    return 0;
}

/* 1 if n or an ancestor below root is a comment thread: its commenters
 * "posted by" are not the article's author. */
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

/* Tries n as a strong label's line anywhere in the page: "Written by Jane
 * Roe", or "Written by" alone above the names.  Returns 1 when it gave
 * authors, 0 if not, or a negative status. */
static int try_labelled(text_ctx *c, const xmlNode *n, const xmlNode *root)
{
    const xmlNode *next;
    size_t at, k;
    int rc;

    if ((rc = short_text(&c->line, n, MAX_LINE)) <= 0 || c->line.len == 0)
        return rc < 0 ? ac_nomem(c->err) : 0;
    if ((at = strong_label(c->line.ptr, c->line.len)) == 0 &&
        is_box_label(c->line.ptr, c->line.len))
        at = c->line.len;
    if (at == 0 || in_comments(n, root))
        return 0;
    if (at == c->line.len) {
        if ((next = next_element(n, root)) == NULL ||
            (rc = short_text(&c->line, next, MAX_LINE)) < 0)
            return ac_nomem(c->err);
        /* "About the author" over "Jane Roe is a reporter ...". */
        if ((k = ac_html_bio_name(c->line.ptr, c->line.len)) > 0)
            rc = ac_news_add_authors(c->article, c->line.ptr, k, c->err);
        if (k > 0)
            return rc < 0 ? rc : artconv_article_list_count(c->article, ARTCONV_LIST_AUTHORS) > 0;
        if (rc == 0) /* longer than a byline, and no biography */
            return 0;
        at = 0;
    }
    k = names_len(c->line.ptr + at, c->line.len - at);
    if (k == 0 || !ac_news_looks_like_name(c->line.ptr + at, k))
        return 0;
    rc = ac_news_add_authors(c->article, c->line.ptr + at, k, c->err);
    return rc < 0 ? rc : artconv_article_list_count(c->article, ARTCONV_LIST_AUTHORS) > 0;
}

/* 1 if an element child of n is a block: the lines are in the children,
 * each tried on its own. */
static int has_block_child(const xmlNode *n)
{
    const xmlNode *k;

    for (k = n->children; k != NULL; k = k->next)
        if (k->type == XML_ELEMENT_NODE && ac_html_is_block(k))
            return 1;
    return 0;
}

/* The first strong label's line anywhere in the page, into `article`: an
 * author box after the story ("Written by Jane Roe") when nothing near
 * the headline names anyone.  Returns 0 or a negative status. */
static int labelled(artconv_article *article, const ac_html_page *page, artconv_error *err)
{
    const xmlNode *root = page->body, *n;
    text_ctx c;
    int skip, rc = 0;

    memset(&c, 0, sizeof c);
    c.article = article;
    c.err = err;
    for (n = root == NULL ? NULL : root->children; n != NULL && rc == 0;
         n = ac_xml_next(n, root, skip)) {
        skip = 0;
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (passed(n)) {
            skip = 1;
            continue;
        }
        if ((ac_html_is_block(n) || ac_html_is(n, "span")) && !has_block_child(n))
            rc = try_labelled(&c, n, root);
    }
    artconv_buf_dispose(&c.line);
    return rc < 0 ? rc : 0;
}

int ac_html_byline_text(artconv_article *article, const ac_html_page *page, artconv_error *err)
{
    artconv_article *found;
    int rc;

    if (artconv_article_list_count(article, ARTCONV_LIST_AUTHORS) == 0) {
        if ((rc = search(article, page, err)) < 0 ||
            artconv_article_list_count(article, ARTCONV_LIST_AUTHORS) > 0 ||
            (rc = labelled(article, page, err)) < 0 ||
            artconv_article_list_count(article, ARTCONV_LIST_AUTHORS) > 0)
            return rc;
        if ((rc = ac_html_author_link(article, page, err)) < 0 ||
            artconv_article_list_count(article, ARTCONV_LIST_AUTHORS) > 0)
            return rc;
        return ac_html_author_box(article, page, err);
    }
    if (!ac_html_site_author(article))
        return 0;
    /* The site signs: a person's byline in the text replaces it. */
    if ((found = artconv_article_new()) == NULL)
        return ac_nomem(err);
    if ((rc = search(found, page, err)) == 0 &&
        artconv_article_list_count(found, ARTCONV_LIST_AUTHORS) == 0)
        rc = ac_html_author_link(found, page, err);
    if (rc == 0)
        rc = ac_html_take_person(article, found, err);
    artconv_article_free(found);
    return rc;
}

/* The search itself, into `article`. */
static int search(artconv_article *article, const ac_html_page *page, artconv_error *err)
{
    const xmlNode *root = page->body, *h, *n;
    text_ctx c;
    size_t pos = 0, h_start = 0, h_len = 0, h_end, from;
    int skip, rc = 0;

    if (root == NULL)
        return 0;
    memset(&c, 0, sizeof c);
    c.article = article;
    c.err = err;
    if ((h = headline(&c, root, &h_start, &h_len)) == NULL)
        goto done;
    h_end = h_start + h_len;
    from = h_start > WINDOW_BEFORE ? h_start - WINDOW_BEFORE : 0;
    for (n = root->children; n != NULL && pos <= h_end + WINDOW_AFTER && rc == 0;
         n = ac_xml_next(n, root, skip)) {
        skip = 0;
        if (n->type == XML_TEXT_NODE) {
            pos += text_len(n);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (passed(n) || ac_html_is(n, "aside")) {
            skip = 1;
            continue;
        }
        if (n == h) {
            pos += h_len;
            skip = 1;
            continue;
        }
        /* Each block is tried, and entered: the names may be a line of a
         * short header block that also holds the headline and a date.
         * short_text bounds what one try costs. */
        if (pos < from || (!ac_html_is_block(n) && !ac_html_is(n, "span")))
            continue;
        rc = try_line(&c, n, root);
    }
done:
    artconv_buf_dispose(&c.line);
    return rc < 0 ? rc : 0;
}
