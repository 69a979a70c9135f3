/*
 * newsml_write.c - the NewsML-G2 writer: one text newsItem (schema 2.35,
 * power conformance) with the article's metadata in rightsInfo, itemMeta
 * and contentMeta, and its body as XHTML in contentSet/inlineXML.
 *
 * libxml2's xmlTextWriter writes the item, so escaping and encoding are
 * libxml2's.  The body is built as a libxml2 tree by formats/shared/xhtml.c (the same
 * mapping as the HTML writer), serialised by libxml2 and handed to the
 * writer raw: markup libxml2 has already escaped, never model text.
 * docs/newsml.md has the mapping table and the conventions.
 */
#include "format_entries.h"
#include "newsml.h"
#include "xhtml.h"

#include <jansson.h>
#include <libxml/uri.h>
#include <libxml/xmlwriter.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Written when neither the options nor the article name a provider. */
#define DEFAULT_PROVIDER "artconv"
/* versionCreated when nothing dates the article and no timestamp is given:
 * a fixed value keeps the output reproducible. */
#define EPOCH_DATETIME "1970-01-01T00:00:00Z"

typedef struct {
    xmlTextWriterPtr w;
    const artconv_article *a;
    const artconv_write_options *opts;
} nw;

/* --- writer calls, each turned into a status ---------------------------- */

/* The writer writes into memory, so its only way to fail is running out of
 * it. */
static int status(int written)
{
    return written < 0 ? ARTCONV_ENOMEM : ARTCONV_OK;
}

static int start(const nw *n, const char *name)
{
    return status(xmlTextWriterStartElement(n->w, BAD_CAST name));
}

static int end(const nw *n)
{
    return status(xmlTextWriterEndElement(n->w));
}

static int attr(const nw *n, const char *name, const char *value)
{
    return status(xmlTextWriterWriteAttribute(n->w, BAD_CAST name, BAD_CAST value));
}

/* <name attr_name="attr_value">text</name>; no attribute when attr_name is
 * NULL, no content when text is NULL. */
static int element(const nw *n, const char *name, const char *attr_name, const char *attr_value,
                   const char *text)
{
    int rc;

    AC_CHECK(start(n, name));
    if (attr_name != NULL)
        AC_CHECK(attr(n, attr_name, attr_value));
    if (text != NULL)
        AC_CHECK(status(xmlTextWriterWriteString(n->w, BAD_CAST text)));
    rc = end(n);
cleanup:
    return rc;
}

/* <tag><name>value</name></tag>: a party or a place known by name only.
 * A <name> is a g2normalizedString, so whitespace is collapsed. */
static int named(const nw *n, const char *tag, const char *value)
{
    artconv_buf name = ARTCONV_BUF_INIT;
    int rc;

    AC_CHECK(ac_text_collapse(&name, value));
    AC_CHECK(start(n, tag));
    AC_CHECK(element(n, "name", NULL, NULL, name.ptr));
    rc = end(n);
cleanup:
    artconv_buf_dispose(&name);
    return rc;
}

/* --- values --------------------------------------------------------------- */

static int is_xml_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Appends a model date as the xs:dateTime NewsML-G2 wants, always with a
 * zone offset.  A time without a zone is taken as UTC.  A date without a
 * time stays a bare date when `date_ok` (contentCreated and contentModified
 * accept one) and becomes midnight UTC otherwise.  Returns 0,
 * ARTCONV_EPARSE (not a date; nothing appended) or ARTCONV_ENOMEM. */
static int put_datetime(artconv_buf *out, const char *value, int date_ok)
{
    size_t start = out->len;
    int rc = ac_date_normalize(out, value, strlen(value));

    if (rc < 0)
        return rc;
    if (out->len - start == 10)
        return date_ok ? ARTCONV_OK : artconv_buf_puts(out, "T00:00:00Z");
    if (out->len - start == 19)
        return artconv_buf_putc(out, 'Z');
    return ARTCONV_OK;
}

