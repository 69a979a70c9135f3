/*
 * round_trip.c - the model survives its formats (issue 16): for every
 * sample and every NewsML-G2 example and sample in ../shared,
 *   - X -> JSON -> W writes the same bytes as X -> W, for every text
 *     writer W: JSON carries all the model holds;
 *   - a NewsML-G2 item read, written as NewsML-G2, Markdown or JSON and
 *     read again is the same model (compared as JSON).
 * The parts that need ../shared skip by name when it is absent.
 */
#include "artconv.h"
#include "tap.h"
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One TAP line named "name: what". */
static void okf_name(int cond, const char *name, const char *what)
{
    char line[600];

    snprintf(line, sizeof line, "%s: %s", name, what);
    ok(cond, line);
}

static const char *const writers[] = {"markdown", "newsml", "text", "html", "json"};

static int write_as(artconv_buf *out, const char *format, const artconv_article *a)
{
    artconv_write_options wo;

    artconv_write_options_init(&wo);
    /* -1 (the default): no time stamp of the moment, only the article's dates */
    artconv_buf_clear(out);
    return artconv_write(out, artconv_format_by_name(format), a, &wo, NULL);
}

static int read_as(artconv_article **a, const char *format, const artconv_buf *in)
{
    return artconv_read(a, artconv_format_by_name(format), in->ptr, in->len, NULL, NULL);
}

/* X -> JSON -> W against X -> W, for each writer. */
static void through_json(const artconv_article *a, const char *name)
{
    artconv_buf json = ARTCONV_BUF_INIT, direct = ARTCONV_BUF_INIT, via = ARTCONV_BUF_INIT;
    artconv_article *b = NULL;
    size_t w, same = 0;

    if (write_as(&json, "json", a) == 0 && read_as(&b, "json", &json) == 0) {
        for (w = 0; w < sizeof writers / sizeof writers[0]; w++) {
            /* An embargoed story refused by a writer is refused both ways. */
            int rc1 = write_as(&direct, writers[w], a), rc2 = write_as(&via, writers[w], b);
            int equal = rc1 == rc2 && (rc1 != 0 || (direct.len == via.len &&
                                                    memcmp(direct.ptr, via.ptr, direct.len) == 0));

            if (!equal)
                printf("# %s: X -> JSON -> %s differs from X -> %s\n", name, writers[w],
                       writers[w]);
            same += (size_t)equal;
        }
    }
    okf_name(same == sizeof writers / sizeof writers[0], name,
             "X -> JSON -> W is X -> W for every writer");
    artconv_article_free(b);
    artconv_buf_dispose(&json);
    artconv_buf_dispose(&direct);
    artconv_buf_dispose(&via);
}

/* X -> W -> model is the model, for the formats that carry it all. */
static void same_model(const artconv_article *a, const char *name)
{
    static const char *const whole[] = {"newsml", "markdown", "json"};
    artconv_buf want = ARTCONV_BUF_INIT, out = ARTCONV_BUF_INIT, got = ARTCONV_BUF_INIT;
    size_t w;

    write_as(&want, "json", a);
    for (w = 0; w < sizeof whole / sizeof whole[0]; w++) {
        artconv_article *b = NULL;
        char what[400];

        snprintf(what, sizeof what, "%s -> %s -> the same model", name, whole[w]);
        ok(write_as(&out, whole[w], a) == 0 && read_as(&b, whole[w], &out) == 0 &&
               write_as(&got, "json", b) == 0 && strcmp(want.ptr, got.ptr) == 0,
           what);
        artconv_article_free(b);
    }
    artconv_buf_dispose(&want);
    artconv_buf_dispose(&out);
    artconv_buf_dispose(&got);
}

/* Every readable file of `dir` (NULL: skipped by the caller). */
static size_t each_file(const char *dir, int newsml)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    size_t n = 0;

    while (d != NULL && (de = readdir(d)) != NULL) {
        char path[4096 + 260];
        artconv_article *a = NULL;
        artconv_error err;

        if (de->d_name[0] == '.')
            continue;
        if (newsml && strstr(de->d_name, ".xml") == NULL)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        /* Items the reader refuses (pictures, broken samples) are other
         * tests' business. */
        if (artconv_read_file(&a, NULL, path, NULL, &err) != 0)
            continue;
        through_json(a, de->d_name);
        if (newsml)
            same_model(a, de->d_name);
        artconv_article_free(a);
        n++;
    }
    if (d != NULL)
        closedir(d);
    return n;
}

int main(void)
{
    const char *shared = test_shared_dir();
    char dir[4096];
    size_t n;

    snprintf(dir, sizeof dir, "%s/../samples", test_dir());
    n = each_file(dir, 0);
    okf_name(n >= 5, "samples", "every sample was read");
    if (shared == NULL) {
        tap_skip("NewsML-G2 examples and samples: ../shared is absent");
        return tap_done();
    }
    snprintf(dir, sizeof dir, "%s/specs/newsml-g2/examples", shared);
    n = each_file(dir, 1);
    snprintf(dir, sizeof dir, "%s/specs/newsml-g2/samples", shared);
    n += each_file(dir, 1);
    okf_name(n >= 5, "NewsML-G2", "the IPTC examples and samples were read");
    return tap_done();
}
