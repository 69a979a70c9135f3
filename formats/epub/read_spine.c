/*
 * read_spine.c - the EPUB reader's contents: the manifest (entry names
 * resolved and checked), then the spine's XHTML documents in order into the
 * body, with cover, title and navigation pages skipped and an artconv
 * title block read back into the metadata.
 */
#include "epub_reader.h"
#include "xhtml_in.h"
#include "xml.h"

#include <stdlib.h>
#include <string.h>

static char *dup_prop(const xmlNode *el, const char *name)
{
    xmlChar *v = xmlGetProp(el, BAD_CAST name);
    char *copy;

    if (v == NULL)
        return NULL;
    copy = ac_strndup((const char *)v, strlen((const char *)v));
    xmlFree(v);
    return copy;
}

int ac_epub_read_manifest(ac_epub_reader *r, const xmlNode *manifest, const char *opf_path)
{
    xmlNodePtr el;

    for (el = manifest != NULL ? manifest->children : NULL; el != NULL; el = el->next) {
        ac_epub_manifest_item *item;
        xmlChar *href;
        void *items = r->items;
        int nomem = 0;

        if (!ac_epub_is_el(el, "item"))
            continue;
        if (r->n_items >= AC_EPUB_MAX_ENTRIES)
            return ac_error(r->err, ARTCONV_ELIMIT, "the manifest has too many items");
        if (ac_epub_reserve(&items, &r->cap_items, r->n_items, sizeof *r->items) < 0)
            return ac_nomem(r->err);
        r->items = items;
        item = &r->items[r->n_items];
        memset(item, 0, sizeof *item);
        href = xmlGetProp(el, BAD_CAST "href");
        if (href == NULL)
            continue;
        nomem = ac_epub_resolve(&item->path, opf_path, (const char *)href) == ARTCONV_ENOMEM;
        if (item->path == NULL && !nomem) {
            int rc = ac_error(r->err, ARTCONV_EPARSE,
                              "manifest item '%.100s' points outside the book", (const char *)href);

            xmlFree(href);
            return rc;
        }
        xmlFree(href);
        item->id = dup_prop(el, "id");
        item->media_type = dup_prop(el, "media-type");
        item->properties = dup_prop(el, "properties");
        r->n_items++;
        if (nomem || item->id == NULL)
            return nomem ? ac_nomem(r->err) : ac_epub_parse_error(r, "a manifest item has no id");
    }
    return ARTCONV_OK;
}

static ac_epub_manifest_item *find_item(const ac_epub_reader *r, const char *id)
{
    size_t i;

    for (i = 0; i < r->n_items; i++)
        if (strcmp(r->items[i].id, id) == 0)
            return &r->items[i];
    return NULL;
}

/* 1 if the element's epub:type or class holds `word`. */
static int is_marked(const xmlNode *el, const char *word)
{
    xmlAttrPtr attr;
    int found = 0;

    for (attr = el->properties; attr != NULL && !found; attr = attr->next) {
        xmlChar *v;

        if (!xmlStrEqual(attr->name, BAD_CAST "type") && !xmlStrEqual(attr->name, BAD_CAST "class"))
            continue;
        v = xmlNodeGetContent((xmlNodePtr)attr);
        found = v != NULL && ac_epub_has_word((const char *)v, word);
        xmlFree(v);
    }
    return found;
}

/* 1 if `text` is one of the values the package's metadata gave. */
static int is_metadata_value(const ac_epub_reader *r, const char *text)
{
    static const artconv_meta fields[] = {ARTCONV_META_TITLE,     ARTCONV_META_SUBTITLE,
                                          ARTCONV_META_PUBLISHER, ARTCONV_META_DATE,
                                          ARTCONV_META_RIGHTS,    ARTCONV_META_DESCRIPTION};
    size_t i, n = artconv_article_list_count(r->article, ARTCONV_LIST_AUTHORS);

    for (i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        const char *v = artconv_article_get(r->article, fields[i]);

        if (v != NULL && strcmp(v, text) == 0)
            return 1;
    }
    for (i = 0; i < n; i++)
        if (strcmp(artconv_article_list_get(r->article, ARTCONV_LIST_AUTHORS, i), text) == 0)
            return 1;
    return 0;
}

/* 1 if the element is a line of one <time> whose datetime is the
 * article's date: the title page shows the date for people, and keeps the
 * package's value in the attribute. */
