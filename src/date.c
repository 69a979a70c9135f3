/*
 * date.c - reading dates as people and sites write them, and writing them
 * back as ISO 8601.  The input is cut into tokens (numbers, words, single
 * punctuation marks) and matched against a handful of shapes.
 * ac_date_normalize takes a string that is one date: anything left over
 * makes it a failure, so garbage is never half-accepted.  ac_date_find
 * looks for the first full date inside a short line of page text
 * ("Updated on 3 de marzo de 2024 | 5 min read").
 *
 * Words are ASCII letters and any UTF-8 sequence other than the spaces and
 * punctuation named in char_class, so "März" and "août" are one word each.
 * Month names are English, German, French, Spanish, Italian, Portuguese and
 * Dutch, written in full (with or without their accents) or cut to three
 * letters or more ("Sept", "févr", "dez").
 *
 * One file past 600 lines: the name tables, the tokenizer and the shapes
 * are one grammar, and both entry points must read it the same way.
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>

/* A date string (meta content, front matter) never needs more tokens. */
#define MAX_TOKENS 32
/* ac_date_find reads at most this much of its line and this many tokens:
 * it is meant for a short line next to a headline, and the cap keeps the
 * stack array small. */
#define FIND_MAX_BYTES 1024
#define FIND_MAX_TOKENS 128
/* Years a date found in page text may have: page text holds other
 * numbers, and a news page's date lies in this range. */
#define FIND_MIN_YEAR 1900
#define FIND_MAX_YEAR 2100

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

/* Full month names; a word that is one of them, or three letters or more
 * of the start of one, names that month (see month_of). */
static const struct month_name {
    const char *name;
    int month;
} month_names[] = {
    /* English */
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6},
    {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11},
    {"december", 12},
    /* German (and Austrian Jänner) */
    {"januar", 1}, {"j\xc3\xa4nner", 1}, {"februar", 2}, {"m\xc3\xa4rz", 3}, {"maerz", 3},
    {"mai", 5}, {"juni", 6}, {"juli", 7}, {"oktober", 10}, {"dezember", 12},
    /* French */
    {"janvier", 1}, {"f\xc3\xa9vrier", 2}, {"fevrier", 2}, {"mars", 3}, {"avril", 4},
    {"juin", 6}, {"juillet", 7}, {"ao\xc3\xbbt", 8}, {"aout", 8}, {"septembre", 9},
    {"octobre", 10}, {"novembre", 11}, {"d\xc3\xa9" "cembre", 12}, {"decembre", 12},
    /* Spanish */
    {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6},
    {"julio", 7}, {"agosto", 8}, {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10},
    {"noviembre", 11}, {"diciembre", 12},
    /* Italian */
    {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6},
    {"luglio", 7}, {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12},
    /* Portuguese */
    {"janeiro", 1}, {"fevereiro", 2}, {"mar\xc3\xa7o", 3}, {"marco", 3}, {"maio", 5},
    {"junho", 6}, {"julho", 7}, {"setembro", 9}, {"outubro", 10}, {"novembro", 11},
    {"dezembro", 12},
    /* Dutch (and its abbreviation of maart, which is no start of it) */
    {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mrt", 3}, {"mei", 5},
    {"augustus", 8},
};

/* Weekdays, which may open a date string: full names, or their first three
 * letters. */
