/*
 * regress.c - inputs that once broke a reader or a writer (most found by the
 * fuzzers in fuzz/).  Each file in tests/regress/ is read by the format its
 * extension names; the model must check clean and every writer must write
 * it, or the reader must fail with a message.
 */
#define _DEFAULT_SOURCE
#include "tap.h"
#include "testutil.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void run_case(const char *dir, const char *name)
{
    char path[4096], what[512];
    artconv_buf in = ARTCONV_BUF_INIT;
    artconv_read_options ro;
    artconv_read_options_init(&ro);
    artconv_article *article = NULL;
    artconv_error err;
    const artconv_format *from = artconv_format_by_path(name);
    size_t i;
    int good = 1;

    snprintf(what, sizeof what, "%s: read, checked and written by every writer", name);
    if (snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path || from == NULL ||
        test_read_file(path, &in) < 0) {
        ok(0, what);
        printf("#   no format for %s, or unreadable\n", name);
        return;
    }
    ro.filename = name;
    if (artconv_read(&article, from, in.ptr, in.len, &ro, &err) < 0) {
        good = article == NULL && err.message[0] != '\0';
        ok(good, what);
        printf("#   refused: %s\n", err.message);
        artconv_buf_dispose(&in);
        return;
    }
    if (artconv_article_check(article, &err) < 0) {
        good = 0;
        printf("#   check: %s\n", err.message);
    }
    for (i = 0; i < artconv_format_count(); i++) {
        const artconv_format *to = artconv_format_at(i);
        artconv_write_options wo;
        artconv_write_options_init(&wo);
        artconv_buf out = ARTCONV_BUF_INIT;

        if (!artconv_format_can_write(to))
            continue;
        wo.timestamp = 0;
        if (artconv_write(&out, to, article, &wo, &err) < 0) {
            good = 0;
            printf("#   %s: %s\n", artconv_format_name(to), err.message);
        }
        artconv_buf_dispose(&out);
    }
    ok(good, what);
    artconv_article_free(article);
    artconv_buf_dispose(&in);
}

int main(void)
{
    char dir[4096];
    char **names = NULL;
    size_t count = 0, i;
    struct dirent *entry;
    DIR *d;

    snprintf(dir, sizeof dir, "%s/regress", test_dir());
    d = opendir(dir);
    if (d == NULL)
        return tap_skip_all("tests/regress is missing");
    while ((entry = readdir(d)) != NULL) {
        if (entry->d_name[0] == '.')
            continue;
        names = realloc(names, (count + 1) * sizeof *names);
        names[count++] = strdup(entry->d_name);
    }
    closedir(d);
    if (count > 1)
        qsort(names, count, sizeof *names, by_name);
    for (i = 0; i < count; i++) {
        run_case(dir, names[i]);
        free(names[i]);
    }
    free(names);
    return tap_done();
}
