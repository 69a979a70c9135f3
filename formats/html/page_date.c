/*
 * page_date.c - the date a page shows beside its headline, for pages whose
 * metadata (JSON-LD, <meta>, <time datetime>) gave none.
 *
 * Sites print the date in a short line next to the headline: a byline
 * ("By Jane Doe | March 3, 2024"), a stamp ("Updated on 23 Oct 2025"), a
 * <time> without its machine-readable attribute.  So the page is walked
 * once to place its headline (the first <h1> outside page furniture) in the
 * run of its text, and once more to read the short lines around it: block
 * text of at most MAX_LINE characters, an element whose class, id or
 * itemprop names a date or a byline, a <time>, each at most MAX_LABELLED.
 * The nearest line that holds a full date (src/date.c, ac_date_find) gives
 * it.  Page furniture (nav, footer, aside), script and data tables are
 * passed over: they hold other dates (today's, comments', a table's).
 */
#include "html.h"

#include <string.h>

/* Internal limits.  A "line" is short by definition, and these caps keep
 * reading one linear however the page nests. */
/* A block's text counts as one line up to this many bytes. */
#define MAX_LINE 80
/* An element labelled as a date or byline, or a <time>, may run longer
 * ("By Jane Doe, Staff Writer | Published March 3, 2024 | 5 min read"). */
#define MAX_LABELLED 160
/* Reading a candidate stops after this many nodes: a subtree of thousands
 * of empty elements under each of many ancestors would otherwise be read
 * again for every one of them. */
#define MAX_LINE_NODES 64
/* The window around the headline, in bytes of collapsed text: a little of
 * what comes before it (a kicker, a stamp above the title), more of what
 * follows (byline, lead image and caption, the first paragraphs). */
#define WINDOW_BEFORE 600
#define WINDOW_AFTER 2000

/* Elements whose text is no line of the page, or whose dates are other
 * things' (menus, footers, sidebars, comments in asides). */
static const char *const passed_over[] = {
    "script", "style",  "noscript", "template", "head",   "title",  "svg",
    "math",   "select", "option",   "button",   "textarea", "iframe", "object",
    "embed",  "canvas", "audio",    "video",    "map",    "nav",    "footer",
    "aside",  "dialog", "datalist", NULL};

/* Words in class, id or itemprop that label an element's text as a date or
 * a byline. */
static const char *const date_words[] = {"date", "time", "publish", "posted", "byline", NULL};

typedef struct {
    const ac_html_page *page;
    artconv_buf line;
    int order;
    size_t headline_start, headline_end; /* in bytes of collapsed text */
    size_t best_distance;
    char best[AC_DATE_ISO_MAX];
} date_ctx;

static int passed(const xmlNode *n)
{
    return n->type == XML_ELEMENT_NODE &&
           (ac_html_in_list((const char *)n->name, passed_over) ||
            ac_html_attr(n, "hidden") != NULL ||
            (ac_html_is(n, "table") && ac_html_is_data_table(n)));
}

/* Bytes of text in a text node with whitespace runs counted as one. */
static size_t collapsed_len(const char *s)
{
    size_t n = 0;
    int space = 1;

    for (; *s != '\0'; s++) {
        if (ac_html_is_space((unsigned char)*s)) {
            if (!space)
                n++;
            space = 1;
        } else {
            n++;
            space = 0;
        }
    }
    return n;
}

static int names_a_date(const char *attr)
{
    size_t i, k, len, wl;

    if (attr == NULL)
        return 0;
    len = strlen(attr);
    for (i = 0; date_words[i] != NULL; i++) {
        wl = strlen(date_words[i]);
        for (k = 0; k + wl <= len; k++)
            if (ac_strncaseeq(attr + k, date_words[i], wl))
                return 1;
    }
    return 0;
}

static int labelled(const xmlNode *n)
{
    return ac_html_is(n, "time") || names_a_date(ac_html_attr(n, "class")) ||
           names_a_date(ac_html_attr(n, "id")) || names_a_date(ac_html_attr(n, "itemprop"));
}

/* The element's text as one line in ctx->line.  Returns 1 when it fits in `max` bytes and
 * MAX_LINE_NODES nodes, 0 when not, or ARTCONV_ENOMEM. */
