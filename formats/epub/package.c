/*
 * epub_package.c - the EPUB's own documents: container.xml, the package
 * document (metadata, manifest, spine), the EPUB 2 NCX, the EPUB 3
 * navigation document, and the frame of every XHTML content document.
 *
 * The XML is written with libxml2's text writer (indented: these documents
 * hold no mixed content) or, for XHTML, built as a tree and saved by
 * ac_xhtml_save, so every escape is libxml2's.
 */
#include "epub.h"
#include "xhtml.h"

#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <string.h>

#define OPF_NS   "http://www.idpf.org/2007/opf"
#define DC_NS    "http://purl.org/dc/elements/1.1/"
#define NCX_NS   "http://www.daisy.org/z3986/2005/ncx/"
#define OPS_NS   "http://www.idpf.org/2007/ops"
#define OCF_NS   "urn:oasis:names:tc:opendocument:xmlns:container"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

/* Every text writer call returns a negative value on failure, which can
 * only be memory here (the output is a memory buffer). */
#define W(call)                                                                                    \
    do {                                                                                           \
        if ((call) < 0) {                                                                          \
            rc = ARTCONV_ENOMEM;                                                                   \
            goto cleanup;                                                                          \
        }                                                                                          \
    } while (0)

typedef struct {
    xmlBufferPtr buf;
    xmlTextWriterPtr w;
} xml_out;

static int xml_open(xml_out *x)
{
    x->buf = xmlBufferCreate();
    x->w = x->buf != NULL ? xmlNewTextWriterMemory(x->buf, 0) : NULL;
    if (x->w == NULL)
        return ARTCONV_ENOMEM;
    if (xmlTextWriterSetIndent(x->w, 1) < 0 ||
        xmlTextWriterSetIndentString(x->w, BAD_CAST "  ") < 0 ||
        xmlTextWriterStartDocument(x->w, NULL, "UTF-8", NULL) < 0)
        return ARTCONV_ENOMEM;
    return ARTCONV_OK;
}

/* Ends the document and appends it to `out`. */
static int xml_close(xml_out *x, artconv_buf *out)
{
    int rc = ARTCONV_OK;

    if (x->w != NULL && xmlTextWriterEndDocument(x->w) < 0)
        rc = ARTCONV_ENOMEM;
    xmlFreeTextWriter(x->w); /* flushes into x->buf */
    x->w = NULL;
    if (rc == ARTCONV_OK && x->buf != NULL &&
        artconv_buf_put(out, xmlBufferContent(x->buf), (size_t)xmlBufferLength(x->buf)) < 0)
        rc = ARTCONV_ENOMEM;
    xmlBufferFree(x->buf);
    x->buf = NULL;
    return rc;
}

/* Closes a document whatever went before, and turns any failure into the
 * one it can be: memory. */
static int xml_finish(xml_out *x, artconv_buf *out, int rc, artconv_error *err)
{
    if (xml_close(x, out) < 0)
        rc = ARTCONV_ENOMEM;
    return rc < 0 ? ac_nomem(err) : rc;
}

static int text_element(xmlTextWriterPtr w, const char *name, const char *text)
{
    return xmlTextWriterWriteElement(w, BAD_CAST name, BAD_CAST text);
}

int ac_epub_container(artconv_buf *out, artconv_error *err)
{
    xml_out x = {NULL, NULL};
    int rc = ARTCONV_OK;

    W(xml_open(&x));
    W(xmlTextWriterStartElement(x.w, BAD_CAST "container"));
    W(xmlTextWriterWriteAttribute(x.w, BAD_CAST "version", BAD_CAST "1.0"));
    W(xmlTextWriterWriteAttribute(x.w, BAD_CAST "xmlns", BAD_CAST OCF_NS));
    W(xmlTextWriterStartElement(x.w, BAD_CAST "rootfiles"));
    W(xmlTextWriterStartElement(x.w, BAD_CAST "rootfile"));
    W(xmlTextWriterWriteAttribute(x.w, BAD_CAST "full-path", BAD_CAST "EPUB/package.opf"));
    W(xmlTextWriterWriteAttribute(x.w, BAD_CAST "media-type",
                                  BAD_CAST "application/oebps-package+xml"));
cleanup:
    return xml_finish(&x, out, rc, err);
}

