/*
 * date_show.c - a date as a person reads it, for the writers that show
 * dates to readers (HTML, EPUB, text): "14 March 2024", "14 March 2024,
 * 07:30 UTC", month names in the article's language where the C library
 * has that locale, else English.  The machine value stays in the metadata
 * and in <time datetime>.
 */
#include "internal.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* Languages whose writers put a full stop after the day ("14. März 2024"). */
static int day_has_stop(const char *lang)
{
    static const char *const langs[] = {"de", "da", "nb", "nn", "no", "fi", "cs",
                                        "sk", "sl", "hr", "sr", "et", "lv", NULL};
    size_t i;

    for (i = 0; langs[i] != NULL; i++)
        if (strcmp(lang, langs[i]) == 0)
            return 1;
    return 0;
}

/* The C library's locale for a BCP 47 tag ("de", "pt-BR"): LANG_REGION,
 * then LANG_LANG ("de_DE"), each in UTF-8; (locale_t)0 when neither is
 * installed. */
static locale_t locale_for(const char *tag, char lang[4])
{
    char name[32], region[4] = "";
    size_t n = 0, r = 0, i;
    locale_t loc;

    lang[0] = '\0';
    while (n < 3 && (tag[n] | 32) >= 'a' && (tag[n] | 32) <= 'z') {
        lang[n] = (char)(tag[n] | 32);
        n++;
    }
    lang[n] = '\0';
    if (n < 2 || (tag[n] != '\0' && tag[n] != '-' && tag[n] != '_'))
        return (locale_t)0;
    if (tag[n] != '\0' && strlen(tag + n + 1) == 2) {
        for (r = 0; r < 2; r++)
            region[r] = (char)(tag[n + 1 + r] & ~32);
        region[2] = '\0';
    }
    if (region[0] != '\0') {
        snprintf(name, sizeof name, "%s_%s.UTF-8", lang, region);
        if ((loc = newlocale(LC_TIME_MASK, name, (locale_t)0)) != (locale_t)0)
            return loc;
    }
    for (i = 0; i < n; i++)
        region[i] = (char)(lang[i] & ~32);
    region[n] = '\0';
    snprintf(name, sizeof name, "%s_%s.UTF-8", lang, region);
    return newlocale(LC_TIME_MASK, name, (locale_t)0);
}

int ac_date_for_people(artconv_buf *out, const char *value, const char *language)
{
    artconv_buf iso = ARTCONV_BUF_INIT;
    struct tm tm;
    char text[128], zone[16] = "", lang[4] = "";
    int year = 0, month = 0, day = 0, hour = -1, minute = 0, fields, rc;
    locale_t loc = (locale_t)0;
    const char *pattern;
    size_t len;

    rc = ac_date_normalize(&iso, value, strlen(value));
    if (rc != ARTCONV_OK) {
        artconv_buf_dispose(&iso);
        return rc;
    }
    fields = sscanf(iso.ptr, "%4d-%2d-%2dT%2d:%2d", &year, &month, &day, &hour, &minute);
    if (fields < 3) {
        artconv_buf_dispose(&iso);
        return ARTCONV_EPARSE;
    }
    if (fields < 5)
        hour = -1;
    /* The zone as written: "Z" is UTC, "+01:00" is UTC+01:00. */
    if (hour >= 0 && iso.len > 19) {
        const char *z = iso.ptr + 19;

        if (*z == '.')
            z += strcspn(z, "Z+-");
        if (*z == 'Z')
            strcpy(zone, " UTC");
        else if ((*z == '+' || *z == '-') && strlen(z) < sizeof zone - 5)
            snprintf(zone, sizeof zone, " UTC%s", z);
    }
    artconv_buf_dispose(&iso);

    memset(&tm, 0, sizeof tm);
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour >= 0 ? hour : 0;
    tm.tm_min = minute;
    if (language != NULL && language[0] != '\0')
        loc = locale_for(language, lang);
    if (loc == (locale_t)0) {
        loc = newlocale(LC_TIME_MASK, "C", (locale_t)0);
        lang[0] = '\0';
    }
    if (loc == (locale_t)0)
        return ARTCONV_ENOMEM;
    pattern = day_has_stop(lang) ? "%e. %B %Y" : "%e %B %Y";
    len = strftime_l(text, sizeof text, pattern, &tm, loc);
    freelocale(loc);
    if (len == 0)
        return ARTCONV_EPARSE;
    /* %e pads a one-digit day with a space. */
    rc = artconv_buf_puts(out, text[0] == ' ' ? text + 1 : text);
    if (rc == ARTCONV_OK && hour >= 0) {
        snprintf(text, sizeof text, ", %02d:%02d%s", hour, minute, zone);
        rc = artconv_buf_puts(out, text);
    }
    return rc;
}
