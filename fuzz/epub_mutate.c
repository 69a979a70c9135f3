/*
 * epub_mutate.c - a structure-aware libFuzzer mutator for EPUB books.
 *
 * libFuzzer's byte mutations of a zip almost never get past it: any change
 * to a stored entry breaks its CRC and any change to a deflated one breaks
 * the stream, so the EPUB reader's XML code is hardly reached.  Here the
 * zip is unpacked, one change is made to the entries, and a valid zip is
 * packed again, so every mutation reaches the package document and the
 * XHTML parts:
 *  - bytes of one entry through LLVMFuzzerMutate (which also inserts the
 *    -dict tokens), XML entries more often than others;
 *  - whole elements of an XML entry deleted, repeated, moved, or copied from
 *    another entry, which keeps the part well-formed;
 *  - attribute values replaced (hrefs by the names of other entries,
 *    media types, properties, idrefs);
 *  - the spine reordered, repeated or cut;
 *  - a DOCTYPE with entities, another encoding or a BOM put in a prolog;
 *  - an element wrapped in up to 300 levels of one element (depth limits);
 *  - entries renamed, dropped, repeated, reordered, or switched between
 *    stored and deflated;
 *  - now and then the zip's own bytes, so the container layer stays fuzzed.
 * All state lives on the stack; the random numbers come from libFuzzer's
 * seed, so a mutation can be replayed.
 *
 * One job over 600 lines: libFuzzer takes one custom mutator a harness,
 * and the mutations share the unpacked book and the element scanner.
 */
#include "fuzz_zip.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed);
size_t LLVMFuzzerCustomCrossOver(const uint8_t *data1, size_t size1, const uint8_t *data2,
                                 size_t size2, uint8_t *out, size_t max_out, unsigned int seed);

/* Entries inflating past this are left to byte mutations: the harness caps
 * its input at 1 MiB anyway. */
#define MAX_UNPACKED ((size_t)4 * 1024 * 1024)
/* Attempts at a structural change before falling back to raw bytes. */
#define TRIES 4

typedef struct {
    uint32_t state;
} rng;

static uint32_t next(rng *r)
{
    /* xorshift32: enough to spread libFuzzer's seed over the choices. */
    uint32_t x = r->state;

    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    r->state = x;
    return x;
}

static size_t below(rng *r, size_t n)
{
    return n > 0 ? next(r) % n : 0;
}

static int ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), m = strlen(tail);

    return n >= m && strcmp(s + n - m, tail) == 0;
}

static int is_xml(const fz_entry *e)
{
    static const char *const tails[] = {".opf", ".xhtml", ".html", ".htm", ".xml", ".ncx", ".svg"};
    size_t i;

    for (i = 0; i < sizeof tails / sizeof tails[0]; i++)
        if (ends_with(e->name, tails[i]))
            return 1;
    return 0;
}

/* An entry, XML ones four times as likely; -1 for an empty book. */
static long pick_entry(const fz_book *b, rng *r, int xml_only)
{
    size_t i, total = 0, at;

    for (i = 0; i < b->n; i++)
        total += is_xml(&b->entries[i]) ? 4 : !xml_only;
    if (total == 0)
        return -1;
    at = below(r, total);
    for (i = 0; i < b->n; i++) {
        size_t w = is_xml(&b->entries[i]) ? 4 : !xml_only;

        if (at < w)
            return (long)i;
        at -= w;
    }
    return -1;
}

/* The package document: the first .opf entry (container.xml names it in
 * every seed; a mutated container is the container mutation's business). */
static long find_opf(const fz_book *b)
{
    size_t i;

    for (i = 0; i < b->n; i++)
        if (ends_with(b->entries[i].name, ".opf"))
            return (long)i;
    return -1;
}

/* An XML entry, the package document one time in three (its manifest and
 * spine steer everything else); -1 if there is none. */
static long pick_xml(const fz_book *b, rng *r)
{
    long opf = find_opf(b);

    return opf >= 0 && below(r, 3) == 0 ? opf : pick_entry(b, r, 1);
}