static int put_epoch(artconv_buf *out, long long seconds, artconv_error *err)
{
    time_t t = (time_t)seconds;
    char text[64];
    struct tm tm;

    if ((long long)t != seconds || gmtime_r(&t, &tm) == NULL ||
        strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
        return ac_error(err, ARTCONV_EINVALID, "timestamp %lld is out of range", seconds);
    return artconv_buf_puts(out, text) < 0 ? ac_nomem(err) : ARTCONV_OK;
}

/* 1 if `s` is a QCode, "scheme:code" without whitespace, and no URL. */
static int is_qcode(const char *s)
{
    const char *colon = strchr(s, ':');
    size_t i;

    if (colon == NULL || colon == s || colon[1] == '\0' || strncmp(colon, "://", 3) == 0)
        return 0;
    for (i = 0; s[i] != '\0'; i++)
        if (is_xml_space((unsigned char)s[i]))
            return 0;
    return 1;
}

/* 1 if libxml2's schema validator accepts `url` as an xs:anyURI: it swaps
 * characters URIs may not hold for '_' and then wants xmlParseURI to
 * succeed, so "%zz" or a second '#' fail while spaces pass. */
static int is_any_uri(const char *url)
{
    static const char bad[] = " <>\"{}|\\^`'";
    char *copy = ac_strndup(url, strlen(url));
    xmlURIPtr uri;
    size_t i;

    if (copy == NULL)
        return 0;
    for (i = 0; copy[i] != '\0'; i++) {
        unsigned char c = (unsigned char)copy[i];

        if (c < 32 || c >= 127 || strchr(bad, c) != NULL)
            copy[i] = '_';
    }
    uri = xmlParseURI(copy);
    free(copy);
    xmlFreeURI(uri);
    return uri != NULL;
}

/* Appends `tag` and returns 1 if it fits xs:language,
 * [a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*, once each '_' is read as '-' ("en_GB"
 * is common in the wild); returns 0 (nothing appended) if it does not, or
 * ARTCONV_ENOMEM. */
static int put_language(artconv_buf *out, const char *tag)
{
    size_t run = 0, i;
    int first = 1;

    for (i = 0; tag[i] != '\0'; i++) {
        unsigned char c = (unsigned char)tag[i];

        if (c == '-' || c == '_') {
            if (run == 0)
                return 0;
            run = 0;
            first = 0;
            continue;
        }
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9')))
            return 0;
        if (++run > 8)
            return 0;
    }
    if (run == 0)
        return 0;
    for (i = 0; tag[i] != '\0'; i++)
        if (artconv_buf_putc(out, tag[i] == '_' ? '-' : tag[i]) < 0)
            return ARTCONV_ENOMEM;
    return 1;
}

static const struct {
    const char *ext;
    const char *type;
} image_types[] = {
    {".jpg", "image/jpeg"},    {".jpeg", "image/jpeg"}, {".png", "image/png"},
    {".gif", "image/gif"},     {".webp", "image/webp"}, {".avif", "image/avif"},
    {".svg", "image/svg+xml"},
};

/* The media type of an image URL from its extension, or NULL. */
static const char *image_type(const char *url)
{
    size_t len = strcspn(url, "?#"), i, n;

    for (i = 0; i < sizeof image_types / sizeof image_types[0]; i++) {
        n = strlen(image_types[i].ext);
        if (len > n && ac_strncaseeq(url + len - n, image_types[i].ext, n))
            return image_types[i].type;
    }
    return NULL;
}

/* --- the GUID ------------------------------------------------------------- */

/* 64-bit FNV-1a, continued from `h`.  Not a cryptographic hash: the GUID only
 * has to be the same for the same article and, in practice, different for
 * different ones. */
static uint64_t fnv1a(uint64_t h, const char *s, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= UINT64_C(0x100000001b3);
    }
    return h;
}

/* 1 if `s` can end a GUID as it is: short, and without whitespace. */
static int is_token(const char *s)
{
    size_t i;

    for (i = 0; s[i] != '\0'; i++)
        if (is_xml_space((unsigned char)s[i]) || i >= 200)
            return 0;
    return i > 0;
}

/* The GUID is stable across runs and versions: opts->guid_scheme followed by
 * the article's id (or a hash), else a urn:uuid whose 128 bits hash the id,
 * else the source URL, else the headline and the body.  The UUID is marked
 * version 8 (RFC 9562's custom layout), since it is neither random nor a
 * SHA-1 name-based one. */
