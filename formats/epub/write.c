/*
 * epub_write.c - the EPUB 3 writer (with the EPUB 2 NCX for older reading
 * systems): one article, or several as a digest with a chapter each.
 *
 * Each article becomes XHTML through the shared model-to-XHTML tree
 * (formats/shared/xhtml.c): a title block, the body, a footer.  The tree is then made
 * fit for a book: local images are embedded (formats/epub/image.c), remote
 * ones dropped with their captions kept, links that would dangle are made
 * absolute from the article's source URL or unwrapped, and the top-level
 * blocks are spread over documents of about AC_EPUB_SPLIT_SIZE bytes.
 * Headings get ids and make the table of contents.  formats/epub/package.c
 * writes the package documents and formats/epub/zip.c the container.
 *
 * Reproducible: no clock is read.  The modification time is the caller's
 * timestamp (SOURCE_DATE_EPOCH), else the articles' latest date, else
 * 1980-01-01; the identifier is a name-based UUID of the source URLs, or
 * of the content when there are none.
 */
#include "epub.h"
#include "format_entries.h"
#include "xhtml.h"
#include "xml.h"

#include <libxml/uri.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 1980-01-01T00:00:00Z, the earliest time a zip entry can hold. */
#define FALLBACK_TIME 315532800LL

static const char default_css[] =
    "/* artconv default style sheet: replace it with --css FILE. */\n"
    "html { -epub-hyphens: auto; hyphens: auto; }\n"
    "body { margin: 0 0.5em; line-height: 1.5; orphans: 2; widows: 2; }\n"
    "h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.2em 0 0.5em; hyphens: manual;\n"
    "  -epub-hyphens: manual; page-break-after: avoid; break-after: avoid; }\n"
    "h1 { font-size: 1.6em; }\n"
    "h2 { font-size: 1.3em; }\n"
    "h3 { font-size: 1.15em; }\n"
    "p { margin: 0 0 0.8em; }\n"
    "header { margin-bottom: 1.5em; }\n"
    "header h1 { margin-top: 0; }\n"
    ".standfirst { font-size: 1.15em; font-style: italic; }\n"
    ".byline, .dateline, .published, .modified { font-size: 0.9em; margin: 0.2em 0; }\n"
    ".dateline { text-transform: uppercase; letter-spacing: 0.05em; }\n"
    "img { max-width: 100%; height: auto; }\n"
    "figure { margin: 1em 0; page-break-inside: avoid; break-inside: avoid; }\n"
    "figcaption { font-size: 0.85em; margin-top: 0.3em; }\n"
    ".credit { font-size: 0.85em; font-variant: small-caps; }\n"
    "blockquote { margin: 1em 1.5em; font-style: italic; }\n"
    ".attribution { font-style: normal; }\n"
    "pre { white-space: pre-wrap; font-size: 0.85em; }\n"
    "code { font-family: monospace; }\n"
    "table { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }\n"
    "th, td { border: 1px solid #999; padding: 0.2em 0.4em; text-align: start; "
    "vertical-align: top; }\n"
    "hr { border: 0; border-top: 1px solid #999; margin: 1.5em 20%; }\n"
    "footer { font-size: 0.85em; margin-top: 2em; }\n"
    ".cover { margin: 0; padding: 0; text-align: center; }\n"
    ".cover img { max-height: 95vh; }\n"
    "nav ol { list-style-type: none; padding-left: 1em; }\n";

static int add_toc(ac_epub_book *book, const char *href, const char *fragment, const char *label,
                   int depth)
{
    void *items = book->toc;
    ac_epub_toc *entry;
    artconv_buf link = ARTCONV_BUF_INIT;

    if (ac_epub_reserve(&items, &book->cap_toc, book->n_toc, sizeof *book->toc) < 0)
        return ARTCONV_ENOMEM;
    book->toc = items;
    if (artconv_buf_puts(&link, href) < 0 ||
        (fragment != NULL &&
         (artconv_buf_putc(&link, '#') < 0 || artconv_buf_puts(&link, fragment) < 0))) {
        artconv_buf_dispose(&link);
        return ARTCONV_ENOMEM;
    }
    entry = &book->toc[book->n_toc];
    entry->href = link.ptr;
    entry->label = ac_strndup(label, strlen(label));
    entry->depth = depth;
    if (entry->label == NULL) {
        free(entry->href);
        return ARTCONV_ENOMEM;
    }
    book->n_toc++;
    return ARTCONV_OK;
}

