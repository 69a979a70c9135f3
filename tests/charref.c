/*
 * charref.c - the HTML5 character reference decoder (src/charref.c), its
 * WHATWG table (src/entities.c) and the URL check built on it (src/url.c).
 */
#include "tap.h"
#include "charref.h"
#include "url.h"

#include <stdio.h>
#include <string.h>

/* Decodes `s` as one reference; returns the bytes taken. */
static size_t dec(const char *s, ac_charref_context where, uint32_t cp[2])
{
    return ac_charref_decode(s, strlen(s), where, cp);
}

static void test_table(void)
{
    size_t i, legacy = 0, unsorted = 0, bad_roundtrip = 0, longest = 0, longest_legacy = 0;
    char line[128];

    is_int((long long)ac_charref_entity_count, 2231, "the WHATWG table has 2,231 names");
    for (i = 0; i < ac_charref_entity_count; i++) {
        const ac_charref_entity *e = &ac_charref_entities[i];
        size_t n = strlen(e->name);
        char ref[AC_CHARREF_MAX_NAME + 3];
        uint32_t cp[2];

        if (i > 0 && strcmp(ac_charref_entities[i - 1].name, e->name) >= 0)
            unsorted++;
        legacy += e->name[n - 1] != ';';
        if (n > longest)
            longest = n;
        if (e->name[n - 1] != ';' && n > longest_legacy)
            longest_legacy = n;
        /* Every name, written as a reference and followed by a space,
         * decodes to its code points and takes exactly its bytes. */
        snprintf(ref, sizeof ref, "&%s ", e->name);
        if (ac_charref_lookup(e->name, n) != e || dec(ref, AC_CHARREF_TEXT, cp) != n + 1 ||
            cp[0] != e->cp[0] || cp[1] != e->cp[1]) {
            if (bad_roundtrip++ < 5) {
                snprintf(line, sizeof line, "# round trip fails for %s", e->name);
                puts(line);
            }
        }
    }
    is_int((long long)unsorted, 0, "the table is sorted by bytes, without duplicates");
    is_int((long long)legacy, 106, "106 legacy names work without ';'");
    is_int((long long)longest, AC_CHARREF_MAX_NAME, "AC_CHARREF_MAX_NAME is the longest name");
    is_int((long long)longest_legacy, AC_CHARREF_MAX_LEGACY,
           "AC_CHARREF_MAX_LEGACY is the longest legacy name");
    is_int((long long)bad_roundtrip, 0, "every name decodes to its code points and length");
    ok(ac_charref_lookup("colon;", 6) != NULL && ac_charref_lookup("colon;", 6)->cp[0] == ':',
       "&colon; is ':'");
    ok(ac_charref_lookup("Tab;", 4)->cp[0] == '\t' &&
           ac_charref_lookup("NewLine;", 8)->cp[0] == '\n',
       "&Tab; and &NewLine; are TAB and LF");
    ok(ac_charref_lookup("colon", 5) == NULL, "colon without ';' is no name");
    ok(ac_charref_lookup("", 0) == NULL && ac_charref_lookup("zzzz;", 5) == NULL,
       "unknown names are not found");
}

static void test_named(void)
{
    uint32_t cp[2];

    is_int((long long)dec("&amp;", AC_CHARREF_TEXT, cp), 5, "&amp; takes 5 bytes");
    is_int(cp[0], '&', "&amp; is '&'");
    /* Longest prefix: "&notin;" is its own name, "&notit;" falls back to
     * the legacy "&not" followed by text. */
    is_int((long long)dec("&notin;", AC_CHARREF_TEXT, cp), 7, "&notin; is one name");
    is_int(cp[0], 0x2209, "&notin; is U+2209");
    is_int((long long)dec("&notit;", AC_CHARREF_TEXT, cp), 4, "&notit; decodes &not only");
    is_int(cp[0], 0xAC, "...as U+00AC");
    is_int((long long)dec("&copy2024", AC_CHARREF_TEXT, cp), 5, "in text, &copy2024 is (c)2024");
    /* In an attribute, a legacy name before a letter, digit or '=' stays. */
    is_int((long long)dec("&copy2024", AC_CHARREF_ATTRIBUTE, cp), 0,
           "in an attribute, &copy2024 stays text");
    is_int((long long)dec("&amp=1", AC_CHARREF_ATTRIBUTE, cp), 0,
           "in an attribute, &amp=1 stays text");
    is_int((long long)dec("&amp;=1", AC_CHARREF_ATTRIBUTE, cp), 5,
           "in an attribute, &amp;=1 decodes (it has its ';')");
    is_int((long long)dec("&copy ", AC_CHARREF_ATTRIBUTE, cp), 5,
           "in an attribute, &copy before a space decodes");
    is_int((long long)dec("&nGt;", AC_CHARREF_TEXT, cp), 5, "&nGt; takes 5 bytes");
    ok(cp[0] == 0x226B && cp[1] == 0x20D2, "&nGt; is two code points");
    is_int((long long)dec("&colon", AC_CHARREF_TEXT, cp), 0, "&colon without ';' is text");
    is_int((long long)dec("&", AC_CHARREF_TEXT, cp), 0, "a lone & is text");
    is_int((long long)dec("& x", AC_CHARREF_TEXT, cp), 0, "& before a space is text");
    is_int((long long)dec("&CounterClockwiseContourIntegral;", AC_CHARREF_TEXT, cp), 33,
           "the longest name (32 bytes with ';') decodes");
    is_int((long long)ac_charref_decode("&colon;", 6, AC_CHARREF_TEXT, cp), 0,
           "a name cut by the end of the input is not decoded");
}

