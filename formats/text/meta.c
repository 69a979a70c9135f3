/*
 * meta.c - byline and date lines of plain-text news ("By A and B",
 * "Published: 2 March 2024", "By X | Agency | date"), in blocks of their own.
 */
#include "text_reader.h"
#include "news.h"

/* "By A, B and C", "Written by ...", "Par A et B": the shared rule of
 * formats/shared/news.c, for a line of free text.  Returns 1 if it is a
 * byline (adding the names when `apply`), 0 if not, <0 on failure. */
static int byline(reader *r, const char *s, size_t len, int apply)
{
    return ac_news_byline(r->article, s, len, AC_BYLINE_FREE, apply, r->err);
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
int ac_text_date_line(reader *r, const char *s, size_t len, int apply)
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
        if ((rc = ac_text_date_line(r, part, plen, apply)) != 0) {
            if (rc < 0)
                return rc;
            after_byline = 0;
            continue;
        }
        /* "By Jane Doe | Reuters": the agency after a byline. */
        if (after_byline && ac_news_looks_like_name(part, plen) && plen <= 40) {
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

    return ac_news_byline_prefix(s, len) > 0 || date_label(s, len, &field) > 0 || ac_text_date_line(r, s, len, 0) > 0;
}

/* A block of byline and date lines, each perhaps wrapped onto the next.
 * Returns 1 if the whole block is that, 0 if not, <0 on failure. */
int ac_text_meta_block(reader *r, const record *rec, int apply)
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
