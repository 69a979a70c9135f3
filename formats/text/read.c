/*
 * text_read.c - reading plain text: articles pasted or scraped from news
 * sites, and what the text writer produces (docs/text-format.md).
 *
 * Three passes, each linear in the input:
 *  1. decode: strip a BOM, fall back to Windows-1252 when the bytes are not
 *     UTF-8, repair forbidden characters, unify line ends, expand tabs and
 *     trim line ends;
 *  2. blocks: a line-by-line parser with a stack of open containers (quotes,
 *     list items), in the way of CommonMark, so nesting never recurses.
 *     Paragraph lines are kept aside, because whether a line end is a soft
 *     wrap depends on the wrap width of the whole document;
 *  3. article: estimate the wrap width, join paragraph lines, then take the
 *     title, standfirst, byline, dates, captions, dateline and credit out of
 *     the leading and trailing blocks, drop site boilerplate, and build the
 *     inline content.
 */
#include "format_entries.h"
#include "internal.h"
#include "url.h"
#include "wrap.h"

#include <stdlib.h>
#include <string.h>
#include <unistr.h>

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
    int prev_blank;
    int underline_line; /* the line number of the last setext underline */
    size_t *refs;       /* pairs (start, len) of reference URLs in r->text */
    size_t nrefs, cap_refs;
    artconv_buf pool;
    size_t width; /* estimated wrap width */
    int line;     /* current input line */
} reader;

/* --- small text helpers ------------------------------------------------- */

static size_t count_spaces(const char *s, size_t len)
{
    size_t i = 0;

    while (i < len && s[i] == ' ')
        i++;
    return i;
}

static int starts_with(const char *s, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);

    return len >= n && memcmp(s, prefix, n) == 0;
}

static int starts_with_ci(const char *s, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);

    return len >= n && ac_strncaseeq(s, prefix, n);
}

/* Case-insensitive search for an ASCII needle; linear for the short
 * paragraphs it is used on. */
static int contains_ci(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle), i;

    for (i = 0; i + n <= len; i++)
        if (ac_strncaseeq(s + i, needle, n))
            return 1;
    return 0;
}

static void trim(const char **s, size_t *len)
{
    while (*len > 0 && ac_is_space((unsigned char)**s)) {
        (*s)++;
        (*len)--;
    }
    while (*len > 0 && ac_is_space((unsigned char)(*s)[*len - 1]))
        (*len)--;
}

static int is_upper(int c)
{
    return c >= 'A' && c <= 'Z';
}

static int is_lower(int c)
{
    return c >= 'a' && c <= 'z';
}

static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

/* --- pass 1: decoding --------------------------------------------------- */

static void position_of(const char *s, size_t offset, int *line, int *col)
{
    size_t i;

    *line = 1;
    *col = 1;
    for (i = 0; i < offset; i++) {
        if (s[i] == '\n') {
            (*line)++;
            *col = 1;
        } else if (((unsigned char)s[i] & 0xC0) != 0x80) {
            (*col)++;
        }
    }
}

/* Offset of the first character XML forbids in valid UTF-8, or len. */
static size_t first_forbidden(const char *s, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];

        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            return i;
        if (c == 0xEF && i + 2 < len && (unsigned char)s[i + 1] == 0xBF &&
            ((unsigned char)s[i + 2] == 0xBE || (unsigned char)s[i + 2] == 0xBF))
            return i;
    }
    return len;
}

/* Decodes the input into `clean`: valid UTF-8 that the model accepts. */
static int decode(reader *r, const char *data, size_t len, artconv_buf *clean)
{
    artconv_buf cp = ARTCONV_BUF_INIT;
    const uint8_t *bad;
    size_t repairs = 0, at;
    int line, col, rc = 0;

    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    bad = u8_check((const uint8_t *)data, len);
    if (bad != NULL) {
        at = (size_t)((const char *)bad - data);
        position_of(data, at, &line, &col);
        if (r->opts->strict) {
            rc = ac_error_at(r->err, ARTCONV_EPARSE, line, col, at,
                             "invalid UTF-8 (byte 0x%02X) at line %d, column %d", *bad, line, col);
            goto cleanup;
        }
        ac_warn_read(r->opts, ARTCONV_EPARSE, line,
                     "the text is not UTF-8 (byte 0x%02X at line %d); read as Windows-1252", *bad,
                     line);
        AC_CHECK(ac_text_convert(&cp, "CP1252", data, len, NULL));
        AC_CHECK(artconv_buf_put(&cp, "", 0));
        data = cp.ptr;
        len = cp.len;
    }
    at = first_forbidden(data, len);
    if (at < len) {
        position_of(data, at, &line, &col);
        if (r->opts->strict) {
            rc = ac_error_at(r->err, ARTCONV_EPARSE, line, col, at,
                             "forbidden character U+%04X at line %d, column %d",
                             (unsigned char)data[at] < 0x20 ? (unsigned char)data[at] : 0xFFFE,
                             line, col);
            goto cleanup;
        }
    }
    AC_CHECK(ac_text_repair(clean, data, len, &repairs));
    AC_CHECK(artconv_buf_put(clean, "", 0));
    if (repairs > 0) {
        position_of(data, at < len ? at : 0, &line, &col);
        ac_warn_read(r->opts, ARTCONV_EPARSE, line,
                     "replaced %zu forbidden character(s) with U+FFFD, the first at line %d",
                     repairs, line);
    }
cleanup:
    artconv_buf_dispose(&cp);
    if (rc == ARTCONV_ENOMEM)
        ac_nomem(r->err);
    return rc;
}

/* --- pass 2: blocks ----------------------------------------------------- */

static int nomem(reader *r)
{
    return ac_nomem(r->err);
}

static int fail(const reader *r)
{
    return r->err != NULL && r->err->code < 0 ? r->err->code : ARTCONV_ENOMEM;
}

static artconv_node *top_node(const reader *r)
{
    return r->stack[r->depth - 1].node;
}

static int add_line(reader *r, size_t start, size_t len, size_t width)
{
    if (r->nlines == r->cap_lines) {
        size_t cap = r->cap_lines ? r->cap_lines * 2 : 256;
        line_ref *n = realloc(r->lines, cap * sizeof *n);

        if (n == NULL)
            return nomem(r);
        r->lines = n;
        r->cap_lines = cap;
    }
    r->lines[r->nlines].start = start;
    r->lines[r->nlines].len = len;
    r->lines[r->nlines].width = width;
    r->nlines++;
    return 0;
}

static record *new_record(reader *r, artconv_node *node)
{
    record *rec;

    if (r->nrecs == r->cap_recs) {
        size_t cap = r->cap_recs ? r->cap_recs * 2 : 64;
        record *n = realloc(r->recs, cap * sizeof *n);

        if (n == NULL) {
            nomem(r);
            return NULL;
        }
        r->recs = n;
        r->cap_recs = cap;
    }
    rec = &r->recs[r->nrecs++];
    memset(rec, 0, sizeof *rec);
    rec->node = node;
    rec->first = r->nlines;
    rec->line = r->line;
    rec->top = artconv_node_parent(node) == r->body;
    return rec;
}

