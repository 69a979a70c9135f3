/*
 * epub_reader.h - what the parts of the EPUB reader share: the state of one
 * read, the archive (unzip.c), the package metadata (read_meta.c) and the
 * manifest and spine (read_spine.c).  read.c reads the package around them.
 */
#ifndef ARTCONV_EPUB_READER_H
#define ARTCONV_EPUB_READER_H

#include "epub.h"

#include <zip.h>

/* The warning about spine documents left out names this many. */
#define AC_EPUB_NAMED_LEFT_OUT 8

typedef struct {
    char *id;
    char *path; /* entry name in the archive */
    char *media_type;
    char *properties;
    size_t reads; /* times the spine has listed it */
} ac_epub_manifest_item;

typedef struct {
    const artconv_read_options *opts;
    artconv_error *err;
    zip_t *za;
    size_t unpacked;     /* bytes inflated so far */
    size_t max_entry;    /* AC_EPUB_MAX_ENTRY, or smaller in tests */
    size_t max_unpacked; /* AC_EPUB_MAX_UNPACKED, or smaller in tests */
    size_t max_text;     /* text budget: AC_EPUB_TEXT_RATIO x the book, at least AC_EPUB_MIN_TEXT */
    size_t text;         /* bytes of spine documents inflated so far */
    artconv_article *article;
    ac_epub_manifest_item *items;
    size_t n_items, cap_items;
    int headers;          /* artconv title blocks seen in the spine */
    artconv_buf left_out; /* spine documents not read, named for a warning */
    size_t n_left_out;
    char *cover_id; /* EPUB 2: the manifest id <meta name="cover"> names */
} ac_epub_reader;

/* --- unzip.c: the archive ----------------------------------------------------- */
/* ARTCONV_EPARSE with `what` as the message. */
int ac_epub_parse_error(ac_epub_reader *r, const char *what);
/* 1 if an entry name stays inside the book. */
int ac_epub_name_is_safe(const char *name);
/* Refuses an archive with too many entries or an unsafe name. */
int ac_epub_check_entries(ac_epub_reader *r);
/* The entry name `href` (a URL relative to the entry `base`, an IRI
 * maybe) stands for, without query or fragment: 0 with *out allocated
 * (free), ARTCONV_EPARSE if it is not a path inside the book (a scheme,
 * absolute, climbing above the root with ".."), or ARTCONV_ENOMEM. */
int ac_epub_resolve(char **out, const char *base, const char *href);
/* Inflates entry `name` into `out`, counting against the limits (and the
 * text budget if `is_text`). */
int ac_epub_read_entry(ac_epub_reader *r, const char *name, artconv_buf *out, int is_text);
/* Parses an entry as XML, safely (see unzip.c); `is_text` counts it
 * against the text budget. */
int ac_epub_parse_xml(ac_epub_reader *r, const char *name, int is_text, xmlDocPtr *out);

/* --- read_meta.c: the package's <metadata> ------------------------------------- */
/* Sets a field, unless already set, from an element's text. */
int ac_epub_set_from(ac_epub_reader *r, artconv_meta field, const xmlNode *el);
int ac_epub_read_metadata(ac_epub_reader *r, const xmlNode *metadata, const char *unique_id);

/* --- read_spine.c: the manifest, and the spine's documents into the body --- */
int ac_epub_read_manifest(ac_epub_reader *r, const xmlNode *manifest, const char *opf_path);
int ac_epub_read_spine(ac_epub_reader *r, const xmlNode *spine);

/* --- read_media.c: images into the article's resources, media markup ---------- */
/* Puts the image entry `path` in the article's resources (once); *taken
 * says whether the article holds it.  Refusals are warnings. */
int ac_epub_take_image(ac_epub_reader *r, const char *path, int *taken);
/* The manifest's cover image becomes the article's image. */
int ac_epub_read_cover(ac_epub_reader *r);
/* Points the images of a chapter (entry `doc_path`) at their resources,
 * flattens <svg> into its images and text, and replaces <object>,
 * <video> and <audio> with their fallback content. */
int ac_epub_read_media(ac_epub_reader *r, const char *doc_path, xmlNodePtr body);

#endif /* ARTCONV_EPUB_READER_H */
