/*
 * byline.c - the byline a page shows (not the one its metadata declares:
 * see meta.c): an element whose class, id or itemprop says byline or
 * author, near the headline or the start of the content, and the names in
 * it.  Runs before extraction (on the whole body) and again after it,
 * then hands a page that still names no one to byline_text.c.
 */
#include "byline_text.h"
#include "html.h"

#include <string.h>

typedef struct {
    artconv_article *article;
    const ac_html_page *page;
    artconv_error *err;
    artconv_buf tmp;
} byline_ctx;

static int has_word(const char *attr, const char *const *words)
{
    size_t i;

    if (attr == NULL)
        return 0;
    for (i = 0; words[i] != NULL; i++)
        if (strstr(attr, words[i]) != NULL)
            return 1;
    return 0;
}

/* Cuts what follows the names in a byline's text: a date ("Apr 16, 2015",
 * "1 day ago"), a time, a handle. */
static size_t names_end(const char *s, size_t len)
{
    size_t i, end = len;

    for (i = 0; i < len; i++) {
        /* A digit, a handle, a line break, or a bullet or middle dot
         * ("James Akinaka \u2022 8h") ends the names. */
        if ((s[i] >= '0' && s[i] <= '9') || s[i] == '@' || s[i] == '\n' ||
            (i + 2 < len && memcmp(s + i, "\xE2\x80\xA2", 3) == 0) ||
            (i + 1 < len && memcmp(s + i, "\xC2\xB7", 2) == 0)) {
            end = i;
            break;
        }
    }
    /* Then trailing month names, separators and spaces. */
    for (;;) {
        size_t w = end;

        while (w > 0 && (s[w - 1] == ' ' || s[w - 1] == '-' || s[w - 1] == '|' || s[w - 1] == ',' ||
                         s[w - 1] == ':' || s[w - 1] == '.'))
            w--;
        if (w == end && w > 0) {
            size_t b = w;

            while (b > 0 && s[b - 1] != ' ')
                b--;
            if (!ac_news_is_month(s + b, w - b) || b == 0)
                return end;
            end = b;
            continue;
        }
        end = w;
        if (end == 0)
            return 0;
    }
}

/* The first line of a byline element's text, whitespace collapsed: what
 * follows a <br> or starts a block is a date, a role or an editor ("By Jane
 * Doe<br>March 25, 2015", "Written by A<br>Edited by B").  A first line that
 * is only "By" is joined to the next. */
static int byline_line(artconv_buf *out, const xmlNode *el)
{
    artconv_buf raw = ARTCONV_BUF_INIT;
    const xmlNode *n;
    const char *p, *eol;
    int rc = 0, skip;

    artconv_buf_clear(out);
    for (n = el->children; n != NULL && rc == 0; n = ac_xml_next(n, el, skip)) {
        skip = 0;
        if (n->type == XML_ELEMENT_NODE) {
            skip = ac_html_is(n, "script") || ac_html_is(n, "style") ||
                   (AC_INFO(n)->flags & AC_HTML_DROP) != 0;
            if (!skip && (ac_html_is(n, "br") || ac_html_is_block(n)))
                rc = artconv_buf_putc(&raw, '\n');
        } else if (n->type == XML_TEXT_NODE && n->content != NULL) {
            const char *c;

            for (c = (const char *)n->content; *c != '\0' && rc == 0; c++)
                rc = artconv_buf_putc(&raw, *c == '\n' || *c == '\r' ? ' ' : *c);
        }
    }
    for (p = raw.ptr; rc == 0 && p != NULL && *p != '\0'; p = *eol == '\0' ? eol : eol + 1) {
        eol = strchr(p, '\n');
        if (eol == NULL)
            eol = p + strlen(p);
        if (out->len > 0)
            rc = artconv_buf_putc(out, ' ');
        if (rc == 0)
            rc = ac_text_put_collapsed(out, p, (size_t)(eol - p));
        if (out->len > 0 && !(out->len <= 3 && ac_strncaseeq(out->ptr, "by", 2)))
            break;
    }
    while (rc == 0 && out->len > 0 && out->ptr[out->len - 1] == ' ')
        out->ptr[--out->len] = '\0';
    artconv_buf_dispose(&raw);
    return rc < 0 ? rc : 0;
}

/* Authors from a byline element: its itemprop=name parts, else its author
 * links, else its text up to any date. */