/* --- the package document ------------------------------------------------- */

/* <meta name=... content=...>: the EPUB 2 cover pointer and the NCX head. */
static int meta_name(xmlTextWriterPtr w, const char *name, const char *content)
{
    if (xmlTextWriterStartElement(w, BAD_CAST "meta") < 0 ||
        xmlTextWriterWriteAttribute(w, BAD_CAST "name", BAD_CAST name) < 0 ||
        xmlTextWriterWriteAttribute(w, BAD_CAST "content", BAD_CAST content) < 0)
        return -1;
    return xmlTextWriterEndElement(w);
}

static int meta_property(xmlTextWriterPtr w, const char *property, const char *value)
{
    if (xmlTextWriterStartElement(w, BAD_CAST "meta") < 0 ||
        xmlTextWriterWriteAttribute(w, BAD_CAST "property", BAD_CAST property) < 0 ||
        xmlTextWriterWriteString(w, BAD_CAST value) < 0 || xmlTextWriterEndElement(w) < 0)
        return -1;
    return 0;
}

/* A value that differs between the articles of a digest is left out. */
const char *ac_epub_common_meta(const ac_epub_book *book, artconv_meta field)
{
    const char *value = artconv_article_get(book->articles[0], field);
    size_t i;

    for (i = 1; i < book->n_articles && value != NULL; i++) {
        const char *other = artconv_article_get(book->articles[i], field);

        if (other == NULL || strcmp(other, value) != 0)
            return NULL;
    }
    return value;
}

/* dc:creator for each author (of every article, once each). */
/* dc:contributor for each named contributor of a single article (a book of
 * several has no one list of them). */
static int write_contributors(xmlTextWriterPtr w, const ac_epub_book *book)
{
    const artconv_article *a = book->n_articles == 1 ? book->articles[0] : NULL;
    size_t i, n = a != NULL ? artconv_article_concept_count(a, ARTCONV_CONCEPT_CONTRIBUTORS) : 0;
    artconv_concept person;
    int rc = 0;

    for (i = 0; i < n && rc == 0; i++) {
        if (artconv_article_concept_get(&person, a, ARTCONV_CONCEPT_CONTRIBUTORS, i) < 0 ||
            person.name == NULL || person.name[0] == '\0')
            continue;
        if (xmlTextWriterStartElementNS(w, BAD_CAST "dc", BAD_CAST "contributor", NULL) < 0 ||
            xmlTextWriterWriteString(w, BAD_CAST person.name) < 0 ||
            xmlTextWriterEndElement(w) < 0)
            rc = -1;
    }
    return rc;
}

