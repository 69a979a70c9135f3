/*
 * io_write.c - writing an output file so that a failure never leaves a
 * partial file or clobbers the old one, and so that what lies at the path
 * is treated as its kind asks (docs/limits.md, "Output files"):
 *  - a symbolic link is followed, as the kernel would (40 at most), and
 *    its final target is replaced, as `sed -i --follow-symlinks` does; a
 *    dangling link creates its target;
 *  - a device, FIFO or socket is opened and written through, as cp(1) does,
 *    never renamed over; a folder is an error;
 *  - a regular file is replaced by a temporary file in its folder renamed
 *    over it.  The temporary file has no name while it is written
 *    (O_TMPFILE) where the file system allows it, so a killed run leaves
 *    nothing; elsewhere it is named and reported through opts->temp_file.
 *    The new file keeps the old one's permissions without setuid, setgid
 *    and sticky bits; a new file gets 0666 less the umask;
 *  - a read-only file (no write permission for its owner) is refused
 *    unless opts->force.
 * Every step works on the folder's descriptor, so a folder renamed or
 * swapped for a link half-way cannot redirect the rename.
 */
#define _GNU_SOURCE /* O_TMPFILE, O_PATH, AT_EMPTY_PATH */
#include "internal.h"
#include "io.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef NAME_MAX
#define NAME_MAX 255
#endif

/* Tries of random temporary names before giving up on EEXIST. */
#define NAME_TRIES 100

/* Where one output goes: the folder of its final target and the name. */
typedef struct target {
    int dirfd;
    char *name;
    struct stat st;
    int exists;
} target;

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

static int fail_errno(artconv_error *err, const artconv_write_options *opts, const char *path,
                      int errnum)
{
    if (errnum == ENOMEM)
        return ac_nomem(err);
    return ac_error(err, ARTCONV_EIO, "cannot write: %s", ac_path_reason(opts->root, path, errnum));
}

/* Reads the link `name` in `dirfd` and puts the path it leads to, seen
 * from where `cur` is, into `next`.  0, or -1 with errno. */
static int link_target(artconv_buf *next, const char *cur, int dirfd, const char *name,
                       size_t size_hint, const char *root)
{
    size_t cap = size_hint + 2 > 256 ? size_hint + 2 : 256;
    char *buf = NULL;
    ssize_t n;
    const char *slash;

    for (;;) {
        char *grown = realloc(buf, cap);

        if (grown == NULL) {
            free(buf);
            errno = ENOMEM;
            return -1;
        }
        buf = grown;
        n = readlinkat(dirfd, name, buf, cap);
        if (n < 0) {
            free(buf);
            return -1;
        }
        if ((size_t)n < cap)
            break;
        cap *= 2;
    }
    buf[n] = '\0';
    artconv_buf_clear(next);
    if (buf[0] == '/') {
        if (root != NULL) {
            /* Beneath a root only relative links can be checked to stay. */
            free(buf);
            errno = EXDEV;
            return -1;
        }
    } else if ((slash = strrchr(cur, '/')) != NULL &&
               artconv_buf_put(next, cur, (size_t)(slash - cur) + 1) < 0) {
        free(buf);
        errno = ENOMEM;
        return -1;
    }
    if (artconv_buf_puts(next, buf) < 0) {
        free(buf);
        errno = ENOMEM;
        return -1;
    }
    free(buf);
    return 0;
}

static void target_close(target *t)
{
    if (t->dirfd >= 0)
        close(t->dirfd);
    free(t->name);
    t->dirfd = -1;
    t->name = NULL;
}

/* Follows the symbolic links at `path` to the final target: its folder,
 * its name and whether (and as what) it exists. */
