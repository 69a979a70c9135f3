/*
 * date.c - reading dates as people and sites write them, and writing them
 * back as ISO 8601.  The input is cut into tokens (numbers, words, single
 * punctuation marks) and matched against a handful of shapes; anything left
 * over makes the whole string a failure, so garbage is never half-accepted.
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>

#define MAX_TOKENS 32

typedef enum { TOK_NUM, TOK_WORD, TOK_PUNCT } tok_kind;

typedef struct token {
    tok_kind kind;
    const char *s;
    size_t len;
    long value; /* TOK_NUM; -1 when it has too many digits */
} token;

typedef struct parsed {
    int year, month, day;
    int hour, minute, second;
    int has_time;
    int has_zone;
    int offset; /* minutes east of UTC */
} parsed;

static const char *const month_names[12] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december",
};

static const char *const day_names[7] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

/* Zone abbreviations with one well-known offset.  IST is taken as India
 * Standard Time, the common reading on the news sites this tool meets. */
static const struct zone {
    const char *name;
    int offset;
} zones[] = {
    {"z", 0},      {"ut", 0},     {"utc", 0},    {"gmt", 0},    {"wet", 0},     {"west", 60},
    {"bst", 60},   {"cet", 60},   {"wat", 60},   {"cest", 120}, {"eet", 120},   {"sast", 120},
    {"eest", 180}, {"msk", 180},  {"eat", 180},  {"gst", 240},  {"pkt", 300},   {"ist", 330},
    {"npt", 345},  {"ict", 420},  {"wib", 420},  {"hkt", 480},  {"sgt", 480},   {"awst", 480},
    {"pht", 480},  {"jst", 540},  {"kst", 540},  {"acst", 570}, {"aest", 600},  {"acdt", 630},
    {"aedt", 660}, {"nzst", 720}, {"nzdt", 780}, {"hst", -600}, {"akst", -540}, {"akdt", -480},
    {"pst", -480}, {"pdt", -420}, {"mst", -420}, {"mdt", -360}, {"cst", -360},  {"cdt", -300},
    {"est", -300}, {"edt", -240}, {"ast", -240}, {"adt", -180}, {"nst", -210},  {"ndt", -150},
    {"brt", -180}, {"art", -180},
};

static int is_alpha(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

/* Returns the number of tokens, or -1 for input this parser never takes. */
static int tokenize(token *toks, const char *s, size_t len)
{
    size_t i = 0;
    int n = 0;

    while (i < len) {
        token *t;
        unsigned char c = (unsigned char)s[i];

        if (ac_is_space(c)) {
            i++;
            continue;
        }
        if (n == MAX_TOKENS)
            return -1;
        t = &toks[n++];
        t->s = s + i;
        t->value = 0;
        if (is_digit(c)) {
            t->kind = TOK_NUM;
            while (i < len && is_digit((unsigned char)s[i])) {
                if (t->value >= 0 && t->value < 100000000)
                    t->value = t->value * 10 + (s[i] - '0');
                else
                    t->value = -1;
                i++;
            }
        } else if (is_alpha(c)) {
            t->kind = TOK_WORD;
            while (i < len && is_alpha((unsigned char)s[i]))
                i++;
        } else if (c < 0x80 && c != 0) {
            t->kind = TOK_PUNCT;
            i++;
        } else {
            return -1;
        }
        t->len = (size_t)(s + i - t->s);
    }
    return n;
}

static int word_is(const token *t, const char *w)
{
    return t->kind == TOK_WORD && t->len == strlen(w) && ac_strncaseeq(t->s, w, t->len);
}

static int punct_is(const token *t, char c)
{
    return t->kind == TOK_PUNCT && t->s[0] == c;
}

/* Month from a word: full English name or its first three letters
 * ("Sept" too). */
static int month_of(const token *t)
{
    int m;

    if (t->kind != TOK_WORD || t->len < 3)
        return 0;
    for (m = 0; m < 12; m++) {
        size_t full = strlen(month_names[m]);

        if (t->len > full || !ac_strncaseeq(t->s, month_names[m], t->len))
            continue;
        if (t->len == 3 || t->len == full || (m == 8 && t->len == 4))
            return m + 1;
    }
    return 0;
}

static int weekday(const token *t)
{
    int d;

    if (t->kind != TOK_WORD || t->len < 3)
        return 0;
    for (d = 0; d < 7; d++) {
        size_t full = strlen(day_names[d]);

        if (t->len <= full && ac_strncaseeq(t->s, day_names[d], t->len) &&
            (t->len == 3 || t->len == full))
            return 1;
    }
    return 0;
}

static int digits(const token *t)
{
    return t->kind == TOK_NUM ? (int)t->len : 0;
}

static int days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

    return month == 2 && leap ? 29 : days[month - 1];
}

