/*
 * model_io.c - API tests of the core around the model: buffers, the format
 * table, reading and writing through it (argument checks, option defaults,
 * the book slot) and atomic file output, from one thread and from many.
 */
#include "artconv.h"
#include "model_util.h"
#include "tap.h"
#include "testutil.h"

#include <dirent.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* --- buffers -------------------------------------------------------------- */

static void test_buf(void)
{
    artconv_buf b = ARTCONV_BUF_INIT;
    size_t i, caps = 0, last_cap = 0;
    int intact = 1;
    char *s;

    ok(b.ptr == NULL && b.len == 0 && b.cap == 0, "INIT is empty");
    ok(artconv_buf_put(&b, "", 0) == 0 && b.ptr != NULL && b.ptr[0] == '\0' && b.len == 0,
       "an empty append allocates and terminates");
    ok(artconv_buf_puts(&b, "abc") == 0 && artconv_buf_putc(&b, 'd') == 0 &&
           artconv_buf_put(&b, "efg", 2) == 0,
       "puts, putc, put");
    is_str(b.ptr, "abcdef", "contents, NUL-terminated");
    is_int(b.len, 6, "length");
    ok(artconv_buf_put(&b, "x\0y", 3) == 0 && b.len == 9 && b.ptr[9] == '\0' && b.ptr[7] == '\0',
       "embedded NUL kept, still terminated");
    artconv_buf_clear(&b);
    ok(b.len == 0 && b.ptr != NULL && b.ptr[0] == '\0' && b.cap > 0, "clear keeps the memory");
    for (i = 0; i < 1000000; i++) {
        if (artconv_buf_putc(&b, 'a' + (int)(i % 26)) < 0 || b.ptr[b.len] != '\0' || b.cap <= b.len)
            intact = 0;
        if (b.cap != last_cap) {
            caps++;
            last_cap = b.cap;
        }
    }
    ok(intact, "a million appends, always terminated and within capacity");
    for (i = 0; i < b.len; i++)
        if (b.ptr[i] != 'a' + (int)(i % 26))
            intact = 0;
    ok(intact, "every byte in place");
    ok(caps <= 20, "growth is geometric (few reallocations)");
    ok(artconv_buf_grow(&b, SIZE_MAX) == ARTCONV_ENOMEM, "overflowing growth refused");
    ok(artconv_buf_put(&b, "z", SIZE_MAX - 2) == ARTCONV_ENOMEM, "an impossible append refused");
    ok(b.len == 1000000 && b.ptr[b.len] == '\0', "failed appends leave the buffer as it was");
    s = artconv_buf_detach(&b);
    ok(s != NULL && strlen(s) == 1000000, "detach hands over the bytes");
    ok(b.ptr == NULL && b.len == 0 && b.cap == 0, "detach resets the buffer");
    free(s);
    s = artconv_buf_detach(&b);
    is_str(s, "", "detaching an empty buffer gives \"\"");
    free(s);
    artconv_buf_puts(&b, "gone");
    artconv_buf_dispose(&b);
    ok(b.ptr == NULL && b.len == 0 && b.cap == 0, "dispose resets the buffer");
    artconv_buf_dispose(&b);
    artconv_buf_dispose(NULL);
    artconv_buf_clear(&b);
    ok(b.ptr == NULL, "dispose twice, dispose NULL and clear an empty buffer are safe");
}

/* --- formats, reading and writing ----------------------------------------- */

