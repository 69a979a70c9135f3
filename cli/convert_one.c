/*
 * convert_one.c - the one conversion every command uses: read, set the
 * metadata (--meta, then a batch request's "meta"), write (or hand the
 * article back, for a book's chapters and `info`), and record what happened
 * instead of printing it, so many of these can run on threads at once and
 * the main thread reports them in order.  Books are written here too.
 */
#include "cli.h"

#include <jansson.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
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

/* --smart first, then --meta, then the request's own "meta" object
 * (batch): what the user sets is kept as typed. */
static int apply_meta(artconv_article *article, const cli_settings *settings, const json_t *meta,
                      cli_result *res, const char *name)
{
    artconv_buf assignment = ARTCONV_BUF_INIT;
    const char *key;
    json_t *value;
    size_t i;
    int rc = 0;

    if (settings->smart && (rc = artconv_article_smarten(article, &res->err)) < 0)
        goto cleanup;
    for (i = 0; i < settings->meta_count; i++) {
        if ((rc = artconv_article_set_meta_arg(article, settings->metas[i], &res->err)) < 0) {
            res->bad_meta = settings->metas[i];
            goto cleanup;
        }
    }
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

long long cli_source_date_epoch(void)
{
    const char *value = getenv("SOURCE_DATE_EPOCH");
    char *end;
    long long seconds;

    if (value == NULL || *value == '\0')
        return -1;
    errno = 0;
    seconds = strtoll(value, &end, 10);
    if (errno != 0 || *end != '\0' || seconds < 0) {
        fprintf(stderr,
                "artconv: warning: ignoring SOURCE_DATE_EPOCH='%s' (not a number of "
                "seconds)\n",
                value);
        return -1;
    }
    return seconds;
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

static int read_stream(artconv_buf *data, FILE *fp, size_t limit, artconv_error *err)
{
    for (;;) {
        size_t n;

        if (artconv_buf_grow(data, 65536) < 0) {
            snprintf(err->message, sizeof err->message, "out of memory");
            return ARTCONV_ENOMEM;
        }
        n = fread(data->ptr + data->len, 1, data->cap - data->len - 1, fp);
        data->len += n;
        data->ptr[data->len] = '\0';
        if (data->len > limit) {
            snprintf(err->message, sizeof err->message, "input exceeds the limit of %zu bytes",
                     limit);
            return ARTCONV_ELIMIT;
        }
        if (n == 0)
            break;
    }
    if (ferror(fp)) {
        snprintf(err->message, sizeof err->message, "cannot read: %s", strerror(errno));
        return ARTCONV_EIO;
    }
    return 0;
}

/* Points the warnings of both steps where the request wants them. */
static void route_warnings(artconv_read_options *ropts, artconv_write_options *wopts,
                           cli_result *res, const cli_request *req, const char *in_name,
                           const char *out_name)
{
    switch (req->warnings) {
    case CLI_WARNINGS_COLLECT:
        ropts->warning = collect_warning;
        ropts->payload = res;
        wopts->warning = collect_warning;
        wopts->payload = res;
        break;
    case CLI_WARNINGS_PRINT:
        ropts->warning = cli_print_warning;
        ropts->payload = (void *)in_name;
        wopts->warning = cli_print_warning;
        wopts->payload = (void *)out_name;
        break;
    case CLI_WARNINGS_NONE:
        ropts->warning = NULL;
        ropts->payload = NULL;
        wopts->warning = NULL;
        wopts->payload = NULL;
        break;
    }
}

/* The read step: the article of the request's input. */
static int read_input(artconv_article **out, cli_result *res, const artconv_format *from,
                      const artconv_read_options *ropts, const cli_request *req)
{
    artconv_buf data = ARTCONV_BUF_INIT;
    int rc;

    if (req->in_path != NULL)
        return artconv_read_file(out, from, req->in_path, ropts, &res->err);
    if (!req->in_stdin)
        return artconv_read(out, from, req->in_data, req->in_len, ropts, &res->err);
    rc = read_stream(&data, stdin, ropts->max_input ? ropts->max_input : ARTCONV_DEFAULT_MAX_INPUT,
                     &res->err);
    if (rc == 0)
        rc = artconv_read(out, from, data.ptr, data.len, ropts, &res->err);
    artconv_buf_dispose(&data);
    return rc;
}

/* The read step of a request for every article (req->all_out, or an
 * input split into items): a file by the library's checked
 * artconv_read_all_file (the root, regular files only), standard input
 * read whole, inline text as one article. */
static int read_all_input(artconv_article ***out, size_t *count, cli_result *res,
                          const artconv_format *from, const artconv_read_options *ropts,
                          const cli_request *req)
{
    size_t limit = ropts->max_input ? ropts->max_input : ARTCONV_DEFAULT_MAX_INPUT;
    artconv_buf data = ARTCONV_BUF_INIT;
    int rc;

    *out = NULL;
    *count = 0;
    if (!artconv_format_can_read_all(from) || (req->in_path == NULL && !req->in_stdin)) {
        artconv_article *one = NULL;

        if ((rc = read_input(&one, res, from, ropts, req)) < 0)
            return rc;
        if ((*out = malloc(sizeof **out)) == NULL) {
            artconv_article_free(one);
            snprintf(res->err.message, sizeof res->err.message, "out of memory");
            return ARTCONV_ENOMEM;
        }
        (*out)[0] = one;
        *count = 1;
        return 0;
    }
    if (req->in_path != NULL)
        return artconv_read_all_file(out, count, from, req->in_path, ropts, &res->err);
    rc = read_stream(&data, stdin, limit, &res->err);
    if (rc == 0)
        rc = artconv_read_all(out, count, from, data.ptr, data.len, ropts, &res->err);
    artconv_buf_dispose(&data);
    return rc;
}

/* The last step: `bytes` to the output path by the output rules. */
static int save(cli_result *res, const artconv_buf *bytes, const char *out_path,
                const artconv_write_options *wopts)
{
    int rc = artconv_write_bytes_file(out_path, bytes->ptr, bytes->len, wopts, &res->err);

    if (rc == 0)
        res->bytes = bytes->len;
    return rc;
}

int cli_item_path(artconv_buf *out, const char *path, size_t n)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(slash != NULL ? slash + 1 : path, '.');
    size_t stem = dot != NULL && dot != (slash != NULL ? slash + 1 : path) ? (size_t)(dot - path)
                                                                           : strlen(path);
    char number[32];

    snprintf(number, sizeof number, ".%zu", n);
    artconv_buf_clear(out);
    if (artconv_buf_put(out, path, stem) < 0 || artconv_buf_puts(out, number) < 0 ||
        artconv_buf_puts(out, path + stem) < 0)
        return ARTCONV_ENOMEM;
    return 0;
}

/* The write step of a split input: item k to cli_item_path(out_path, k),
 * each by the output rules; an existing one is kept unless req->force. */
static int write_items(cli_result *res, const artconv_format *to,
                       const artconv_article *const *items, size_t n, const cli_request *req,
                       const artconv_write_options *wopts)
{
    artconv_write_options local = *wopts;
    artconv_buf path = ARTCONV_BUF_INIT, bytes = ARTCONV_BUF_INIT;
    struct stat st;
    size_t k, total = 0, written = 0;
    int rc = 0;

    for (k = 0; k < n && rc == 0; k++) {
        if ((rc = cli_item_path(&path, req->out_path, k + 1)) < 0) {
            snprintf(res->err.message, sizeof res->err.message, "out of memory");
            break;
        }
        local.filename = path.ptr;
        if (!req->force && lstat(path.ptr, &st) == 0) {
            artconv_error w;

            memset(&w, 0, sizeof w);
            snprintf(w.message, sizeof w.message, "%.200s exists, kept (--force replaces it)",
                     path.ptr);
            if (local.warning != NULL)
                local.warning(&w, local.payload);
            continue;
        }
        artconv_buf_clear(&bytes);
        rc = artconv_write(&bytes, to, items[k], &local, &res->err);
        if (rc == 0)
            rc = artconv_write_bytes_file(path.ptr, bytes.ptr, bytes.len, &local, &res->err);
        total += bytes.len;
        written += rc == 0;
    }
    res->bytes = total;
    res->items = n;
    /* Every item there already: the input counts as skipped, as one would. */
    if (rc == 0 && written == 0)
        res->outcome = CLI_SKIPPED;
    artconv_buf_dispose(&path);
    artconv_buf_dispose(&bytes);
    return rc;
}

static int convert(cli_result *res, const cli_settings *settings, const cli_request *req)
{
    const char *in_name = req->in_name != NULL   ? req->in_name
                          : req->in_path != NULL ? req->in_path
                                                 : "<input_text>";
    const char *out_name = req->out_name != NULL   ? req->out_name
                           : req->out_path != NULL ? req->out_path
                                                   : "<output>";
    const artconv_format *from = req->from, *to = req->to;
    artconv_read_options ropts = settings->read;
    artconv_write_options wopts = settings->write;
    artconv_article *article = NULL, **items = NULL;
    size_t n_items = 0, i;
    artconv_buf folder = ARTCONV_BUF_INIT;
    struct stat st;
    int rc;

    if (from == NULL && req->in_path != NULL)
        from = artconv_format_by_path(req->in_path);
    res->where = in_name;
    if (from == NULL) {
        rc = fail(res, ARTCONV_EINVALID, in_name, "%s",
                  "cannot tell the input format from the name; give \"from\" (or --from)");
        goto cleanup;
    }
    if (to == NULL && req->out_path != NULL)
        to = artconv_format_by_path(req->out_path);
    if (to == NULL && req->article_out == NULL && req->all_out == NULL) {
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
    if (req->out_path == NULL && req->article_out == NULL && req->all_out == NULL &&
        !req->binary_to_mem && artconv_format_is_binary(to)) {
        rc = fail(res, ARTCONV_EINVALID, in_name,
                  "%s output is binary: give an \"output\" path to write it to",
                  artconv_format_name(to));
        goto cleanup;
    }
    ropts.filename = in_name;
    wopts.filename = out_name;
    route_warnings(&ropts, &wopts, res, req, in_name, out_name);
    if (req->all_out != NULL) {
        rc = read_all_input(&items, &n_items, res, from, &ropts, req);
        for (i = 0; rc == 0 && i < n_items; i++)
            rc = apply_meta(items[i], settings, req->meta, res, in_name);
        if (rc == 0) {
            *req->all_out = items;
            *req->all_count = n_items;
            items = NULL;
            n_items = 0;
        }
        goto cleanup;
    }
    if (req->split_items && req->out_path != NULL && artconv_format_can_read_all(from)) {
        if ((rc = read_all_input(&items, &n_items, res, from, &ropts, req)) < 0)
            goto cleanup;
        /* One article: the request goes on as any other. */
        if (n_items == 1) {
            article = items[0];
            free(items);
            items = NULL;
            n_items = 0;
        }
    } else if ((rc = read_input(&article, res, from, &ropts, req)) < 0) {
        goto cleanup;
    }
    for (i = 0; i < n_items; i++)
        if ((rc = apply_meta(items[i], settings, req->meta, res, in_name)) < 0)
            goto cleanup;
    if (n_items == 0 && (rc = apply_meta(article, settings, req->meta, res, in_name)) < 0)
        goto cleanup;
    if (req->article_out != NULL) {
        *req->article_out = article;
        article = NULL;
        goto cleanup;
    }

    if (req->count_words)
        res->words = cli_count_words(article);
    res->where = out_name;
    if (settings->timestamp_at_write)
        wopts.timestamp = cli_source_date_epoch();
    if (req->ignore_status != 0)
        wopts.ignore_status = req->ignore_status > 0;
    wopts.force = settings->write.force || req->force_read_only;
    if (settings->resource_path != NULL) {
        wopts.resource_dir = settings->resource_path;
    } else if (req->in_path != NULL) {
        /* Local images lie beside the input, which lies in the root. */
        if ((ropts.root != NULL &&
             (artconv_buf_puts(&folder, ropts.root) < 0 || artconv_buf_putc(&folder, '/') < 0)) ||
            cli_folder_of(req->in_path, &folder) < 0) {
            rc = fail(res, ARTCONV_ENOMEM, in_name, "%s", "out of memory");
            goto cleanup;
        }
        wopts.resource_dir = folder.ptr;
    }
    if (n_items > 1) {
        rc = write_items(res, to, (const artconv_article *const *)items, n_items, req, &wopts);
    } else if (req->out_path != NULL) {
        artconv_buf bytes = ARTCONV_BUF_INIT;

        /* In memory first, then by the output rules: the size is known
         * without looking the path up again (it may be a device). */
        rc = artconv_write(&bytes, to, article, &wopts, &res->err);
        if (rc == 0)
            rc = save(res, &bytes, req->out_path, &wopts);
        artconv_buf_dispose(&bytes);
    } else {
        size_t before = req->out_mem->len;

        rc = artconv_write(req->out_mem, to, article, &wopts, &res->err);
        if (rc == 0)
            res->bytes = req->out_mem->len - before;
    }
cleanup:
    artconv_article_free(article);
    artconv_articles_free(items, n_items);
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

void cli_convert_book(cli_result *res, const cli_settings *settings, const artconv_format *to,
                      const artconv_article *const *articles, size_t count, const char *title,
                      const char *const *resource_dirs, const char *out_path, const char *out_name,
                      artconv_buf *out_mem)
{
    artconv_write_options wopts = settings->write;
    artconv_buf bytes = ARTCONV_BUF_INIT;
    double start = now_ms();
    int rc;

    memset(res, 0, sizeof *res);
    res->outcome = CLI_CONVERTED;
    res->where = out_name;
    wopts.filename = out_name;
    if (settings->timestamp_at_write)
        wopts.timestamp = cli_source_date_epoch();
    if (wopts.warning != NULL)
        wopts.payload = (void *)out_name;
    rc = artconv_write_book(out_path != NULL ? &bytes : out_mem, to, articles, count, title,
                            resource_dirs, &wopts, &res->err);
    if (rc == 0 && out_path != NULL)
        rc = save(res, &bytes, out_path, &wopts);
    artconv_buf_dispose(&bytes);
    if (rc < 0)
        res->outcome = CLI_FAILED;
    res->ms = now_ms() - start;
}
