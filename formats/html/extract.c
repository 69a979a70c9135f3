/*
 * html_extract.c - finding the article in a web page.
 *
 * 1. Mark chrome: hidden elements, navigation and other roles, forms
 *    controls, scripts, and elements whose class or id says they are not
 *    content (comments, sidebars, share bars, related stories...).
 * 2. Measure every element bottom-up in one walk: text length, link text,
 *    commas, and counts of paragraphs, images, list items and inputs.
 * 3. Score paragraph-like elements (text length, commas) and credit their
 *    ancestors, weighted by tag and class/id hints; damp by link density.
 * 4. Take the best candidate, let a better-scoring parent or a parent
 *    shared by several good candidates take over, and add siblings that
 *    score well or read like prose.
 * 5. Inside that, drop lists, tables and boxes that look like chrome
 *    (mostly links, more images than text, inputs) and promotional lines.
 * When the result is short, it is tried again with fewer rules: a page whose
 * article sits in a box named "comment-body" must still be read.
 *
 * Every pass is a flat walk; the measures are computed once, so the whole
 * extraction is linear in the size of the page.
 */
#include "html.h"

#include <stdlib.h>
#include <string.h>

/* An extraction shorter than this (characters) is retried with fewer rules. */
#define MIN_ARTICLE_TEXT 500
/* Paragraph-like elements shorter than this do not count. */
#define MIN_UNIT_TEXT 25
/* Ancestors a paragraph's score is passed to. */
#define SCORE_LEVELS 5
/* Share bars longer than this are content that happens to say "share". */
#define SHARE_MAX_TEXT 500

enum { RULE_UNLIKELY = 1, RULE_WEIGHT = 2, RULE_CLEAN = 4 };

static const char *const unlikely_words[] = {
    "-ad-",       "ai2html", "banner",     "breadcrumb",   "combx",     "comment",  "community",
    "cover-wrap", "disqus",  "extra",      "footer",       "gdpr",      "header",   "legends",
    "menu",       "related", "remark",     "replies",      "rss",       "shoutbox", "sidebar",
    "skyscraper", "social",  "sponsor",    "supplemental", "ad-break",  "agegate",  "pagination",
    "pager",      "popup",   "yom-remote", "newsletter",   "subscribe", "signup",   "cookie",
    "outbrain",   "taboola", "recirc",     "most-popular", "trending",  NULL};
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
static const char *const share_words[] = {"share", "sharing", "social", "follow-us", NULL};
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
static const char *const promo_phrases[] = {"join our channel",
                                            "follow us on",
                                            "is now on telegram",
                                            "is now on whatsapp",
                                            "click here to join",
                                            "powered by",
                                            "sign up for our newsletter",
                                            "subscribe to our newsletter",
                                            "sign up for the",
                                            "download our app",
                                            "download the app",
                                            "get the app",
                                            "all rights reserved",
                                            "read more:",
                                            "also read:",
                                            "recommended for you",
                                            NULL};

typedef struct {
    ac_html_page *page;
    artconv_error *err;
    unsigned rules;
    xmlNodePtr *cands;
    size_t n_cands, cap_cands;
    artconv_buf tmp;
} extractor;

/* --- attribute tests --------------------------------------------------------- */

static int contains_any(const char *s, const char *const *words)
{
    size_t i;

    for (i = 0; words[i] != NULL; i++)
        if (strstr(s, words[i]) != NULL)
            return 1;
    return 0;
}

/* class and id, lower-cased, "class id", in `buf`. */
static const char *match_string(const xmlNode *el, char *buf, size_t size)
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
    return contains_any(buf, words);
}