static int resolve(target *t, const char *path, const artconv_write_options *opts,
                   artconv_error *err)
{
    artconv_buf cur = ARTCONV_BUF_INIT, next = ARTCONV_BUF_INIT;
    int hops, rc = ARTCONV_OK;

    if (artconv_buf_puts(&cur, path) < 0)
        return ac_nomem(err);
    for (hops = 0;; hops++) {
        if (ac_open_parent(&t->dirfd, &t->name, opts->root, cur.ptr) < 0) {
            rc = fail_errno(err, opts, cur.ptr, errno);
            break;
        }
        if (t->name[0] == '\0' || strcmp(t->name, ".") == 0 || strcmp(t->name, "..") == 0) {
            rc = ac_error(err, ARTCONV_EIO, "cannot write: it is a folder");
            break;
        }
        if (fstatat(t->dirfd, t->name, &t->st, AT_SYMLINK_NOFOLLOW) < 0) {
            if (errno != ENOENT)
                rc = fail_errno(err, opts, cur.ptr, errno);
            t->exists = 0;
            break;
        }
        t->exists = 1;
        if (!S_ISLNK(t->st.st_mode))
            break;
        if (hops == AC_MAX_SYMLINKS) {
            rc = fail_errno(err, opts, cur.ptr, ELOOP);
            break;
        }
        if (link_target(&next, cur.ptr, t->dirfd, t->name, (size_t)t->st.st_size, opts->root) < 0) {
            rc = fail_errno(err, opts, cur.ptr, errno);
            break;
        }
        artconv_buf_clear(&cur);
        if (artconv_buf_put(&cur, next.ptr, next.len) < 0) {
            rc = ac_nomem(err);
            break;
        }
        target_close(t);
    }
    artconv_buf_dispose(&cur);
    artconv_buf_dispose(&next);
    return rc;
}

/* Writes to `fd`, opened on something that must not be a regular file or
 * a folder (checked again now that it is open), and closes it. */
static int put_through(int fd, const char *data, size_t len, const artconv_write_options *opts,
                       const char *path, artconv_error *err)
{
    struct stat st;
    int rc = ARTCONV_OK;

    if (fstat(fd, &st) < 0 || S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)) {
        close(fd);
        return ac_error(err, ARTCONV_EIO, "cannot write: the file changed while being written");
    }
    if (write_all(fd, data, len) < 0)
        rc = fail_errno(err, opts, path, errno);
    if (close(fd) < 0 && rc == ARTCONV_OK && errno != EINTR)
        rc = fail_errno(err, opts, path, errno);
    return rc;
}

