/*
 * cli_stream.c - `artconv batch`: JSON requests on stdin, one a line, and
 * one JSON result line per request on stdout, in order, each flushed as it
 * is written.  Reading and writing lines is all a GNU parallel --pipe job, a
 * Hadoop Streaming mapper or a Spark pipe() stage needs, so the same binary
 * scales out without knowing which of them runs it.
 *
 * A request:  {"input": "a.html", "output": "out/a.epub", "to": "epub"}
 *             {"input_text": "...", "from": "markdown", "to": "text"}
 * optional:   "from", "to" (else --from/--to, else the extensions), "meta"
 *             ({"title": "...", "authors": ["A", "B"]}), "id" (echoed),
 *             "ignore_status" (true or false; else --ignore-status).
 *             "force" (true: replace a read-only output).
 * A result:   {"id", "line", "input", "output", "format", "status", "error",
 *              "warnings", "bytes", "milliseconds"[, "output_text"]}
 * Without "output" the converted text comes back inline as "output_text".
 *
 * Fed by a service, requests are untrusted: --root keeps every path they
 * name inside one folder, --no-files lets them name none, inputs must be
 * regular files (never /dev/stdin or a FIFO), and a line is read with a
 * bound, so one huge line cannot take the memory (docs/batch.md).
 */
#include "cli.h"

#include <jansson.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/types.h>

typedef struct request_fields {
    const char *input;
    const char *input_text;
    size_t input_text_len;
    const char *output;
    const char *from_name;
    const char *to_name;
    const json_t *meta;
    json_t *id;
    int ignore_status; /* as cli_request's */
    int force;
} request_fields;

/* Fills `res` with a failure and returns -1 (always). */
static int refuse(cli_result *res, const char *message, const char *detail)
{
    res->outcome = CLI_FAILED;
    res->err.code = ARTCONV_EINVALID;
    snprintf(res->err.message, sizeof res->err.message, "%s%s", message, detail);
    return -1;
}

static const char *string_field(const json_t *request, const char *key, int *bad)
{
    const json_t *value = json_object_get(request, key);

    if (value == NULL || json_is_null(value))
        return NULL;
    if (!json_is_string(value)) {
        *bad = 1;
        return NULL;
    }
    return json_string_value(value);
}

static int parse_request(request_fields *f, const json_t *request, cli_result *res)
{
    int bad = 0;
    const json_t *text, *flag;

    memset(f, 0, sizeof *f);
    if (!json_is_object(request))
        return refuse(res, "a request must be a JSON object", "");
    f->id = json_object_get(request, "id");
    f->input = string_field(request, "input", &bad);
    f->output = string_field(request, "output", &bad);
    f->from_name = string_field(request, "from", &bad);
    f->to_name = string_field(request, "to", &bad);
    f->input_text = string_field(request, "input_text", &bad);
    if (bad)
        return refuse(
            res, "\"input\", \"input_text\", \"output\", \"from\" and \"to\" must be strings", "");
    if ((text = json_object_get(request, "input_text")) != NULL && json_is_string(text))
        f->input_text_len = json_string_length(text);
    f->meta = json_object_get(request, "meta");
    if ((flag = json_object_get(request, "ignore_status")) != NULL && !json_is_null(flag)) {
        if (!json_is_boolean(flag))
            return refuse(res, "\"ignore_status\" must be true or false", "");
        f->ignore_status = json_is_true(flag) ? 1 : -1;
    }
    text = json_object_get(request, "force");
    if (text != NULL && !json_is_boolean(text) && !json_is_null(text))
        return refuse(res, "\"force\" must be true or false", "");
    f->force = json_is_true(text);
    if ((f->input == NULL) == (f->input_text == NULL))
        return refuse(res, "give either \"input\" (a path) or \"input_text\" (the content)", "");
    return 0;
}

/* --no-files: a request naming a path is refused. */
static int allowed(const cli_settings *settings, const request_fields *f, cli_result *res)
{
    if (settings->no_files && (f->input != NULL || f->output != NULL))
        return refuse(res,
                      "requests may not name files here (--no-files): give \"input_text\" and "
                      "no \"output\"",
                      "");
    return 0;
}

