/*
 * read_own.c - reading back a page that artconv's HTML writer made
 * (formats/html/write.c, formats/shared/xhtml_header.c), whole: the
 * writer names itself in <meta name="generator">, puts the metadata a
 * reader sees in the article's <header> and <footer> under fixed class
 * names, and the rest in <head> under Open Graph and Dublin Core names.
 * Such a page is not searched for its article: the <article> is the
 * article, and its links are kept as the model had them (not resolved
 * against the canonical address, which was the model's source).
 */
#include "html.h"

#include <stdlib.h>
#include <string.h>

/* The <article> of a page artconv wrote, or NULL. */
xmlNodePtr ac_html_own_article(const ac_html_page *page)
{
    const xmlNode *head, *n;
    xmlNodePtr found = NULL;
    int generator = 0;

    if (page->html == NULL || page->body == NULL)
        return NULL;
    for (head = page->html->children; head != NULL && !ac_html_is(head, "head"); head = head->next)
        ;
    for (n = head != NULL ? head->children : NULL; n != NULL; n = n->next) {
        const char *name = ac_html_attr(n, "name"), *content = ac_html_attr(n, "content");

        if (ac_html_is(n, "meta") && name != NULL && content != NULL &&
            ac_strcaseeq(name, "generator") && strncmp(content, "artconv", 7) == 0)
            generator = 1;
    }
    if (!generator)
        return NULL;
    /* The writer's body holds the one <article> and nothing else. */
    for (n = page->body->children; n != NULL; n = n->next) {
        if (n->type == XML_TEXT_NODE) {
            const xmlChar *t = n->content;

            while (t != NULL && *t != '\0' && ac_html_is_space(*t))
                t++;
            if (t != NULL && *t != '\0')
                return NULL;
        } else if (n->type == XML_ELEMENT_NODE) {
            if (found != NULL || !ac_html_is(n, "article"))
                return NULL;
            found = (xmlNodePtr)n;
        }
    }
    return found;
}

/* 1 if the element's class attribute is exactly `cls` (the writer writes
 * one class). */
static int has_class(const xmlNode *el, const char *name, const char *cls)
{
    const char *c = ac_html_attr(el, "class");

    return el->type == XML_ELEMENT_NODE && ac_html_is(el, name) && c != NULL && strcmp(c, cls) == 0;
}

/* Sets `field` to the element's text (NULL element: unset). */
static int set_text(artconv_article *a, artconv_meta field, const xmlNode *el, const char *left_out,
                    artconv_buf *tmp, artconv_error *err)
{
    artconv_buf_clear(tmp);
    if (ac_html_text_without(tmp, el, left_out) < 0)
        return ac_nomem(err);
    return artconv_article_set(a, field, tmp->len > 0 ? tmp->ptr : NULL, err);
}

/* A date line: its <time datetime>, or its text when the writer could not
 * read the value as a date. */
static int set_date(artconv_article *a, artconv_meta field, const xmlNode *p, artconv_buf *tmp,
                    artconv_error *err)
{
    const xmlNode *t;

    for (t = p->children; t != NULL; t = t->next)
        if (ac_html_is(t, "time") && ac_html_attr(t, "datetime") != NULL)
            return artconv_article_set(a, field, ac_html_attr(t, "datetime"), err);
    return set_text(a, field, p, NULL, tmp, err);
}

static int read_byline(artconv_article *a, const xmlNode *p, artconv_buf *tmp, artconv_error *err)
{
    const xmlNode *s;
    int rc;

    artconv_article_list_clear(a, ARTCONV_LIST_AUTHORS);
    for (s = p->children; s != NULL; s = s->next) {
        if (!has_class(s, "span", "author"))
            continue;
        artconv_buf_clear(tmp);
        if (ac_html_text(tmp, s) < 0)
            return ac_nomem(err);
        if (tmp->len > 0 &&
            (rc = artconv_article_list_add(a, ARTCONV_LIST_AUTHORS, tmp->ptr, err)) < 0)
            return rc;
    }
    return 0;
}

static int read_lead(artconv_article *a, const xmlNode *figure, artconv_buf *tmp,
                     artconv_error *err)
{
    const xmlNode *n, *s;
    int rc = 0;

    for (n = figure->children; n != NULL && rc == 0; n = n->next) {
        if (ac_html_is(n, "img")) {
            if ((rc = artconv_article_set(a, ARTCONV_META_IMAGE, ac_html_attr(n, "src"), err)) == 0)
                rc = artconv_article_set(a, ARTCONV_META_IMAGE_ALT, ac_html_attr(n, "alt"), err);
        } else if (ac_html_is(n, "figcaption")) {
            rc = set_text(a, ARTCONV_META_IMAGE_CAPTION, n, "small", tmp, err);
            for (s = n->children; s != NULL && rc == 0; s = s->next)
                if (has_class(s, "small", "credit"))
                    rc = set_text(a, ARTCONV_META_IMAGE_CREDIT, s, NULL, tmp, err);
        }
    }
    return rc;
}