/* The date part.  Returns the index after it, or -1. */
static int parse_date(const token *t, int n, int i, parsed *p)
{
    /* 2024-03-02, 2024/03/02 */
    if (i + 4 < n && digits(&t[i]) == 4 && (punct_is(&t[i + 1], '-') || punct_is(&t[i + 1], '/')) &&
        t[i + 2].kind == TOK_NUM && digits(&t[i + 2]) <= 2 && punct_is(&t[i + 3], t[i + 1].s[0]) &&
        t[i + 4].kind == TOK_NUM && digits(&t[i + 4]) <= 2) {
        p->year = (int)t[i].value;
        p->month = (int)t[i + 2].value;
        p->day = (int)t[i + 4].value;
        return i + 5;
    }
    /* 2 March 2024, 02 Mar. 2024, 2nd March, 2024 */
    if (i + 2 < n && t[i].kind == TOK_NUM && digits(&t[i]) <= 2) {
        int j = i + 1;

        if (j < n && (word_is(&t[j], "st") || word_is(&t[j], "nd") || word_is(&t[j], "rd") ||
                      word_is(&t[j], "th")))
            j++;
        if (j < n && (punct_is(&t[j], '-') || punct_is(&t[j], '.')))
            j++;
        if (j < n && month_of(&t[j])) {
            p->month = month_of(&t[j++]);
            if (j < n && (punct_is(&t[j], '.') || punct_is(&t[j], ',') || punct_is(&t[j], '-')))
                j++;
            if (j < n && digits(&t[j]) == 4) {
                p->day = (int)t[i].value;
                p->year = (int)t[j].value;
                return j + 1;
            }
        }
        return -1;
    }
    /* March 2, 2024; Mar. 02 2024 */
    if (i + 2 < n && month_of(&t[i])) {
        int j = i + 1;

        p->month = month_of(&t[i]);
        if (punct_is(&t[j], '.'))
            j++;
        if (j >= n || t[j].kind != TOK_NUM || digits(&t[j]) > 2)
            return -1;
        p->day = (int)t[j++].value;
        if (j < n && (word_is(&t[j], "st") || word_is(&t[j], "nd") || word_is(&t[j], "rd") ||
                      word_is(&t[j], "th")))
            j++;
        if (j < n && punct_is(&t[j], ','))
            j++;
        if (j < n && digits(&t[j]) == 4) {
            p->year = (int)t[j].value;
            return j + 1;
        }
    }
    return -1;
}

/* The time part, from t[i] (a number).  Returns the index after it, or -1. */
static int parse_time(const token *t, int n, int i, parsed *p)
{
    if (!(i + 2 < n && digits(&t[i]) >= 1 && digits(&t[i]) <= 2 && punct_is(&t[i + 1], ':') &&
          digits(&t[i + 2]) == 2))
        return -1;
    p->hour = (int)t[i].value;
    p->minute = (int)t[i + 2].value;
    p->second = 0;
    p->has_time = 1;
    i += 3;
    if (i + 1 < n && punct_is(&t[i], ':') && digits(&t[i + 1]) == 2) {
        p->second = (int)t[i + 1].value;
        i += 2;
        /* Fractions of a second are dropped. */
        if (i + 1 < n && (punct_is(&t[i], '.') || punct_is(&t[i], ',')) && t[i + 1].kind == TOK_NUM)
            i += 2;
    }
    /* 12-hour clock: AM, PM, a.m., p.m. */
    if (i < n && t[i].kind == TOK_WORD) {
        int pm = -1, j = i;

        if (word_is(&t[j], "am") || word_is(&t[j], "pm")) {
            pm = (t[j].s[0] == 'p' || t[j].s[0] == 'P');
            j++;
        } else if ((word_is(&t[j], "a") || word_is(&t[j], "p")) && j + 2 < n &&
                   punct_is(&t[j + 1], '.') && word_is(&t[j + 2], "m")) {
            pm = (t[j].s[0] == 'p' || t[j].s[0] == 'P');
            j += 3;
            if (j < n && punct_is(&t[j], '.'))
                j++;
        }
        if (pm >= 0) {
            if (p->hour < 1 || p->hour > 12)
                return -1;
            p->hour = p->hour % 12 + (pm ? 12 : 0);
            i = j;
        }
    }
    return i;
}

