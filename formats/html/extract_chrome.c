/*
 * extract_chrome.c - step 1 of finding the article (see extract.c): the
 * tests on class, id, role, style and tag that mark page furniture
 * (navigation, hidden boxes, share bars, comments, sidebars...) dropped,
 * and the headings that repeat the page's title.  The class and id tests
 * serve the scores and the cleaning too.
 */
#include "extract.h"

#include <string.h>

static const char *const unlikely_words[] = {
    "-ad-",       "ai2html", "banner",     "breadcrumb",   "combx",     "comment",  "community",
    "cover-wrap", "disqus",  "extra",      "footer",       "gdpr",      "header",   "legends",
    "menu",       "related", "remark",     "replies",      "rss",       "shoutbox", "sidebar",
    "skyscraper", "social",  "sponsor",    "supplemental", "ad-break",  "agegate",  "pagination",
    "pager",      "popup",   "yom-remote", "newsletter",   "subscribe", "signup",   "cookie",
    "outbrain",   "taboola", "recirc",     "most-popular", "trending",  "postmetadata", "entry-utility", "entry-tools", "article-tools", "licence", "disclaimer", NULL};
static const char *const maybe_words[] = {"and",  "article", "body",   "column", "content",
                                          "main", "mathjax", "shadow", NULL};
static const char *const positive_words[] = {"article", "body", "content", "entry",      "hentry",
                                             "h-entry", "main", "page",    "pagination", "post",
                                             "text",    "blog", "story",   NULL};
static const char *const negative_words[] = {
    "-ad-",     "hidden", "banner",   "combx",      "comment",   "com-",       "contact",
    "footer",   "gdpr",   "masthead", "media",      "meta",      "outbrain",   "promo",
    "related",  "scroll", "share",    "shoutbox",   "sidebar",   "skyscraper", "sponsor",
    "shopping", "tags",   "widget",   "newsletter", "subscribe", NULL};
/* Roles of page furniture. */
static const char *const chrome_roles[] = {
    "menu",   "menubar", "complementary", "navigation", "alert", "alertdialog",
    "dialog", "banner",  "contentinfo",   "search",     NULL};
/* Elements that never hold article text (beyond those the builder skips). */
static const char *const chrome_tags[] = {"nav",    "aside",    "footer", "button",   "input",
                                          "select", "textarea", "dialog", "iframe",   "object",
                                          "embed",  "script",   "style",  "noscript", "template",
                                          "svg",    "canvas",   "link",   "meta",     NULL};
/* Lines sites add to every article to sell something.  Lower case. */

/* Class and id words of a comment thread, which never stands for the
 * article; on a page that names itself a forum or a question with its
 * answers, the thread is the main content and these boxes are its posts. */
static const char *const comment_words[] = {"comment", "disqus", "replies", "remark", NULL};

/* Class and id words of a cookie consent panel (and the names of the
 * common consent services), in the page's HTML on every visit and shown
 * over it until answered: never the article, whatever the rules of the
 * attempt, even when it holds more prose than the page's own text. */
static const char *const consent_words[] = {"consent", "onetrust", "didomi", "cookiebot",
                                            "cookie-banner", "cookie-notice", NULL};

/* --- attribute tests --------------------------------------------------------- */

int ac_extract_contains_any(const char *s, const char *const *words)
{
    size_t i;

    for (i = 0; words[i] != NULL; i++)
        if (strstr(s, words[i]) != NULL)
            return 1;
    return 0;
}

/* class and id, lower-cased, "class id", in `buf`. */
const char *ac_extract_match_string(const xmlNode *el, char *buf, size_t size)
{
    const char *parts[2] = {ac_html_attr(el, "class"), ac_html_attr(el, "id")};
    size_t k = 0, i, p;

    for (p = 0; p < 2; p++) {
        if (parts[p] == NULL)
            continue;
        for (i = 0; parts[p][i] != '\0' && k + 2 < size; i++) {
            char c = parts[p][i];

            buf[k++] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
        }
        /* The loop stops with room for two bytes; keep one for the NUL. */
        if (k + 1 < size)
            buf[k++] = ' ';
    }
    buf[k] = '\0';
    return buf;
}

