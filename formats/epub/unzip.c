/*
 * unzip.c - the EPUB reader's archive: entry names checked, every entry
 * inflated with a running count against the limits (never trusting the
 * sizes the archive claims), and parsed as XML without entities, network
 * or DTD (see read.c for why).
 */
#include "epub_reader.h"
#include "xml_safe.h"

#include <libxml/parser.h>
#include <libxml/uri.h>
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

/* 1 if `href` starts with a URL scheme ("http:"). */
static int has_scheme(const char *href)
{
    const char *p = href;

    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
        return 0;
    while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
           *p == '+' || *p == '-' || *p == '.')
        p++;
    return *p == ':';
}

/* Resolved here rather than with xmlBuildURI, which gives up on IRIs
 * (xhtml/表紙.xhtml was refused as outside the book): the reference is
 * percent-decoded, then its segments are joined to the folder of `base`
 * with "." and ".." applied, never climbing above the root. */
int ac_epub_resolve(char **out, const char *base, const char *href)
{
    artconv_buf path = ARTCONV_BUF_INIT;
    char *decoded = NULL;
    const char *p, *slash;
    size_t n = strcspn(href, "?#"), root = 0;
    int rc = ARTCONV_OK;

    *out = NULL;
    if (n == 0 || n > INT_MAX || has_scheme(href) || href[0] == '/' || href[0] == '\\')
        return ARTCONV_EPARSE;
    /* "%00" would cut the name short. */
    for (p = href; p + 3 <= href + n; p++)
        if (p[0] == '%' && p[1] == '0' && p[2] == '0')
            return ARTCONV_EPARSE;
    decoded = xmlURIUnescapeString(href, (int)n, NULL);
    if (decoded == NULL)
        return ARTCONV_ENOMEM;
    slash = base != NULL ? strrchr(base, '/') : NULL;
    if (slash != NULL && artconv_buf_put(&path, base, (size_t)(slash - base)) < 0)
        goto nomem;
    for (p = decoded; *p != '\0';) {
        size_t len = strcspn(p, "/");

        if (len == 2 && p[0] == '.' && p[1] == '.') {
            if (path.len == root) {
                rc = ARTCONV_EPARSE;
                goto cleanup;
            }
            while (path.len > root && path.ptr[path.len - 1] != '/')
                path.len--;
            if (path.len > root)
                path.len--; /* the slash */
            path.ptr[path.len] = '\0';
        } else if (len > 0 && !(len == 1 && p[0] == '.')) {
            if ((path.len > 0 && artconv_buf_putc(&path, '/') < 0) ||
                artconv_buf_put(&path, p, len) < 0)
                goto nomem;
        }
        p += len;
        if (*p == '/')
            p++;
    }
    if (path.len == 0 || strlen(path.ptr) != path.len || !ac_epub_name_is_safe(path.ptr)) {
        rc = ARTCONV_EPARSE;
        goto cleanup;
    }
    *out = path.ptr;
    path.ptr = NULL;
    goto cleanup;
nomem:
    rc = ARTCONV_ENOMEM;
cleanup:
    xmlFree(decoded);
    artconv_buf_dispose(&path);
    return rc;
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
int ac_epub_read_entry(ac_epub_reader *r, const char *name, artconv_buf *out, int is_text)
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
    AC_CHECK(ac_epub_read_entry(r, name, &data, is_text));
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
