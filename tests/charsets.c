/*
 * charsets.c - the input decoder on legacy charsets (formats/shared/decode.c,
 * docs/limits.md "Input decoding"): pages that declare no charset are read
 * in the one they are written in, found by uchardet.
 *
 * Real pages from ../shared/corpus: two saved in their own legacy charset
 * (a Polish page in Windows-1250, a Chinese one in GB2312) read the same
 * with their declaration taken out; real UTF-8 pages in Russian/Ukrainian,
 * Japanese and Chinese, turned into Windows-1251, Shift_JIS and GB18030 and
 * a Polish one into ISO-8859-2 with no declaration, read the same as with
 * the charset named (artconv_read_options.encoding).  Without ../shared
 * only the small built-in cases run.
 */
#include "tap.h"
#include "testutil.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct {
    int count;
    char last[256]; /* the last warning's message */
} warning_log;

static void on_warning(const artconv_error *w, void *payload)
{
    warning_log *log = payload;

    log->count++;
    snprintf(log->last, sizeof log->last, "%s", w->message);
}

/* Reads `data` as `from` (encoding NULL: detect) and returns its text
 * output, or NULL; the warnings go to `log` when it is not NULL. */
static char *read_text(const char *from, const char *data, size_t len, const char *encoding,
                       warning_log *log, int *status)
{
    artconv_read_options ropts;
    artconv_write_options wopts;
    artconv_article *a = NULL;
    artconv_error err;
    artconv_buf out = ARTCONV_BUF_INIT;

    artconv_read_options_init(&ropts);
    ropts.encoding = encoding;
    if (log != NULL) {
        ropts.warning = on_warning;
        ropts.payload = log;
    }
    artconv_write_options_init(&wopts);
    wopts.width = 0;
    *status = artconv_read(&a, artconv_format_by_name(from), data, len, &ropts, &err);
    if (*status < 0)
        return NULL;
    if (artconv_write(&out, artconv_format_by_name("text"), a, &wopts, &err) < 0) {
        artconv_article_free(a);
        return NULL;
    }
    artconv_article_free(a);
    return artconv_buf_detach(&out);
}

