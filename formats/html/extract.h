/*
 * extract.h - what the files that find the article share (private to
 * formats/html/extract*.c; the entry point, ac_html_extract, is in html.h):
 * the extractor's state, the rules a retry drops, and one function per
 * step, which extract.c runs in order.
 */
#ifndef ARTCONV_HTML_EXTRACT_H
#define ARTCONV_HTML_EXTRACT_H

#include "html.h"

/* Paragraph-like elements shorter than this (characters) do not count. */
#define MIN_UNIT_TEXT 25

/* The rules an attempt applies; a retry drops some (see ac_html_extract). */
enum { RULE_UNLIKELY = 1, RULE_WEIGHT = 2, RULE_CLEAN = 4 };

/* What kind of page it is, from schema.org and Open Graph (extract_kind.c). */
typedef enum {
    AC_KIND_UNKNOWN, /* names none of the kinds below */
    AC_KIND_ARTICLE, /* an article, a blog post, a report; the kinds after it are no article */
    AC_KIND_FORUM,   /* a discussion thread or a question with its answers */
    AC_KIND_PRODUCT, /* a product's page */
    AC_KIND_LISTING  /* a list of items: a category, search results */
} ac_page_kind;

typedef struct {
    ac_html_page *page;
    ac_page_kind kind;
    int widened; /* 1 when the top is the page's main region (see extract.c) */
    xmlNodePtr grid;      /* set: the attempt keeps this grid (see extract_grid.c) */
    xmlNodePtr page_grid; /* the grid the last attempt found, or NULL */
    size_t page_grid_text;
    artconv_error *err;
    unsigned rules;
    xmlNodePtr *cands;
    size_t n_cands, cap_cands;
    artconv_buf tmp;
} extractor;

/* --- class, id and tag tests; 1. chrome (extract_chrome.c) ---------------- */

/* 1 if `s` contains any of the NULL-terminated `words`. */
int ac_extract_contains_any(const char *s, const char *const *words);
/* The element's class and id, lower-cased, as "class id", in `buf`. */
const char *ac_extract_match_string(const xmlNode *el, char *buf, size_t size);
/* +25 for each of class and id that sounds like content, -25 for chrome;
 * 0 without RULE_WEIGHT. */
double ac_extract_class_weight(const extractor *x, const xmlNode *el);
/* 1 if `s` is one of `list`, ignoring ASCII case. */
int ac_extract_in_words(const char *s, const char *const *list);
/* 1 if an ancestor of `el` below `stop` (NULL: any) is a `tag`. */
int ac_extract_has_ancestor(const xmlNode *el, const char *tag, const xmlNode *stop);
/* Marks chrome AC_HTML_DROP and title headings AC_HTML_TITLE; wants the
 * measures of the unmarked page. */
int ac_extract_mark(extractor *x);

/* --- the page's kind (extract_kind.c) --------------------------------------- */

/* The kind of page the schema.org types and og:type name; one walk. */
ac_page_kind ac_extract_page_kind(const ac_html_page *page);

/* --- the grid of same-shaped items (extract_grid.c) ------------------------- */

/* The element whose same-shaped children (cards, results) hold the most
 * text of the page, and that text in *text; NULL and 0 when there is none. */
xmlNodePtr ac_extract_find_grid(const ac_html_page *page, size_t *text);

/* --- 2. measures (extract_measure.c) ---------------------------------------- */

/* 1 if the element is dropped, the byline or a title heading. */
int ac_extract_dropped(const xmlNode *el);
/* Characters of `s`, whitespace runs as one; adds its commas to *commas. */
size_t ac_extract_count_chars(const char *s, size_t *commas);
/* 1 for h1 to h6. */
int ac_extract_is_heading(const xmlNode *el);
/* Clears the measures and flags of every element, but the byline mark. */
void ac_extract_reset(ac_html_page *page);
/* Clears the measures of every element, keeping its flags. */
void ac_extract_clear_measures(ac_html_page *page);
/* Fills the measures of every element below `root` that is not dropped. */
void ac_extract_measure(xmlNodePtr root);

/* --- 3. scores (extract_score.c) -------------------------------------------- */

/* Makes `el` a candidate with its tag and class weight, once. */
int ac_extract_add_candidate(extractor *x, xmlNodePtr el);
/* Scores the paragraph-like elements and credits their ancestors. */
int ac_extract_score_units(extractor *x);
/* Link text over text, 0 for an element without text. */
double ac_extract_link_density(const xmlNode *el);

/* --- 5. cleaning (extract_clean.c) ------------------------------------------ */

/* Drops what looks like chrome inside `root`, one of the chosen roots. */
int ac_extract_clean(extractor *x, xmlNodePtr root);
/* Text kept under the roots, after cleaning. */
size_t ac_extract_kept_text(const ac_html_page *page);

/* --- collapsed panels (extract_panel.c) ------------------------------------ */

/* Takes back the drop mark of the panels a button opens (accordions, tabs);
 * runs after ac_extract_mark, on the measures of the unmarked page. */
int ac_extract_open_panels(extractor *x);

#endif /* ARTCONV_HTML_EXTRACT_H */
