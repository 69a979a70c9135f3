/*
 * chapter.c - one article of an EPUB as XHTML content documents: its title
 * block, body and footer built a few dozen blocks at a time, spread over
 * pages of about AC_EPUB_SPLIT_SIZE bytes, and its headings given ids and
 * entries in the book's table of contents.
 */
#include "epub.h"
#include "xhtml.h"
#include "xml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
static int heading_level(const xmlNode *node)
{
    if (node->type != XML_ELEMENT_NODE || node->name[0] != 'h' || node->name[1] < '1' ||
        node->name[1] > '6' || node->name[2] != '\0')
        return 0;
    return node->name[1] - '0';
}

/* The XHTML documents of one chapter while they are being filled. */
typedef struct {
    xmlNodePtr *roots;
    xmlNodePtr *sections;
    size_t n, cap;
} pages;

static int new_page(ac_epub_chapter *c, pages *p, xmlDocPtr doc, const char *title)
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
static int index_page(ac_epub_chapter *c, xmlNodePtr section, const char *href, int *levels,
                      int *n_levels, size_t *count)
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
            if (ac_epub_is_el(up, "header"))
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
    ac_epub_chapter *c;
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
    ac_epub_chapter *c = f->c;
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
    if ((rc = index_page(c, f->p.sections[i], file->href, f->levels, &f->n_levels, &f->headings)) <
            0 ||
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
int ac_epub_add_chapter(ac_epub_chapter *c)
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
    ac_epub_drop_repeated_lead(stage->children, body);
    AC_CHECK(ac_epub_fix_tree(c, stage));
    AC_CHECK(place(&f, stage));
    /* Blocks are staged a few dozen at a time: measuring has a cost per
     * call (a serialiser), placing has none per block. */
    for (block = artconv_node_first_child(body), staged = 0; block != NULL;
         block = artconv_node_next(block)) {
        AC_CHECK(ac_xhtml_body(stage, block, &o, c->err));
        if (++staged == STAGED_BLOCKS || artconv_node_next(block) == NULL) {
            AC_CHECK(ac_epub_fix_tree(c, stage));
            AC_CHECK(place(&f, stage));
            staged = 0;
        }
    }
    AC_CHECK(ac_xhtml_footer(stage, a, &o, c->err));
    AC_CHECK(ac_epub_fix_tree(c, stage));
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