static int byline_names(byline_ctx *m, const xmlNode *el)
{
    const xmlNode *n;
    size_t found = 0, i;
    int pass, rc;
    const char *s;

    for (pass = 0; pass < 2 && found == 0; pass++) {
        for (n = el->children; n != NULL; n = ac_xml_next(n, el, 0)) {
            const char *v;
            int take;

            if (n->type != XML_ELEMENT_NODE)
                continue;
            if (pass == 0)
                take = (v = ac_html_attr(n, "itemprop")) != NULL && strstr(v, "name") != NULL;
            else
                take = ac_html_is(n, "a") &&
                       (((v = ac_html_attr(n, "rel")) != NULL && ac_strcaseeq(v, "author")) ||
                        ((v = ac_html_attr(n, "href")) != NULL &&
                         (strstr(v, "/author") != NULL || strstr(v, "/people/") != NULL ||
                          strstr(v, "/profile") != NULL || strstr(v, "/staff/") != NULL)));
            if (!take)
                continue;
            artconv_buf_clear(&m->tmp);
            if (ac_html_text(&m->tmp, n) < 0)
                return ac_nomem(m->err);
            if (m->tmp.len == 0 || m->tmp.len > 60)
                continue;
            if ((rc = ac_news_add_authors(m->article, m->tmp.ptr, m->tmp.len, m->err)) < 0)
                return rc;
            found++;
        }
    }
    if (found > 0)
        return 0;
    if (byline_line(&m->tmp, el) < 0)
        return ac_nomem(m->err);
    s = m->tmp.ptr == NULL ? "" : m->tmp.ptr;
    /* "Tech Industry by Jane Doe", "Written by Jane Doe": the names follow
     * the first " by ". */
    for (i = 0; i + 4 <= m->tmp.len; i++) {
        if (ac_strncaseeq(s + i, " by ", 4)) {
            s += i + 4;
            break;
        }
    }
    return ac_news_add_authors(m->article, s, names_end(s, strlen(s)), m->err);
}

/* Class and id words of a byline.  Compared without case ("FeatureByline").
 * "dateline" is not one: a dateline holds a place or a date, not names. */
static const char *const byline_words[] = {"byline", "author", "writtenby", "p-author", NULL};

static int has_word_ci(const char *attr, const char *const *words)
{
    char low[256];
    size_t i;

    if (attr == NULL)
        return 0;
    for (i = 0; attr[i] != '\0' && i + 1 < sizeof low; i++)
        low[i] = (attr[i] >= 'A' && attr[i] <= 'Z') ? (char)(attr[i] + 32) : attr[i];
    low[i] = '\0';
    return has_word(low, words);
}

static int is_byline_el(const xmlNode *n)
{
    const char *rel = ac_html_attr(n, "rel"), *itemprop = ac_html_attr(n, "itemprop");

    return (rel != NULL && ac_strcaseeq(rel, "author")) ||
           (itemprop != NULL && strstr(itemprop, "author") != NULL) ||
           has_word_ci(ac_html_attr(n, "class"), byline_words) ||
           has_word_ci(ac_html_attr(n, "id"), byline_words);
}

/* How far a byline candidate is from the article: 0 inside what was
 * extracted, k when the k-th ancestor of the first extracted element holds
 * it, BYLINE_FAR elsewhere.  Inside an <aside> (an author card in a side
 * column) it ranks after every candidate in the article's own flow. */
#define BYLINE_NEAR 4
#define BYLINE_FAR  (2 * BYLINE_NEAR + 1)

static int byline_rank(const ac_html_page *page, const xmlNode *n)
{
    const xmlNode *up[BYLINE_NEAR + 1], *a;
    size_t i, k, levels = 0;
    int aside = 0;

    if (page->n_roots == 0)
        return BYLINE_FAR;
    for (a = page->roots[0]; a != NULL && levels <= BYLINE_NEAR; a = a->parent) {
        up[levels++] = a;
        if (a == page->body)
            break;
    }
    for (a = n; a != NULL && a != page->body->parent; a = a->parent) {
        if (ac_html_is(a, "aside"))
            aside = BYLINE_NEAR;
        for (i = 0; i < page->n_roots; i++)
            if (a == page->roots[i])
                return aside;
        for (k = 1; k < levels; k++)
            if (a == up[k])
                return (int)k + aside;
    }
    return BYLINE_FAR;
}

