/*
 * epub_zip.c - the EPUB container, built in memory with libzip 1.7.
 *
 * `mimetype` comes first and stored, as OCF requires; every entry carries
 * the book's modification time set with zip_file_set_dostime (in UTC:
 * zip_file_set_mtime goes through localtime and would make the bytes depend
 * on TZ), so the same book always gives the same bytes.
 */
#include "epub.h"

#include <string.h>
#include <zip.h>

#ifndef DEFLATE_LEVEL
#define DEFLATE_LEVEL 6
#endif

typedef struct {
    zip_t *za;
    unsigned dos_time, dos_date;
    artconv_error *err;
} packer;

/* Adds `len` bytes (not copied: they must live until zip_close). */
static int add(packer *p, const char *name, const char *data, size_t len, int store)
{
    zip_source_t *src = zip_source_buffer(p->za, data != NULL ? data : "", len, 0);
    zip_int64_t idx;

    if (src == NULL)
        return ac_nomem(p->err);
    idx = zip_file_add(p->za, name, src, ZIP_FL_OVERWRITE);
    if (idx < 0) {
        zip_source_free(src);
        return ac_error(p->err, ARTCONV_EIO, "cannot add %s to the EPUB: %s", name,
                        zip_strerror(p->za));
    }
    if (zip_file_set_dostime(p->za, (zip_uint64_t)idx, (zip_uint16_t)p->dos_time,
                             (zip_uint16_t)p->dos_date, 0) < 0 ||
        zip_set_file_compression(p->za, (zip_uint64_t)idx, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                 store ? 0 : DEFLATE_LEVEL) < 0)
        return ac_error(p->err, ARTCONV_EIO, "cannot set up %s in the EPUB: %s", name,
                        zip_strerror(p->za));
    return ARTCONV_OK;
}

static int add_buf(packer *p, const char *name, const artconv_buf *buf)
{
    return add(p, name, buf->ptr, buf->len, 0);
}

static int add_file(packer *p, const ac_epub_file *file, artconv_buf *name)
{
    artconv_buf_clear(name);
    if (artconv_buf_puts(name, "EPUB/") < 0 || artconv_buf_puts(name, file->href) < 0)
        return ac_nomem(p->err);
    return add_buf(p, name->ptr, &file->data);
}

/* Copies the archive libzip wrote into the kept source to `out`. */
static int read_back(artconv_buf *out, zip_source_t *src, artconv_error *err)
{
    zip_stat_t st;
    zip_int64_t n;
    int rc = ARTCONV_OK;

    if (zip_source_open(src) < 0)
        return ac_error(err, ARTCONV_EIO, "cannot read the EPUB back from memory");
    if (zip_source_stat(src, &st) < 0 || !(st.valid & ZIP_STAT_SIZE)) {
        rc = ac_error(err, ARTCONV_EIO, "cannot read the EPUB back from memory");
        goto cleanup;
    }
    if (artconv_buf_grow(out, (size_t)st.size) < 0) {
        rc = ac_nomem(err);
        goto cleanup;
    }
    while ((n = zip_source_read(src, out->ptr + out->len, out->cap - out->len - 1)) > 0) {
        out->len += (size_t)n;
        out->ptr[out->len] = '\0';
        if (out->len + 1 >= out->cap && artconv_buf_grow(out, 65536) < 0) {
            rc = ac_nomem(err);
            goto cleanup;
        }
    }
    if (n < 0)
        rc = ac_error(err, ARTCONV_EIO, "cannot read the EPUB back from memory");
cleanup:
    zip_source_close(src);
    return rc;
}

int ac_epub_zip_book(artconv_buf *out, const ac_epub_book *book, artconv_error *err)
{
    static const char mimetype[] = "application/epub+zip";
    artconv_buf container = ARTCONV_BUF_INIT, opf = ARTCONV_BUF_INIT, nav = ARTCONV_BUF_INIT;
    artconv_buf ncx = ARTCONV_BUF_INIT, name = ARTCONV_BUF_INIT;
    zip_source_t *src = NULL;
    zip_error_t ze;
    packer p = {NULL, 0, 0, err};
    size_t i;
    int rc = ARTCONV_OK;

    zip_error_init(&ze);
    AC_CHECK(ac_epub_container(&container, err));
    AC_CHECK(ac_epub_opf(&opf, book, err));
    AC_CHECK(ac_epub_nav(&nav, book, err));
    AC_CHECK(ac_epub_ncx(&ncx, book, err));
    ac_epub_dos_time(book->modified, &p.dos_time, &p.dos_date);

    src = zip_source_buffer_create(NULL, 0, 0, &ze);
    if (src == NULL) {
        rc = ac_nomem(err);
        goto cleanup;
    }
    zip_source_keep(src); /* ours again after zip_close, to read back */
    p.za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
    if (p.za == NULL) {
        rc = ac_error(err, ARTCONV_EIO, "cannot start the EPUB: %s", zip_error_strerror(&ze));
        goto cleanup;
    }
    AC_CHECK(add(&p, "mimetype", mimetype, sizeof mimetype - 1, 1));
    AC_CHECK(add_buf(&p, "META-INF/container.xml", &container));
    AC_CHECK(add_buf(&p, "EPUB/package.opf", &opf));
    AC_CHECK(add_buf(&p, "EPUB/nav.xhtml", &nav));
    AC_CHECK(add_buf(&p, "EPUB/toc.ncx", &ncx));
    for (i = 0; i < book->n_texts; i++)
        AC_CHECK(add_file(&p, &book->texts[i], &name));
    AC_CHECK(add_buf(&p, "EPUB/style.css", &book->css));
    for (i = 0; i < book->n_images; i++)
        AC_CHECK(add_file(&p, &book->images[i], &name));
    if (zip_close(p.za) < 0) {
        rc = ac_error(err, ARTCONV_EIO, "cannot write the EPUB: %s", zip_strerror(p.za));
        goto cleanup;
    }
    p.za = NULL;
    rc = read_back(out, src, err);
cleanup:
    if (p.za != NULL)
        zip_discard(p.za);
    if (src != NULL)
        zip_source_free(src);
    zip_error_fini(&ze);
    artconv_buf_dispose(&container);
    artconv_buf_dispose(&opf);
    artconv_buf_dispose(&nav);
    artconv_buf_dispose(&ncx);
    artconv_buf_dispose(&name);
    return rc;
}