/* Looks a format name up; an unknown one fails with a suggestion. */
static int resolve_format(const artconv_format **out, const char *name, cli_result *res)
{
    char detail[128];
    const char *guess;

    *out = NULL;
    if (name == NULL)
        return 0;
    if ((*out = artconv_format_by_name(name)) != NULL)
        return 0;
    guess = cli_suggest_format(name);
    snprintf(detail, sizeof detail, "'%.60s'%s%s%s", name, guess != NULL ? "; did you mean " : "",
             guess != NULL ? guess : "", guess != NULL ? "?" : "");
    return refuse(res, "unknown format ", detail);
}

/* Builds the result line for one request. */
static json_t *result_json(const request_fields *f, size_t line_number, const cli_result *res,
                           const artconv_format *to, const artconv_buf *text)
{
    static const char *const names[] = {"converted", "failed", "skipped"};
    json_t *out = json_object();

    if (out == NULL)
        return NULL;
    if ((f->id != NULL && json_object_set(out, "id", f->id) < 0) ||
        json_object_set_new(out, "line", json_integer((json_int_t)line_number)) < 0 ||
        json_object_set_new(out, "input", cli_json_text(f->input)) < 0 ||
        json_object_set_new(out, "output", cli_json_text(f->output)) < 0 ||
        json_object_set_new(out, "format",
                            cli_json_text(to != NULL ? artconv_format_name(to) : NULL)) < 0 ||
        json_object_set_new(out, "status", json_string(names[res->outcome])) < 0 ||
        json_object_set_new(out, "error",
                            res->outcome == CLI_FAILED ? cli_json_text(res->err.message)
                                                       : json_null()) < 0 ||
        json_object_set_new(out, "warnings",
                            res->warnings != NULL ? json_incref(res->warnings) : json_array()) <
            0 ||
        json_object_set_new(out, "bytes", json_integer((json_int_t)res->bytes)) < 0 ||
        (res->items > 1 &&
         json_object_set_new(out, "items", json_integer((json_int_t)res->items)) < 0) ||
        json_object_set_new(out, "milliseconds", json_real(res->ms)) < 0) {
        json_decref(out);
        return NULL;
    }
    if (res->outcome == CLI_CONVERTED && f->output == NULL &&
        json_object_set_new(out, "output_text",
                            json_stringn(text->ptr != NULL ? text->ptr : "", text->len)) < 0) {
        json_decref(out);
        return NULL;
    }
    return out;
}

/* Converts one request line into its result object (NULL: out of memory). */
static json_t *serve_line(const cli_settings *settings, const char *line, size_t len,
                          size_t line_number)
{
    request_fields f;
    cli_result res;
    cli_request req;
    json_error_t jerr;
    json_t *request, *result;
    const artconv_format *from = NULL, *to = NULL;
    artconv_buf text = ARTCONV_BUF_INIT;

    memset(&res, 0, sizeof res);
    memset(&f, 0, sizeof f);
    request = json_loadb(line, len, 0, &jerr);
    if (request == NULL) {
        refuse(&res, "not a JSON line: ", jerr.text);
    } else if (parse_request(&f, request, &res) == 0 && allowed(settings, &f, &res) == 0 &&
               resolve_format(&from, f.from_name, &res) == 0 &&
               resolve_format(&to, f.to_name, &res) == 0) {
        memset(&req, 0, sizeof req);
        req.in_path = f.input;
        req.in_data = f.input_text;
        req.in_len = f.input_text_len;
        req.from = from != NULL ? from : settings->from;
        req.to = to != NULL ? to : settings->to;
        req.out_path = f.output;
        req.out_mem = &text;
        req.meta = f.meta;
        req.ignore_status = f.ignore_status;
        /* Each request names its output: it is written even if it exists.
         * An input of several articles (a newsMessage) written to a file
         * gives one file per article, as convert -d does (STEM.N.EXT). */
        req.force = 1;
        req.split_items = f.output != NULL;
        req.force_read_only = f.force;
        if (req.from == NULL && req.in_path == NULL)
            refuse(&res, "inline input needs \"from\" (or --from)", "");
        else
            cli_convert_one(&res, settings, &req);
        to = req.to != NULL ? req.to : (f.output != NULL ? artconv_format_by_path(f.output) : NULL);
    }
    result = result_json(&f, line_number, &res, to, &text);
    cli_result_dispose(&res);
    artconv_buf_dispose(&text);
    json_decref(request);
    return result;
}

