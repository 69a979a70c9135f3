/*
 * json_corpus.c - the JSON round trip on every page of the three
 * extraction corpora in ../shared/corpus (issue 18): each page read as
 * HTML and written as JSON reads back into the same model, so the JSON
 * written again is the same bytes.  Skips by name without ../shared.
 * Under valgrind one page in 50 is taken, in an ASan build one in 4, as
 * the corpus scorer does: the plain build checks every page.
 */
#include "artconv.h"
#include "tap.h"
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#if defined(__SANITIZE_ADDRESS__)
#define SANITIZER_SAMPLE 4
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZER_SAMPLE 4
#endif
#endif
#ifndef SANITIZER_SAMPLE
#define SANITIZER_SAMPLE 1
#endif

/* One page in this many is read (valgrind preloads its core library). */
static size_t sample_every(void)
{
    const char *p = getenv("LD_PRELOAD");

    return p != NULL && strstr(p, "vgpreload") != NULL ? 50 : SANITIZER_SAMPLE;
}

/* The file at `path` (gzipped when its name ends in .gz) into `out`. */
static int load(const char *path, artconv_buf *out)
{
    size_t n = strlen(path);
    gzFile gz;
    char chunk[65536];
    int got;

    if (n < 3 || strcmp(path + n - 3, ".gz") != 0)
        return test_read_file(path, out);
    if ((gz = gzopen(path, "rb")) == NULL)
        return -1;
    while ((got = gzread(gz, chunk, sizeof chunk)) > 0)
        if (artconv_buf_put(out, chunk, (size_t)got) < 0)
            break;
    gzclose(gz);
    return got < 0 ? -1 : 0;
}

typedef struct {
    size_t every, seen; /* the sample: every `every`th file of `seen` */
    size_t pages, same;
    char first_bad[512];
} tally;

static void round_trip(const char *path, tally *t)
{
    const artconv_format *json = artconv_format_by_name("json");
    artconv_buf page = ARTCONV_BUF_INIT, once = ARTCONV_BUF_INIT, twice = ARTCONV_BUF_INIT;
    artconv_article *a = NULL, *b = NULL;

    if (t->seen++ % t->every != 0)
        return;
    if (load(path, &page) == 0 &&
        artconv_read(&a, artconv_format_by_name("html"), page.ptr, page.len, NULL, NULL) == 0) {
        t->pages++;
        if (artconv_write(&once, json, a, NULL, NULL) == 0 &&
            artconv_read(&b, json, once.ptr, once.len, NULL, NULL) == 0 &&
            artconv_write(&twice, json, b, NULL, NULL) == 0 && once.len == twice.len &&
            memcmp(once.ptr, twice.ptr, once.len) == 0)
            t->same++;
        else if (t->first_bad[0] == '\0')
            snprintf(t->first_bad, sizeof t->first_bad, "%s", path);
    }
    artconv_article_free(a);
    artconv_article_free(b);
    artconv_buf_dispose(&page);
    artconv_buf_dispose(&once);
    artconv_buf_dispose(&twice);
}

/* Every file below `dir` whose name ends in `suffix`, one level of
 * folders deep (readability/NAME/source.html). */
static void each_page(const char *dir, const char *suffix, tally *t)
{
    DIR *d = opendir(dir);
    struct dirent *de;

    while (d != NULL && (de = readdir(d)) != NULL) {
        char path[4096 + 260];
        size_t n = strlen(de->d_name), k = strlen(suffix);

        if (de->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        if (n > k && strcmp(de->d_name + n - k, suffix) == 0)
            round_trip(path, t);
        else if (strchr(de->d_name, '.') == NULL) {
            char inner[4096 + 280];

            snprintf(inner, sizeof inner, "%s/source.html", path);
            round_trip(inner, t);
        }
    }
    if (d != NULL)
        closedir(d);
}

int main(void)
{
    static const struct {
        const char *dir, *suffix;
        size_t at_least;
    } corpora[] = {{"corpus/readability", ".html", 130},
                   {"corpus/trafilatura-eval/pages", ".html", 400},
                   {"corpus/wcxb-dev/html", ".html.gz", 1400}};
    const char *shared = test_shared_dir();
    size_t c;

    if (shared == NULL)
        return tap_skip_all("../shared is absent: the corpora are not here");
    for (c = 0; c < sizeof corpora / sizeof corpora[0]; c++) {
        char dir[4096], what[700];
        tally t = {sample_every(), 0, 0, 0, ""};

        snprintf(dir, sizeof dir, "%s/%s", shared, corpora[c].dir);
        each_page(dir, corpora[c].suffix, &t);
        snprintf(what, sizeof what, "%s: every page's JSON reads back the same (%zu of %zu)%s%s",
                 corpora[c].dir, t.same, t.pages, t.first_bad[0] ? "; first not: " : "",
                 t.first_bad);
        ok(t.pages >= corpora[c].at_least / t.every && t.same == t.pages, what);
    }
    return tap_done();
}