static int write_creators(xmlTextWriterPtr w, const ac_epub_book *book)
{
    size_t a, i, j, k, count = 0;
    char id[32];

    for (a = 0; a < book->n_articles; a++) {
        const artconv_article *art = book->articles[a];

        for (i = 0; i < artconv_article_list_count(art, ARTCONV_LIST_AUTHORS); i++) {
            const char *name = artconv_article_list_get(art, ARTCONV_LIST_AUTHORS, i);
            int seen = 0;

            for (j = 0; j < a && !seen; j++)
                for (k = 0; k < artconv_article_list_count(book->articles[j], ARTCONV_LIST_AUTHORS);
                     k++)
                    if (strcmp(artconv_article_list_get(book->articles[j], ARTCONV_LIST_AUTHORS, k),
                               name) == 0)
                        seen = 1;
            if (seen)
                continue;
            snprintf(id, sizeof id, "creator-%zu", ++count);
            if (xmlTextWriterStartElementNS(w, BAD_CAST "dc", BAD_CAST "creator", NULL) < 0 ||
                xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST id) < 0 ||
                xmlTextWriterWriteString(w, BAD_CAST name) < 0 || xmlTextWriterEndElement(w) < 0)
                return -1;
            snprintf(id, sizeof id, "#creator-%zu", count);
            if (xmlTextWriterStartElement(w, BAD_CAST "meta") < 0 ||
                xmlTextWriterWriteAttribute(w, BAD_CAST "refines", BAD_CAST id) < 0 ||
                xmlTextWriterWriteAttribute(w, BAD_CAST "property", BAD_CAST "role") < 0 ||
                xmlTextWriterWriteAttribute(w, BAD_CAST "scheme", BAD_CAST "marc:relators") < 0 ||
                xmlTextWriterWriteString(w, BAD_CAST "aut") < 0 || xmlTextWriterEndElement(w) < 0)
                return -1;
        }
    }
    return 0;
}

static int dc(xmlTextWriterPtr w, const char *name, const char *value)
{
    if (value == NULL)
        return 0;
    return xmlTextWriterWriteElementNS(w, BAD_CAST "dc", BAD_CAST name, NULL, BAD_CAST value);
}

static int write_accessibility(xmlTextWriterPtr w, const ac_epub_book *book)
{
    size_t images = book->n_images - (book->cover >= 0 ? 1 : 0);

    if (meta_property(w, "schema:accessMode", "textual") < 0 ||
        (images > 0 && meta_property(w, "schema:accessMode", "visual") < 0) ||
        meta_property(w, "schema:accessModeSufficient", "textual") < 0 ||
        meta_property(w, "schema:accessibilityFeature", "structuralNavigation") < 0 ||
        meta_property(w, "schema:accessibilityFeature", "tableOfContents") < 0 ||
        meta_property(w, "schema:accessibilityFeature", "readingOrder") < 0 ||
        (images > 0 && book->images_without_alt == 0 &&
         meta_property(w, "schema:accessibilityFeature", "alternativeText") < 0) ||
        meta_property(w, "schema:accessibilityHazard", "none") < 0)
        return -1;
    return meta_property(
        w, "schema:accessibilitySummary",
        images == 0 ? "Text only, in reading order, with headings and a table of contents."
        : book->images_without_alt == 0
            ? "Text in reading order, with headings and a table of contents; every image has "
              "a text alternative."
            : "Text in reading order, with headings and a table of contents; some images lack "
              "a text alternative in the source.");
}