static int put_guid(artconv_buf *out, const artconv_article *a, const char *scheme,
                    const artconv_buf *body)
{
    const char *id = artconv_article_get(a, ARTCONV_META_ID);
    const char *source = artconv_article_get(a, ARTCONV_META_SOURCE);
    const char *title = artconv_article_get(a, ARTCONV_META_TITLE);
    unsigned char b[16];
    uint64_t h1, h2;
    char text[40];
    int i;

    if (id != NULL) {
        h1 = fnv1a(UINT64_C(0xcbf29ce484222325), "id\n", 3);
        h1 = fnv1a(h1, id, strlen(id));
    } else if (source != NULL) {
        h1 = fnv1a(UINT64_C(0xcbf29ce484222325), "source\n", 7);
        h1 = fnv1a(h1, source, strlen(source));
    } else {
        h1 = fnv1a(UINT64_C(0xcbf29ce484222325), "content\n", 8);
        if (title != NULL)
            h1 = fnv1a(h1, title, strlen(title) + 1);
        h1 = fnv1a(h1, body->ptr, body->len);
    }
    /* A second, different hash over the same bytes via its own seed. */
    h2 = fnv1a(h1 ^ UINT64_C(0x9e3779b97f4a7c15), (const char *)&h1, sizeof h1);
    if (scheme != NULL && *scheme != '\0') {
        if (artconv_buf_puts(out, scheme) < 0)
            return ARTCONV_ENOMEM;
        if (id != NULL && is_token(id))
            return artconv_buf_puts(out, id);
        snprintf(text, sizeof text, "%016llx%016llx", (unsigned long long)h1,
                 (unsigned long long)h2);
        return artconv_buf_puts(out, text);
    }
    for (i = 0; i < 8; i++) {
        b[i] = (unsigned char)(h1 >> (56 - 8 * i));
        b[8 + i] = (unsigned char)(h2 >> (56 - 8 * i));
    }
    b[6] = (unsigned char)((b[6] & 0x0f) | 0x80);
    b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
    snprintf(text, sizeof text,
             "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
             b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14],
             b[15]);
    if (artconv_buf_puts(out, "urn:uuid:") < 0)
        return ARTCONV_ENOMEM;
    return artconv_buf_puts(out, text);
}

/* --- the XHTML body --------------------------------------------------------- */

/* Puts <figure class="lead"><img src alt/><figcaption>caption <small
 * class="credit">credit</small></figcaption></figure>, the shape formats/shared/xhtml.c
 * gives the lead image in a page header, first in the body, unless the
 * body shows that image already. */
static int add_lead_image(xmlNodePtr body, const ac_xhtml_options *o, const artconv_article *a)
{
    const char *image = artconv_article_get(a, ARTCONV_META_IMAGE);
    const char *alt = artconv_article_get(a, ARTCONV_META_IMAGE_ALT);
    const char *caption = artconv_article_get(a, ARTCONV_META_IMAGE_CAPTION);
    const char *credit = artconv_article_get(a, ARTCONV_META_IMAGE_CREDIT);
    xmlNodePtr figure, img, figcaption;
    int rc = ARTCONV_OK;

    /* The body's XHTML is built later, a block at a time: the model says
     * whether it shows the image (pages often repeat their lead image). */
    if (image == NULL || !ac_xhtml_url_is_safe(image, 1) ||
        ac_body_shows_image(artconv_article_body(a), image))
        return ARTCONV_OK;
    AC_NEED(figure = xmlNewDocNode(body->doc, o->ns, BAD_CAST "figure", NULL));
    /* First in the body; xmlAddChild for an empty one. */
    if ((body->children != NULL ? xmlAddPrevSibling(body->children, figure)
                                : xmlAddChild(body, figure)) == NULL) {
        xmlFreeNode(figure);
        return ARTCONV_ENOMEM;
    }
    AC_CHECK(ac_xhtml_set_attr(figure, "class", AC_NEWSML_LEAD_CLASS));
    AC_NEED(img = ac_xhtml_add(figure, o, "img"));
    AC_CHECK(ac_xhtml_set_attr(img, "src", image));
    AC_CHECK(ac_xhtml_set_attr(img, "alt", alt != NULL ? alt : ""));
    if (caption == NULL && credit == NULL)
        return ARTCONV_OK;
    AC_NEED(figcaption = ac_xhtml_add_text_element(figure, o, "figcaption", NULL, caption));
    if (credit != NULL) {
        if (caption != NULL)
            AC_CHECK(ac_xhtml_add_text(figcaption, " "));
        AC_NEED(ac_xhtml_add_text_element(figcaption, o, "small", "credit", credit));
    }
cleanup:
    return rc;
}

/* 1 if the element's text, whitespace runs read as one space, is `title`
 * read the same way. */
