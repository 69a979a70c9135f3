/*
 * read_media.c - the EPUB reader's images and the markup around them.
 *
 * An image a chapter shows (an <img>, an SVG <image>) and the book's cover
 * are read from the archive into the article's resources
 * (artconv_article_resource_add), named by their entry name, and the image
 * points at that name: files that happen to lie beside the .epub never
 * stand in for them.  Each is read once, bounded by the archive limits
 * (unzip.c) and the model's (ARTCONV_MAX_RESOURCE...), and must sniff as
 * an image (an SVG must be clean: no script, no outside reference); what
 * is left out is a warning naming the input.
 *
 * The HTML builder drops <svg>, <object>, <video> and <audio> whole, as a
 * web page's are chrome; in a book they hold content.  Before a chapter is
 * built, an <svg> becomes a <span> of its images and its text, and
 * <object>, <video> and <audio> give way to their fallback content.
 */
#include "epub_reader.h"
#include "xml.h"

#include <stdlib.h>
#include <string.h>

/* Puts the entry `path` in the article's resources unless it is there
 * already.  *taken is 1 when the article holds it afterwards; a reason it
 * does not is a warning.  Returns 0 or a negative status (no memory, or an
 * entry that inflates past the archive limits: a zip bomb). */
int ac_epub_take_image(ac_epub_reader *r, const char *path, int *taken)
{
    artconv_buf data = ARTCONV_BUF_INIT;
    zip_stat_t st;
    const char *type;
    int rc = ARTCONV_OK;

    *taken = artconv_article_resource_find(r->article, path) != NULL;
    if (*taken)
        return ARTCONV_OK;
    zip_stat_init(&st);
    if (zip_stat(r->za, path, 0, &st) < 0) {
        ac_warn_read(r->opts, ARTCONV_EPARSE, 0, "image %.200s left out: it is not in the book",
                     path);
        return ARTCONV_OK;
    }
    if ((st.valid & ZIP_STAT_SIZE) && st.size > ARTCONV_MAX_RESOURCE) {
        ac_warn_read(r->opts, ARTCONV_ELIMIT, 0, "image %.200s left out: larger than %zu bytes",
                     path, ARTCONV_MAX_RESOURCE);
        return ARTCONV_OK;
    }
    AC_CHECK(ac_epub_read_entry(r, path, &data, 0));
    type = ac_epub_sniff(data.ptr, data.len);
    if (type == NULL) {
        ac_warn_read(r->opts, ARTCONV_EUNSUPPORTED, 0,
                     "image %.200s left out: not a JPEG, PNG, GIF, WebP or SVG file", path);
        goto cleanup;
    }
    if (strcmp(type, "image/svg+xml") == 0 && !ac_epub_svg_is_clean(data.ptr, data.len)) {
        ac_warn_read(r->opts, ARTCONV_EUNSUPPORTED, 0,
                     "image %.200s left out: SVG with scripts, external references or errors",
                     path);
        goto cleanup;
    }
    rc = artconv_article_resource_add(r->article, path, type, data.ptr, data.len, r->err);
    if (rc == ARTCONV_ELIMIT) {
        ac_warn_read(r->opts, ARTCONV_ELIMIT, 0, "image %.200s left out: %s", path,
                     r->err != NULL ? r->err->message : "past the limits on resources");
        rc = ARTCONV_OK;
    } else if (rc == ARTCONV_OK) {
        *taken = 1;
    }
cleanup:
    artconv_buf_dispose(&data);
    return rc;
}

/* The book's cover: the manifest item with properties "cover-image"
 * (EPUB 3), else the one <meta name="cover"> names (EPUB 2), becomes the
 * article's image unless the article has one. */
int ac_epub_read_cover(ac_epub_reader *r)
{
    const ac_epub_manifest_item *cover = NULL;
    size_t i;
    int taken = 0, rc;

    for (i = 0; i < r->n_items && cover == NULL; i++)
        if (r->items[i].path != NULL && ac_epub_has_word(r->items[i].properties, "cover-image"))
            cover = &r->items[i];
    for (i = 0; i < r->n_items && cover == NULL && r->cover_id != NULL; i++)
        if (r->items[i].path != NULL && strcmp(r->items[i].id, r->cover_id) == 0)
            cover = &r->items[i];
    if (cover == NULL || artconv_article_get(r->article, ARTCONV_META_IMAGE) != NULL)
        return ARTCONV_OK;
    AC_CHECK(ac_epub_take_image(r, cover->path, &taken));
    if (taken)
        rc = artconv_article_set(r->article, ARTCONV_META_IMAGE, cover->path, r->err);
cleanup:
    return rc;
}

/* Points an <img> (or SVG <image>) at its resource, or replaces it with
 * its alt text when the book does not hold a usable image there.  A URL
 * that is not a path inside the book (http:, data:) is left as it is. */
static int fix_img(ac_epub_reader *r, const char *doc_path, xmlNodePtr img, const char *attr)
{
    xmlChar *src = xmlGetProp(img, BAD_CAST attr), *alt = NULL;
    xmlNodePtr text;
    char *path = NULL;
    int taken = 0, rc = ARTCONV_OK;

    if (src == NULL)
        goto cleanup;
    rc = ac_epub_resolve(&path, doc_path, (const char *)src);
    if (rc != ARTCONV_OK) {
        rc = rc == ARTCONV_ENOMEM ? ac_nomem(r->err) : ARTCONV_OK;
        goto cleanup;
    }
    AC_CHECK(ac_epub_take_image(r, path, &taken));
    if (taken) {
        if (xmlSetProp(img, BAD_CAST "src", BAD_CAST path) == NULL)
            rc = ac_nomem(r->err);
        goto cleanup;
    }
    alt = xmlGetProp(img, BAD_CAST "alt");
    if (alt != NULL && alt[0] != '\0') {
        if ((text = xmlNewDocText(img->doc, alt)) == NULL || xmlAddPrevSibling(img, text) == NULL) {
            xmlFreeNode(text);
            rc = ac_nomem(r->err);
            goto cleanup;
        }
    }
    xmlUnlinkNode(img);
    xmlFreeNode(img);
cleanup:
    xmlFree(src);
    xmlFree(alt);
    free(path);
    return rc;
}

