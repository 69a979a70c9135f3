/*
 * dates.c - tests of src/date.c: ac_date_normalize on date strings, and
 * ac_date_find on lines of page text, in each language and shape it
 * reads, with what it must pass over.  Every input is copied into a heap
 * block of exactly its length (no NUL after it), so that a read past the
 * end shows under ASan.
 */
#include "internal.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ac_date_find over a copy of `s` without its NUL; "" when none found. */
static const char *find(char out[AC_DATE_ISO_MAX], const char *s, int order)
{
    size_t len = strlen(s);
    char *copy = malloc(len > 0 ? len : 1);

    if (copy == NULL)
        abort();
    memcpy(copy, s, len);
    if (ac_date_find(out, copy, len, order) != (out[0] != '\0'))
        strcpy(out, "bad return");
    free(copy);
    return out;
}

static const char *norm(artconv_buf *buf, const char *s)
{
    size_t len = strlen(s);
    char *copy = malloc(len > 0 ? len : 1);
    int rc;

    if (copy == NULL)
        abort();
    memcpy(copy, s, len);
    artconv_buf_clear(buf);
    rc = ac_date_normalize(buf, copy, len);
    free(copy);
    return rc == 0 ? buf->ptr : NULL;
}

static const struct {
    const char *text, *want;
} found[] = {
    /* English */
    {"Updated on July 9, 2025 | Edited by Laura", "2025-07-09"},
    {"By Scott Pletcher | Jun 08, 2023 \xe2\x80\xa2 11 Minute Read", "2023-06-08"},
    {"Published on: February 14, 2025", "2025-02-14"},
    {"September 1st, 2023 By Emily", "2023-09-01"},
    {"Updated on 23 Oct 2025", "2025-10-23"},
    {"the 3rd of March 2024", "2024-03-03"},
    {"Sept. 5, 2024", "2024-09-05"},
    {"Friday, December 19, 2025", "2025-12-19"},
    {"March 3, 2024 at 10:15 am EST", "2024-03-03T10:15:00-05:00"},
    {"Mar 3 2024 14:30", "2024-03-03T14:30:00"},
    {"Dec 12, 2025 - 5 min read", "2025-12-12"},
    {"Posted\xc2\xa0" "March\xc2\xa0" "3,\xc2\xa0" "2024", "2024-03-03"},
    {"JUNE 5, 2024", "2024-06-05"},
    /* numbers */
    {"Elliot Raba | 23.07.2025 | 6 min read", "2025-07-23"},
    {"1.5.2024", "2024-05-01"},
    {"2024-03-02", "2024-03-02"},
    {"2024/03/02 10:00", "2024-03-02T10:00:00"},
    {"2024.03.02", "2024-03-02"},
    {"on 12/20/2024", "2024-12-20"},
    {"on 20/12/2024", "2024-12-20"},
    {"2024\xe5\xb9\xb4" "3\xe6\x9c\x88" "2\xe6\x97\xa5", "2024-03-02"},
    {"2024\xeb\x85\x84 3\xec\x9b\x94 2\xec\x9d\xbc", "2024-03-02"},
    {"Cureus. 2023 Jan 7;15(1):e33475", "2023-01-07"},
    /* German */
    {"Stand: 31. Mai 2024, 14:30 Uhr", "2024-05-31T14:30:00"},
    {"am 3. M\xc3\xa4rz 2024", "2024-03-03"},
    {"3. MAERZ 2024", "2024-03-03"},
    {"3. M\xc3\x84RZ 2024", "2024-03-03"},
    {"12. J\xc3\xa4nner 2024", "2024-01-12"},
    {"5. Dez. 2023", "2023-12-05"},
    /* French */
    {"Publi\xc3\xa9 le 1er mars 2024 \xc3\xa0 08:05", "2024-03-01T08:05:00"},
    {"14 f\xc3\xa9vr. 2024", "2024-02-14"},
    {"14 fevrier 2024", "2024-02-14"},
    {"15 ao\xc3\xbbt 2024", "2024-08-15"},
    {"2 d\xc3\xa9" "c. 2024", "2024-12-02"},
    {"2 D\xc3\x89" "CEMBRE 2024", "2024-12-02"},
    {"17 juil. 2024", "2024-07-17"},
    /* Spanish */
    {"3 de marzo de 2024", "2024-03-03"},
    {"1.\xc2\xba de enero del 2024", "2024-01-01"},
    {"on 04-ago-2021 5:11:10", "2021-08-04T05:11:10"},
    {"mi\xc3\xa9rcoles, 5 de junio de 2024", "2024-06-05"},
    {"20 setiembre 2024", "2024-09-20"},
    /* Italian */
    {"22 ottobre 2024", "2024-10-22"},
    {"1 gen 2024", "2024-01-01"},
    {"9 giugno 2024 alle 10:30", "2024-06-09T10:30:00"},
    /* Portuguese */
    {"3 de mar\xc3\xa7o de 2024", "2024-03-03"},
    {"10 de outubro de 2023 \xc3\xa0s 14h", "2023-10-10"},
    {"5 set 2024", "2024-09-05"},
    /* Dutch */
    {"3 maart 2024", "2024-03-03"},
    {"3 mrt. 2024 om 12:00", "2024-03-03T12:00:00"},
    {"17 mei 2024", "2024-05-17"},
    {"1 okt 2024", "2024-10-01"},
    /* the first of two */
    {"Published May 2, 2024, updated May 9, 2024", "2024-05-02"},
};