static int read_header(artconv_article *a, const xmlNode *header, artconv_buf *tmp,
                       artconv_error *err)
{
    const xmlNode *n;
    int rc = 0;

    for (n = header->children; n != NULL && rc == 0; n = n->next) {
        if (ac_html_is(n, "h1"))
            rc = set_text(a, ARTCONV_META_TITLE, n, NULL, tmp, err);
        else if (has_class(n, "p", "standfirst"))
            rc = set_text(a, ARTCONV_META_SUBTITLE, n, NULL, tmp, err);
        else if (has_class(n, "p", "byline"))
            rc = read_byline(a, n, tmp, err);
        else if (has_class(n, "p", "dateline"))
            rc = set_text(a, ARTCONV_META_DATELINE, n, NULL, tmp, err);
        else if (has_class(n, "p", "published"))
            rc = set_date(a, ARTCONV_META_DATE, n, tmp, err);
        else if (has_class(n, "p", "modified"))
            rc = set_date(a, ARTCONV_META_MODIFIED, n, tmp, err);
        else if (has_class(n, "figure", "lead"))
            rc = read_lead(a, n, tmp, err);
    }
    return rc;
}

static int read_footer(artconv_article *a, const xmlNode *footer, artconv_buf *tmp,
                       artconv_error *err)
{
    const xmlNode *n;
    int rc = 0;

    for (n = footer->children; n != NULL && rc == 0; n = n->next) {
        if (has_class(n, "p", "credit"))
            rc = set_text(a, ARTCONV_META_CREDIT, n, NULL, tmp, err);
        else if (has_class(n, "p", "rights"))
            rc = set_text(a, ARTCONV_META_RIGHTS, n, NULL, tmp, err);
    }
    return rc;
}

/* The <head> values the general metadata reader does not take as the
 * writer meant them: the identifier, and keywords one a tag (they may
 * hold commas). */
static int read_head(artconv_article *a, const ac_html_page *page, artconv_error *err)
{
    const xmlNode *head, *n;
    int tags = 0, rc = 0;

    for (head = page->html->children; head != NULL && !ac_html_is(head, "head"); head = head->next)
        ;
    for (n = head != NULL ? head->children : NULL; n != NULL && rc == 0; n = n->next) {
        const char *name = ac_html_attr(n, "name"), *property = ac_html_attr(n, "property");
        const char *content = ac_html_attr(n, "content");

        if (!ac_html_is(n, "meta") || content == NULL)
            continue;
        if (name != NULL && strcmp(name, "dcterms.identifier") == 0) {
            rc = artconv_article_set(a, ARTCONV_META_ID, content, err);
        } else if (property != NULL && strcmp(property, "article:tag") == 0) {
            if (tags++ == 0)
                artconv_article_list_clear(a, ARTCONV_LIST_KEYWORDS);
            rc = artconv_article_list_add(a, ARTCONV_LIST_KEYWORDS, content, err);
        }
    }
    return rc;
}

int ac_html_read_own(artconv_article *a, ac_html_page *page, xmlNodePtr article, artconv_error *err)
{
    artconv_buf tmp = ARTCONV_BUF_INIT;
    xmlNodePtr n;
    size_t count = 0;
    const char *description, *subtitle;
    int rc = 0;

    for (n = article->children; n != NULL; n = n->next)
        count += n->type == XML_ELEMENT_NODE;
    free(page->roots);
    page->n_roots = 0;
    if ((page->roots = malloc((count > 0 ? count : 1) * sizeof *page->roots)) == NULL)
        return ac_nomem(err);
    for (n = article->children; n != NULL && rc == 0; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (ac_html_is(n, "header") && page->n_roots == 0)
            rc = read_header(a, n, &tmp, err);
        else if (ac_html_is(n, "footer") && xmlNextElementSibling(n) == NULL)
            rc = read_footer(a, n, &tmp, err);
        else
            page->roots[page->n_roots++] = n;
    }
    if (rc == 0)
        rc = read_head(a, page, err);
    /* With no description, the writer gives the standfirst as one. */
    description = artconv_article_get(a, ARTCONV_META_DESCRIPTION);
    subtitle = artconv_article_get(a, ARTCONV_META_SUBTITLE);
    if (rc == 0 && description != NULL && subtitle != NULL && strcmp(description, subtitle) == 0)
        rc = artconv_article_set(a, ARTCONV_META_DESCRIPTION, NULL, err);
    /* The page's links are the model's own. */
    xmlFree(page->base);
    page->base = NULL;
    artconv_buf_dispose(&tmp);
    return rc;
}
