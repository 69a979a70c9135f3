/*
 * format_entries.h - the entry points of each format, for the table in
 * src/formats.c.  Only the table and the format files that define these
 * include it: the rest of src/ knows no format.  A new format adds its
 * functions here and its row to the table (docs/formats.md).
 */
#ifndef ARTCONV_FORMAT_ENTRIES_H
#define ARTCONV_FORMAT_ENTRIES_H

#include "artconv.h"

#include <stddef.h>

/* formats/text/ */
int ac_text_read(artconv_article **out, const char *data, size_t len,
                 const artconv_read_options *opts, artconv_error *err);
int ac_text_write(artconv_buf *out, const artconv_article *article,
                  const artconv_write_options *opts, artconv_error *err);

/* formats/markdown/ */
int ac_markdown_read(artconv_article **out, const char *data, size_t len,
                     const artconv_read_options *opts, artconv_error *err);
int ac_markdown_write(artconv_buf *out, const artconv_article *article,
                      const artconv_write_options *opts, artconv_error *err);
/* GFM: Markdown with pipe tables where a table fits one. */
int ac_gfm_write(artconv_buf *out, const artconv_article *article,
                 const artconv_write_options *opts, artconv_error *err);
/* Whether Markdown written with `opts` carries pubstatus and embargo (the
 * format's status_loss slot, see ac_status_loss_fn in internal.h). */
const char *ac_markdown_status_loss(const artconv_write_options *opts);

/* formats/html/ */
int ac_html_read(artconv_article **out, const char *data, size_t len,
                 const artconv_read_options *opts, artconv_error *err);
int ac_html_write(artconv_buf *out, const artconv_article *article,
                  const artconv_write_options *opts, artconv_error *err);
/* The same for HTML (a fragment does not carry them). */
const char *ac_html_status_loss(const artconv_write_options *opts);

/* formats/json/ */
int ac_json_read(artconv_article **out, const char *data, size_t len,
                 const artconv_read_options *opts, artconv_error *err);
int ac_json_write(artconv_buf *out, const artconv_article *article,
                  const artconv_write_options *opts, artconv_error *err);

/* formats/ninjs/ */
int ac_ninjs_read(artconv_article **out, const char *data, size_t len,
                  const artconv_read_options *opts, artconv_error *err);
int ac_ninjs_write(artconv_buf *out, const artconv_article *article,
                   const artconv_write_options *opts, artconv_error *err);

/* formats/epub/ */
int ac_epub_read(artconv_article **out, const char *data, size_t len,
                 const artconv_read_options *opts, artconv_error *err);
int ac_epub_write(artconv_buf *out, const artconv_article *article,
                  const artconv_write_options *opts, artconv_error *err);
/* One book of `count` (at least 1) articles titled `title` (NULL: the
 * article's title, or "Digest" for several); `opts` must not be NULL. */
int ac_epub_write_book(artconv_buf *out, const artconv_article *const *articles, size_t count,
                       const char *title, const char *const *resource_dirs,
                       const artconv_write_options *opts, artconv_error *err);

/* formats/shared/xml_init.c: libxml2's one-time initialisation, the
 * prepare slot of every format built on libxml2 (see ac_prepare_fn in
 * internal.h).  Safe to call from any thread, any number of times. */
void ac_xml_prepare(void);

/* formats/newsml/ */
int ac_newsml_read(artconv_article **out, const char *data, size_t len,
                   const artconv_read_options *opts, artconv_error *err);
/* Every text item of a newsMessage (one for a newsItem). */
int ac_newsml_read_all(artconv_article ***out, size_t *count, const char *data, size_t len,
                       const artconv_read_options *opts, artconv_error *err);
int ac_newsml_write(artconv_buf *out, const artconv_article *article,
                    const artconv_write_options *opts, artconv_error *err);

#endif /* ARTCONV_FORMAT_ENTRIES_H */