static int write_metadata(xmlTextWriterPtr w, const ac_epub_book *book)
{
    const artconv_article *first = book->articles[0];
    const char *description = ac_epub_common_meta(book, ARTCONV_META_DESCRIPTION);
    artconv_buf date = ARTCONV_BUF_INIT;
    const char *value;
    char modified[32];
    size_t a, i;
    int rc = ARTCONV_OK;

    if (book->n_articles == 1 && description == NULL)
        description = artconv_article_get(first, ARTCONV_META_SUBTITLE);
    W(xmlTextWriterStartElement(w, BAD_CAST "metadata"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:dc", BAD_CAST DC_NS));
    W(xmlTextWriterStartElementNS(w, BAD_CAST "dc", BAD_CAST "identifier", NULL));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST "pub-id"));
    W(xmlTextWriterWriteString(w, BAD_CAST book->identifier));
    W(xmlTextWriterEndElement(w));
    W(dc(w, "title", book->title));
    W(write_creators(w, book));
    W(write_contributors(w, book));
    W(dc(w, "language", book->language));
    value = book->n_articles == 1 ? artconv_article_get(first, ARTCONV_META_DATE) : NULL;
    if (value != NULL && ac_date_normalize(&date, value, strlen(value)) == ARTCONV_OK)
        W(dc(w, "date", date.ptr));
    W(dc(w, "publisher", ac_epub_common_meta(book, ARTCONV_META_PUBLISHER)));
    W(dc(w, "description", description));
    for (a = 0; a < book->n_articles; a++)
        for (i = 0; i < artconv_article_list_count(book->articles[a], ARTCONV_LIST_KEYWORDS); i++)
            W(dc(w, "subject",
                 artconv_article_list_get(book->articles[a], ARTCONV_LIST_KEYWORDS, i)));
    W(dc(w, "rights", ac_epub_common_meta(book, ARTCONV_META_RIGHTS)));
    /* Reading systems may offer dc:source as a link: never a javascript:
     * or data: one from an untrusted article. */
    if (book->n_articles == 1 &&
        ac_xhtml_url_is_safe(artconv_article_get(first, ARTCONV_META_SOURCE), 0))
        W(dc(w, "source", artconv_article_get(first, ARTCONV_META_SOURCE)));
    ac_epub_format_time(modified, book->modified);
    W(meta_property(w, "dcterms:modified", modified));
    W(write_accessibility(w, book));
    if (book->cover >= 0) {
        /* EPUB 2 reading systems find the cover through this. */
        W(meta_name(w, "cover", book->images[book->cover].id));
    }
    /* So that reading the book back does not take them for real values. */
    if (book->placeholders[0] != '\0')
        W(meta_name(w, "artconv:placeholders", book->placeholders));
    W(xmlTextWriterEndElement(w));
cleanup:
    artconv_buf_dispose(&date);
    return rc;
}

static int item(xmlTextWriterPtr w, const char *id, const char *href, const char *media_type,
                const char *properties)
{
    if (xmlTextWriterStartElement(w, BAD_CAST "item") < 0 ||
        xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST id) < 0 ||
        xmlTextWriterWriteAttribute(w, BAD_CAST "href", BAD_CAST href) < 0 ||
        xmlTextWriterWriteAttribute(w, BAD_CAST "media-type", BAD_CAST media_type) < 0 ||
        (properties != NULL &&
         xmlTextWriterWriteAttribute(w, BAD_CAST "properties", BAD_CAST properties) < 0))
        return -1;
    return xmlTextWriterEndElement(w);
}

static int itemref(xmlTextWriterPtr w, const char *idref, int linear)
{
    if (xmlTextWriterStartElement(w, BAD_CAST "itemref") < 0 ||
        xmlTextWriterWriteAttribute(w, BAD_CAST "idref", BAD_CAST idref) < 0 ||
        (!linear && xmlTextWriterWriteAttribute(w, BAD_CAST "linear", BAD_CAST "no") < 0))
        return -1;
    return xmlTextWriterEndElement(w);
}

