/*
 * epub_util.c - small helpers of the EPUB writer: arrays, the book's
 * lifetime, name-based identifiers, UTC times, language tags, and asking
 * an XHTML node what element it is.
 */
#include "epub.h"
#include "stable_id.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int ac_epub_reserve(void **items, size_t *cap, size_t n, size_t size)
{
    size_t want;
    void *grown;

    if (n < *cap)
        return ARTCONV_OK;
    want = *cap ? *cap * 2 : 8;
    if (want > ((size_t)-1) / size)
        return ARTCONV_ENOMEM;
    grown = realloc(*items, want * size);
    if (grown == NULL)
        return ARTCONV_ENOMEM;
    *items = grown;
    *cap = want;
    return ARTCONV_OK;
}

int ac_epub_is_el(const xmlNode *node, const char *name)
{
    return node != NULL && node->type == XML_ELEMENT_NODE && xmlStrEqual(node->name, BAD_CAST name);
}

int ac_epub_has_word(const char *list, const char *word)
{
    size_t n = strlen(word);
    const char *p = list;

    while (list != NULL && (p = strstr(p, word)) != NULL) {
        if ((p == list || ac_is_space((unsigned char)p[-1])) &&
            (p[n] == '\0' || ac_is_space((unsigned char)p[n])))
            return 1;
        p += n;
    }
    return 0;
}

xmlNodePtr ac_epub_child_named(const xmlNode *parent, const char *name)
{
    xmlNodePtr c;

    for (c = parent != NULL ? parent->children : NULL; c != NULL; c = c->next)
        if (ac_epub_is_el(c, name))
            return c;
    return NULL;
}

ac_epub_file *ac_epub_file_add(ac_epub_file **files, size_t *n, size_t *cap)
{
    void *items = *files;
    ac_epub_file *file;

    if (ac_epub_reserve(&items, cap, *n, sizeof **files) < 0)
        return NULL;
    *files = items;
    file = &(*files)[(*n)++];
    memset(file, 0, sizeof *file);
    return file;
}

void ac_epub_file_free(ac_epub_file *file)
{
    free(file->href);
    free(file->id);
    free(file->key);
    artconv_buf_dispose(&file->data);
}

void ac_epub_book_free(ac_epub_book *book)
{
    size_t i;

    for (i = 0; i < book->n_texts; i++)
        ac_epub_file_free(&book->texts[i]);
    for (i = 0; i < book->n_images; i++)
        ac_epub_file_free(&book->images[i]);
    for (i = 0; i < book->n_toc; i++) {
        free(book->toc[i].href);
        free(book->toc[i].label);
    }
    free(book->texts);
    free(book->images);
    free(book->toc);
    free(book->identifier);
    artconv_buf_dispose(&book->css);
}

void ac_epub_uuid(char *out, const char *name, size_t len)
{
    /* The writers' one scheme: the same source URL (or content) always
     * gives the same identifier, in EPUB and NewsML-G2 alike. */
    ac_stable_uuid(out, name, len);
}

/* Days from 1970-01-01 to the given proleptic Gregorian date (the usual
 * era-based formula; exact for every year). */