/* +25 for each of class and id that sounds like content, -25 for chrome. */
static double class_weight(const extractor *x, const xmlNode *el)
{
    const char *names[2] = {"class", "id"};
    double w = 0;
    size_t i;

    if (!(x->rules & RULE_WEIGHT))
        return 0;
    for (i = 0; i < 2; i++) {
        if (lower_attr_has(el, names[i], negative_words))
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

static int in_words(const char *s, const char *const *list)
{
    size_t i;

    for (i = 0; list[i] != NULL; i++)
        if (ac_strcaseeq(s, list[i]))
            return 1;
    return 0;
}

static int has_ancestor(const xmlNode *el, const char *tag, const xmlNode *stop)
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

static int mark(extractor *x)
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
        role = ac_html_attr(n, "role");
        if (in_words((const char *)n->name, chrome_tags) || is_hidden(n) ||
            (role != NULL && in_words(role, chrome_roles))) {
            info->flags |= AC_HTML_DROP;
            skip = 1;
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
        ms = match_string(n, buf, sizeof buf);
        if (*ms != '\0' && contains_any(ms, unlikely_words) && !contains_any(ms, maybe_words) &&
            !has_ancestor(n, "table", body) && !has_ancestor(n, "code", body)) {
            info->flags |= AC_HTML_DROP;
            skip = 1;
        }
    }
    return 0;
}

/* --- 2. measures --------------------------------------------------------------- */

static int dropped(const xmlNode *el)
{
    return (AC_INFO(el)->flags & (AC_HTML_DROP | AC_HTML_BYLINE | AC_HTML_TITLE)) != 0;
}

static size_t count_chars(const char *s, size_t *commas)
{
    size_t n = 0;
    int space = 0;

    for (; *s != '\0'; s++) {
        unsigned char c = (unsigned char)*s;

        /* Most bytes are printable ASCII other than a comma. */
        if (c > ' ' && c < 0x80 && c != ',') {
            space = 0;
            n++;
            continue;
        }
        if ((c & 0xC0) == 0x80)
            continue; /* a UTF-8 continuation byte */
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
            if (!space)
                n++;
            space = 1;
            continue;
        }
        space = 0;
        n++;
        if (c == ',')
            (*commas)++;
        else if (c == 0xEF && (unsigned char)s[1] == 0xBC && (unsigned char)s[2] == 0x8C)
            (*commas)++; /* U+FF0C, the full-width comma of CJK text */
        else if (c == 0xD8 && (unsigned char)s[1] == 0x8C)
            (*commas)++; /* U+060C, the Arabic comma */
        else if (c == 0xE3 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x81)
            (*commas)++; /* U+3001, the ideographic comma */
    }
    return n;
}

static int is_heading(const xmlNode *el)
{
    const char *s = (const char *)el->name;

    return s[0] == 'h' && s[1] >= '1' && s[1] <= '6' && s[2] == '\0';
}

static void add_up(const xmlNode *el)
{
    ac_html_info *i = AC_INFO(el), *p;
    const char *href;

    if (ac_html_is(el, "a")) {
        href = ac_html_attr(el, "href");
        /* In-page links (footnotes, tables of contents) count less. */
        i->link_text = href != NULL && href[0] == '#' ? i->text * 3 / 10 : i->text;
    }
    if (is_heading(el))
        i->heading_text = i->text;
    i->n_p += ac_html_is(el, "p");
    i->n_img += ac_html_is(el, "img");
    i->n_li += ac_html_is(el, "li");
    i->n_input += ac_html_is(el, "input");
    i->n_embed += ac_html_is(el, "iframe") || ac_html_is(el, "embed") || ac_html_is(el, "object") ||
                  ac_html_is(el, "video");
    if (el->parent == NULL || el->parent->type != XML_ELEMENT_NODE)
        return;
    p = AC_INFO(el->parent);
    p->text += i->text;
    p->link_text += i->link_text;
    p->commas += i->commas;
    p->heading_text += i->heading_text;
    p->n_p += i->n_p;
    p->n_img += i->n_img;
    p->n_li += i->n_li;
    p->n_input += i->n_input;
    p->n_embed += i->n_embed;
    if (!ac_html_is_block(el)) {
        p->direct_text += i->text;
        p->direct_commas += i->commas;
    }
}