/* The page with every "charset=NAME" taken out, so it declares nothing. */
static void strip_declarations(artconv_buf *page)
{
    char *p = page->ptr, *w = page->ptr, *end = page->ptr + page->len;

    while (p < end) {
        if ((size_t)(end - p) > 8 && strncasecmp(p, "charset=", 8) == 0) {
            p += 8;
            if (p < end && (*p == '"' || *p == '\''))
                p++;
            while (p < end && (*p == '-' || *p == '_' || (*p >= '0' && *p <= '9') ||
                               (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
                p++;
            continue;
        }
        *w++ = *p++;
    }
    page->len = (size_t)(w - page->ptr);
    *w = '\0';
}

/* `in` (UTF-8) turned into `charset`; what it cannot hold is left out. */
static int transcode(artconv_buf *out, const char *charset, const artconv_buf *in)
{
    char target[64];
    iconv_t cd;
    char *src = in->ptr, chunk[4096];
    size_t left = in->len;

    snprintf(target, sizeof target, "%s//IGNORE", charset);
    if ((cd = iconv_open(target, "UTF-8")) == (iconv_t)-1)
        return -1;
    while (left > 0) {
        char *dst = chunk;
        size_t room = sizeof chunk;
        size_t rc = iconv(cd, &src, &left, &dst, &room);

        if (artconv_buf_put(out, chunk, sizeof chunk - room) < 0)
            break;
        if (rc == (size_t)-1 && errno == EILSEQ) { /* //IGNORE stops after skipping */
            src++;
            left--;
        } else if (rc == (size_t)-1 && errno != E2BIG) {
            break;
        }
    }
    iconv_close(cd);
    return artconv_buf_put(out, "", 0) < 0 ? -1 : 0;
}

/* A page of `path` under the corpus folder, or -1 with a skip counted. */
static int corpus_page(artconv_buf *page, const char *rel)
{
    const char *shared = test_shared_dir();
    char path[1024];

    if (shared == NULL) {
        tap_skip("real pages: ../shared is absent");
        return -1;
    }
    snprintf(path, sizeof path, "%s/corpus/%s", shared, rel);
    if (test_read_file(path, page) < 0) {
        ok(0, "a corpus page is readable");
        printf("#   %s: %s\n", path, strerror(errno));
        return -1;
    }
    return 0;
}

/* A page saved in its legacy charset reads with the declaration taken out
 * as a browser reads it with the declaration (`browser_charset`: WHATWG
 * decodes "gb2312" as GBK, whose decoder is GB18030's), and the warning
 * names the charset it took. */
static void saved_in(const char *rel, const char *browser_charset, const char *word,
                     const char *label)
{
    artconv_buf page = ARTCONV_BUF_INIT;
    warning_log log = {0, ""};
    char what[200], *declared, *detected;
    int status;

    if (corpus_page(&page, rel) < 0)
        return;
    declared = read_text("html", page.ptr, page.len, browser_charset, NULL, &status);
    strip_declarations(&page);
    detected = read_text("html", page.ptr, page.len, NULL, &log, &status);
    snprintf(what, sizeof what, "%s: read without its declaration, the text is the same", label);
    ok(declared != NULL && detected != NULL && strcmp(declared, detected) == 0, what);
    snprintf(what, sizeof what, "%s: the text holds '%s'", label, word);
    ok(detected != NULL && strstr(detected, word) != NULL, what);
    snprintf(what, sizeof what, "%s: a warning names the charset it was read as", label);
    ok(strstr(log.last, "which it looks like") != NULL, what);
    free(declared);
    free(detected);
    artconv_buf_dispose(&page);
}

/* A UTF-8 page turned into `charset` with no declaration reads the same as
 * when the charset is named, and holds `word`. */
static void turned_into(const char *rel, const char *charset, const char *word, const char *label)
{
    artconv_buf page = ARTCONV_BUF_INIT, legacy = ARTCONV_BUF_INIT;
    char what[200], *named, *detected;
    int status;

    if (corpus_page(&page, rel) < 0)
        return;
    strip_declarations(&page);
    if (transcode(&legacy, charset, &page) < 0) {
        snprintf(what, sizeof what, "%s: iconv cannot make %s", label, charset);
        tap_skip(what);
        artconv_buf_dispose(&page);
        return;
    }
    named = read_text("html", legacy.ptr, legacy.len, charset, NULL, &status);
    detected = read_text("html", legacy.ptr, legacy.len, NULL, NULL, &status);
    snprintf(what, sizeof what, "%s in %s, undeclared: read as if the charset were named", label,
             charset);
    ok(named != NULL && detected != NULL && strcmp(named, detected) == 0, what);
    snprintf(what, sizeof what, "%s in %s: the text holds '%s'", label, charset, word);
    ok(detected != NULL && strstr(detected, word) != NULL, what);
    free(named);
    free(detected);
    artconv_buf_dispose(&legacy);
    artconv_buf_dispose(&page);
}

static void small_cases(void)
{
    warning_log log = {0, ""};
    char *out;
    int status;
    /* Russian in Windows-1251: "Правительство утвердило новый бюджет на
     * следующий год" and a second sentence, with no declaration. */
    static const char cyrillic[] =
        "\xcf\xf0\xe0\xe2\xe8\xf2\xe5\xeb\xfc\xf1\xf2\xe2\xee \xf3\xf2\xe2\xe5\xf0\xe4\xe8\xeb"
        "\xee \xed\xee\xe2\xfb\xe9 \xe1\xfe\xe4\xe6\xe5\xf2\n\n\xc4\xe5\xef\xf3\xf2\xe0\xf2"
        "\xfb \xe3\xee\xeb\xee\xf1\xee\xe2\xe0\xeb\xe8 \xe2\xee \xe2\xf2\xee\xf0\xed\xe8\xea.\n";
    static const char few_latin1[] = "Caf\xe9 cr\xe8me\n\nMore.\n";
    static const char cafe[] = "Caf\xe9\n\nMore.\n";
    static const char stray[] = "A\xff\n\nB\n";
    static const char declared_1252[] =
        "<html><head><meta charset=\"windows-1252\"><title>T</title></head><body>"
        "<p>\xcf\xf0\xe8\xe2\xe5\xf2</p></body></html>";

    out = read_text("text", cyrillic, sizeof cyrillic - 1, NULL, &log, &status);
    ok(out != NULL && strstr(out, "Правительство утвердило") != NULL,
       "undeclared Windows-1251 text reads as Cyrillic");
    ok(strstr(log.last, "WINDOWS-1251") != NULL, "and the warning names Windows-1251");
    free(out);

    /* A few accented letters are too few to tell: Windows-1252, as before. */
    log.count = 0;
    out = read_text("text", few_latin1, sizeof few_latin1 - 1, NULL, &log, &status);
    ok(out != NULL && strstr(out, "Café crème") != NULL, "a few Latin-1 bytes stay Windows-1252");
    ok(strstr(log.last, "Windows-1252") != NULL, "and the warning says so");
    free(out);

    /* A named encoding wins over detection and over the page's own. */
    out = read_text("text", cafe, sizeof cafe - 1, "iso-8859-5", NULL, &status);
    ok(out != NULL && strstr(out, "Cafщ") != NULL, "a named encoding is obeyed");
    free(out);
    out = read_text("html", declared_1252, sizeof declared_1252 - 1, "windows-1251", NULL, &status);
    ok(out != NULL && strstr(out, "Привет") != NULL, "over the page's declaration");
    free(out);
    out = read_text("text", "x\n", 2, "no-such-charset", NULL, &status);
    ok(out == NULL && status == ARTCONV_EINVALID, "an unknown encoding name is refused");
    free(out);
    out = read_text("text", stray, sizeof stray - 1, "utf-8", NULL, &status);
    ok(out != NULL && strstr(out, "A\xef\xbf\xbd") != NULL,
       "encoding utf-8: a stray byte becomes U+FFFD, not Windows-1252");
    free(out);
}

int main(void)
{
    small_cases();
    saved_in("trafilatura-eval/pages/Unijne fundusze coraz bliżej. Sejm zagłosował _za_ - Polityka - "
             "rp.pl.html",
             "windows-1250", "Sejm zagłosował", "Polish page saved in Windows-1250");
    saved_in("trafilatura-eval/pages/archive.org.he.xinhuanet.com.25340717.html", "GB18030",
             "话剧《约定无期限》", "Chinese page saved in GB2312");
    turned_into("trafilatura-eval/pages/football.ua.podolski.html", "WINDOWS-1251", "Подольск",
                "Ukrainian page");
    turned_into("readability/yahoo-4/source.html", "SHIFT_JIS", "の", "Japanese page");
    turned_into("readability/hukumusume/source.html", "SHIFT_JIS", "の", "Japanese story page");
    turned_into("readability/qq/source.html", "GB18030", "的", "Chinese page");
    turned_into("readability/gmw/source.html", "GB18030", "的", "Chinese news page");
    turned_into("trafilatura-eval/pages/Eurostat_ Polska z najniższym bezrobociem w całej UE.html",
                "ISO-8859-2", "bezroboci", "Polish page");
    turned_into("trafilatura-eval/pages/Rosyjskie zamachy w Czechach – kontekst krajowy, "
                "implikacje, perspektywy.html",
                "ISO-8859-2", "Czech", "Polish analysis page");
    return tap_done();
}