static int lower_attr_has(const xmlNode *el, const char *name, const char *const *words)
{
    char buf[512];
    const char *v = ac_html_attr(el, name);
    size_t i;

    if (v == NULL)
        return 0;
    for (i = 0; v[i] != '\0' && i + 1 < sizeof buf; i++)
        buf[i] = v[i] >= 'A' && v[i] <= 'Z' ? (char)(v[i] + 32) : v[i];
    buf[i] = '\0';
    return ac_extract_contains_any(buf, words);
}

/* +25 for each of class and id that sounds like content, -25 for chrome. */
double ac_extract_class_weight(const extractor *x, const xmlNode *el)
{
    const char *names[2] = {"class", "id"};
    double w = 0;
    size_t i;

    if (!(x->rules & RULE_WEIGHT))
        return 0;
    for (i = 0; i < 2; i++) {
        if (lower_attr_has(el, names[i], negative_words) &&
            !(x->kind == AC_KIND_FORUM && lower_attr_has(el, names[i], comment_words)))
            w -= 25;
        if (lower_attr_has(el, names[i], positive_words))
            w += 25;
    }
    return w;
}

static int is_hidden(const xmlNode *el)
{
    const char *style = ac_html_attr(el, "style"), *aria = ac_html_attr(el, "aria-hidden");

    if (ac_html_attr(el, "hidden") != NULL)
        return 1;
    if (aria != NULL && ac_strcaseeq(aria, "true") &&
        !lower_attr_has(el, "class", (const char *const[]){"fallback-image", NULL}))
        return 1;
    if (style != NULL) {
        char buf[256];
        size_t i, k = 0;

        for (i = 0; style[i] != '\0' && k + 1 < sizeof buf; i++)
            if (!ac_is_space(style[i]))
                buf[k++] = style[i] >= 'A' && style[i] <= 'Z' ? (char)(style[i] + 32) : style[i];
        buf[k] = '\0';
        if (strstr(buf, "display:none") != NULL || strstr(buf, "visibility:hidden") != NULL)
            return 1;
    }
    return 0;
}

/* 1 for a box hidden by the `hidden` attribute alone, no style: what a
 * page streamed in parts sends ahead (React's <div hidden id="S:0">) for a
 * script to move in place.  It is shown once the page is done loading, so
 * it may hold the article (see holds_article); a box hidden by its style is
 * never shown. */
static int is_deferred(const xmlNode *el)
{
    const char *aria = ac_html_attr(el, "aria-hidden");

    return ac_html_attr(el, "hidden") != NULL && ac_html_attr(el, "style") == NULL &&
           (aria == NULL || !ac_strcaseeq(aria, "true"));
}

int ac_extract_in_words(const char *s, const char *const *list)
{
    size_t i;

    for (i = 0; list[i] != NULL; i++)
        if (ac_strcaseeq(s, list[i]))
            return 1;
    return 0;
}

int ac_extract_has_ancestor(const xmlNode *el, const char *tag, const xmlNode *stop)
{
    for (el = el->parent; el != NULL && el != stop; el = el->parent)
        if (ac_html_is(el, tag))
            return 1;
    return 0;
}

/* --- title duplicates -------------------------------------------------------- */

/* Letters and digits only, lower-cased (ASCII), for loose comparison. */
static void squash(artconv_buf *out, const char *s, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];

        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
            (void)artconv_buf_putc(out, c);
    }
}

static int repeats_title(extractor *x, const xmlNode *h)
{
    artconv_buf a = ARTCONV_BUF_INIT, b = ARTCONV_BUF_INIT;
    const char *title = x->page->title;
    int same = 0;

    if (title == NULL)
        return 0;
    artconv_buf_clear(&x->tmp);
    if (ac_html_text(&x->tmp, h) < 0 || x->tmp.len == 0 || x->tmp.len > 4 * strlen(title) + 20)
        return 0;
    squash(&a, x->tmp.ptr, x->tmp.len);
    squash(&b, title, strlen(title));
    if (a.len > 0 && b.len > 0) {
        /* Equal, or one holds the other and they are mostly the same. */
        if (a.len == b.len)
            same = memcmp(a.ptr, b.ptr, a.len) == 0;
        else if (a.len < b.len)
            same = a.len * 4 >= b.len * 3 && strstr(b.ptr, a.ptr) != NULL;
        else
            same = b.len * 4 >= a.len * 3 && strstr(a.ptr, b.ptr) != NULL;
    }
    artconv_buf_dispose(&a);
    artconv_buf_dispose(&b);
    return same;
}