/* Appends the text of `el` with runs of whitespace as one space, trimmed. */
static int collapsed_text(artconv_buf *out, xmlNodePtr el)
{
    xmlChar *text = xmlNodeGetContent(el);
    const char *p;
    int space = 0, rc = ARTCONV_OK;

    if (text == NULL)
        return ARTCONV_OK;
    for (p = (const char *)text; *p != '\0' && rc == ARTCONV_OK; p++) {
        if (ac_is_space((unsigned char)*p)) {
            space = out->len > 0;
            continue;
        }
        if (space)
            rc = artconv_buf_putc(out, ' ');
        space = 0;
        if (rc == ARTCONV_OK)
            rc = artconv_buf_putc(out, *p);
    }
    xmlFree(text);
    return rc;
}

static int is_el(const xmlNode *node, const char *name)
{
    return node != NULL && node->type == XML_ELEMENT_NODE && xmlStrEqual(node->name, BAD_CAST name);
}

static int heading_level(const xmlNode *node)
{
    if (node->type != XML_ELEMENT_NODE || node->name[0] != 'h' || node->name[1] < '1' ||
        node->name[1] > '6' || node->name[2] != '\0')
        return 0;
    return node->name[1] - '0';
}

/* --- making the XHTML fit for a book ---------------------------------------- */

typedef struct {
    ac_epub_book *book;
    const artconv_article *article;
    const char *dir;    /* where local images are */
    const char *source; /* the article's URL, for site-relative links */
    const char *language;
    size_t number; /* 1-based chapter number */
    artconv_error *err;
} chapter;

/* Moves the children of `el` in its place and frees it. */
static void unwrap(xmlNodePtr el)
{
    xmlNodePtr child = el->children, next;

    for (; child != NULL; child = next) {
        next = child->next;
        xmlUnlinkNode(child);
        if (xmlAddPrevSibling(el, child) == NULL)
            xmlFreeNode(child);
    }
    xmlUnlinkNode(el);
    xmlFreeNode(el);
}

static int has_content(const xmlNode *el)
{
    const xmlNode *child;

    for (child = el->children; child != NULL; child = child->next) {
        if (child->type == XML_ELEMENT_NODE)
            return 1;
        if (child->type == XML_TEXT_NODE && child->content != NULL) {
            const xmlChar *p;

            for (p = child->content; *p != '\0'; p++)
                if (!ac_is_space(*p))
                    return 1;
        }
    }
    return 0;
}

static int fix_image(chapter *c, xmlNodePtr img)
{
    xmlChar *src = xmlGetProp(img, BAD_CAST "src"), *alt = NULL;
    xmlNodePtr parent = img->parent, text;
    const char *href = NULL;
    int rc;

    rc = ac_epub_image(c->book, c->dir, (const char *)src, 0, &href, c->err);
    if (rc < 0)
        goto cleanup;
    if (href != NULL) {
        rc = ac_xhtml_set_attr(img, "src", href);
        alt = xmlGetProp(img, BAD_CAST "alt");
        if (alt == NULL || alt[0] == '\0')
            c->book->images_without_alt++;
        goto cleanup;
    }
    /* Not embedded: a figure keeps its caption, an inline image its alt
     * text; an empty figure goes. */
    if (!is_el(parent, "figure")) {
        alt = xmlGetProp(img, BAD_CAST "alt");
        if (alt != NULL && alt[0] != '\0') {
            text = xmlNewDocText(img->doc, alt);
            if (text == NULL || xmlAddPrevSibling(img, text) == NULL) {
                xmlFreeNode(text);
                rc = ARTCONV_ENOMEM;
                goto cleanup;
            }
        }
    }
    xmlUnlinkNode(img);
    xmlFreeNode(img);
    if (is_el(parent, "figure") && !has_content(parent)) {
        xmlUnlinkNode(parent);
        xmlFreeNode(parent);
    }
cleanup:
    xmlFree(src);
    xmlFree(alt);
    return rc < 0 ? ac_nomem(c->err) : ARTCONV_OK;
}