/* No full date in these. */
static const char *const not_found[] = {
    "",
    "2024",
    "12",
    "5 min read",
    "March 2024",
    "Mai 2024",
    "2023-2024",
    "2023\xe2\x80\x93" "2024",
    "March 3",
    "Call +49 030 1234 5678",
    "Call 555-123-4567",
    "(555) 12-34-5678",
    "Version 1.12.05.2024",
    "12.05.2024.1",
    "March 3, 2023-2024",
    "31 February 2024",
    "29 February 2023",
    "32 March 2024",
    "13/13/2024",
    "3 March 1850",
    "3 March 2150",
    "3 Marchx 2024",
    "3 ma 2024",
    "31.05.24",
    "the 2024 season, 3 players",
    "2024 March",
    "in 2024 May 5 people",
    "M\xc3",
    "3 M\xc3\xa4",
    "\xe2\x80",
    "2024\xe5\xb9",
};

/* Every month name date.c knows, with its month: each start of three
 * letters or more must give that month, but for "jui" (juin, juillet). */
static const struct {
    const char *name;
    int month;
} names[] = {
    {"january", 1},     {"february", 2},     {"march", 3},          {"april", 4},
    {"may", 5},         {"june", 6},         {"july", 7},           {"august", 8},
    {"september", 9},   {"october", 10},     {"november", 11},      {"december", 12},
    {"januar", 1},      {"j\xc3\xa4nner", 1}, {"februar", 2},       {"m\xc3\xa4rz", 3},
    {"maerz", 3},       {"mai", 5},          {"juni", 6},           {"juli", 7},
    {"oktober", 10},    {"dezember", 12},    {"janvier", 1},        {"f\xc3\xa9vrier", 2},
    {"fevrier", 2},     {"mars", 3},         {"avril", 4},          {"juin", 6},
    {"juillet", 7},     {"ao\xc3\xbbt", 8},  {"aout", 8},           {"septembre", 9},
    {"octobre", 10},    {"novembre", 11},    {"d\xc3\xa9" "cembre", 12}, {"decembre", 12},
    {"enero", 1},       {"febrero", 2},      {"marzo", 3},          {"abril", 4},
    {"mayo", 5},        {"junio", 6},        {"julio", 7},          {"agosto", 8},
    {"septiembre", 9},  {"setiembre", 9},    {"octubre", 10},       {"noviembre", 11},
    {"diciembre", 12},  {"gennaio", 1},      {"febbraio", 2},       {"aprile", 4},
    {"maggio", 5},      {"giugno", 6},       {"luglio", 7},         {"settembre", 9},
    {"ottobre", 10},    {"dicembre", 12},    {"janeiro", 1},        {"fevereiro", 2},
    {"mar\xc3\xa7o", 3}, {"marco", 3},       {"maio", 5},           {"junho", 6},
    {"julho", 7},       {"setembro", 9},     {"outubro", 10},       {"novembro", 11},
    {"dezembro", 12},   {"januari", 1},      {"februari", 2},       {"maart", 3},
    {"mrt", 3},         {"mei", 5},          {"augustus", 8},
};