static int close_leaf(reader *r)
{
    int rc = 0;

    if (r->leaf == LEAF_CODE) {
        rc = ac_node_set_literal_n(r->leaf_node, r->code.ptr ? r->code.ptr : "", r->code.len,
                                   r->err);
        artconv_buf_clear(&r->code);
        r->code_blanks = 0;
    }
    r->leaf = LEAF_NONE;
    r->leaf_node = NULL;
    return rc;
}

/* A list item becomes loose when a blank line separates blocks in it or
 * items of it. */
static void mark_loose(artconv_node *list, artconv_error *err)
{
    if (artconv_node_get_kind(list) == ARTCONV_NODE_LIST && artconv_node_get_list_tight(list))
        artconv_node_set_list(list, artconv_node_get_list_ordered(list),
                              artconv_node_get_list_start(list), 0, err);
}

/* Adds a block to the innermost container, noting looseness. */
static artconv_node *add_block(reader *r, artconv_node_kind kind)
{
    artconv_node *parent = top_node(r);

    if (r->prev_blank && artconv_node_get_kind(parent) == ARTCONV_NODE_ITEM &&
        artconv_node_first_child(parent) != NULL)
        mark_loose(artconv_node_parent(parent), r->err);
    return ac_node_add(parent, kind, r->err);
}

static int thematic_break(const char *s, size_t len)
{
    size_t i, n = 0;
    char c = len > 0 ? s[0] : 0;

    if (c != '*' && c != '-' && c != '_')
        return 0;
    for (i = 0; i < len; i++) {
        if (s[i] == c)
            n++;
        else if (s[i] != ' ')
            return 0;
    }
    return n >= 3;
}

static int all_same(const char *s, size_t len, char c)
{
    size_t i;

    for (i = 0; i < len; i++)
        if (s[i] != c)
            return 0;
    return len > 0;
}

/* A list marker at s: returns its length in bytes (0 if none) and sets its
 * display width, whether it is ordered, its number and its delimiter. */
static size_t list_marker(const char *s, size_t len, size_t *mwidth, int *ordered, int *number,
                          char *delim)
{
    size_t i = 0;

    if (len >= 1 && (s[0] == '-' || s[0] == '*' || s[0] == '+')) {
        i = 1;
        *delim = s[0];
        *ordered = 0;
        *mwidth = 1;
    } else if (starts_with(s, len, "\xE2\x80\xA2")) {
        i = 3;
        *delim = 'o';
        *ordered = 0;
        *mwidth = 1;
    } else {
        long n = 0;

        while (i < len && i < 9 && is_digit((unsigned char)s[i]))
            n = n * 10 + (s[i++] - '0');
        if (i == 0 || i >= len || (s[i] != '.' && s[i] != ')'))
            return 0;
        *delim = s[i++];
        *ordered = 1;
        *number = (int)n;
        *mwidth = i;
    }
    if (i < len && s[i] != ' ')
        return 0;
    return i;
}

/* "[12]: url", a reference the text writer lists at the end. */
static int reference(reader *r, const char *s, size_t len)
{
    size_t i = 1;
    size_t n = 0, ustart;

    if (len < 5 || s[0] != '[')
        return 0;
    while (i < len && i < 10 && is_digit((unsigned char)s[i]))
        n = n * 10 + (size_t)(s[i++] - '0');
    if (i == 1 || i + 2 >= len || s[i] != ']' || s[i + 1] != ':' || s[i + 2] != ' ')
        return 0;
    /* Numbers run 1, 2, 3...; anything else is text. */
    if (n != r->nrefs + 1)
        return 0;
    ustart = i + 3 + count_spaces(s + i + 3, len - i - 3);
    if (ustart >= len)
        return 0;
    if (r->nrefs == r->cap_refs) {
        size_t cap = r->cap_refs ? r->cap_refs * 2 : 16;
        size_t *m = realloc(r->refs, cap * 2 * sizeof *m);

        if (m == NULL)
            return nomem(r);
        r->refs = m;
        r->cap_refs = cap;
    }
    r->refs[r->nrefs * 2] = (size_t)(s + ustart - r->text.ptr);
    r->refs[r->nrefs * 2 + 1] = len - ustart;
    r->nrefs++;
    return 1;
}

/* Column starts of a table's separator line ("-----  ---"), or 0. */
static size_t table_columns(reader *r, const char *s, size_t len)
{
    size_t i = 0, n = 0;

    while (i < len) {
        size_t run = i;

        if (s[i] != '-')
            return 0;
        while (i < len && s[i] == '-')
            i++;
        if (i - run < 3 || n == MAX_TABLE_COLUMNS)
            return 0;
        r->col_start[n++] = run;
        if (i < len) {
            size_t sp = count_spaces(s + i, len - i);

            if (sp < 2)
                return 0;
            i += sp;
        }
    }
    return n >= 2 ? n : 0;
}

/* Adds a table row: the line cut at the separator's columns, by width. */
static int table_row(reader *r, const char *s, size_t len, int header)
{
    artconv_node *row = ac_node_add(r->leaf_node, ARTCONV_NODE_TABLE_ROW, r->err);
    size_t col = 0, i = 0, k;
    int rc = 0;

    if (row == NULL)
        return fail(r);
    if (header && (rc = artconv_node_set_header(row, 1, r->err)) < 0)
        return rc;
    for (k = 0; k < r->ncols; k++) {
        size_t start = i, end;
        const char *cell;
        size_t clen;
        artconv_node *c;

        while (i < len && (k + 1 == r->ncols || col < r->col_start[k + 1])) {
            ucs4_t uc;
            int n = u8_mbtouc(&uc, (const uint8_t *)s + i, len - i);

            col += ac_text_width(s + i, (size_t)(n > 0 ? n : 1));
            i += (size_t)(n > 0 ? n : 1);
        }
        end = i;
        cell = s + start;
        clen = end - start;
        trim(&cell, &clen);
        if ((c = ac_node_add(row, ARTCONV_NODE_TABLE_CELL, r->err)) == NULL)
            return fail(r);
        if (clen > 0 && ac_node_add_text(c, cell, clen, r->err) == NULL)
            return fail(r);
    }
    return 0;
}

/* Whether a line would start a block rather than continue a paragraph. */
static int starts_block(const char *s, size_t len)
{
    size_t mw;
    int ord, num;
    char delim;

    if (len == 0)
        return 1;
    return s[0] == '>' || s[0] == '#' || thematic_break(s, len) ||
           list_marker(s, len, &mw, &ord, &num, &delim) > 0;
}