static int has_scheme(const char *url, const char *scheme)
{
    size_t n = strlen(scheme);

    return ac_strncaseeq(url, scheme, n) && url[n] == ':';
}

/* 1 for the schemes a reading system hands to a browser or mail program. */
static int external_ok(const char *url)
{
    return has_scheme(url, "http") || has_scheme(url, "https") || has_scheme(url, "mailto") ||
           has_scheme(url, "ftp") || has_scheme(url, "tel");
}

static int url_has_scheme(const char *url)
{
    const char *p = url;

    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
        return 0;
    while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
           *p == '+' || *p == '-' || *p == '.')
        p++;
    return *p == ':';
}

/* 1 if `url` parses as a URI (epubcheck refuses spaces and the like). */
static int uri_ok(const char *url)
{
    xmlURIPtr uri = xmlParseURI(url);

    if (uri == NULL)
        return 0;
    xmlFreeURI(uri);
    return 1;
}

/* Links inside the book would dangle (the article's anchors are not kept,
 * other pages of the site are not in it): site-relative ones become
 * absolute against the source URL, the rest lose their link but keep
 * their text.  Nested links (invalid HTML) are unwrapped too. */
static int fix_link(chapter *c, xmlNodePtr a)
{
    xmlChar *href = xmlGetProp(a, BAD_CAST "href"), *absolute = NULL;
    xmlNodePtr up;
    int keep = 0, rc = ARTCONV_OK;

    for (up = a->parent; up != NULL; up = up->parent)
        if (is_el(up, "a"))
            goto drop;
    if (href == NULL) {
        keep = 1; /* a plain <a> links nowhere: harmless */
        goto drop;
    }
    if (url_has_scheme((const char *)href)) {
        keep = external_ok((const char *)href) && uri_ok((const char *)href);
    } else if (href[0] != '#' && c->source != NULL && external_ok(c->source)) {
        absolute = xmlBuildURI(href, BAD_CAST c->source);
        if (absolute != NULL && external_ok((const char *)absolute) &&
            uri_ok((const char *)absolute)) {
            rc = ac_xhtml_set_attr(a, "href", (const char *)absolute);
            keep = 1;
        }
    }
drop:
    if (!keep)
        unwrap(a);
    xmlFree(href);
    xmlFree(absolute);
    return rc < 0 ? ac_nomem(c->err) : ARTCONV_OK;
}

/* The src of an <img>, or NULL (borrowed: libxml2 keeps an attribute's
 * value in one text child). */
static const xmlChar *src_of(const xmlNode *img)
{
    xmlAttrPtr attr = xmlHasProp(img, BAD_CAST "src");

    return attr != NULL && attr->children != NULL ? attr->children->content : NULL;
}

/* The src of the first <img> below `el`, or NULL (borrowed). */
static const xmlChar *first_src(const xmlNode *el)
{
    xmlNodePtr node;

    for (node = (xmlNodePtr)el; node != NULL; node = ac_xml_next(node, el, 0))
        if (is_el(node, "img"))
            return src_of(node);
    return NULL;
}

/* 1 if an image or figure of the body has the URL `src`. */
static int body_shows(const artconv_node *body, const xmlChar *src)
{
    artconv_iter it;
    artconv_event ev;

    artconv_iter_init(&it, body);
    while ((ev = artconv_iter_next(&it)) != ARTCONV_EVENT_DONE) {
        const artconv_node *node = artconv_iter_node(&it);
        artconv_node_kind kind = artconv_node_get_kind(node);
        const char *url;

        if (ev != ARTCONV_EVENT_ENTER ||
            (kind != ARTCONV_NODE_IMAGE && kind != ARTCONV_NODE_FIGURE))
            continue;
        url = artconv_node_get_url(node);
        if (url != NULL && xmlStrEqual(BAD_CAST url, src))
            return 1;
    }
    return 0;
}