int ac_epub_opf(artconv_buf *out, const ac_epub_book *book, artconv_error *err)
{
    xml_out x = {NULL, NULL};
    size_t i;
    int rc = ARTCONV_OK;

    W(xml_open(&x));
    W(xmlTextWriterStartElement(x.w, BAD_CAST "package"));
    W(xmlTextWriterWriteAttribute(x.w, BAD_CAST "xmlns", BAD_CAST OPF_NS));
    W(xmlTextWriterWriteAttribute(x.w, BAD_CAST "version", BAD_CAST "3.0"));
    W(xmlTextWriterWriteAttribute(x.w, BAD_CAST "unique-identifier", BAD_CAST "pub-id"));
    W(xmlTextWriterWriteAttribute(x.w, BAD_CAST "xml:lang", BAD_CAST book->language));
    if (book->rtl)
        W(xmlTextWriterWriteAttribute(x.w, BAD_CAST "dir", BAD_CAST "rtl"));
    W(write_metadata(x.w, book));

    W(xmlTextWriterStartElement(x.w, BAD_CAST "manifest"));
    W(item(x.w, "nav", "nav.xhtml", "application/xhtml+xml", "nav"));
    W(item(x.w, "ncx", "toc.ncx", "application/x-dtbncx+xml", NULL));
    for (i = 0; i < book->n_texts; i++)
        W(item(x.w, book->texts[i].id, book->texts[i].href, book->texts[i].media_type,
               book->texts[i].properties));
    W(item(x.w, "style", "style.css", "text/css", NULL));
    for (i = 0; i < book->n_images; i++)
        W(item(x.w, book->images[i].id, book->images[i].href, book->images[i].media_type,
               book->images[i].properties));
    W(xmlTextWriterEndElement(x.w));

    W(xmlTextWriterStartElement(x.w, BAD_CAST "spine"));
    W(xmlTextWriterWriteAttribute(x.w, BAD_CAST "toc", BAD_CAST "ncx"));
    if (book->rtl)
        W(xmlTextWriterWriteAttribute(x.w, BAD_CAST "page-progression-direction", BAD_CAST "rtl"));
    for (i = 0; i < book->n_texts; i++) {
        /* A digest shows its table of contents after the cover; a single
         * article keeps it out of the reading order, but in the spine so
         * the landmarks may point at it. */
        if (i == (size_t)(book->has_cover_page + book->has_title_page))
            W(itemref(x.w, "nav", book->n_articles > 1));
        W(itemref(x.w, book->texts[i].id, 1));
    }
    W(xmlTextWriterEndElement(x.w));

    if (book->has_cover_page) {
        /* EPUB 2's guide, for reading systems that predate landmarks. */
        W(xmlTextWriterStartElement(x.w, BAD_CAST "guide"));
        W(xmlTextWriterStartElement(x.w, BAD_CAST "reference"));
        W(xmlTextWriterWriteAttribute(x.w, BAD_CAST "type", BAD_CAST "cover"));
        W(xmlTextWriterWriteAttribute(x.w, BAD_CAST "title", BAD_CAST "Cover"));
        W(xmlTextWriterWriteAttribute(x.w, BAD_CAST "href", BAD_CAST book->texts[0].href));
        W(xmlTextWriterEndElement(x.w));
        W(xmlTextWriterEndElement(x.w));
    }
cleanup:
    return xml_finish(&x, out, rc, err);
}

/* --- NCX ------------------------------------------------------------------ */

int ac_epub_ncx(artconv_buf *out, const ac_epub_book *book, artconv_error *err)
{
    xml_out x = {NULL, NULL};
    char number[32];
    int rc = ARTCONV_OK, open = 0, depth = 1;
    size_t i;

    for (i = 0; i < book->n_toc; i++)
        if (book->toc[i].depth + 1 > depth)
            depth = book->toc[i].depth + 1;
    W(xml_open(&x));
    W(xmlTextWriterStartElement(x.w, BAD_CAST "ncx"));
    W(xmlTextWriterWriteAttribute(x.w, BAD_CAST "xmlns", BAD_CAST NCX_NS));
    W(xmlTextWriterWriteAttribute(x.w, BAD_CAST "version", BAD_CAST "2005-1"));
    W(xmlTextWriterWriteAttribute(x.w, BAD_CAST "xml:lang", BAD_CAST book->language));
    W(xmlTextWriterStartElement(x.w, BAD_CAST "head"));
    W(meta_name(x.w, "dtb:uid", book->identifier));
    snprintf(number, sizeof number, "%d", depth);
    W(meta_name(x.w, "dtb:depth", number));
    W(meta_name(x.w, "dtb:totalPageCount", "0"));
    W(meta_name(x.w, "dtb:maxPageNumber", "0"));
    W(xmlTextWriterEndElement(x.w));
    W(xmlTextWriterStartElement(x.w, BAD_CAST "docTitle"));
    W(text_element(x.w, "text", book->title));
    W(xmlTextWriterEndElement(x.w));
    W(xmlTextWriterStartElement(x.w, BAD_CAST "navMap"));
    /* Entries are flat with depths that grow by at most one; each navPoint
     * stays open until an entry at its depth or above comes. */
    for (i = 0; i < book->n_toc; i++) {
        for (; open > book->toc[i].depth; open--)
            W(xmlTextWriterEndElement(x.w));
        W(xmlTextWriterStartElement(x.w, BAD_CAST "navPoint"));
        snprintf(number, sizeof number, "np-%zu", i + 1);
        W(xmlTextWriterWriteAttribute(x.w, BAD_CAST "id", BAD_CAST number));
        snprintf(number, sizeof number, "%zu", i + 1);
        W(xmlTextWriterWriteAttribute(x.w, BAD_CAST "playOrder", BAD_CAST number));
        W(xmlTextWriterStartElement(x.w, BAD_CAST "navLabel"));
        W(text_element(x.w, "text", book->toc[i].label));
        W(xmlTextWriterEndElement(x.w));
        W(xmlTextWriterStartElement(x.w, BAD_CAST "content"));
        W(xmlTextWriterWriteAttribute(x.w, BAD_CAST "src", BAD_CAST book->toc[i].href));
        W(xmlTextWriterEndElement(x.w));
        open++;
    }
cleanup:
    return xml_finish(&x, out, rc, err);
}

