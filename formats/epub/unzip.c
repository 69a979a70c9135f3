/*
 * unzip.c - the EPUB reader's archive: entry names checked, every entry
 * inflated with a running count against the limits (never trusting the
 * sizes the archive claims), and parsed as XML without entities, network
 * or DTD (see read.c for why).
 */
#include "epub_reader.h"
#include "xml_safe.h"

#include <libxml/parser.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int ac_epub_parse_error(ac_epub_reader *r, const char *what)
{
    return ac_error(r->err, ARTCONV_EPARSE, "%s", what);
}

/* 1 if an entry name stays inside the book: relative, no "..", no
 * backslash, no drive letter. */
int ac_epub_name_is_safe(const char *name)
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

int ac_epub_check_entries(ac_epub_reader *r)
{
    zip_int64_t n = zip_get_num_entries(r->za, 0), i;

    if (n > AC_EPUB_MAX_ENTRIES)
        return ac_error(r->err, ARTCONV_ELIMIT, "the EPUB has %lld entries; the limit is %d",
                        (long long)n, AC_EPUB_MAX_ENTRIES);
    for (i = 0; i < n; i++) {
        const char *name = zip_get_name(r->za, (zip_uint64_t)i, ZIP_FL_ENC_RAW);

        if (name == NULL)
            return ac_epub_parse_error(r, "the EPUB's directory is damaged");
        if (!ac_epub_name_is_safe(name))
            return ac_error(r->err, ARTCONV_EPARSE,
                            "the EPUB holds an entry named '%.100s', which leads outside the book",
                            name);
    }
    return ARTCONV_OK;
}

/* Inflates entry `name` into `out`, counting against the limits; a spine
 * document (is_text) also counts against the text budget, checked as it
 * inflates so that a chapter beyond the budget is never parsed. */
static int read_entry(ac_epub_reader *r, const char *name, artconv_buf *out, int is_text)
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
int ac_epub_parse_xml(ac_epub_reader *r, const char *name, int is_text, xmlDocPtr *out)
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