static void reset(ac_html_page *page)
{
    size_t i;

    for (i = 0; i < page->n_info; i++) {
        unsigned keep = page->info[i].flags & AC_HTML_BYLINE;

        memset(&page->info[i], 0, sizeof page->info[i]);
        page->info[i].flags = keep;
    }
}

/* Fills the measures of every element below `root` that is not dropped. */
static void measure(xmlNodePtr root)
{
    ac_xml_walk w;
    ac_xml_event ev;

    ac_xml_walk_init(&w, root);
    while ((ev = ac_xml_walk_next(&w)) != AC_XML_DONE) {
        xmlNodePtr n = ac_xml_walk_node(&w);

        if (n->type == XML_ELEMENT_NODE) {
            int descend = !dropped(n) && !ac_html_is(n, "script") && !ac_html_is(n, "style");

            if (ev == AC_XML_ENTER && !descend)
                ac_xml_walk_skip(&w);
            else if (ev == AC_XML_LEAVE && descend && n != root)
                add_up(n);
        } else if (n->type == XML_TEXT_NODE && n->content != NULL && n->parent != NULL &&
                   n->parent->type == XML_ELEMENT_NODE) {
            ac_html_info *p = AC_INFO(n->parent);
            size_t commas = 0, len = count_chars((const char *)n->content, &commas);

            p->text += len;
            p->commas += commas;
            p->direct_text += len;
            p->direct_commas += commas;
        }
    }
}

/* --- 3. scores ------------------------------------------------------------------ */

static double tag_weight(const xmlNode *el)
{
    const char *s = (const char *)el->name;

    if (strcmp(s, "div") == 0 || strcmp(s, "article") == 0)
        return 5;
    if (strcmp(s, "pre") == 0 || strcmp(s, "td") == 0 || strcmp(s, "blockquote") == 0)
        return 3;
    if (strcmp(s, "address") == 0 || strcmp(s, "ol") == 0 || strcmp(s, "ul") == 0 ||
        strcmp(s, "dl") == 0 || strcmp(s, "dd") == 0 || strcmp(s, "dt") == 0 ||
        strcmp(s, "li") == 0 || strcmp(s, "form") == 0)
        return -3;
    if (is_heading(el) || strcmp(s, "th") == 0)
        return -5;
    return 0;
}

static int add_candidate(extractor *x, xmlNodePtr el)
{
    ac_html_info *i = AC_INFO(el);

    if (i->flags & AC_HTML_SCORED)
        return 0;
    if (x->n_cands == x->cap_cands) {
        size_t cap = x->cap_cands == 0 ? 64 : x->cap_cands * 2;
        xmlNodePtr *c = realloc(x->cands, cap * sizeof *c);

        if (c == NULL)
            return ac_nomem(x->err);
        x->cands = c;
        x->cap_cands = cap;
    }
    x->cands[x->n_cands++] = el;
    i->flags |= AC_HTML_SCORED;
    i->score = tag_weight(el) + class_weight(x, el);
    return 0;
}

/* Passes a paragraph's score to `first` and its ancestors. */
static int credit(extractor *x, xmlNodePtr first, size_t len, size_t commas)
{
    double score = 1 + (double)commas + (double)(len / 100 < 3 ? len / 100 : 3);
    xmlNodePtr a = first;
    int level, rc;

    for (level = 0; level < SCORE_LEVELS && a != NULL && a->type == XML_ELEMENT_NODE &&
                    a->parent != NULL && a->parent->type == XML_ELEMENT_NODE;
         level++, a = a->parent) {
        if ((rc = add_candidate(x, a)) < 0)
            return rc;
        AC_INFO(a)->score += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
    }
    return 0;
}

static int has_block_child(const xmlNode *el)
{
    const xmlNode *c;

    for (c = el->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE && ac_html_is_block(c) && !dropped(c))
            return 1;
    return 0;
}