static int open_paragraph_line(reader *r, const char *s, size_t len, size_t width)
{
    record *rec;
    artconv_node *p;

    if (r->leaf != LEAF_PARA) {
        if ((p = add_block(r, ARTCONV_NODE_PARAGRAPH)) == NULL)
            return fail(r);
        if ((rec = new_record(r, p)) == NULL)
            return fail(r);
        rec->after_setext = r->underline_line == r->line - 1;
        r->leaf = LEAF_PARA;
    }
    r->recs[r->nrecs - 1].count++;
    return add_line(r, (size_t)(s - r->text.ptr), len, width);
}

static int setext(reader *r, int level)
{
    record *rec = &r->recs[r->nrecs - 1];
    artconv_node *h = artconv_node_new(ARTCONV_NODE_HEADING);
    int rc;

    if (h == NULL)
        return nomem(r);
    if ((rc = artconv_node_insert_before(rec->node, h, r->err)) < 0 ||
        (rc = artconv_node_set_level(h, level, r->err)) < 0) {
        artconv_node_free(h);
        return rc;
    }
    artconv_node_free(rec->node);
    rec->node = h;
    rec->setext = level;
    r->leaf = LEAF_NONE;
    r->underline_line = r->line;
    return 0;
}

/* Turns the open one-line paragraph into a table's header row. */
static int start_table(reader *r, size_t ncols)
{
    record *rec = &r->recs[r->nrecs - 1];
    const line_ref *l = &r->lines[rec->first];
    artconv_node *t = artconv_node_new(ARTCONV_NODE_TABLE);
    int rc;

    if (t == NULL)
        return nomem(r);
    if ((rc = artconv_node_insert_before(rec->node, t, r->err)) < 0) {
        artconv_node_free(t);
        return rc;
    }
    artconv_node_free(rec->node);
    rec->node = NULL;
    rec->count = 0;
    r->ncols = ncols;
    r->leaf = LEAF_TABLE;
    r->leaf_node = t;
    return table_row(r, r->text.ptr + l->start, l->len, 1);
}

static int close_containers(reader *r, int keep)
{
    int rc = close_leaf(r);

    if (keep < r->depth)
        r->depth = keep;
    return rc;
}

static int open_container(reader *r, ctype type, size_t content_col, int ordered, int number)
{
    artconv_node *parent = top_node(r), *list, *node;
    int rc;

    if ((rc = close_leaf(r)) < 0)
        return rc;
    if (r->depth > MAX_CONTAINERS)
        return ac_error_at(r->err, ARTCONV_ELIMIT, r->line, 0, 0,
                           "line %d: quotes and lists nested deeper than %d levels", r->line,
                           MAX_CONTAINERS);
    if (type == C_QUOTE) {
        if ((node = add_block(r, ARTCONV_NODE_BLOCKQUOTE)) == NULL)
            return fail(r);
    } else {
        list = artconv_node_last_child(parent);
        if (artconv_node_get_kind(list) == ARTCONV_NODE_LIST &&
            artconv_node_get_list_ordered(list) == ordered) {
            if (r->prev_blank)
                mark_loose(list, r->err);
        } else {
            if ((list = add_block(r, ARTCONV_NODE_LIST)) == NULL)
                return fail(r);
            if ((rc = artconv_node_set_list(list, ordered, ordered ? number : 1, 1, r->err)) < 0)
                return rc;
        }
        if ((node = ac_node_add(list, ARTCONV_NODE_ITEM, r->err)) == NULL)
            return fail(r);
    }
    r->stack[r->depth].type = type;
    r->stack[r->depth].node = node;
    r->stack[r->depth].content_col = content_col;
    r->depth++;
    r->prev_blank = 0;
    return 0;
}

static int process_line(reader *r, const char *s, size_t len)
{
    size_t pos = 0, ind, mlen, mwidth, after, width;
    const char *rest, *p;
    size_t rlen, plen;
    int k, rc, ordered = 0, number = 0, opened = 0;
    char delim = 0;

    width = r->leaf == LEAF_CODE ? 0 : ac_text_width(s, len);
    /* 1. Which open containers does this line continue? */
    for (k = 1; k < r->depth; k++) {
        const container *c = &r->stack[k];

        ind = count_spaces(s + pos, len - pos);
        if (c->type == C_QUOTE) {
            if (ind > 3 || pos + ind >= len || s[pos + ind] != '>')
                break;
            pos += ind + 1;
            if (pos < len && s[pos] == ' ')
                pos++;
        } else if (pos + ind == len) {
            pos = len;
        } else if (ind >= c->content_col) {
            pos += c->content_col;
        } else {
            break;
        }
    }
    rest = s + pos;
    rlen = len - pos;
    ind = count_spaces(rest, rlen);
    /* 2. A paragraph goes on through lines that open nothing new. */
    if (k < r->depth) {
        if (r->leaf == LEAF_PARA && ind < rlen && !starts_block(rest + ind, rlen - ind))
            return open_paragraph_line(r, rest + ind, rlen - ind, width);
        if ((rc = close_containers(r, k)) < 0)
            return rc;
    }
    /* 3. New containers. */
    while (rlen > 0) {
        ind = count_spaces(rest, rlen);
        if (ind >= 4 || ind == rlen)
            break;
        p = rest + ind;
        plen = rlen - ind;
        if (p[0] == '>') {
            if ((rc = open_container(r, C_QUOTE, 0, 0, 0)) < 0)
                return rc;
            after = 1 + (plen > 1 && p[1] == ' ');
        } else if (!thematic_break(p, plen) &&
                   (mlen = list_marker(p, plen, &mwidth, &ordered, &number, &delim)) > 0 &&
                   !(r->leaf == LEAF_PARA && r->recs[r->nrecs - 1].count > 0 && mlen == plen &&
                     k == r->depth)) {
            size_t sp = count_spaces(p + mlen, plen - mlen);

            if (sp >= 5 || mlen + sp == plen)
                sp = mlen < plen ? 1 : 0;
            if ((rc = open_container(r, C_ITEM, ind + mwidth + (sp ? sp : 1), ordered, number)) < 0)
                return rc;
            after = mlen + sp;
        } else {
            break;
        }
        opened = 1;
        rest = p + after;
        rlen = plen - after;
    }
    /* 4. The leaf. */
    ind = count_spaces(rest, rlen);
    p = rest + ind;
    plen = rlen - ind;
    if (plen == 0) {
        if (r->leaf == LEAF_CODE)
            r->code_blanks++;
        else if ((rc = close_leaf(r)) < 0)
            return rc;
        r->prev_blank = 1;
        return 0;
    }
    if (r->leaf == LEAF_CODE && !opened) {
        if (ind >= 4) {
            for (; r->code_blanks > 0; r->code_blanks--)
                if (artconv_buf_putc(&r->code, '\n') < 0)
                    return nomem(r);
            if (artconv_buf_put(&r->code, rest + 4, rlen - 4) < 0 ||
                artconv_buf_putc(&r->code, '\n') < 0)
                return nomem(r);
            return 0;
        }
    }
    if (r->leaf == LEAF_TABLE && !opened) {
        r->prev_blank = 0;
        return table_row(r, p, plen, 0);
    }
    if (r->leaf == LEAF_PARA && !opened) {
        size_t ncols;

        if (all_same(p, plen, '=') && ind < 4)
            return setext(r, 1);
        if (all_same(p, plen, '-') && plen >= 3 && ind < 4)
            return setext(r, 2);
        if (r->recs[r->nrecs - 1].count == 1 && ind < 4 && (ncols = table_columns(r, p, plen)) > 0)
            return start_table(r, ncols);
    }
    if (r->leaf != LEAF_PARA && ind >= 4) {
        if ((rc = close_leaf(r)) < 0)
            return rc;
        if ((r->leaf_node = add_block(r, ARTCONV_NODE_CODE_BLOCK)) == NULL)
            return fail(r);
        r->leaf = LEAF_CODE;
        r->prev_blank = 0;
        if (artconv_buf_put(&r->code, rest + 4, rlen - 4) < 0 ||
            artconv_buf_putc(&r->code, '\n') < 0)
            return nomem(r);
        return 0;
    }
    if (thematic_break(p, plen)) {
        if ((rc = close_leaf(r)) < 0)
            return rc;
        r->prev_blank = 0;
        return add_block(r, ARTCONV_NODE_THEMATIC_BREAK) == NULL ? fail(r) : 0;
    }
    if (p[0] == '#') {
        size_t level = 0;

        while (level < plen && p[level] == '#')
            level++;
        if (level <= 6 && (level == plen || p[level] == ' ')) {
            artconv_node *h;
            record *rec;
            size_t end = plen;

            if ((rc = close_leaf(r)) < 0)
                return rc;
            if ((h = add_block(r, ARTCONV_NODE_HEADING)) == NULL)
                return fail(r);
            r->prev_blank = 0;
            if ((rc = artconv_node_set_level(h, (int)level, r->err)) < 0)
                return rc;
            /* A closing run of '#' is decoration. */
            while (end > level && p[end - 1] == '#')
                end--;
            if (end < plen && end > level && p[end - 1] != ' ')
                end = plen;
            while (end > level && p[end - 1] == ' ')
                end--;
            if ((rec = new_record(r, h)) == NULL)
                return fail(r);
            rec->count = 1;
            return add_line(r, (size_t)(p + level - r->text.ptr), end - level, width);
        }
    }
    if (r->leaf != LEAF_PARA && r->depth == 1) {
        if ((rc = reference(r, p, plen)) != 0)
            return rc < 0 ? rc : 0;
    }
    if (r->leaf != LEAF_PARA) {
        if ((rc = close_leaf(r)) < 0)
            return rc;
    }
    rc = open_paragraph_line(r, p, plen, width);
    r->prev_blank = 0;
    return rc;
}

