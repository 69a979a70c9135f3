/*
 * write.c - the EPUB 3 writer (with the EPUB 2 NCX for older reading
 * systems): one article, or several as a digest with a chapter each.
 *
 * Each article becomes XHTML through the shared model-to-XHTML tree
 * (formats/shared/xhtml.c): a title block, the body, a footer, spread over
 * documents of about AC_EPUB_SPLIT_SIZE bytes whose headings make the table
 * of contents (formats/epub/chapter.c).  The tree is made fit for a book on
 * the way (formats/epub/fit.c): local images are embedded
 * (formats/epub/image.c), remote ones dropped with their captions kept,
 * links that would dangle are made absolute from the article's source URL
 * or unwrapped.  formats/epub/package.c writes the package documents and
 * formats/epub/zip.c the container, formats/epub/style.c holds the style
 * sheet and formats/epub/titlepage.c the title page.  This file makes the
 * book around them: the cover, the identifier, the language and the times.
 *
 * Reproducible: no clock is read.  The modification time is the caller's
 * timestamp (SOURCE_DATE_EPOCH), else the articles' latest date, else
 * 1980-01-01; the identifier is a name-based UUID of the source URLs, or
 * of the content when there are none.
 */
#include "epub.h"
#include "format_entries.h"
#include "xhtml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 1980-01-01T00:00:00Z, the earliest time a zip entry can hold. */
#define FALLBACK_TIME 315532800LL

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

/* Notes a package value the writer made up (see ac_epub_book). */
static void placeholder(ac_epub_book *book, const char *what)
{
    size_t n = strlen(book->placeholders);

    snprintf(book->placeholders + n, sizeof book->placeholders - n, "%s%s", n > 0 ? " " : "", what);
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
    placeholder(book, "identifier");
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

            /* The title page only repeats the metadata: leaving it out
             * keeps the identifiers books had before there was one. */
            if (book->has_title_page && i == (size_t)book->has_cover_page)
                continue;

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
    if (title == NULL)
        placeholder(&book, "title");
    AC_CHECK(
        pick_language(&languages[count], artconv_article_get(articles[0], ARTCONV_META_LANGUAGE)));
    book.language = languages[count].ptr;
    if (strcmp(book.language, "und") == 0)
        placeholder(&book, "language");
    book.rtl = ac_epub_language_rtl(book.language);
    book.modified = opts->timestamp >= 0 ? opts->timestamp : latest_date(&book);
    if (book.modified < 0)
        book.modified = FALLBACK_TIME;
    /* A stamp, a date or the fallback: not when the article was modified. */
    if (count == 1 && artconv_article_get(articles[0], ARTCONV_META_MODIFIED) == NULL)
        placeholder(&book, "modified");

    /* The cover first, so that it is the first image and a lead image that
     * is also the cover is stored once. */
    if (opts->cover != NULL) {
        AC_CHECK(ac_epub_cover_file(&book, opts->cover, err));
    } else if (count == 1) {
        /* The chapter shows the lead image too and reports what keeps it
         * out (a remote URL...): said once, there, not here as well. */
        artconv_write_options quiet = *opts;

        quiet.warning = NULL;
        book.opts = &quiet;
        rc = ac_epub_article_image(&book, articles[0], dir_of(&book, 0),
                                   artconv_article_get(articles[0], ARTCONV_META_IMAGE), 1, &href,
                                   err);
        book.opts = opts;
        AC_CHECK(rc);
    }
    if (book.cover >= 0)
        AC_CHECK(add_cover_page(&book, err));
    AC_CHECK(ac_epub_add_title_page(&book, err));
    for (i = 0; i < count; i++) {
        ac_epub_chapter c = {&book,
                             articles[i],
                             dir_of(&book, i),
                             artconv_article_get(articles[i], ARTCONV_META_SOURCE),
                             NULL,
                             i + 1,
                             err};
        const char *own = artconv_article_get(articles[i], ARTCONV_META_LANGUAGE);

        AC_CHECK(pick_language(&languages[i], own != NULL ? own : book.language));
        c.language = languages[i].ptr;
        AC_CHECK(ac_epub_add_chapter(&c));
    }
    if (opts->stylesheet != NULL)
        AC_CHECK(artconv_buf_puts(&book.css, opts->stylesheet));
    else
        AC_CHECK(artconv_buf_puts(&book.css, ac_epub_default_css));
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