/* Replaces `del` bytes at `at` with `ins`; `ins` may point into e->data. */
static int splice(fz_entry *e, size_t at, size_t del, const uint8_t *ins, size_t ins_len)
{
    size_t len = e->len - del + ins_len;
    uint8_t *copy = malloc(ins_len > 0 ? ins_len : 1), *grown;

    if (copy == NULL)
        return -1;
    if (ins_len > 0)
        memcpy(copy, ins, ins_len);
    grown = len > e->len ? realloc(e->data, len) : e->data;
    if (grown == NULL && len > 0) {
        free(copy);
        return -1;
    }
    e->data = grown;
    memmove(e->data + at + ins_len, e->data + at + del, e->len - at - del);
    if (ins_len > 0)
        memcpy(e->data + at, copy, ins_len);
    e->len = len;
    free(copy);
    return 0;
}

static const uint8_t *find(const uint8_t *p, const uint8_t *end, const char *s)
{
    size_t n = strlen(s);

    for (; p != NULL && (size_t)(end - p) >= n; p++)
        if (memcmp(p, s, n) == 0)
            return p;
    return NULL;
}

static int is_name_char(uint8_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ':' ||
           c == '-' || c == '_' || c == '.';
}

/* The end of the tag that starts at `p` ('<'), just past its '>', skipping
 * quoted values; NULL if unterminated. */
static const uint8_t *tag_end(const uint8_t *p, const uint8_t *end)
{
    uint8_t quote = 0;

    for (p++; p < end; p++) {
        if (quote != 0) {
            if (*p == quote)
                quote = 0;
        } else if (*p == '"' || *p == '\'') {
            quote = *p;
        } else if (*p == '>') {
            return p + 1;
        }
    }
    return NULL;
}

/* The element whose start tag is at `p`: sets *out_end past its end tag.
 * Same-named elements inside are counted, without recursion.  Returns 0,
 * or -1 if `p` is not a start tag or the element never ends. */
static int element_at(const uint8_t *p, const uint8_t *end, const uint8_t **out_end)
{
    const uint8_t *name = p + 1, *q;
    size_t n = 0, depth = 0;

    while (name + n < end && is_name_char(name[n]))
        n++;
    if (n == 0 || !((name[0] >= 'a' && name[0] <= 'z') || (name[0] >= 'A' && name[0] <= 'Z')))
        return -1;
    for (q = p; q != NULL && q < end;) {
        const uint8_t *te;

        q = memchr(q, '<', (size_t)(end - q));
        if (q == NULL || (te = tag_end(q, end)) == NULL)
            return -1;
        if ((size_t)(end - q) > n + 1 && memcmp(q + 1, name, n) == 0 && !is_name_char(q[n + 1])) {
            if (te[-2] != '/')
                depth++;
            else if (depth == 0) {
                *out_end = te;
                return 0;
            }
        } else if ((size_t)(end - q) > n + 2 && q[1] == '/' && memcmp(q + 2, name, n) == 0 &&
                   !is_name_char(q[n + 2])) {
            if (depth == 0)
                return -1;
            if (--depth == 0) {
                *out_end = te;
                return 0;
            }
        }
        q = te;
    }
    return -1;
}

/* A random element of the entry (from a random place on, the next start
 * tag whose element is complete): sets *at and *len.  `only` (or NULL)
 * restricts the element's name. */
static int random_element(const fz_entry *e, rng *r, const char *only, size_t *at, size_t *len)
{
    const uint8_t *end = e->data + e->len, *p, *stop;
    int tries;

    for (tries = 0; tries < 8 && e->len > 0; tries++) {
        for (p = e->data + below(r, e->len); p != NULL && p < end; p++) {
            p = memchr(p, '<', (size_t)(end - p));
            if (p == NULL)
                break;
            if (only != NULL &&
                ((size_t)(end - p) <= strlen(only) + 1 || memcmp(p + 1, only, strlen(only)) != 0 ||
                 is_name_char(p[strlen(only) + 1])))
                continue;
            if (element_at(p, end, &stop) == 0) {
                *at = (size_t)(p - e->data);
                *len = (size_t)(stop - p);
                return 0;
            }
        }
    }
    return -1;
}