/* Splits the decoded text into lines: CR LF and CR end lines too, tabs
 * move to the next multiple of four columns, and trailing blanks
 * (including no-break spaces) go.  Each line is handed to process_line. */
static int split_lines(reader *r, const char *in, size_t len)
{
    size_t i = 0;
    int rc;

    /* Tabs may grow the text, so reserve enough up front: every pointer
     * into r->text must stay valid while the lines are parsed. */
    {
        size_t tabs = 0, j;

        for (j = 0; j < len; j++)
            tabs += in[j] == '\t';
        if (tabs > (SIZE_MAX - len - 1) / 4 || artconv_buf_grow(&r->text, len + tabs * 3 + 1) < 0)
            return nomem(r);
    }
    while (i <= len) {
        size_t start = r->text.len, col = 0, end;

        r->line++;
        while (i < len && in[i] != '\n' && in[i] != '\r') {
            if (in[i] == '\t') {
                do {
                    r->text.ptr[r->text.len++] = ' ';
                    col++;
                } while (col % 4 != 0);
            } else {
                if (((unsigned char)in[i] & 0xC0) != 0x80)
                    col++;
                r->text.ptr[r->text.len++] = in[i];
            }
            i++;
        }
        end = r->text.len;
        for (;;) {
            if (end > start && r->text.ptr[end - 1] == ' ')
                end--;
            else if (end >= start + 2 && (unsigned char)r->text.ptr[end - 2] == 0xC2 &&
                     (unsigned char)r->text.ptr[end - 1] == 0xA0)
                end -= 2;
            else
                break;
        }
        r->text.len = end;
        r->text.ptr[r->text.len] = '\0';
        if ((rc = process_line(r, r->text.ptr + start, end - start)) < 0)
            return rc;
        r->text.ptr[r->text.len++] = '\n';
        r->text.ptr[r->text.len] = '\0';
        if (i < len && in[i] == '\r' && i + 1 < len && in[i + 1] == '\n')
            i++;
        i++;
    }
    return close_containers(r, 1);
}

/* --- pass 3: the article ------------------------------------------------ */

static int line_ends_hard(const reader *r, const line_ref *l)
{
    return l->len > 0 && r->text.ptr[l->start + l->len - 1] == '\\';
}

static int meta_block(reader *r, const record *rec, int apply);

/* The wrap width, from the longest line that was evidently wrapped.  Lines
 * of a byline-and-dates block are not wrapped text, so they do not count. */
static int estimate_width(reader *r)
{
    size_t i, j, best = 0;
    int rc;

    for (i = 0; i < r->nrecs; i++) {
        const record *rec = &r->recs[i];

        if (rec->count > 1 && rec->node != NULL && (rc = meta_block(r, rec, 0)) != 0) {
            if (rc < 0)
                return rc;
            continue;
        }

        for (j = 0; rec->count > 1 && j + 1 < rec->count; j++) {
            const line_ref *l = &r->lines[rec->first + j];
            const char *s = r->text.ptr + l->start;
            int spaced;

            if (l->width <= best || line_ends_hard(r, l))
                continue;
            /* A single unbreakable unit says nothing about the width. */
            if (ac_wrap_first_unit(s, l->len, 0, &spaced) >= ac_text_width(s, l->len))
                continue;
            best = l->width;
        }
    }
    r->width = best > 0 ? best : DEFAULT_WIDTH;
    return 0;
}

/* Joins lines [first, first+count) into r->pool.  Soft wraps become a space
 * (or nothing between wide characters); other line ends become '\n'. */