/* Drops the title block's lead figure when the body shows the same image
 * (the HTML reader takes the lead image from the first figure), so that a
 * book does not show it, or its caption, twice in a row.  The body is
 * looked at in the model: its XHTML is built a page at a time, after the
 * header. */
static void drop_repeated_lead(xmlNodePtr header, const artconv_node *body)
{
    xmlNodePtr lead = NULL, node;
    const xmlChar *src;

    if (!is_el(header, "header"))
        return;
    for (node = header->children; node != NULL; node = node->next)
        if (is_el(node, "figure"))
            lead = node;
    if (lead == NULL || (src = first_src(lead)) == NULL || !body_shows(body, src))
        return;
    xmlUnlinkNode(lead);
    xmlFreeNode(lead);
}

/* Images and links of the chapter, fixed in document order.  The elements
 * are collected first, since fixing them changes the tree. */
static int fix_tree(chapter *c, xmlNodePtr root)
{
    xmlNodePtr *found = NULL, node;
    size_t n = 0, cap = 0, i;
    int rc = ARTCONV_OK;

    for (node = root; node != NULL; node = ac_xml_next(node, root, 0)) {
        if (is_el(node, "img") || is_el(node, "a")) {
            void *items = found;

            if (ac_epub_reserve(&items, &cap, n, sizeof *found) < 0) {
                rc = ac_nomem(c->err);
                goto cleanup;
            }
            found = items;
            found[n++] = node;
        }
    }
    for (i = 0; i < n; i++)
        AC_CHECK(is_el(found[i], "img") ? fix_image(c, found[i]) : fix_link(c, found[i]));
cleanup:
    free(found);
    return rc;
}

/* --- pages -------------------------------------------------------------------- */

/* The XHTML documents of one chapter while they are being filled. */
typedef struct {
    xmlNodePtr *roots;
    xmlNodePtr *sections;
    size_t n, cap;
} pages;

static int new_page(chapter *c, pages *p, xmlDocPtr doc, const char *title)
{
    xmlNodePtr root = NULL, body, section;
    ac_xhtml_options o = {NULL};
    void *items;
    size_t cap = p->cap;
    int rc;

    items = p->roots;
    if (ac_epub_reserve(&items, &cap, p->n, sizeof *p->roots) < 0)
        return ac_nomem(c->err);
    p->roots = items;
    items = p->sections;
    cap = p->cap;
    if (ac_epub_reserve(&items, &cap, p->n, sizeof *p->sections) < 0)
        return ac_nomem(c->err);
    p->sections = items;
    p->cap = cap;
    rc = ac_epub_page(&root, &body, doc, title, c->language, ac_epub_language_rtl(c->language),
                      "style.css", &o.ns, c->err);
    if (rc < 0) {
        xmlFreeNode(root);
        return rc;
    }
    p->roots[p->n] = root;
    section = ac_xhtml_add(body, &o, "section");
    p->sections[p->n++] = section;
    if (section == NULL)
        return ac_nomem(c->err);
    return ac_xhtml_set_attr(section, "class", "article") < 0 ? ac_nomem(c->err) : ARTCONV_OK;
}

/* Gives the headings of a page ids and puts them in the table of
 * contents, nested by level (a stack of the levels above). */
