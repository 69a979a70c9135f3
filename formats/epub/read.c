/*
 * epub_read.c - the EPUB reader: EPUB 2 and 3 (artconv's own, pandoc's,
 * calibre's) into one article.
 *
 * META-INF/container.xml names the package document; its metadata fills
 * the article's, and the XHTML documents of the spine, in order, make the
 * body through the HTML reader's fragment path.  Cover, title and
 * navigation pages are skipped.  In a book artconv made, the title block
 * and footer of the (single) article go back into the metadata.
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
#include "epub.h"
#include "format_entries.h"
#include "xhtml_in.h"
#include "xml.h"
#include "xml_safe.h"

#include <libxml/parser.h>
#include <libxml/uri.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#define DC_NS "http://purl.org/dc/elements/1.1/"

typedef struct {
    char *id;
    char *path; /* entry name in the archive */
    char *media_type;
    char *properties;
    size_t reads; /* times the spine has listed it */
} manifest_item;

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
    manifest_item *items;
    size_t n_items, cap_items;
    int headers; /* artconv title blocks seen in the spine */
} reader;

static int parse_error(reader *r, const char *what)
{
    return ac_error(r->err, ARTCONV_EPARSE, "%s", what);
}

/* 1 if an entry name stays inside the book: relative, no "..", no
 * backslash, no drive letter. */
static int name_is_safe(const char *name)
{
    const char *p = name;

    if (*name == '\0' || *name == '/' || strchr(name, '\\') != NULL || strchr(name, ':') != NULL)
        return 0;
    while (*p != '\0') {
        size_t n = strcspn(p, "/");

        if (n == 2 && p[0] == '.' && p[1] == '.')
            return 0;
        p += n;
        if (*p == '/')
            p++;
    }
    return 1;
}

static int check_entries(reader *r)
{
    zip_int64_t n = zip_get_num_entries(r->za, 0), i;

    if (n > AC_EPUB_MAX_ENTRIES)
        return ac_error(r->err, ARTCONV_ELIMIT, "the EPUB has %lld entries; the limit is %d",
                        (long long)n, AC_EPUB_MAX_ENTRIES);
    for (i = 0; i < n; i++) {
        const char *name = zip_get_name(r->za, (zip_uint64_t)i, ZIP_FL_ENC_RAW);

        if (name == NULL)
            return parse_error(r, "the EPUB's directory is damaged");
        if (!name_is_safe(name))
            return ac_error(r->err, ARTCONV_EPARSE,
                            "the EPUB holds an entry named '%.100s', which leads outside the book",
                            name);
    }
    return ARTCONV_OK;
}

/* Inflates entry `name` into `out`, counting against the limits; a spine
 * document (is_text) also counts against the text budget, checked as it
 * inflates so that a chapter beyond the budget is never parsed. */
static int read_entry(reader *r, const char *name, artconv_buf *out, int is_text)
{
    char chunk[65536];
    zip_int64_t idx = zip_name_locate(r->za, name, 0), n;
    zip_file_t *zf;
    size_t start = out->len;
    int rc = ARTCONV_OK;

    if (idx < 0)
        return ac_error(r->err, ARTCONV_EPARSE, "the EPUB has no %.200s", name);
    zf = zip_fopen_index(r->za, (zip_uint64_t)idx, 0);
    if (zf == NULL)
        return ac_error(r->err, ARTCONV_EPARSE, "cannot open %.200s in the EPUB: %s", name,
                        zip_strerror(r->za));
    while ((n = zip_fread(zf, chunk, sizeof chunk)) > 0) {
        r->unpacked += (size_t)n;
        if (out->len - start + (size_t)n > r->max_entry || r->unpacked > r->max_unpacked) {
            rc = ac_error(r->err, ARTCONV_ELIMIT,
                          "%.200s inflates beyond the limit (%zu bytes an entry, %zu in all)", name,
                          r->max_entry, r->max_unpacked);
            goto cleanup;
        }
        if (is_text && (r->text += (size_t)n) > r->max_text) {
            rc = ac_error(r->err, ARTCONV_ELIMIT,
                          "%.200s makes the book's text larger than the limit of %zu bytes (%d "
                          "times the EPUB's size, at least %zu)",
                          name, r->max_text, AC_EPUB_TEXT_RATIO, AC_EPUB_MIN_TEXT);
            goto cleanup;
        }
        if (artconv_buf_put(out, chunk, (size_t)n) < 0) {
            rc = ac_nomem(r->err);
            goto cleanup;
        }
    }
    if (n < 0)
        rc = ac_error(r->err, ARTCONV_EPARSE, "cannot inflate %.200s: %s", name,
                      zip_file_strerror(zf));
    else if (out->ptr == NULL && artconv_buf_put(out, "", 0) < 0)
        rc = ac_nomem(r->err);
cleanup:
    zip_fclose(zf);
    return rc;
}

