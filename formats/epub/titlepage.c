/*
 * titlepage.c - the book's title page: title, subtitle, authors, date and
 * publisher, after the cover and before the text.
 *
 * The page is marked epub:type and class "titlepage", and each of its
 * lines holds exactly a value the package document carries (dc:title,
 * dc:description, dc:creator, dc:date, dc:publisher).  artconv's EPUB
 * reader drops such lines of a title page (formats/epub/read_spine.c), so
 * the page is not read back as body text; a line the package would not
 * carry is therefore not shown here at all.  The date is shown as a
 * person writes it, in the book's language, and its <time datetime> holds
 * the package's value: the reader drops the line by that value.
 */
#include "epub.h"
#include "xhtml.h"

#include <string.h>

/* 1 if `name` is among the authors of articles[0..upto). */
static int seen_author(const ac_epub_book *book, size_t upto, const char *name)
{
    size_t a, i;

    for (a = 0; a < upto; a++)
        for (i = 0; i < artconv_article_list_count(book->articles[a], ARTCONV_LIST_AUTHORS); i++)
            if (strcmp(artconv_article_list_get(book->articles[a], ARTCONV_LIST_AUTHORS, i),
                       name) == 0)
                return 1;
    return 0;
}

/* A line of the page; nothing for a NULL or empty value. */
static int line(xmlNodePtr parent, const ac_xhtml_options *o, const char *name, const char *cls,
                const char *text)
{
    if (text == NULL || *text == '\0')
        return ARTCONV_OK;
    return ac_xhtml_add_text_element(parent, o, name, cls, text) != NULL ? ARTCONV_OK
                                                                         : ARTCONV_ENOMEM;
}

/* Every author once, in the order of the articles (as dc:creator). */
static int add_authors(xmlNodePtr section, const ac_xhtml_options *o, const ac_epub_book *book)
{
    size_t a, i;

    for (a = 0; a < book->n_articles; a++) {
        const artconv_article *art = book->articles[a];

        for (i = 0; i < artconv_article_list_count(art, ARTCONV_LIST_AUTHORS); i++) {
            const char *name = artconv_article_list_get(art, ARTCONV_LIST_AUTHORS, i);

            if (!seen_author(book, a, name) && line(section, o, "p", "author", name) < 0)
                return ARTCONV_ENOMEM;
        }
    }
    return ARTCONV_OK;
}

/* The subtitle of a one-article book, when the package's dc:description
 * holds it (see ac_epub_opf), else NULL. */
static const char *subtitle_of(const ac_epub_book *book)
{
    const char *subtitle, *description;

    if (book->n_articles != 1)
        return NULL;
    subtitle = artconv_article_get(book->articles[0], ARTCONV_META_SUBTITLE);
    description = artconv_article_get(book->articles[0], ARTCONV_META_DESCRIPTION);
    return subtitle != NULL && (description == NULL || strcmp(description, subtitle) == 0)
               ? subtitle
               : NULL;
}

static int add_date(xmlNodePtr section, const ac_xhtml_options *o, const ac_epub_book *book)
{
    const char *value =
        book->n_articles == 1 ? artconv_article_get(book->articles[0], ARTCONV_META_DATE) : NULL;
    artconv_buf iso = ARTCONV_BUF_INIT;
    xmlNodePtr p, t;
    int rc = ARTCONV_OK;

    artconv_buf shown = ARTCONV_BUF_INIT;

    if (value == NULL || ac_date_normalize(&iso, value, strlen(value)) != ARTCONV_OK)
        goto cleanup;
    if (ac_date_for_people(&shown, value,
                           artconv_article_get(book->articles[0], ARTCONV_META_LANGUAGE)) < 0 ||
        (p = ac_xhtml_add_text_element(section, o, "p", "date", NULL)) == NULL ||
        (t = ac_xhtml_add_text_element(p, o, "time", NULL, shown.ptr)) == NULL ||
        ac_xhtml_set_attr(t, "datetime", iso.ptr) < 0)
        rc = ARTCONV_ENOMEM;
cleanup:
    artconv_buf_dispose(&iso);
    artconv_buf_dispose(&shown);
    return rc;
}

int ac_epub_add_title_page(ac_epub_book *book, artconv_error *err)
{
    const char *title = strstr(book->placeholders, "title") == NULL ? book->title : NULL;
    const char *publisher = ac_epub_common_meta(book, ARTCONV_META_PUBLISHER);
    xmlDocPtr doc;
    xmlNodePtr root = NULL, body, section;
    ac_xhtml_options o = {NULL};
    ac_epub_file *file;
    int rc = ARTCONV_OK;

    if (title == NULL)
        return ARTCONV_OK; /* a page of stand-ins would say nothing */
    if ((doc = ac_xhtml_doc_new()) == NULL)
        return ac_nomem(err);
    AC_NEED(file = ac_epub_file_add(&book->texts, &book->n_texts, &book->cap_texts));
    AC_NEED(file->href = ac_strndup("titlepage.xhtml", 15));
    AC_NEED(file->id = ac_strndup("titlepage", 9));
    file->media_type = "application/xhtml+xml";
    book->has_title_page = 1;
    AC_CHECK(ac_epub_page(&root, &body, doc, book->title, book->language, book->rtl, "style.css",
                          &o.ns, err));
    AC_CHECK(ac_epub_set_type(body, "frontmatter"));
    AC_NEED(section = ac_xhtml_add(body, &o, "section"));
    AC_CHECK(ac_epub_set_type(section, "titlepage"));
    AC_CHECK(ac_xhtml_set_attr(section, "class", "titlepage"));
    AC_CHECK(line(section, &o, "h1", "title", title));
    AC_CHECK(line(section, &o, "p", "subtitle", subtitle_of(book)));
    AC_CHECK(add_authors(section, &o, book));
    AC_CHECK(add_date(section, &o, book));
    AC_CHECK(line(section, &o, "p", "publisher", publisher));
    AC_CHECK(ac_epub_save_page(&file->data, root, err));
cleanup:
    xmlFreeNode(root);
    xmlFreeDoc(doc);
    return rc == ARTCONV_ENOMEM ? ac_nomem(err) : rc;
}