/* --- XHTML documents ------------------------------------------------------- */

int ac_epub_page(xmlNodePtr *root, xmlNodePtr *body, xmlDocPtr doc, const char *title,
                 const char *language, int rtl, const char *css_href, xmlNsPtr *ns,
                 artconv_error *err)
{
    ac_xhtml_options o = {NULL};
    xmlNodePtr head, link;
    int rc = ARTCONV_OK;

    AC_NEED(*root = xmlNewDocNode(doc, NULL, BAD_CAST "html", NULL));
    AC_NEED(o.ns = xmlNewNs(*root, BAD_CAST AC_XHTML_NS, NULL));
    xmlSetNs(*root, o.ns);
    AC_NEED(xmlNewNs(*root, BAD_CAST OPS_NS, BAD_CAST "epub"));
    AC_CHECK(ac_xhtml_set_attr(*root, "lang", language));
    AC_CHECK(ac_xhtml_set_attr(*root, "xml:lang", language));
    if (rtl)
        AC_CHECK(ac_xhtml_set_attr(*root, "dir", "rtl"));
    AC_NEED(head = ac_xhtml_add(*root, &o, "head"));
    AC_NEED(ac_xhtml_add_text_element(head, &o, "title", NULL, title));
    AC_NEED(link = ac_xhtml_add(head, &o, "link"));
    AC_CHECK(ac_xhtml_set_attr(link, "rel", "stylesheet"));
    AC_CHECK(ac_xhtml_set_attr(link, "type", "text/css"));
    AC_CHECK(ac_xhtml_set_attr(link, "href", css_href));
    AC_NEED(*body = ac_xhtml_add(*root, &o, "body"));
    *ns = o.ns;
cleanup:
    return rc < 0 ? ac_nomem(err) : rc;
}

int ac_epub_save_page(artconv_buf *out, xmlNodePtr root, artconv_error *err)
{
    int rc;

    if (artconv_buf_puts(out, XML_DECL "<!DOCTYPE html>\n") < 0)
        return ac_nomem(err);
    if ((rc = ac_xhtml_indent(root, 0, err)) < 0 || (rc = ac_xhtml_save(out, root, err)) < 0)
        return rc;
    return artconv_buf_putc(out, '\n') < 0 ? ac_nomem(err) : ARTCONV_OK;
}

int ac_epub_set_type(xmlNodePtr el, const char *type)
{
    xmlNsPtr ns = xmlSearchNsByHref(el->doc, el, BAD_CAST OPS_NS);

    return ns != NULL && xmlSetNsProp(el, ns, BAD_CAST "type", BAD_CAST type) != NULL
               ? ARTCONV_OK
               : ARTCONV_ENOMEM;
}

