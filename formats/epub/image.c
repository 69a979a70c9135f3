/*
 * epub_image.c - which images go into an EPUB, and how.
 *
 * Only local files are embedded, and only from inside the input's folder:
 * an article is untrusted input, and a reference such as
 * "../../home/me/.ssh/id_rsa.png", "/etc/passwd" or "file:///..." must not
 * pull a private file into a book that gets shared.  Remote images are not
 * fetched (the library does no network access); their figures keep the
 * caption.  Every refusal is a warning, never an error.
 */
#define _XOPEN_SOURCE 700
#include "epub.h"

#include <errno.h>
#include <fcntl.h>
#include <libxml/parser.h>
#include <libxml/uri.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>


static int has_prefix(const char *data, size_t len, const char *magic, size_t n)
{
    return len >= n && memcmp(data, magic, n) == 0;
}

/* An SVG file: an XML declaration, comments or a doctype may come first;
 * the root element must be <svg>.  Only the start is looked at here. */
static int looks_like_svg(const char *data, size_t len)
{
    size_t n = len < 4096 ? len : 4096, i;

    for (i = 0; i + 4 <= n; i++)
        if (memcmp(data + i, "<svg", 4) == 0)
            return 1;
    return 0;
}

const char *ac_epub_sniff(const char *data, size_t len)
{
    if (has_prefix(data, len, "\xFF\xD8\xFF", 3))
        return "image/jpeg";
    if (has_prefix(data, len, "\x89PNG\r\n\x1A\n", 8))
        return "image/png";
    if (has_prefix(data, len, "GIF87a", 6) || has_prefix(data, len, "GIF89a", 6))
        return "image/gif";
    if (len >= 12 && memcmp(data, "RIFF", 4) == 0 && memcmp(data + 8, "WEBP", 4) == 0)
        return "image/webp";
    if (looks_like_svg(data, len))
        return "image/svg+xml";
    return NULL;
}

static const char *extension_of(const char *media_type)
{
    if (strcmp(media_type, "image/jpeg") == 0)
        return "jpg";
    if (strcmp(media_type, "image/png") == 0)
        return "png";
    if (strcmp(media_type, "image/gif") == 0)
        return "gif";
    return "svg";
}

/* Sends the warning for an image refused by a size limit. */
static int too_big(const ac_epub_book *book, const char *shown, size_t room)
{
    if (room < AC_EPUB_MAX_IMAGE)
        ac_warn_write(book->opts, ARTCONV_ELIMIT,
                      "image %s not embedded: the book's images would exceed %zu bytes in all",
                      shown, AC_EPUB_MAX_IMAGE_TOTAL);
    else
        ac_warn_write(book->opts, ARTCONV_ELIMIT, "image %s not embedded: larger than %zu bytes",
                      shown, AC_EPUB_MAX_IMAGE);
    return ARTCONV_ELIMIT;
}

/* Reads a regular file of at most AC_EPUB_MAX_IMAGE bytes that fits in
 * what is left of AC_EPUB_MAX_IMAGE_TOTAL.  Returns 0, ARTCONV_ENOMEM, or
 * ARTCONV_EIO / ELIMIT with a warning already sent. */
static int read_image(artconv_buf *out, const ac_epub_book *book, const char *path,
                      const char *shown)
{
    char chunk[65536];
    struct stat st;
    /* O_NONBLOCK: opening a FIFO (fifo.png beside the input) would wait
     * for a writer and hang the book or a whole batch; fstat then refuses
     * it.  `path` is resolved already, so O_NOFOLLOW only stops a link
     * swapped in since. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC);
    FILE *fp = NULL;
    size_t n, room = AC_EPUB_MAX_IMAGE_TOTAL - book->image_bytes;
    int rc = ARTCONV_OK;

    if (room > AC_EPUB_MAX_IMAGE)
        room = AC_EPUB_MAX_IMAGE;

    if (fd < 0) {
        ac_warn_write(book->opts, ARTCONV_EIO, "image %s not embedded: %s", shown, strerror(errno));
        return ARTCONV_EIO;
    }
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
        ac_warn_write(book->opts, ARTCONV_EIO, "image %s not embedded: not a regular file", shown);
        close(fd);
        return ARTCONV_EIO;
    }
    if ((fp = fdopen(fd, "rb")) == NULL) {
        close(fd);
        return ARTCONV_ENOMEM;
    }
    /* The size from fstat refuses a big file without reading it; the
     * count while reading catches a file that grows meanwhile. */
    if ((unsigned long long)st.st_size > room) {
        rc = too_big(book, shown, room);
        goto done;
    }
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
        if (out->len + n > room) {
            rc = too_big(book, shown, room);
            goto done;
        }
        if (artconv_buf_put(out, chunk, n) < 0) {
            rc = ARTCONV_ENOMEM;
            goto done;
        }
    }
    if (ferror(fp)) {
        ac_warn_write(book->opts, ARTCONV_EIO, "image %s not embedded: read error", shown);
        rc = ARTCONV_EIO;
    }
