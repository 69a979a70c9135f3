/*
 * page_date.c - the date a page prints beside its headline: for pages whose
 * metadata (JSON-LD, <meta>, <time datetime>) gave none, and against a
 * metadata date the page contradicts.
 *
 * Sites print the date in a short line next to the headline: a byline
 * ("By Jane Doe | March 3, 2024"), a stamp ("Updated on 23 Oct 2025"), a
 * <time> without its machine-readable attribute.  So the page is walked
 * once to place its headline (the first <h1> outside page furniture) in the
 * run of its text, and once more to read the short lines around it: block
 * text of at most MAX_LINE characters, an element whose class, id or
 * itemprop names a date or a byline, a <time>, each at most MAX_LABELLED.
 * The nearest line that holds a full date (src/date.c) gives it; in a line,
 * a date the words before it give as an update ("Updated", "Last
 * modified") counts only when the page has no other.  Past the window, the
 * walk goes on only for a line that names its date the publication
 * ("Posted on 15/12/2025 by ...", set under some stories).  Page furniture
 * (nav, footer, aside), script and data tables are passed over: they hold
 * other dates (today's, comments', a table's).
 *
 * The metadata's publication date stands unless the page prints an
 * earlier day near the headline (metadata_stands): that page was first
 * published then, and its metadata is an import's or a re-publication's.
 * A later printed date is an update, labelled or not, and the publication
 * date is the one wanted.
 */
#include "html.h"

#include <stdlib.h>
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
#define WINDOW_AFTER  4000
/* A date printed on the page overrides the metadata's only this close to
 * the headline: a contradiction needs the byline's own stamp, not a teaser
 * or a list of updates further down. */
#define OVERRIDE_DISTANCE 400
/* A link with this many bytes of text in a date's line is another story's
 * headline: the line is a teaser ("Council budget passes 12/04/2025"). */
#define TEASER_LINK 40

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
    /* The nearest date given as the story's (published or unlabelled), and
     * the nearest given as its last change ("Updated ..."). */
    size_t best_distance, update_distance;
    char best[AC_DATE_ISO_MAX], update[AC_DATE_ISO_MAX];
    /* The nearest date in the window that its line names the publication
     * ("Published August 13, 2025"). */
    char named[AC_DATE_ISO_MAX];
    /* The first date after the window that its line names the publication
     * ("Posted on 15/12/2025 by ..." under the story); the walk goes on
     * through the page until it has one. */
    char late[AC_DATE_ISO_MAX];
    /* The datetime attribute of the <time> being read, or NULL. */
    const char *machine;
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
    size_t nodes = 0, times = 0;
    int space = 1, skip, rc;

    artconv_buf_clear(&c->line);
    c->machine = ac_html_is(el, "time") ? ac_html_attr(el, "datetime") : NULL;
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
            /* The one <time> of a line lends it its datetime; two or more
             * (published and updated) leave the text to decide. */
            if (!skip && ac_html_is(n, "time") && ac_html_attr(n, "datetime") != NULL)
                c->machine = times++ == 0 ? ac_html_attr(n, "datetime") : NULL;
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

/* Words before a date that give it as the story's last change rather than
 * its publication, and words that give it as the publication; the later of
 * the two before a date decides ("Updated May 2 · Originally published
 * April 9").  Matched as prefixes, without ASCII case. */
static const char *const update_words[] = {"updat",        "modif",     "revised", "edited",
                                           "aktualisiert", "actualiz",  "à jour",  "aggiornat",
                                           "bijgewerkt",   "atualizad", NULL};
static const char *const publish_words[] = {"publi", "posted", "veröffentlicht", "erschienen",
                                            NULL};

/* The offset just past the last of `words` in s[0..len), or 0. */
static size_t last_word(const char *s, size_t len, const char *const *words)
{
    size_t i, k, wl, last = 0;

    for (i = 0; words[i] != NULL; i++) {
        wl = strlen(words[i]);
        for (k = 0; k + wl <= len; k++)
            if (ac_strncaseeq(s + k, words[i], wl) && k + wl > last)
                last = k + wl;
    }
    return last;
}

/* Finds in the line its first date given as the story's (into `pub`) and,
 * failing that, its first date given as an update (into `upd`).  Returns 1
 * when words before `pub` name it the publication. */
