/*
 * io.c - reading an input file whole, and writing an output file
 * atomically: a temporary file in the same folder, then rename(2), so a
 * failure never leaves a partial file or clobbers the previous one.
 */
#define _POSIX_C_SOURCE 200809L
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int artconv_read_file(artconv_article **out, const artconv_format *format, const char *path,
                      const artconv_read_options *opts, artconv_error *err)
{
    artconv_read_options local = ARTCONV_READ_OPTIONS_INIT;
    artconv_buf data = ARTCONV_BUF_INIT;
    struct stat st;
    size_t limit;
    FILE *fp;
    int rc;

    if (out != NULL)
        *out = NULL;
    if (opts != NULL)
        local = *opts;
    if (local.filename == NULL)
        local.filename = path;
    if (err != NULL) {
        memset(err, 0, sizeof *err);
        err->file = local.filename;
    }
    if (out == NULL || path == NULL)
        return ac_error(err, ARTCONV_EINVALID, "no path or no place for the article");
    if (format == NULL && (format = artconv_format_by_path(path)) == NULL)
        return ac_error(err, ARTCONV_EINVALID, "cannot tell the format from the file name");
    limit = ac_max_input(&local);
    fp = fopen(path, "rb");
    if (fp == NULL)
        return ac_error(err, ARTCONV_EIO, "cannot open: %s", strerror(errno));
    /* A regular file too big is refused before a byte is read; pipes and
     * files that grow meanwhile are caught by the count below. */
    if (fstat(fileno(fp), &st) != 0)
        st.st_mode = 0;
    if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > limit) {
        rc = ac_error(err, ARTCONV_ELIMIT, "input of %lld bytes exceeds the limit of %zu bytes",
                      (long long)st.st_size, limit);
        goto cleanup;
    }
    /* A regular file's size is known: one allocation holds it whole, where
     * doubling would hold up to twice the input while the reader works. */
    if (S_ISREG(st.st_mode) && artconv_buf_grow(&data, (size_t)st.st_size + 1) < 0) {
        rc = ac_nomem(err);
        goto cleanup;
    }
    for (;;) {
        size_t n;

        if (data.cap - data.len <= 1 && artconv_buf_grow(&data, 65536) < 0) {
            rc = ac_nomem(err);
            goto cleanup;
        }
        n = fread(data.ptr + data.len, 1, data.cap - data.len - 1, fp);
        data.len += n;
        data.ptr[data.len] = '\0';
        if (data.len > limit) {
            rc = ac_error(err, ARTCONV_ELIMIT, "input exceeds the limit of %zu bytes", limit);
            goto cleanup;
        }
        if (n == 0)
            break;
    }
    if (ferror(fp)) {
        rc = ac_error(err, ARTCONV_EIO, "cannot read: %s", strerror(errno));
        goto cleanup;
    }
    rc = artconv_read(out, format, data.ptr, data.len, &local, err);
cleanup:
    fclose(fp);
    artconv_buf_dispose(&data);
    return rc;
}

/* Writes all of `len` bytes to `fd`, retrying short writes. */
static int write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);

        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Creates the file `name` (a template ending in XXXXXX) with mode 0666
 * less the umask, as open(2) applies it.  mkstemp only picks the name: its
 * file has mode 0600, and learning the umask to fix that means setting it,
 * which is process-wide and races with every other thread. */
static int create_temp(char *name)
{
    size_t len = strlen(name);
    int attempt, fd;

    for (attempt = 0; attempt < 100; attempt++) {
        memcpy(name + len - 6, "XXXXXX", 6);
        fd = mkstemp(name);
        if (fd < 0)
            return -1;
        close(fd);
        if (unlink(name) < 0)
            return -1;
        fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    errno = EEXIST;
    return -1;
}

static int write_atomic(const char *path, const char *data, size_t len, int sync,
                        artconv_error *err)
{
    artconv_buf tmp = ARTCONV_BUF_INIT;
    struct stat st;
    int fd = -1, created = 0, rc = ARTCONV_OK;

    if (artconv_buf_puts(&tmp, path) < 0 || artconv_buf_puts(&tmp, ".XXXXXX") < 0) {
        artconv_buf_dispose(&tmp);
        return ac_nomem(err);
    }
    fd = create_temp(tmp.ptr);
    if (fd < 0) {
        rc = ac_error(err, ARTCONV_EIO, "cannot create a temporary file beside it: %s",
                      strerror(errno));
        goto done;
    }
    created = 1;
    /* A replaced file keeps its mode; a new one has what open(2) gave. */
    if (stat(path, &st) == 0)
        (void)fchmod(fd, st.st_mode & 07777);
    if (write_all(fd, data, len) < 0 || (sync && fsync(fd) < 0)) {
        rc = ac_error(err, ARTCONV_EIO, "cannot write: %s", strerror(errno));
        goto done;
    }
    if (close(fd) < 0) {
        fd = -1;
        rc = ac_error(err, ARTCONV_EIO, "cannot write: %s", strerror(errno));
        goto done;
    }
    fd = -1;
    if (rename(tmp.ptr, path) < 0)
        rc = ac_error(err, ARTCONV_EIO, "cannot replace the file: %s", strerror(errno));
done:
    if (fd >= 0)
        close(fd);
    if (rc < 0 && created)
        unlink(tmp.ptr);
    artconv_buf_dispose(&tmp);
    return rc;
}

/* What both file writers do first: defaults, the name in `err`, the format
 * from the extension.  Returns 0 or a status. */
static int prepare_write(artconv_write_options *local, const artconv_format **format,
                         const char *path, const artconv_write_options *opts, artconv_error *err)
{
    const artconv_write_options defaults = ARTCONV_WRITE_OPTIONS_INIT;

    *local = opts != NULL ? *opts : defaults;
    if (local->filename == NULL)
        local->filename = path;
    if (err != NULL) {
        memset(err, 0, sizeof *err);
        err->file = local->filename;
    }
    if (path == NULL)
        return ac_error(err, ARTCONV_EINVALID, "no output path");
    if (*format == NULL && (*format = artconv_format_by_path(path)) == NULL)
        return ac_error(err, ARTCONV_EINVALID, "cannot tell the format from the file name");
    return ARTCONV_OK;
}

int artconv_write_file(const char *path, const artconv_format *format,
                       const artconv_article *article, const artconv_write_options *opts,
                       artconv_error *err)
{
    artconv_write_options local;
    artconv_buf out = ARTCONV_BUF_INIT;
    int rc;

    if ((rc = prepare_write(&local, &format, path, opts, err)) < 0)
        return rc;
    rc = artconv_write(&out, format, article, &local, err);
    if (rc == 0)
        rc = write_atomic(path, out.ptr == NULL ? "" : out.ptr, out.len, !local.no_sync, err);
    artconv_buf_dispose(&out);
    return rc;
}

int artconv_write_book_file(const char *path, const artconv_format *format,
                            const artconv_article *const *articles, size_t count, const char *title,
                            const char *const *resource_dirs, const artconv_write_options *opts,
                            artconv_error *err)
{
    artconv_write_options local;
    artconv_buf out = ARTCONV_BUF_INIT;
    int rc;

    if ((rc = prepare_write(&local, &format, path, opts, err)) < 0)
        return rc;
    rc = artconv_write_book(&out, format, articles, count, title, resource_dirs, &local, err);
    if (rc == 0)
        rc = write_atomic(path, out.ptr == NULL ? "" : out.ptr, out.len, !local.no_sync, err);
    artconv_buf_dispose(&out);
    return rc;
}
