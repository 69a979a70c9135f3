/*
 * epub.h - what the EPUB writer's and reader's files share.
 *
 * The writer builds an ac_epub_book in memory: XHTML documents (one or more
 * per article, split by size at block boundaries), embedded images, the table
 * of contents and the metadata; then the package files (package.opf,
 * nav.xhtml, toc.ncx) are written from it and libzip stores everything in an
 * artconv_buf.  Layout of the container (every name ASCII, see STYLE.md):
 *
 *   mimetype                    stored, first
 *   META-INF/container.xml
 *   EPUB/package.opf
 *   EPUB/nav.xhtml
 *   EPUB/toc.ncx
 *   EPUB/cover.xhtml            when there is a cover
 *   EPUB/chapter-N[-M].xhtml    article N, part M (from 2 on)
 *   EPUB/style.css
 *   EPUB/images/...             cover first, then in order of appearance
 */
#ifndef ARTCONV_EPUB_H
#define ARTCONV_EPUB_H

#include "internal.h"

#include <libxml/tree.h>

/* Internal limits. */

/* An XHTML document grows to about this many bytes before the next block
 * starts a new one: reading systems load a document whole, and some take
 * minutes on multi-megabyte ones.  A single larger block is never cut. */
#define AC_EPUB_SPLIT_SIZE ((size_t)256 * 1024)
/* Writer: an image file bigger than this is not embedded, nor one past the
 * first AC_EPUB_MAX_IMAGES of a book, nor one that would take the images'
 * sum past AC_EPUB_MAX_IMAGE_TOTAL (each a warning; the figure keeps its
 * caption).  An article is untrusted, and a thousand references to large
 * files in its folder must not make a book of gigabytes, which is all held
 * in memory while it is zipped. */
#define AC_EPUB_MAX_IMAGE       ((size_t)32 * 1024 * 1024)
#define AC_EPUB_MAX_IMAGES      1000
#define AC_EPUB_MAX_IMAGE_TOTAL ((size_t)256 * 1024 * 1024)
/* Reader: the sum of the uncompressed sizes of the entries read may not
 * exceed this, nor may one entry: a zip bomb of a few KB can claim
 * gigabytes.  Sizes are checked while inflating, not trusted from the
 * directory. */
#define AC_EPUB_MAX_UNPACKED ((size_t)512 * 1024 * 1024)
#define AC_EPUB_MAX_ENTRY    ((size_t)64 * 1024 * 1024)
/* Reader: archives with more entries, or spines with more items, are
 * refused (each entry costs a directory walk). */
#define AC_EPUB_MAX_ENTRIES 65536

/* The model built from a book is bounded by its text, not only by the
 * bytes inflated: the spine documents together may inflate to at most
 * AC_EPUB_TEXT_RATIO times the EPUB's size, and never less than
 * AC_EPUB_MIN_TEXT (nine 60 MiB chapters compressed into 1.7 MB reached
 * 3 GB of memory under the 512 MiB inflate limit). */
#define AC_EPUB_TEXT_RATIO 64
#define AC_EPUB_MIN_TEXT   ((size_t)4 * 1024 * 1024)
/* Table of contents: headings deeper than h3 stay out of it. */
#define AC_EPUB_TOC_LEVELS 3

/* One file of the book besides the package documents. */
typedef struct ac_epub_file {
    char *href;             /* relative to EPUB/: "chapter-1.xhtml" */
    char *id;               /* manifest id */
    const char *media_type; /* static string */
    const char *properties; /* static string or NULL */
    char *key;              /* images: the resolved source path, for sharing */
    artconv_buf data;
} ac_epub_file;

/* One entry of the table of contents. */
typedef struct ac_epub_toc {
    char *href; /* "chapter-1.xhtml#h-1-2", or just the file */
    char *label;
    int depth; /* 0 for the top level */
} ac_epub_toc;

