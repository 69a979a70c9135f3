/*
 * io_root.c - finding a path's folder, and opening a path, so that nothing
 * leads out of a root folder when one is given (a service's requests name
 * paths it must not trust).  Linux 5.6 and later do it in the kernel with
 * openat2(RESOLVE_BENEATH), which follows symbolic links only while they
 * stay inside; older kernels get a walk one component at a time that
 * follows no symbolic link at all (stricter, never looser).  Tests build
 * it with AC_TEST_NO_OPENAT2 to run that walk on a kernel that has both.
 */
#define _GNU_SOURCE /* O_PATH */
#include "io.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__has_include)
#if __has_include(<linux/openat2.h>)
#include <linux/openat2.h>
#define AC_HAVE_OPENAT2_H 1
#endif
#endif

/* How often openat2 may say EAGAIN (a rename raced with "..") before the
 * lookup gives up. */
#define RETRIES 8

/* openat2(dirfd, path), beneath dirfd when `beneath`, never through a
 * magic link; -1 with errno ENOSYS when the kernel or the headers lack it. */
static int open_kernel(int dirfd, const char *path, int flags, int beneath)
{
#if defined(AC_HAVE_OPENAT2_H) && defined(SYS_openat2) && !defined(AC_TEST_NO_OPENAT2)
    struct open_how how;
    int attempt, fd = -1;

    memset(&how, 0, sizeof how);
    how.flags = (unsigned long long)(unsigned)flags;
    /* Magic links (/proc/self/fd/N, so /dev/stdin) jump anywhere, even to
     * the program's own standard input: never through them. */
    how.resolve = RESOLVE_NO_MAGICLINKS | (beneath ? RESOLVE_BENEATH : 0);
    for (attempt = 0; attempt < RETRIES; attempt++) {
        fd = (int)syscall(SYS_openat2, dirfd, path, &how, sizeof how);
        if (fd >= 0 || errno != EAGAIN)
            break;
    }
    return fd;
#else
    (void)dirfd;
    (void)path;
    (void)flags;
    (void)beneath;
    errno = ENOSYS;
    return -1;
#endif
}

/* The fallback: opens `path` below `dirfd` one component at a time with
 * O_NOFOLLOW, counting depth so ".." never climbs above the start.  The
 * last component is opened with `flags` (plus O_NOFOLLOW). */
static int open_beneath_walk(int dirfd, const char *path, int flags)
{
    size_t depth = 0;
    const char *p = path;
    int cur = dup(dirfd);

    if (cur < 0)
        return -1;
    for (;;) {
        const char *end = strchr(p, '/');
        size_t n = end != NULL ? (size_t)(end - p) : strlen(p);
        char part[256];
        int next, last;

        while (end != NULL && end[1] == '/')
            end++;
        last = end == NULL || end[1] == '\0';
        if (n >= sizeof part) {
            close(cur);
            errno = ENAMETOOLONG;
            return -1;
        }
        memcpy(part, p, n);
        part[n] = '\0';
        if (n == 0 || strcmp(part, ".") == 0) {
            strcpy(part, ".");
        } else if (strcmp(part, "..") == 0) {
            if (depth == 0) {
                close(cur);
                errno = EXDEV;
                return -1;
            }
            depth--;
        } else {
            depth++;
        }
        next = openat(cur, part,
                      last ? flags | O_NOFOLLOW : O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (next < 0) {
            struct stat st;
            int saved = errno;

            /* A link this walk will not follow is reported as a way out:
             * without openat2 nothing can tell where it stays. */
            if ((saved == ELOOP || saved == ENOTDIR) &&
                fstatat(cur, part, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode))
                saved = EXDEV;
            close(cur);
            errno = saved;
            return -1;
        }
        close(cur);
        if (last)
            return next;
        cur = next;
        p = end + 1;
    }
}

/* Opens `path` below the folder `dirfd`, refusing every way out. */
static int open_below(int dirfd, const char *path, int flags)
{
    int fd;

    if (path[0] == '/') {
        errno = EXDEV;
        return -1;
    }
    fd = open_kernel(dirfd, path, flags, 1);
    if (fd < 0 && errno == ENOSYS)
        fd = open_beneath_walk(dirfd, path, flags);
    return fd;
}

static int open_root(const char *root)
{
    return open(root, O_PATH | O_DIRECTORY | O_CLOEXEC);
}

int ac_open_parent(int *dirfd, char **name, const char *root, const char *path)
{
    const char *slash = strrchr(path, '/');
    char *folder = NULL;
    int fd, saved;

    *dirfd = -1;
    *name = NULL;
    if (slash == NULL)
        folder = strdup(".");
    else if (slash == path)
        folder = strdup("/");
    else
        folder = strndup(path, (size_t)(slash - path));
    *name = strdup(slash != NULL ? slash + 1 : path);
    if (folder == NULL || *name == NULL) {
        free(folder);
        free(*name);
        *name = NULL;
        errno = ENOMEM;
        return -1;
    }
    if (root == NULL) {
        fd = open(folder, O_PATH | O_DIRECTORY | O_CLOEXEC);
    } else {
        int rootfd = open_root(root);

        fd = -1;
        if (rootfd >= 0) {
            fd = path[0] == '/' ? (errno = EXDEV, -1)
                                : open_below(rootfd, folder, O_PATH | O_DIRECTORY | O_CLOEXEC);
            saved = errno;
            close(rootfd);
            errno = saved;
        }
    }
    saved = errno;
    free(folder);
    if (fd < 0) {
        free(*name);
        *name = NULL;
        errno = saved;
        return -1;
    }
    *dirfd = fd;
    return 0;
}

int ac_open_beneath(const char *root, const char *path, int flags, int no_magic)
{
    int rootfd, fd, saved;

    if (root == NULL && !no_magic)
        return open(path, flags);
    if (root == NULL) {
        fd = open_kernel(AT_FDCWD, path, flags, 0);
        if (fd < 0 && errno == ENOSYS)
            fd = open(path, flags);
        if (fd < 0 && errno == ELOOP) {
            /* Say so when a magic link, not a loop, stopped the lookup. */
            int probe = open(path, O_PATH | O_CLOEXEC);

            if (probe >= 0) {
                close(probe);
                errno = EXDEV;
            } else {
                errno = ELOOP;
            }
        }
        return fd;
    }
    if ((rootfd = open_root(root)) < 0)
        return -1;
    fd = open_below(rootfd, path, flags);
    saved = errno;
    close(rootfd);
    errno = saved;
    return fd;
}

const char *ac_path_reason(const char *root, const char *path, int errnum)
{
    if (root == NULL && errnum == EXDEV)
        return "it leads through /proc or /dev/fd (a process's own files); only regular files "
               "are read here";
    if (root != NULL && errnum == EXDEV)
        return path[0] == '/' ? "an absolute path; paths are relative to the root folder"
                              : "the path leads outside the root folder";
    return strerror(errnum);
}