/* Parses an entry as XML, safely (see the top of the file). */
static int parse_xml(reader *r, const char *name, int is_text, xmlDocPtr *out)
{
    artconv_buf data = ARTCONV_BUF_INIT;
    xmlParserCtxtPtr ctxt = NULL;
    const xmlError *e;
    int rc, entity = 0;

    *out = NULL;
    AC_CHECK(read_entry(r, name, &data, is_text));
    if (data.len > INT_MAX) {
        rc = ac_error(r->err, ARTCONV_ELIMIT, "%.200s is too big", name);
        goto cleanup;
    }
    ctxt = xmlNewParserCtxt();
    if (ctxt == NULL) {
        rc = ac_nomem(r->err);
        goto cleanup;
    }
    *out = ac_xml_read_without_entities(ctxt, data.ptr, data.len, name, 0, &entity);
    if (entity) {
        rc = ac_error(r->err, ARTCONV_EPARSE, "%.200s declares entities, which are refused", name);
        goto cleanup;
    }
    e = xmlCtxtGetLastError(ctxt);
    if (e != NULL && e->code == XML_ERR_INTERNAL_ERROR && e->message != NULL &&
        strstr(e->message, "depth") != NULL) {
        /* libxml2's own depth limit (256) without XML_PARSE_HUGE: the book
         * is nested deeper than any reader here accepts, not broken. */
        rc = ac_error_at(r->err, ARTCONV_ELIMIT, e->line, e->int2, 0,
                         "%.200s is nested deeper than libxml2's limit of 256 levels", name);
        goto cleanup;
    }
    if (*out == NULL || (e != NULL && e->level == XML_ERR_FATAL)) {
        rc = ac_error_at(r->err, ARTCONV_EPARSE, e != NULL ? e->line : 0, e != NULL ? e->int2 : 0,
                         0, "%.200s is not well-formed XML%s%.120s", name, e != NULL ? ": " : "",
                         e != NULL && e->message != NULL ? e->message : "");
        goto cleanup;
    }
    rc = ARTCONV_OK;
cleanup:
    if (rc < 0 && *out != NULL) {
        xmlFreeDoc(*out);
        *out = NULL;
    }
    /* Strip a trailing newline from messages libxml2 ends with one. */
    if (rc < 0 && r->err != NULL) {
        size_t n = strlen(r->err->message);

        if (n > 0 && r->err->message[n - 1] == '\n')
            r->err->message[n - 1] = '\0';
    }
    xmlFreeParserCtxt(ctxt);
    artconv_buf_dispose(&data);
    return rc;
}

static int local_is(const xmlNode *node, const char *name)
{
    return node != NULL && node->type == XML_ELEMENT_NODE && xmlStrEqual(node->name, BAD_CAST name);
}

static int is_dc(const xmlNode *node)
{
    return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
           xmlStrEqual(node->ns->href, BAD_CAST DC_NS);
}

/* The first child element named `name`, or NULL. */
static xmlNodePtr child_named(const xmlNode *parent, const char *name)
{
    xmlNodePtr c;

    for (c = parent != NULL ? parent->children : NULL; c != NULL; c = c->next)
        if (local_is(c, name))
            return c;
    return NULL;
}

/* Sets a field, unless already set, from an element's text.  The model's
 * setters trim it and take empty text as no value. */
static int set_from(reader *r, artconv_meta field, const xmlNode *el)
{
    xmlChar *text = xmlNodeGetContent(el);
    int rc = ARTCONV_OK;

    if (text != NULL && artconv_article_get(r->article, field) == NULL)
        rc = ac_article_set_n(r->article, field, (const char *)text, strlen((const char *)text),
                              r->err);
    xmlFree(text);
    return rc;
}