static void test_find(void)
{
    char out[AC_DATE_ISO_MAX], what[200];
    size_t i;

    for (i = 0; i < sizeof found / sizeof found[0]; i++) {
        snprintf(what, sizeof what, "found: %s", found[i].text);
        is_str(find(out, found[i].text, AC_DATE_DAY_FIRST), found[i].want, what);
    }
    for (i = 0; i < sizeof not_found / sizeof not_found[0]; i++) {
        snprintf(what, sizeof what, "no date: %s", not_found[i]);
        is_str(find(out, not_found[i], AC_DATE_DAY_FIRST), "", what);
    }
}

static void test_order(void)
{
    char out[AC_DATE_ISO_MAX];

    is_str(find(out, "05/06/2024", AC_DATE_MONTH_FIRST), "2024-05-06", "month first: 05/06/2024");
    is_str(find(out, "05/06/2024", AC_DATE_DAY_FIRST), "2024-06-05", "day first: 05/06/2024");
    is_str(find(out, "05-06-2024", AC_DATE_MONTH_FIRST), "2024-05-06", "month first: 05-06-2024");
    is_str(find(out, "05.06.2024", AC_DATE_MONTH_FIRST), "2024-06-05",
           "dots put the day first even in en-US");
    is_str(find(out, "12/20/2024", AC_DATE_DAY_FIRST), "2024-12-20", "20 cannot be a month");
    is_str(find(out, "05/06/2024", 0), "", "no order: an ambiguous date is no date");
}

static void test_month_names(void)
{
    char out[AC_DATE_ISO_MAX], text[64], want[16], what[120];
    size_t i, k;
    int bad = 0;

    for (i = 0; i < sizeof names / sizeof names[0]; i++) {
        size_t len = strlen(names[i].name);

        for (k = 3; k <= len; k++) {
            /* Only whole UTF-8 characters. */
            if (k < len && ((unsigned char)names[i].name[k] & 0xc0) == 0x80)
                continue;
            snprintf(text, sizeof text, "2 %.*s 2024", (int)k, names[i].name);
            snprintf(want, sizeof want, "2024-%02d-02", names[i].month);
            /* "jui" starts both juin and juillet, so it names no month. */
            if (k == 3 && strncmp(names[i].name, "jui", 3) == 0)
                strcpy(want, "");
            if (strcmp(find(out, text, AC_DATE_DAY_FIRST), want) != 0) {
                snprintf(what, sizeof what, "month name start: %s", text);
                is_str(out, want, what);
                bad++;
            }
        }
    }
    ok(bad == 0, "every start of three letters or more of a month name gives its month");
    is_str(find(out, "2 jui 2024", AC_DATE_DAY_FIRST), "", "'jui' names no month");
}

/* Every prefix of every accepted line: no read past the end, and nothing
 * crashes on text cut in the middle of a UTF-8 character. */
static void test_prefixes(void)
{
    char out[AC_DATE_ISO_MAX], text[200];
    size_t i, k;

    for (i = 0; i < sizeof found / sizeof found[0]; i++) {
        size_t len = strlen(found[i].text);

        for (k = 0; k < len && k < sizeof text; k++) {
            memcpy(text, found[i].text, k);
            text[k] = '\0';
            find(out, text, AC_DATE_DAY_FIRST);
        }
    }
    ok(1, "every prefix of the found lines is read within bounds");
}

