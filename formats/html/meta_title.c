/*
 * meta_title.c - choosing a page's title: among JSON-LD, Dublin Core, Open
 * Graph, <meta name=title>, Twitter and Parse.ly candidates and <title>
 * first, then the visible headline (the page's <h1>) when it agrees with
 * that choice or stands alone, and else the chosen title with the site
 * name cut from it ("Headline | Site", "Site - Headline").
 */
#include "meta.h"

#include <string.h>

/* Internal limits of the headline search.  <h1>s looked at: a listing of
 * thousands of them costs one walk and no more comparisons. */
#define MAX_H1 32
/* Bytes of an <h1>'s text that can still be a headline (longer is a block
 * of text set as a heading), and of the metadata title it is compared
 * with. */
#define MAX_HEADLINE       400
#define MAX_COMPARED_TITLE 1000

/* Separators between a headline and a site name in <title>. */
static const char *const separators[] = {
    " | ",  " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xBB ",
    " :: ", " / ", " \xC2\xB7 ",     " \xE2\x80\xA2 ", NULL};

static const char *find_sep(const char *s, size_t len, int last, size_t *sep_len)
{
    const char *best = NULL;
    size_t i, k;

    for (k = 0; separators[k] != NULL; k++) {
        size_t n = strlen(separators[k]);

        for (i = 0; i + n <= len; i++) {
            if (memcmp(s + i, separators[k], n) != 0)
                continue;
            if (best == NULL || (last ? s + i > best : s + i < best)) {
                best = s + i;
                *sep_len = n;
            }
            if (!last)
                break;
        }
    }
    return best;
}

/* Case- and space-insensitive comparison of ASCII letters and digits, for
 * matching a site name against a title's suffix. */
static int name_char(int c)
{
    return c >= 0x80 || ((c | 32) >= 'a' && (c | 32) <= 'z') || (c >= '0' && c <= '9');
}

static int same_name(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t i = 0, j = 0;

    for (;;) {
        while (i < alen && !name_char((unsigned char)a[i]))
            i++;
        while (j < blen && !name_char((unsigned char)b[j]))
            j++;
        if (i == alen || j == blen)
            return (i == alen && j == blen) || (i == alen && j > 0 && b[j - 1] == ' ');
        if ((a[i] | 32) != (b[j] | 32))
            return 0;
        i++;
        j++;
    }
}

/* Words a site's name has at most. */
#define MAX_NAME_WORDS 3

/* What strip_site may cut: the known site name only, that or a short last
 * part, that or any last part. */
enum { CUT_SITE, CUT_SHORT, CUT_LAST };

/* Cuts the site name from a title: "Headline | Site", "Site - Headline".
 * `site` (may be NULL) is the known site name.  Works on m->tmp. */
static void strip_site(meta_ctx *m, const char *site, int how)
{
    const char *s = m->tmp.ptr, *sep;
    size_t len = m->tmp.len, sl = 0, words = ac_meta_count_words(s, len);

    if (len == 0)
        return;
    /* A known site name at either end goes. */
    if (site != NULL && *site != '\0') {
        size_t site_len = strlen(site);

        if ((sep = find_sep(s, len, 1, &sl)) != NULL &&
            same_name(sep + sl, (size_t)(s + len - sep - sl), site, site_len)) {
            m->tmp.len = (size_t)(sep - s);
            m->tmp.ptr[m->tmp.len] = '\0';
            return;
        }
        if ((sep = find_sep(s, len, 0, &sl)) != NULL &&
            same_name(s, (size_t)(sep - s), site, site_len)) {
            memmove(m->tmp.ptr, sep + sl, (size_t)(s + len - sep - sl));
            m->tmp.len = (size_t)(s + len - sep - sl);
            m->tmp.ptr[m->tmp.len] = '\0';
            return;
        }
    }
    if (how == CUT_SITE)
        return;
    /* Otherwise <title>'s last part goes when what is left still reads as
     * a headline (more than four words); so does a metadata title's when
     * it is short enough to be a name (" | Rust Blog", " - Slashdot"). */
    if ((sep = find_sep(s, len, 1, &sl)) != NULL) {
        size_t head = (size_t)(sep - s);

        if (ac_meta_count_words(s, head) > 4 &&
            (how == CUT_LAST || ac_meta_count_words(sep + sl, len - head - sl) <= MAX_NAME_WORDS)) {
            m->tmp.len = head;
            m->tmp.ptr[head] = '\0';
        }
    }
    (void)words;
}