done:
    fclose(fp);
    return rc;
}

/* Adds the image bytes in `data` (taken over) under `key`: sniffed, and
 * refused with a warning unless a JPEG, PNG, GIF or clean SVG.  Returns 0
 * with *href set (or NULL after a warning) or ENOMEM. */
static int add_data(ac_epub_book *book, const char *key, const char *shown, int is_cover,
                    artconv_buf *data, const char **href)
{
    const char *type;
    ac_epub_file *file;
    char name[64];
    int rc = ARTCONV_OK;

    type = ac_epub_sniff(data->ptr != NULL ? data->ptr : "", data->len);
    if (type == NULL) {
        ac_warn_write(book->opts, ARTCONV_EUNSUPPORTED,
                      "image %s not embedded: not a JPEG, PNG, GIF or SVG file", shown);
        goto cleanup;
    }
    if (strcmp(type, "image/webp") == 0) {
        /* Not a core media type of EPUB 3.2: older reading systems cannot
         * show it, and epubcheck 4.2 wants a fallback. */
        ac_warn_write(book->opts, ARTCONV_EUNSUPPORTED,
                      "image %s not embedded: WebP is not an EPUB 3.2 core media type", shown);
        goto cleanup;
    }
    if (strcmp(type, "image/svg+xml") == 0 && !ac_epub_svg_is_clean(data->ptr, data->len)) {
        ac_warn_write(book->opts, ARTCONV_EUNSUPPORTED,
                      "image %s not embedded: SVG with scripts, external references or errors",
                      shown);
        goto cleanup;
    }
    file = ac_epub_file_add(&book->images, &book->n_images, &book->cap_images);
    if (file == NULL) {
        rc = ARTCONV_ENOMEM;
        goto cleanup;
    }
    if (is_cover)
        snprintf(name, sizeof name, "images/cover.%s", extension_of(type));
    else
        snprintf(name, sizeof name, "images/image-%zu.%s", book->n_images, extension_of(type));
    file->href = ac_strndup(name, strlen(name));
    file->id = ac_strndup(is_cover ? "cover-image" : name + 7,
                          strlen(is_cover ? "cover-image" : name + 7));
    file->key = ac_strndup(key, strlen(key));
    file->media_type = type;
    book->image_bytes += data->len;
    file->data = *data;
    data->ptr = NULL;
    data->len = data->cap = 0;
    if (file->href == NULL || file->id == NULL || file->key == NULL) {
        rc = ARTCONV_ENOMEM;
        goto cleanup;
    }
    /* The manifest id must be an XML name: "image-1.png" has a dot, fine. */
    if (is_cover) {
        file->properties = "cover-image";
        book->cover = (long)(book->n_images - 1);
    }
    *href = file->href;
cleanup:
    artconv_buf_dispose(data);
    return rc;
}

/* The image already embedded under `key` (*href set, 1), or 0; -1 with a
 * warning when the book holds as many images as it may. */
static int known_or_full(ac_epub_book *book, const char *key, const char *shown, const char **href)
{
    size_t i;

    *href = NULL;
    for (i = 0; i < book->n_images; i++) {
        if (strcmp(book->images[i].key, key) == 0) {
            *href = book->images[i].href;
            return 1;
        }
    }
    if (book->n_images >= AC_EPUB_MAX_IMAGES) {
        ac_warn_write(book->opts, ARTCONV_ELIMIT,
                      "image %s not embedded: a book holds at most %d images", shown,
                      AC_EPUB_MAX_IMAGES);
        return -1;
    }
    return 0;
}

