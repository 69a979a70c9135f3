/*
 * read.c - the EPUB reader: EPUB 2 and 3 (artconv's own, pandoc's,
 * calibre's) into one article.
 *
 * META-INF/container.xml names the package document; its metadata fills
 * the article's (read_meta.c), and the XHTML documents of the spine, in
 * order, make the body through the HTML reader's fragment path
 * (read_spine.c).  The navigation document is left out.  In a
 * book artconv made, the title block and footer of the (single) article go
 * back into the metadata.  This file opens the archive and reads the
 * package; unzip.c reads its entries.
 *
 * The input is untrusted:
 *  - nothing is ever written to disk, and entry names that are absolute or
 *    climb out with ".." are refused anyway, so a bad archive is reported
 *    as what it is;
 *  - every entry is inflated with a running count against
 *    AC_EPUB_MAX_ENTRY and AC_EPUB_MAX_UNPACKED, never trusting the sizes
 *    the archive claims (zip bombs);
 *  - XML is parsed with XML_PARSE_NONET and without NOENT, DTDLOAD or
 *    HUGE, and a document that declares entities is refused: expanding
 *    nested internal entities later (billion laughs) would bypass the
 *    parser's own amplification limits.
 */
#include "epub_reader.h"
#include "format_entries.h"
#include "xml.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int read_package(ac_epub_reader *r)
{
    xmlDocPtr container = NULL, opf = NULL;
    xmlNodePtr node, root, rootfile = NULL;
    xmlChar *full_path = NULL, *unique = NULL;
    int rc;

    AC_CHECK(ac_epub_parse_xml(r, "META-INF/container.xml", 0, &container));
    root = xmlDocGetRootElement(container);
    for (node = root; node != NULL && rootfile == NULL; node = ac_xml_next(node, root, 0))
        if (ac_epub_is_el(node, "rootfile"))
            rootfile = node;
    full_path = rootfile != NULL ? xmlGetProp(rootfile, BAD_CAST "full-path") : NULL;
    if (full_path == NULL) {
        rc = ac_epub_parse_error(r, "META-INF/container.xml names no package document");
        goto cleanup;
    }
    if (!ac_epub_name_is_safe((const char *)full_path)) {
        rc = ac_error(r->err, ARTCONV_EPARSE, "the package document '%.100s' is outside the book",
                      (const char *)full_path);
        goto cleanup;
    }
    AC_CHECK(ac_epub_parse_xml(r, (const char *)full_path, 0, &opf));
    root = xmlDocGetRootElement(opf);
    if (!ac_epub_is_el(root, "package") || ac_epub_child_named(root, "metadata") == NULL) {
        rc = ac_error(r->err, ARTCONV_EPARSE, "%.200s is not a package document",
                      (const char *)full_path);
        goto cleanup;
    }
    unique = xmlGetProp(root, BAD_CAST "unique-identifier");
    AC_CHECK(ac_epub_read_metadata(r, ac_epub_child_named(root, "metadata"), (const char *)unique));
    AC_CHECK(
        ac_epub_read_manifest(r, ac_epub_child_named(root, "manifest"), (const char *)full_path));
    AC_CHECK(ac_epub_read_cover(r));
    AC_CHECK(ac_epub_read_spine(r, ac_epub_child_named(root, "spine")));
cleanup:
    xmlFree(full_path);
    xmlFree(unique);
    xmlFreeDoc(container);
    xmlFreeDoc(opf);
    return rc;
}

/* Pandoc and calibre repeat the title as the first heading of the text;
 * it is in the metadata already. */
static int drop_repeated_title(ac_epub_reader *r)
{
    const char *title = artconv_article_get(r->article, ARTCONV_META_TITLE);
    artconv_node *first = artconv_node_first_child(artconv_article_body(r->article));
    artconv_buf text = ARTCONV_BUF_INIT;
    int rc;

    if (title == NULL || artconv_node_get_kind(first) != ARTCONV_NODE_HEADING ||
        artconv_node_get_level(first) != 1)
        return ARTCONV_OK;
    rc = ac_plain_text(&text, first);
    if (rc == ARTCONV_OK && text.ptr != NULL && strcmp(text.ptr, title) == 0)
        artconv_node_free(first);
    artconv_buf_dispose(&text);
    return rc < 0 ? ac_nomem(r->err) : ARTCONV_OK;
}

int ac_epub_read(artconv_article **out, const char *data, size_t len,
                 const artconv_read_options *opts, artconv_error *err)
{
    return ac_epub_read_limited(out, data, len, opts, AC_EPUB_MAX_ENTRY, AC_EPUB_MAX_UNPACKED, err);
}

int ac_epub_read_limited(artconv_article **out, const char *data, size_t len,
                         const artconv_read_options *opts, size_t max_entry, size_t max_unpacked,
                         artconv_error *err)
{
    ac_epub_reader r;
    zip_source_t *src = NULL;
    zip_error_t ze;
    size_t i;
    int rc = ARTCONV_OK;

    memset(&r, 0, sizeof r);
    r.opts = opts;
    r.err = err;
    r.max_entry = max_entry;
    r.max_unpacked = max_unpacked;
    r.max_text = len > SIZE_MAX / AC_EPUB_TEXT_RATIO ? SIZE_MAX : len * AC_EPUB_TEXT_RATIO;
    if (r.max_text < AC_EPUB_MIN_TEXT)
        r.max_text = AC_EPUB_MIN_TEXT;
    *out = NULL;
    zip_error_init(&ze);
    src = zip_source_buffer_create(data, len, 0, &ze);
    if (src == NULL) {
        rc = ac_nomem(err);
        goto cleanup;
    }
    r.za = zip_open_from_source(src, ZIP_RDONLY, &ze);
    if (r.za == NULL) {
        rc = ac_error(err, ARTCONV_EPARSE, "not an EPUB (zip) file: %s", zip_error_strerror(&ze));
        goto cleanup;
    }
    src = NULL; /* the archive owns it now */
    AC_CHECK(ac_epub_check_entries(&r));
    r.article = artconv_article_new();
    if (r.article == NULL) {
        rc = ac_nomem(err);
        goto cleanup;
    }
    ac_article_set_in_container(r.article);
    AC_CHECK(read_package(&r));
    AC_CHECK(drop_repeated_title(&r));
    *out = r.article;
    r.article = NULL;
cleanup:
    if (r.za != NULL)
        zip_discard(r.za);
    zip_source_free(src);
    zip_error_fini(&ze);
    for (i = 0; i < r.n_items; i++) {
        free(r.items[i].id);
        free(r.items[i].path);
        free(r.items[i].media_type);
        free(r.items[i].properties);
    }
    free(r.items);
    free(r.cover_id);
    artconv_buf_dispose(&r.left_out);
    artconv_article_free(r.article);
    return rc;
}
