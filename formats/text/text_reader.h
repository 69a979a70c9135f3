/*
 * text_reader.h - what the parts of the plain-text reader share: the
 * reader's state, the lines and records the block parser leaves for the
 * article pass, and small ASCII helpers.  Private to formats/text.
 *
 * The parts and which way they call (no circles):
 *   read.c   -> blocks.c, inline.c, meta.c, news.c   (entry, orchestration)
 *   news.c   -> meta.c, inline.c                      (newsroom heuristics)
 *   blocks.c, inline.c, meta.c                        (call none of the others)
 */
#ifndef ARTCONV_TEXT_READER_H
#define ARTCONV_TEXT_READER_H

#include "internal.h"
#include "url.h"
#include "wrap.h"

#include <stdlib.h>
#include <string.h>

/* Limits.  Each container costs up to two nodes (a list and an item) and a
 * paragraph inside needs three more (paragraph, link, text), so this keeps
 * every tree below ARTCONV_MAX_DEPTH. */
#define MAX_CONTAINERS    (ARTCONV_MAX_DEPTH / 2 - 4)
#define MAX_TABLE_COLUMNS 64
/* Boilerplate and metadata are only looked for in short paragraphs, so a
 * long paragraph that happens to mention "Advertisement" stays. */
#define SHORT_BLOCK   240
#define DEFAULT_WIDTH 72

typedef struct line_ref {
    size_t start, len; /* content after container prefixes, in r->text */
    size_t width;      /* display width of the whole line, prefixes included */
} line_ref;

typedef struct record {
    artconv_node *node;  /* PARAGRAPH or HEADING; NULL once used up */
    size_t first, count; /* its lines in r->lines */
    size_t tstart, tlen; /* logical text in r->pool ('\n' = hard break) */
    int line;            /* where it starts in the input */
    int top;             /* a child of the document */
    int setext;          /* closed by an underline of this level */
    int after_setext;    /* starts right under an underline */
} record;

typedef enum { C_DOC, C_QUOTE, C_ITEM } ctype;

typedef struct container {
    ctype type;
    artconv_node *node;
    size_t content_col; /* C_ITEM: indentation of its content */
} container;

typedef enum { LEAF_NONE, LEAF_PARA, LEAF_CODE, LEAF_TABLE } leaf_kind;

typedef struct reader {
    const artconv_read_options *opts;
    artconv_error *err;
    artconv_article *article;
    artconv_node *body;
    artconv_buf text; /* the decoded input */
    line_ref *lines;
    size_t nlines, cap_lines;
    record *recs;
    size_t nrecs, cap_recs;
    container stack[MAX_CONTAINERS + 1];
    int depth;
    leaf_kind leaf;
    artconv_node *leaf_node; /* CODE_BLOCK or TABLE being filled */
    artconv_buf code;
    size_t code_blanks; /* blank lines not yet known to be inside the code */
    size_t col_start[MAX_TABLE_COLUMNS];
    size_t ncols;
    int table_wrapped; /* a table of wrapped cells (text/write_table.c) */
    int row_open;      /* its last row takes the next line */
    int prev_blank;
    int underline_line; /* the line number of the last setext underline */
    size_t *refs;       /* pairs (start, len) of reference URLs in r->text */
    size_t nrefs, cap_refs;
    artconv_buf pool;
    size_t width; /* estimated wrap width */
    int line;     /* current input line */
} reader;

/* --- small text helpers ------------------------------------------------- */

static inline size_t count_spaces(const char *s, size_t len)
{
    size_t i = 0;

    while (i < len && s[i] == ' ')
        i++;
    return i;
}

static inline int starts_with(const char *s, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);

    return len >= n && memcmp(s, prefix, n) == 0;
}

static inline int starts_with_ci(const char *s, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);

    return len >= n && ac_strncaseeq(s, prefix, n);
}

/* Case-insensitive search for an ASCII needle; linear for the short
 * paragraphs it is used on. */
static inline int contains_ci(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle), i;

    for (i = 0; i + n <= len; i++)
        if (ac_strncaseeq(s + i, needle, n))
            return 1;
    return 0;
}

static inline void trim(const char **s, size_t *len)
{
    while (*len > 0 && ac_is_space((unsigned char)**s)) {
        (*s)++;
        (*len)--;
    }
    while (*len > 0 && ac_is_space((unsigned char)(*s)[*len - 1]))
        (*len)--;
}

static inline int is_upper(int c)
{
    return c >= 'A' && c <= 'Z';
}

static inline int is_lower(int c)
{
    return c >= 'a' && c <= 'z';
}

static inline int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static inline int nomem(reader *r)
{
    return ac_nomem(r->err);
}

static inline int fail(const reader *r)
{
    return r->err != NULL && r->err->code < 0 ? r->err->code : ARTCONV_ENOMEM;
}

static inline int line_ends_hard(const reader *r, const line_ref *l)
{
    return l->len > 0 && r->text.ptr[l->start + l->len - 1] == '\\';
}

static inline const char *rec_text(const reader *r, const record *rec)
{
    return r->pool.ptr + rec->tstart;
}

/* blocks.c: splits the decoded text into lines and parses them into blocks
 * under r->body, leaving paragraph and heading lines in r->recs. */
int ac_text_split_lines(reader *r, const char *in, size_t len);

/* inline.c: joins lines [first, first+count) into r->pool (soft wraps
 * become a space, other line ends '\n'), and builds inline content. */
int ac_text_join_lines(reader *r, size_t first, size_t count, int soft_only, size_t *start,
                       size_t *len);
int ac_text_build_inlines(reader *r, artconv_node *parent, const char *s, size_t len);
int ac_text_set_url(artconv_node *node, const char *url, size_t len, int image, artconv_error *err);

/* meta.c: byline and date lines.  Each returns 1 if it is one, 0 if not,
 * <0 on failure, and sets the article's fields only when `apply`. */
int ac_text_meta_block(reader *r, const record *rec, int apply);
int ac_text_date_line(reader *r, const char *s, size_t len, int apply);

/* news.c: the leading blocks (title, standfirst, byline, dates, captions,
 * dateline), the trailing credit, and quote attributions. */
int ac_text_read_head(reader *r);
int ac_text_read_credit(reader *r);
int ac_text_read_attribution(reader *r, record *rec);

#endif