static int join_lines(reader *r, size_t first, size_t count, int soft_only, size_t *start,
                      size_t *len)
{
    size_t j;

    *start = r->pool.len;
    for (j = 0; j < count; j++) {
        const line_ref *l = &r->lines[first + j];
        const char *s = r->text.ptr + l->start;
        size_t n = l->len;
        int hard = 0;

        n -= count_spaces(s, n);
        s = r->text.ptr + l->start + (l->len - n);
        if (j + 1 < count && line_ends_hard(r, l) && !soft_only) {
            hard = 1;
            n--;
            while (n > 0 && s[n - 1] == ' ')
                n--;
        }
        if (artconv_buf_put(&r->pool, s, n) < 0)
            return nomem(r);
        if (j + 1 < count) {
            const line_ref *next = &r->lines[first + j + 1];
            const char *ns = r->text.ptr + next->start;
            size_t nn = next->len - count_spaces(ns, next->len);
            int spaced;
            size_t unit;

            ns += next->len - nn;
            unit = ac_wrap_first_unit(ns, nn, ac_wrap_ends_wide(s, n), &spaced);
            if (!hard && !soft_only && l->width + (size_t)spaced + unit <= r->width)
                hard = 1;
            if (hard ? artconv_buf_putc(&r->pool, '\n') < 0
                     : (spaced && artconv_buf_putc(&r->pool, ' ') < 0))
                return nomem(r);
        }
    }
    *len = r->pool.len - *start;
    return 0;
}

static const char *rec_text(const reader *r, const record *rec)
{
    return r->pool.ptr + rec->tstart;
}

/* Site furniture, matched on short paragraphs only. */
static const struct pattern {
    const char *text;
    int where; /* 0: anywhere, 1: at the start, 2: the whole paragraph */
} boilerplate[] = {
    {"powered by", 1},
    {"advertisement", 2},
    {"advertisement:", 1},
    {"also read", 1},
    {"read also", 1},
    {"read more:", 1},
    {"share this", 1},
    {"share on", 1},
    {"join our channel", 0},
    {"follow us on", 0},
    {"subscribe to our newsletter", 0},
    {"sign up for our newsletter", 0},
    {"sign up to our newsletter", 0},
    {"is now on telegram", 0},
    {"is now on whatsapp", 0},
    {"download the app", 0},
    {"story continues below", 0},
    {"continue reading below", 0},
    {"scroll to continue", 0},
    {"click here to subscribe", 0},
    {"all rights reserved", 0},
};

static int is_boilerplate(const char *s, size_t len)
{
    size_t i;

    if (len > SHORT_BLOCK)
        return 0;
    for (i = 0; i < sizeof boilerplate / sizeof boilerplate[0]; i++) {
        const struct pattern *pat = &boilerplate[i];

        if ((pat->where == 0 && contains_ci(s, len, pat->text)) ||
            (pat->where == 1 && starts_with_ci(s, len, pat->text)) ||
            (pat->where == 2 && len == strlen(pat->text) && starts_with_ci(s, len, pat->text)))
            return 1;
    }
    return 0;
}

/* "caption | Credit": the credit is short and the caption is not empty. */
static int caption_split(const char *s, size_t len, size_t *cap_len, size_t *credit_at)
{
    size_t i;

    if (memchr(s, '\n', len) != NULL)
        return 0;
    for (i = len; i >= 3; i--) {
        if (s[i - 3] == ' ' && s[i - 2] == '|' && s[i - 1] == ' ') {
            size_t clen = len - i;

            if (clen == 0 || clen > 60 || i - 3 == 0)
                return 0;
            *cap_len = i - 3;
            *credit_at = i;
            return 1;
        }
        if (len - i > 60)
            return 0;
    }
    return 0;
}

/* "[Image][3] " or "[Image] ": the text writer's figure.  Returns the
 * prefix length; sets *ref to the reference number or 0. */
static size_t figure_prefix(const reader *r, const char *s, size_t len, size_t *ref)
{
    size_t i = 7, n = 0;

    *ref = 0;
    if (!starts_with(s, len, "[Image]"))
        return 0;
    if (i < len && s[i] == '[') {
        i++;
        while (i < len && is_digit((unsigned char)s[i]) && n < 100000000)
            n = n * 10 + (size_t)(s[i++] - '0');
        if (i >= len || s[i] != ']' || n == 0 || n > r->nrefs)
            return 0;
        i++;
        *ref = n;
    }
    if (i < len && s[i] != ' ')
        return 0;
    return i < len ? i + 1 : i;
}

static int add_text(reader *r, artconv_node *parent, const char *s, size_t len)
{
    if (len == 0)
        return 0;
    return ac_node_add_text(parent, s, len, r->err) == NULL ? fail(r) : 0;
}

/* A reference whose scheme could run script (src/url.h) leaves the URL
 * empty: plain text is data, but the model feeds HTML and Markdown. */
static int set_url(artconv_node *node, const char *url, size_t len, int image, artconv_error *err)
{
    if (!ac_url_is_safe(url, len, image))
        len = 0;
    return ac_node_set_url_n(node, url, len, err);
}

/* Inline content: text, '\n' as hard breaks, "[text][n]" as links and
 * "[Image: alt][n]" as images when reference n exists. */
static int build_inlines(reader *r, artconv_node *parent, const char *s, size_t len)
{
    size_t i = 0, run = 0;
    int rc;

    while (i < len) {
        size_t close, j, n = 0;

        if (s[i] == '\n') {
            if ((rc = add_text(r, parent, s + run, i - run)) < 0)
                return rc;
            if (ac_node_add(parent, ARTCONV_NODE_LINEBREAK, r->err) == NULL)
                return fail(r);
            run = ++i;
            continue;
        }
        if (s[i] != '[') {
            i++;
            continue;
        }
        /* The scan stops at the next '[', so each byte is looked at a
         * bounded number of times. */
        for (close = i + 1; close < len && s[close] != ']' && s[close] != '[' && s[close] != '\n';
             close++)
            ;
        if (close + 2 >= len || s[close] != ']' || s[close + 1] != '[') {
            i = close > i + 1 ? close : i + 1;
            continue;
        }
        for (j = close + 2; j < len && is_digit((unsigned char)s[j]) && n < 100000000; j++)
            n = n * 10 + (size_t)(s[j] - '0');
        if (j >= len || s[j] != ']' || n == 0 || n > r->nrefs) {
            i = close;
            continue;
        }
        if ((rc = add_text(r, parent, s + run, i - run)) < 0)
            return rc;
        {
            const char *url = r->text.ptr + r->refs[(n - 1) * 2];
            size_t ulen = r->refs[(n - 1) * 2 + 1];
            artconv_node *node;

            if (starts_with(s + i + 1, close - i - 1, "Image: ")) {
                if ((node = ac_node_add(parent, ARTCONV_NODE_IMAGE, r->err)) == NULL ||
                    (rc = ac_node_set_alt_n(node, s + i + 8, close - i - 8, r->err)) < 0 ||
                    (rc = set_url(node, url, ulen, 1, r->err)) < 0)
                    return fail(r);
            } else {
                if ((node = ac_node_add(parent, ARTCONV_NODE_LINK, r->err)) == NULL ||
                    (rc = set_url(node, url, ulen, 0, r->err)) < 0 ||
                    (rc = add_text(r, node, s + i + 1, close - i - 1)) < 0)
                    return fail(r);
            }
        }
        i = run = j + 1;
    }
    return add_text(r, parent, s + run, len - run);
}