static int read_line(date_ctx *c, const xmlNode *el, size_t max)
{
    const xmlNode *n;
    size_t nodes = 0;
    int space = 1, skip, rc;

    artconv_buf_clear(&c->line);
    for (n = el->children; n != NULL; n = ac_xml_next(n, el, skip)) {
        skip = 0;
        if (++nodes > MAX_LINE_NODES)
            return 0;
        /* Every element boundary is a word boundary here: sites set the
         * parts of a stamp in spans without spaces between them
         * ("<span>Last updated</span><span>Aug 04, 2025</span>"). */
        if (!space && (n->type == XML_ELEMENT_NODE ||
                       (n->prev != NULL && n->prev->type == XML_ELEMENT_NODE))) {
            if ((rc = artconv_buf_putc(&c->line, ' ')) < 0)
                return rc;
            space = 1;
        }
        if (n->type == XML_ELEMENT_NODE) {
            skip = passed(n);
        } else if (n->type == XML_TEXT_NODE && n->content != NULL) {
            if ((rc = ac_html_put_collapsed(&c->line, (const char *)n->content,
                                            strlen((const char *)n->content), &space)) < 0)
                return rc;
        }
        if (c->line.len > max)
            return 0;
    }
    return 1;
}

/* 1 if a heading's text is the article's title: one holds the other, or
 * they open with the same 20 bytes ("Title (site.com) 87" and "Title -
 * Site"), ignoring ASCII case.  Shorter than 8 bytes, it is no title ("News"
 * is in many). */
static int is_title(const char *title, size_t title_len, const char *h, size_t h_len)
{
    const char *a = title, *b = h;
    size_t alen = title_len, blen = h_len, k;

    if (title == NULL || title_len < 8 || h_len < 8)
        return 0;
    if (title_len >= 20 && h_len >= 20 && ac_strncaseeq(title, h, 20))
        return 1;
    if (alen < blen) {
        a = h, alen = h_len, b = title, blen = title_len;
    }
    for (k = 0; k + blen <= alen; k++)
        if (ac_strncaseeq(a + k, b, blen))
            return 1;
    return 0;
}

static int is_heading(const xmlNode *n)
{
    return ac_html_is(n, "h1") || ac_html_is(n, "h2") || ac_html_is(n, "h3");
}

/* For a page with no headline heading (an <h1> left empty as the parser
 * closed it before a <p>, a title set in a <div>): the first element whose
 * text is the article's title, give or take a little (a breadcrumb that
 * the title holds is no title). */
static int place_title(date_ctx *c, const xmlNode *root)
{
    const xmlNode *n;
    const char *title = c->page->title;
    size_t pos = 0, title_len = title != NULL ? strlen(title) : 0;
    int skip, rc;

    if (title_len < 8)
        return 0;
    for (n = root->children; n != NULL; n = ac_xml_next(n, root, skip)) {
        skip = 0;
        if (n->type == XML_TEXT_NODE && n->content != NULL) {
            pos += collapsed_len((const char *)n->content);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE || (skip = passed(n)) != 0)
            continue;
        if ((rc = read_line(c, n, title_len + 20)) < 0)
            return rc;
        if (rc == 1 && c->line.len * 2 >= title_len &&
            is_title(title, title_len, c->line.ptr, c->line.len)) {
            c->headline_start = pos;
            c->headline_end = pos + c->line.len;
            return 1;
        }
    }
    return 0;
}

/* Where the headline's text starts and ends in the page's text: the first
 * <h1> with text (a logo's <h1> holds only an image), unless an <h1> after
 * it is the article's title, or an <h2> or <h3> before it is.  Returns 1
 * when the page has one, 0 when not, or ARTCONV_ENOMEM. */
static int place_headline(date_ctx *c, const xmlNode *root)
{
    const xmlNode *n;
    const char *title = c->page->title;
    size_t pos = 0, title_len = title != NULL ? strlen(title) : 0;
    int skip, rc, have_h1 = 0, h1, titled;

    for (n = root->children; n != NULL; n = ac_xml_next(n, root, skip)) {
        skip = 0;
        if (n->type == XML_TEXT_NODE && n->content != NULL) {
            pos += collapsed_len((const char *)n->content);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE || (skip = passed(n)) != 0 || !is_heading(n))
            continue;
        h1 = ac_html_is(n, "h1");
        if (have_h1 && (!h1 || title_len < 8))
            continue;
        if ((rc = read_line(c, n, 1000)) < 0)
            return rc;
        if (c->line.len == 0)
            continue;
        titled = is_title(title, title_len, c->line.ptr, c->line.len);
        if (titled || (h1 && !have_h1)) {
            c->headline_start = pos;
            c->headline_end = pos + c->line.len;
            if (titled)
                return 1;
            have_h1 = 1;
        }
    }
    return have_h1 ? 1 : place_title(c, root);
}