typedef struct ac_epub_book {
    const artconv_write_options *opts;
    const artconv_article *const *articles;
    size_t n_articles;
    const char *const *resource_dirs; /* per article, or NULL */
    const char *title;                /* the book's title, never NULL */
    const char *language;             /* well-formed BCP 47 tag, never NULL */
    int rtl;                          /* right-to-left script */
    long long modified;               /* seconds since 1970, UTC */

    ac_epub_file *texts; /* XHTML content in spine order (cover page first) */
    size_t n_texts, cap_texts;
    ac_epub_file *images;
    size_t n_images, cap_images;
    ac_epub_toc *toc;
    size_t n_toc, cap_toc;
    long cover; /* index in images of the cover, or -1 */
    int has_cover_page;
    int has_title_page; /* texts[has_cover_page] is the title page */
    int images_without_alt; /* images embedded with empty alt text */
    size_t image_bytes;     /* sum of the embedded images' sizes */
    artconv_buf css;
    char *identifier; /* dc:identifier */
    /* The package values that are stand-ins, not the article's: any of
     * "identifier title language modified", space-separated, for the
     * reader to leave out (<meta name="artconv:placeholders">). */
    char placeholders[48];
} ac_epub_book;

/* --- formats/epub/write.c ------------------------------------------------- */

/* ac_epub_write_book, the format's write_book slot, is declared in format_entries.h. */

/* One article on its way into the book (write.c fills it). */
typedef struct ac_epub_chapter {
    ac_epub_book *book;
    const artconv_article *article;
    const char *dir;    /* where local images are */
    const char *source; /* the article's URL, for site-relative links */
    const char *language;
    size_t number; /* 1-based chapter number */
    artconv_error *err;
} ac_epub_chapter;

/* --- formats/epub/chapter.c ------------------------------------------------ */

/* Builds the chapter's XHTML documents and adds them, with their table of
 * contents entries, to the book. */
int ac_epub_add_chapter(ac_epub_chapter *c);

/* --- formats/epub/fit.c ---------------------------------------------------- */

/* Images and links of the chapter's tree, made fit for a book: local images
 * embedded, remote ones dropped, dangling links made absolute or unwrapped. */
int ac_epub_fix_tree(ac_epub_chapter *c, xmlNodePtr root);
/* Drops the title block's lead figure when the body shows the same image. */
void ac_epub_drop_repeated_lead(xmlNodePtr header, const artconv_node *body);

/* --- formats/epub/read.c -------------------------------------------------- */

/* ac_epub_read with the decompression limits given instead of
 * AC_EPUB_MAX_ENTRY and AC_EPUB_MAX_UNPACKED, so tests can reach them with
 * small books. */
int ac_epub_read_limited(artconv_article **out, const char *data, size_t len,
                         const artconv_read_options *opts, size_t max_entry, size_t max_unpacked,
                         artconv_error *err);

/* --- formats/epub/util.c ------------------------------------------------------- */

/* Grows the array *items (of `size`-byte elements, *cap allocated) so that
 * one more fits after `n`.  Returns 0 or ARTCONV_ENOMEM. */
int ac_epub_reserve(void **items, size_t *cap, size_t n, size_t size);
/* 1 if `node` is an element called `name`. */
int ac_epub_is_el(const xmlNode *node, const char *name);
/* 1 if the space-separated `list` (NULL: none) holds `word`. */
int ac_epub_has_word(const char *list, const char *word);
/* The first child element called `name`, or NULL (also for a NULL parent). */
xmlNodePtr ac_epub_child_named(const xmlNode *parent, const char *name);
/* Appends a zero-filled file to the array; returns it, or NULL (no memory). */
ac_epub_file *ac_epub_file_add(ac_epub_file **files, size_t *n, size_t *cap);
void ac_epub_file_free(ac_epub_file *file);
void ac_epub_book_free(ac_epub_book *book);
/* Writes "urn:uuid:" and a name-based (version 5, SHA-1) UUID of `name` in
 * the URL namespace into `out` (at least 46 bytes). */
void ac_epub_uuid(char *out, const char *name, size_t len);
/* Seconds since 1970 of an ISO 8601 date as ac_date_normalize writes it;
 * a missing zone counts as UTC.  Returns 0, or -1 if it cannot be read. */