/* A numeric offset after '+' or '-' at t[i].  Returns the index after. */
static int parse_offset(const token *t, int n, int i, parsed *p)
{
    int sign, hh, mm = 0;

    if (i + 1 >= n || t[i].kind != TOK_PUNCT || (t[i].s[0] != '+' && t[i].s[0] != '-'))
        return -1;
    sign = t[i].s[0] == '-' ? -1 : 1;
    if (digits(&t[i + 1]) == 4) {
        hh = (int)t[i + 1].value / 100;
        mm = (int)t[i + 1].value % 100;
        i += 2;
    } else if (digits(&t[i + 1]) >= 1 && digits(&t[i + 1]) <= 2) {
        hh = (int)t[i + 1].value;
        i += 2;
        if (i + 1 < n && punct_is(&t[i], ':') && digits(&t[i + 1]) == 2) {
            mm = (int)t[i + 1].value;
            i += 2;
        }
    } else {
        return -1;
    }
    if (hh > 14 || mm > 59)
        return -1;
    p->offset = sign * (hh * 60 + mm);
    p->has_zone = 1;
    return i;
}

static int parse_zone(const token *t, int n, int i, parsed *p)
{
    size_t z;

    if (i < n && t[i].kind == TOK_PUNCT)
        return parse_offset(t, n, i, p);
    if (i >= n || t[i].kind != TOK_WORD)
        return -1;
    for (z = 0; z < sizeof zones / sizeof zones[0]; z++) {
        if (!word_is(&t[i], zones[z].name))
            continue;
        p->offset = zones[z].offset;
        p->has_zone = 1;
        i++;
        /* "GMT+5:30", "UTC-08:00" */
        if (zones[z].offset == 0 && i < n && t[i].kind == TOK_PUNCT && t[i].s[0] != ',') {
            return parse_offset(t, n, i, p);
        }
        /* "(IST)" and similar are written with parentheses at times. */
        return i;
    }
    return -1;
}

static int parse_all(const token *t, int n, parsed *p)
{
    int i = 0;

    memset(p, 0, sizeof *p);
    if (i < n && weekday(&t[i])) {
        i++;
        if (i < n && (punct_is(&t[i], ',') || punct_is(&t[i], '.')))
            i++;
    }
    if ((i = parse_date(t, n, i, p)) < 0)
        return -1;
    /* Separators between the date and the time: "T", ",", "at", "|", "-". */
    while (i < n && (word_is(&t[i], "T") || word_is(&t[i], "at") || punct_is(&t[i], ',') ||
                     punct_is(&t[i], '|') ||
                     (punct_is(&t[i], '-') && i + 1 < n && digits(&t[i + 1]) > 0 && i + 2 < n &&
                      punct_is(&t[i + 2], ':'))))
        i++;
    if (i < n && t[i].kind == TOK_NUM && (i = parse_time(t, n, i, p)) < 0)
        return -1;
    if (i < n && punct_is(&t[i], '(') && i + 2 < n && punct_is(&t[i + 2], ')')) {
        if (parse_zone(t, i + 2, i + 1, p) != i + 2)
            return -1;
        i += 3;
    } else if (i < n && (i = parse_zone(t, n, i, p)) < 0) {
        return -1;
    }
    if (i != n)
        return -1;
    if (p->year < 1 || p->month < 1 || p->month > 12 || p->day < 1 ||
        p->day > days_in_month(p->year, p->month))
        return -1;
    if (p->has_time && (p->hour > 23 || p->minute > 59 || p->second > 59))
        return -1;
    return 0;
}

int ac_date_normalize(artconv_buf *out, const char *s, size_t len)
{
    token toks[MAX_TOKENS];
    char text[40];
    parsed p;
    int n, k;

    if (s == NULL || len > 200)
        return ARTCONV_EPARSE;
    n = tokenize(toks, s, len);
    if (n <= 0 || parse_all(toks, n, &p) < 0)
        return ARTCONV_EPARSE;
    k = snprintf(text, sizeof text, "%04d-%02d-%02d", p.year, p.month, p.day);
    if (p.has_time) {
        k += snprintf(text + k, sizeof text - (size_t)k, "T%02d:%02d:%02d", p.hour, p.minute,
                      p.second);
        if (p.has_zone && p.offset == 0)
            k += snprintf(text + k, sizeof text - (size_t)k, "Z");
        else if (p.has_zone)
            k += snprintf(text + k, sizeof text - (size_t)k, "%c%02d:%02d",
                          p.offset < 0 ? '-' : '+', (p.offset < 0 ? -p.offset : p.offset) / 60,
                          (p.offset < 0 ? -p.offset : p.offset) % 60);
    }
    return artconv_buf_put(out, text, (size_t)k) < 0 ? ARTCONV_ENOMEM : ARTCONV_OK;
}