/* A place just before some tag, where inserting an element keeps the
 * document well-formed unless it lands in the prolog. */
static size_t random_gap(const fz_entry *e, rng *r)
{
    const uint8_t *p = e->data + below(r, e->len), *end = e->data + e->len, *q;

    q = e->len > 0 ? find(p, end, "</") : NULL;
    if (q == NULL)
        q = e->len > 0 ? memchr(p, '<', (size_t)(end - p)) : NULL;
    return q != NULL ? (size_t)(q - e->data) : e->len;
}

/* Bytes of one entry through libFuzzer's own mutations, with room to grow
 * by up to `room` bytes. */
static int mutate_bytes(fz_book *b, rng *r, size_t room)
{
    long i = pick_entry(b, r, 0);
    fz_entry *e;
    uint8_t *grown;

    if (i < 0)
        return -1;
    e = &b->entries[i];
    if (e->len + room == 0)
        return -1;
    grown = realloc(e->data, e->len + room + 1);
    if (grown == NULL)
        return -1;
    e->data = grown;
    e->len = LLVMFuzzerMutate(e->data, e->len, e->len + room);
    return 0;
}

/* Deletes, repeats (up to 32 times) or moves one element of an XML entry. */
static int mutate_element(fz_book *b, rng *r)
{
    long i = pick_xml(b, r);
    fz_entry *e;
    size_t at, len, gap;
    uint8_t *copy;
    int rc;

    if (i < 0 || random_element(&b->entries[i], r, NULL, &at, &len) < 0)
        return -1;
    e = &b->entries[i];
    switch (below(r, 3)) {
    case 0:
        return splice(e, at, len, NULL, 0);
    case 1: {
        size_t times = below(r, 2) == 0 ? 1 : 2 + below(r, 31);

        rc = 0;
        while (times-- > 0 && rc == 0)
            rc = splice(e, at + len, 0, e->data + at, len);
        return rc;
    }
    default:
        copy = malloc(len);
        if (copy == NULL)
            return -1;
        memcpy(copy, e->data + at, len);
        rc = splice(e, at, len, NULL, 0);
        gap = random_gap(e, r);
        if (rc == 0)
            rc = splice(e, gap, 0, copy, len);
        free(copy);
        return rc;
    }
}

/* Copies an element from one XML entry (of `from`) into another of `to`. */
static int graft(fz_book *to, const fz_book *from, rng *r)
{
    long i = pick_entry(to, r, 1), j = pick_entry(from, r, 1);
    size_t at, len;

    if (i < 0 || j < 0 || random_element(&from->entries[j], r, NULL, &at, &len) < 0)
        return -1;
    return splice(&to->entries[i], random_gap(&to->entries[i], r), 0, from->entries[j].data + at,
                  len);
}

/* The spine: swap two itemrefs' places, repeat one, or drop one. */
static int mutate_spine(fz_book *b, rng *r)
{
    long i = find_opf(b);
    fz_entry *e;
    size_t at1, len1, at2, len2;
    uint8_t *first, *second;
    int rc;

    if (i < 0 || random_element(&b->entries[i], r, "itemref", &at1, &len1) < 0)
        return -1;
    e = &b->entries[i];
    if (below(r, 3) == 0)
        return splice(e, at1, len1, NULL, 0);
    if (random_element(e, r, "itemref", &at2, &len2) < 0 || below(r, 2) == 0 || at1 == at2)
        return splice(e, at1 + len1, 0, e->data + at1, len1); /* repeat it */
    if (at2 < at1) {
        size_t t = at1, l = len1;

        at1 = at2, len1 = len2, at2 = t, len2 = l;
    }
    if (at1 + len1 > at2)
        return -1; /* overlapping: not two itemrefs */
    first = malloc(len1);
    second = malloc(len2);
    rc = first != NULL && second != NULL ? 0 : -1;
    if (rc == 0) {
        memcpy(first, e->data + at1, len1);
        memcpy(second, e->data + at2, len2);
        rc = splice(e, at2, len2, first, len1);
        if (rc == 0)
            rc = splice(e, at1, len1, second, len2);
    }
    free(first);
    free(second);
    return rc;
}