/* Adds the image file at `real` (a resolved path) unless it is already in
 * the book.  Returns 0 with *href set (or NULL after a warning) or ENOMEM. */
static int add_file(ac_epub_book *book, const char *real, const char *shown, int is_cover,
                    const char **href)
{
    artconv_buf data = ARTCONV_BUF_INIT;
    int rc;

    if (known_or_full(book, real, shown, href) != 0)
        return ARTCONV_OK;
    rc = read_image(&data, book, real, shown);
    if (rc == ARTCONV_OK)
        return add_data(book, real, shown, is_cover, &data, href);
    artconv_buf_dispose(&data);
    return rc == ARTCONV_ENOMEM ? rc : ARTCONV_OK;
}

/* Embeds the article's resource `res` (bounded as files are). */
static int add_resource(ac_epub_book *book, const artconv_resource *res, int is_cover,
                        const char **href)
{
    artconv_buf data = ARTCONV_BUF_INIT;
    const char *shown = artconv_resource_name(res);
    size_t len = artconv_resource_size(res), room = AC_EPUB_MAX_IMAGE_TOTAL - book->image_bytes;
    char key[64];

    /* The same resource once, even when several articles of a digest
     * share a name for different bytes: the key is the resource itself. */
    snprintf(key, sizeof key, "resource:%p", (const void *)res);
    if (known_or_full(book, key, shown, href) != 0)
        return ARTCONV_OK;
    if (room > AC_EPUB_MAX_IMAGE)
        room = AC_EPUB_MAX_IMAGE;
    if (len > room) {
        too_big(book, shown, room);
        return ARTCONV_OK;
    }
    if (artconv_buf_put(&data, artconv_resource_data(res), len) < 0)
        return ARTCONV_ENOMEM;
    return add_data(book, key, shown, is_cover, &data, href);
}

int ac_epub_article_image(ac_epub_book *book, const artconv_article *article, const char *dir,
                          const char *url, int is_cover, const char **href, artconv_error *err)
{
    const artconv_resource *res = artconv_article_resource_find(article, url);

    if (res == NULL)
        return ac_epub_image(book, dir, url, is_cover, href, err);
    return add_resource(book, res, is_cover, href) == ARTCONV_ENOMEM ? ac_nomem(err) : ARTCONV_OK;
}

/* The scheme of a URL ("http"), lower-cased into `out`, or "" if none. */
static void url_scheme(char *out, size_t size, const char *url)
{
    size_t n = 0;
    const char *p = url;

    out[0] = '\0';
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
        return;
    while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
           *p == '+' || *p == '-' || *p == '.') {
        if (n + 1 < size)
            out[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
        p++;
    }
    if (*p == ':' && n + 1 < size)
        out[n] = '\0';
    else
        out[0] = '\0';
}

/* Joins `dir` and the decoded relative path `rel`, refusing ".." that
 * climbs above `dir`.  Returns 0, -1 (outside) or ARTCONV_ENOMEM. */
static int join_inside(artconv_buf *out, const char *dir, const char *rel)
{
    size_t base, depth = 0;
    const char *p = rel;

    if (artconv_buf_puts(out, dir) < 0)
        return ARTCONV_ENOMEM;
    base = out->len;
    while (*p != '\0') {
        const char *end = strchr(p, '/');
        size_t n = end != NULL ? (size_t)(end - p) : strlen(p);

        if (n == 2 && p[0] == '.' && p[1] == '.') {
            if (depth == 0)
                return -1;
            depth--;
            while (out->len > base && out->ptr[out->len - 1] != '/')
                out->len--;
            out->len--; /* the slash */
            out->ptr[out->len] = '\0';
        } else if (n > 0 && !(n == 1 && p[0] == '.')) {
            if (artconv_buf_putc(out, '/') < 0 || artconv_buf_put(out, p, n) < 0)
                return ARTCONV_ENOMEM;
            depth++;
        }
        p += n;
        if (*p == '/')
            p++;
    }
    return depth > 0 ? ARTCONV_OK : -1;
}