static int index_page(chapter *c, xmlNodePtr section, const char *href, int *levels, int *n_levels,
                      size_t *count)
{
    artconv_buf label = ARTCONV_BUF_INIT;
    xmlNodePtr node, up;
    char id[64];
    int rc = ARTCONV_OK, base = c->book->n_articles > 1 ? 1 : 0;

    for (node = section; node != NULL; node = ac_xml_next(node, section, 0)) {
        int level = heading_level(node), in_header = 0;

        if (level == 0 || level > AC_EPUB_TOC_LEVELS)
            continue;
        for (up = node->parent; up != NULL && up != section; up = up->parent)
            if (is_el(up, "header"))
                in_header = 1;
        if (in_header)
            continue;
        artconv_buf_clear(&label);
        AC_CHECK(collapsed_text(&label, node));
        if (label.len == 0)
            continue;
        snprintf(id, sizeof id, "h-%zu-%zu", c->number, ++*count);
        AC_CHECK(ac_xhtml_set_attr(node, "id", id));
        while (*n_levels > 0 && levels[*n_levels - 1] >= level)
            (*n_levels)--;
        AC_CHECK(add_toc(c->book, href, id, label.ptr, base + *n_levels));
        levels[(*n_levels)++] = level;
    }
cleanup:
    artconv_buf_dispose(&label);
    return rc < 0 ? ac_nomem(c->err) : rc;
}

/* Gives back the spare room of a finished buffer: a book keeps every
 * page until it is zipped, and a buffer grown by doubling is up to half
 * empty. */
static void fit(artconv_buf *buf)
{
    char *ptr;

    if (buf->ptr == NULL || buf->cap <= buf->len + 1)
        return;
    ptr = realloc(buf->ptr, buf->len + 1);
    if (ptr != NULL) {
        buf->ptr = ptr;
        buf->cap = buf->len + 1;
    }
}

/* A chapter's pages while they are filled, one top-level block at a time:
 * a page is saved and freed as soon as the next one starts, so a long
 * article is never held as one XHTML tree. */
typedef struct {
    chapter *c;
    xmlDocPtr doc;
    const char *title;
    pages p;
    size_t used; /* bytes on the current page */
    int levels[AC_EPUB_TOC_LEVELS + 1], n_levels;
    size_t headings;
} filler;

/* Saves page `i` as the chapter's i-th XHTML file and indexes its
 * headings.  The first page's tree stays until the chapter is done: the
 * namespace of every page's content is its root's. */
static int finish_page(filler *f, size_t i)
{
    chapter *c = f->c;
    ac_epub_file *file = ac_epub_file_add(&c->book->texts, &c->book->n_texts, &c->book->cap_texts);
    char name[64];
    xmlNodePtr child;
    int rc;

    if (file == NULL)
        return ac_nomem(c->err);
    if (i == 0)
        snprintf(name, sizeof name, "chapter-%zu", c->number);
    else
        snprintf(name, sizeof name, "chapter-%zu-%zu", c->number, i + 1);
    file->id = ac_strndup(name, strlen(name));
    strcat(name, ".xhtml");
    file->href = ac_strndup(name, strlen(name));
    file->media_type = "application/xhtml+xml";
    if (file->id == NULL || file->href == NULL)
        return ac_nomem(c->err);
    if (i == 0 && (rc = add_toc(c->book, file->href, NULL, f->title, 0)) < 0)
        return rc;
    if ((rc = index_page(c, f->p.sections[i], file->href, f->levels, &f->n_levels,
                         &f->headings)) < 0 ||
        (rc = ac_epub_save_page(&file->data, f->p.roots[i], c->err)) < 0)
        return rc;
    fit(&file->data);
    if (i > 0) {
        xmlFreeNode(f->p.roots[i]);
        f->p.roots[i] = NULL;
    } else {
        while ((child = f->p.sections[0]->children) != NULL) {
            xmlUnlinkNode(child);
            xmlFreeNode(child);
        }
    }
    return ARTCONV_OK;
}

/* Moves the top-level blocks built in `stage` onto the pages, starting a
 * new page whenever the current one would pass AC_EPUB_SPLIT_SIZE. */