/* Values worth trying in place of an attribute's. */
static const char *const values[] = {
    "application/xhtml+xml",
    "text/html",
    "image/svg+xml",
    "image/png",
    "image/jpeg",
    "application/x-dtbncx+xml",
    "nav",
    "cover-image",
    "svg",
    "scripted",
    "no",
    "yes",
    "",
    "../outside.xhtml",
    "/etc/passwd",
    "a/../../b.xhtml",
    "%2e%2e/x.xhtml",
    "c:/x.xhtml",
    "ch%201.xhtml",
    "./x.xhtml",
    "x.xhtml#frag",
    "#frag",
    "http://example.com/x.xhtml",
    "javascript:alert(1)",
    "data:image/png;base64,iVBORw0KGgo=",
    "article",
    "titlepage",
    "toc",
    "cover",
    "rtl",
};

/* Entry names the reader must refuse or treat with care. */
static const char *const entry_names[] = {
    "../outside.xhtml",
    "/abs.xhtml",
    "a/../../b.xhtml",
    "a\\b.xhtml",
    "c:x.xhtml",
    "mimetype",
    "META-INF/container.xml",
    "EPUB/",
    "",
};

/* The name of entry `target` as an href from the part `from` is in. */
static int relative_name(char *out, size_t cap, const char *from, const char *target)
{
    const char *slash = strrchr(from, '/');
    size_t dir = slash != NULL ? (size_t)(slash - from + 1) : 0;
    const char *p;
    size_t up = 0;

    if (strncmp(from, target, dir) == 0) {
        p = target + dir;
    } else {
        for (p = from; p < from + dir; p++)
            up += *p == '/';
        p = target;
    }
    out[0] = '\0';
    while (up-- > 0)
        if (strlen(out) + 3 < cap)
            strcat(out, "../");
    if (strlen(out) + strlen(p) + 1 > cap)
        return -1;
    strcat(out, p);
    return 0;
}

/* Replaces one attribute value in an XML entry: with another entry's name
 * (as an href), with one of `values`, or with another value of the same
 * document (ids and idrefs meet that way). */
static int mutate_attribute(fz_book *b, rng *r)
{
    long i = pick_xml(b, r);
    fz_entry *e;
    const uint8_t *p, *end, *close;
    char name[512];
    const char *value;
    size_t at, len, vat, vlen;

    if (i < 0)
        return -1;
    e = &b->entries[i];
    end = e->data + e->len;
    p = e->len > 0 ? find(e->data + below(r, e->len), end, "=\"") : NULL;
    if (p == NULL)
        p = e->len > 0 ? find(e->data, end, "=\"") : NULL;
    if (p == NULL || (close = memchr(p + 2, '"', (size_t)(end - p - 2))) == NULL)
        return -1;
    at = (size_t)(p + 2 - e->data);
    len = (size_t)(close - (p + 2));
    switch (below(r, 3)) {
    case 0:
        if (relative_name(name, sizeof name, e->name, b->entries[below(r, b->n)].name) < 0)
            return -1;
        return splice(e, at, len, (const uint8_t *)name, strlen(name));
    case 1:
        value = values[below(r, sizeof values / sizeof values[0])];
        return splice(e, at, len, (const uint8_t *)value, strlen(value));
    default:
        p = find(e->data + below(r, e->len), end, "=\"");
        if (p == NULL || (close = memchr(p + 2, '"', (size_t)(end - p - 2))) == NULL)
            return -1;
        vat = (size_t)(p + 2 - e->data);
        vlen = (size_t)(close - (p + 2));
        return splice(e, at, len, e->data + vat, vlen);
    }
}