int ac_epub_image(ac_epub_book *book, const char *dir, const char *url, int is_cover,
                  const char **href, artconv_error *err)
{
    artconv_buf rel = ARTCONV_BUF_INIT, path = ARTCONV_BUF_INIT;
    char scheme[16], *decoded = NULL, *real = NULL, *real_dir = NULL;
    size_t n;
    int rc = ARTCONV_OK;

    *href = NULL;
    if (url == NULL || *url == '\0')
        return ARTCONV_OK;
    url_scheme(scheme, sizeof scheme, url);
    if (strcmp(scheme, "file") == 0) {
        ac_warn_write(book->opts, ARTCONV_EINVALID, "image %s refused: file: URLs are not embedded",
                      url);
        goto cleanup;
    }
    if (strcmp(scheme, "data") == 0) {
        ac_warn_write(book->opts, ARTCONV_EUNSUPPORTED,
                      "an inline data: image is not embedded; its caption is kept");
        goto cleanup;
    }
    if (scheme[0] != '\0' || strncmp(url, "//", 2) == 0) {
        ac_warn_write(book->opts, ARTCONV_EUNSUPPORTED,
                      "image %.200s not embedded: remote images are not fetched", url);
        goto cleanup;
    }
    if (url[0] == '/' || url[0] == '\\') {
        ac_warn_write(book->opts, ARTCONV_EINVALID,
                      "image %s refused: absolute paths are not embedded", url);
        goto cleanup;
    }
    if (dir == NULL) {
        ac_warn_write(book->opts, ARTCONV_EUNSUPPORTED,
                      "image %s not embedded: no folder to find local images in (an article "
                      "read from an EPUB has none)",
                      url);
        goto cleanup;
    }
    n = strcspn(url, "?#");
    AC_CHECK(artconv_buf_put(&rel, url, n));
    /* "%00" would cut the path short; a backslash may be a separator. */
    if (rel.len == 0 || rel.len > INT_MAX / 2 || strstr(rel.ptr, "%00") != NULL) {
        ac_warn_write(book->opts, ARTCONV_EINVALID,
                      "image %.200s refused: not a plain relative path", url);
        goto cleanup;
    }
    decoded = xmlURIUnescapeString(rel.ptr, (int)rel.len, NULL);
    if (decoded == NULL) {
        rc = ARTCONV_ENOMEM;
        goto cleanup;
    }
    if (strchr(decoded, '\\') != NULL || strlen(decoded) == 0) {
        ac_warn_write(book->opts, ARTCONV_EINVALID, "image %s refused: not a plain relative path",
                      url);
        goto cleanup;
    }
    rc = join_inside(&path, dir, decoded);
    if (rc == -1) {
        ac_warn_write(book->opts, ARTCONV_EINVALID,
                      "image %s refused: it is outside the input's folder", url);
        rc = ARTCONV_OK;
        goto cleanup;
    }
    AC_CHECK(rc);
    /* Symbolic links may still lead out of the folder: compare the
     * resolved paths. */
    real_dir = realpath(dir, NULL);
    real = realpath(path.ptr, NULL);
    if (real_dir == NULL || real == NULL) {
        ac_warn_write(book->opts, ARTCONV_EIO, "image %s not embedded: %s", url, strerror(errno));
        goto cleanup;
    }
    n = strlen(real_dir);
    if (strncmp(real, real_dir, n) != 0 || (real[n] != '/' && strcmp(real_dir, "/") != 0)) {
        ac_warn_write(book->opts, ARTCONV_EINVALID,
                      "image %s refused: it leads outside the input's folder", url);
        goto cleanup;
    }
    rc = add_file(book, real, url, is_cover, href);
cleanup:
    xmlFree(decoded);
    free(real);
    free(real_dir);
    artconv_buf_dispose(&rel);
    artconv_buf_dispose(&path);
    return rc == ARTCONV_ENOMEM ? ac_nomem(err) : rc;
}

int ac_epub_cover_file(ac_epub_book *book, const char *path, artconv_error *err)
{
    char *real = realpath(path, NULL);
    const char *href;
    int rc;

    if (real == NULL) {
        ac_warn_write(book->opts, ARTCONV_EIO, "cover %s not used: %s", path, strerror(errno));
        return ARTCONV_OK;
    }
    rc = add_file(book, real, path, 1, &href);
    free(real);
    return rc == ARTCONV_ENOMEM ? ac_nomem(err) : rc;
}