static void test_registry(void)
{
    static const struct {
        const char *arg;
        const char *format;
    } names[] = {
        {"md", "markdown"},
        {"MD", "markdown"},
        {"markdown", "markdown"},
        {"commonmark", "markdown"},
        {"txt", "text"},
        {"text", "text"},
        {"html", "html"},
        {"htm", "html"},
        {"json", "json"},
        {"epub", "epub"},
        {"nml", "newsml"},
        {"nope", NULL},
        {"", NULL},
        {".md", NULL},
    };
    static const struct {
        const char *path;
        const char *format;
    } paths[] = {
        {".MD", "markdown"},   {"notes.md", "markdown"}, {"a/b/c.Markdown", "markdown"},
        {"page.HTML", "html"}, {"x.xhtml", "html"},      {"story.txt", "text"},
        {"out.json", "json"},  {"book.epub", "epub"},    {"item.xml", "newsml"},
        {"x.tar.gz", NULL},    {"dir.md/file", NULL},    {"dir.md/", NULL},
        {"README", NULL},      {"file.", NULL},          {"", NULL},
    };
    const artconv_format *f;
    size_t i;
    char what[100];
    int found = 0;

    for (i = 0; i < COUNT(names); i++) {
        snprintf(what, sizeof what, "by name '%s'", names[i].arg);
        is_str(artconv_format_name(artconv_format_by_name(names[i].arg)), names[i].format, what);
    }
    ok(artconv_format_by_name(NULL) == NULL, "by name NULL");
    for (i = 0; i < COUNT(paths); i++) {
        snprintf(what, sizeof what, "by path '%s'", paths[i].path);
        is_str(artconv_format_name(artconv_format_by_path(paths[i].path)), paths[i].format, what);
    }
    ok(artconv_format_by_path(NULL) == NULL, "by path NULL");
    ok(artconv_format_count() >= 6, "at least six formats");
    ok(artconv_format_at(artconv_format_count()) == NULL, "nothing past the end");
    for (i = 0; i < artconv_format_count(); i++) {
        f = artconv_format_at(i);
        /* gfm has no extension of its own (.md is CommonMark). */
        if (f == artconv_format_by_name(artconv_format_name(f)) &&
            artconv_format_extensions(f) != NULL &&
            (artconv_format_extensions(f)[0] == NULL ||
             artconv_format_by_path(artconv_format_extensions(f)[0]) == f) &&
            artconv_format_media_type(f) != NULL && artconv_format_description(f) != NULL)
            found++;
    }
    is_int(found, artconv_format_count(), "each format is found by its name and extension");
    f = artconv_format_by_name("epub");
    ok(artconv_format_is_binary(f) && !artconv_format_is_binary(artconv_format_by_name("md")),
       "epub is binary, markdown is not");
    ok(artconv_format_can_write(artconv_format_by_name("json")), "json is writable");
    ok(artconv_format_can_read(artconv_format_by_name("text")), "text is readable");
    ok(!artconv_format_can_read(NULL) && !artconv_format_can_write(NULL) &&
           artconv_format_name(NULL) == NULL,
       "NULL format");
    is_str(artconv_format_media_type(artconv_format_by_name("json")), "application/json",
           "json media type");
    is_str(artconv_version(), ARTCONV_VERSION, "version");
    is_str(artconv_status_name(ARTCONV_ELIMIT), "limit exceeded", "status name");
    is_str(artconv_status_name(42), "unknown error", "unknown status name");
}