static int add_from(reader *r, artconv_meta_list list, const xmlNode *el)
{
    xmlChar *text = xmlNodeGetContent(el);
    int rc = ARTCONV_OK;

    if (text != NULL)
        rc = ac_article_list_add_n(r->article, list, (const char *)text,
                                   strlen((const char *)text), r->err);
    xmlFree(text);
    return rc;
}

/* Dates go into the model in ISO 8601 when they can be read. */
static int set_date(reader *r, artconv_meta field, const xmlNode *el)
{
    xmlChar *text = xmlNodeGetContent(el);
    artconv_buf iso = ARTCONV_BUF_INIT;
    int rc = ARTCONV_OK;

    if (text == NULL || artconv_article_get(r->article, field) != NULL)
        goto cleanup;
    rc = ac_date_normalize(&iso, (const char *)text, strlen((const char *)text));
    if (rc == ARTCONV_OK)
        rc = ac_article_set_n(r->article, field, iso.ptr, iso.len, r->err);
    else if (rc == ARTCONV_EPARSE)
        rc = set_from(r, field, el);
cleanup:
    xmlFree(text);
    artconv_buf_dispose(&iso);
    return rc;
}

static int read_metadata(reader *r, const xmlNode *metadata, const char *unique_id)
{
    xmlNodePtr el;
    int rc = ARTCONV_OK;

    for (el = metadata->children; el != NULL && rc == ARTCONV_OK; el = el->next) {
        if (is_dc(el)) {
            const char *name = (const char *)el->name;

            if (strcmp(name, "title") == 0)
                rc = set_from(r, ARTCONV_META_TITLE, el);
            else if (strcmp(name, "creator") == 0)
                rc = add_from(r, ARTCONV_LIST_AUTHORS, el);
            else if (strcmp(name, "language") == 0)
                rc = set_from(r, ARTCONV_META_LANGUAGE, el);
            else if (strcmp(name, "date") == 0)
                rc = set_date(r, ARTCONV_META_DATE, el);
            else if (strcmp(name, "publisher") == 0)
                rc = set_from(r, ARTCONV_META_PUBLISHER, el);
            else if (strcmp(name, "description") == 0)
                rc = set_from(r, ARTCONV_META_DESCRIPTION, el);
            else if (strcmp(name, "subject") == 0)
                rc = add_from(r, ARTCONV_LIST_KEYWORDS, el);
            else if (strcmp(name, "rights") == 0)
                rc = set_from(r, ARTCONV_META_RIGHTS, el);
            else if (strcmp(name, "source") == 0)
                rc = set_from(r, ARTCONV_META_SOURCE, el);
            else if (strcmp(name, "identifier") == 0) {
                xmlChar *id = xmlGetProp(el, BAD_CAST "id");

                if (unique_id == NULL || (id != NULL && strcmp((const char *)id, unique_id) == 0))
                    rc = set_from(r, ARTCONV_META_ID, el);
                xmlFree(id);
            }
        } else if (local_is(el, "meta")) {
            xmlChar *property = xmlGetProp(el, BAD_CAST "property");

            if (property != NULL && xmlStrEqual(property, BAD_CAST "dcterms:modified"))
                rc = set_date(r, ARTCONV_META_MODIFIED, el);
            xmlFree(property);
        }
    }
    return rc;
}

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
    if (strlen(decoded) == 0 || !name_is_safe(decoded)) {
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

static int read_manifest(reader *r, const xmlNode *manifest, const char *opf_path)
{
    xmlNodePtr el;

    for (el = manifest != NULL ? manifest->children : NULL; el != NULL; el = el->next) {
        manifest_item *item;
        xmlChar *href;
        void *items = r->items;
        int nomem = 0;

        if (!local_is(el, "item"))
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
            return nomem ? ac_nomem(r->err) : parse_error(r, "a manifest item has no id");
    }
    return ARTCONV_OK;
}

static manifest_item *find_item(const reader *r, const char *id)
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
static int read_title_block(reader *r, const xmlNode *header, const xmlNode *footer)
{
    xmlNodePtr el;
    int rc = ARTCONV_OK;

    for (el = header != NULL ? header->children : NULL; el != NULL && rc == 0; el = el->next) {
        if (local_is(el, "p") && has_class(el, "standfirst"))
            rc = set_from(r, ARTCONV_META_SUBTITLE, el);
        else if (local_is(el, "p") && has_class(el, "dateline"))
            rc = set_from(r, ARTCONV_META_DATELINE, el);
    }
    for (el = footer != NULL ? footer->children : NULL; el != NULL && rc == 0; el = el->next)
        if (local_is(el, "p") && has_class(el, "credit"))
            rc = set_from(r, ARTCONV_META_CREDIT, el);
    return rc;
}

/* Appends the XHTML document's content to the body. */
static int read_document(reader *r, const manifest_item *item)
{
    xmlDocPtr doc = NULL;
    xmlNodePtr body, root, container, child, header = NULL, footer = NULL;
    int rc;

    AC_CHECK(parse_xml(r, item->path, 1, &doc));
    root = xmlDocGetRootElement(doc);
    body = child_named(root, "body");
    if (body == NULL || is_front_matter(body) || !has_text(body))
        goto cleanup;
    /* artconv wraps an article in <section class="article">. */
    container = body;
    for (child = body->children; child != NULL; child = child->next) {
        if (child->type != XML_ELEMENT_NODE)
            continue;
        if (is_front_matter(child))
            goto cleanup;
        if (local_is(child, "section") && has_class(child, "article"))
            container = child;
    }
    if (container != body) {
        header = child_named(container, "header");
        footer = child_named(container, "footer");
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
static int read_spine(reader *r, const xmlNode *spine)
{
    xmlNodePtr el;
    size_t repeats = 0;
    int rc = ARTCONV_OK;

    for (el = spine != NULL ? spine->children : NULL; el != NULL && rc == 0; el = el->next) {
        xmlChar *idref, *linear;
        manifest_item *item;

        if (!local_is(el, "itemref"))
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

static int read_package(reader *r)
{
    xmlDocPtr container = NULL, opf = NULL;
    xmlNodePtr node, root, rootfile = NULL;
    xmlChar *full_path = NULL, *unique = NULL;
    int rc;

    AC_CHECK(parse_xml(r, "META-INF/container.xml", 0, &container));
    root = xmlDocGetRootElement(container);
    for (node = root; node != NULL && rootfile == NULL; node = ac_xml_next(node, root, 0))
        if (local_is(node, "rootfile"))
            rootfile = node;
    full_path = rootfile != NULL ? xmlGetProp(rootfile, BAD_CAST "full-path") : NULL;
    if (full_path == NULL) {
        rc = parse_error(r, "META-INF/container.xml names no package document");
        goto cleanup;
    }
    if (!name_is_safe((const char *)full_path)) {
        rc = ac_error(r->err, ARTCONV_EPARSE, "the package document '%.100s' is outside the book",
                      (const char *)full_path);
        goto cleanup;
    }
    AC_CHECK(parse_xml(r, (const char *)full_path, 0, &opf));
    root = xmlDocGetRootElement(opf);
    if (!local_is(root, "package") || child_named(root, "metadata") == NULL) {
        rc = ac_error(r->err, ARTCONV_EPARSE, "%.200s is not a package document",
                      (const char *)full_path);
        goto cleanup;
    }
    unique = xmlGetProp(root, BAD_CAST "unique-identifier");
    AC_CHECK(read_metadata(r, child_named(root, "metadata"), (const char *)unique));
    AC_CHECK(read_manifest(r, child_named(root, "manifest"), (const char *)full_path));
    AC_CHECK(read_spine(r, child_named(root, "spine")));
cleanup:
    xmlFree(full_path);
    xmlFree(unique);
    xmlFreeDoc(container);
    xmlFreeDoc(opf);
    return rc;
}

/* Pandoc and calibre repeat the title as the first heading of the text;
 * it is in the metadata already. */
static int drop_repeated_title(reader *r)
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
    reader r;
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
    AC_CHECK(check_entries(&r));
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
        xmlFree(r.items[i].path);
        free(r.items[i].media_type);
        free(r.items[i].properties);
    }
    free(r.items);
    artconv_article_free(r.article);
    return rc;
}
