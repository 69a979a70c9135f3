/*
 * cli_convert.c - one conversion for the batch modes: read, set metadata,
 * write, and record what happened instead of printing it, so many of these
 * can run on threads at once and the main thread reports them in order.
 */
#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static double now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* The library's warning callback: keeps the warning for the report and for
 * the main thread to print.  Runs on the worker that owns `payload`. */
static void collect_warning(const artconv_error *warning, void *payload)
{
    cli_result *res = payload;
    char text[320];
    json_t *str;

    if (warning->line > 0)
        snprintf(text, sizeof text, "line %d: %s", warning->line, warning->message);
    else
        snprintf(text, sizeof text, "%s", warning->message);
    if (res->warnings == NULL && (res->warnings = json_array()) == NULL)
        return;
    /* A message may quote a file name that is not UTF-8. */
    str = cli_json_text(text);
    if (str != NULL)
        json_array_append_new(res->warnings, str);
}

static int fail(cli_result *res, int code, const char *file, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int fail(cli_result *res, int code, const char *file, const char *fmt, ...)
{
    va_list ap;

    res->err.code = code;
    res->err.file = file;
    va_start(ap, fmt);
    vsnprintf(res->err.message, sizeof res->err.message, fmt, ap);
    va_end(ap);
    return code;
}

/* --meta first, then the request's own "meta" object (batch). */
static int apply_meta(artconv_article *article, const cli_settings *settings, const json_t *meta,
                      cli_result *res, const char *name)
{
    artconv_buf assignment = ARTCONV_BUF_INIT;
    const char *key;
    json_t *value;
    size_t i;
    int rc = 0;

    for (i = 0; i < settings->meta_count; i++)
        if ((rc = artconv_article_set_meta_arg(article, settings->metas[i], &res->err)) < 0)
            goto cleanup;
    if (meta == NULL)
        goto cleanup;
    if (!json_is_object(meta)) {
        rc = fail(res, ARTCONV_EINVALID, name, "%s", "\"meta\" must be an object");
        goto cleanup;
    }
    json_object_foreach((json_t *)meta, key, value)
    {
        artconv_meta_list list;

        if (json_is_array(value) && artconv_meta_list_from_name(&list, key) == 0) {
            size_t k;
            json_t *item;

            artconv_article_list_clear(article, list);
            json_array_foreach(value, k, item)
            {
                if (!json_is_string(item)) {
                    rc = fail(res, ARTCONV_EINVALID, name, "\"meta\": %s wants strings", key);
                    goto cleanup;
                }
                if ((rc = artconv_article_list_add(article, list, json_string_value(item),
                                                   &res->err)) < 0)
                    goto cleanup;
            }
            continue;
        }
        if (!json_is_string(value)) {
            rc = fail(res, ARTCONV_EINVALID, name, "\"meta\": %s wants a string", key);
            goto cleanup;
        }
        artconv_buf_clear(&assignment);
        if (artconv_buf_puts(&assignment, key) < 0 || artconv_buf_putc(&assignment, '=') < 0 ||
            artconv_buf_puts(&assignment, json_string_value(value)) < 0) {
            rc = fail(res, ARTCONV_ENOMEM, name, "%s", "out of memory");
            goto cleanup;
        }
        if ((rc = artconv_article_set_meta_arg(article, assignment.ptr, &res->err)) < 0)
            goto cleanup;
    }
cleanup:
    if (rc < 0 && res->err.file == NULL)
        res->err.file = name;
    artconv_buf_dispose(&assignment);
    return rc;
}

int cli_folder_of(const char *path, artconv_buf *out)
{
    const char *slash = strrchr(path, '/');

    if (slash == NULL)
        return artconv_buf_puts(out, ".");
    if (slash == path)
        return artconv_buf_puts(out, "/");
    return artconv_buf_put(out, path, (size_t)(slash - path));
}

static int convert(cli_result *res, const cli_settings *settings, const cli_request *req)
{
    const char *in_name = req->in_path != NULL ? req->in_path : "<input_text>";
    const char *out_name = req->out_path != NULL ? req->out_path : "<output>";
    const artconv_format *from = req->from, *to = req->to;
    artconv_read_options ropts = settings->read;
    artconv_write_options wopts = settings->write;
    artconv_article *article = NULL;
    artconv_buf folder = ARTCONV_BUF_INIT;
    struct stat st;
    int rc;

    if (from == NULL && req->in_path != NULL)
        from = artconv_format_by_path(req->in_path);
    if (from == NULL) {
        rc = fail(res, ARTCONV_EINVALID, in_name, "%s",
                  "cannot tell the input format from the name; give \"from\" (or --from)");
        goto cleanup;
    }
    if (to == NULL && req->out_path != NULL)
        to = artconv_format_by_path(req->out_path);
    if (to == NULL) {
        rc = fail(res, ARTCONV_EINVALID, out_name, "%s",
                  "cannot tell the output format; give \"to\" (or --to)");
        goto cleanup;
    }
    /* Under a root (batch --root) every request path is the root's. */
    if (req->out_path != NULL && !req->force && settings->write.root == NULL &&
        lstat(req->out_path, &st) == 0) {
        res->outcome = CLI_SKIPPED;
        rc = 0;
        goto cleanup;
    }
    if (req->out_path == NULL && artconv_format_is_binary(to)) {
        rc = fail(res, ARTCONV_EINVALID, in_name,
                  "%s output is binary: give an \"output\" path to write it to",
                  artconv_format_name(to));
        goto cleanup;
    }
    ropts.filename = in_name;
    ropts.warning = collect_warning;
    ropts.payload = res;
    if (req->in_path != NULL)
        rc = artconv_read_file(&article, from, req->in_path, &ropts, &res->err);
    else
        rc = artconv_read(&article, from, req->in_data, req->in_len, &ropts, &res->err);
    if (rc < 0)
        goto cleanup;
    if ((rc = apply_meta(article, settings, req->meta, res, in_name)) < 0)
        goto cleanup;

    wopts.filename = out_name;
    if (req->ignore_status != 0)
        wopts.ignore_status = req->ignore_status > 0;
    wopts.warning = collect_warning;
    wopts.payload = res;
    wopts.force = settings->write.force || req->force_read_only;
    if (req->in_path != NULL) {
        /* Local images lie beside the input, which lies in the root. */
        if ((ropts.root != NULL &&
             (artconv_buf_puts(&folder, ropts.root) < 0 || artconv_buf_putc(&folder, '/') < 0)) ||
            cli_folder_of(req->in_path, &folder) < 0) {
            rc = fail(res, ARTCONV_ENOMEM, in_name, "%s", "out of memory");
            goto cleanup;
        }
        wopts.resource_dir = folder.ptr;
    }
    if (req->out_path != NULL) {
        artconv_buf bytes = ARTCONV_BUF_INIT;

        /* In memory first, then by the output rules: the size is known
         * without looking the path up again (it may be a device). */
        rc = artconv_write(&bytes, to, article, &wopts, &res->err);
        if (rc == 0)
            rc = artconv_write_bytes_file(req->out_path, bytes.ptr, bytes.len, &wopts, &res->err);
        if (rc == 0)
            res->bytes = bytes.len;
        artconv_buf_dispose(&bytes);
    } else {
        size_t before = req->out_mem->len;

        rc = artconv_write(req->out_mem, to, article, &wopts, &res->err);
        if (rc == 0)
            res->bytes = req->out_mem->len - before;
    }
cleanup:
    artconv_article_free(article);
    artconv_buf_dispose(&folder);
    return rc;
}

void cli_convert_one(cli_result *res, const cli_settings *settings, const cli_request *req)
{
    double start = now_ms();

    memset(res, 0, sizeof *res);
    res->outcome = CLI_CONVERTED;
    if (convert(res, settings, req) < 0)
        res->outcome = CLI_FAILED;
    res->ms = now_ms() - start;
}

void cli_result_dispose(cli_result *res)
{
    json_decref(res->warnings);
    res->warnings = NULL;
}