static int landmark(xmlNodePtr ol, const ac_xhtml_options *o, const char *type, const char *href,
                    const char *label)
{
    xmlNodePtr li = ac_xhtml_add(ol, o, "li"), a;

    if (li == NULL || (a = ac_xhtml_add_text_element(li, o, "a", NULL, label)) == NULL ||
        ac_epub_set_type(a, type) < 0 || ac_xhtml_set_attr(a, "href", href) < 0)
        return ARTCONV_ENOMEM;
    return ARTCONV_OK;
}

#define NAV_MAX_DEPTH 8

int ac_epub_nav(artconv_buf *out, const ac_epub_book *book, artconv_error *err)
{
    xmlDocPtr doc = ac_xhtml_doc_new();
    xmlNodePtr root = NULL, body, nav, ol, a;
    xmlNodePtr lists[NAV_MAX_DEPTH], items[NAV_MAX_DEPTH];
    ac_xhtml_options o = {NULL};
    int rc = ARTCONV_OK, level = 0;
    size_t i;

    if (doc == NULL)
        return ac_nomem(err);
    AC_CHECK(ac_epub_page(&root, &body, doc, "Contents", book->language, book->rtl, "style.css",
                          &o.ns, err));
    AC_NEED(nav = ac_xhtml_add(body, &o, "nav"));
    AC_CHECK(ac_epub_set_type(nav, "toc"));
    AC_CHECK(ac_xhtml_set_attr(nav, "id", "toc"));
    AC_NEED(ac_xhtml_add_text_element(nav, &o, "h1", NULL, "Contents"));
    AC_NEED(lists[0] = ac_xhtml_add(nav, &o, "ol"));
    items[0] = NULL;
    for (i = 0; i < book->n_toc; i++) {
        int depth = book->toc[i].depth;

        if (depth >= NAV_MAX_DEPTH)
            depth = NAV_MAX_DEPTH - 1;
        if (depth > level && items[level] != NULL) {
            AC_NEED(lists[level + 1] = ac_xhtml_add(items[level], &o, "ol"));
            level++;
        }
        if (depth < level)
            level = depth;
        AC_NEED(items[level] = ac_xhtml_add(lists[level], &o, "li"));
        AC_NEED(a = ac_xhtml_add_text_element(items[level], &o, "a", NULL, book->toc[i].label));
        AC_CHECK(ac_xhtml_set_attr(a, "href", book->toc[i].href));
        if (level + 1 < NAV_MAX_DEPTH)
            items[level + 1] = NULL;
    }

    AC_NEED(nav = ac_xhtml_add(body, &o, "nav"));
    AC_CHECK(ac_epub_set_type(nav, "landmarks"));
    AC_CHECK(ac_xhtml_set_attr(nav, "id", "landmarks"));
    AC_CHECK(ac_xhtml_set_attr(nav, "hidden", "hidden"));
    AC_NEED(ac_xhtml_add_text_element(nav, &o, "h2", NULL, "Landmarks"));
    AC_NEED(ol = ac_xhtml_add(nav, &o, "ol"));
    if (book->has_cover_page)
        AC_CHECK(landmark(ol, &o, "cover", book->texts[0].href, "Cover"));
    if (book->has_title_page)
        AC_CHECK(landmark(ol, &o, "titlepage", book->texts[book->has_cover_page].href,
                          "Title page"));
    AC_CHECK(landmark(ol, &o, "toc", "nav.xhtml#toc", "Contents"));
    AC_CHECK(landmark(ol, &o, "bodymatter",
                      book->texts[book->has_cover_page + book->has_title_page].href,
                      "Start of content"));
    AC_CHECK(ac_epub_save_page(out, root, err));
cleanup:
    xmlFreeNode(root);
    xmlFreeDoc(doc);
    return rc == ARTCONV_ENOMEM ? ac_nomem(err) : rc;
}