/* --- 1. chrome ---------------------------------------------------------------- */


/* Tags that are not drawn at all: never the article, whatever they hold. */
static const char *const unseen_tags[] = {"script", "style", "template", "svg", "canvas", "link",
                                          "meta", "iframe", "object", "embed", NULL};

/* 1 if chrome `n` (a nav, an aside, a hidden box, a "header" class...)
 * holds the article after all: most of the page's text, in paragraphs,
 * and little of it links.  It happens when a tag the page leaves open
 * (a menu, a banner) swallows the rest of it, and when a theme names the
 * article's own box so.  Measured before any mark (see attempt). */
static int holds_article(const xmlNode *n, const xmlNode *body)
{
    const ac_html_info *i = AC_INFO(n);

    char buf[512];

    if (ac_extract_in_words((const char *)n->name, unseen_tags) ||
        ac_extract_contains_any(ac_extract_match_string(n, buf, sizeof buf), comment_words))
        return 0;
    return i->n_p >= 3 && i->text * 2 >= AC_INFO(body)->text && i->link_text * 3 < i->text;
}

/* A box whose class or id names chrome ("header", "menu") that holds the
 * article and nearly the whole page besides: a tag the page left open
 * swallowed the rest. */
#define SWALLOWED_SHARE 0.9

static int swallowed_page(const xmlNode *n, const xmlNode *body)
{
    return holds_article(n, body) &&
           (double)AC_INFO(n)->text >= SWALLOWED_SHARE * (double)AC_INFO(body)->text;
}

/* 1 if chrome `n` (a banner, a menu) holds the page's main region, a
 * <main> or role="main": it was left open or wraps the whole page, and
 * what is in it is judged box by box instead. */
static int holds_main(const xmlNode *n)
{
    const xmlNode *d;
    const char *role;

    for (d = n->children; d != NULL; d = ac_xml_next(d, n, 0)) {
        if (d->type != XML_ELEMENT_NODE)
            continue;
        role = ac_html_attr(d, "role");
        if (ac_html_is(d, "main") || (role != NULL && ac_strcaseeq(role, "main")))
            return 1;
    }
    return 0;
}

int ac_extract_mark(extractor *x)
{
    xmlNodePtr body = x->page->body, n;
    char buf[512];
    int skip;

    for (n = body->children; n != NULL; n = ac_xml_next(n, body, skip)) {
        const char *role, *ms;
        ac_html_info *info;

        skip = 0;
        if (n->type != XML_ELEMENT_NODE)
            continue;
        info = AC_INFO(n);
        if (info->flags & AC_HTML_BYLINE) {
            skip = 1;
            continue;
        }
        if (ac_extract_contains_any(ac_extract_match_string(n, buf, sizeof buf), consent_words)) {
            info->flags |= AC_HTML_DROP;
            skip = 1;
            continue;
        }
        role = ac_html_attr(n, "role");
        if (ac_extract_in_words((const char *)n->name, chrome_tags) || is_hidden(n) ||
            (role != NULL && ac_extract_in_words(role, chrome_roles))) {
            if ((is_hidden(n) && !is_deferred(n)) || (!holds_article(n, body) && !holds_main(n))) {
                info->flags |= AC_HTML_DROP;
                skip = 1;
            }
            continue;
        }
        if ((ac_html_is(n, "h1") || ac_html_is(n, "h2")) && repeats_title(x, n)) {
            info->flags |= AC_HTML_TITLE;
            skip = 1;
            continue;
        }
        if (!(x->rules & RULE_UNLIKELY) || ac_html_is(n, "a") || ac_html_is(n, "article") ||
            ac_html_is(n, "main"))
            continue;
        ms = ac_extract_match_string(n, buf, sizeof buf);
        if (*ms != '\0' && ac_extract_contains_any(ms, unlikely_words) &&
            !(x->kind == AC_KIND_FORUM && ac_extract_contains_any(ms, comment_words)) &&
            !ac_extract_contains_any(ms, maybe_words) &&
            !ac_extract_has_ancestor(n, "table", body) &&
            !ac_extract_has_ancestor(n, "code", body) && !swallowed_page(n, body)) {
            info->flags |= AC_HTML_DROP;
            skip = 1;
        }
    }
    return 0;
}