/* Prologs the reader must refuse, or decode: entity declarations (billion
 * laughs, external entities), other encodings. */
static const char *const prologs[] = {
    "<!DOCTYPE x [<!ENTITY e \"v\">]>",
    "<!DOCTYPE x [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>",
    "<!DOCTYPE x [<!ENTITY % p SYSTEM \"p.dtd\"> %p;]>",
    "<!DOCTYPE x SYSTEM \"http://example.com/x.dtd\">",
    "<!DOCTYPE x [<!ATTLIST p class CDATA \"article\">]>",
    "<!DOCTYPE html>",
    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>",
    "<?xml version=\"1.0\" encoding=\"UTF-16\"?>",
    "<?xml version=\"1.1\"?>",
    "\xef\xbb\xbf",
};

/* Puts one of `prologs` after the XML declaration of an XML entry (or at
 * its start), replacing the declaration one time in three. */
static int mutate_prolog(fz_book *b, rng *r)
{
    long i = pick_xml(b, r);
    const char *text = prologs[below(r, sizeof prologs / sizeof prologs[0])];
    const uint8_t *end;
    size_t at = 0;

    if (i < 0)
        return -1;
    if (b->entries[i].len > 5 && memcmp(b->entries[i].data, "<?xml", 5) == 0 &&
        (end = find(b->entries[i].data, b->entries[i].data + b->entries[i].len, "?>")) != NULL)
        at = (size_t)(end + 2 - b->entries[i].data);
    if (at > 0 && below(r, 3) == 0)
        return splice(&b->entries[i], 0, at, (const uint8_t *)text, strlen(text));
    return splice(&b->entries[i], at, 0, (const uint8_t *)text, strlen(text));
}

/* Wraps an element of an XHTML entry in many levels of one element: the
 * depth limits of the reader and of libxml2 (256). */
static int mutate_nesting(fz_book *b, rng *r)
{
    static const char *const tags[] = {"div", "section", "blockquote", "span", "em", "li", "ul"};
    static const size_t depths[] = {8, 60, 120, 250, 300};
    long i = pick_entry(b, r, 1);
    const char *tag = tags[below(r, sizeof tags / sizeof tags[0])];
    size_t depth = depths[below(r, sizeof depths / sizeof depths[0])], at, len, k;
    char open[32], close[32];
    int rc = 0;

    if (i < 0 || random_element(&b->entries[i], r, NULL, &at, &len) < 0)
        return -1;
    snprintf(open, sizeof open, "<%s>", tag);
    snprintf(close, sizeof close, "</%s>", tag);
    for (k = 0; k < depth && rc == 0; k++) {
        rc = splice(&b->entries[i], at + len, 0, (const uint8_t *)close, strlen(close));
        if (rc == 0)
            rc = splice(&b->entries[i], at, 0, (const uint8_t *)open, strlen(open));
        len += strlen(open) + strlen(close);
    }
    return rc;
}

/* Renames, drops, repeats, moves an entry, or switches its compression. */
static int mutate_entries(fz_book *b, rng *r)
{
    size_t i, j;
    fz_entry t;
    char name[512];

    if (b->n == 0)
        return -1;
    i = below(r, b->n);
    j = below(r, b->n);
    switch (below(r, 5)) {
    case 0:
        fz_book_remove(b, i);
        return 0;
    case 1:
        t = b->entries[i];
        b->entries[i] = b->entries[j];
        b->entries[j] = t;
        return 0;
    case 2:
        b->entries[i].deflate = !b->entries[i].deflate;
        return 0;
    case 3: { /* take the name of another entry, or a hostile one */
        const char *other = below(r, 2) == 0
                                ? b->entries[j].name
                                : entry_names[below(r, sizeof entry_names / sizeof entry_names[0])];
        char *copy = strdup(other);

        if (copy == NULL)
            return -1;
        free(b->entries[i].name);
        b->entries[i].name = copy;
        return 0;
    }
    default: /* a copy under a new name */
        if (strlen(b->entries[i].name) + 3 > sizeof name)
            return -1;
        strcpy(name, b->entries[i].name);
        strcat(name, "~2");
        return fz_book_add(b, name, b->entries[i].data, b->entries[i].len, b->entries[i].deflate);
    }
}