static void test_long(void)
{
    char out[AC_DATE_ISO_MAX];
    size_t n = 5000, i;
    char *s = malloc(n + 1);

    if (s == NULL)
        abort();
    for (i = 0; i < n; i++)
        s[i] = i % 2 == 0 ? '1' : ' ';
    s[n] = '\0';
    is_str(find(out, s, AC_DATE_DAY_FIRST), "", "5,000 bytes of numbers: no date");
    memcpy(s, "3 May 2024 ", 11);
    is_str(find(out, s, AC_DATE_DAY_FIRST), "2024-05-03", "a date at the start of a long line");
    free(s);
    ok(!ac_date_find(out, NULL, 0, AC_DATE_DAY_FIRST) && out[0] == '\0', "NULL text: no date");
    ok(!ac_date_find(out, "a\0" "3 May 2024", 12, AC_DATE_DAY_FIRST), "a NUL byte: no date");
}

static void test_normalize(void)
{
    artconv_buf buf = ARTCONV_BUF_INIT;

    is_str(norm(&buf, "2024-03-02"), "2024-03-02", "normalize: ISO date");
    is_str(norm(&buf, "Sat, 02 Mar 2024 09:30:00 GMT"), "2024-03-02T09:30:00Z",
           "normalize: RFC 1123");
    is_str(norm(&buf, "Mar 2, 2024 9:30 AM IST"), "2024-03-02T09:30:00+05:30",
           "normalize: 12-hour clock and zone");
    is_str(norm(&buf, "2024-03-02T09:30:00+01:00"), "2024-03-02T09:30:00+01:00",
           "normalize: ISO 8601 with offset");
    is_str(norm(&buf, "31.05.2024"), "2024-05-31", "normalize: d.m.yyyy");
    is_str(norm(&buf, "12/20/2024"), "2024-12-20", "normalize: an unambiguous m/d/yyyy");
    is_str(norm(&buf, "05/06/2024"), NULL, "normalize: an ambiguous m/d/yyyy is refused");
    is_str(norm(&buf, "Montag, 3. M\xc3\xa4rz 2024"), "2024-03-03",
           "normalize: German weekday and month");
    is_str(norm(&buf, "lundi 1er mars 2024"), "2024-03-01", "normalize: French");
    is_str(norm(&buf, "segunda-feira, 4 de mar\xc3\xa7o de 2024"), "2024-03-04",
           "normalize: Portuguese");
    is_str(norm(&buf, "3\xc2\xa0" "March\xc2\xa0" "2024"), "2024-03-03",
           "normalize: no-break spaces");
    is_str(norm(&buf, "Mar 2, 2024"), "2024-03-02", "normalize: 'Mar' is a month, not mardi");
    is_str(norm(&buf, "Updated March 3, 2024"), NULL, "normalize: words before the date");
    is_str(norm(&buf, "March 3, 2024 foo"), NULL, "normalize: words after the date");
    is_str(norm(&buf, "March 2024"), NULL, "normalize: no day");
    is_str(norm(&buf, "2024"), NULL, "normalize: a year alone");
    artconv_buf_dispose(&buf);
}

/* i15 dates: where in the line the date found lies (page_date.c reads the
 * words before it and looks for another after it). */
static void test_span(void)
{
    static const char line[] = "Updated June 1, 2025 at 9:30 \xc2\xb7 Published March 3, 2024";
    char out[AC_DATE_ISO_MAX];
    size_t start = 0, end = 0;

    ok(ac_date_find_span(out, line, strlen(line), AC_DATE_DAY_FIRST, &start, &end) == 1,
       "span: a date found");
    is_str(out, "2025-06-01T09:30:00", "span: the first date, with its time");
    is_int((int)start, 8, "span: starts at the month");
    is_int((int)end, 20, "span: ends after the year, before the time");
    ok(ac_date_find_span(out, line + end, strlen(line) - end, AC_DATE_DAY_FIRST, &start, &end),
       "span: the next date after the first");
    is_str(out, "2024-03-03", "span: the second date");
    ok(!ac_date_find_span(out, "5 min read", 10, AC_DATE_DAY_FIRST, &start, &end) && out[0] == '\0',
       "span: none in a line without a date");
}

int main(void)
{
    test_find();
    test_order();
    test_month_names();
    test_prefixes();
    test_long();
    test_normalize();
    test_span();
    return tap_done();
}