static void test_null_args(void)
{
    const artconv_format *text = artconv_format_by_name("text");
    const artconv_format *json = artconv_format_by_name("json");
    const artconv_format *unreadable = NULL, *unwritable = NULL;
    artconv_read_options ro;
    artconv_write_options wo;
    artconv_article *a = artconv_article_new(), *got = a;
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_error err;
    size_t i;

    artconv_read_options_init(&ro);
    artconv_write_options_init(&wo);

    is_int(artconv_read(NULL, text, "x", 1, NULL, &err), ARTCONV_EINVALID, "read into NULL");
    is_error(artconv_read(&got, NULL, "x", 1, NULL, &err), &err, ARTCONV_EINVALID,
             "no format or no data", "read with no format");
    ok(got == NULL, "*out is NULL after a failed read");
    is_int(artconv_read(&got, text, NULL, 5, NULL, &err), ARTCONV_EINVALID, "read NULL data");
    ro.max_input = 3;
    ro.filename = "in.txt";
    is_int(artconv_read(&got, text, "hello", 5, &ro, &err), ARTCONV_ELIMIT, "input over the limit");
    is_str(err.file, "in.txt", "the error names the input");
    ok(got == NULL, "no article over the limit");
    is_error(artconv_write(NULL, json, a, NULL, &err), &err, ARTCONV_EINVALID,
             "no output, format or article", "write to NULL");
    is_int(artconv_write(&out, NULL, a, NULL, &err), ARTCONV_EINVALID, "write with no format");
    is_int(artconv_write(&out, json, NULL, NULL, &err), ARTCONV_EINVALID, "write no article");
    is_int(artconv_write(&out, json, NULL, NULL, NULL), ARTCONV_EINVALID, "err may be NULL");
    ok(out.ptr == NULL, "nothing written");
    for (i = 0; i < artconv_format_count(); i++) {
        if (unreadable == NULL && !artconv_format_can_read(artconv_format_at(i)))
            unreadable = artconv_format_at(i);
        if (unwritable == NULL && !artconv_format_can_write(artconv_format_at(i)))
            unwritable = artconv_format_at(i);
    }
    if (unreadable != NULL)
        is_int(artconv_read(&got, unreadable, "x", 1, NULL, &err), ARTCONV_EUNSUPPORTED,
               "reading an unreadable format");
    else
        ok(1, "# SKIP every format can be read");
    if (unwritable != NULL) {
        wo.filename = "out.x";
        is_int(artconv_write(&out, unwritable, a, &wo, &err), ARTCONV_EUNSUPPORTED,
               "writing an unwritable format");
        is_str(err.file, "out.x", "the error names the output");
    } else {
        ok(1, "# SKIP every format can be written");
    }
    artconv_read_options_init(&ro);
    artconv_write_options_init(&wo);
    ok(ro.version == ARTCONV_READ_OPTIONS_VERSION && ro.max_input == 0 && ro.filename == NULL,
       "read options defaults");
    ok(wo.version == ARTCONV_WRITE_OPTIONS_VERSION && wo.width == 72, "write options defaults");
    artconv_article_free(a);
}

/* artconv_write with NULL options writes what it writes with options from
 * artconv_write_options_init: the one set of defaults. */
static void test_options_defaults(void)
{
    artconv_article *a = artconv_article_new();
    artconv_node *p = add(artconv_article_body(a), ARTCONV_NODE_PARAGRAPH);
    artconv_write_options wo;
    artconv_read_options ro;
    artconv_buf x = ARTCONV_BUF_INIT, y = ARTCONV_BUF_INIT;
    artconv_article *back = NULL;
    size_t i;
    int same = 1;

    artconv_article_set(a, ARTCONV_META_TITLE, "Defaults", NULL);
    add_text(p, "A paragraph long enough to wrap at the default width of seventy-two columns, "
                "which text output uses when no width is given.");
    artconv_write_options_init(&wo);
    artconv_read_options_init(&ro);
    for (i = 0; i < artconv_format_count(); i++) {
        const artconv_format *f = artconv_format_at(i);

        if (!artconv_format_can_write(f) || artconv_format_is_binary(f))
            continue; /* EPUB stamps the time when no timestamp is given */
        artconv_buf_clear(&x);
        artconv_buf_clear(&y);
        if (artconv_write(&x, f, a, NULL, NULL) < 0 || artconv_write(&y, f, a, &wo, NULL) < 0 ||
            x.len != y.len || memcmp(x.ptr, y.ptr, x.len) != 0)
            same = 0;
    }
    ok(same, "every text writer: NULL options and _init options write the same bytes");
    is_int(artconv_read(&back, artconv_format_by_name("text"), "Hello\n", 6, &ro, NULL), 0,
           "a read with _init options");
    artconv_article_free(back);
    artconv_buf_dispose(&x);
    artconv_buf_dispose(&y);
    artconv_article_free(a);
}

/* A format that says it writes books takes several articles through
 * artconv_write_book; the others refuse them, and say so. */