/* Replaces a paragraph by a FIGURE with a CAPTION, a credit and a url. */
static int make_figure(reader *r, record *rec, const char *s, size_t len)
{
    artconv_node *fig = artconv_node_new(ARTCONV_NODE_FIGURE), *cap;
    size_t ref, pre, cap_len, credit_at;
    int rc;

    if (fig == NULL)
        return nomem(r);
    if ((rc = artconv_node_insert_before(rec->node, fig, r->err)) < 0) {
        artconv_node_free(fig);
        return rc;
    }
    artconv_node_free(rec->node);
    rec->node = NULL;
    pre = figure_prefix(r, s, len, &ref);
    if (ref > 0 && (rc = set_url(fig, r->text.ptr + r->refs[(ref - 1) * 2],
                                 r->refs[(ref - 1) * 2 + 1], 1, r->err)) < 0)
        return rc;
    s += pre;
    len -= pre;
    if (caption_split(s, len, &cap_len, &credit_at)) {
        if ((rc = ac_node_set_credit_n(fig, s + credit_at, len - credit_at, r->err)) < 0)
            return rc;
        len = cap_len;
    }
    if (len == 0)
        return 0;
    if ((cap = ac_node_add(fig, ARTCONV_NODE_CAPTION, r->err)) == NULL)
        return fail(r);
    return build_inlines(r, cap, s, len);
}

static void drop(record *rec)
{
    artconv_node_free(rec->node);
    rec->node = NULL;
}

/* One byline name: capitalised words, short. */
static int name_ok(const char *s, size_t len)
{
    size_t i, words = 1;

    if (len == 0 || len > 60 || is_lower((unsigned char)s[0]) || is_digit((unsigned char)s[0]))
        return 0;
    for (i = 0; i < len; i++) {
        if (s[i] == ' ') {
            words++;
            if (i + 1 < len && (is_digit((unsigned char)s[i + 1])))
                return 0;
        }
        if (s[i] == ':' || s[i] == '|' || s[i] == '(' || s[i] == ')')
            return 0;
    }
    return words <= 6;
}

/* "By A, B and C" (or "Written by ..."): checks the names, and adds them
 * when `apply`.  Returns 1 if it is a byline, 0 if not, -1 on failure. */
static int byline(reader *r, const char *s, size_t len, int apply)
{
    size_t i, start = 0;

    if (starts_with_ci(s, len, "by ")) {
        s += 3;
        len -= 3;
    } else if (starts_with_ci(s, len, "written by ")) {
        s += 11;
        len -= 11;
    } else {
        return 0;
    }
    for (i = 0; i <= len; i++) {
        size_t cut = 0;
        const char *name = s + start;
        size_t nlen = i - start;

        if (i == len || s[i] == ',' || s[i] == '&' || s[i] == ';')
            cut = 1;
        else if (i + 5 <= len && memcmp(s + i, " and ", 5) == 0)
            cut = 5;
        if (!cut)
            continue;
        trim(&name, &nlen);
        if (starts_with(name, nlen, "and ")) {
            name += 4;
            nlen -= 4;
        }
        if (!apply && !name_ok(name, nlen))
            return 0;
        if (apply &&
            ac_article_list_add_n(r->article, ARTCONV_LIST_AUTHORS, name, nlen, r->err) < 0)
            return fail(r);
        i += cut - 1;
        start = i + 1;
    }
    return 1;
}

/* Date line labels; the longest first where one is a prefix of another. */
static const struct label {
    const char *text;
    artconv_meta field;
} date_labels[] = {
    {"first published on", ARTCONV_META_DATE},
    {"first published:", ARTCONV_META_DATE},
    {"published on", ARTCONV_META_DATE},
    {"published:", ARTCONV_META_DATE},
    {"published", ARTCONV_META_DATE},
    {"posted on", ARTCONV_META_DATE},
    {"posted:", ARTCONV_META_DATE},
    {"posted", ARTCONV_META_DATE},
    {"date:", ARTCONV_META_DATE},
    {"last updated on", ARTCONV_META_MODIFIED},
    {"last updated:", ARTCONV_META_MODIFIED},
    {"last updated", ARTCONV_META_MODIFIED},
    {"updated on", ARTCONV_META_MODIFIED},
    {"updated:", ARTCONV_META_MODIFIED},
    {"updated", ARTCONV_META_MODIFIED},
    {"modified:", ARTCONV_META_MODIFIED},
};

static int date_label(const char *s, size_t len, artconv_meta *field)
{
    size_t i;

    for (i = 0; i < sizeof date_labels / sizeof date_labels[0]; i++)
        if (starts_with_ci(s, len, date_labels[i].text)) {
            *field = date_labels[i].field;
            return (int)strlen(date_labels[i].text);
        }
    return 0;
}

/* A date line ("Published: 2 March 2024", "Updated: Mar 02, 2023, 14:05
 * IST", "2024-03-02").  Returns 1 if it is one, 0 if not, <0 on failure. */
static int date_line(reader *r, const char *s, size_t len, int apply)
{
    artconv_buf iso = ARTCONV_BUF_INIT;
    artconv_meta field = ARTCONV_META_DATE;
    int n = date_label(s, len, &field), rc;

    s += n;
    len -= (size_t)n;
    trim(&s, &len);
    rc = ac_date_normalize(&iso, s, len);
    if (rc == ARTCONV_EPARSE)
        return 0;
    if (rc < 0)
        return nomem(r);
    if (apply) {
        if (n == 0 && field == ARTCONV_META_DATE &&
            artconv_article_get(r->article, ARTCONV_META_DATE) != NULL)
            field = ARTCONV_META_MODIFIED;
        rc = ac_article_set_n(r->article, field, iso.ptr, iso.len, r->err);
    }
    artconv_buf_dispose(&iso);
    return rc < 0 ? rc : 1;
}

/* One line of a byline-and-dates block, possibly "By X | Agency | date". */
static int meta_text(reader *r, const char *s, size_t len, int apply)
{
    size_t start = 0, i;
    int after_byline = 0, rc;

    for (i = 0; i <= len; i++) {
        const char *part;
        size_t plen;

        if (i < len && !(s[i] == '|' && i > 0 && s[i - 1] == ' ' && i + 1 < len && s[i + 1] == ' '))
            continue;
        part = s + start;
        plen = i - start;
        trim(&part, &plen);
        start = i + 1;
        if ((rc = byline(r, part, plen, 0)) != 0) {
            if (rc < 0 || (apply && (rc = byline(r, part, plen, 1)) < 0))
                return rc;
            after_byline = 1;
            continue;
        }
        if ((rc = date_line(r, part, plen, apply)) != 0) {
            if (rc < 0)
                return rc;
            after_byline = 0;
            continue;
        }
        /* "By Jane Doe | Reuters": the agency after a byline. */
        if (after_byline && name_ok(part, plen) && plen <= 40) {
            if (apply && artconv_article_get(r->article, ARTCONV_META_CREDIT) == NULL &&
                (rc = ac_article_set_n(r->article, ARTCONV_META_CREDIT, part, plen, r->err)) < 0)
                return rc;
            after_byline = 0;
            continue;
        }
        return 0;
    }
    return 1;
}

