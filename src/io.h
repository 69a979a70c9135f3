/*
 * io.h - what the library's file code shares: finding a path's folder,
 * optionally beneath a root folder (io_root.c), and writing an output file
 * by the rules of docs/limits.md, "Output files" (io_write.c).
 */
#ifndef ARTCONV_IO_H
#define ARTCONV_IO_H

#include "artconv.h"

#include <stddef.h>

/* The kernel's limit on symbolic links in one lookup; following the links
 * at an output path stops at the same count. */
#define AC_MAX_SYMLINKS 40

/* Opens the folder that holds the last component of `path` (O_PATH) into
 * *dirfd and puts that component, a fresh string the caller frees, into
 * *name ("" when the path ends in a slash).  With `root`, `path` is
 * relative to root and no step may leave it (".." above it, a symbolic
 * link out of it, an absolute path): errno is then EXDEV.  Returns 0, or
 * -1 with errno set. */
int ac_open_parent(int *dirfd, char **name, const char *root, const char *path);

/* open(2) of `path` with `flags` (no O_CREAT), beneath `root` when it is
 * not NULL; a symbolic link at the end is followed if it stays inside.
 * Beneath a root, or with `no_magic`, the lookup never goes through a
 * /proc magic link (/dev/stdin, /dev/fd/N) where the kernel can tell.
 * Returns the descriptor, or -1 with errno set (EXDEV: outside root, or
 * through a magic link). */
int ac_open_beneath(const char *root, const char *path, int flags, int no_magic);

/* The reason to show for errno `errnum` from the two calls above: the
 * system's text, or what EXDEV means under a root. */
const char *ac_path_reason(const char *root, const char *path, int errnum);

/* Writes `len` bytes to `path` by the output rules, with opts->no_sync,
 * force, temp_file and root (opts must not be NULL).  Fills `err` (whose
 * file the caller has set) and returns 0 or ARTCONV_EIO / ENOMEM. */
int ac_write_output(const char *path, const char *data, size_t len,
                    const artconv_write_options *opts, artconv_error *err);

#endif
