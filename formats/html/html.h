/*
 * html.h - what the HTML reader's files share: parsing (formats/html/read.c),
 * metadata (formats/html/meta.c), finding the article (formats/html/extract.c) and
 * turning a libxml2 tree into model nodes (formats/html/build.c).
 *
 * The reader annotates libxml2's tree instead of editing it: each element's
 * `_private` points at an ac_html_info in one array, so dropping chrome is a
 * flag and every pass is a flat walk over parent/sibling links.
 */
#ifndef ARTCONV_HTML_H
#define ARTCONV_HTML_H

#include "internal.h"
#include "news.h"
#include "url.h"
#include "xhtml_in.h"
#include "xml.h"

#include <stdint.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>

/* Internal limits.  Each stops a way a page could make libxml2 or us spend
 * time or memory out of proportion to its size. */

/* libxml2 2.9.14 checks every attribute of a start tag against all earlier
 * ones, so one tag with 100,000 distinct attributes costs ~10^10 string
 * comparisons (136 s measured).  Tags with more attributes are refused before
 * parsing, which keeps that cost linear in the input. */
#define AC_HTML_MAX_ATTRS 256
/* libxml2 takes the input size as an int. */
#define AC_HTML_MAX_INPUT ((size_t)1 << 30)
/* JSON-LD blocks bigger than this are skipped: metadata never needs more,
 * and jansson's parser recurses, so its own depth cap (2048) is kept far
 * away by also limiting how deep we look into the result. */
#define AC_HTML_MAX_JSONLD ((size_t)1 << 20)

/* Flags of ac_html_info. */
enum {
    AC_HTML_DROP = 1 << 0,    /* chrome, hidden or unwanted: never built */
    AC_HTML_BYLINE = 1 << 1,  /* the visible byline: in metadata, not body */
    AC_HTML_SCORED = 1 << 2,  /* a candidate that has a content score */
    AC_HTML_DATATBL = 1 << 3, /* a table holding data, not layout */
    AC_HTML_TITLE = 1 << 4    /* a heading repeating the article's title */
};

/* What the reader learns about one element, computed once, bottom-up.
 * Counts are 32-bit: a page is at most AC_HTML_MAX_INPUT (1 GiB) bytes, so
 * no count (nor 3 times one) overflows, and a page of 5 MB has some
 * 50,000 elements, each with one of these. */
typedef struct ac_html_info {
    uint32_t text;        /* characters of text below, whitespace runs as one */
    uint32_t link_text;   /* of those, characters inside links */
    uint32_t commas;      /* commas below */
    uint32_t direct_text; /* characters in text and inline children only */
    uint32_t direct_commas;
    uint32_t heading_text;                       /* characters inside h1-h6 */
    uint32_t n_p, n_img, n_li, n_input, n_embed; /* elements below */
    unsigned flags;
    double score; /* content score, when AC_HTML_SCORED */
} ac_html_info;

/* A parsed page and what the passes found out about it. */
typedef struct ac_html_page {
    htmlDocPtr doc;
    xmlNodePtr html; /* the root element, or NULL */
    xmlNodePtr body; /* <body>, or NULL (framesets, empty input) */
    ac_html_info *info;
    size_t n_info;
    const artconv_read_options *opts;
    xmlChar *base;      /* absolute URL links resolve against, or NULL */
    char *title;        /* the article's title once known (for dropping h1) */
    char *weak_authors; /* JSON-LD creator or <link rel=author>, for pages with no
                           byline, or NULL */
    int loose;          /* 1 on the retry that keeps doubtful class/id matches */
    xmlNodePtr *roots;  /* what to build, in document order */
    size_t n_roots;
} ac_html_page;

/* --- parsing (formats/html/parse.c) ------------------------------------ */

/* Parses `len` bytes of HTML: charset from a BOM, <meta charset> or
 * http-equiv, else UTF-8, else Windows-1252; bad bytes become U+FFFD (an
 * error under opts->strict).  Refuses with ARTCONV_ELIMIT input nested deeper
 * than ARTCONV_MAX_DEPTH or tags with more than AC_HTML_MAX_ATTRS
 * attributes.  Fills page->doc, html, body, info.  Free with
 * ac_html_page_free. */
int ac_html_parse(ac_html_page *page, const char *data, size_t len,
                  const artconv_read_options *opts, artconv_error *err);
/* Frees what the page owns; the struct itself is the caller's. */
void ac_html_page_free(ac_html_page *page);

/* --- looking at the DOM (formats/html/dom.c) -------------------------------- */

/* The info of an element (never NULL for elements of a parsed page). */
#define AC_INFO(node) ((ac_html_info *)(node)->_private)