static int same_text(const xmlNode *el, const char *title)
{
    artconv_buf a = ARTCONV_BUF_INIT, b = ARTCONV_BUF_INIT;
    xmlChar *text = xmlNodeGetContent(el);
    int same = 0;

    if (text != NULL && ac_text_collapse(&a, (const char *)text) == 0 &&
        ac_text_collapse(&b, title) == 0)
        same = strcmp(a.ptr, b.ptr) == 0;
    xmlFree(text);
    artconv_buf_dispose(&a);
    artconv_buf_dispose(&b);
    return same;
}

/* The headline is contentMeta's, so a body <h1> repeating it (as text and
 * web pages often have) is dropped.  Walks in document order without
 * recursion. */
static void drop_title_headings(xmlNodePtr body, void *payload)
{
    const char *title = payload;
    xmlNodePtr node = body->children, next;

    while (node != NULL) {
        next = ac_xml_next(node, body, 1);
        if (node->type == XML_ELEMENT_NODE && xmlStrEqual(node->name, BAD_CAST "h1") &&
            same_text(node, title)) {
            xmlUnlinkNode(node);
            xmlFreeNode(node);
        } else if (node->type == XML_ELEMENT_NODE && node->children != NULL) {
            next = node->children;
        }
        node = next;
    }
}

/* Builds <html xmlns="...XHTML"><head><title/></head><body>...</body></html>
 * and appends it serialised, indented for its place in the item. */
static int build_body(artconv_buf *out, const artconv_article *a, artconv_error *err)
{
    const char *title = artconv_article_get(a, ARTCONV_META_TITLE);
    const char *language = artconv_article_get(a, ARTCONV_META_LANGUAGE);
    artconv_buf lang = ARTCONV_BUF_INIT;
    ac_xhtml_options o = {NULL};
    xmlDocPtr doc = ac_xhtml_doc_new();
    xmlNodePtr html = NULL, head, body, mark;
    int rc = ARTCONV_OK;

    AC_NEED(doc);
    /* Unlinked from the document: see ac_xhtml_save. */
    AC_NEED(html = xmlNewDocNode(doc, NULL, BAD_CAST "html", NULL));
    AC_NEED(o.ns = xmlNewNs(html, BAD_CAST AC_XHTML_NS, NULL));
    xmlSetNs(html, o.ns);
    if (language != NULL) {
        rc = put_language(&lang, language);
        if (rc < 0)
            goto cleanup;
        if (rc == 1)
            AC_CHECK(ac_xhtml_set_attr(html, "lang", lang.ptr));
        rc = ARTCONV_OK;
    }
    AC_NEED(head = ac_xhtml_add(html, &o, "head"));
    AC_NEED(ac_xhtml_add_text_element(head, &o, "title", NULL, title != NULL ? title : ""));
    AC_NEED(body = ac_xhtml_add(html, &o, "body"));
    /* The body is written in place of the mark, a block at a time. */
    AC_NEED(mark = ac_xhtml_add_text_element(body, &o, "div", AC_XHTML_BODY_MARK, NULL));
    AC_CHECK(add_lead_image(body, &o, a));
    /* newsItem > contentSet > inlineXML > html, so body's blocks are at 5 */
    AC_CHECK(ac_xhtml_indent(html, 3, err));
    AC_CHECK(ac_xhtml_save_around(out, html, mark, artconv_article_body(a), 5, &o,
                                  title != NULL ? drop_title_headings : NULL, (void *)title, err));
cleanup:
    xmlFreeNode(html);
    xmlFreeDoc(doc);
    artconv_buf_dispose(&lang);
    return rc;
}

/* --- the item --------------------------------------------------------------- */

static int write_rights(const nw *n)
{
    const char *rights = artconv_article_get(n->a, ARTCONV_META_RIGHTS);
    const char *publisher = artconv_article_get(n->a, ARTCONV_META_PUBLISHER);
    int rc;

    if (rights == NULL)
        return ARTCONV_OK;
    AC_CHECK(start(n, "rightsInfo"));
    if (publisher != NULL)
        AC_CHECK(named(n, "copyrightHolder", publisher));
    AC_CHECK(element(n, "copyrightNotice", NULL, NULL, rights));
    rc = end(n);
cleanup:
    return rc;
}

/* The provider: a QCode, a URI or a name from the options, else the
 * publisher's name, else ours. */