static void test_write_book_slot(void)
{
    artconv_article *a = artconv_article_new(), *b = artconv_article_new();
    const artconv_article *const both[2] = {a, b};
    size_t i, books = 0;

    artconv_article_set(a, ARTCONV_META_TITLE, "One", NULL);
    artconv_article_set(b, ARTCONV_META_TITLE, "Two", NULL);
    for (i = 0; i < artconv_format_count(); i++) {
        const artconv_format *f = artconv_format_at(i);
        artconv_buf out = ARTCONV_BUF_INIT;
        artconv_error err;
        char what[100];
        int rc;

        if (!artconv_format_can_write(f))
            continue;
        rc = artconv_write_book(&out, f, both, 2, "Digest", NULL, NULL, &err);
        if (artconv_format_can_write_book(f)) {
            books++;
            snprintf(what, sizeof what, "%s writes a book of two articles", artconv_format_name(f));
            ok(rc == 0 && out.len > 0, what);
        } else {
            snprintf(what, sizeof what, "%s refuses a book", artconv_format_name(f));
            is_int(rc, ARTCONV_EUNSUPPORTED, what);
        }
        artconv_buf_dispose(&out);
    }
    is_int((int)books, 1, "one format writes books (EPUB)");
    ok(artconv_format_can_write_book(artconv_format_by_name("epub")), "epub can write a book");
    ok(!artconv_format_can_write_book(NULL), "NULL cannot");
    artconv_article_free(a);
    artconv_article_free(b);
}

/* --- atomic file output --------------------------------------------------- */

/* Counts the entries of `dir` besides . and ..; names the first in `first`. */
static int count_entries(const char *dir, char *first, size_t size)
{
    DIR *d = opendir(dir);
    const struct dirent *e;
    int n = 0;

    if (d == NULL)
        return -1;
    first[0] = '\0';
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (n++ == 0)
            snprintf(first, size, "%s", e->d_name);
    }
    closedir(d);
    return n;
}

static int file_is(const char *path, const char *want)
{
    artconv_buf got = ARTCONV_BUF_INIT;
    int same = test_read_file(path, &got) == 0 && strcmp(got.ptr, want) == 0;

    artconv_buf_dispose(&got);
    return same;
}

static mode_t mode_of(const char *path)
{
    struct stat st;

    return stat(path, &st) == 0 ? st.st_mode & 07777 : (mode_t)-1;
}

static void test_write_file(void)
{
    const char *tmp = getenv("TMPDIR");
    char dir[4096], path[4200], other[4200], name[256];
    artconv_article *a = artconv_article_new(), *deep = artconv_article_new();
    artconv_node *cur = artconv_article_body(deep);
    artconv_buf want = ARTCONV_BUF_INIT;
    artconv_error err;
    mode_t old_mask;
    int i;

    snprintf(dir, sizeof dir, "%s/artconv-model-XXXXXX", tmp != NULL ? tmp : "/tmp");
    if (!ok(mkdtemp(dir) != NULL, "temporary folder made"))
        return;
    artconv_article_set(a, ARTCONV_META_TITLE, "Saved", NULL);
    artconv_write(&want, artconv_format_by_name("json"), a, NULL, NULL);
    snprintf(path, sizeof path, "%s/out.json", dir);

    old_mask = umask(022);
    ok(artconv_write_file(path, NULL, a, NULL, &err) == 0, "written, format from the extension");
    ok(file_is(path, want.ptr), "the file holds the JSON");
    is_int(mode_of(path), 0644, "new file mode follows umask 022");
    is_str(err.file, path, "err names the file");

    /* Failures leave the old file as it was and no temporary file. */
    for (i = 0; i < ARTCONV_MAX_DEPTH + 1; i++)
        cur = add(cur, ARTCONV_NODE_BLOCKQUOTE);
    is_int(artconv_write_file(path, NULL, deep, NULL, &err), ARTCONV_ELIMIT,
           "too deep an article refused");
    ok(file_is(path, want.ptr), "the old file is intact");
    is_int(count_entries(dir, name, sizeof name), 1, "no temporary file left");
    is_str(name, "out.json", "only the output is there");

    snprintf(other, sizeof other, "%s/missing/out.json", dir);
    is_int(artconv_write_file(other, NULL, a, NULL, &err), ARTCONV_EIO, "missing folder: EIO");
    snprintf(other, sizeof other, "%s/sub.json", dir);
    ok(mkdir(other, 0755) == 0, "a folder named like the output");
    is_int(artconv_write_file(other, NULL, a, NULL, &err), ARTCONV_EIO, "replacing a folder fails");
    is_int(count_entries(dir, name, sizeof name), 2, "still no temporary file");
    rmdir(other);
    snprintf(other, sizeof other, "%s/out.unknown", dir);
    is_int(artconv_write_file(other, NULL, a, NULL, &err), ARTCONV_EINVALID,
           "unknown extension, no format");
    is_int(artconv_write_file(NULL, NULL, a, NULL, &err), ARTCONV_EINVALID, "NULL path");
    is_int(count_entries(dir, name, sizeof name), 1, "nothing created by failures");

    /* An existing file keeps its mode; a new one follows the umask. */
    ok(chmod(path, 0640) == 0, "chmod 0640");
    ok(artconv_write_file(path, NULL, a, NULL, &err) == 0, "rewritten");
    is_int(mode_of(path), 0640, "a replaced file keeps its mode");
    umask(077);
    snprintf(other, sizeof other, "%s/private.json", dir);
    ok(artconv_write_file(other, NULL, a, NULL, &err) == 0, "written under umask 077");
    is_int(mode_of(other), 0600, "new file mode follows umask 077");
    umask(old_mask);
    unlink(other);
    unlink(path);
    ok(rmdir(dir) == 0, "temporary folder removed (it was empty)");
    artconv_buf_dispose(&want);
    artconv_article_free(a);
    artconv_article_free(deep);
}