static const char *const day_names[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend",
    "sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "lunes", "martes", "mi\xc3\xa9rcoles", "miercoles", "jueves", "viernes", "s\xc3\xa1" "bado",
    "sabado", "domingo", "luned\xc3\xac", "lunedi", "marted\xc3\xac", "martedi",
    "mercoled\xc3\xac", "mercoledi", "gioved\xc3\xac", "giovedi", "venerd\xc3\xac", "venerdi",
    "sabato", "domenica", "segunda", "ter\xc3\xa7" "a", "terca", "quarta", "quinta", "sexta",
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
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

enum { CH_SPACE, CH_PUNCT, CH_LETTER, CH_DIGIT, CH_BAD };

/* The class of the character at s[i] (i < len) and its length in bytes.
 * UTF-8 spaces (no-break, thin, narrow no-break, ideographic, zero-width)
 * are spaces; general punctuation (dashes, quotes, bullets) and Latin-1
 * signs (©, «, », ·) are punctuation, except the ordinal indicators º and
 * ª; any other byte from 0x80 up belongs to a word. */
static int char_class(const char *s, size_t i, size_t len, size_t *width)
{
    unsigned char c = (unsigned char)s[i];
    unsigned char c1 = i + 1 < len ? (unsigned char)s[i + 1] : 0;
    unsigned char c2 = i + 2 < len ? (unsigned char)s[i + 2] : 0;

    *width = 1;
    if (c < 0x80) {
        if (ac_is_space(c))
            return CH_SPACE;
        if (is_digit(c))
            return CH_DIGIT;
        if (is_alpha(c))
            return CH_LETTER;
        return c == 0 ? CH_BAD : CH_PUNCT;
    }
    if (c == 0xc2 && c1 >= 0xa0 && c1 <= 0xbf) {
        *width = 2;
        if (c1 == 0xa0)
            return CH_SPACE;
        return c1 == 0xaa || c1 == 0xba ? CH_LETTER : CH_PUNCT;
    }
    if (c == 0xe2 && (c1 == 0x80 || c1 == 0x81) && c2 >= 0x80 && c2 <= 0xbf) {
        *width = 3;
        return c1 == 0x80 && (c2 <= 0x8b || c2 == 0xaf) ? CH_SPACE : CH_PUNCT;
    }
    if (c == 0xe3 && c1 == 0x80 && c2 == 0x80) {
        *width = 3;
        return CH_SPACE;
    }
    return CH_LETTER;
}

/* Cuts s[0..len) into at most `max` tokens.  Returns their number, or -1
 * for input this parser never takes (a NUL byte; more than `max` tokens
 * unless `cut` is set, when the rest is left out). */
static int tokenize(token *toks, int max, const char *s, size_t len, int cut)
{
    size_t i = 0, w;
    int n = 0;

    while (i < len) {
        token *t;
        int cls = char_class(s, i, len, &w);

        if (cls == CH_SPACE) {
            i += w;
            continue;
        }
        if (cls == CH_BAD)
            return -1;
        if (n == max)
            return cut ? n : -1;
        t = &toks[n++];
        t->s = s + i;
        t->value = 0;
        if (cls == CH_DIGIT) {
            t->kind = TOK_NUM;
            while (i < len && is_digit((unsigned char)s[i])) {
                if (t->value >= 0 && t->value < 100000000)
                    t->value = t->value * 10 + (s[i] - '0');
                else
                    t->value = -1;
                i++;
            }
        } else if (cls == CH_LETTER) {
            t->kind = TOK_WORD;
            while (i < len && char_class(s, i, len, &w) == CH_LETTER)
                i += w;
        } else {
            t->kind = TOK_PUNCT;
            i += w;
        }
        t->len = (size_t)(s + i - t->s);
    }
    return n;
}

/* The byte at s[k] in lower case: ASCII, and the capitals of Latin-1
 * (U+00C0-U+00DE but ×) as UTF-8's second byte after 0xC3. */
static unsigned char fold_at(const char *s, size_t k)
{
    unsigned char c = (unsigned char)s[k];

    if (c >= 'A' && c <= 'Z')
        return (unsigned char)(c + 32);
    if (k > 0 && (unsigned char)s[k - 1] == 0xc3 && c >= 0x80 && c <= 0x9e && c != 0x97)
        return (unsigned char)(c + 32);
    return c;
}

/* 1 if the word, in lower case, is the start of `name` (all of it when
 * `whole`). */
static int word_starts(const token *t, const char *name, int whole)
{
    size_t k, n = strlen(name);

    if (t->kind != TOK_WORD || t->len > n || (whole && t->len != n))
        return 0;
    for (k = 0; k < t->len; k++)
        if (fold_at(t->s, k) != (unsigned char)name[k])
            return 0;
    return 1;
}

static int word_is(const token *t, const char *w)
{
    return word_starts(t, w, 1);
}

static int punct_is(const token *t, char c)
{
    return t->kind == TOK_PUNCT && t->len == 1 && t->s[0] == c;
}

/* The month a word names, or 0; a start shared by two months ("jui",
 * juin and juillet) names neither. */
static int month_of(const token *t)
{
    size_t m;
    int found = 0;

    if (t->kind != TOK_WORD || t->len < 3)
        return 0;
    for (m = 0; m < sizeof month_names / sizeof month_names[0]; m++) {
        if (word_starts(t, month_names[m].name, 1))
            return month_names[m].month;
        if (word_starts(t, month_names[m].name, 0)) {
            if (found != 0 && found != month_names[m].month)
                return 0;
            found = month_names[m].month;
        }
    }
    return found;
}

static int weekday(const token *t)
{
    size_t d;

    if (t->kind != TOK_WORD || t->len < 3 || month_of(t))
        return 0;
    for (d = 0; d < sizeof day_names / sizeof day_names[0]; d++)
        if (word_starts(t, day_names[d], 0) && (t->len == 3 || t->len == strlen(day_names[d])))
            return 1;
    return 0;
}

static int digits(const token *t)
{
    return t->kind == TOK_NUM ? (int)t->len : 0;
}

/* "3rd", "1er", "1º": the letters after a day number. */
static int ordinal(const token *t)
{
    static const char *const suffixes[] = {"st", "nd", "rd", "th", "er", "\xc2\xba", "\xc2\xaa"};
    size_t k;

    for (k = 0; k < sizeof suffixes / sizeof suffixes[0]; k++)
        if (word_is(t, suffixes[k]))
            return 1;
    return 0;
}

static int days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

    return month == 2 && leap ? 29 : days[month - 1];
}