static int write_provider(const nw *n, artconv_buf *tmp)
{
    const char *provider = n->opts->provider;
    int rc;

    if (provider != NULL && *provider != '\0') {
        if (strstr(provider, "://") != NULL && is_any_uri(provider))
            return element(n, "provider", "uri", provider, NULL);
        if (is_qcode(provider))
            return element(n, "provider", "qcode", provider, NULL);
    } else {
        provider = artconv_article_get(n->a, ARTCONV_META_PUBLISHER);
        if (provider == NULL)
            provider = DEFAULT_PROVIDER;
    }
    artconv_buf_clear(tmp);
    AC_CHECK(ac_text_collapse(tmp, provider));
    AC_CHECK(start(n, "provider"));
    AC_CHECK(attr(n, "literal", tmp->ptr));
    AC_CHECK(element(n, "name", NULL, NULL, tmp->ptr));
    rc = end(n);
cleanup:
    return rc;
}

/* A date element, or nothing (and a warning) when the value is no date. */
static int write_date(const nw *n, artconv_buf *tmp, const char *name, const char *value,
                      int date_ok)
{
    int rc;

    if (value == NULL)
        return ARTCONV_OK;
    artconv_buf_clear(tmp);
    rc = put_datetime(tmp, value, date_ok);
    if (rc == ARTCONV_EPARSE) {
        ac_warn_write(n->opts, ARTCONV_EPARSE, "NewsML-G2: '%s' is not a date; no <%s> written",
                      value, name);
        return ARTCONV_OK;
    }
    if (rc < 0)
        return rc;
    return element(n, name, NULL, NULL, tmp->ptr);
}

static int write_version_created(const nw *n, artconv_buf *tmp, artconv_error *err)
{
    const char *modified = artconv_article_get(n->a, ARTCONV_META_MODIFIED);
    const char *date = artconv_article_get(n->a, ARTCONV_META_DATE);
    int rc = ARTCONV_EPARSE;

    artconv_buf_clear(tmp);
    if (n->opts->timestamp >= 0) {
        AC_CHECK(put_epoch(tmp, n->opts->timestamp, err));
    } else {
        if (modified != NULL)
            rc = put_datetime(tmp, modified, 0);
        if (rc == ARTCONV_EPARSE && date != NULL)
            rc = put_datetime(tmp, date, 0);
        if (rc == ARTCONV_EPARSE)
            rc = artconv_buf_puts(tmp, EPOCH_DATETIME);
        AC_CHECK(rc);
    }
    rc = element(n, "versionCreated", NULL, NULL, tmp->ptr);
cleanup:
    return rc;
}

/* itemMeta/link to an image or a page, when its URL is a valid xs:anyURI. */
static int write_link(const nw *n, const char *href, const char *type)
{
    int rc;

    /* The source URL comes from the (untrusted) article: a javascript: or
     * data: link must not reach a reader's browser through itemMeta. */
    if (href == NULL || type == NULL || !is_any_uri(href) || !ac_xhtml_url_is_safe(href, 0)) {
        if (href != NULL)
            ac_warn_write(n->opts, ARTCONV_EINVALID, "NewsML-G2: no itemMeta link for '%s'", href);
        return ARTCONV_OK;
    }
    AC_CHECK(start(n, "link"));
    AC_CHECK(attr(n, "rel", AC_NEWSML_SEE_ALSO));
    AC_CHECK(attr(n, "href", href));
    AC_CHECK(attr(n, "contenttype", type));
    rc = end(n);
cleanup:
    return rc;
}

/* <embargoed>: the model's date-time, or empty for "indefinite".  An
 * embargo with no time of day (or no date at all) is written as an
 * indefinite one: picking a time could release the story too early. */
static int write_embargo(const nw *n, artconv_buf *tmp)
{
    const char *value = artconv_article_get(n->a, ARTCONV_META_EMBARGOED);
    int rc;

    if (value == NULL)
        return ARTCONV_OK;
    if (strcmp(value, "indefinite") != 0) {
        artconv_buf_clear(tmp);
        rc = put_datetime(tmp, value, 1);
        if (rc == ARTCONV_ENOMEM)
            return rc;
        if (rc == ARTCONV_OK && tmp->len > 10)
            return element(n, "embargoed", NULL, NULL, tmp->ptr);
        ac_warn_write(n->opts, ARTCONV_EPARSE,
                      "NewsML-G2: the embargo '%s' is no date and time; written as indefinite",
                      value);
    }
    return element(n, "embargoed", NULL, NULL, "");
}

/* <pubStatus>: a code of IPTC's stat scheme, the one our catalogRef
 * declares ("canceled" is written stat:canceled).  A value of another
 * scheme, or one that is no QCode, is written as withheld: that keeps the
 * story from being published, which is what any status but usable asks. */