static int place(filler *f, xmlNodePtr stage)
{
    xmlNodePtr block;
    size_t *sizes = NULL, n = 0, i;
    int rc = ARTCONV_OK;

    for (block = stage->children; block != NULL; block = block->next)
        n++;
    if (n == 0)
        return ARTCONV_OK;
    if ((sizes = malloc(n * sizeof *sizes)) == NULL)
        return ac_nomem(f->c->err);
    AC_CHECK(ac_xhtml_measure(sizes, n, stage, f->c->err));
    for (i = 0; i < n && (block = stage->children) != NULL; i++) {
        if (f->used > 0 && f->used + sizes[i] > AC_EPUB_SPLIT_SIZE) {
            AC_CHECK(finish_page(f, f->p.n - 1));
            AC_CHECK(new_page(f->c, &f->p, f->doc, f->title));
            f->used = 0;
        }
        f->used += sizes[i];
        xmlUnlinkNode(block);
        if (xmlAddChild(f->p.sections[f->p.n - 1], block) == NULL) {
            xmlFreeNode(block);
            rc = ac_nomem(f->c->err);
            goto cleanup;
        }
    }
cleanup:
    free(sizes);
    return rc;
}

/* How many top-level blocks are built before they are measured and placed. */
#define STAGED_BLOCKS 64

/* Builds the chapter's XHTML documents and adds them to the book. */
static int add_chapter(chapter *c)
{
    const artconv_article *a = c->article;
    const artconv_node *body = artconv_article_body(a), *block;
    filler f;
    ac_xhtml_options o = {NULL};
    xmlNodePtr stage = NULL;
    size_t i, staged;
    int rc = ARTCONV_OK;

    memset(&f, 0, sizeof f);
    f.c = c;
    f.title = artconv_article_get(a, ARTCONV_META_TITLE);
    if (f.title == NULL)
        f.title = c->book->n_articles == 1 ? c->book->title : "Untitled";
    if ((f.doc = ac_xhtml_doc_new()) == NULL)
        return ac_nomem(c->err);
    AC_CHECK(new_page(c, &f.p, f.doc, f.title));
    o.ns = f.p.roots[0]->ns;
    o.warn = c->book->opts;
    if ((stage = xmlNewDocNode(f.doc, o.ns, BAD_CAST "section", NULL)) == NULL) {
        rc = ac_nomem(c->err);
        goto cleanup;
    }
    AC_CHECK(ac_xhtml_header(stage, a, &o, c->err));
    drop_repeated_lead(stage->children, body);
    AC_CHECK(fix_tree(c, stage));
    AC_CHECK(place(&f, stage));
    /* Blocks are staged a few dozen at a time: measuring has a cost per
     * call (a serialiser), placing has none per block. */
    for (block = artconv_node_first_child(body), staged = 0; block != NULL;
         block = artconv_node_next(block)) {
        AC_CHECK(ac_xhtml_body(stage, block, &o, c->err));
        if (++staged == STAGED_BLOCKS || artconv_node_next(block) == NULL) {
            AC_CHECK(fix_tree(c, stage));
            AC_CHECK(place(&f, stage));
            staged = 0;
        }
    }
    AC_CHECK(ac_xhtml_footer(stage, a, &o, c->err));
    AC_CHECK(fix_tree(c, stage));
    AC_CHECK(place(&f, stage));
    AC_CHECK(finish_page(&f, f.p.n - 1));
cleanup:
    xmlFreeNode(stage);
    for (i = 0; i < f.p.n; i++)
        xmlFreeNode(f.p.roots[i]);
    free(f.p.roots);
    free(f.p.sections);
    xmlFreeDoc(f.doc);
    return rc;
}

/* --- the book -------------------------------------------------------------- */