/* Reads one candidate line that spans [start, start + len) of the text. */
static void consider(date_ctx *c, size_t start)
{
    size_t end = start + c->line.len, distance;
    char iso[AC_DATE_ISO_MAX];

    if (end <= c->headline_start)
        distance = c->headline_start - end;
    else if (start >= c->headline_end)
        distance = start - c->headline_end;
    else
        distance = 0;
    if (distance >= c->best_distance)
        return;
    if (ac_date_find(iso, c->line.ptr, c->line.len, c->order)) {
        memcpy(c->best, iso, sizeof iso);
        c->best_distance = distance;
    }
}

/* Walks the window around the headline and keeps the nearest line with a
 * date.  An <aside> or <footer> there may hold the article's own stamp (a
 * column with date and author, an article's footer), so it is entered, but
 * only its elements labelled as a date count, and its text does not move
 * the position (place_headline passes it over). */
static int find_near_headline(date_ctx *c, const xmlNode *root)
{
    const xmlNode *n;
    size_t pos = 0, level = 0, aside = 0; /* aside: the <aside>'s level + 1, or 0 */
    size_t from = c->headline_start > WINDOW_BEFORE ? c->headline_start - WINDOW_BEFORE : 0;
    size_t to = c->headline_end + WINDOW_AFTER;
    int skip = 0, rc;

    for (n = root->children; n != NULL && pos <= to;
         n = ac_xml_next_level(n, root, skip, &level)) {
        if (aside != 0 && level < aside)
            aside = 0;
        skip = 0;
        if (n->type == XML_TEXT_NODE && n->content != NULL && aside == 0) {
            size_t len = collapsed_len((const char *)n->content);

            /* A stamp in an inline element of a longer block ("<div>By
             * <a>Jane Doe</a> <span>Dec 18, 2025</span> · 3 min</div>"); not in
             * a paragraph, whose pieces between links are the story's. */
            if (pos >= from && len > 0 && len <= MAX_LINE &&
                !ac_html_is(n->parent, "p")) {
                int space = 1;

                artconv_buf_clear(&c->line);
                if ((rc = ac_html_put_collapsed(&c->line, (const char *)n->content,
                                                strlen((const char *)n->content), &space)) < 0)
                    return rc;
                consider(c, pos);
            }
            pos += len;
            continue;
        }
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (aside == 0 && (ac_html_is(n, "aside") || ac_html_is(n, "footer")) &&
            ac_html_attr(n, "hidden") == NULL && pos >= from) {
            aside = level + 1;
            continue;
        }
        if (passed(n)) {
            skip = 1;
            continue;
        }
        if (pos < from || ac_html_is(n, "h1"))
            continue;
        rc = 0;
        if (labelled(n))
            rc = read_line(c, n, MAX_LABELLED);
        else if (ac_html_is_block(n) && aside == 0)
            rc = read_line(c, n, MAX_LINE);
        if (rc < 0)
            return rc;
        if (rc == 1) {
            consider(c, pos);
            if (aside == 0)
                pos += c->line.len;
            skip = 1;
        }
    }
    return 0;
}

int ac_html_page_date(artconv_article *article, const ac_html_page *page, artconv_error *err)
{
    date_ctx c;
    const char *lang = artconv_article_get(article, ARTCONV_META_LANGUAGE);
    int rc = 0;

    if (page->body == NULL || artconv_article_get(article, ARTCONV_META_DATE) != NULL)
        return 0;
    memset(&c, 0, sizeof c);
    c.page = page;
    c.best_distance = (size_t)-1;
    c.order = lang != NULL && ac_strncaseeq(lang, "en-us", 5) ? AC_DATE_MONTH_FIRST
                                                              : AC_DATE_DAY_FIRST;
    if ((rc = place_headline(&c, page->body)) <= 0)
        goto cleanup;
    if ((rc = find_near_headline(&c, page->body)) < 0)
        goto cleanup;
    if (c.best[0] != '\0')
        rc = ac_article_set_n(article, ARTCONV_META_DATE, c.best, strlen(c.best), err);
cleanup:
    artconv_buf_dispose(&c.line);
    return rc == ARTCONV_ENOMEM ? ac_nomem(err) : rc < 0 ? rc : 0;
}
