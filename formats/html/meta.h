/*
 * meta.h - what the files of the HTML reader's metadata share (meta.c puts
 * it together; meta_collect.c gathers the candidates from the page;
 * meta_title.c chooses and cleans the title; meta_lists.c fills the
 * authors and keywords).  Private to those four files.
 */
#ifndef ARTCONV_HTML_META_H
#define ARTCONV_HTML_META_H

#include "html.h"

#include <jansson.h>

/* How many JSON-LD blocks are looked at. */
#define MAX_JSONLD_BLOCKS 16

typedef enum {
    S_TITLE_DC,
    S_TITLE_OG,
    S_TITLE_META,
    S_TITLE_TW,
    S_TITLE_PARSELY,
    S_DESC_DC,
    S_DESC_OG,
    S_DESC_META,
    S_DESC_TW,
    S_AUTHOR_DC,
    S_AUTHOR_META,
    S_AUTHOR_PARSELY,
    S_AUTHOR_ARTICLE,
    S_AUTHOR_SAILTHRU,
    S_AUTHOR_CITATION,
    S_TW_LABEL1,
    S_TW_DATA1,
    S_TW_LABEL2,
    S_TW_DATA2,
    S_SITE_OG,
    S_PUBLISHER_DC,
    S_APP_NAME,
    S_PUB_ARTICLE,
    S_PUB_PARSELY,
    S_PUB_DC,
    S_PUB_OTHER,
    S_MOD_ARTICLE,
    S_MOD_OG,
    S_SECTION,
    S_KEYWORDS,
    S_NEWS_KEYWORDS,
    S_IMAGE_OG,
    S_IMAGE_TW,
    S_IMAGE_ALT,
    S_LOCALE,
    S_LANG_DC,
    S_RIGHTS_DC,
    S_URL_OG,
    S_PUBSTATUS,
    S_EMBARGOED,
    S_COUNT
} slot;

/* DC.Creator metas read, one author each; more are ignored. */
#define MAX_DC_CREATORS 16

typedef struct {
    artconv_article *article;
    unsigned char by_property[S_COUNT]; /* slot filled from property= */
    ac_html_page *page;
    artconv_error *err;
    const char *slots[S_COUNT];
    const xmlNode *title_el; /* <title> */
    const char *canonical;
    const char *base_href;
    int base_seen; /* the first <base href> in <head> was met (it alone counts) */
    const char *lang;
    const char *rel_author; /* <link rel=author title=...> */
    json_t *ld[MAX_JSONLD_BLOCKS];
    size_t n_ld;
    json_t *art;      /* the article object inside one of them, borrowed */
    json_t *web_page; /* the WebPage object (or a kind of it), borrowed */
    size_t n_keywords;
    const char *dc_creators[MAX_DC_CREATORS]; /* every DC.Creator, in order */
    unsigned char dc_by_property[MAX_DC_CREATORS];
    size_t n_dc_creators;
    artconv_buf tmp;
} meta_ctx;

/* Reads the page's <meta>, <title>, <base>, <link> and JSON-LD into m's
 * slots (meta_collect.c).  Borrowed from the page; nothing to free but the
 * JSON-LD roots in m->ld. */
void ac_meta_collect(meta_ctx *m);
/* A JSON-LD string, or the "name" (or `key`) of an object, or the first of
 * a list; NULL if none (meta_values.c). */
const char *ac_meta_ld_string(const json_t *v, const char *key);
/* Words in s[0..len), split at spaces (meta_values.c). */
size_t ac_meta_count_words(const char *s, size_t len);
/* Words of four bytes or more in a[0..alen) that b[0..blen) has too
 * (ASCII case aside, a few empty English words aside); the count of a's
 * such words in *of.  Costs alen * blen, so callers bound both
 * (meta_values.c). */
size_t ac_meta_shared_words(const char *a, size_t alen, const char *b, size_t blen, size_t *of);
/* Appends s[0..len) to `out` with one level of HTML character references
 * decoded ("&#038;" -> "&", "&amp;#8217;" -> "&#8217;"), control
 * characters as spaces (meta_values.c).  Returns 0 or ARTCONV_ENOMEM. */
int ac_meta_decode_refs(artconv_buf *out, const char *s, size_t len);
/* The same on m->tmp, whitespace collapsed again (meta_values.c). */
int ac_meta_decode_tmp(meta_ctx *m);
/* Chooses the title, cuts the site name from it, and sets it on the
 * article and the page (meta_title.c).  Returns 0 or a negative status. */
int ac_meta_set_title(meta_ctx *m);
/* Adds keywords from s[0..len), split at ',' and ';' when `split`
 * (meta_lists.c).  Returns 0 or a negative status. */
int ac_meta_add_keywords(meta_ctx *m, const char *s, size_t len, int split);
/* The keywords and the authors the page declares (meta_lists.c). */
int ac_meta_set_keywords(meta_ctx *m);
int ac_meta_set_authors(meta_ctx *m);

#endif