/* Packs `b` into `out` if it fits in `max`; returns the size or 0. */
static size_t emit(const fz_book *b, uint8_t *out, size_t max)
{
    uint8_t *zip;
    size_t len;

    if (fz_book_pack(b, &zip, &len) < 0)
        return 0;
    if (len > max) {
        free(zip);
        return 0;
    }
    memcpy(out, zip, len);
    free(zip);
    return len;
}

size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed)
{
    fz_book book = FZ_BOOK_INIT;
    rng r = {seed != 0 ? seed : 0x9e3779b9u};
    size_t out = 0;
    int tries;

    if (below(&r, 32) != 0 && fz_book_unpack(&book, data, size, MAX_UNPACKED) == 0) {
        for (tries = 0; tries < TRIES && out == 0; tries++) {
            fz_book copy = FZ_BOOK_INIT;
            size_t k, room = max_size > size ? (max_size - size) / 2 : 0;
            int rc = 0;

            for (k = 0; k < book.n && rc == 0; k++)
                rc = fz_book_add(&copy, book.entries[k].name, book.entries[k].data,
                                 book.entries[k].len, book.entries[k].deflate);
            if (rc == 0) {
                size_t kind = below(&r, 24); /* out of 24: 9 bytes, 4 elements, ... */

                if (kind < 9)
                    rc = mutate_bytes(&copy, &r, room < 4096 ? room : 4096);
                else if (kind < 13)
                    rc = mutate_element(&copy, &r);
                else if (kind < 15)
                    rc = mutate_spine(&copy, &r);
                else if (kind < 19)
                    rc = mutate_attribute(&copy, &r);
                else if (kind < 20)
                    rc = mutate_prolog(&copy, &r);
                else if (kind < 21)
                    rc = mutate_nesting(&copy, &r);
                else
                    rc = mutate_entries(&copy, &r);
            }
            if (rc == 0)
                out = emit(&copy, data, max_size);
            fz_book_clear(&copy);
        }
        fz_book_clear(&book);
        if (out > 0)
            return out;
    }
    return LLVMFuzzerMutate(data, size, max_size);
}

size_t LLVMFuzzerCustomCrossOver(const uint8_t *data1, size_t size1, const uint8_t *data2,
                                 size_t size2, uint8_t *out, size_t max_out, unsigned int seed)
{
    fz_book one = FZ_BOOK_INIT, two = FZ_BOOK_INIT;
    rng r = {seed != 0 ? seed : 0x9e3779b9u};
    size_t len = 0;
    long i, j;

    if (fz_book_unpack(&one, data1, size1, MAX_UNPACKED) == 0 &&
        fz_book_unpack(&two, data2, size2, MAX_UNPACKED) == 0) {
        if (below(&r, 2) == 0) {
            if (graft(&one, &two, &r) == 0)
                len = emit(&one, out, max_out);
        } else if ((j = pick_entry(&two, &r, 0)) >= 0) {
            /* The second book's entry replaces the first's of that name. */
            fz_entry *e = &two.entries[j];

            i = fz_book_find(&one, e->name);
            if (i >= 0)
                fz_book_remove(&one, (size_t)i);
            if (fz_book_add(&one, e->name, e->data, e->len, e->deflate) == 0)
                len = emit(&one, out, max_out);
        }
    }
    fz_book_clear(&one);
    fz_book_clear(&two);
    if (len == 0 && size1 <= max_out) {
        memcpy(out, data1, size1);
        len = size1;
    }
    return len;
}