static int blank(const char *s, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return 0;
    return 1;
}

/* The longest request line: the input limit, room for JSON escapes and
 * the other fields.  A longer line is skipped and answered with an error. */
static size_t line_limit(const cli_settings *settings)
{
    size_t input = settings->read.max_input ? settings->read.max_input : ARTCONV_DEFAULT_MAX_INPUT;
    size_t extra = input / 16 + 64 * 1024;

    return input > SIZE_MAX - extra ? SIZE_MAX : input + extra;
}

/* Reads one line (with its newline) into `line`, keeping at most `limit`
 * bytes: the rest of a longer line is read and dropped, and *too_long set.
 * Returns 1 for a line, 0 at the end, -1 when reading fails. */
static int read_line(FILE *in, artconv_buf *line, size_t limit, int *too_long)
{
    char chunk[4096];
    size_t n = 0;
    int c = EOF, rc = 0;

    artconv_buf_clear(line);
    *too_long = 0;
    flockfile(in);
    /* Byte by byte, since a request may hold a NUL byte (an error for
     * the JSON parser to name, not the end of the line). */
    while ((c = getc_unlocked(in)) != EOF) {
        chunk[n++] = (char)c;
        if (n == sizeof chunk || c == '\n') {
            if (*too_long || line->len + n > limit) {
                *too_long = 1;
                artconv_buf_clear(line);
            } else if (artconv_buf_put(line, chunk, n) < 0) {
                rc = -1;
                break;
            }
            n = 0;
            if (c == '\n')
                break;
        }
    }
    if (rc == 0 && n > 0) {
        if (*too_long || line->len + n > limit) {
            *too_long = 1;
            artconv_buf_clear(line);
        } else if (artconv_buf_put(line, chunk, n) < 0) {
            rc = -1;
        }
    }
    if (rc == 0 && c == EOF && ferror(in))
        rc = -1;
    else if (rc == 0)
        rc = line->len > 0 || *too_long ? 1 : 0;
    funlockfile(in);
    if (rc < 0 && !ferror(in))
        errno = ENOMEM;
    return rc;
}

/* The answer to a line over the limit. */
static json_t *refuse_long_line(size_t line_number, size_t limit)
{
    request_fields f;
    cli_result res;
    artconv_buf none = ARTCONV_BUF_INIT;
    char detail[96];
    json_t *result;

    memset(&f, 0, sizeof f);
    memset(&res, 0, sizeof res);
    snprintf(detail, sizeof detail, "%zu bytes (--max-input and its JSON overhead); skipped",
             limit);
    refuse(&res, "request line longer than ", detail);
    result = result_json(&f, line_number, &res, NULL, &none);
    cli_result_dispose(&res);
    return result;
}

int cli_stream_run(const cli_settings *settings, FILE *in, FILE *out)
{
    artconv_buf line = ARTCONV_BUF_INIT;
    size_t line_number = 0, limit = line_limit(settings);
    int status = 0, got, too_long;

    while ((got = read_line(in, &line, limit, &too_long)) > 0) {
        json_t *result;
        int rc;

        line_number++;
        /* Blank lines carry no request (a trailing newline, a pasted gap). */
        if (!too_long && blank(line.ptr, line.len))
            continue;
        if (too_long)
            result = refuse_long_line(line_number, limit);
        else
            result = serve_line(settings, line.ptr, line.len, line_number);
        if (result == NULL) {
            fprintf(stderr, "artconv: batch: line %zu: out of memory\n", line_number);
            status = CLI_EXIT_FAILED;
            break;
        }
        rc = json_dumpf(result, out, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
        json_decref(result);
        if (rc < 0 || fputc('\n', out) == EOF || fflush(out) != 0) {
            fprintf(stderr, "artconv: batch: cannot write the results: %s\n", strerror(errno));
            status = CLI_EXIT_FAILED;
            break;
        }
    }
    if (status == 0 && got < 0) {
        fprintf(stderr, "artconv: batch: cannot read the requests: %s\n", strerror(errno));
        status = CLI_EXIT_FAILED;
    }
    artconv_buf_dispose(&line);
    return status;
}
