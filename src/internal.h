/*
 * internal.h - what the library's own files share and users never see.
 */
#ifndef ARTCONV_INTERNAL_H
#define ARTCONV_INTERNAL_H

#include "artconv.h"

#include <stdarg.h>
#include <stddef.h>

#if defined(__GNUC__)
#define AC_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define AC_PRINTF(fmt, args)
#endif

/* Runs a call that returns a status; on failure jumps to `cleanup` with the
 * status in the local variable `rc`. */
#define AC_CHECK(call)                                                                             \
    do {                                                                                           \
        if ((rc = (call)) < 0)                                                                     \
            goto cleanup;                                                                          \
    } while (0)

/* A format: a folder of formats/ with a reader and/or a writer, one row
 * of the table in src/formats.c.  Their entry points are declared in
 * src/format_entries.h, which only the table and the formats include: the
 * rest of the core knows no format. */
typedef int (*ac_read_fn)(artconv_article **out, const char *data, size_t len,
                          const artconv_read_options *opts, artconv_error *err);
typedef int (*ac_write_fn)(artconv_buf *out, const artconv_article *article,
                           const artconv_write_options *opts, artconv_error *err);
/* Writes several articles as one output (a book); the arguments are
 * checked by artconv_write_book before it is called. */
typedef int (*ac_write_book_fn)(artconv_buf *out, const artconv_article *const *articles,
                                size_t count, const char *title, const char *const *resource_dirs,
                                const artconv_write_options *opts, artconv_error *err);
/* Whether output written with `opts` carries the article's pubstatus and
 * embargo: NULL if it does, else the words that follow "<format> output"
 * in the refusal to say which output does not ("without front matter"). */
typedef const char *(*ac_status_loss_fn)(const artconv_write_options *opts);
/* One-time set-up of what the format's code relies on (libxml2's global
 * tables), run by artconv_read, artconv_write and artconv_write_book before
 * each call into the format; it must be cheap after the first call and safe
 * from any thread. */
typedef void (*ac_prepare_fn)(void);
/* Reads every article of an input that may hold several (see
 * artconv_read_all); `*out` gets a malloc'd array of `*count` (1 or more)
 * articles.  Checked and limited by artconv_read_all. */
typedef int (*ac_read_all_fn)(artconv_article ***out, size_t *count, const char *data, size_t len,
                              const artconv_read_options *opts, artconv_error *err);

struct artconv_format {
    const char *name;
    const char *const *aliases;    /* other names for --from/--to, NULL-terminated */
    const char *const *extensions; /* with their dots, NULL-terminated */
    const char *media_type;
    const char *description;
    int binary;
    ac_read_fn read;     /* NULL: cannot be read */
    ac_write_fn write;   /* NULL: cannot be written */
    int writes_raw_html; /* keeps RAW_HTML_* nodes (the others drop them) */
    /* NULL: never carries pubstatus and embargo (see src/status.c). */
    ac_status_loss_fn status_loss;
    ac_write_book_fn write_book; /* NULL: one article per output only */
    ac_prepare_fn prepare;       /* NULL: nothing to set up */
    ac_read_all_fn read_all;     /* NULL: an input holds one article (read) */
};

/* A status_loss for formats whose output always carries both fields. */
const char *ac_status_always_carried(const artconv_write_options *opts);

/* Fails with ARTCONV_EUNSUPPORTED, saying why, when the article is not
 * usable (pubstatus) or is embargoed and `format` cannot carry that with
 * `opts`, unless opts->ignore_status.  `number` (1-based) names the
 * article of a book in the message; 0 for a single article. */
int ac_status_check(const artconv_format *format, const artconv_article *article, size_t number,
                    const artconv_write_options *opts, artconv_error *err);

/* Warns, through the write options, that `format` leaves out the raw HTML
 * nodes of `article` (tags and comments without text), if it has any. */
void ac_warn_raw_html_dropped(const artconv_format *format, const artconv_article *article,
                              const artconv_write_options *opts);

/* The iterator's fields, opaque to users (artconv.h).  The library's own
 * walks keep one on the stack and start it with artconv_iter_init, so a
 * walk that cannot fail (artconv_node_depth, ac_body_shows_image) never
 * allocates.  (src/iter.c) */
struct artconv_iter {
    const artconv_node *root;
    artconv_node *node;
    artconv_event event;
};

/* --- errors (src/error.c) ----------------------------------------------- */

/* Fills `err` (if not NULL) and returns `code`. */
int ac_error(artconv_error *err, int code, const char *fmt, ...) AC_PRINTF(3, 4);
/* Same, with an input position (line and column 1-based, 0 if unknown). */
int ac_error_at(artconv_error *err, int code, int line, int column, size_t offset, const char *fmt,
                ...) AC_PRINTF(6, 7);
