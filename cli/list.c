/*
 * cli_list.c - input paths from a file (--files-from): one a line, or
 * NUL-separated (-0) for names that hold newlines, as `find -print0` gives.
 */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static int slurp_stream(artconv_buf *storage, FILE *fp)
{
    char chunk[65536];
    size_t n;

    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
        if (artconv_buf_put(storage, chunk, n) < 0) {
            errno = ENOMEM;
            return -1;
        }
    if (ferror(fp))
        return -1;
    /* An empty list still gets a buffer, so the pointers below are valid. */
    if (storage->ptr == NULL && artconv_buf_put(storage, "", 0) < 0) {
        errno = ENOMEM;
        return -1;
    }
    return 0;
}

int cli_read_list(artconv_buf *storage, const char ***out, size_t *count, const char *path, int nul)
{
    FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    char sep = nul ? '\0' : '\n';
    size_t pos, entries = 0, start;
    const char **list;
    int rc;

    if (fp == NULL)
        return -1;
    rc = slurp_stream(storage, fp);
    if (fp != stdin)
        fclose(fp);
    if (rc < 0)
        return -1;
    /* Count first, so the list grows once. */
    for (pos = 0; pos < storage->len; pos++)
        if (storage->ptr[pos] == sep)
            entries++;
    entries++;
    list = realloc(*out, (*count + entries) * sizeof *list);
    if (list == NULL) {
        errno = ENOMEM;
        return -1;
    }
    *out = list;
    /* The buffer is NUL-terminated, so the last entry ends at len. */
    for (start = 0, pos = 0; pos <= storage->len; pos++) {
        if (pos < storage->len && storage->ptr[pos] != sep)
            continue;
        storage->ptr[pos] = '\0';
        if (!nul && pos > start && storage->ptr[pos - 1] == '\r')
            storage->ptr[pos - 1] = '\0';
        if (storage->ptr[start] != '\0')
            list[(*count)++] = storage->ptr + start;
        start = pos + 1;
    }
    return 0;
}