static int write_pub_status(const nw *n, artconv_buf *tmp)
{
    const char *value = artconv_article_get(n->a, ARTCONV_META_PUBSTATUS);
    int own = value != NULL && strncmp(value, AC_NEWSML_STAT, strlen(AC_NEWSML_STAT)) == 0;

    if (value == NULL)
        return element(n, "pubStatus", "qcode", AC_NEWSML_USABLE, NULL);
    artconv_buf_clear(tmp);
    if ((!own && artconv_buf_puts(tmp, AC_NEWSML_STAT) < 0) || artconv_buf_puts(tmp, value) < 0)
        return ARTCONV_ENOMEM;
    if (!is_qcode(tmp->ptr) || strchr(tmp->ptr + strlen(AC_NEWSML_STAT), ':') != NULL) {
        ac_warn_write(n->opts, ARTCONV_EINVALID,
                      "NewsML-G2: pubstatus '%s' is no code of IPTC's stat scheme; written as %s",
                      value, AC_NEWSML_WITHHELD);
        return element(n, "pubStatus", "qcode", AC_NEWSML_WITHHELD, NULL);
    }
    return element(n, "pubStatus", "qcode", tmp->ptr, NULL);
}

static int write_item_meta(const nw *n, artconv_buf *tmp, artconv_error *err)
{
    const char *date = artconv_article_get(n->a, ARTCONV_META_DATE);
    const char *image = artconv_article_get(n->a, ARTCONV_META_IMAGE);
    int rc;

    AC_CHECK(start(n, "itemMeta"));
    AC_CHECK(element(n, "itemClass", "qcode", AC_NEWSML_TEXT, NULL));
    AC_CHECK(write_provider(n, tmp));
    AC_CHECK(write_version_created(n, tmp, err));
    /* firstCreated is an xs:dateTime; a bare date is left to
     * contentCreated rather than given an invented time. */
    if (date != NULL) {
        artconv_buf_clear(tmp);
        rc = put_datetime(tmp, date, 1);
        if (rc == ARTCONV_OK && tmp->len > 10)
            AC_CHECK(element(n, "firstCreated", NULL, NULL, tmp->ptr));
        else if (rc == ARTCONV_ENOMEM)
            goto cleanup;
    }
    AC_CHECK(write_embargo(n, tmp));
    AC_CHECK(write_pub_status(n, tmp));
    AC_CHECK(element(n, "generator", "versioninfo", ARTCONV_VERSION, "artconv"));
    /* A link to inline data would only repeat the body's figure. */
    if (image != NULL && strncmp(image, "data:", 5) != 0)
        AC_CHECK(write_link(n, image, image_type(image)));
    AC_CHECK(write_link(n, artconv_article_get(n->a, ARTCONV_META_SOURCE), "text/html"));
    rc = end(n);
cleanup:
    return rc;
}

/* The printed byline: the authors' names, comma-separated, without a
 * language-specific "By". */
static int write_by(const nw *n, artconv_buf *tmp)
{
    size_t i, count = artconv_article_list_count(n->a, ARTCONV_LIST_AUTHORS);

    if (count == 0)
        return ARTCONV_OK;
    artconv_buf_clear(tmp);
    for (i = 0; i < count; i++) {
        if ((i > 0 && artconv_buf_puts(tmp, ", ") < 0) ||
            artconv_buf_puts(tmp, artconv_article_list_get(n->a, ARTCONV_LIST_AUTHORS, i)) < 0)
            return ARTCONV_ENOMEM;
    }
    return element(n, "by", NULL, NULL, tmp->ptr);
}

/* The slugline kept as extra metadata (a JSON string), if any. */
static int write_slugline(const nw *n)
{
    const char *json = artconv_article_extra_get(n->a, AC_NEWSML_SLUGLINE_KEY);
    json_t *value;
    int rc = ARTCONV_OK;

    if (json == NULL)
        return ARTCONV_OK;
    value = json_loads(json, JSON_DECODE_ANY, NULL);
    /* A JSON string may spell out characters XML forbids ("\u0001"). */
    if (json_is_string(value) && json_string_length(value) > 0 &&
        ac_text_is_clean(json_string_value(value), json_string_length(value)))
        rc = element(n, "slugline", NULL, NULL, json_string_value(value));
    json_decref(value);
    return rc;
}

/* contentMeta's three zones, in the order the schema demands: dates;
 * administrative (located, creator, infoSource, altId); descriptive. */
