/*
 * fuzz_zip.h - a zip archive as a list of entries in memory, for the EPUB
 * seed maker and the EPUB mutator: unpack a zip from bytes, change entries,
 * pack them back into a valid zip (mimetype stored, times fixed, so the same
 * entries always give the same bytes).
 */
#ifndef ARTCONV_FUZZ_ZIP_H
#define ARTCONV_FUZZ_ZIP_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    char *name;
    uint8_t *data; /* malloc'd; may be NULL when len is 0 */
    size_t len;
    int deflate; /* 1: deflated, 0: stored */
} fz_entry;

typedef struct {
    fz_entry *entries; /* in archive order */
    size_t n, cap;
} fz_book;

#define FZ_BOOK_INIT                                                                               \
    {                                                                                              \
        NULL, 0, 0                                                                                 \
    }

/* Appends a copy of `name` and of `len` bytes.  Returns 0, or -1 when out of
 * memory. */
int fz_book_add(fz_book *book, const char *name, const void *data, size_t len, int deflate);
/* Removes entry `i` (freeing it). */
void fz_book_remove(fz_book *book, size_t i);
/* The index of the entry called `name`, or -1. */
long fz_book_find(const fz_book *book, const char *name);
/* Frees every entry; the book is empty again and may be reused. */
void fz_book_clear(fz_book *book);

/* Reads the zip in `data` into an empty `out`, refusing an archive whose
 * entries inflate to more than `max_total` bytes.  Returns 0, or -1 (not a
 * zip, a damaged entry, too big, no memory) with `out` left empty. */
int fz_book_unpack(fz_book *out, const uint8_t *data, size_t size, size_t max_total);
/* Packs the entries into a new zip: *out is malloc'd, the caller frees it.
 * An entry whose name repeats an earlier one replaces it.  Returns 0, or -1
 * when libzip fails. */
int fz_book_pack(const fz_book *book, uint8_t **out, size_t *out_len);

#endif
