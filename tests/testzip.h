/*
 * testzip.h - zip archives in memory for the limits, safety and scaling
 * tests: build a small EPUB from parts, and read entries back from one the
 * writer made.  Header-only (static functions), so each test program gets
 * its own copy and tests/meson.build needs no new source.
 */
#ifndef ARTCONV_TESTZIP_H
#define ARTCONV_TESTZIP_H

#include "artconv.h"

#include <string.h>
#include <zip.h>

typedef struct {
    const char *name;
    const char *data;
    size_t len; /* 0: strlen(data) */
} tz_entry;

/* Builds a zip of `n` entries into `out` (mimetype stored, the rest
 * deflated).  Returns 0, or -1 if libzip failed. */
static inline int tz_make(artconv_buf *out, const tz_entry *entries, size_t n)
{
    zip_error_t ze;
    zip_source_t *src;
    zip_t *za;
    zip_stat_t st;
    size_t i;
    int rc = -1;

    zip_error_init(&ze);
    src = zip_source_buffer_create(NULL, 0, 0, &ze);
    if (src == NULL) {
        zip_error_fini(&ze);
        return -1;
    }
    zip_source_keep(src);
    za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
    for (i = 0; za != NULL && i < n; i++) {
        size_t len = entries[i].len ? entries[i].len : strlen(entries[i].data);
        zip_source_t *s = zip_source_buffer(za, entries[i].data, len, 0);
        zip_int64_t idx = zip_file_add(za, entries[i].name, s, 0);

        if (idx < 0)
            zip_source_free(s);
        else if (strcmp(entries[i].name, "mimetype") == 0)
            zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
    }
    if (za != NULL && zip_close(za) == 0 && zip_source_open(src) == 0) {
        if (zip_source_stat(src, &st) == 0 && artconv_buf_grow(out, (size_t)st.size + 1) == 0 &&
            zip_source_read(src, out->ptr, st.size) == (zip_int64_t)st.size) {
            out->len = (size_t)st.size;
            out->ptr[out->len] = '\0';
            rc = 0;
        }
        zip_source_close(src);
    } else if (za != NULL) {
        zip_discard(za);
    }
    zip_source_free(src);
    zip_error_fini(&ze);
    return rc;
}

/* Opens a zip held in memory (the bytes must outlive it); NULL on error. */
static inline zip_t *tz_open(const artconv_buf *zip)
{
    zip_error_t ze;
    zip_source_t *src;
    zip_t *za;

    zip_error_init(&ze);
    src = zip_source_buffer_create(zip->ptr, zip->len, 0, &ze);
    za = src == NULL ? NULL : zip_open_from_source(src, ZIP_RDONLY, &ze);
    if (za == NULL && src != NULL)
        zip_source_free(src);
    zip_error_fini(&ze);
    return za;
}

/* Appends entry `index` of `za` to `out` (NUL-terminated).  0 or -1. */
static inline int tz_read_index(zip_t *za, zip_uint64_t index, artconv_buf *out)
{
    char chunk[65536];
    zip_file_t *zf = zip_fopen_index(za, index, 0);
    zip_int64_t n;

    if (zf == NULL)
        return -1;
    while ((n = zip_fread(zf, chunk, sizeof chunk)) > 0)
        if (artconv_buf_put(out, chunk, (size_t)n) < 0)
            break;
    zip_fclose(zf);
    if (n != 0)
        return -1;
    return artconv_buf_put(out, "", 0) < 0 ? -1 : 0;
}

/* A minimal EPUB 3 around one XHTML chapter (EPUB/c.xhtml). */
static inline int tz_make_epub(artconv_buf *out, const char *chapter, size_t len)
{
    const tz_entry entries[] = {
        {"mimetype", "application/epub+zip", 0},
        {"META-INF/container.xml",
         "<?xml version=\"1.0\"?>\n<container version=\"1.0\" "
         "xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles><rootfile "
         "full-path=\"EPUB/p.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles>"
         "</container>",
         0},
        {"EPUB/p.opf",
         "<?xml version=\"1.0\"?>\n<package xmlns=\"http://www.idpf.org/2007/opf\" "
         "version=\"3.0\" unique-identifier=\"id\"><metadata "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:identifier id=\"id\">x</dc:identifier>"
         "<dc:title>T</dc:title><dc:language>en</dc:language></metadata><manifest><item id=\"c\" "
         "href=\"c.xhtml\" media-type=\"application/xhtml+xml\"/></manifest><spine><itemref "
         "idref=\"c\"/></spine></package>",
         0},
        {"EPUB/c.xhtml", chapter, len},
    };

    return tz_make(out, entries, sizeof entries / sizeof entries[0]);
}

#endif /* ARTCONV_TESTZIP_H */
