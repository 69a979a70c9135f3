/*
 * outdir.c - the names of -d's outputs: each input's stem and the output
 * format's extension in the folder, numbered when two inputs would clash.
 */
#include "cli.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An open-addressing set of the names taken so far, so a batch of 100,000
 * inputs resolves its collisions in linear time. */
typedef struct name_set {
    const char **slots;
    size_t mask;
} name_set;

static size_t hash_name(const char *s)
{
    size_t h = 1469598103934665603ULL & SIZE_MAX;

    for (; *s != '\0'; s++)
        h = (h ^ (unsigned char)*s) * (size_t)1099511628211ULL;
    return h;
}

/* Adds `name` unless present; 1 added, 0 present. */
static int name_set_add(name_set *set, const char *name)
{
    size_t i = hash_name(name) & set->mask;

    while (set->slots[i] != NULL) {
        if (strcmp(set->slots[i], name) == 0)
            return 0;
        i = (i + 1) & set->mask;
    }
    set->slots[i] = name;
    return 1;
}

/* The stem of a path: its last component without its last extension
 * ("news/a.page.html" gives "a.page"; ".profile" stays whole). */
static void stem_of(const char *path, const char **start, size_t *len)
{
    const char *base = strrchr(path, '/'), *dot;

    base = base != NULL ? base + 1 : path;
    dot = strrchr(base, '.');
    *start = base;
    *len = dot != NULL && dot != base ? (size_t)(dot - base) : strlen(base);
}

int cli_outdir_names(char **names, const char *const *inputs, size_t count, const char *out_dir,
                     const char *ext)
{
    name_set set = {NULL, 0};
    artconv_buf name = ARTCONV_BUF_INIT;
    size_t size = 16, i, dir_len = strlen(out_dir);
    int rc = -1;

    while (size < count * 2)
        size *= 2;
    set.slots = calloc(size, sizeof *set.slots);
    set.mask = size - 1;
    if (set.slots == NULL)
        goto cleanup;
    while (dir_len > 1 && out_dir[dir_len - 1] == '/')
        dir_len--;
    for (i = 0; i < count; i++) {
        const char *stem;
        size_t stem_len;
        unsigned n;

        stem_of(inputs[i], &stem, &stem_len);
        for (n = 1;; n++) {
            char suffix[24] = "";

            if (n > 1)
                snprintf(suffix, sizeof suffix, "-%u", n);
            artconv_buf_clear(&name);
            if (artconv_buf_put(&name, out_dir, dir_len) < 0 ||
                (out_dir[dir_len - 1] != '/' && artconv_buf_putc(&name, '/') < 0) ||
                artconv_buf_put(&name, stem_len > 0 ? stem : "article",
                                stem_len > 0 ? stem_len : 7) < 0 ||
                artconv_buf_puts(&name, suffix) < 0 || artconv_buf_puts(&name, ext) < 0)
                goto cleanup;
            if ((names[i] = strdup(name.ptr)) == NULL)
                goto cleanup;
            if (name_set_add(&set, names[i]))
                break;
            free(names[i]);
            names[i] = NULL;
        }
    }
    rc = 0;
cleanup:
    free(set.slots);
    artconv_buf_dispose(&name);
    return rc;
}