static int write_content_meta(const nw *n, artconv_buf *tmp)
{
    const artconv_article *a = n->a;
    const char *dateline = artconv_article_get(a, ARTCONV_META_DATELINE);
    const char *publisher = artconv_article_get(a, ARTCONV_META_PUBLISHER);
    const char *id = artconv_article_get(a, ARTCONV_META_ID);
    const char *language = artconv_article_get(a, ARTCONV_META_LANGUAGE);
    const char *section = artconv_article_get(a, ARTCONV_META_SECTION);
    const char *title = artconv_article_get(a, ARTCONV_META_TITLE);
    const char *credit = artconv_article_get(a, ARTCONV_META_CREDIT);
    const char *description = artconv_article_get(a, ARTCONV_META_DESCRIPTION);
    const char *subtitle = artconv_article_get(a, ARTCONV_META_SUBTITLE);
    size_t i;
    int rc;

    AC_CHECK(start(n, "contentMeta"));
    AC_CHECK(write_date(n, tmp, "contentCreated", artconv_article_get(a, ARTCONV_META_DATE), 1));
    AC_CHECK(
        write_date(n, tmp, "contentModified", artconv_article_get(a, ARTCONV_META_MODIFIED), 1));

    if (dateline != NULL)
        AC_CHECK(named(n, "located", dateline));
    for (i = 0; i < artconv_article_list_count(a, ARTCONV_LIST_AUTHORS); i++)
        AC_CHECK(named(n, "creator", artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, i)));
    if (publisher != NULL)
        AC_CHECK(named(n, "infoSource", publisher));
    if (id != NULL)
        AC_CHECK(element(n, "altId", NULL, NULL, id));

    if (language != NULL) {
        artconv_buf_clear(tmp);
        rc = put_language(tmp, language);
        if (rc < 0)
            return ARTCONV_ENOMEM;
        if (rc == 1)
            AC_CHECK(element(n, "language", "tag", tmp->ptr, NULL));
        else
            ac_warn_write(n->opts, ARTCONV_EINVALID,
                          "NewsML-G2: '%s' is no language tag; no <language> written", language);
    }
    for (i = 0; i < artconv_article_list_count(a, ARTCONV_LIST_KEYWORDS); i++)
        AC_CHECK(element(n, "keyword", NULL, NULL,
                         artconv_article_list_get(a, ARTCONV_LIST_KEYWORDS, i)));
    if (section != NULL) {
        artconv_buf_clear(tmp);
        AC_CHECK(ac_text_collapse(tmp, section));
        AC_CHECK(start(n, "subject"));
        AC_CHECK(attr(n, "type", AC_NEWSML_ABSTRACT));
        AC_CHECK(attr(n, "literal", tmp->ptr));
        AC_CHECK(element(n, "name", NULL, NULL, tmp->ptr));
        AC_CHECK(end(n));
    }
    AC_CHECK(write_slugline(n));
    if (title != NULL)
        AC_CHECK(element(n, "headline", NULL, NULL, title));
    if (dateline != NULL)
        AC_CHECK(element(n, "dateline", NULL, NULL, dateline));
    AC_CHECK(write_by(n, tmp));
    if (credit != NULL)
        AC_CHECK(element(n, "creditline", NULL, NULL, credit));
    if (description != NULL)
        AC_CHECK(element(n, "description", "role", AC_NEWSML_SUMMARY, description));
    if (subtitle != NULL)
        AC_CHECK(element(n, "description", "role", AC_NEWSML_TEASER, subtitle));
    rc = end(n);
cleanup:
    return rc;
}

/* contentSet/inlineXML with the serialised XHTML, the item's last part.
 * The writer's indentation is switched off from here on, since it does not
 * know about raw markup; the line ends are written by hand. */
static int write_content_set(const nw *n, const artconv_buf *body)
{
    int rc;

    AC_CHECK(start(n, "contentSet"));
    AC_CHECK(start(n, "inlineXML"));
    AC_CHECK(attr(n, "contenttype", "application/xhtml+xml"));
    AC_CHECK(status(xmlTextWriterSetIndent(n->w, 0)));
    AC_CHECK(status(xmlTextWriterWriteRaw(n->w, BAD_CAST "\n      ")));
    AC_CHECK(status(xmlTextWriterWriteRawLen(n->w, BAD_CAST body->ptr, (int)body->len)));
    AC_CHECK(status(xmlTextWriterWriteRaw(n->w, BAD_CAST "\n    ")));
    AC_CHECK(end(n));
    AC_CHECK(status(xmlTextWriterWriteRaw(n->w, BAD_CAST "\n  ")));
    rc = end(n);
cleanup:
    return rc;
}