static long long days_from_civil(long long y, int m, int d)
{
    long long era, yoe, doy, doe;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long long z, long long *y, int *m, int *d)
{
    long long era, doe, yoe, doy, mp;

    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

static int digits(const char *s, int n, int *out)
{
    int i, v = 0;

    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 0;
}

int ac_epub_parse_time(long long *out, const char *iso)
{
    int y, mo, d, h = 0, mi = 0, s = 0, zh = 0, zm = 0, sign = 1;
    const char *p = iso + 10;

    if (strlen(iso) < 10 || digits(iso, 4, &y) < 0 || iso[4] != '-' ||
        digits(iso + 5, 2, &mo) < 0 || iso[7] != '-' || digits(iso + 8, 2, &d) < 0)
        return -1;
    if (mo < 1 || mo > 12 || d < 1 || d > 31)
        return -1;
    if (*p == 'T') {
        if (strlen(p) < 9 || digits(p + 1, 2, &h) < 0 || p[3] != ':' || digits(p + 4, 2, &mi) < 0 ||
            p[6] != ':' || digits(p + 7, 2, &s) < 0)
            return -1;
        p += 9;
        if (*p == '+' || *p == '-') {
            sign = *p == '-' ? -1 : 1;
            if (strlen(p) < 6 || digits(p + 1, 2, &zh) < 0 || p[3] != ':' ||
                digits(p + 4, 2, &zm) < 0)
                return -1;
        }
    }
    *out = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s -
           sign * (zh * 3600LL + zm * 60LL);
    return 0;
}

void ac_epub_format_time(char *out, long long t)
{
    long long days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400), y;
    long long rest = t - days * 86400;
    int m, d;

    civil_from_days(days, &y, &m, &d);
    if (y < 0 || y > 9999) { /* dcterms:modified wants four digits */
        y = y < 0 ? 0 : 9999;
        m = y == 0 ? 1 : 12;
        d = y == 0 ? 1 : 31;
        rest = y == 0 ? 0 : 86399;
    }
    snprintf(out, 32, "%04lld-%02d-%02dT%02d:%02d:%02dZ", y, m, d, (int)(rest / 3600),
             (int)(rest / 60 % 60), (int)(rest % 60));
}

static int is_alpha(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_alnum(int c)
{
    return is_alpha(c) || (c >= '0' && c <= '9');
}

int ac_epub_language_ok(const char *tag)
{
    size_t n = 0, subtag = 0;
    const char *p;

    for (p = tag; *p != '\0'; p++) {
        if (*p == '-') {
            if (n == 0 || (subtag == 0 && n < 2))
                return 0;
            n = 0;
            subtag++;
        } else if (subtag == 0 ? is_alpha((unsigned char)*p) : is_alnum((unsigned char)*p)) {
            if (++n > 8)
                return 0;
        } else {
            return 0;
        }
    }
    return n > 0 && (subtag > 0 || n >= 2);
}

/* Languages whose usual script runs right to left. */
static const char *const rtl_languages[] = {"ar", "arc", "ckb", "dv", "fa",  "he", "iw", "khw",
                                            "ks", "ku",  "ps",  "sd", "syr", "ug", "ur", "yi"};

int ac_epub_language_rtl(const char *tag)
{
    size_t i, n = 0;

    while (tag[n] != '\0' && tag[n] != '-')
        n++;
    /* An explicit script subtag decides ("az-Arab", "ku-Latn"). */
    if (strstr(tag, "-Arab") != NULL || strstr(tag, "-Hebr") != NULL)
        return 1;
    if (strstr(tag, "-Latn") != NULL || strstr(tag, "-Cyrl") != NULL)
        return 0;
    for (i = 0; i < sizeof rtl_languages / sizeof rtl_languages[0]; i++)
        if (strlen(rtl_languages[i]) == n && ac_strncaseeq(tag, rtl_languages[i], n))
            return 1;
    return 0;
}

void ac_epub_dos_time(long long t, unsigned *dos_time, unsigned *dos_date)
{
    long long days, y;
    int m, d;
    long long rest;

    /* DOS dates cover 1980-2107 in local time; UTC is used so that the
     * bytes do not depend on the time zone. */
    if (t < 315532800LL) /* 1980-01-01 */
        t = 315532800LL;
    if (t > 4354819199LL) /* 2107-12-31 23:59:59 */
        t = 4354819199LL;
    days = t / 86400;
    rest = t % 86400;
    civil_from_days(days, &y, &m, &d);
    *dos_time = (unsigned)((rest / 3600) << 11 | (rest / 60 % 60) << 5 | (rest % 60) / 2);
    *dos_date = (unsigned)((y - 1980) << 9 | m << 5 | d);
}