/* 1 when a byline candidate sits in page furniture that never holds the
 * article's own byline (navigation, lists of other stories, comments). */
static int in_furniture(const ac_html_page *page, const xmlNode *n)
{
    const xmlNode *a;

    for (a = n; a != NULL && a != page->body; a = a->parent) {
        if (ac_html_is(a, "nav") || ac_html_is(a, "footer"))
            return 1;
        if (a != n && (ac_html_is(a, "li") || ac_html_is(a, "aside")) &&
            byline_rank(page, a) == BYLINE_FAR)
            return 1;
    }
    return 0;
}

/* Byline candidates kept after extraction, nearest first.  A candidate
 * that names no one (a label "Author", a box left empty) gives way to the
 * next; more than this many are page furniture repeated (a list of
 * stories, each with its byline). */
#define MAX_CANDIDATES 8

typedef struct {
    xmlNode *el;
    int rank;
} candidate;

/* Keeps `n` among the MAX_CANDIDATES nearest, sorted by rank and, within
 * a rank, in document order. */
static void keep_candidate(candidate *c, size_t *n_c, xmlNode *n, int rank)
{
    size_t i = *n_c;

    if (i == MAX_CANDIDATES) {
        if (c[i - 1].rank <= rank)
            return;
        i--;
    } else {
        (*n_c)++;
    }
    for (; i > 0 && c[i - 1].rank > rank; i--)
        c[i] = c[i - 1];
    c[i].el = n;
    c[i].rank = rank;
}

int ac_html_byline(artconv_article *article, ac_html_page *page, artconv_error *err)
{
    byline_ctx m;
    const xmlNode *root = page->body;
    xmlNode *n;
    candidate cands[MAX_CANDIDATES];
    size_t n_cands = 0, i;
    int skip, rc = 0;
    size_t before = artconv_article_list_count(article, ARTCONV_LIST_AUTHORS);

    if (root == NULL)
        return 0;
    memset(&m, 0, sizeof m);
    m.article = article;
    m.page = page;
    m.err = err;
    for (n = root->children; n != NULL; n = ac_xml_next(n, root, skip)) {
        int rank;

        skip = 0;
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (ac_html_is(n, "script") || ac_html_is(n, "style") || ac_html_is(n, "head") ||
            ac_html_is(n, "svg") || ac_html_is(n, "noscript") || ac_html_is(n, "template")) {
            skip = 1;
            continue;
        }
        if (!is_byline_el(n))
            continue;
        artconv_buf_clear(&m.tmp);
        if (ac_html_text(&m.tmp, n) < 0) {
            rc = ac_nomem(err);
            goto cleanup;
        }
        if (m.tmp.len == 0 || m.tmp.len >= 100)
            continue;
        /* The outermost match is the byline; its parts are not others. */
        skip = 1;
        if (page->roots == NULL) {
            /* Before extraction: the page's first byline is set aside so
             * that it does not count as content. */
            if (!in_furniture(page, n)) {
                AC_INFO(n)->flags |= AC_HTML_BYLINE;
                goto cleanup;
            }
            continue;
        }
        rank = byline_rank(page, n);
        if (!(rank == BYLINE_FAR && in_furniture(page, n)))
            keep_candidate(cands, &n_cands, n, rank);
    }
    if (n_cands == 0)
        goto cleanup;
    AC_INFO(cands[0].el)->flags |= AC_HTML_BYLINE;
    for (i = 0; before == 0 && i < n_cands; i++) {
        if ((rc = byline_names(&m, cands[i].el)) < 0)
            goto cleanup;
        if (artconv_article_list_count(article, ARTCONV_LIST_AUTHORS) > 0) {
            AC_INFO(cands[i].el)->flags |= AC_HTML_BYLINE;
            break;
        }
    }
cleanup:
    if (rc == 0 && page->roots != NULL &&
        artconv_article_list_count(article, ARTCONV_LIST_AUTHORS) == 0 &&
        page->weak_authors != NULL)
        rc = ac_news_add_authors(article, page->weak_authors, strlen(page->weak_authors), err);
    if (rc == 0 && page->roots != NULL)
        rc = ac_html_byline_text(article, page, err);
    artconv_buf_dispose(&m.tmp);
    return rc;
}