static int read_dates(const date_ctx *c, char pub[AC_DATE_ISO_MAX], char upd[AC_DATE_ISO_MAX])
{
    const char *s = c->line.ptr;
    size_t len = c->line.len, from = 0, start, end;
    char iso[AC_DATE_ISO_MAX];

    pub[0] = upd[0] = '\0';
    while (from < len && ac_date_find_span(iso, s + from, len - from, c->order, &start, &end)) {
        size_t said_updated = last_word(s + from, start, update_words);
        size_t said_published = last_word(s + from, start, publish_words);

        if (said_updated > said_published) {
            if (upd[0] == '\0')
                memcpy(upd, iso, sizeof iso);
        } else {
            memcpy(pub, iso, sizeof iso);
            return said_published > 0;
        }
        from += end;
    }
    return 0;
}

/* The day number of an ISO date's calendar day ("2024-03-14..."), or -1. */
static long day_number(const char *iso)
{
    long y, m, d;

    if (iso == NULL || strlen(iso) < 10 || iso[4] != '-' || iso[7] != '-')
        return -1;
    y = strtol(iso, NULL, 10);
    m = strtol(iso + 5, NULL, 10);
    d = strtol(iso + 8, NULL, 10);
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return -1;
    /* Days from a fixed epoch, March-based years (leap day last). */
    if (m <= 2)
        y--, m += 12;
    return 365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d;
}

/* A <time> whose text and datetime attribute are more than a day apart
 * (its text a teaser's, or "03/01/2017" read the wrong way round) is read
 * by its attribute; within a day, the text is the site's own local day of
 * a time the attribute may give in UTC. */
static void machine_date(const date_ctx *c, char iso[AC_DATE_ISO_MAX])
{
    artconv_buf norm = ARTCONV_BUF_INIT;
    long a, b;

    if (c->machine == NULL || iso[0] == '\0')
        return;
    if (ac_date_normalize(&norm, c->machine, strlen(c->machine)) == 0 && norm.len > 0 &&
        norm.len < AC_DATE_ISO_MAX) {
        a = day_number(iso);
        b = day_number(norm.ptr);
        if (a >= 0 && b >= 0 && (a - b > 1 || b - a > 1))
            memcpy(iso, norm.ptr, norm.len + 1);
    }
    artconv_buf_dispose(&norm);
}

/* Reads one candidate line that spans [start, start + len) of the text. */
static void consider(date_ctx *c, size_t start)
{
    size_t end = start + c->line.len, distance;
    char pub[AC_DATE_ISO_MAX], upd[AC_DATE_ISO_MAX];
    int named;

    if (end <= c->headline_start)
        distance = c->headline_start - end;
    else if (start >= c->headline_end)
        distance = start - c->headline_end;
    else
        distance = 0;
    if (start > c->headline_end + WINDOW_AFTER) {
        if (c->late[0] == '\0' && read_dates(c, pub, upd))
            memcpy(c->late, pub, sizeof pub);
        return;
    }
    if (distance >= c->best_distance && distance >= c->update_distance && c->named[0] != '\0')
        return;
    named = read_dates(c, pub, upd);
    machine_date(c, pub);
    machine_date(c, upd);
    if (named && c->named[0] == '\0')
        memcpy(c->named, pub, sizeof pub);
    if (pub[0] != '\0' && distance < c->best_distance) {
        memcpy(c->best, pub, sizeof pub);
        c->best_distance = distance;
    }
    if (upd[0] != '\0' && distance < c->update_distance) {
        memcpy(c->update, upd, sizeof upd);
        c->update_distance = distance;
    }
}

/* 1 if a line's element holds a link with a headline's length of text
 * (read within MAX_LINE_NODES nodes, as the line was). */
