/*
 * output_paths.c - what artconv_write_file does with what lies at the
 * output path (docs/limits.md, "Output files"): symbolic links, devices,
 * FIFOs, sockets, folders, read-only and setuid files, long names, the
 * temporary file and its callback, paths beneath a root; and what
 * artconv_read_file does with a root and with non-regular inputs.
 *
 * Built twice: as is (the temporary file is unnamed, O_TMPFILE) and with
 * AC_TEST_NO_TMPFILE and AC_TEST_NO_OPENAT2, where src/io_write.c takes the
 * named fallback a file system without O_TMPFILE needs and src/io_root.c
 * the walk a kernel without openat2 needs.
 *
 * One job over 600 lines: the behaviour of one function,
 * artconv_write_file, at every kind of path (plus its reading twin).
 */
#define _GNU_SOURCE
#include "tap.h"
#include "testutil.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>
#if defined(__has_include)
#if __has_include(<linux/openat2.h>)
#include <linux/openat2.h>
#define HAVE_OPENAT2_H 1
#endif
#endif

#ifdef AC_TEST_NO_TMPFILE
#define NAMED 1
#else
#define NAMED 0
#endif
#ifdef AC_TEST_NO_OPENAT2
#define WALK 1 /* src/io_root.c walks the path itself, following no link */
#else
#define WALK 0
#endif

/* 1 if the kernel (or valgrind, which may lack it) runs openat2. */
static int have_openat2(void)
{
#if defined(SYS_openat2) && defined(HAVE_OPENAT2_H)
    struct open_how how;
    int fd;

    memset(&how, 0, sizeof how);
    how.flags = O_PATH;
    fd = (int)syscall(SYS_openat2, AT_FDCWD, ".", &how, sizeof how);
    if (fd >= 0)
        close(fd);
    return fd >= 0;
#else
    return 0;
#endif
}

static char work[64];

static const char body[] = "Harbour bridge reopens\n\nTraffic crossed the bridge on Saturday.\n";

/* What the temp_file callback saw. */
typedef struct seen {
    int calls;    /* with a name */
    int clears;   /* with NULL */
    int live;     /* a name is set now */
    int too_long; /* a name longer than 255 bytes */
    char last[512];
    int dirfd;
    int unnamed; /* an unlinked file of the full size was open then */
} seen;

/* 1 if this process holds an unnamed (O_TMPFILE) file of `size` bytes. */
static int holds_unnamed(long long size)
{
    DIR *d = opendir("/proc/self/fd");
    struct dirent *e;
    int found = 0;

    if (d == NULL)
        return 0;
    while (!found && (e = readdir(d)) != NULL) {
        char link[300], target[4096];
        ssize_t n;
        struct stat st;

        snprintf(link, sizeof link, "/proc/self/fd/%s", e->d_name);
        n = readlink(link, target, sizeof target - 1);
        if (n <= 0)
            continue;
        target[n] = '\0';
        found = strstr(target, "(deleted)") != NULL && stat(link, &st) == 0 &&
                S_ISREG(st.st_mode) && st.st_size == size;
    }
    closedir(d);
    return found;
}

static void record(int dirfd, const char *name, void *payload)
{
    seen *s = payload;

    if (name == NULL) {
        s->clears++;
        s->live = 0;
        return;
    }
    s->calls++;
    s->live = 1;
    s->unnamed = holds_unnamed((long long)sizeof body - 1);
    s->dirfd = dirfd;
    if (strlen(name) > 255)
        s->too_long = 1;
    snprintf(s->last, sizeof s->last, "%s", name);
}

static void path_of(char *out, size_t size, const char *name)
{
    snprintf(out, size, "%s/%s", work, name);
}

static int write_bytes(const char *name, const char *text, artconv_write_options *opts,
                       artconv_error *err)
{
    char path[4096];

    path_of(path, sizeof path, name);
    return artconv_write_bytes_file(path, text, strlen(text), opts, err);
}

static void put(const char *name, const char *text, mode_t mode)
{
    char path[4096];
    FILE *fp;

    path_of(path, sizeof path, name);
    unlink(path);
    fp = fopen(path, "w");
    if (fp != NULL) {
        fputs(text, fp);
        fclose(fp);
    }
    chmod(path, mode);
}