static int score_units(extractor *x)
{
    xmlNodePtr body = x->page->body, n;
    int skip, rc;

    for (n = body->children; n != NULL; n = ac_xml_next(n, body, skip)) {
        const ac_html_info *i;
        const char *name;

        skip = 0;
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (dropped(n)) {
            skip = 1;
            continue;
        }
        i = AC_INFO(n);
        name = (const char *)n->name;
        if (strcmp(name, "p") == 0 || strcmp(name, "pre") == 0 || strcmp(name, "td") == 0 ||
            strcmp(name, "section") == 0 || (is_heading(n) && name[1] != '1')) {
            if (i->text >= MIN_UNIT_TEXT && (rc = credit(x, n->parent, i->text, i->commas)) < 0)
                return rc;
        } else if (strcmp(name, "div") == 0 || strcmp(name, "article") == 0) {
            /* A div of text is a paragraph; the loose text of a div with
             * blocks in it is a paragraph of that div. */
            if (!has_block_child(n)) {
                if (i->text >= MIN_UNIT_TEXT && (rc = credit(x, n->parent, i->text, i->commas)) < 0)
                    return rc;
            } else if (i->direct_text >= MIN_UNIT_TEXT &&
                       (rc = credit(x, n, i->direct_text, i->direct_commas)) < 0) {
                return rc;
            }
        }
    }
    return 0;
}

static double link_density(const xmlNode *el)
{
    const ac_html_info *i = AC_INFO(el);

    return i->text == 0 ? 0 : (double)i->link_text / (double)i->text;
}

static int is_ancestor(const xmlNode *a, const xmlNode *n)
{
    for (; n != NULL; n = n->parent)
        if (n == a)
            return 1;
    return 0;
}

static xmlNodePtr pick_top(extractor *x)
{
    xmlNodePtr body = x->page->body, top = NULL, best[5] = {NULL}, p;
    size_t i, k, alts;
    double last, threshold;

    for (i = 0; i < x->n_cands; i++) {
        xmlNodePtr c = x->cands[i];
        ac_html_info *info = AC_INFO(c);

        info->score *= 1 - link_density(c);
        for (k = 0; k < 5; k++) {
            if (best[k] == NULL || info->score > AC_INFO(best[k])->score) {
                memmove(best + k + 1, best + k, (4 - k) * sizeof best[0]);
                best[k] = c;
                break;
            }
        }
    }
    top = best[0];
    if (top == NULL || top == body)
        return body;
    /* Several near-best candidates under one ancestor: the article is
     * split into parts, and the ancestor holds them all. */
    for (alts = 0, k = 1; k < 5 && best[k] != NULL; k++)
        alts += AC_INFO(best[k])->score >= 0.75 * AC_INFO(top)->score;
    if (alts >= 3) {
        for (p = top->parent; p != NULL && p != body; p = p->parent) {
            size_t hold = 0;

            for (k = 1; k < 5 && best[k] != NULL; k++)
                hold += AC_INFO(best[k])->score >= 0.75 * AC_INFO(top)->score &&
                        is_ancestor(p, best[k]);
            if (hold >= 3) {
                top = p;
                break;
            }
        }
    }
    if (!(AC_INFO(top)->flags & AC_HTML_SCORED) && add_candidate(x, top) < 0)
        return NULL;
    /* A parent that scores higher than the candidate is the better pick. */
    last = AC_INFO(top)->score;
    threshold = last / 3;
    for (p = top->parent; p != NULL && p != body && p->type == XML_ELEMENT_NODE; p = p->parent) {
        const ac_html_info *pi = AC_INFO(p);

        if (!(pi->flags & AC_HTML_SCORED))
            continue;
        if (pi->score < threshold)
            break;
        if (pi->score > last) {
            top = p;
            break;
        }
        last = pi->score;
    }
    /* A lone child stands for its parent. */
    for (;;) {
        const xmlNode *c;
        size_t elements = 0;

        p = top->parent;
        if (p == NULL || p == body || p->type != XML_ELEMENT_NODE)
            break;
        for (c = p->children; c != NULL; c = c->next)
            elements += c->type == XML_ELEMENT_NODE && !dropped(c);
        if (elements != 1)
            break;
        if (!(AC_INFO(p)->flags & AC_HTML_SCORED) && add_candidate(x, p) < 0)
            return NULL;
        top = p;
    }
    return top;
}