/* Day and month of a numeric date "a/b/yyyy", "a-b-yyyy" or "a.b.yyyy".
 * Dots put the day first everywhere; with a slash or a hyphen a number
 * over 12 settles it, else `order` does (0: no guess).  Returns 0 or -1. */
static int numeric_day_month(long a, long b, char sep, int order, parsed *p)
{
    if (sep == '.' || a > 12)
        order = AC_DATE_DAY_FIRST;
    else if (b > 12)
        order = AC_DATE_MONTH_FIRST;
    else if (a == b)
        order = AC_DATE_DAY_FIRST;
    if (order == AC_DATE_DAY_FIRST) {
        p->day = (int)a;
        p->month = (int)b;
    } else if (order == AC_DATE_MONTH_FIRST) {
        p->month = (int)a;
        p->day = (int)b;
    } else {
        return -1;
    }
    return 0;
}

static int date_sep(const token *t)
{
    return punct_is(t, '-') || punct_is(t, '/') || punct_is(t, '.');
}

/* The date part from t[i]; `order` as for ac_date_find, or 0.  Returns the
 * index after it, or -1. */
static int parse_date(const token *t, int n, int i, int order, parsed *p)
{
    int j;

    /* 2024年3月2日, 2024년 3월 2일 */
    if (i + 5 < n && digits(&t[i]) == 4 && digits(&t[i + 2]) >= 1 && digits(&t[i + 2]) <= 2 &&
        digits(&t[i + 4]) >= 1 && digits(&t[i + 4]) <= 2 &&
        ((word_is(&t[i + 1], "\xe5\xb9\xb4") && word_is(&t[i + 3], "\xe6\x9c\x88") &&
          word_is(&t[i + 5], "\xe6\x97\xa5")) ||
         (word_is(&t[i + 1], "\xeb\x85\x84") && word_is(&t[i + 3], "\xec\x9b\x94") &&
          word_is(&t[i + 5], "\xec\x9d\xbc")))) {
        p->year = (int)t[i].value;
        p->month = (int)t[i + 2].value;
        p->day = (int)t[i + 4].value;
        return i + 6;
    }
    /* 2024-03-02, 2024/03/02, 2024.03.02 */
    if (i + 4 < n && digits(&t[i]) == 4 && date_sep(&t[i + 1]) && digits(&t[i + 2]) >= 1 &&
        digits(&t[i + 2]) <= 2 && punct_is(&t[i + 3], t[i + 1].s[0]) &&
        digits(&t[i + 4]) >= 1 && digits(&t[i + 4]) <= 2) {
        p->year = (int)t[i].value;
        p->month = (int)t[i + 2].value;
        p->day = (int)t[i + 4].value;
        return i + 5;
    }
    /* 2023 Jan 7; 2023 January 7. (PubMed and library citations: the day
     * ends the text or a punctuation mark follows, since "in 2024 May 5
     * people" is no date) */
    if (i + 2 < n && digits(&t[i]) == 4 && month_of(&t[i + 1])) {
        j = i + 2;
        if (j < n && punct_is(&t[j], '.'))
            j++;
        if (j < n && digits(&t[j]) >= 1 && digits(&t[j]) <= 2 &&
            (j + 1 == n || t[j + 1].kind == TOK_PUNCT)) {
            p->year = (int)t[i].value;
            p->month = month_of(&t[i + 1]);
            p->day = (int)t[j].value;
            return j + 1;
        }
    }
    /* 31.05.2024, 05/31/2024, 31-05-2024 */
    if (i + 4 < n && digits(&t[i]) >= 1 && digits(&t[i]) <= 2 && date_sep(&t[i + 1]) &&
        digits(&t[i + 2]) >= 1 && digits(&t[i + 2]) <= 2 &&
        punct_is(&t[i + 3], t[i + 1].s[0]) && digits(&t[i + 4]) == 4) {
        if (numeric_day_month(t[i].value, t[i + 2].value, t[i + 1].s[0], order, p) < 0)
            return -1;
        p->year = (int)t[i + 4].value;
        return i + 5;
    }
    /* 2 March 2024, 02 Mar. 2024, 2nd March, 2024, 3. März 2024,
     * 3 de marzo de 2024, 1er mars 2024, 3rd of March 2024, 04-ago-2021 */
    if (i + 2 < n && digits(&t[i]) >= 1 && digits(&t[i]) <= 2) {
        j = i + 1;
        if (j < n && ordinal(&t[j]))
            j++;
        if (j < n && (punct_is(&t[j], '-') || punct_is(&t[j], '.')))
            j++;
        if (j < n && j > i + 1 && ordinal(&t[j]))
            j++; /* "1.º" */
        if (j < n && (word_is(&t[j], "de") || word_is(&t[j], "of")))
            j++;
        if (j >= n || !month_of(&t[j]))
            return -1;
        p->month = month_of(&t[j++]);
        if (j < n && (punct_is(&t[j], '.') || punct_is(&t[j], ',') || punct_is(&t[j], '-')))
            j++;
        if (j < n && (word_is(&t[j], "de") || word_is(&t[j], "del")))
            j++;
        if (j < n && digits(&t[j]) == 4) {
            p->day = (int)t[i].value;
            p->year = (int)t[j].value;
            return j + 1;
        }
        return -1;
    }
    /* March 2, 2024; Mar. 02 2024; March 2nd, 2024 */
    if (i + 2 < n && month_of(&t[i])) {
        j = i + 1;
        p->month = month_of(&t[i]);
        if (punct_is(&t[j], '.'))
            j++;
        if (j >= n || digits(&t[j]) < 1 || digits(&t[j]) > 2)
            return -1;
        p->day = (int)t[j++].value;
        if (j < n && ordinal(&t[j]))
            j++;
        if (j < n && punct_is(&t[j], ','))
            j++;
        if (j < n && word_is(&t[j], "de"))
            j++;
        if (j < n && digits(&t[j]) == 4) {
            p->year = (int)t[j].value;
            return j + 1;
        }
    }
    return -1;
}

