/*
 * io.c - reading an input file whole, beneath a root folder and only if it
 * is a regular file when the options ask.  Output files are io_write.c's.
 */
#define _GNU_SOURCE /* O_CLOEXEC with fdopen */
#include "internal.h"
#include "io.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* What a file that is not regular is, for a message. */
static const char *kind_of(mode_t mode)
{
    if (S_ISDIR(mode))
        return "it is a folder";
    if (S_ISFIFO(mode))
        return "it is a FIFO or a pipe";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "it is a device";
    if (S_ISSOCK(mode))
        return "it is a socket";
    return "it is not a regular file";
}

/* The bytes of the file at `path` into `data`, by the options' rules
 * (root, regular files only, the input limit); `local` is the caller's
 * copy of the options, its filename set. */
static int load_file(artconv_buf *data, const artconv_read_options *local_opts, const char *path,
                     artconv_error *err)
{
    const artconv_read_options local = *local_opts;
    struct stat st;
    size_t limit;
    FILE *fp;
    int fd, rc = 0;

    limit = ac_max_input(&local);
    /* O_NONBLOCK: opening a FIFO without a writer would wait forever; a
     * non-regular file is refused below before anything reads it. */
    fd = ac_open_beneath(local.root, path,
                         O_RDONLY | O_NOCTTY | O_CLOEXEC | (local.regular_only ? O_NONBLOCK : 0),
                         local.regular_only);
    if (fd < 0)
        return ac_error(err, ARTCONV_EIO, "cannot open: %s",
                        ac_path_reason(local.root, path, errno));
    /* A regular file too big is refused before a byte is read; pipes and
     * files that grow meanwhile are caught by the count below. */
    if (fstat(fd, &st) != 0)
        st.st_mode = 0;
    if (local.regular_only && !S_ISREG(st.st_mode)) {
        close(fd);
        return ac_error(err, ARTCONV_EIO, "cannot open: %s; only regular files are read here",
                        kind_of(st.st_mode));
    }
    if ((fp = fdopen(fd, "rb")) == NULL) {
        close(fd);
        return ac_nomem(err);
    }
    if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > limit) {
        rc = ac_error(err, ARTCONV_ELIMIT, "input of %lld bytes exceeds the limit of %zu bytes",
                      (long long)st.st_size, limit);
        goto cleanup;
    }
    /* A regular file's size is known: one allocation holds it whole, where
     * doubling would hold up to twice the input while the reader works. */
    if (S_ISREG(st.st_mode) && artconv_buf_grow(data, (size_t)st.st_size + 1) < 0) {
        rc = ac_nomem(err);
        goto cleanup;
    }
    for (;;) {
        size_t n;

        if (data->cap - data->len <= 1 && artconv_buf_grow(data, 65536) < 0) {
            rc = ac_nomem(err);
            goto cleanup;
        }
        n = fread(data->ptr + data->len, 1, data->cap - data->len - 1, fp);
        data->len += n;
        data->ptr[data->len] = '\0';
        if (data->len > limit) {
            rc = ac_error(err, ARTCONV_ELIMIT, "input exceeds the limit of %zu bytes", limit);
            goto cleanup;
        }
        if (n == 0)
            break;
    }
    if (ferror(fp))
        rc = ac_error(err, ARTCONV_EIO, "cannot read: %s", strerror(errno));
cleanup:
    fclose(fp);
    return rc;
}

/* What artconv_read_file and artconv_read_all_file share: the options
 * copied with the file's name, the format from the name when not given. */
static int start_file(artconv_read_options *local, const artconv_format **format, const char *path,
                      const artconv_read_options *opts, artconv_error *err)
{
    artconv_read_options_init(local);
    if (opts != NULL)
        *local = *opts;
    if (local->filename == NULL)
        local->filename = path;
    if (err != NULL) {
        memset(err, 0, sizeof *err);
        err->file = local->filename;
    }
    if (path == NULL)
        return ac_error(err, ARTCONV_EINVALID, "no path");
    if (*format == NULL && (*format = artconv_format_by_path(path)) == NULL)
        return ac_error(err, ARTCONV_EINVALID, "cannot tell the format from the file name");
    return 0;
}

int artconv_read_file(artconv_article **out, const artconv_format *format, const char *path,
                      const artconv_read_options *opts, artconv_error *err)
{
    artconv_read_options local;
    artconv_buf data = ARTCONV_BUF_INIT;
    int rc;

    if (out != NULL)
        *out = NULL;
    if ((rc = start_file(&local, &format, path, opts, err)) < 0)
        return rc;
    if (out == NULL)
        return ac_error(err, ARTCONV_EINVALID, "no place for the article");
    if ((rc = load_file(&data, &local, path, err)) == 0)
        rc = artconv_read(out, format, data.ptr, data.len, &local, err);
    artconv_buf_dispose(&data);
    return rc;
}

int artconv_read_all_file(artconv_article ***out, size_t *count, const artconv_format *format,
                          const char *path, const artconv_read_options *opts, artconv_error *err)
{
    artconv_read_options local;
    artconv_buf data = ARTCONV_BUF_INIT;
    int rc;

    if (out != NULL)
        *out = NULL;
    if (count != NULL)
        *count = 0;
    if ((rc = start_file(&local, &format, path, opts, err)) < 0)
        return rc;
    if (out == NULL || count == NULL)
        return ac_error(err, ARTCONV_EINVALID, "no place for the articles");
    if ((rc = load_file(&data, &local, path, err)) == 0)
        rc = artconv_read_all(out, count, format, data.ptr, data.len, &local, err);
    artconv_buf_dispose(&data);
    return rc;
}