/* artconv.h promises that distinct articles may be used from distinct
 * threads.  Writing files from several threads at once must give every new
 * file the umask's mode and leave the process umask as it was. */
enum { WRITERS = 8, WRITES = 300 };

typedef struct {
    const char *dir;
    int id;
    int failures;
} writer_job;

static void *writer_thread(void *arg)
{
    writer_job *job = arg;
    artconv_article *a = artconv_article_new();
    char path[4200];
    int i;

    for (i = 0; i < WRITES; i++) {
        snprintf(path, sizeof path, "%s/t%d-%d.json", job->dir, job->id, i);
        if (artconv_write_file(path, NULL, a, NULL, NULL) < 0)
            job->failures++;
    }
    artconv_article_free(a);
    return NULL;
}

static void test_write_file_threads(void)
{
    const char *tmp = getenv("TMPDIR");
    char dir[4096], path[4200];
    pthread_t threads[WRITERS];
    writer_job jobs[WRITERS];
    mode_t old_mask, mask_after;
    int i, j, started = 0, failures = 0, wrong_mode = 0;

    snprintf(dir, sizeof dir, "%s/artconv-threads-XXXXXX", tmp != NULL ? tmp : "/tmp");
    if (!ok(mkdtemp(dir) != NULL, "temporary folder for threads"))
        return;
    old_mask = umask(022);
    for (i = 0; i < WRITERS; i++) {
        jobs[i].dir = dir;
        jobs[i].id = i;
        jobs[i].failures = 0;
        if (pthread_create(&threads[i], NULL, writer_thread, &jobs[i]) == 0)
            started++;
    }
    for (i = 0; i < started; i++) {
        pthread_join(threads[i], NULL);
        failures += jobs[i].failures;
    }
    mask_after = umask(old_mask);
    is_int(started, WRITERS, "writer threads started");
    is_int(failures, 0, "every threaded write succeeded");
    is_int(mask_after, 022, "the process umask is unchanged after threaded writes");
    for (i = 0; i < started; i++) {
        for (j = 0; j < WRITES; j++) {
            snprintf(path, sizeof path, "%s/t%d-%d.json", dir, i, j);
            if (mode_of(path) != 0644)
                wrong_mode++;
            unlink(path);
        }
    }
    is_int(wrong_mode, 0, "every file written by a thread has mode 0644");
    ok(rmdir(dir) == 0, "thread folder removed (it was empty)");
}

int main(void)
{
    test_options_defaults();
    test_buf();
    test_registry();
    test_write_book_slot();
    test_null_args();
    test_write_file();
    test_write_file_threads();
    return tap_done();
}