static int starts_meta(reader *r, const char *s, size_t len)
{
    artconv_meta field;

    return starts_with_ci(s, len, "by ") || starts_with_ci(s, len, "written by ") ||
           date_label(s, len, &field) > 0 || date_line(r, s, len, 0) > 0;
}

/* A block of byline and date lines, each perhaps wrapped onto the next.
 * Returns 1 if the whole block is that, 0 if not, <0 on failure. */
static int meta_block(reader *r, const record *rec, int apply)
{
    artconv_buf group = ARTCONV_BUF_INIT;
    size_t j;
    int rc = 1;

    if (rec->tlen > SHORT_BLOCK * 2)
        return 0;
    for (j = 0; j <= rec->count && rc > 0; j++) {
        const line_ref *l = j < rec->count ? &r->lines[rec->first + j] : NULL;
        const char *s = l != NULL ? r->text.ptr + l->start : NULL;
        size_t n = l != NULL ? l->len : 0;

        if (l != NULL)
            trim(&s, &n);
        if (l == NULL || starts_meta(r, s, n)) {
            if (group.len > 0)
                rc = meta_text(r, group.ptr, group.len, apply);
            else if (l == NULL || j > 0)
                rc = 0;
            artconv_buf_clear(&group);
        } else if (group.len == 0) {
            rc = 0;
        }
        if (l != NULL && rc > 0 &&
            ((group.len > 0 && artconv_buf_putc(&group, ' ') < 0) ||
             artconv_buf_put(&group, s, n) < 0))
            rc = nomem(r);
    }
    artconv_buf_dispose(&group);
    return rc;
}

static int headline_like(const char *s, size_t len, size_t max)
{
    char last;

    if (len == 0 || len > max || memchr(s, '\n', len) != NULL)
        return 0;
    last = s[len - 1];
    return last != '.' && last != ':' && last != ',' && last != ';';
}

static size_t dash_prefix(const char *s, size_t len)
{
    if (starts_with(s, len, "\xE2\x80\x94 ") || starts_with(s, len, "\xE2\x80\x93 ") ||
        starts_with(s, len, "\xE2\x80\x95 "))
        return 4;
    if (starts_with(s, len, "-- "))
        return 3;
    return 0;
}

/* A separator after a dateline: "—", "–", "-" or "--", then a space. */
static size_t dateline_dash(const char *s, size_t len)
{
    if (starts_with(s, len, "\xE2\x80\x94 ") || starts_with(s, len, "\xE2\x80\x93 "))
        return 4;
    if (starts_with(s, len, "-- "))
        return 3;
    if (starts_with(s, len, "- "))
        return 2;
    return 0;
}

/* "NEW DELHI, March 2 (Reuters) - Text": takes the place (and the agency
 * and date) out of the first paragraph of the body. */
static int dateline(reader *r, record *rec)
{
    const char *s = rec_text(r, rec);
    size_t len = rec->tlen, i = 0, place_len, date_at = 0, date_len = 0, ag_at = 0, ag_len = 0, d;
    size_t upper = 0;
    int rc;

    while (i < len && i < 48) {
        unsigned char c = (unsigned char)s[i];

        if (c == ' ' && dateline_dash(s + i + 1, len - i - 1) > 0)
            break;
        if (is_upper(c))
            upper++;
        else if (c == '-' && i + 1 < len && is_upper((unsigned char)s[i + 1]))
            ;
        else if (!(c == ' ' || c == '.' || c == '\'' || c >= 0x80))
            break;
        i++;
    }
    place_len = i;
    while (place_len > 0 && s[place_len - 1] == ' ')
        place_len--;
    if (upper < 2 || i >= len)
        return 0;
    if (s[i] == ',') {
        date_at = ++i;
        while (i < len && i - date_at < 40 && s[i] != '(' &&
               !(s[i] == ' ' && dateline_dash(s + i + 1, len - i - 1) > 0))
            i++;
        date_len = i - date_at;
    }
    i += count_spaces(s + i, len - i);
    if (i < len && s[i] == '(') {
        ag_at = ++i;
        while (i < len && i - ag_at < 40 && s[i] != ')')
            i++;
        if (i >= len || s[i] != ')')
            return 0;
        ag_len = i++ - ag_at;
    }
    i += count_spaces(s + i, len - i);
    if ((d = dateline_dash(s + i, len - i)) == 0 || i + d >= len)
        return 0;
    if ((rc = ac_article_set_n(r->article, ARTCONV_META_DATELINE, s, place_len, r->err)) < 0)
        return rc;
    if (ag_len > 0 && artconv_article_get(r->article, ARTCONV_META_CREDIT) == NULL &&
        (rc = ac_article_set_n(r->article, ARTCONV_META_CREDIT, s + ag_at, ag_len, r->err)) < 0)
        return rc;
    if (date_len > 0 && artconv_article_get(r->article, ARTCONV_META_DATE) == NULL) {
        const char *ds = s + date_at;

        trim(&ds, &date_len);
        if ((rc = date_line(r, ds, date_len, 1)) < 0)
            return rc;
    }
    rec->tstart += i + d;
    rec->tlen -= i + d;
    return 0;
}

/* The leading blocks: boilerplate, title, standfirst, byline, dates and
 * captions, up to the first paragraph of the story. */