/* 1 if the element's (ASCII, lower-case) name is `name`. */
int ac_html_is(const xmlNode *node, const char *name);
/* 1 if the element is laid out as a block (p, div, table, ul...). */
int ac_html_is_block(const xmlNode *node);
/* Appends the element's text, whitespace collapsed and trimmed, skipping
 * dropped elements.  Returns 0 or ARTCONV_ENOMEM. */
int ac_html_text(artconv_buf *out, const xmlNode *node);
/* The same, also leaving out the elements named `left_out` (NULL: none). */
int ac_html_text_without(artconv_buf *out, const xmlNode *node, const char *left_out);
/* Borrowed attribute value of an element, or NULL (no allocation: HTML
 * attributes hold one text child). */
const char *ac_html_attr(const xmlNode *node, const char *name);
/* 1 if a <table> holds data (header cells, caption, a real grid) rather
 * than laying out the page. */
int ac_html_is_data_table(const xmlNode *table);
/* Resolves `href` against page->base; returns a malloc'd URL, or NULL if
 * the link is empty or unsafe (javascript:, vbscript:, data: other than
 * images when `image` is 0).  *nomem is set when memory ran out. */
char *ac_html_url(const ac_html_page *page, const char *href, int image, int *nomem);
/* 1 if `name` is one of the NULL-terminated `list`. */
int ac_html_in_list(const char *name, const char *const *list);
/* 1 if the element's content is never article text (script, style, form
 * controls...) or the extractor dropped it or took it as byline or title. */
int ac_html_skipped(const xmlNode *node);
/* 1 for the five ASCII characters HTML calls whitespace. */
int ac_html_is_space(int c);
/* Appends s[0..len) with whitespace runs collapsed to one space; *space
 * says whether the output ends in a space (or sits where spaces are
 * dropped, at the start of a block).  Returns 0 or ARTCONV_ENOMEM. */
int ac_html_put_collapsed(artconv_buf *out, const char *s, size_t len, int *space);

/* --- pages artconv wrote (formats/html/read_own.c) ------------------------ */

/* The page's <article> when artconv's HTML writer made the page (its
 * generator meta and a body of one <article>), else NULL. */
xmlNodePtr ac_html_own_article(const ac_html_page *page);
/* Reads the metadata the writer put in the article's header and footer
 * and in <head>, over what ac_html_meta found, and sets page->roots to the
 * article's other children: nothing is extracted. */
int ac_html_read_own(artconv_article *a, ac_html_page *page, xmlNodePtr article,
                     artconv_error *err);

/* --- metadata (meta.c; ac_html_byline is byline.c's) ------------------------ */

/* Fills the article's metadata from the page (JSON-LD, Open Graph, meta,
 * <title>, <html lang>, canonical, <time>, visible byline) and sets
 * page->base and page->title. */
int ac_html_meta(artconv_article *article, ac_html_page *page, artconv_error *err);
/* Called twice.  Before ac_html_extract (page->roots NULL) it marks the
 * page's first byline AC_HTML_BYLINE so that it does not count as content.
 * After, it finds the visible byline nearest the extracted article (inside
 * it, then in its nearest ancestors, then anywhere outside page furniture),
 * marks it, and takes the authors from it when the page declared none; else
 * from page->weak_authors. */
int ac_html_byline(artconv_article *article, ac_html_page *page, artconv_error *err);
/* Moves a dateline that opens the article's first paragraph ("LONDON —",
 * "NEW DELHI:", "MOSCOW (AP) —") into the dateline field, unless the field
 * is already set (formats/html/dateline.c). */
int ac_html_dateline(artconv_article *article, artconv_error *err);

/* When the metadata gave no date, takes the one a short line beside the
 * headline shows ("By Jane Doe | March 3, 2024"; formats/html/page_date.c). */
int ac_html_page_date(artconv_article *article, const ac_html_page *page, artconv_error *err);

/* --- extraction (formats/html/extract.c) ----------------------------------- */

/* Marks chrome AC_HTML_DROP, scores the rest and sets page->roots to the
 * article's main content (or the whole body under opts->no_extract). */
int ac_html_extract(ac_html_page *page, artconv_error *err);

/* --- building (formats/html/build.c) --------------------------------------- */

/* Appends blocks for page->roots (skipping dropped elements) to `parent`,
 * a DOCUMENT, ITEM or BLOCKQUOTE.  Consumes the page: the DOM beneath the
 * roots is freed as it is built, and only ac_html_page_free may follow. */
int ac_html_build(artconv_node *parent, ac_html_page *page, artconv_error *err);

/* Appends what the body of a parsed fragment holds to `parent` (see
 * ac_html_fragment_to_model, which parses it); `page` stays the caller's. */
int ac_html_build_fragment(artconv_node *parent, ac_html_page *page, artconv_error *err);


#endif /* ARTCONV_HTML_H */