static int is_date_line(const ac_epub_reader *r, const xmlNode *el)
{
    const char *date = artconv_article_get(r->article, ARTCONV_META_DATE);
    artconv_buf a = ARTCONV_BUF_INIT, b = ARTCONV_BUF_INIT;
    const xmlNode *t;
    int same = 0;

    for (t = el->children; date != NULL && t != NULL && !same; t = t->next) {
        xmlChar *v = ac_epub_is_el(t, "time") ? xmlGetProp(t, BAD_CAST "datetime") : NULL;

        artconv_buf_clear(&a);
        artconv_buf_clear(&b);
        same = v != NULL &&
               ac_date_normalize(&a, (const char *)v, strlen((const char *)v)) == ARTCONV_OK &&
               ac_date_normalize(&b, date, strlen(date)) == ARTCONV_OK && strcmp(a.ptr, b.ptr) == 0;
        xmlFree(v);
    }
    artconv_buf_dispose(&a);
    artconv_buf_dispose(&b);
    return same;
}

/* A title page (epub:type or class "titlepage": pandoc's, calibre's) is
 * read like any chapter, but its blocks that only repeat the metadata
 * (the title, an author, the publisher, the date, the rights) are
 * dropped: they are in the metadata already, as a first heading that
 * repeats the title is.  Other text on it stays. */
static int drop_title_page_repeats(const ac_epub_reader *r, xmlNodePtr body)
{
    xmlNodePtr page, child, next;
    artconv_buf text = ARTCONV_BUF_INIT;
    int rc = ARTCONV_OK;

    for (page = body; page != NULL && rc == ARTCONV_OK;
         page = page == body ? body->children : page->next) {
        if (page->type != XML_ELEMENT_NODE || !is_marked(page, "titlepage"))
            continue;
        for (child = page->children; child != NULL && rc == ARTCONV_OK; child = next) {
            xmlChar *content;

            next = child->next;
            if (child->type != XML_ELEMENT_NODE)
                continue;
            content = xmlNodeGetContent(child);
            artconv_buf_clear(&text);
            rc = content != NULL ? ac_text_collapse(&text, (const char *)content) : ARTCONV_OK;
            xmlFree(content);
            if (rc == ARTCONV_OK && text.ptr != NULL &&
                (is_metadata_value(r, text.ptr) || is_date_line(r, child))) {
                xmlUnlinkNode(child);
                xmlFreeNode(child);
            }
        }
    }
    artconv_buf_dispose(&text);
    return rc < 0 ? ac_nomem(r->err) : ARTCONV_OK;
}

/* 1 if the body holds no text at all (a cover page: just an image). */
static int has_text(const xmlNode *body)
{
    xmlNodePtr node;

    for (node = (xmlNodePtr)body; node != NULL; node = ac_xml_next(node, body, 0)) {
        if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
            const xmlChar *p;

            for (p = node->content; p != NULL && *p != '\0'; p++)
                if (!ac_is_space(*p))
                    return 1;
        }
    }
    return 0;
}

/* 1 if the body shows an image other than the book's cover: a page that
 * is only a picture (a plate, a map) is content, a cover page is not. */
static int shows_other_image(const ac_epub_reader *r, const xmlNode *body)
{
    const char *cover = artconv_article_get(r->article, ARTCONV_META_IMAGE);
    xmlNodePtr node;
    int other = 0;

    for (node = (xmlNodePtr)body; node != NULL && !other; node = ac_xml_next(node, body, 0)) {
        xmlChar *src = ac_epub_is_el(node, "img") ? xmlGetProp(node, BAD_CAST "src") : NULL;

        other = src != NULL && (cover == NULL || strcmp((const char *)src, cover) != 0);
        xmlFree(src);
    }
    return other;
}

static int has_class(const xmlNode *el, const char *cls)
{
    xmlChar *v = xmlGetProp(el, BAD_CAST "class");
    int found = v != NULL && ac_epub_has_word((const char *)v, cls);

    xmlFree(v);
    return found;
}

/* artconv's title block and footer (see ac_xhtml_header): back into the
 * metadata the package document does not carry. */
static int read_title_block(ac_epub_reader *r, const xmlNode *header, const xmlNode *footer)
{
    xmlNodePtr el;
    int rc = ARTCONV_OK;

    for (el = header != NULL ? header->children : NULL; el != NULL && rc == 0; el = el->next) {
        if (ac_epub_is_el(el, "p") && has_class(el, "standfirst"))
            rc = ac_epub_set_from(r, ARTCONV_META_SUBTITLE, el);
        else if (ac_epub_is_el(el, "p") && has_class(el, "dateline"))
            rc = ac_epub_set_from(r, ARTCONV_META_DATELINE, el);
    }
    for (el = footer != NULL ? footer->children : NULL; el != NULL && rc == 0; el = el->next)
        if (ac_epub_is_el(el, "p") && has_class(el, "credit"))
            rc = ac_epub_set_from(r, ARTCONV_META_CREDIT, el);
    return rc;
}