/* Appends the text `s` to `el`.  0 or ARTCONV_ENOMEM. */
static int append_text(xmlNodePtr el, const xmlChar *s)
{
    xmlNodePtr text = xmlNewDocText(el->doc, s);

    if (text == NULL || xmlAddChild(el, text) == NULL) {
        xmlFreeNode(text);
        return ARTCONV_ENOMEM;
    }
    return ARTCONV_OK;
}

/* An <svg> becomes a <span> of its images (as <img>, alt from its
 * <title>) and its <text>, in document order. */
static int flatten_svg(ac_epub_reader *r, const char *doc_path, xmlNodePtr svg)
{
    xmlNodePtr span = xmlNewDocNode(svg->doc, NULL, BAD_CAST "span", NULL), node, img;
    xmlChar *title = NULL, *text = NULL, *href = NULL;
    int rc = ARTCONV_OK, skip = 0;

    if (span == NULL)
        return ac_nomem(r->err);
    if ((node = ac_epub_child_named(svg, "title")) != NULL)
        title = xmlNodeGetContent(node);
    for (node = svg; (node = ac_xml_next(node, svg, skip)) != NULL;) {
        skip = 0;
        if (ac_epub_is_el(node, "image") && (href = xmlGetProp(node, BAD_CAST "href")) != NULL) {
            if ((img = xmlNewDocNode(svg->doc, NULL, BAD_CAST "img", NULL)) == NULL ||
                xmlAddChild(span, img) == NULL) {
                xmlFreeNode(img);
                rc = ac_nomem(r->err);
                goto cleanup;
            }
            if (xmlSetProp(img, BAD_CAST "src", href) == NULL ||
                xmlSetProp(img, BAD_CAST "alt", title != NULL ? title : BAD_CAST "") == NULL) {
                rc = ac_nomem(r->err);
                goto cleanup;
            }
            xmlFree(href);
            href = NULL;
            AC_CHECK(fix_img(r, doc_path, img, "src"));
        } else if (ac_epub_is_el(node, "text")) {
            /* The text is taken whole: nothing below it is looked at. */
            skip = 1;
            text = xmlNodeGetContent(node);
            if (text != NULL && text[0] != '\0' &&
                ((span->children != NULL && append_text(span, BAD_CAST " ") < 0) ||
                 append_text(span, text) < 0)) {
                rc = ac_nomem(r->err);
                goto cleanup;
            }
            xmlFree(text);
            text = NULL;
        }
    }
    if (span->children != NULL) {
        xmlReplaceNode(svg, span);
        span = NULL;
    } else {
        xmlUnlinkNode(svg);
    }
    xmlFreeNode(svg);
cleanup:
    xmlFreeNode(span);
    xmlFree(title);
    xmlFree(text);
    xmlFree(href);
    return rc;
}

/* <object>, <video>, <audio>: their fallback content in their place, the
 * <param>, <source> and <track> elements left out. */
static void unwrap_fallback(xmlNodePtr el)
{
    xmlNodePtr child = el->children, next;

    for (; child != NULL; child = next) {
        next = child->next;
        xmlUnlinkNode(child);
        if (ac_epub_is_el(child, "param") || ac_epub_is_el(child, "source") ||
            ac_epub_is_el(child, "track") || xmlAddPrevSibling(el, child) == NULL)
            xmlFreeNode(child);
    }
    xmlUnlinkNode(el);
    xmlFreeNode(el);
}

int ac_epub_read_media(ac_epub_reader *r, const char *doc_path, xmlNodePtr body)
{
    xmlNodePtr *found = NULL, node;
    size_t n = 0, cap = 0, i;
    int rc = ARTCONV_OK;

    /* Collected first (fixing them changes the tree); an <svg>'s inside
     * is flatten_svg's business. */
    for (node = body; (node = ac_xml_next(node, body, ac_epub_is_el(node, "svg"))) != NULL;) {
        if (ac_epub_is_el(node, "img") || ac_epub_is_el(node, "svg") ||
            ac_epub_is_el(node, "object") || ac_epub_is_el(node, "video") ||
            ac_epub_is_el(node, "audio")) {
            void *items = found;

            if (ac_epub_reserve(&items, &cap, n, sizeof *found) < 0) {
                rc = ac_nomem(r->err);
                goto cleanup;
            }
            found = items;
            found[n++] = node;
        }
    }
    /* Last first: an element is done before any that holds it, so freeing
     * one never frees an element still to do. */
    for (i = n; i-- > 0;) {
        if (ac_epub_is_el(found[i], "img"))
            AC_CHECK(fix_img(r, doc_path, found[i], "src"));
        else if (ac_epub_is_el(found[i], "svg"))
            AC_CHECK(flatten_svg(r, doc_path, found[i]));
        else
            unwrap_fallback(found[i]);
    }
cleanup:
    free(found);
    return rc;
}