static int is_teaser(const xmlNode *el)
{
    const xmlNode *n, *t;
    size_t nodes = 0, len;

    for (n = el->children; n != NULL && nodes < MAX_LINE_NODES;
         n = ac_xml_next(n, el, 0), nodes++) {
        if (!ac_html_is(n, "a"))
            continue;
        len = 0;
        for (t = n->children; t != NULL && nodes < MAX_LINE_NODES;
             t = ac_xml_next(t, n, 0), nodes++)
            if (t->type == XML_TEXT_NODE && t->content != NULL)
                len += collapsed_len((const char *)t->content);
        if (len >= TEASER_LINK)
            return 1;
    }
    return 0;
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

    for (n = root->children; n != NULL && (pos <= to || c->late[0] == '\0');
         n = ac_xml_next_level(n, root, skip, &level)) {
        if (aside != 0 && level < aside)
            aside = 0;
        skip = 0;
        if (n->type == XML_TEXT_NODE && n->content != NULL && aside == 0) {
            size_t len = collapsed_len((const char *)n->content);

            /* A stamp in an inline element of a longer block ("<div>By
             * <a>Jane Doe</a> <span>Dec 18, 2025</span> · 3 min</div>"); not in
             * a paragraph, whose pieces between links are the story's. */
            if (pos >= from && len > 0 && len <= MAX_LINE && !ac_html_is(n->parent, "p")) {
                int space = 1;

                artconv_buf_clear(&c->line);
                c->machine =
                    ac_html_is(n->parent, "time") ? ac_html_attr(n->parent, "datetime") : NULL;
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
            if (!is_teaser(n))
                consider(c, pos);
            if (aside == 0)
                pos += c->line.len;
            skip = 1;
        }
    }
    return 0;
}

/* 1 if the metadata's publication date stands against the date the page
 * shows: the page's date is later (an update, printed without saying so,
 * or another story's: the publication date the issue asks for is the
 * earliest), the same day or a day off (the page prints its local day of a
 * time the metadata gives in UTC, or the other way), or day and month read
 * the other way round (the page's language misled the order of
 * "09.10.2024").  A page that prints an earlier date than its metadata was
 * first published then, and its metadata is a re-publication's or an
 * import's. */
static int metadata_stands(const char *shown, const char *published)
{
    long a = day_number(shown), b = day_number(published);
    char swapped[11];

    if (a < 0 || b < 0 || a + 1 >= b)
        return 1;
    memcpy(swapped, shown, 10);
    swapped[10] = '\0';
    memcpy(swapped + 5, shown + 8, 2);
    memcpy(swapped + 8, shown + 5, 2);
    return strncmp(swapped, published, 10) == 0;
}

/* The date to set, or NULL to keep the metadata's.  What the page prints as
 * the story's date beside its headline (or names its publication date
 * further down) beats a metadata date it contradicts; on a page with no
 * metadata date, the printed date, then an update stamp, then the
 * metadata's modification date stand in. */
static const char *choose(const date_ctx *c, const char *have, const char *modified)
{
    if (have != NULL) {
        if (c->best[0] != '\0' && c->best_distance <= OVERRIDE_DISTANCE &&
            !metadata_stands(c->best, have))
            return c->best;
        if (c->named[0] != '\0')
            return metadata_stands(c->named, have) ? NULL : c->named;
        if (c->late[0] != '\0' && !metadata_stands(c->late, have))
            return c->late;
        return NULL;
    }
    if (c->best[0] != '\0')
        return c->best;
    if (c->update[0] != '\0')
        return c->update;
    return c->late[0] != '\0' ? c->late : modified;
}

int ac_html_page_date(artconv_article *article, const ac_html_page *page, artconv_error *err)
{
    date_ctx c;
    const char *lang = artconv_article_get(article, ARTCONV_META_LANGUAGE);
    const char *have = artconv_article_get(article, ARTCONV_META_DATE);
    const char *modified = artconv_article_get(article, ARTCONV_META_MODIFIED);
    const char *take;
    int rc = 0;

    if (page->body == NULL)
        return 0;
    memset(&c, 0, sizeof c);
    c.page = page;
    c.best_distance = c.update_distance = (size_t)-1;
    /* Plain "en" stays day first: it is as often British as American, and
     * metadata_stands() tries a date the other way round. */
    c.order =
        lang != NULL && ac_strncaseeq(lang, "en-us", 5) ? AC_DATE_MONTH_FIRST : AC_DATE_DAY_FIRST;
    if ((rc = place_headline(&c, page->body)) < 0)
        goto cleanup;
    if (rc == 1 && (rc = find_near_headline(&c, page->body)) < 0)
        goto cleanup;
    rc = 0;
    take = choose(&c, have, modified);
    if (take != NULL)
        rc = ac_article_set_n(article, ARTCONV_META_DATE, take, strlen(take), err);
cleanup:
    artconv_buf_dispose(&c.line);
    return rc == ARTCONV_ENOMEM ? ac_nomem(err) : rc < 0 ? rc : 0;
}