static int date_valid(const parsed *p)
{
    return p->year >= 1 && p->month >= 1 && p->month <= 12 && p->day >= 1 &&
           p->day <= days_in_month(p->year, p->month);
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

/* Words that join a date and its time: "at", "à", "um", "alle", "às", "om". */
static int time_joiner(const token *t)
{
    static const char *const words[] = {"t", "at", "\xc3\xa0", "um", "alle", "\xc3\xa0s", "om"};
    size_t k;

    for (k = 0; k < sizeof words / sizeof words[0]; k++)
        if (word_is(t, words[k]))
            return 1;
    return 0;
}

static int parse_all(const token *t, int n, parsed *p)
{
    int i = 0;

    memset(p, 0, sizeof *p);
    if (i < n && weekday(&t[i])) {
        i++;
        /* "segunda-feira" */
        if (i + 1 < n && punct_is(&t[i], '-') && word_is(&t[i + 1], "feira"))
            i += 2;
        if (i < n && (punct_is(&t[i], ',') || punct_is(&t[i], '.')))
            i++;
    }
    if ((i = parse_date(t, n, i, 0, p)) < 0)
        return -1;
    /* Separators between the date and the time: "T", ",", "at", "|", "-". */
    while (i < n && (time_joiner(&t[i]) || punct_is(&t[i], ',') || punct_is(&t[i], '|') ||
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
    if (i != n || !date_valid(p))
        return -1;
    if (p->has_time && (p->hour > 23 || p->minute > 59 || p->second > 59))
        return -1;
    return 0;
}

/* Writes the date in ISO 8601 into text[0..size) (size >= AC_DATE_ISO_MAX);
 * returns its length. */
static int format_iso(char *text, size_t size, const parsed *p)
{
    int k = snprintf(text, size, "%04d-%02d-%02d", p->year, p->month, p->day);
    int off = p->offset < 0 ? -p->offset : p->offset;

    if (p->has_time) {
        k += snprintf(text + k, size - (size_t)k, "T%02d:%02d:%02d", p->hour, p->minute,
                      p->second);
        if (p->has_zone && p->offset == 0)
            k += snprintf(text + k, size - (size_t)k, "Z");
        else if (p->has_zone)
            k += snprintf(text + k, size - (size_t)k, "%c%02d:%02d", p->offset < 0 ? '-' : '+',
                          off / 60, off % 60);
    }
    return k;
}

int ac_date_normalize(artconv_buf *out, const char *s, size_t len)
{
    token toks[MAX_TOKENS];
    char text[AC_DATE_ISO_MAX];
    parsed p;
    int n, k;

    if (s == NULL || len > 200)
        return ARTCONV_EPARSE;
    n = tokenize(toks, MAX_TOKENS, s, len, 0);
    if (n <= 0 || parse_all(toks, n, &p) < 0)
        return ARTCONV_EPARSE;
    k = format_iso(text, sizeof text, &p);
    return artconv_buf_put(out, text, (size_t)k) < 0 ? ARTCONV_ENOMEM : ARTCONV_OK;
}

/* 1 if t[a] and t[b] touch (no space between them). */
static int touching(const token *t, int a, int b)
{
    return t[a].s + t[a].len == t[b].s;
}

/* 1 if a number glued to t[i] by '.', '/', '-' or ':' comes before it,
 * or after t[j - 1] (the date is part of a longer run of numbers, a
 * version, a year range: "1.12.05.2024", "2023-2024"). */
static int inside_number_run(const token *t, int n, int i, int j)
{
    if (i >= 2 && (date_sep(&t[i - 1]) || punct_is(&t[i - 1], ':')) && touching(t, i - 1, i) &&
        touching(t, i - 2, i - 1) && t[i - 2].kind == TOK_NUM)
        return 1;
    if (i >= 1 && t[i - 1].kind == TOK_NUM)
        return 1;
    return j + 1 < n && (date_sep(&t[j]) || punct_is(&t[j], ':')) && touching(t, j - 1, j) &&
           touching(t, j, j + 1) && t[j + 1].kind == TOK_NUM;
}

/* The time after a date at t[i], when one follows ("March 3, 2024 at
 * 10:15 am EST", "3. März 2024, 14:30 Uhr"); p keeps no time otherwise. */
static void find_time(const token *t, int n, int i, parsed *p)
{
    parsed q = *p;
    int seps = 0;

    while (i < n && seps < 2 &&
           (time_joiner(&t[i]) || punct_is(&t[i], ',') || punct_is(&t[i], '|') ||
            punct_is(&t[i], '-') || t[i].kind == TOK_PUNCT))
        i++, seps++;
    if (i >= n || t[i].kind != TOK_NUM || (i = parse_time(t, n, i, &q)) < 0)
        return;
    if (q.hour > 23 || q.minute > 59 || q.second > 59)
        return;
    if (i < n && t[i].kind == TOK_WORD && parse_zone(t, n, i, &q) < 0) {
        q.has_zone = 0;
        q.offset = 0;
    }
    *p = q;
}

int ac_date_find_span(char out[AC_DATE_ISO_MAX], const char *s, size_t len, int order,
                      size_t *start, size_t *end)
{
    token toks[FIND_MAX_TOKENS];
    parsed p;
    int n, i, j;

    out[0] = '\0';
    if (s == NULL)
        return 0;
    if (len > FIND_MAX_BYTES)
        len = FIND_MAX_BYTES;
    n = tokenize(toks, FIND_MAX_TOKENS, s, len, 1);
    for (i = 0; i < n; i++) {
        memset(&p, 0, sizeof p);
        j = parse_date(toks, n, i, order, &p);
        if (j < 0 || !date_valid(&p) || p.year < FIND_MIN_YEAR || p.year > FIND_MAX_YEAR ||
            inside_number_run(toks, n, i, j))
            continue;
        *start = (size_t)(toks[i].s - s);
        *end = (size_t)(toks[j - 1].s + toks[j - 1].len - s);
        find_time(toks, n, j, &p);
        format_iso(out, AC_DATE_ISO_MAX, &p);
        return 1;
    }
    return 0;
}

int ac_date_find(char out[AC_DATE_ISO_MAX], const char *s, size_t len, int order)
{
    size_t start, end;

    return ac_date_find_span(out, s, len, order, &start, &end);
}