/* --- 4. siblings ---------------------------------------------------------------- */

static int ends_sentence(const char *s, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++)
        if (s[i] == '.' && (i + 1 == len || s[i + 1] == ' '))
            return 1;
    return 0;
}

static int has_figure(const xmlNode *el)
{
    const xmlNode *n;

    for (n = el->children; n != NULL; n = ac_xml_next(n, el, 0))
        if (ac_html_is(n, "figure") || ac_html_is(n, "figcaption"))
            return 1;
    return 0;
}

static int gather(extractor *x, xmlNodePtr top)
{
    ac_html_page *page = x->page;
    xmlNodePtr parent = top->parent, s;
    double top_score = AC_INFO(top)->score;
    double threshold = top_score * 0.2 > 10 ? top_score * 0.2 : 10;
    const char *top_class = ac_html_attr(top, "class");
    size_t count = 0;

    free(page->roots);
    page->roots = NULL;
    page->n_roots = 0;
    if (top == page->body || parent == NULL || parent->type != XML_ELEMENT_NODE) {
        page->roots = malloc(sizeof *page->roots);
        if (page->roots == NULL)
            return ac_nomem(x->err);
        page->roots[0] = top;
        page->n_roots = 1;
        return 0;
    }
    for (s = parent->children; s != NULL; s = s->next)
        count += s->type == XML_ELEMENT_NODE;
    page->roots = malloc((count == 0 ? 1 : count) * sizeof *page->roots);
    if (page->roots == NULL)
        return ac_nomem(x->err);
    for (s = parent->children; s != NULL; s = s->next) {
        const ac_html_info *si;
        int take = 0;

        if (s->type != XML_ELEMENT_NODE || dropped(s))
            continue;
        si = AC_INFO(s);
        if (s == top) {
            take = 1;
        } else {
            const char *cls = ac_html_attr(s, "class");
            double bonus =
                cls != NULL && top_class != NULL && *cls != '\0' && strcmp(cls, top_class) == 0
                    ? top_score * 0.2
                    : 0;

            if ((si->flags & AC_HTML_SCORED) && si->score + bonus >= threshold)
                take = 1;
            else if (si->n_img == 1 && si->text < 300 && link_density(s) < 0.5 &&
                     (ac_html_is(s, "figure") || has_figure(s)))
                take = 1; /* the article's own picture, beside its text */
            else if (ac_html_is(s, "p")) {
                double ld = link_density(s);

                if (si->text > 80 && ld < 0.25)
                    take = 1;
                else if (si->text > 0 && si->text <= 80 && si->link_text == 0) {
                    artconv_buf_clear(&x->tmp);
                    if (ac_html_text(&x->tmp, s) < 0)
                        return ac_nomem(x->err);
                    take = ends_sentence(x->tmp.ptr, x->tmp.len);
                }
            }
        }
        if (take)
            page->roots[page->n_roots++] = s;
    }
    return 0;
}

/* --- 5. cleaning the chosen content -------------------------------------------- */

/* Whole texts that label an ad slot or skip past one.  Lower case. */
static const char *const ad_labels[] = {"advertisement",
                                        "advertisements",
                                        "advertising",
                                        "sponsored",
                                        "sponsored content",
                                        "skip advertisement",
                                        "continue reading the main story",
                                        "story continues below advertisement",
                                        "article continues below advertisement",
                                        "anzeige",
                                        "publicit\xC3\xA9",
                                        "publicidad",
                                        NULL};