static void test_numeric(void)
{
    static const struct {
        const char *ref;
        size_t len;
        uint32_t cp;
    } cases[] = {
        {"&#106;", 6, 'j'},
        {"&#x6A;", 6, 'j'},
        {"&#X6a;", 6, 'j'},
        {"&#106", 5, 'j'},
        {"&#0000106;", 10, 'j'},
        {"&#58;", 5, ':'},
        {"&#9;", 4, '\t'},
        {"&#0;", 4, 0xFFFD},
        {"&#x80;", 6, 0x20AC},
        {"&#x81;", 6, 0x81},
        {"&#x9F;", 6, 0x178},
        {"&#150;", 6, 0x2013},
        {"&#xD800;", 8, 0xFFFD},
        {"&#xDFFF;", 8, 0xFFFD},
        {"&#x10FFFF;", 10, 0x10FFFF},
        {"&#x110000;", 10, 0xFFFD},
        {"&#99999999999999999999;", 23, 0xFFFD},
        {"&#xFFFFFFFFFFFF;", 16, 0xFFFD},
    };
    char what[96];
    uint32_t cp[2];
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n = dec(cases[i].ref, AC_CHARREF_TEXT, cp);

        snprintf(what, sizeof what, "%s takes %zu bytes and is U+%04X", cases[i].ref, cases[i].len,
                 (unsigned)cases[i].cp);
        ok(n == cases[i].len && cp[0] == cases[i].cp && cp[1] == 0, what);
    }
    is_int((long long)dec("&#;", AC_CHARREF_TEXT, cp), 0, "&#; is text");
    is_int((long long)dec("&#x;", AC_CHARREF_TEXT, cp), 0, "&#x; is text");
    is_int((long long)dec("&#xg;", AC_CHARREF_TEXT, cp), 0, "&#xg; is text");
}

static void test_urls(void)
{
    static const char *const bad[] = {
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "\x01javascript:alert(1)",
        "java\tscript:alert(1)",
        "javascript&colon;alert(1)",
        "java&Tab;script:alert(1)",
        "java&NewLine;script:alert(1)",
        "jav&#x09;ascript:alert(1)",
        "&#106;avascript:alert(1)",
        "&#x6A;&#x61;vascript&#x3A;alert(1)",
        "&#1;javascript:alert(1)",
        "javascript&amp;colon;alert(1)",
        "javascript&amp;amp;colon;alert(1)",
        "vbscript&colon;msgbox(1)",
        "data&colon;text/html,<script>alert(1)</script>",
        "data:text/html;base64,PHNjcmlwdD4=",
        "file:///etc/passwd",
        "livescript:x",
        "made-up-scheme://x",
    };
    static const char *const good[] = {
        "https://example.org/a?b=1&c=2",
        "http://example.org/",
        "HTTP://EXAMPLE.ORG/",
        "mailto:desk@example.org",
        "tel:+4930123",
        "/news/story.html",
        "story.html",
        "#section-2",
        "//cdn.example.org/a.png",
        "?page=2",
        "a/b:c",
        "",
        "https://example.org/&colon;",
        "&amp;x",
    };
    char what[160];
    size_t i;

    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        snprintf(what, sizeof what, "refused: %s", bad[i]);
        ok(!ac_url_is_safe(bad[i], strlen(bad[i]), 0) && !ac_url_is_safe(bad[i], strlen(bad[i]), 1),
           what);
    }
    for (i = 0; i < sizeof good / sizeof good[0]; i++) {
        snprintf(what, sizeof what, "allowed: %s", good[i]);
        ok(ac_url_is_safe(good[i], strlen(good[i]), 0), what);
    }
    ok(ac_url_is_safe("data:image/png;base64,iVBOR", 27, 1), "a data: PNG is an image");
    ok(!ac_url_is_safe("data:image/png;base64,iVBOR", 27, 0), "...but no link");
    ok(!ac_url_is_safe("data:image/svg+xml,<svg/>", 25, 1), "a data: SVG is no image");
    ok(ac_url_is_safe(NULL, 0, 0), "no URL is safe");
    {
        /* A long relative path decides on its first non-scheme byte; 600
         * scheme characters with no end in sight are refused. */
        char long_url[700];

        memset(long_url, 'a', 600);
        memcpy(long_url + 600, "/b", 3);
        ok(!ac_url_is_safe(long_url, 602, 0), "600 scheme characters before a '/' are refused");
        long_url[10] = '/';
        ok(ac_url_is_safe(long_url, 602, 0), "a long relative path is allowed");
    }
}

int main(void)
{
    test_table();
    test_named();
    test_numeric();
    test_urls();
    return tap_done();
}