static int add_cover_page(ac_epub_book *book, artconv_error *err)
{
    xmlDocPtr doc = ac_xhtml_doc_new();
    xmlNodePtr root = NULL, body, div, img;
    ac_xhtml_options o = {NULL};
    ac_epub_file *file;
    artconv_buf alt = ARTCONV_BUF_INIT;
    int rc = ARTCONV_OK;

    if (doc == NULL)
        return ac_nomem(err);
    AC_NEED(file = ac_epub_file_add(&book->texts, &book->n_texts, &book->cap_texts));
    AC_NEED(file->href = ac_strndup("cover.xhtml", 11));
    AC_NEED(file->id = ac_strndup("cover", 5));
    file->media_type = "application/xhtml+xml";
    book->has_cover_page = 1;
    AC_CHECK(ac_epub_page(&root, &body, doc, book->title, book->language, book->rtl, "style.css",
                          &o.ns, err));
    AC_NEED(div = ac_xhtml_add(body, &o, "div"));
    AC_CHECK(ac_xhtml_set_attr(div, "class", "cover"));
    AC_NEED(img = ac_xhtml_add(div, &o, "img"));
    AC_CHECK(ac_xhtml_set_attr(img, "src", book->images[book->cover].href));
    AC_CHECK(artconv_buf_puts(&alt, "Cover: "));
    AC_CHECK(artconv_buf_puts(&alt, book->title));
    AC_CHECK(ac_xhtml_set_attr(img, "alt", alt.ptr));
    AC_CHECK(ac_epub_save_page(&file->data, root, err));
cleanup:
    xmlFreeNode(root);
    xmlFreeDoc(doc);
    artconv_buf_dispose(&alt);
    return rc == ARTCONV_ENOMEM ? ac_nomem(err) : rc;
}

/* The latest date of the articles, or -1. */
static long long latest_date(const ac_epub_book *book)
{
    static const artconv_meta fields[] = {ARTCONV_META_MODIFIED, ARTCONV_META_DATE};
    artconv_buf iso = ARTCONV_BUF_INIT;
    long long best = -1, t;
    size_t a, f;

    for (a = 0; a < book->n_articles; a++) {
        for (f = 0; f < 2; f++) {
            const char *value = artconv_article_get(book->articles[a], fields[f]);

            artconv_buf_clear(&iso);
            if (value == NULL || ac_date_normalize(&iso, value, strlen(value)) < 0)
                continue;
            if (ac_epub_parse_time(&t, iso.ptr) == 0 && t > best)
                best = t;
            break;
        }
    }
    artconv_buf_dispose(&iso);
    return best;
}

/* dc:identifier: the article's own id, else a UUID of the source URLs,
 * else of the content. */
static int make_identifier(ac_epub_book *book)
{
    const char *id = artconv_article_get(book->articles[0], ARTCONV_META_ID);
    artconv_buf seed = ARTCONV_BUF_INIT;
    char uuid[64];
    size_t i;
    int sources = 1, rc = ARTCONV_OK;

    if (book->n_articles == 1 && id != NULL) {
        book->identifier = ac_strndup(id, strlen(id));
        return book->identifier != NULL ? ARTCONV_OK : ARTCONV_ENOMEM;
    }
    for (i = 0; i < book->n_articles; i++)
        if (artconv_article_get(book->articles[i], ARTCONV_META_SOURCE) == NULL)
            sources = 0;
    for (i = 0; i < book->n_articles && sources; i++) {
        if (i > 0)
            AC_CHECK(artconv_buf_putc(&seed, '\n'));
        AC_CHECK(
            artconv_buf_puts(&seed, artconv_article_get(book->articles[i], ARTCONV_META_SOURCE)));
    }
    if (!sources) {
        /* The title and each page's own identifier: hashing the pages
         * one by one keeps a long book from being copied into one seed. */
        AC_CHECK(artconv_buf_puts(&seed, book->title));
        for (i = 0; i < book->n_texts; i++) {
            const artconv_buf *page = &book->texts[i].data;

            ac_epub_uuid(uuid, page->ptr != NULL ? page->ptr : "", page->len);
            AC_CHECK(artconv_buf_puts(&seed, uuid));
        }
    }
    ac_epub_uuid(uuid, seed.ptr != NULL ? seed.ptr : "", seed.len);
    book->identifier = ac_strndup(uuid, strlen(uuid));
    if (book->identifier == NULL)
        rc = ARTCONV_ENOMEM;
cleanup:
    artconv_buf_dispose(&seed);
    return rc;
}

/* A language tag for the package: "en_GB" becomes "en-GB"; anything that
 * is still not a tag becomes "und" (undetermined). */