/* Returns ARTCONV_ENOMEM, saying so in `err`. */
int ac_nomem(artconv_error *err);
/* Sends a warning through the read options' callback, if any. */
void ac_warn_read(const artconv_read_options *opts, int code, int line, const char *fmt, ...)
    AC_PRINTF(4, 5);
/* Sends a warning through the write options' callback, if any. */
void ac_warn_write(const artconv_write_options *opts, int code, const char *fmt, ...)
    AC_PRINTF(3, 4);

/* --- text (src/text.c) --------------------------------------------------- */

/* 1 if `s` is valid UTF-8 holding only characters XML 1.0 allows (which
 * excludes NUL and most C0 controls).  Tab, LF and CR are allowed. */
int ac_text_is_clean(const char *s, size_t len);
/* Appends `s` to `out` with each invalid UTF-8 sequence and each character
 * XML forbids replaced by U+FFFD.  Adds the number of replacements to
 * `*repairs` when it is not NULL.  Returns 0 or ARTCONV_ENOMEM. */
int ac_text_repair(artconv_buf *out, const char *s, size_t len, size_t *repairs);
/* Appends `s`, decoded from `charset` (an iconv name such as "CP1252"), as
 * UTF-8; each byte that cannot be decoded becomes U+FFFD and is counted in
 * `*repairs` (may be NULL).  The result may still hold NUL: pass it through
 * ac_text_repair.  Returns 0, ARTCONV_EUNSUPPORTED (unknown charset) or
 * ARTCONV_ENOMEM. */
int ac_text_convert(artconv_buf *out, const char *charset, const char *s, size_t len,
                    size_t *repairs);
/* Appends `s` with each run of XML white space (space, tab, CR, LF) made
 * one space and none at the ends, as XML's normalised strings want.
 * Returns 0 or ARTCONV_ENOMEM. */
int ac_text_collapse(artconv_buf *out, const char *s);
/* Appends s[0..len) with ASCII and no-break space runs collapsed to one
 * space and trimmed at both ends.  Returns 0 or ARTCONV_ENOMEM. */
int ac_text_put_collapsed(artconv_buf *out, const char *s, size_t len);
/* Returns a malloc'd copy of s[0..len) with a NUL; NULL if memory runs out. */
char *ac_strndup(const char *s, size_t len);
/* ASCII-only, locale-independent helpers. */
int ac_is_space(int c);
int ac_strcaseeq(const char *a, const char *b);
int ac_strncaseeq(const char *a, const char *b, size_t n);
/* 1 if s[0..len) is not empty and every byte is c (a rule or underline). */
int ac_all_of(const char *s, size_t len, char c);

/* --- model shortcuts for readers (src/node.c, src/article.c) ----------- */

/* 1 if `kind` names a node kind (src/node_kind.c). */
int ac_node_kind_valid(artconv_node_kind kind);

/* Like the public setters but take pointer and length and repair the text
 * (see ac_text_repair) instead of refusing it. */
int ac_node_set_literal_n(artconv_node *node, const char *s, size_t len, artconv_error *err);
int ac_node_set_url_n(artconv_node *node, const char *s, size_t len, artconv_error *err);
int ac_node_set_alt_n(artconv_node *node, const char *s, size_t len, artconv_error *err);
int ac_node_set_credit_n(artconv_node *node, const char *s, size_t len, artconv_error *err);
int ac_node_set_title_n(artconv_node *node, const char *s, size_t len, artconv_error *err);
int ac_article_set_n(artconv_article *article, artconv_meta field, const char *s, size_t len,
                     artconv_error *err);
int ac_article_list_add_n(artconv_article *article, artconv_meta_list list, const char *s,
                          size_t len, artconv_error *err);

/* The values of one concept list (src/news_concepts.c): four strings a
 * value, in artconv_concept's order, each NULL or clean text. */
typedef struct ac_concept_vec {
    char **fields;
    size_t count; /* values, so 4 * count strings */
    size_t cap;   /* values */
} ac_concept_vec;
#define AC_CONCEPT_FIELDS 4
/* The article's list (src/article.c); NULL for a bad list. */
ac_concept_vec *ac_article_concepts(artconv_article *article, artconv_concept_list list);
const ac_concept_vec *ac_article_concepts_const(const artconv_article *article,
                                                artconv_concept_list list);
void ac_concept_vec_dispose(ac_concept_vec *vec);
/* artconv_article_concept_add that repairs the text instead of refusing it. */
int ac_article_concept_add_repair(artconv_article *article, artconv_concept_list list,
                                  const artconv_concept *value, artconv_error *err);

/* The order in which writers that list metadata by key (JSON "meta", YAML
 * front matter) write the fields: the way a reader meets them, headline,
 * standfirst and byline first, housekeeping last.  The lead image is not
 * in it: it is one object of four keys, in ac_meta_image_keys order. */