/* 1 if the element is a promotional line (any of promo_phrases, unless
 * `labels_only`) or an ad label (the whole text is one of ad_labels). */
static int is_promo(extractor *x, const xmlNode *el, int labels_only)
{
    size_t i;

    if (AC_INFO(el)->text == 0 || AC_INFO(el)->text > 200)
        return 0;
    artconv_buf_clear(&x->tmp);
    if (ac_html_text(&x->tmp, el) < 0)
        return -1;
    for (i = 0; i < x->tmp.len; i++)
        if (x->tmp.ptr[i] >= 'A' && x->tmp.ptr[i] <= 'Z')
            x->tmp.ptr[i] = (char)(x->tmp.ptr[i] + 32);
    if (x->tmp.ptr == NULL)
        return 0;
    if (x->tmp.len < 48 && in_words(x->tmp.ptr, ad_labels))
        return 1;
    return !labels_only && contains_any(x->tmp.ptr, promo_phrases);
}

/* Whether a list, table or box inside the article is chrome after all. */
static int looks_like_chrome(extractor *x, xmlNodePtr el, const xmlNode *root)
{
    const ac_html_info *i = AC_INFO(el);
    const char *name = (const char *)el->name;
    double weight = class_weight(x, el), ld = link_density(el);
    double score = (i->flags & AC_HTML_SCORED) ? i->score : 0;
    int is_list = strcmp(name, "ul") == 0 || strcmp(name, "ol") == 0;
    int in_figure = has_ancestor(el, "figure", NULL);
    double p = (double)i->n_p, img = (double)i->n_img, li = (double)i->n_li - 100;
    double input = (double)i->n_input;
    double heading_density = i->text == 0 ? 0 : (double)i->heading_text / (double)i->text;

    if (strcmp(name, "table") == 0 && ac_html_is_data_table(el))
        return 0;
    if (has_ancestor(el, "table", root) || has_ancestor(el, "code", root))
        return 0;
    if (weight + score < 0)
        return 1;
    if (i->commas >= 10)
        return 0;
    if (img > 1 && p / img < 0.5 && !in_figure)
        return 1;
    if (!is_list && li > p)
        return 1;
    if (input > (double)(i->n_p / 3))
        return 1;
    if (!is_list && heading_density < 0.9 && i->text < MIN_UNIT_TEXT && (img == 0 || img > 2) &&
        !in_figure)
        return 1;
    if (!is_list && weight < 25 && ld > 0.2)
        return 1;
    if (weight >= 25 && ld > 0.5)
        return 1;
    if ((i->n_embed == 1 && i->text < 75) || i->n_embed > 1)
        return 1;
    return 0;
}

static int clean(extractor *x, xmlNodePtr root)
{
    xmlNodePtr n;
    char buf[512];
    int skip, promo;

    for (n = root; n != NULL; n = ac_xml_next(n, root, skip)) {
        const char *name;
        ac_html_info *info;

        skip = 0;
        if (n->type != XML_ELEMENT_NODE)
            continue;
        info = AC_INFO(n);
        if (dropped(n)) {
            skip = 1;
            continue;
        }
        if (n == root)
            continue;
        name = (const char *)n->name;
        if ((strcmp(name, "h1") == 0 || strcmp(name, "h2") == 0) && class_weight(x, n) < 0) {
            info->flags |= AC_HTML_DROP;
            skip = 1;
            continue;
        }
        if (info->text < SHARE_MAX_TEXT &&
            contains_any(match_string(n, buf, sizeof buf), share_words)) {
            info->flags |= AC_HTML_DROP;
            skip = 1;
            continue;
        }
        if (strcmp(name, "p") == 0 || strcmp(name, "div") == 0 || strcmp(name, "li") == 0 ||
            strcmp(name, "section") == 0 || strcmp(name, "aside") == 0 ||
            strcmp(name, "strong") == 0 || strcmp(name, "span") == 0) {
            if ((promo = is_promo(x, n, 0)) < 0)
                return ac_nomem(x->err);
            if (promo) {
                info->flags |= AC_HTML_DROP;
                skip = 1;
                continue;
            }
        }
        if (strcmp(name, "a") == 0) {
            if ((promo = is_promo(x, n, 1)) < 0)
                return ac_nomem(x->err);
            if (promo) {
                info->flags |= AC_HTML_DROP;
                skip = 1;
                continue;
            }
        }
        if ((x->rules & RULE_CLEAN) &&
            (strcmp(name, "table") == 0 || strcmp(name, "ul") == 0 || strcmp(name, "ol") == 0 ||
             strcmp(name, "div") == 0 || strcmp(name, "form") == 0 ||
             strcmp(name, "fieldset") == 0 || strcmp(name, "section") == 0) &&
            looks_like_chrome(x, n, root)) {
            info->flags |= AC_HTML_DROP;
            skip = 1;
        }
    }
    return 0;
}