int ac_epub_parse_time(long long *out, const char *iso);
/* Writes `t` as "YYYY-MM-DDThh:mm:ssZ" into `out` (at least 32 bytes). */
void ac_epub_format_time(char *out, long long t);
/* The MS-DOS time and date of `t` (UTC), as zip entries store them. */
void ac_epub_dos_time(long long t, unsigned *dos_time, unsigned *dos_date);
/* 1 if `tag` is a well-formed language tag (letters, digits and hyphens in
 * subtags of 1-8, the first 2-8 letters). */
int ac_epub_language_ok(const char *tag);
/* 1 if the language is written right to left (ar, he, fa, ur, ...). */
int ac_epub_language_rtl(const char *tag);

/* --- formats/epub/image.c ------------------------------------------------------ */

/* The media type of an image from its first bytes (JPEG, PNG, GIF, SVG),
 * or NULL. */
const char *ac_epub_sniff(const char *data, size_t len);
/* 1 if an SVG image may be embedded: only allowed SVG elements and
 * attributes, no script, no reference outside the file, no entity
 * declaration (formats/epub/svg.c). */
int ac_epub_svg_is_clean(const char *data, size_t len);
/* Embeds the image `url` (relative to `dir`) unless it is remote, absolute,
 * a file: URL, outside `dir`, missing or not an image: those give a warning
 * and *href NULL.  The same file is embedded once.  `is_cover` names it
 * as the cover.  Returns 0 (with *href borrowed from the book, or NULL) or
 * ARTCONV_ENOMEM. */
int ac_epub_image(ac_epub_book *book, const char *dir, const char *url, int is_cover,
                  const char **href, artconv_error *err);
/* Embeds the article's resource named `url` (artconv_article_resource_find)
 * when it has one, else as ac_epub_image does. */
int ac_epub_article_image(ac_epub_book *book, const artconv_article *article, const char *dir,
                          const char *url, int is_cover, const char **href, artconv_error *err);
/* Embeds the file at `path` (as given by the user, not confined to a
 * folder) as the cover.  Returns 0 (cover set, or a warning) or ENOMEM. */
int ac_epub_cover_file(ac_epub_book *book, const char *path, artconv_error *err);

/* --- formats/epub/package.c ---------------------------------------------------- */

/* META-INF/container.xml. */
int ac_epub_container(artconv_buf *out, artconv_error *err);
/* The package document. */
int ac_epub_opf(artconv_buf *out, const ac_epub_book *book, artconv_error *err);
/* The EPUB 2 table of contents. */
int ac_epub_ncx(artconv_buf *out, const ac_epub_book *book, artconv_error *err);
/* The navigation document: table of contents and landmarks. */
int ac_epub_nav(artconv_buf *out, const ac_epub_book *book, artconv_error *err);
/* Starts an XHTML content document: <html> with the namespaces, language
 * and direction, and <head> with the title and the style sheet link.  The
 * root is unlinked from `doc` (see ac_xhtml_save); the caller frees it.
 * Sets *body to the <body>. */
int ac_epub_page(xmlNodePtr *root, xmlNodePtr *body, xmlDocPtr doc, const char *title,
                 const char *language, int rtl, const char *css_href, xmlNsPtr *ns,
                 artconv_error *err);
/* Appends the XML declaration, the doctype and the serialised root. */
int ac_epub_save_page(artconv_buf *out, xmlNodePtr root, artconv_error *err);
/* Sets epub:type on an element of a page made by ac_epub_page.  0 or
 * ARTCONV_ENOMEM. */
int ac_epub_set_type(xmlNodePtr el, const char *type);
/* The value of `field` when every article of the book has the same, else
 * NULL (what the package document says for the whole book). */
const char *ac_epub_common_meta(const ac_epub_book *book, artconv_meta field);

/* --- formats/epub/style.c ------------------------------------------------------ */

/* The style sheet a book gets without --css. */
extern const char ac_epub_default_css[];

/* --- formats/epub/titlepage.c ---------------------------------------------- */

/* Adds the title page (after the cover page, before the chapters) unless
 * the book's title is a stand-in. */
int ac_epub_add_title_page(ac_epub_book *book, artconv_error *err);

/* --- formats/epub/zip.c -------------------------------------------------------- */

/* Stores the whole book (its package documents made here) in `out`. */
int ac_epub_zip_book(artconv_buf *out, const ac_epub_book *book, artconv_error *err);

#endif /* ARTCONV_EPUB_H */
