/*
 * mutate_check.c - a test of the EPUB mutator (epub_mutate.c), outside
 * libFuzzer: from each seed book, chains of mutations must stay within
 * max_size, mostly stay valid zips, and mostly still be books the EPUB
 * reader accepts, which is the point of the mutator (the reader's XML code
 * is reached).  Prints TAP.
 *
 *   fuzz_mutate_check SEED.book...
 */
#include "artconv.h"
#include "fuzz_zip.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed);
size_t LLVMFuzzerCustomCrossOver(const uint8_t *data1, size_t size1, const uint8_t *data2,
                                 size_t size2, uint8_t *out, size_t max_out, unsigned int seed);

#define MAX_SIZE 65536
#define CHAINS   40 /* per book */
#define STEPS    10 /* mutations in a chain */

/* Stands in for libFuzzer's: changes one byte, chosen from the content
 * (no state kept between calls). */
size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size)
{
    uint32_t h = 2166136261u;
    size_t i;

    for (i = 0; i < size; i++)
        h = (h ^ data[i]) * 16777619u;
    if (size == 0)
        return max_size > 0 ? (data[0] = 'x', 1) : 0;
    data[h % size] ^= (uint8_t)(1u << (h >> 29));
    return size;
}

static int read_file(const char *path, uint8_t *buf, size_t cap, size_t *len)
{
    FILE *f = fopen(path, "rb");

    if (f == NULL)
        return -1;
    *len = fread(buf, 1, cap, f);
    fclose(f);
    return *len > 0 && *len < cap ? 0 : -1;
}

static int is_zip(const uint8_t *data, size_t len)
{
    fz_book book = FZ_BOOK_INIT;

    if (fz_book_unpack(&book, data, len, (size_t)MAX_SIZE * 64) < 0)
        return 0;
    fz_book_clear(&book);
    return 1;
}

static int reads_as_epub(const uint8_t *data, size_t len)
{
    artconv_read_options opts;
    artconv_read_options_init(&opts);
    artconv_article *article = NULL;
    artconv_error err;
    int ok;

    opts.filename = "mutated";
    ok = artconv_read(&article, artconv_format_by_name("epub"), (const char *)data, len, &opts,
                      &err) == 0;
    artconv_article_free(article);
    return ok;
}

int main(int argc, char **argv)
{
    static uint8_t seed[MAX_SIZE], data[MAX_SIZE], other[MAX_SIZE];
    size_t total = 0, too_big = 0, crossed = 0, changed = 0;
    size_t from_zip = 0, zips = 0, from_book = 0, books = 0; /* a step's input, its output */
    size_t seed_len, other_len;
    int i, c, s, t = 0;

    if (argc < 3) {
        fprintf(stderr, "usage: fuzz_mutate_check SEED.book SEED.book...\n");
        return 2;
    }
    printf("1..6\n");
    for (i = 1; i < argc; i++) {
        if (read_file(argv[i], seed, sizeof seed, &seed_len) < 0 ||
            read_file(argv[i % (argc - 1) + 1], other, sizeof other, &other_len) < 0) {
            printf("Bail out! cannot read %s\n", argv[i]);
            return 1;
        }
        for (c = 0; c < CHAINS; c++) {
            size_t len = seed_len;
            int was_zip = 1, was_book = 1;

            memcpy(data, seed, seed_len);
            for (s = 0; s < STEPS; s++) {
                unsigned int rnd = (unsigned)(i * 100003 + c * 101 + s + 1);

                len = LLVMFuzzerCustomMutator(data, len, MAX_SIZE, rnd);
                total++;
                too_big += len > MAX_SIZE;
                if (len > MAX_SIZE)
                    break;
                changed += len != seed_len || memcmp(data, seed, len) != 0;
                from_book += was_book;
                if (was_zip) {
                    from_zip++;
                    was_zip = is_zip(data, len);
                    zips += was_zip;
                }
                if (was_book) {
                    was_book = reads_as_epub(data, len);
                    books += was_book;
                }
            }
            len = LLVMFuzzerCustomCrossOver(seed, seed_len, other, other_len, data, MAX_SIZE,
                                            (unsigned)(i * 7 + c + 1));
            crossed += len > 0 && len <= MAX_SIZE && reads_as_epub(data, len);
        }
    }
    printf("%s %d - every mutation fits in max_size (%zu of %zu too big)\n",
           too_big == 0 ? "ok" : "not ok", ++t, too_big, total);
    printf("%s %d - mutations change the book (%zu of %zu)\n",
           changed * 10 >= total * 9 ? "ok" : "not ok", ++t, changed, total);
    /* One mutation in 32 changes the zip's bytes, on purpose. */
    printf("%s %d - at least 90%% of the mutations of a zip are zips (%zu of %zu)\n",
           zips * 10 >= from_zip * 9 ? "ok" : "not ok", ++t, zips, from_zip);
    printf("%s %d - at least half the mutations of a book still read as books (%zu of %zu)\n",
           books * 2 >= from_book ? "ok" : "not ok", ++t, books, from_book);
    printf("%s %d - most crossovers read as books (%zu of %zu)\n",
           crossed * 2 >= (size_t)(argc - 1) * CHAINS ? "ok" : "not ok", ++t, crossed,
           (size_t)(argc - 1) * CHAINS);
    printf("%s %d - the chains ran (%zu mutations)\n", total > 0 ? "ok" : "not ok", ++t, total);
    return 0;
}