/* Appends the XHTML document's content to the body. */
static int read_document(ac_epub_reader *r, const ac_epub_manifest_item *item)
{
    xmlDocPtr doc = NULL;
    xmlNodePtr body, root, container, child, header = NULL, footer = NULL;
    int rc;

    AC_CHECK(ac_epub_parse_xml(r, item->path, 1, &doc));
    root = xmlDocGetRootElement(doc);
    body = ac_epub_child_named(root, "body");
    if (body != NULL)
        AC_CHECK(drop_title_page_repeats(r, body));
    if (body != NULL)
        AC_CHECK(ac_epub_read_media(r, item->path, body));
    if (body == NULL || (!has_text(body) && !shows_other_image(r, body)))
        goto cleanup;
    /* artconv wraps an article in <section class="article">. */
    container = body;
    for (child = body->children; child != NULL; child = child->next) {
        if (child->type != XML_ELEMENT_NODE)
            continue;
        if (ac_epub_is_el(child, "section") && has_class(child, "article"))
            container = child;
    }
    if (container != body) {
        header = ac_epub_child_named(container, "header");
        footer = ac_epub_child_named(container, "footer");
        if (header != NULL && ++r->headers == 1) {
            AC_CHECK(read_title_block(r, header, footer));
            xmlUnlinkNode(header);
            xmlFreeNode(header);
            if (footer != NULL) {
                xmlUnlinkNode(footer);
                xmlFreeNode(footer);
            }
        }
    }
    /* The parsed tree goes to the HTML builder as it is: no second parse. */
    rc = ac_xhtml_in_to_model(artconv_article_body(r->article), container, r->err);
cleanup:
    xmlFreeDoc(doc);
    return rc;
}

/* Notes a spine document that is not read, for the one warning that
 * names them. */
static int left_out(ac_epub_reader *r, const ac_epub_manifest_item *item, const char *why)
{
    if (r->n_left_out++ >= AC_EPUB_NAMED_LEFT_OUT)
        return ARTCONV_OK;
    if ((r->left_out.len > 0 && artconv_buf_puts(&r->left_out, ", ") < 0) ||
        artconv_buf_puts(&r->left_out, item->path) < 0 ||
        artconv_buf_puts(&r->left_out, " (") < 0 || artconv_buf_puts(&r->left_out, why) < 0 ||
        artconv_buf_putc(&r->left_out, ')') < 0)
        return ac_nomem(r->err);
    return ARTCONV_OK;
}

static int is_xhtml(const ac_epub_manifest_item *item)
{
    return item->media_type != NULL && (strcmp(item->media_type, "application/xhtml+xml") == 0 ||
                                        strcmp(item->media_type, "text/html") == 0);
}

/* A spine may list an item any number of times (4,728 bytes listing one
 * 48 KB chapter 10,000 times made an 8 GB model): each is read once, at
 * its first place, and the repeats are counted in one warning.  Only the
 * navigation document the manifest marks (properties="nav": the table of
 * contents and landmarks) and items out of the reading order
 * (linear="no") are left out, and named in one warning: a chapter is
 * never judged by its class or epub:type (the EPUB 3.0 specification
 * marks most of its chapters so, and lost 94% of its text). */
int ac_epub_read_spine(ac_epub_reader *r, const xmlNode *spine)
{
    xmlNodePtr el;
    size_t repeats = 0;
    int rc = ARTCONV_OK;

    for (el = spine != NULL ? spine->children : NULL; el != NULL && rc == 0; el = el->next) {
        xmlChar *idref, *linear;
        ac_epub_manifest_item *item;

        if (!ac_epub_is_el(el, "itemref"))
            continue;
        idref = xmlGetProp(el, BAD_CAST "idref");
        linear = xmlGetProp(el, BAD_CAST "linear");
        item = idref != NULL ? find_item(r, (const char *)idref) : NULL;
        if (item != NULL && item->reads++ > 0)
            repeats++;
        else if (item == NULL || item->path == NULL || !is_xhtml(item))
            ; /* nothing to read: an image or an unknown id */
        else if (item->properties != NULL && ac_epub_has_word(item->properties, "nav"))
            rc = left_out(r, item, "the navigation document");
        else if (linear != NULL && xmlStrEqual(linear, BAD_CAST "no"))
            rc = left_out(r, item, "linear=\"no\": out of the reading order");
        else
            rc = read_document(r, item);
        xmlFree(idref);
        xmlFree(linear);
    }
    if (rc == 0 && repeats > 0)
        ac_warn_read(r->opts, ARTCONV_EPARSE, 0,
                     "the spine lists documents again %zu times; each is read once", repeats);
    if (rc == 0 && r->n_left_out > 0)
        ac_warn_read(r->opts, ARTCONV_EUNSUPPORTED, 0, "left out of the text: %s%s",
                     r->left_out.ptr, r->n_left_out > AC_EPUB_NAMED_LEFT_OUT ? " and more" : "");
    return rc;
}
