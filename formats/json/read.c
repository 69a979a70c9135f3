/*
 * read.c - artconv's JSON (docs/json.md) back into the model:
 * {"meta": {...}, "body": [...]}, the shape json/write.c writes, so that
 * JSON is an interchange format both ways.  Members other than these two
 * are ignored with a warning; either may be missing.
 */
#include "format_entries.h"
#include "read.h"

#include "decode.h"

#include <string.h>

static int read_top(ac_json_reader *r)
{
    ac_json_cursor c;
    ac_json_span key, value, meta = {0, 0}, body = {0, 0};
    int rc, has_meta = 0, has_body = 0;
    size_t ignored = 0;

    if ((rc = ac_json_open(r, (ac_json_span){0, r->len}, 1, &c)) < 0)
        return rc;
    while ((rc = ac_json_next(r, &c, &key, &value)) > 0) {
        json_t *k;
        const char *name;

        if ((rc = ac_json_load(r, key, &k)) < 0)
            return rc;
        name = json_string_value(k);
        if (strcmp(name, "meta") == 0) {
            meta = value;
            has_meta = 1;
        } else if (strcmp(name, "body") == 0) {
            body = value;
            has_body = 1;
        } else {
            ignored++;
        }
        json_decref(k);
    }
    if (rc < 0)
        return rc;
    if (ignored > 0)
        ac_warn_read(r->opts, ARTCONV_EINVALID, 0,
                     "%zu member%s beside \"meta\" and \"body\" ignored", ignored,
                     ignored == 1 ? "" : "s");
    /* The metadata first, as every reader fills it: the body's rules may
     * read it (none do yet), never the other way round. */
    if (has_meta && (rc = ac_json_read_meta(r, meta)) < 0)
        return rc;
    if (has_body && (rc = ac_json_read_body(r, body)) < 0)
        return rc;
    return 0;
}

int ac_json_read(artconv_article **out, const char *data, size_t len,
                 const artconv_read_options *opts, artconv_error *err)
{
    artconv_buf input = ARTCONV_BUF_INIT;
    ac_json_reader r;
    int rc = ARTCONV_OK;

    *out = NULL;
    memset(&r, 0, sizeof r);
    r.opts = opts;
    r.err = err;
    /* The one input policy of every reader (formats/shared/decode.c); JSON
     * is UTF-8 by its RFC, so what is repaired here is a broken file. */
    AC_CHECK(ac_decode_input(&input, &data, &len, data, len, NULL, opts, err));
    r.data = data;
    r.len = len;
    if ((r.article = artconv_article_new()) == NULL) {
        rc = ac_nomem(err);
        goto cleanup;
    }
    AC_CHECK(read_top(&r));
    *out = r.article;
    r.article = NULL;
cleanup:
    artconv_article_free(r.article);
    artconv_buf_dispose(&input);
    return rc;
}