static int write_item(const nw *n, const char *guid, int version, const artconv_buf *body,
                      artconv_error *err)
{
    const char *language = artconv_article_get(n->a, ARTCONV_META_LANGUAGE);
    artconv_buf tmp = ARTCONV_BUF_INIT;
    char number[24];
    int rc;

    AC_CHECK(status(xmlTextWriterStartDocument(n->w, NULL, "UTF-8", NULL)));
    AC_CHECK(status(xmlTextWriterSetIndent(n->w, 1)));
    AC_CHECK(status(xmlTextWriterSetIndentString(n->w, BAD_CAST "  ")));
    AC_CHECK(status(
        xmlTextWriterStartElementNS(n->w, NULL, BAD_CAST "newsItem", BAD_CAST AC_NEWSML_NS)));
    AC_CHECK(attr(n, "guid", guid));
    snprintf(number, sizeof number, "%d", version);
    AC_CHECK(attr(n, "version", number));
    AC_CHECK(attr(n, "standard", "NewsML-G2"));
    AC_CHECK(attr(n, "standardversion", "2.35"));
    AC_CHECK(attr(n, "conformance", "power"));
    if (language != NULL) {
        rc = put_language(&tmp, language);
        if (rc < 0) {
            rc = ARTCONV_ENOMEM;
            goto cleanup;
        }
        if (rc == 1)
            AC_CHECK(attr(n, "xml:lang", tmp.ptr));
    }
    AC_CHECK(element(n, "catalogRef", "href", AC_NEWSML_CATALOG, NULL));
    AC_CHECK(write_rights(n));
    AC_CHECK(write_item_meta(n, &tmp, err));
    AC_CHECK(write_content_meta(n, &tmp));
    AC_CHECK(write_content_set(n, body));
    rc = status(xmlTextWriterEndDocument(n->w));
cleanup:
    artconv_buf_dispose(&tmp);
    return rc;
}

int ac_newsml_write(artconv_buf *out, const artconv_article *article,
                    const artconv_write_options *opts, artconv_error *err)
{
    artconv_buf body = ARTCONV_BUF_INIT, guid = ARTCONV_BUF_INIT;
    /* libxml2's writer puts the item straight into `out`, not into a buffer
     * of its own copied afterwards: for a long article, two more copies of
     * the item at the peak of memory use. */
    ac_xml_sink sink = {out, 0};
    xmlOutputBufferPtr to = NULL;
    nw n = {NULL, article, opts};
    /* A zeroed options struct means the default version, 1. */
    int version = opts->item_version == 0 ? 1 : opts->item_version;
    int rc;

    if (version < 0)
        return ac_error(err, ARTCONV_EINVALID, "the NewsML-G2 item version must be 1 or more");
    /* Options come from the user, not the model, so they are checked here:
     * libxml2's writer would copy a control character into the XML. */
    if ((opts->provider != NULL && !ac_text_is_clean(opts->provider, strlen(opts->provider))) ||
        (opts->guid_scheme != NULL &&
         !ac_text_is_clean(opts->guid_scheme, strlen(opts->guid_scheme))))
        return ac_error(err, ARTCONV_EINVALID,
                        "the NewsML-G2 provider or GUID scheme holds characters XML forbids");
    AC_CHECK(build_body(&body, article, err));
    AC_CHECK(put_guid(&guid, article, opts->guid_scheme, &body));
    if ((to = xmlOutputBufferCreateIO(ac_xml_sink_write, ac_xml_sink_close, &sink, NULL)) == NULL) {
        rc = ARTCONV_ENOMEM;
        goto cleanup;
    }
    if ((n.w = xmlNewTextWriter(to)) == NULL) {
        xmlOutputBufferClose(to);
        rc = ARTCONV_ENOMEM;
        goto cleanup;
    }
    AC_CHECK(write_item(&n, guid.ptr, version, &body, err));
    /* Freeing the writer flushes the rest into `out`. */
    xmlFreeTextWriter(n.w);
    n.w = NULL;
    rc = sink.nomem ? ARTCONV_ENOMEM : artconv_buf_putc(out, '\n');
cleanup:
    xmlFreeTextWriter(n.w);
    artconv_buf_dispose(&body);
    artconv_buf_dispose(&guid);
    if (rc == ARTCONV_ENOMEM)
        return ac_nomem(err);
    return rc;
}