static int pick_language(artconv_buf *out, const char *tag)
{
    size_t i;

    if (tag != NULL && artconv_buf_puts(out, tag) < 0)
        return ARTCONV_ENOMEM;
    for (i = 0; i < out->len; i++)
        if (out->ptr[i] == '_')
            out->ptr[i] = '-';
    if (out->len == 0 || !ac_epub_language_ok(out->ptr)) {
        artconv_buf_clear(out);
        return artconv_buf_puts(out, "und");
    }
    return ARTCONV_OK;
}

/* The folder the article's local images are in.  An article read from an
 * EPUB has none: its relative URLs name entries of that book, and the
 * files that happen to lie beside the .epub must not stand in for them. */
static const char *dir_of(const ac_epub_book *book, size_t i)
{
    if (ac_article_in_container(book->articles[i]))
        return NULL;
    return book->resource_dirs != NULL ? book->resource_dirs[i] : book->opts->resource_dir;
}

int ac_epub_write_book(artconv_buf *out, const artconv_article *const *articles, size_t count,
                       const char *title, const char *const *resource_dirs,
                       const artconv_write_options *opts, artconv_error *err)
{
    ac_epub_book book;
    artconv_buf *languages = NULL;
    const char *href;
    size_t i;
    int rc = ARTCONV_OK;

    memset(&book, 0, sizeof book);
    book.opts = opts;
    book.articles = articles;
    book.n_articles = count;
    book.resource_dirs = resource_dirs;
    book.cover = -1;
    languages = calloc(count + 1, sizeof *languages);
    if (languages == NULL)
        return ac_nomem(err);
    if (title == NULL || *title == '\0')
        title = count == 1 ? artconv_article_get(articles[0], ARTCONV_META_TITLE) : "Digest";
    book.title = title != NULL ? title : "Untitled";
    AC_CHECK(
        pick_language(&languages[count], artconv_article_get(articles[0], ARTCONV_META_LANGUAGE)));
    book.language = languages[count].ptr;
    book.rtl = ac_epub_language_rtl(book.language);
    book.modified = opts->timestamp >= 0 ? opts->timestamp : latest_date(&book);
    if (book.modified < 0)
        book.modified = FALLBACK_TIME;

    /* The cover first, so that it is the first image and a lead image that
     * is also the cover is stored once. */
    if (opts->cover != NULL)
        AC_CHECK(ac_epub_cover_file(&book, opts->cover, err));
    else if (count == 1)
        AC_CHECK(ac_epub_image(&book, dir_of(&book, 0),
                               artconv_article_get(articles[0], ARTCONV_META_IMAGE), 1, &href,
                               err));
    if (book.cover >= 0)
        AC_CHECK(add_cover_page(&book, err));
    for (i = 0; i < count; i++) {
        chapter c = {&book,
                     articles[i],
                     dir_of(&book, i),
                     artconv_article_get(articles[i], ARTCONV_META_SOURCE),
                     NULL,
                     i + 1,
                     err};
        const char *own = artconv_article_get(articles[i], ARTCONV_META_LANGUAGE);

        AC_CHECK(pick_language(&languages[i], own != NULL ? own : book.language));
        c.language = languages[i].ptr;
        AC_CHECK(add_chapter(&c));
    }
    if (opts->stylesheet != NULL)
        AC_CHECK(artconv_buf_puts(&book.css, opts->stylesheet));
    else
        AC_CHECK(artconv_buf_puts(&book.css, default_css));
    AC_CHECK(make_identifier(&book));
    rc = ac_epub_zip_book(out, &book, err);
cleanup:
    for (i = 0; i <= count; i++)
        artconv_buf_dispose(&languages[i]);
    free(languages);
    ac_epub_book_free(&book);
    return rc == ARTCONV_ENOMEM ? ac_nomem(err) : rc;
}

int ac_epub_write(artconv_buf *out, const artconv_article *article,
                  const artconv_write_options *opts, artconv_error *err)
{
    const artconv_article *const articles[1] = {article};

    return ac_epub_write_book(out, articles, 1, NULL, NULL, opts, err);
}