/* A device, FIFO or socket: open it and write, as cp(1) would. */
static int write_through(target *t, const char *data, size_t len, const artconv_write_options *opts,
                         const char *path, artconv_error *err)
{
    int fd;

    if (S_ISSOCK(t->st.st_mode))
        return ac_error(err, ARTCONV_EIO, "cannot write: it is a socket");
    /* O_NOFOLLOW: a link put there since the lookup is not followed. */
    fd = openat(t->dirfd, t->name, O_WRONLY | O_NOCTTY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return fail_errno(err, opts, path, errno);
    return put_through(fd, data, len, opts, path, err);
}

/* `path` leads, through any links, to something that is neither a regular
 * file nor a folder (a device, a FIFO, or a pipe or terminal behind
 * /dev/stdout): 1 after writing it through, 0 when it does not, or a status.
 * This is asked first because a link such as /dev/stdout ends in
 * /proc/self/fd/1, whose text ("pipe:[...]") names no file: only the kernel
 * can follow it.  Beneath a root such links are refused, so it is not asked. */
static int write_through_links(const char *path, const char *data, size_t len,
                               const artconv_write_options *opts, artconv_error *err)
{
    struct stat st;
    int fd, rc;

    if (opts->root != NULL || stat(path, &st) < 0 || S_ISREG(st.st_mode) || S_ISDIR(st.st_mode))
        return 0;
    if (S_ISSOCK(st.st_mode))
        return ac_error(err, ARTCONV_EIO, "cannot write: it is a socket");
    fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return fail_errno(err, opts, path, errno);
    rc = put_through(fd, data, len, opts, path, err);
    return rc < 0 ? rc : 1;
}

/* Fills `out` (NAME_MAX + 1 bytes) with a fresh temporary name beside
 * `name`: ".NAME.XXXXXX", or ".artconv-XXXXXX" when that would be longer
 * than a name may be, so the temporary name fits whenever NAME does. */
static void temp_name(char *out, const char *name)
{
    static const char digits[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    unsigned char random[6];
    size_t len = strlen(name), i;
    char *x;

    if (len + 8 <= NAME_MAX)
        snprintf(out, NAME_MAX + 1, ".%s.XXXXXX", name);
    else
        snprintf(out, NAME_MAX + 1, ".artconv-XXXXXX");
    if (getrandom(random, sizeof random, GRND_NONBLOCK) != (ssize_t)sizeof random) {
        struct timespec ts;
        unsigned long mix;

        clock_gettime(CLOCK_MONOTONIC, &ts);
        mix = (unsigned long)ts.tv_nsec ^ ((unsigned long)getpid() << 16) ^ (unsigned long)&ts;
        for (i = 0; i < sizeof random; i++, mix >>= 5)
            random[i] = (unsigned char)(mix ^ (unsigned long)ts.tv_sec);
    }
    x = out + strlen(out) - 6;
    for (i = 0; i < 6; i++)
        x[i] = digits[random[i] % (sizeof digits - 1)];
}

static void notify(const artconv_write_options *opts, int dirfd, const char *name)
{
    if (opts->temp_file != NULL)
        opts->temp_file(dirfd, name, opts->temp_payload);
}

/* Gives the unnamed file `fd` the name `tmp` in the target's folder:
 * through /proc (any user), else AT_EMPTY_PATH (needs privilege). */
static int link_unnamed(int fd, target *t, char *tmp, const artconv_write_options *opts)
{
    char proc[64];
    int tries;

    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
    for (tries = 0; tries < NAME_TRIES; tries++) {
        temp_name(tmp, t->name);
        notify(opts, t->dirfd, tmp);
        if (linkat(AT_FDCWD, proc, t->dirfd, tmp, AT_SYMLINK_FOLLOW) == 0)
            return 0;
        if (errno == ENOENT && linkat(fd, "", t->dirfd, tmp, AT_EMPTY_PATH) == 0)
            return 0;
        if (errno != EEXIST)
            break;
    }
    notify(opts, t->dirfd, NULL);
    return -1;
}

/* Creates a named temporary file beside the target, reported to
 * opts->temp_file before it exists, so a signal finds it at once. */
static int create_named(target *t, char *tmp, const artconv_write_options *opts)
{
    int tries, fd = -1;

    for (tries = 0; tries < NAME_TRIES; tries++) {
        temp_name(tmp, t->name);
        notify(opts, t->dirfd, tmp);
        fd = openat(t->dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (fd >= 0 || errno != EEXIST)
            break;
    }
    if (fd < 0)
        notify(opts, t->dirfd, NULL);
    return fd;
}

/* Writes the bytes into `fd` with the target's permissions. */
static int fill(int fd, const target *t, const char *data, size_t len, int sync)
{
    /* The old file's permission bits only: a replaced file never carries
     * setuid, setgid or sticky bits to an output; open(2) gave a new one
     * 0666 less the umask. */
    if (t->exists && fchmod(fd, t->st.st_mode & 0777) < 0)
        return -1;
    if (write_all(fd, data, len) < 0)
        return -1;
    return sync && fsync(fd) < 0 ? -1 : 0;
}

/* A regular file, or none yet: a temporary file renamed over it. */
static int replace(target *t, const char *data, size_t len, const artconv_write_options *opts,
                   const char *path, artconv_error *err)
{
    char tmp[NAME_MAX + 1];
    int fd, linked = 0, rc = ARTCONV_OK, sync = !opts->no_sync;

#ifdef AC_TEST_NO_TMPFILE
    /* A test build: act as on a file system without unnamed files. */
    fd = -1;
    errno = EOPNOTSUPP;
#else
    fd = openat(t->dirfd, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
#endif
    if (fd < 0) {
        /* The file system (or the kernel) has no unnamed files. */
        if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
            return fail_errno(err, opts, path, errno);
    } else if (fill(fd, t, data, len, sync) < 0) {
        rc = fail_errno(err, opts, path, errno);
        close(fd);
        return rc;
    } else if (link_unnamed(fd, t, tmp, opts) == 0) {
        linked = 1;
        if (close(fd) < 0 && errno != EINTR) {
            rc = fail_errno(err, opts, path, errno);
            goto cleanup;
        }
    } else {
        close(fd); /* no way to name it: write a named one instead */
    }
    if (!linked) {
        if ((fd = create_named(t, tmp, opts)) < 0)
            return fail_errno(err, opts, path, errno);
        if (fill(fd, t, data, len, sync) < 0) {
            rc = fail_errno(err, opts, path, errno);
            close(fd);
            goto cleanup;
        }
        if (close(fd) < 0 && errno != EINTR) {
            rc = fail_errno(err, opts, path, errno);
            goto cleanup;
        }
    }
    if (renameat(t->dirfd, tmp, t->dirfd, t->name) < 0)
        rc = fail_errno(err, opts, path, errno);
cleanup:
    if (rc < 0)
        unlinkat(t->dirfd, tmp, 0);
    notify(opts, t->dirfd, NULL);
    return rc;
}

int ac_write_output(const char *path, const char *data, size_t len,
                    const artconv_write_options *opts, artconv_error *err)
{
    target t;
    int rc;

    if ((rc = write_through_links(path, data, len, opts, err)) != 0)
        return rc < 0 ? rc : ARTCONV_OK;
    memset(&t, 0, sizeof t);
    t.dirfd = -1;
    if ((rc = resolve(&t, path, opts, err)) < 0)
        goto cleanup;
    if (t.exists && S_ISDIR(t.st.st_mode)) {
        rc = ac_error(err, ARTCONV_EIO, "cannot write: it is a folder");
    } else if (t.exists && !S_ISREG(t.st.st_mode)) {
        rc = write_through(&t, data, len, opts, path, err);
    } else if (t.exists && (t.st.st_mode & S_IWUSR) == 0 && !opts->force) {
        rc = ac_error(err, ARTCONV_EIO,
                      "cannot write: the file is read-only (mode %04o); force (--force) "
                      "replaces it",
                      (unsigned)(t.st.st_mode & 07777));
    } else {
        rc = replace(&t, data, len, opts, path, err);
    }
cleanup:
    target_close(&t);
    return rc;
}

/* --- the public writers ------------------------------------------------------- */

/* What every file writer does first: defaults, the name in `err`, the
 * format from the extension (when `format` is not NULL).  0 or a status. */
static int prepare_write(artconv_write_options *local, const artconv_format **format,
                         const char *path, const artconv_write_options *opts, artconv_error *err)
{
    if (opts != NULL)
        *local = *opts;
    else
        artconv_write_options_init(local);
    if (local->filename == NULL)
        local->filename = path;
    if (err != NULL) {
        memset(err, 0, sizeof *err);
        err->file = local->filename;
    }
    if (path == NULL)
        return ac_error(err, ARTCONV_EINVALID, "no output path");
    if (format != NULL && *format == NULL && (*format = artconv_format_by_path(path)) == NULL)
        return ac_error(err, ARTCONV_EINVALID, "cannot tell the format from the file name");
    return ARTCONV_OK;
}

/* Writes one article (book 0) or a book of `count` into a buffer, then
 * saves it at `path` if the writer succeeded. */
static int write_file(const char *path, const artconv_format *format,
                      const artconv_article *const *articles, size_t count, const char *title,
                      const char *const *resource_dirs, int book, const artconv_write_options *opts,
                      artconv_error *err)
{
    artconv_write_options local;
    artconv_buf out = ARTCONV_BUF_INIT;
    int rc;

    if ((rc = prepare_write(&local, &format, path, opts, err)) < 0)
        return rc;
    if (book)
        rc = artconv_write_book(&out, format, articles, count, title, resource_dirs, &local, err);
    else
        rc = artconv_write(&out, format, articles[0], &local, err);
    if (rc == 0)
        rc = ac_write_output(path, out.ptr == NULL ? "" : out.ptr, out.len, &local, err);
    artconv_buf_dispose(&out);
    return rc;
}

int artconv_write_file(const char *path, const artconv_format *format,
                       const artconv_article *article, const artconv_write_options *opts,
                       artconv_error *err)
{
    return write_file(path, format, &article, 1, NULL, NULL, 0, opts, err);
}

int artconv_write_book_file(const char *path, const artconv_format *format,
                            const artconv_article *const *articles, size_t count, const char *title,
                            const char *const *resource_dirs, const artconv_write_options *opts,
                            artconv_error *err)
{
    return write_file(path, format, articles, count, title, resource_dirs, 1, opts, err);
}

int artconv_write_bytes_file(const char *path, const void *data, size_t len,
                             const artconv_write_options *opts, artconv_error *err)
{
    artconv_write_options local;
    int rc;

    if ((rc = prepare_write(&local, NULL, path, opts, err)) < 0)
        return rc;
    if (data == NULL && len > 0)
        return ac_error(err, ARTCONV_EINVALID, "no bytes to write");
    return ac_write_output(path, data != NULL ? data : "", len, &local, err);
}