static int squashed_in(const char *needle, const char *hay)
{
    artconv_buf a = ARTCONV_BUF_INIT, b = ARTCONV_BUF_INIT;
    const char *p;
    int found = 0;

    for (p = needle; *p != '\0'; p++)
        if (name_char((unsigned char)*p))
            (void)artconv_buf_putc(&a, (*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
    for (p = hay; *p != '\0'; p++)
        if (name_char((unsigned char)*p))
            (void)artconv_buf_putc(&b, (*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
    /* Contained, and most of it: a site name alone is not the title. */
    found = a.len > 0 && b.ptr != NULL && a.len * 2 >= b.len && strstr(b.ptr, a.ptr) != NULL;
    artconv_buf_dispose(&a);
    artconv_buf_dispose(&b);
    return found;
}

/* 1 if JSON-LD's "name" rather than its "headline" is the title. */
static int prefer_name(meta_ctx *m, const char *headline, const char *name)
{
    int rc = 0;

    if (strcmp(headline, name) == 0)
        return 0;
    artconv_buf_clear(&m->tmp);
    if (ac_html_text(&m->tmp, m->title_el) < 0)
        return ac_nomem(m->err);
    if (m->tmp.len > 0)
        rc = squashed_in(name, m->tmp.ptr) && !squashed_in(headline, m->tmp.ptr);
    artconv_buf_clear(&m->tmp);
    return rc;
}

/* 1 if s[0..len), letters and digits only and case aside, is in the host
 * name of the page's address (canonical or og:url): "Accruent" and
 * "www.accruent.com", "Bold.org" and "bold.org". */
static int in_host(const meta_ctx *m, const char *s, size_t len, int or_label)
{
    const char *url = m->canonical != NULL ? m->canonical : m->slots[S_URL_OG], *host, *end;
    char hs[256], ss[256];
    size_t hn = 0, sn = 0, i;

    if (url == NULL || (host = strstr(url, "://")) == NULL)
        return 0;
    host += 3;
    for (end = host; *end != '\0' && *end != '/' && *end != ':' && *end != '?'; end++)
        if (name_char((unsigned char)*end) && hn + 1 < sizeof hs)
            hs[hn++] = (char)((*end >= 'A' && *end <= 'Z') ? *end + 32 : *end);
    hs[hn] = '\0';
    for (i = 0; i < len && sn + 1 < sizeof ss; i++)
        if (name_char((unsigned char)s[i]))
            ss[sn++] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
    ss[sn] = '\0';
    if (sn >= 3 && strstr(hs, ss) != NULL)
        return 1;
    if (!or_label)
        return 0;
    /* Or the host's own name is in it: "TheFocus.AI Labs" on thefocus.ai. */
    {
        const char *dot = NULL, *prev = NULL, *p;
        char label[128];
        size_t ln = 0;

        for (p = host; p < end; p++)
            if (*p == '.') {
                prev = dot;
                dot = p;
            }
        if (dot == NULL)
            return 0;
        for (p = prev != NULL ? prev + 1 : host; p < dot && ln + 1 < sizeof label; p++)
            if (name_char((unsigned char)*p))
                label[ln++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
        label[ln] = '\0';
        return ln >= 4 && strstr(ss, label) != NULL;
    }
}

/* Cuts what follows the first " | " of m->tmp when it is the site, named
 * as its host name is ("Headline | Accruent" on accruent.com) and what
 * stands before reads as a headline (two words or more); a site that
 * signs as its own author is still the site. */
static void cut_bar(meta_ctx *m)
{
    const char *bar, *last;
    size_t head;

    if (m->tmp.len == 0 || (bar = strstr(m->tmp.ptr, " | ")) == NULL)
        return;
    head = (size_t)(bar - m->tmp.ptr);
    /* The site is the last part: "Headline | Section | Site". */
    for (last = bar; strstr(last + 3, " | ") != NULL; last = strstr(last + 3, " | "))
        ;
    if (ac_meta_count_words(m->tmp.ptr, head) < 2 ||
        !in_host(m, last + 3, m->tmp.len - (size_t)(last + 3 - m->tmp.ptr), 1))
        return;
    m->tmp.len = head;
    m->tmp.ptr[head] = '\0';
}

/* --- the visible headline ------------------------------------------------- */

/* Elements whose <h1>s are not the page's headline: code, templates, and
 * the page furniture around the article. */
static const char *const passed_over[] = {"head",   "script", "style",  "template", "noscript",
                                          "nav",    "footer", "aside",  "svg",      "select",
                                          "dialog", "button", "iframe", NULL};

static int has_lower(const char *s, const char *part);

/* Classes that keep text for screen readers only, off the screen. */
static const char *const off_screen[] = {"sr-only", "visually-hidden", "visuallyhidden",
                                         "screen-reader-text", NULL};

static int hidden(const xmlNode *n)
{
    const char *style = ac_html_attr(n, "style"), *aria = ac_html_attr(n, "aria-hidden");
    const char *cls = ac_html_attr(n, "class");
    char buf[256];
    size_t i, k = 0;

    if (aria != NULL && ac_strcaseeq(aria, "true"))
        return 1;
    /* A box with `hidden` alone at the top of <body> is what a page
     * streamed in parts sends ahead for a script to move in place
     * (<div hidden id="S:0">): it is shown once the page has loaded. */
    if (ac_html_attr(n, "hidden") != NULL &&
        (style != NULL || n->parent == NULL || !ac_html_is(n->parent, "body")))
        return 1;
    for (i = 0; cls != NULL && off_screen[i] != NULL; i++)
        if (has_lower(cls, off_screen[i]))
            return 1;
    if (style == NULL)
        return 0;
    for (i = 0; style[i] != '\0' && k + 1 < sizeof buf; i++)
        if (!ac_is_space(style[i]))
            buf[k++] = style[i] >= 'A' && style[i] <= 'Z' ? (char)(style[i] + 32) : style[i];
    buf[k] = '\0';
    return strstr(buf, "display:none") != NULL || strstr(buf, "visibility:hidden") != NULL;
}

/* 1 if s[0..len) starts with a curly quote (U+2018, U+2019, U+201C,
 * U+201D), which a headline and its metadata copy often write
 * differently ("We’ve", "We've"). */
static int curly_quote(const char *s, size_t len)
{
    return len >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
           ((unsigned char)s[2] == 0x98 || (unsigned char)s[2] == 0x99 ||
            (unsigned char)s[2] == 0x9C || (unsigned char)s[2] == 0x9D);
}

/* Appends the letters and digits of s[0..len), ASCII lower-cased (UTF-8
 * bytes count as letters, curly quotes do not), so that a headline and its
 * copy compare equal through case, spacing and punctuation.  When `cuts`
 * is not NULL, the squashed offsets where a separator (see find_sep)
 * stands go into it, at most MAX_CUTS of them.  Returns 0 or
 * ARTCONV_ENOMEM. */
#define MAX_CUTS 16

static int squash(artconv_buf *out, const char *s, size_t len, size_t *cuts, size_t *n_cuts)
{
    size_t i = 0, k, start = out->len;

    while (i < len) {
        unsigned char c = (unsigned char)s[i];

        if (cuts != NULL && c == ' ' && *n_cuts < MAX_CUTS) {
            for (k = 0; separators[k] != NULL; k++)
                if (strncmp(s + i, separators[k], strlen(separators[k])) == 0) {
                    cuts[(*n_cuts)++] = out->len - start;
                    break;
                }
        }
        if (curly_quote(s + i, len - i)) {
            i += 3;
            continue;
        }
        if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) { /* no-break space */
            i += 2;
            continue;
        }
        if (name_char(c) && artconv_buf_putc(out, c >= 'A' && c <= 'Z' ? c + 32 : c) < 0)
            return ARTCONV_ENOMEM;
        i++;
    }
    return 0;
}

/* 1 if t[from..to), split at the cuts between, has a part that is one
 * of the authors the page declares: "Headline | Author" is a title the
 * site wrote so on purpose, and the author is no site name to cut. */
static int names_author(meta_ctx *m, const artconv_buf *t, const size_t *cuts, size_t n_cuts,
                        size_t from, size_t to)
{
    const char *authors[7];
    artconv_buf sa = ARTCONV_BUF_INIT;
    size_t i, k, n = 0, start = from, end;
    int found = 0;

    if (m->art != NULL)
        authors[n++] = ac_meta_ld_string(json_object_get(m->art, "author"), "name");
    authors[n++] = m->slots[S_AUTHOR_META];
    authors[n++] = m->slots[S_AUTHOR_DC];
    authors[n++] = m->slots[S_AUTHOR_PARSELY];
    authors[n++] = m->slots[S_AUTHOR_SAILTHRU];
    authors[n++] = m->rel_author;
    for (i = 0; i < n && !found; i++) {
        if (authors[i] == NULL)
            continue;
        artconv_buf_clear(&sa);
        if (squash(&sa, authors[i], strlen(authors[i]), NULL, NULL) < 0 || sa.len == 0)
            continue;
        for (start = from, k = 0; k <= n_cuts && !found; k++) {
            if (k < n_cuts && (cuts[k] <= start || cuts[k] >= to))
                continue;
            end = k < n_cuts ? cuts[k] : to;
            found = end - start == sa.len && memcmp(t->ptr + start, sa.ptr, sa.len) == 0;
            start = end;
        }
    }
    artconv_buf_dispose(&sa);
    return found;
}

/* 1 if the h1's text h is the title t but for its quotes (straight or
 * curly) and no-break spaces, which then keeps the metadata's wording. */
static int same_but_quotes(const char *h, size_t hlen, const char *t, size_t tlen)
{
    size_t i = 0, j = 0;

    for (;;) {
        while (i < hlen && (h[i] == '\'' || h[i] == '"' || curly_quote(h + i, hlen - i)))
            i += h[i] == '\'' || h[i] == '"' ? 1 : 3;
        while (j < tlen && (t[j] == '\'' || t[j] == '"' || curly_quote(t + j, tlen - j)))
            j += t[j] == '\'' || t[j] == '"' ? 1 : 3;
        if (i == hlen || j == tlen)
            return i == hlen && j == tlen;
        /* A no-break space is a space. */
        if (i + 1 < hlen && (unsigned char)h[i] == 0xC2 && (unsigned char)h[i + 1] == 0xA0 &&
            t[j] == ' ') {
            i += 2;
            j++;
            continue;
        }
        if (h[i++] != t[j++])
            return 0;
    }
}

/* 1 if the squashed heading h is the squashed title t, or the part of it
 * before or after one of its separators, when that part reads as a
 * headline (`words` of h at least `min_words`) and what is cut names no
 * author. */
static int is_title_part(meta_ctx *m, const artconv_buf *h, size_t words, size_t min_words,
                         const artconv_buf *t, const size_t *cuts, size_t n_cuts)
{
    size_t k;

    if (h->len == 0 || h->len > t->len)
        return 0;
    if (h->len == t->len)
        return memcmp(h->ptr, t->ptr, h->len) == 0;
    if (words < min_words)
        return 0;
    for (k = 0; k < n_cuts; k++) {
        if (cuts[k] == h->len && memcmp(t->ptr, h->ptr, h->len) == 0)
            return !names_author(m, t, cuts, n_cuts, h->len, t->len);
        if (t->len - cuts[k] == h->len && memcmp(t->ptr + cuts[k], h->ptr, h->len) == 0)
            return !names_author(m, t, cuts, n_cuts, 0, cuts[k]);
    }
    return 0;
}

/* The text of the heading n into `out`, as ac_html_text gives it but for
 * the <time>s in it: a date printed inside an <h1> ("Dec 18 2025
 * Preparing a transition") is the post's stamp, not its headline.
 * Returns 0 or ARTCONV_ENOMEM. */
static int headline_text(artconv_buf *out, const xmlNode *node)
{
    return ac_html_text_without(out, node, "time");
}

/* 1 if the only link of the heading n goes to the site's front page ("/",
 * "https://host/"): the site's name set as a heading on every page. */
static int links_home(const xmlNode *node)
{
    const xmlNode *n;
    const char *href = NULL, *p;
    int links = 0;

    for (n = node->children; n != NULL; n = ac_xml_next(n, node, 0))
        if (n->type == XML_ELEMENT_NODE && ac_html_is(n, "a") && links++ == 0)
            href = ac_html_attr(n, "href");
    if (links != 1 || href == NULL)
        return 0;
    if ((p = strstr(href, "://")) != NULL) {
        p = strchr(p + 3, '/');
        return p == NULL || strcmp(p, "/") == 0;
    }
    return strcmp(href, "/") == 0;
}

/* --- a headline in other words --------------------------------------- */

/* 1 if s holds `part` (lower case), ASCII case aside. */
static int has_lower(const char *s, const char *part)
{
    size_t i, k, n = strlen(part);

    for (i = 0; s[i] != '\0'; i++) {
        for (k = 0; k < n && s[i + k] != '\0' && (s[i + k] | 32) == part[k]; k++)
            ;
        if (k == n)
            return 1;
    }
    return 0;
}

/* 1 if the class or id of n or of its two closest ancestors names the
 * site's own mark ("site-title", "logo", "brand"): the <h1> a theme gives
 * the site name on every page. */
static int site_mark(const xmlNode *n)
{
    static const char *const marks[] = {"logo",     "site-title", "site-name", "site_title",
                                        "sitename", "brand",      "masthead",  NULL};
    size_t i, k, up;

    for (up = 0; n != NULL && n->type == XML_ELEMENT_NODE && up < 3; up++, n = n->parent) {
        const char *attrs[2];

        attrs[0] = ac_html_attr(n, "class");
        attrs[1] = ac_html_attr(n, "id");
        for (i = 0; i < 2; i++)
            for (k = 0; attrs[i] != NULL && marks[k] != NULL; k++)
                if (has_lower(attrs[i], marks[k]))
                    return 1;
    }
    return 0;
}

/* 1 if s[0..len) is the site's name: og:site_name or the publisher, or
 * the host name of the page's address. */
static int site_name(const meta_ctx *m, const char *site, const char *s, size_t len)
{
    return (site != NULL && *site != '\0' && same_name(s, len, site, strlen(site))) ||
           in_host(m, s, len, 1);
}

/* 1 if the metadata title s is the site's name and nothing else:
 * og:site_name or the publisher, or in the host name ("Robomow" on
 * robomow.com). */
static int only_site_name(const meta_ctx *m, const char *site, const char *s)
{
    size_t len = strlen(s);

    return (site != NULL && *site != '\0' && same_name(s, len, site, strlen(site))) ||
           in_host(m, s, len, 0);
}

/* Elements and text looked at after an <h1> for the article under it. */
#define MAX_AFTER_H1    300
#define ARTICLE_FOLLOWS 200

/* 1 if paragraph text follows the <h1> n before any other <h1>: an
 * article's headline stands right before its text, a site's mark or a
 * listing's heading before links and teasers.  Walks at most MAX_AFTER_H1
 * elements.  Returns ARTCONV_ENOMEM when out of memory. */
static int article_follows(meta_ctx *m, const xmlNode *n)
{
    const xmlNode *root = m->page->body != NULL ? m->page->body : m->page->html, *p;
    artconv_buf t = ARTCONV_BUF_INIT;
    size_t seen = 0, text = 0;
    int skip = 1, rc = 0;

    for (p = ac_xml_next(n, root, 1); p != NULL && seen < MAX_AFTER_H1;
         p = ac_xml_next(p, root, skip)) {
        skip = 0;
        if (p->type != XML_ELEMENT_NODE)
            continue;
        seen++;
        if (ac_html_in_list((const char *)p->name, passed_over) || hidden(p)) {
            skip = 1;
            continue;
        }
        if (ac_html_is(p, "h1"))
            break;
        if (!ac_html_is(p, "p"))
            continue;
        skip = 1;
        artconv_buf_clear(&t);
        if ((rc = ac_html_text(&t, p)) < 0)
            break;
        text += t.len;
        if (text >= ARTICLE_FOLLOWS) {
            rc = 1;
            break;
        }
    }
    artconv_buf_dispose(&t);
    return rc;
}

/* How well the heading h says in other words what the metadata title t
 * says, in hundredths (0 when not at all): the share of the longer words
 * of either that the other has, when one of them has a third.  A site
 * writes a title for search engines and a headline for readers; the two
 * share their subject. */
static size_t same_subject(const char *h, size_t hlen, const char *t, size_t tlen)
{
    size_t of_h, of_t, in_t = ac_meta_shared_words(h, hlen, t, tlen, &of_h),
                       in_h = ac_meta_shared_words(t, tlen, h, hlen, &of_t);

    /* One word of a long title ("Discord") is a name in the page, not
     * its headline. */
    if (in_t < 2 || of_h * 3 < of_t || (in_t * 3 < of_h && in_h * 3 < of_t))
        return 0;
    return in_t * 100 / of_h + in_h * 100 / of_t;
}

/* --- the visible headline ------------------------------------------------- */

/* The page's visible headline into `out` (left empty when there is none):
 * the first <h1> that says what the metadata title says, or what one part
 * of it says ("Headline" of "Headline | Site"), give or take case, spacing
 * and punctuation; the page shows it, so its wording is the title's.
 * Failing that, when `reworded`, the <h1> that says the most of what the
 * title says in other words, provided it is no site name or site mark
 * and the article's text follows it.  <h1>s in page furniture, code or
 * hidden boxes do not count.  Returns 0 or ARTCONV_ENOMEM. */
static int find_headline(meta_ctx *m, const char *title, size_t title_len, const char *site,
                         int reworded, artconv_buf *out, int *matched)
{
    const xmlNode *root = m->page->body != NULL ? m->page->body : m->page->html, *n;
    artconv_buf h = ARTCONV_BUF_INIT, sh = ARTCONV_BUF_INIT, st = ARTCONV_BUF_INIT;
    artconv_buf other = ARTCONV_BUF_INIT;
    size_t seen = 0, cuts[MAX_CUTS], n_cuts = 0, best = 0, score;
    int skip, rc = 0, found = 0, brand;

    if (root == NULL || title_len == 0)
        return 0;
    if (title_len > MAX_COMPARED_TITLE)
        title_len = MAX_COMPARED_TITLE;
    if ((rc = squash(&st, title, title_len, cuts, &n_cuts)) < 0 || st.len == 0)
        goto done;
    for (n = root->children; n != NULL && seen < MAX_H1; n = ac_xml_next(n, root, skip)) {
        skip = 0;
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (ac_html_in_list((const char *)n->name, passed_over) || hidden(n)) {
            skip = 1;
            continue;
        }
        if (!ac_html_is(n, "h1"))
            continue;
        skip = 1;
        seen++;
        artconv_buf_clear(&h);
        artconv_buf_clear(&sh);
        if ((rc = headline_text(&h, n)) < 0)
            break;
        /* A permalink mark after the heading ("Title¶") is no part of it. */
        while (h.len >= 2 && (unsigned char)h.ptr[h.len - 2] == 0xC2 &&
               (unsigned char)h.ptr[h.len - 1] == 0xB6) {
            h.len -= 2;
            while (h.len > 0 && ac_is_space(h.ptr[h.len - 1]))
                h.len--;
            h.ptr[h.len] = '\0';
        }
        if (h.len == 0 || h.len > MAX_HEADLINE)
            continue;
        if ((rc = squash(&sh, h.ptr, h.len, NULL, NULL)) < 0)
            break;
        /* A short part ("What is Mesh WiFi?" of "What is Mesh WiFi? | Whole
         * Home Mesh WiFi") is the headline too, unless the <h1> is the
         * site's mark or name ("Mozilla" of "Mozilla - Wikipedia"). */
        brand = site_mark(n) || links_home(n) || site_name(m, site, h.ptr, h.len);
        if (is_title_part(m, &sh, ac_meta_count_words(h.ptr, h.len), brand ? 5 : 2, &st, cuts,
                          n_cuts)) {
            if (!same_but_quotes(h.ptr, h.len, title, title_len))
                rc = artconv_buf_put(out, h.ptr, h.len);
            found = 1;
            *matched = 1;
            break;
        }
        if (!reworded || brand || names_author(m, &sh, NULL, 0, 0, sh.len))
            continue;
        if ((score = same_subject(h.ptr, h.len, title, title_len)) <= best)
            continue;
        if ((rc = article_follows(m, n)) <= 0) {
            if (rc < 0)
                break;
            continue;
        }
        artconv_buf_clear(&other);
        if ((rc = artconv_buf_put(&other, h.ptr, h.len)) < 0)
            break;
        best = score;
    }
    if (rc == 0 && !found && other.len > 0)
        rc = artconv_buf_put(out, other.ptr, other.len);
done:
    artconv_buf_dispose(&other);
    artconv_buf_dispose(&h);
    artconv_buf_dispose(&sh);
    artconv_buf_dispose(&st);
    return rc < 0 ? ac_nomem(m->err) : 0;
}

/* The <h1> that is, give or take case and punctuation, one of the titles
 * cands[0..n) (and <title> when `with_tag`) into `out`, its text or the
 * title's when they differ only in quotes.  Sets *matched.  Returns 0 or
 * ARTCONV_ENOMEM. */
static int other_title_headline(meta_ctx *m, const char *const *cands, size_t n, int with_tag,
                                const char *site, artconv_buf *out, int *matched)
{
    artconv_buf raw = ARTCONV_BUF_INIT, dec = ARTCONV_BUF_INIT;
    size_t i;
    int rc = 0;

    for (i = 0; i < n + (with_tag != 0) && !*matched && rc == 0; i++) {
        artconv_buf_clear(&raw);
        artconv_buf_clear(&dec);
        if (i < n && cands[i] == NULL)
            continue;
        if (i < n)
            rc = ac_text_put_collapsed(&raw, cands[i], strlen(cands[i]));
        else if (m->title_el != NULL)
            rc = ac_html_text(&raw, m->title_el);
        if (rc < 0 || raw.len == 0 || (rc = ac_meta_decode_refs(&dec, raw.ptr, raw.len)) < 0 ||
            dec.len == 0)
            continue;
        if ((rc = find_headline(m, dec.ptr, dec.len, site, 0, out, matched)) == 0 && *matched &&
            out->len == 0)
            rc = artconv_buf_put(out, dec.ptr, dec.len);
    }
    artconv_buf_dispose(&raw);
    artconv_buf_dispose(&dec);
    return rc < 0 ? ac_nomem(m->err) : 0;
}

int ac_meta_set_title(meta_ctx *m)
{
    const char *site = m->slots[S_SITE_OG];
    const char *cands[8];
    artconv_buf head = ARTCONV_BUF_INIT;
    size_t i, n = 0, n_ld = 0, first = 0;
    int from_tag = 0, rc = 0, reworded, matched = 0;

    if (m->art != NULL) {
        const char *headline = ac_meta_ld_string(json_object_get(m->art, "headline"), "name");
        const char *name = ac_meta_ld_string(json_object_get(m->art, "name"), "name");

        /* Some sites put a description in "headline" and the title in
         * "name": take the one <title> repeats. */
        if (headline != NULL && name != NULL && m->title_el != NULL &&
            (rc = prefer_name(m, headline, name)) != 0) {
            if (rc < 0)
                return rc;
            cands[n++] = name;
        }
        cands[n++] = headline;
        cands[n++] = name;
        if (site == NULL)
            site = ac_meta_ld_string(json_object_get(m->art, "publisher"), "name");
        n_ld = n;
    }
    cands[n++] = m->slots[S_TITLE_DC];
    cands[n++] = m->slots[S_TITLE_OG];
    cands[n++] = m->slots[S_TITLE_META];
    cands[n++] = m->slots[S_TITLE_TW];
    cands[n++] = m->slots[S_TITLE_PARSELY];
    artconv_buf_clear(&m->tmp);
    /* A title that is only the site's name ("Robomow" on robomow.com)
     * names no article. */
    for (i = 0; i < n && m->tmp.len == 0; i++)
        if (cands[i] != NULL && !only_site_name(m, site, cands[i])) {
            if (ac_text_put_collapsed(&m->tmp, cands[i], strlen(cands[i])) < 0)
                return ac_nomem(m->err);
            first = i;
        }
    if (m->tmp.len == 0 && m->title_el != NULL) {
        if (ac_html_text(&m->tmp, m->title_el) < 0)
            return ac_nomem(m->err);
        from_tag = 1;
        first = n;
    }
    /* A <title> that names no site is the document's own title, as its
     * author wrote it; a metadata title or a <title> with a site part is
     * written for search engines and sharing, the <h1> for readers. */
    reworded = !from_tag || find_sep(m->tmp.ptr, m->tmp.len, 1, &i) != NULL;
    if ((rc = ac_meta_decode_tmp(m)) < 0 ||
        (rc = find_headline(m, m->tmp.ptr, m->tmp.len, site, 0, &head, &matched)) < 0)
        goto done;
    /* No <h1> is JSON-LD's headline or a part of it: one that is one of
     * the page's other titles comes next (JSON-LD's "Review With Photos"
     * for search engines, og:title and the <h1> "I Tried ..." for
     * readers), then one in other words. */
    if (!matched && first < n_ld &&
        (rc = other_title_headline(m, cands + n_ld, n - n_ld, 1, site, &head, &matched)) < 0)
        goto done;
    if (!matched && reworded &&
        (rc = find_headline(m, m->tmp.ptr, m->tmp.len, site, 1, &head, &matched)) < 0)
        goto done;
    if (head.len > 0) {
        artconv_buf_clear(&m->tmp);
        if (artconv_buf_put(&m->tmp, head.ptr, head.len) < 0) {
            rc = ac_nomem(m->err);
            goto done;
        }
    } else
        /* An <h1> that is the whole title says that its parts are the
         * headline's, but a known site name still goes. */
        strip_site(m, site, matched ? CUT_SITE : from_tag ? CUT_LAST : CUT_SHORT);
    cut_bar(m);
    if (m->tmp.len == 0)
        goto done;
    if ((rc = ac_article_set_n(m->article, ARTCONV_META_TITLE, m->tmp.ptr, m->tmp.len, m->err)) < 0)
        goto done;
    if ((m->page->title = ac_strndup(m->tmp.ptr, m->tmp.len)) == NULL)
        rc = ac_nomem(m->err);
done:
    artconv_buf_dispose(&head);
    return rc;
}
