/*
 * setup.c - from parsed arguments to what a conversion needs: the shared
 * settings, the input's format, a one-file request, and how a failed
 * one-file conversion is told.
 */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXIT_FAILED CLI_EXIT_FAILED
#define EXIT_USAGE  CLI_EXIT_USAGE

int cli_slurp(const char *path, artconv_buf *out)
{
    char chunk[8192];
    FILE *fp = fopen(path, "rb");
    size_t n;
    int failed = 0;

    if (fp == NULL)
        return -1;
    while (!failed && (n = fread(chunk, 1, sizeof chunk, fp)) > 0)
        failed = artconv_buf_put(out, chunk, n) < 0;
    if (ferror(fp))
        failed = 1;
    fclose(fp);
    if (!failed && out->ptr == NULL)
        failed = artconv_buf_put(out, "", 0) < 0;
    return failed ? -1 : 0;
}

/* Fills the write options every conversion shares. */
static void set_write_options(artconv_write_options *wopts, const cli_args *args,
                              const char *out_path, const char *css)
{
    artconv_write_options_init(wopts);
    wopts->stylesheet = css;
    wopts->cover = args->cover;
    /* Read when the first output is written (cli_source_date_epoch). */
    wopts->timestamp = -1;
    wopts->provider = args->provider;
    wopts->guid_scheme = args->guid_scheme;
    if (args->item_version > 0)
        wopts->item_version = args->item_version;
    wopts->filename = strcmp(out_path, "-") == 0 ? "<stdout>" : out_path;
    if (args->width_set)
        wopts->width = args->width;
    wopts->fragment = args->fragment;
    wopts->front_matter = args->front_matter;
    wopts->ignore_status = args->ignore_status;
    wopts->force = args->force;
    /* A named temporary file is removed if a signal stops the run. */
    wopts->temp_file = cli_signal_temp_file;
    if (!args->quiet) {
        wopts->warning = cli_print_warning;
        wopts->payload = (void *)wopts->filename;
    }
}

void cli_settings_fill(cli_settings *settings, const cli_args *args, const char *css)
{
    memset(settings, 0, sizeof *settings);
    artconv_read_options_init(&settings->read);
    settings->read.strict = args->strict;
    settings->read.no_extract = args->no_extract;
    settings->read.max_input = args->max_input;
    settings->read.encoding = args->encoding;
    settings->read.base_url = args->base_url;
    settings->resource_path = args->resource_path;
    settings->smart = args->smart;
    set_write_options(&settings->write, args, "-", css);
    settings->metas = args->metas;
    settings->meta_count = args->meta_count;
    settings->quiet = args->quiet;
    settings->verbose = args->verbose;
    settings->timestamp_at_write = 1;
}

int cli_settings_build(cli_settings *settings, const cli_args *args, const char *css)
{
    const artconv_format *from = NULL, *to = NULL;
    artconv_article *scratch;
    artconv_error err;
    size_t i;

    memset(settings, 0, sizeof *settings);
    if (args->from != NULL &&
        (from = cli_format_named(args->command, "--from", args->from)) == NULL)
        return EXIT_USAGE;
    if (args->to != NULL && (to = cli_format_named(args->command, "--to", args->to)) == NULL)
        return EXIT_USAGE;
    if (from != NULL && !artconv_format_can_read(from))
        return cli_usage_error(args->command, "reading %s is not supported",
                               artconv_format_name(from));
    if (to != NULL && !artconv_format_can_write(to))
        return cli_usage_error(args->command, "writing %s is not supported",
                               artconv_format_name(to));
    cli_settings_fill(settings, args, css);
    /* Once for all the conversions, before any of them. */
    settings->write.timestamp = cli_source_date_epoch();
    settings->timestamp_at_write = 0;
    settings->from = from;
    settings->to = to;
    /* A bad --meta would fail every input alike: refuse it once, up front. */
    if ((scratch = artconv_article_new()) == NULL) {
        fputs("artconv: out of memory\n", stderr);
        return EXIT_FAILED;
    }
    for (i = 0; i < args->meta_count; i++) {
        if (artconv_article_set_meta_arg(scratch, args->metas[i], &err) < 0) {
            cli_print_meta_error(args->metas[i], &err);
            artconv_article_free(scratch);
            return EXIT_USAGE;
        }
    }
    artconv_article_free(scratch);
    return 0;
}

int cli_input_format(const artconv_format **out, const cli_args *args, const char *in)
{
    const artconv_format *format;

    if (args->from != NULL) {
        format = cli_format_named(args->command, "--from", args->from);
        if (format == NULL)
            return EXIT_USAGE;
    } else if (strcmp(in, "-") == 0) {
        return cli_usage_error(args->command, "%s", "reading standard input needs --from FORMAT");
    } else {
        format = artconv_format_by_path(in);
        if (format == NULL)
            return cli_usage_error(
                args->command, "cannot tell the format of '%s' from its extension; use --from", in);
    }
    if (!artconv_format_can_read(format)) {
        fprintf(stderr, "artconv: %s: reading %s is not supported yet\n",
                strcmp(in, "-") == 0 ? "<stdin>" : in, artconv_format_name(format));
        return EXIT_FAILED;
    }
    *out = format;
    return 0;
}

void cli_request_input(cli_request *req, const cli_args *args, const artconv_format *from,
                       const char *in)
{
    memset(req, 0, sizeof *req);
    if (strcmp(in, "-") == 0) {
        req->in_stdin = 1;
        req->in_name = "<stdin>";
    } else {
        req->in_path = in;
    }
    req->from = from;
    /* One file named on the command line is written even if it exists. */
    req->force = 1;
    req->warnings = args->quiet ? CLI_WARNINGS_NONE : CLI_WARNINGS_PRINT;
}

int cli_report_failure(const cli_result *res)
{
    if (res->bad_meta != NULL) {
        cli_print_meta_error(res->bad_meta, &res->err);
        return EXIT_USAGE;
    }
    cli_print_error(res->where, &res->err);
    return EXIT_FAILED;
}

int cli_load_article(artconv_article **out, const cli_settings *settings, const cli_args *args,
                     const char *in)
{
    const artconv_format *from = NULL;
    cli_request req;
    cli_result res;
    int status;

    if ((status = cli_input_format(&from, args, in)) != 0)
        return status;
    cli_request_input(&req, args, from, in);
    req.article_out = out;
    cli_convert_one(&res, settings, &req);
    status = res.outcome == CLI_FAILED ? cli_report_failure(&res) : 0;
    cli_result_dispose(&res);
    return status;
}

int cli_write_stdout(const char *data, size_t len)
{
    if (len > 0 && fwrite(data, 1, len, stdout) != len)
        return -1;
    return fflush(stdout) == 0 && !ferror(stdout) ? 0 : -1;
}