/* Text kept under the roots, after cleaning. */
static size_t kept_text(const ac_html_page *page)
{
    size_t i, total = 0;

    for (i = 0; i < page->n_roots; i++) {
        xmlNodePtr r = page->roots[i], n;
        int skip;

        for (n = r; n != NULL; n = ac_xml_next(n, r, skip)) {
            skip = 0;
            if (n->type == XML_ELEMENT_NODE && dropped(n)) {
                skip = 1;
                continue;
            }
            if (n->type == XML_TEXT_NODE && n->content != NULL) {
                size_t commas = 0;

                total += count_chars((const char *)n->content, &commas);
            }
        }
    }
    return total;
}

static int attempt(extractor *x, size_t *kept)
{
    xmlNodePtr top;
    size_t i;
    int rc;

    reset(x->page);
    x->n_cands = 0;
    if ((rc = mark(x)) < 0)
        return rc;
    measure(x->page->body);
    if ((rc = score_units(x)) < 0)
        return rc;
    if ((top = pick_top(x)) == NULL)
        return ac_nomem(x->err);
    if ((rc = gather(x, top)) < 0)
        return rc;
    for (i = 0; i < x->page->n_roots; i++)
        if ((rc = clean(x, x->page->roots[i])) < 0)
            return rc;
    *kept = kept_text(x->page);
    return 0;
}

int ac_html_extract(ac_html_page *page, artconv_error *err)
{
    static const unsigned levels[] = {RULE_UNLIKELY | RULE_WEIGHT | RULE_CLEAN,
                                      RULE_WEIGHT | RULE_CLEAN, RULE_CLEAN, 0};
    extractor x;
    size_t kept = 0, best_kept = 0, level, best = 0;
    int rc = 0;

    if (page->body == NULL)
        return 0;
    if (page->opts != NULL && page->opts->no_extract) {
        page->roots = malloc(sizeof *page->roots);
        if (page->roots == NULL)
            return ac_nomem(err);
        page->roots[0] = page->body;
        page->n_roots = 1;
        return 0;
    }
    memset(&x, 0, sizeof x);
    x.page = page;
    x.err = err;
    /* Each level drops a rule; the first result long enough wins, else the
     * longest one, redone so its marks are the ones left on the tree. */
    for (level = 0; level < sizeof levels / sizeof levels[0]; level++) {
        x.rules = levels[level];
        AC_CHECK(attempt(&x, &kept));
        if (kept >= MIN_ARTICLE_TEXT)
            goto cleanup;
        if (kept > best_kept) {
            best_kept = kept;
            best = level;
        }
    }
    x.rules = levels[best];
    AC_CHECK(attempt(&x, &kept));
cleanup:
    free(x.cands);
    artconv_buf_dispose(&x.tmp);
    return rc;
}
