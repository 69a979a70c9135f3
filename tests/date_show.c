/*
 * date_show.c - dates as writers show them to readers (src/date_show.c):
 * "14 March 2024, 07:30 UTC", in the article's language where the C
 * library has the locale, English otherwise.
 */
#include "internal.h"
#include "tap.h"

#include <locale.h>
#include <stdio.h>

static void shows(const char *value, const char *language, const char *want)
{
    artconv_buf out = ARTCONV_BUF_INIT;
    char what[160];
    int rc = ac_date_for_people(&out, value, language);

    snprintf(what, sizeof what, "%s (%s) reads '%s'", value, language ? language : "no language",
             want);
    ok(rc == ARTCONV_OK, what);
    is_str(out.ptr, want, "  ... as written");
    artconv_buf_dispose(&out);
}

int main(void)
{
    artconv_buf out = ARTCONV_BUF_INIT;
    locale_t de;

    shows("2024-03-14", NULL, "14 March 2024");
    shows("2024-03-04", "en", "4 March 2024");
    shows("2024-03-14T07:30:00Z", "en-GB", "14 March 2024, 07:30 UTC");
    shows("2024-03-14T07:30:00.250Z", NULL, "14 March 2024, 07:30 UTC");
    shows("2024-02-14T08:15:00+01:00", NULL, "14 February 2024, 08:15 UTC+01:00");
    shows("2024-02-14T08:15:00-05:00", NULL, "14 February 2024, 08:15 UTC-05:00");
    shows("2024-03-14T07:30:00", NULL, "14 March 2024, 07:30");
    shows("Thu, 14 Mar 2024 07:30:00 GMT", NULL, "14 March 2024, 07:30 UTC");
    /* A language the C library has no locale for reads in English. */
    shows("2024-12-01", "xx", "1 December 2024");
    shows("2024-12-01", "not a tag", "1 December 2024");
    ok(ac_date_for_people(&out, "soon", NULL) == ARTCONV_EPARSE && out.len == 0,
       "a value that is no date: EPARSE, nothing written");
    de = newlocale(LC_TIME_MASK, "de_DE.UTF-8", (locale_t)0);
    if (de != (locale_t)0) {
        freelocale(de);
        shows("2024-03-14T07:30:00Z", "de", "14. März 2024, 07:30 UTC");
        shows("2024-03-14", "de-AT", "14. März 2024");
    } else {
        tap_skip("German month names: the de_DE.UTF-8 locale is not installed (Debian: locales)");
    }
    artconv_buf_dispose(&out);
    return tap_done();
}