static int read_head(reader *r)
{
    artconv_node *n = artconv_node_first_child(r->body), *next;
    size_t k = 0;
    int head = 1, need_title = artconv_article_get(r->article, ARTCONV_META_TITLE) == NULL;
    int may_subtitle = 0, rc;

    for (; n != NULL; n = next) {
        record *rec = NULL;
        const char *s;
        size_t len, ref, cl, ca;

        next = artconv_node_next(n);
        while (k < r->nrecs && (!r->recs[k].top || r->recs[k].node == NULL))
            k++;
        if (k < r->nrecs && r->recs[k].node == n)
            rec = &r->recs[k++];
        if (rec == NULL) {
            head = 0;
            continue;
        }
        s = rec_text(r, rec);
        len = rec->tlen;
        if (artconv_node_get_kind(n) == ARTCONV_NODE_HEADING) {
            if (head && need_title && rec->setext == 1) {
                if ((rc = ac_article_set_n(r->article, ARTCONV_META_TITLE, s, len, r->err)) < 0)
                    return rc;
                drop(rec);
                need_title = 0;
                /* The writer puts the standfirst right under the line. */
                while (k < r->nrecs && !r->recs[k].top)
                    k++;
                if (k < r->nrecs && r->recs[k].node == next && r->recs[k].after_setext &&
                    artconv_node_get_kind(next) == ARTCONV_NODE_PARAGRAPH) {
                    rec = &r->recs[k++];
                    next = artconv_node_next(next);
                    rc = ac_article_set_n(r->article, ARTCONV_META_SUBTITLE, rec_text(r, rec),
                                          rec->tlen, r->err);
                    drop(rec);
                    if (rc < 0)
                        return rc;
                }
                continue;
            }
            head = 0;
            continue;
        }
        if (is_boilerplate(s, len)) {
            drop(rec);
            continue;
        }
        if (head && (rc = meta_block(r, rec, 0)) != 0) {
            if (rc < 0 || (rc = meta_block(r, rec, 1)) < 0)
                return rc;
            drop(rec);
            may_subtitle = 0;
            continue;
        }
        if (figure_prefix(r, s, len, &ref) > 0 || caption_split(s, len, &cl, &ca)) {
            may_subtitle = 0;
            need_title = 0;
            if ((rc = make_figure(r, rec, s, len)) < 0)
                return rc;
            continue;
        }
        if (!head)
            continue;
        if (need_title && headline_like(s, len, 250)) {
            if ((rc = ac_article_set_n(r->article, ARTCONV_META_TITLE, s, len, r->err)) < 0)
                return rc;
            drop(rec);
            need_title = 0;
            may_subtitle = 1;
            continue;
        }
        if (may_subtitle && headline_like(s, len, 300)) {
            if ((rc = ac_article_set_n(r->article, ARTCONV_META_SUBTITLE, s, len, r->err)) < 0)
                return rc;
            drop(rec);
            may_subtitle = 0;
            continue;
        }
        head = 0;
        if ((rc = dateline(r, rec)) < 0)
            return rc;
    }
    return 0;
}

/* "(With PTI inputs.)" as the last block: the article's credit. */
static int read_credit(reader *r)
{
    artconv_node *last = artconv_node_last_child(r->body);
    size_t k = r->nrecs;
    const char *s;
    size_t len;

    while (k > 0 && (!r->recs[k - 1].top || r->recs[k - 1].node == NULL))
        k--;
    if (k == 0 || r->recs[k - 1].node != last ||
        artconv_node_get_kind(last) != ARTCONV_NODE_PARAGRAPH)
        return 0;
    s = rec_text(r, &r->recs[k - 1]);
    len = r->recs[k - 1].tlen;
    if (len < 3 || len > SHORT_BLOCK || s[0] != '(' || s[len - 1] != ')' ||
        memchr(s, '\n', len) != NULL || memchr(s + 1, '(', len - 2) != NULL)
        return 0;
    s++;
    len -= 2;
    trim(&s, &len);
    if (len == 0)
        return 0;
    drop(&r->recs[k - 1]);
    return ac_article_set_n(r->article, ARTCONV_META_CREDIT, s, len, r->err);
}

/* The last paragraph of a quote, "— Name", is who said it. */
static int read_attribution(reader *r, record *rec)
{
    artconv_node *quote = artconv_node_parent(rec->node), *attr;
    const char *s = rec_text(r, rec);
    size_t len = rec->tlen, d, start, tlen;
    int rc;

    if (artconv_node_get_kind(quote) != ARTCONV_NODE_BLOCKQUOTE ||
        artconv_node_last_child(quote) != rec->node ||
        artconv_node_get_kind(rec->node) != ARTCONV_NODE_PARAGRAPH)
        return 0;
    if ((d = dash_prefix(s, len)) == 0) {
        /* A quote whose last line names the speaker. */
        const line_ref *l = &r->lines[rec->first + rec->count - 1];
        const char *ls = r->text.ptr + l->start;
        size_t ln = l->len - count_spaces(ls, l->len);

        ls += l->len - ln;
        if (rec->count < 2 || (d = dash_prefix(ls, ln)) == 0)
            return 0;
        if ((attr = ac_node_add(quote, ARTCONV_NODE_ATTRIBUTION, r->err)) == NULL)
            return fail(r);
        if ((rc = build_inlines(r, attr, ls + d, ln - d)) < 0)
            return rc;
        if ((rc = join_lines(r, rec->first, rec->count - 1, 0, &start, &tlen)) < 0)
            return rc;
        rec->tstart = start;
        rec->tlen = tlen;
        return 0;
    }
    if ((attr = ac_node_add(quote, ARTCONV_NODE_ATTRIBUTION, r->err)) == NULL)
        return fail(r);
    rc = build_inlines(r, attr, s + d, len - d);
    drop(rec);
    return rc;
}

static int read_article(reader *r)
{
    size_t i;
    int rc;

    if ((rc = estimate_width(r)) < 0)
        return rc;
    for (i = 0; i < r->nrecs; i++) {
        record *rec = &r->recs[i];

        if (rec->node != NULL &&
            (rc = join_lines(r, rec->first, rec->count,
                             artconv_node_get_kind(rec->node) == ARTCONV_NODE_HEADING, &rec->tstart,
                             &rec->tlen)) < 0)
            return rc;
    }
    if ((rc = read_head(r)) < 0 || (rc = read_credit(r)) < 0)
        return rc;
    for (i = 0; i < r->nrecs; i++) {
        record *rec = &r->recs[i];

        if (rec->node != NULL && !rec->top && (rc = read_attribution(r, rec)) < 0)
            return rc;
        if (rec->node != NULL &&
            (rc = build_inlines(r, rec->node, rec_text(r, rec), rec->tlen)) < 0)
            return rc;
    }
    return 0;
}

int ac_text_read(artconv_article **out, const char *data, size_t len,
                 const artconv_read_options *opts, artconv_error *err)
{
    artconv_read_options defaults;
    artconv_buf clean = ARTCONV_BUF_INIT;
    reader r;
    int rc = 0;

    artconv_read_options_init(&defaults);
    memset(&r, 0, sizeof r);
    r.opts = opts != NULL ? opts : &defaults;
    r.err = err;
    r.underline_line = -1;
    *out = NULL;
    if ((r.article = artconv_article_new()) == NULL) {
        rc = nomem(&r);
        goto cleanup;
    }
    r.body = artconv_article_body(r.article);
    r.stack[0].type = C_DOC;
    r.stack[0].node = r.body;
    r.depth = 1;
    AC_CHECK(decode(&r, data, len, &clean));
    AC_CHECK(split_lines(&r, clean.ptr, clean.len));
    AC_CHECK(read_article(&r));
    *out = r.article;
    r.article = NULL;
cleanup:
    artconv_article_free(r.article);
    artconv_buf_dispose(&clean);
    artconv_buf_dispose(&r.text);
    artconv_buf_dispose(&r.code);
    artconv_buf_dispose(&r.pool);
    free(r.lines);
    free(r.recs);
    free(r.refs);
    return rc;
}
