/*
 * blocks.c - the plain-text reader's block parser: a line-by-line parser
 * with a stack of open containers (quotes, list items), in the way of
 * CommonMark, so nesting never recurses.  Paragraph lines are kept aside
 * in r->recs, because whether a line end is a soft wrap depends on the wrap
 * width of the whole document (read.c works that out afterwards).
 */
#include "text_reader.h"

#include <stdint.h>
#include <unistr.h>

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
    r->table_wrapped = 0;
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

/* Column starts of a table's separator line ("-----  ---", of `rule`
 * characters), or 0. */
static size_t table_columns(reader *r, const char *s, size_t len, char rule)
{
    size_t i = 0, n = 0;

    while (i < len) {
        size_t run = i;

        if (s[i] != rule)
            return 0;
        while (i < len && s[i] == rule)
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

/* Adds `len` bytes of text to a cell, after a space when it has some. */
static int add_cell_text(reader *r, artconv_node *cell, const char *s, size_t len)
{
    artconv_node *last = artconv_node_last_child(cell);
    artconv_buf joined = ARTCONV_BUF_INIT;
    int rc;

    if (last == NULL || artconv_node_get_kind(last) != ARTCONV_NODE_TEXT)
        return ac_node_add_text(cell, s, len, r->err) == NULL ? fail(r) : 0;
    if (artconv_buf_puts(&joined, artconv_node_get_literal(last)) < 0 ||
        artconv_buf_putc(&joined, ' ') < 0 || artconv_buf_put(&joined, s, len) < 0)
        rc = nomem(r);
    else
        rc = ac_node_set_literal_n(last, joined.ptr, joined.len, r->err);
    artconv_buf_dispose(&joined);
    return rc;
}

/* Adds a table row: the line cut at the separator's columns, by width.
 * `append`: the line goes on the last row's cells (a wrapped table). */
static int table_row(reader *r, const char *s, size_t len, int header, int append)
{
    artconv_node *row = append ? artconv_node_last_child(r->leaf_node) : NULL;
    artconv_node *cell = NULL;
    size_t col = 0, i = 0, k;
    int rc = 0;

    if (row == NULL && (row = ac_node_add(r->leaf_node, ARTCONV_NODE_TABLE_ROW, r->err)) == NULL)
        return fail(r);
    if (header && (rc = artconv_node_set_header(row, 1, r->err)) < 0)
        return rc;
    if (append)
        cell = artconv_node_first_child(row);
    for (k = 0; k < r->ncols; k++) {
        size_t start = i, end;
        const char *text;
        size_t clen;
        artconv_node *c;

        while (i < len && (k + 1 == r->ncols || col < r->col_start[k + 1])) {
            ucs4_t uc;
            int n = u8_mbtouc(&uc, (const uint8_t *)s + i, len - i);

            col += ac_text_width(s + i, (size_t)(n > 0 ? n : 1));
            i += (size_t)(n > 0 ? n : 1);
        }
        end = i;
        text = s + start;
        clen = end - start;
        trim(&text, &clen);
        if (append && cell != NULL) {
            c = cell;
            cell = artconv_node_next(cell);
        } else if ((c = ac_node_add(row, ARTCONV_NODE_TABLE_CELL, r->err)) == NULL) {
            return fail(r);
        }
        if (clen > 0 && (rc = add_cell_text(r, c, text, clen)) < 0)
            return rc;
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

/* Turns the open one-line paragraph into a table's header row; `wrapped`
 * for the layout of wrapped cells (an '=' rule under the header, rows
 * apart by blank lines, an '=' rule at the end: see text/write_table.c). */
static int start_table(reader *r, size_t ncols, int wrapped)
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
    r->table_wrapped = wrapped;
    r->row_open = 0;
    return table_row(r, r->text.ptr + l->start, l->len, 1, 0);
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
        /* A wrapped table's rows are apart by blank lines. */
        if (r->leaf == LEAF_TABLE && r->table_wrapped) {
            r->row_open = 0;
            return 0;
        }
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
        if (!r->table_wrapped)
            return table_row(r, p, plen, 0, 0);
        /* The closing rule, or a line of a row: its empty first cells
         * are spaces, so the columns count from the line's start. */
        if (table_columns(r, p, plen, '=') > 0)
            return close_leaf(r);
        rc = table_row(r, rest, rlen, 0, r->row_open);
        r->row_open = 1;
        return rc;
    }
    if (r->leaf == LEAF_PARA && !opened) {
        size_t ncols;

        if (ac_all_of(p, plen, '=') && ind < 4)
            return setext(r, 1);
        if (ac_all_of(p, plen, '-') && plen >= 3 && ind < 4)
            return setext(r, 2);
        if (r->recs[r->nrecs - 1].count == 1 && ind < 4 &&
            (ncols = table_columns(r, p, plen, '-')) > 0)
            return start_table(r, ncols, 0);
        if (r->recs[r->nrecs - 1].count == 1 && ind < 4 &&
            (ncols = table_columns(r, p, plen, '=')) > 0)
            return start_table(r, ncols, 1);
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
int ac_text_split_lines(reader *r, const char *in, size_t len)
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
