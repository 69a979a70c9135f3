/*
 * read_spine.c - the EPUB reader's contents: the manifest (entry names
 * resolved and checked), then the spine's XHTML documents in order into the
 * body, with cover, title and navigation pages skipped and an artconv
 * title block read back into the metadata.
 */
#include "epub_reader.h"
#include "xhtml_in.h"
#include "xml.h"

#include <libxml/uri.h>
#include <stdlib.h>
#include <string.h>

/* The entry name of `href` (a URL relative to the package document at
 * `base`), without its fragment, percent-decoded.  NULL if unsafe; sets
 * *nomem when memory ran out. */
static char *resolve(const char *base, const char *href, int *nomem)
{
    xmlChar *joined;
    char *decoded = NULL;
    size_t n;

    *nomem = 0;
    joined = xmlBuildURI(BAD_CAST href, BAD_CAST base);
    if (joined == NULL)
        return NULL;
    n = strcspn((const char *)joined, "#");
    if (n < INT_MAX)
        decoded = xmlURIUnescapeString((const char *)joined, (int)n, NULL);
    xmlFree(joined);
    if (decoded == NULL) {
        *nomem = 1;
        return NULL;
    }
    if (strlen(decoded) == 0 || !ac_epub_name_is_safe(decoded)) {
        xmlFree(decoded);
        return NULL;
    }
    return decoded;
}

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
        item->path = resolve(opf_path, (const char *)href, &nomem);
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

static int has_word(const char *list, const char *word)
{
    size_t n = strlen(word);
    const char *p = list;

    while (list != NULL && (p = strstr(p, word)) != NULL) {
        if ((p == list || ac_is_space((unsigned char)p[-1])) &&
            (p[n] == '\0' || ac_is_space((unsigned char)p[n])))
            return 1;
        p += n;
    }
    return 0;
}

/* 1 if the element's epub:type (or class) marks a page that is not the
 * text: a cover, a title page, a table of contents. */
static int is_front_matter(const xmlNode *el)
{
    static const char *const kinds[] = {"cover", "titlepage", "toc", "landmarks", "halftitlepage"};
    xmlAttrPtr attr;
    size_t i;
    int found = 0;

    for (attr = el->properties; attr != NULL && !found; attr = attr->next) {
        xmlChar *v;

        if (!xmlStrEqual(attr->name, BAD_CAST "type") && !xmlStrEqual(attr->name, BAD_CAST "class"))
            continue;
        v = xmlNodeGetContent((xmlNodePtr)attr);
        for (i = 0; v != NULL && i < sizeof kinds / sizeof kinds[0]; i++)
            if (has_word((const char *)v, kinds[i]))
                found = 1;
        xmlFree(v);
    }
    return found;
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

static int has_class(const xmlNode *el, const char *cls)
{
    xmlChar *v = xmlGetProp(el, BAD_CAST "class");
    int found = v != NULL && has_word((const char *)v, cls);

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
    if (body == NULL || is_front_matter(body) || !has_text(body))
        goto cleanup;
    /* artconv wraps an article in <section class="article">. */
    container = body;
    for (child = body->children; child != NULL; child = child->next) {
        if (child->type != XML_ELEMENT_NODE)
            continue;
        if (is_front_matter(child))
            goto cleanup;
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

/* A spine may list an item any number of times (4,728 bytes listing one
 * 48 KB chapter 10,000 times made an 8 GB model): each is read once, at
 * its first place, and the repeats are counted in one warning. */
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
        else if (item != NULL && item->path != NULL &&
                 (linear == NULL || !xmlStrEqual(linear, BAD_CAST "no")) &&
                 (item->properties == NULL || !has_word(item->properties, "nav")) &&
                 item->media_type != NULL &&
                 (strcmp(item->media_type, "application/xhtml+xml") == 0 ||
                  strcmp(item->media_type, "text/html") == 0))
            rc = read_document(r, item);
        xmlFree(idref);
        xmlFree(linear);
    }
    if (rc == 0 && repeats > 0)
        ac_warn_read(r->opts, ARTCONV_EPARSE, 0,
                     "the spine lists documents again %zu times; each is read once", repeats);
    return rc;
}