typedef struct ac_meta_slot {
    int is_list; /* field is an artconv_meta_list, else an artconv_meta */
    int field;
} ac_meta_slot;
extern const ac_meta_slot ac_meta_order[];
extern const size_t ac_meta_order_count;

/* The keys of the lead image object ("src", "alt", "caption", "credit"). */
typedef struct ac_meta_image_key {
    const char *key;
    artconv_meta field;
} ac_meta_image_key;
extern const ac_meta_image_key ac_meta_image_keys[];
extern const size_t ac_meta_image_key_count;

/* Creates a node of `kind` and appends it to `parent`.  Returns the node,
 * or NULL with `err` filled. */
artconv_node *ac_node_add(artconv_node *parent, artconv_node_kind kind, artconv_error *err);
/* Creates a TEXT node with (repaired) text and appends it to `parent`. */
artconv_node *ac_node_add_text(artconv_node *parent, const char *s, size_t len, artconv_error *err);

/* --- shared helpers for writers and readers ------------------------------ */

/* Appends the plain text of `node`'s inline content: text and code as they
 * are, an image's alt text, a space for each line break.  Returns 0 or
 * ARTCONV_ENOMEM.  (src/plain.c) */
int ac_plain_text(artconv_buf *out, const artconv_node *node);

/* 1 if an image or figure below `body` shows `url`: a writer then leaves
 * the lead image out of its title block, since readers promote a page's
 * first figure to the lead image and it would be written twice (a 51.7 MB
 * page with an inline image became 103 MB).  The metadata keeps it.
 * (src/plain.c) */
int ac_body_shows_image(const artconv_node *body, const char *url);

/* Marks an article read from a container (an EPUB): its relative image
 * URLs name entries inside that container, never files beside it on disk,
 * so writers that embed images do not look for them there.  (src/article.c) */
void ac_article_set_in_container(artconv_article *article);
int ac_article_in_container(const artconv_article *article);

/* Parses a date or date-time as people and sites write it ("2024-03-02",
 * "2 March 2024", "Mar 2, 2024 9:30 AM IST", RFC 822/1123, ISO 8601 with
 * or without zone, "31.05.2024", "3. März 2024", "3 de marzo de 2024";
 * "05/06/2024" only when a number over 12 tells day from month) and
 * appends it in ISO 8601: "YYYY-MM-DD", or
 * "YYYY-MM-DDThh:mm:ss" plus "Z" or "+hh:mm" when a zone is known.  Returns
 * 0, ARTCONV_EPARSE (nothing appended) or ARTCONV_ENOMEM.  (src/date.c) */
int ac_date_normalize(artconv_buf *out, const char *s, size_t len);

/* Appends the date `value` (any form ac_date_normalize reads) as a person
 * reads it: "14 March 2024", "14 March 2024, 07:30 UTC" (a zone as
 * written: "UTC+01:00"), the month named in `language` (a BCP 47 tag; NULL
 * for English) where the C library has that locale, else in English.
 * Returns 0, ARTCONV_EPARSE (not a date: nothing appended) or
 * ARTCONV_ENOMEM.  (src/date_show.c) */
int ac_date_for_people(artconv_buf *out, const char *value, const char *language);

/* Room for any date ac_date_find and ac_date_normalize write, NUL included
 * ("YYYY-MM-DDThh:mm:ss+hh:mm"). */
#define AC_DATE_ISO_MAX 32
/* How to read a numeric date whose day and month could be either way
 * round ("05/06/2024"): en-US writes the month first, most others the day. */
enum { AC_DATE_MONTH_FIRST = 1, AC_DATE_DAY_FIRST = 2 };
/* Finds the first full date (day, month and year) in a short line of text
 * s[0..len) ("Updated on 3 de marzo de 2024 | 5 min read", "31.05.2024",
 * "Mar 2, 2024 at 9:30 AM EST") and writes it to `out` in ISO 8601, with
 * the time when one follows.  A month and year alone ("March 2024") is no
 * date; dates glued into longer runs of numbers, year ranges and years
 * outside 1900-2100 are passed over.  Only the first 1,024 bytes are read.
 * Returns 1, or 0 (out is "") when there is none.  (src/date.c) */
int ac_date_find(char out[AC_DATE_ISO_MAX], const char *s, size_t len, int order);
/* As ac_date_find, and sets s[*start..*end) to the date's text (without the
 * time after it), so that a caller can read the words before it ("Updated")
 * and look for another date after it. */
int ac_date_find_span(char out[AC_DATE_ISO_MAX], const char *s, size_t len, int order,
                      size_t *start, size_t *end);

/* The input size limit in force for these options (NULL: the default). */
size_t ac_max_input(const artconv_read_options *opts);

#endif /* ARTCONV_INTERNAL_H */