static void link_at(const char *target, const char *name)
{
    char path[4096];

    path_of(path, sizeof path, name);
    unlink(path);
    if (symlink(target, path) < 0)
        perror(path);
}

/* The contents of `name` (static storage), or "" if unreadable. */
static const char *contents(const char *name)
{
    static char text[65536];
    char path[4096];
    FILE *fp;
    size_t n = 0;

    path_of(path, sizeof path, name);
    text[0] = '\0';
    if ((fp = fopen(path, "r")) != NULL) {
        n = fread(text, 1, sizeof text - 1, fp);
        fclose(fp);
    }
    text[n] = '\0';
    return text;
}

static mode_t mode_of(const char *name, int follow)
{
    char path[4096];
    struct stat st;

    path_of(path, sizeof path, name);
    if ((follow ? stat(path, &st) : lstat(path, &st)) < 0)
        return 0;
    return st.st_mode;
}

/* The number of entries in the folder `name` ("" for the work folder). */
static int entries(const char *name)
{
    char path[4096];
    DIR *d;
    struct dirent *e;
    int n = 0;

    path_of(path, sizeof path, name);
    if ((d = opendir(path)) == NULL)
        return -1;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

static void clean_work(void)
{
    char cmd[128];

    snprintf(cmd, sizeof cmd, "rm -rf '%s'", work);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", work);
}

static void fresh_work(void)
{
    clean_work();
    mkdir(work, 0700);
}

static int has(const char *message, const char *part)
{
    int found = strstr(message, part) != NULL;

    if (!found)
        printf("#   message: %s\n#   wanted: %s\n", message, part);
    return found;
}

static void test_regular(void)
{
    artconv_write_options opts;
    artconv_error err;
    seen s;

    fresh_work();
    artconv_write_options_init(&opts);
    memset(&s, 0, sizeof s);
    opts.temp_file = record;
    opts.temp_payload = &s;
    umask(022);
    is_int(write_bytes("new.html", body, &opts, &err), 0, "a new output is written");
    is_str(contents("new.html"), body, "with the bytes given");
    is_int(mode_of("new.html", 0) & 07777, 0644, "a new file gets 0666 less the umask");
    is_int(entries(""), 1, "and nothing else is left in the folder");
    ok(s.calls >= 1 && !s.live && s.clears >= 1, "the temp_file callback is told, then cleared");
    ok(strncmp(s.last, ".new.html.", 10) == 0 && strlen(s.last) == 16,
       "the temporary name is .NAME.XXXXXX");

    put("keep.html", "old\n", 0640);
    is_int(write_bytes("keep.html", body, &opts, &err), 0, "an existing output is replaced");
    is_str(contents("keep.html"), body, "whole");
    is_int(mode_of("keep.html", 0) & 07777, 0640, "and keeps its mode");

    put("suid", "old\n", 06755);
    is_int(write_bytes("suid", body, &opts, &err), 0, "a setuid, setgid file is replaced");
    is_int(mode_of("suid", 0) & 07777, 0755, "without its setuid and setgid bits");
    put("sticky", "old\n", 01666);
    is_int(write_bytes("sticky", body, &opts, &err), 0, "a sticky file is replaced");
    is_int(mode_of("sticky", 0) & 07777, 0666, "without its sticky bit");
}

static void test_named_or_not(void)
{
    artconv_write_options opts;
    artconv_error err;
    seen s;
    char path[4096];
    struct stat st;

    fresh_work();
    artconv_write_options_init(&opts);
    memset(&s, 0, sizeof s);
    opts.temp_file = record;
    opts.temp_payload = &s;
    is_int(write_bytes("t.html", body, &opts, &err), 0, "a write with the callback");
    /* Unnamed (O_TMPFILE): one name, for the moment between link and
     * rename; named: the same, for the whole write. */
    is_int(s.calls, 1,
           NAMED ? "the named temporary file is reported once"
                 : "the unnamed file is named once, just before the rename");
    path_of(path, sizeof path, s.last);
    ok(lstat(path, &st) < 0 && errno == ENOENT, "the reported name is gone afterwards");
    if (NAMED)
        ok(!s.unnamed, "no unnamed file was used");
    else
        ok(s.unnamed, "the bytes were written to an unnamed file (O_TMPFILE) first");
}

static void test_symlinks(void)
{
    artconv_write_options opts;
    artconv_error err;
    char name[32], target[32];
    int i;

    fresh_work();
    artconv_write_options_init(&opts);
    put("c.html", "old\n", 0600);
    link_at("c.html", "b.html");
    link_at("b.html", "a.html");
    is_int(write_bytes("a.html", body, &opts, &err), 0, "a chain of two links is followed");
    ok(S_ISLNK(mode_of("a.html", 0)) && S_ISLNK(mode_of("b.html", 0)), "both links stay links");
    is_str(contents("c.html"), body, "the final target is replaced");
    is_int(mode_of("c.html", 0) & 07777, 0600, "with the target's mode");

    {
        char sub[4096];

        path_of(sub, sizeof sub, "sub");
        mkdir(sub, 0755);
    }
    link_at("../c.html", "sub/up.html");
    put("c.html", "old\n", 0600);
    is_int(write_bytes("sub/up.html", body, &opts, &err), 0, "a relative link from a subfolder");
    is_str(contents("c.html"), body, "is resolved from the link's folder");

    link_at("nothere.html", "dangling.html");
    is_int(write_bytes("dangling.html", body, &opts, &err), 0, "a dangling link");
    is_str(contents("nothere.html"), body, "creates its target");
    ok(S_ISLNK(mode_of("dangling.html", 0)), "and stays a link");

    put("s.html", "old\n", 04755);
    link_at("s.html", "to-suid.html");
    is_int(write_bytes("to-suid.html", body, &opts, &err), 0, "a link to a setuid file");
    is_int(mode_of("s.html", 0) & 07777, 0755, "gives the target no setuid bit");

    /* link0 is the file; link1 -> link0, ..., link40 -> link39. */
    put("link0", "old\n", 0644);
    for (i = 1; i <= 41; i++) {
        snprintf(name, sizeof name, "link%d", i);
        snprintf(target, sizeof target, "link%d", i - 1);
        link_at(target, name);
    }
    is_int(write_bytes("link40", body, &opts, &err), 0,
           "40 links are followed, as the kernel does");
    is_int(write_bytes("link41", body, &opts, &err), ARTCONV_EIO, "41 are refused");
    ok(has(err.message, "cannot write: Too many levels of symbolic links"), "as a loop is");
    link_at("self", "self");
    is_int(write_bytes("self", body, &opts, &err), ARTCONV_EIO, "a link to itself is refused");
    ok(S_ISLNK(mode_of("self", 0)), "and stays");
}

static void test_folders(void)
{
    artconv_write_options opts;
    artconv_error err;
    char dir[4096];

    fresh_work();
    artconv_write_options_init(&opts);
    path_of(dir, sizeof dir, "shared");
    mkdir(dir, 0777);
    chmod(dir, 01777);
    link_at("shared", "out.html");
    is_int(write_bytes("out.html", body, &opts, &err), ARTCONV_EIO,
           "a link to a sticky world-writable folder is refused");
    ok(has(err.message, "cannot write: it is a folder"), "as a folder");
    is_int(mode_of("shared", 0) & 07777, 01777, "the folder is untouched");
    is_int(entries("shared"), 0, "and nothing is written into it");
    ok(S_ISLNK(mode_of("out.html", 0)), "the link stays a link");
    is_int(write_bytes("shared", body, &opts, &err), ARTCONV_EIO, "a folder is an error");
    is_int(write_bytes("shared/", body, &opts, &err), ARTCONV_EIO, "so is a path ending in /");
    is_int(entries(""), 2, "nothing else is created");
}

static void test_read_only(void)
{
    artconv_write_options opts;
    artconv_error err;

    fresh_work();
    artconv_write_options_init(&opts);
    put("ro.html", "old\n", 0444);
    is_int(write_bytes("ro.html", body, &opts, &err), ARTCONV_EIO, "a read-only output is refused");
    is_str(err.message,
           "cannot write: the file is read-only (mode 0444); force (--force) replaces it",
           "with the mode and the way round it");
    is_str(contents("ro.html"), "old\n", "and is left as it was");
    link_at("ro.html", "to-ro.html");
    is_int(write_bytes("to-ro.html", body, &opts, &err), ARTCONV_EIO,
           "a link to a read-only file is refused too");
    opts.force = 1;
    is_int(write_bytes("ro.html", body, &opts, &err), 0, "force replaces it");
    is_str(contents("ro.html"), body, "whole");
    is_int(mode_of("ro.html", 0) & 07777, 0444, "and it stays read-only");
    is_int(entries(""), 2, "no temporary file is left");
}

static void test_long_names(void)
{
    artconv_write_options opts;
    artconv_error err;
    char name[300];
    seen s;

    fresh_work();
    artconv_write_options_init(&opts);
    memset(&s, 0, sizeof s);
    opts.temp_file = record;
    opts.temp_payload = &s;
    memset(name, 'a', 250);
    strcpy(name + 250, ".html");
    is_int(write_bytes(name, body, &opts, &err), 0, "a 255-byte name is written");
    is_str(contents(name), body, "whole");
    ok(!s.too_long && strncmp(s.last, ".artconv-", 9) == 0 && strlen(s.last) == 15,
       "through a short temporary name (.artconv-XXXXXX)");
    memset(name, 'b', 242);
    strcpy(name + 242, ".html");
    is_int(write_bytes(name, body, &opts, &err), 0, "a 247-byte name is written");
    ok(strlen(s.last) == 255 && s.last[0] == '.', "through .NAME.XXXXXX, 255 bytes");
    memset(name, 'c', 251);
    strcpy(name + 251, ".html");
    is_int(write_bytes(name, body, &opts, &err), ARTCONV_EIO, "a 256-byte name is refused");
    ok(has(err.message, "cannot write: File name too long"), "by the system, about the file");
    is_int(entries(""), 2, "no temporary file is left");
}

static void test_failed_write(void)
{
    artconv_write_options opts;
    artconv_error err;
    struct rlimit old, small;
    static char big[200000];
    seen s;

    fresh_work();
    artconv_write_options_init(&opts);
    memset(&s, 0, sizeof s);
    opts.temp_file = record;
    opts.temp_payload = &s;
    memset(big, 'x', sizeof big - 1);
    put("keep.html", "old\n", 0644);
    /* A file size limit fails the write half-way, as a full disk does. */
    signal(SIGXFSZ, SIG_IGN);
    getrlimit(RLIMIT_FSIZE, &old);
    small = old;
    small.rlim_cur = 65536;
    setrlimit(RLIMIT_FSIZE, &small);
    is_int(write_bytes("keep.html", big, &opts, &err), ARTCONV_EIO,
           "a write that runs out of room");
    setrlimit(RLIMIT_FSIZE, &old);
    ok(has(err.message, "cannot write: File too large"), "says why");
    is_str(contents("keep.html"), "old\n", "leaves the old output");
    is_int(entries(""), 1, "and no temporary file");
    ok(!s.live, "and the callback was cleared");
}

static void test_devices(void)
{
    artconv_write_options opts;
    artconv_error err;
    char path[4096];

    fresh_work();
    artconv_write_options_init(&opts);
    if (geteuid() != 0) {
        ok(1, "# SKIP devices: mknod needs root");
        return;
    }
    path_of(path, sizeof path, "null");
    if (mknod(path, S_IFCHR | 0666, makedev(1, 3)) < 0) {
        ok(1, "# SKIP devices: mknod failed");
        return;
    }
    path_of(path, sizeof path, "full");
    mknod(path, S_IFCHR | 0666, makedev(1, 7));
    is_int(write_bytes("null", body, &opts, &err), 0, "a device is written through");
    ok(S_ISCHR(mode_of("null", 0)), "and stays a device");
    link_at("null", "to-null.html");
    is_int(write_bytes("to-null.html", body, &opts, &err), 0, "a link to a device too");
    ok(S_ISCHR(mode_of("null", 0)) && S_ISLNK(mode_of("to-null.html", 0)),
       "the device and the link stay");
    is_int(write_bytes("full", body, &opts, &err), ARTCONV_EIO, "a full device fails the write");
    ok(has(err.message, "cannot write: No space left on device"), "with the system's reason");
    ok(S_ISCHR(mode_of("full", 0)), "and stays a device");
    opts.force = 1;
    is_int(write_bytes("full", body, &opts, &err), ARTCONV_EIO, "force does not replace a device");
    ok(S_ISCHR(mode_of("full", 0)), "it stays a device");
    is_int(entries(""), 3, "no temporary file is left");
}

static void test_fifo_and_socket(void)
{
    artconv_write_options opts;
    artconv_error err;
    char path[4096], got[4096];
    struct sockaddr_un addr;
    ssize_t n;
    int reader, sock;

    fresh_work();
    artconv_write_options_init(&opts);
    path_of(path, sizeof path, "pipe.html");
    mkfifo(path, 0644);
    /* A reader that never blocks: the writer's open finds it there. */
    reader = open(path, O_RDONLY | O_NONBLOCK);
    ok(reader >= 0, "a FIFO with a reader");
    is_int(write_bytes("pipe.html", body, &opts, &err), 0, "a FIFO is written through");
    n = reader >= 0 ? read(reader, got, sizeof got - 1) : -1;
    got[n > 0 ? n : 0] = '\0';
    is_str(got, body, "the reader gets the bytes");
    ok(S_ISFIFO(mode_of("pipe.html", 0)), "and the FIFO stays");
    if (reader >= 0)
        close(reader);

    memset(&addr, 0, sizeof addr);
    addr.sun_family = AF_UNIX;
    snprintf(addr.sun_path, sizeof addr.sun_path, "%s/sock.html", work);
    sock = socket(AF_UNIX, SOCK_STREAM, 0);
    if (sock >= 0 && bind(sock, (struct sockaddr *)&addr, sizeof addr) == 0) {
        is_int(write_bytes("sock.html", body, &opts, &err), ARTCONV_EIO, "a socket is refused");
        ok(has(err.message, "cannot write: it is a socket"), "as a socket");
        ok(S_ISSOCK(mode_of("sock.html", 0)), "and stays");
    } else {
        ok(1, "# SKIP cannot make a socket");
    }
    if (sock >= 0)
        close(sock);
    is_int(entries(""), 2, "no temporary file is left");
}

static void test_root(void)
{
    artconv_write_options opts;
    artconv_read_options ropts;
    artconv_article *article = NULL;
    artconv_error err;
    char root[4096], path[4096];

    fresh_work();
    path_of(root, sizeof root, "root");
    mkdir(root, 0755);
    path_of(path, sizeof path, "root/sub");
    mkdir(path, 0755);
    path_of(path, sizeof path, "outside");
    mkdir(path, 0755);
    put("outside/secret.txt", "Secret\n\nNot for you.\n", 0644);
    put("root/a.txt", body, 0644);
    link_at("../outside", "root/away");
    link_at("../outside/secret.txt", "root/secret.txt");
    link_at("sub/../a.txt", "root/inside.txt");
    link_at("/etc/passwd", "root/abs.txt");
    artconv_write_options_init(&opts);
    opts.root = root;

    is_int(artconv_write_bytes_file("sub/x.html", body, strlen(body), &opts, &err), 0,
           "a path inside the root is written");
    is_str(contents("root/sub/x.html"), body, "relative to the root");
    is_int(artconv_write_bytes_file("../outside/x.html", body, 3, &opts, &err), ARTCONV_EIO,
           "../ out of the root is refused");
    is_str(err.message, "cannot write: the path leads outside the root folder", "and says so");
    is_int(artconv_write_bytes_file("away/x.html", body, 3, &opts, &err), ARTCONV_EIO,
           "a folder link out of the root is refused");
    is_int(artconv_write_bytes_file("secret.txt", body, 3, &opts, &err), ARTCONV_EIO,
           "a file link out of the root is refused");
    is_str(contents("outside/secret.txt"), "Secret\n\nNot for you.\n", "and the target is kept");
    is_int(artconv_write_bytes_file(root, body, 3, &opts, &err), ARTCONV_EIO,
           "an absolute path is refused");
    is_str(err.message, "cannot write: an absolute path; paths are relative to the root folder",
           "and says so");
    is_int(artconv_write_bytes_file("abs.txt", body, 3, &opts, &err), ARTCONV_EIO,
           "a link to an absolute path is refused");
    is_int(entries("outside"), 1, "nothing is written outside");
    is_int(artconv_write_bytes_file("inside.txt", "new\n", 4, &opts, &err), 0,
           "a link that stays inside is followed");
    is_str(contents("root/a.txt"), "new\n", "to its target");

    artconv_read_options_init(&ropts);
    ropts.root = root;
    is_int(artconv_read_file(&article, artconv_format_by_name("text"), "a.txt", &ropts, &err), 0,
           "an input inside the root is read");
    artconv_article_free(article);
    is_int(artconv_read_file(&article, artconv_format_by_name("text"), "secret.txt", &ropts, &err),
           ARTCONV_EIO, "an input link out of the root is refused");
    is_str(err.message, "cannot open: the path leads outside the root folder", "and says so");
    is_int(artconv_read_file(&article, artconv_format_by_name("text"), "../outside/secret.txt",
                             &ropts, &err),
           ARTCONV_EIO, "an input ../ out of the root is refused");
    is_int(artconv_read_file(&article, artconv_format_by_name("text"), "/etc/passwd", &ropts, &err),
           ARTCONV_EIO, "an absolute input is refused");
    ok(article == NULL, "and no article comes back");
}

static void test_regular_only(void)
{
    artconv_read_options ropts;
    artconv_article *article = NULL;
    artconv_error err;
    char path[4096];

    fresh_work();
    path_of(path, sizeof path, "fifo.txt");
    mkfifo(path, 0644);
    artconv_read_options_init(&ropts);
    ropts.regular_only = 1;
    alarm(10); /* a blocking open would hang: fail the test instead */
    is_int(artconv_read_file(&article, artconv_format_by_name("text"), path, &ropts, &err),
           ARTCONV_EIO, "a FIFO without a writer is refused at once");
    alarm(0);
    is_str(err.message, "cannot open: it is a FIFO or a pipe; only regular files are read here",
           "as a FIFO");
    path_of(path, sizeof path, "");
    is_int(artconv_read_file(&article, artconv_format_by_name("text"), path, &ropts, &err),
           ARTCONV_EIO, "a folder is refused");
    ok(has(err.message, "it is a folder"), "as a folder");
    if (access("/dev/null", R_OK) == 0) {
        is_int(
            artconv_read_file(&article, artconv_format_by_name("text"), "/dev/null", &ropts, &err),
            ARTCONV_EIO, "a device is refused");
        ok(has(err.message, "it is a device"), "as a device");
    }
    if (WALK || !have_openat2()) {
        ok(1, "# SKIP magic links: no openat2 to tell them (valgrind, or an old kernel)");
    } else {
        char own[64];
        int fd;

        put("regular.txt", body, 0644);
        path_of(path, sizeof path, "regular.txt");
        fd = open(path, O_RDONLY);
        snprintf(own, sizeof own, "/proc/self/fd/%d", fd);
        is_int(artconv_read_file(&article, artconv_format_by_name("text"), own, &ropts, &err),
               ARTCONV_EIO, "a path through a magic link (/proc/self/fd/N) is refused");
        is_str(err.message,
               "cannot open: it leads through /proc or /dev/fd (a process's own files); only "
               "regular files are read here",
               "and says why");
        close(fd);
    }
    ok(article == NULL, "and no article comes back");
}

static void test_write_file(void)
{
    artconv_article *article = NULL;
    artconv_write_options opts;
    artconv_error err;
    char path[4096];

    fresh_work();
    artconv_write_options_init(&opts);
    is_int(artconv_read(&article, artconv_format_by_name("text"), body, strlen(body), NULL, &err),
           0, "an article to write");
    put("ro.md", "old\n", 0444);
    path_of(path, sizeof path, "ro.md");
    is_int(artconv_write_file(path, NULL, article, &opts, &err), ARTCONV_EIO,
           "artconv_write_file refuses a read-only output");
    is_str(err.file, path, "and names it");
    opts.force = 1;
    is_int(artconv_write_file(path, NULL, article, &opts, &err), 0, "and writes it with force");
    ok(strstr(contents("ro.md"), "Harbour bridge") != NULL, "as Markdown");
    is_int(artconv_write_bytes_file(path, NULL, 3, &opts, &err), ARTCONV_EINVALID,
           "no bytes with a length is refused");
    artconv_article_free(article);
}

int main(void)
{
    snprintf(work, sizeof work, "/tmp/artconv-output-%ld", (long)getpid());
    test_regular();
    test_named_or_not();
    test_symlinks();
    test_folders();
    test_read_only();
    test_long_names();
    test_failed_write();
    test_devices();
    test_fifo_and_socket();
    test_root();
    test_regular_only();
    test_write_file();
    clean_work();
    return tap_done();
}
