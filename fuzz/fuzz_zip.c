/*
 * fuzz_zip.c - see fuzz_zip.h.  libzip does the zip work, from and into
 * memory (zip_source_buffer_create and zip_open_from_source).
 */
#include "fuzz_zip.h"

#include <stdlib.h>
#include <string.h>
#include <zip.h>

/* 1980-01-01 00:00 in MS-DOS format: packing must not depend on the clock. */
#define DOS_DATE 0x21
#define DOS_TIME 0

int fz_book_add(fz_book *book, const char *name, const void *data, size_t len, int deflate)
{
    fz_entry *e;

    if (book->n == book->cap) {
        size_t cap = book->cap ? book->cap * 2 : 16;
        fz_entry *grown = realloc(book->entries, cap * sizeof *grown);

        if (grown == NULL)
            return -1;
        book->entries = grown;
        book->cap = cap;
    }
    e = &book->entries[book->n];
    e->name = strdup(name);
    e->data = len > 0 ? malloc(len) : NULL;
    if (e->name == NULL || (len > 0 && e->data == NULL)) {
        free(e->name);
        free(e->data);
        return -1;
    }
    if (len > 0)
        memcpy(e->data, data, len);
    e->len = len;
    e->deflate = deflate;
    book->n++;
    return 0;
}

void fz_book_remove(fz_book *book, size_t i)
{
    if (i >= book->n)
        return;
    free(book->entries[i].name);
    free(book->entries[i].data);
    memmove(&book->entries[i], &book->entries[i + 1], (book->n - i - 1) * sizeof *book->entries);
    book->n--;
}

long fz_book_find(const fz_book *book, const char *name)
{
    size_t i;

    for (i = 0; i < book->n; i++)
        if (strcmp(book->entries[i].name, name) == 0)
            return (long)i;
    return -1;
}

void fz_book_clear(fz_book *book)
{
    while (book->n > 0)
        fz_book_remove(book, book->n - 1);
    free(book->entries);
    book->entries = NULL;
    book->cap = 0;
}

/* Reads entry `i` whole into a new buffer; never trusts the stated size
 * beyond using it as a cap. */
static int read_index(zip_t *za, zip_uint64_t i, size_t max, uint8_t **out, size_t *out_len)
{
    zip_stat_t st;
    zip_file_t *zf;
    uint8_t *buf;
    zip_int64_t n;

    if (zip_stat_index(za, i, 0, &st) < 0 || !(st.valid & ZIP_STAT_SIZE) || st.size > max)
        return -1;
    buf = malloc(st.size > 0 ? st.size : 1);
    zf = buf != NULL ? zip_fopen_index(za, i, 0) : NULL;
    if (zf == NULL) {
        free(buf);
        return -1;
    }
    n = zip_fread(zf, buf, st.size);
    /* Read once more to reach the end, where libzip checks the CRC. */
    if (n == (zip_int64_t)st.size && st.size > 0) {
        uint8_t extra;

        if (zip_fread(zf, &extra, 1) != 0)
            n = -1;
    }
    zip_fclose(zf);
    if (n != (zip_int64_t)st.size) {
        free(buf);
        return -1;
    }
    *out = buf;
    *out_len = (size_t)st.size;
    return 0;
}

int fz_book_unpack(fz_book *out, const uint8_t *data, size_t size, size_t max_total)
{
    zip_error_t ze;
    zip_source_t *src;
    zip_t *za;
    zip_int64_t n, i;
    size_t total = 0;
    int rc = 0;

    zip_error_init(&ze);
    src = zip_source_buffer_create(data, size, 0, &ze);
    za = src != NULL ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
    if (za == NULL) {
        zip_source_free(src);
        zip_error_fini(&ze);
        return -1;
    }
    n = zip_get_num_entries(za, 0);
    for (i = 0; i < n && rc == 0; i++) {
        const char *name = zip_get_name(za, (zip_uint64_t)i, ZIP_FL_ENC_RAW);
        zip_stat_t st;
        uint8_t *bytes = NULL;
        size_t len = 0;

        if (name == NULL || zip_stat_index(za, (zip_uint64_t)i, 0, &st) < 0 ||
            read_index(za, (zip_uint64_t)i, max_total - total, &bytes, &len) < 0) {
            rc = -1;
            break;
        }
        total += len;
        rc = fz_book_add(out, name, bytes, len,
                         (st.valid & ZIP_STAT_COMP_METHOD) && st.comp_method != ZIP_CM_STORE);
        free(bytes);
    }
    zip_discard(za); /* frees src too */
    zip_error_fini(&ze);
    if (rc < 0)
        fz_book_clear(out);
    return rc;
}

/* Copies what libzip wrote into the kept source to a new buffer. */
static int read_back(zip_source_t *src, uint8_t **out, size_t *out_len)
{
    zip_stat_t st;
    uint8_t *buf;
    int rc = -1;

    if (zip_source_open(src) < 0)
        return -1;
    if (zip_source_stat(src, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
        (buf = malloc(st.size > 0 ? st.size : 1)) != NULL) {
        if (zip_source_read(src, buf, st.size) == (zip_int64_t)st.size) {
            *out = buf;
            *out_len = (size_t)st.size;
            rc = 0;
        } else {
            free(buf);
        }
    }
    zip_source_close(src);
    return rc;
}

int fz_book_pack(const fz_book *book, uint8_t **out, size_t *out_len)
{
    zip_error_t ze;
    zip_source_t *src;
    zip_t *za;
    size_t i;
    int rc = 0;

    zip_error_init(&ze);
    src = zip_source_buffer_create(NULL, 0, 0, &ze);
    if (src == NULL) {
        zip_error_fini(&ze);
        return -1;
    }
    zip_source_keep(src); /* still ours after zip_close, to read back */
    za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
    for (i = 0; za != NULL && rc == 0 && i < book->n; i++) {
        const fz_entry *e = &book->entries[i];
        zip_source_t *s =
            zip_source_buffer(za, e->data != NULL ? (const void *)e->data : "", e->len, 0);
        zip_int64_t idx = s != NULL ? zip_file_add(za, e->name, s, ZIP_FL_OVERWRITE) : -1;

        if (idx < 0) {
            zip_source_free(s);
            rc = -1;
        } else if (zip_file_set_dostime(za, (zip_uint64_t)idx, DOS_TIME, DOS_DATE, 0) < 0 ||
                   zip_set_file_compression(za, (zip_uint64_t)idx,
                                            e->deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE,
                                            e->deflate ? 1 : 0) < 0) {
            rc = -1;
        }
    }
    if (za == NULL || rc < 0) {
        if (za != NULL)
            zip_discard(za);
        rc = -1;
    } else if (zip_close(za) < 0) {
        zip_discard(za);
        rc = -1;
    } else {
        rc = read_back(src, out, out_len);
    }
    zip_source_free(src);
    zip_error_fini(&ze);
    return rc;
}
