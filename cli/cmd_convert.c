/*
 * cmd_convert.c - `artconv convert`: IN to OUT, several inputs into one book
 * (-o BOOK.epub), or one output per input in a folder (-d, by
 * convert_dir.c).  Every input goes through cli_convert_one.
 */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define EXIT_FAILED CLI_EXIT_FAILED
#define EXIT_USAGE  CLI_EXIT_USAGE

/* On a terminal, and unless --quiet, a finished conversion says what it
 * wrote: "wrote story.md (markdown, 1,204 words)". */
static int tell_written(const cli_args *args)
{
    return !args->quiet && isatty(STDERR_FILENO);
}

static void say_written(const char *out_path, const artconv_format *to, size_t articles,
                        size_t words)
{
    char digits[32], grouped[48];
    size_t len, i, j = 0;

    len = (size_t)snprintf(digits, sizeof digits, "%zu", words);
    for (i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            grouped[j++] = ',';
        grouped[j++] = digits[i];
    }
    grouped[j] = '\0';
    if (articles > 1)
        fprintf(stderr, "wrote %s (%s, %zu articles, %s words)\n", out_path,
                artconv_format_name(to), articles, grouped);
    else
        fprintf(stderr, "wrote %s (%s, %s word%s)\n", out_path, artconv_format_name(to), grouped,
                words == 1 ? "" : "s");
}

/* The exit status of a conversion: its failure reported, or its output
 * sent to standard output when that is where it goes. */
static int finish(cli_result *res, int to_stdout, const artconv_buf *out)
{
    int status = EXIT_SUCCESS;

    if (res->outcome == CLI_FAILED) {
        status = cli_report_failure(res);
    } else if (to_stdout && cli_write_stdout(out->ptr, out->len) < 0) {
        fprintf(stderr, "artconv: <stdout>: cannot write: %s\n", strerror(errno));
        status = EXIT_FAILED;
    }
    cli_result_dispose(res);
    return status;
}

/* Every article of the input `in` (a newsMessage's items), with --meta
 * applied, appended to the book's list; `folder` is where its images lie.
 * Returns 0 or an exit status (printed). */
static int load_all(artconv_article ***list, const char ***dirs, size_t *count, size_t *cap,
                    const cli_settings *settings, const cli_args *args, const char *in,
                    const char *folder)
{
    const artconv_format *from = NULL;
    artconv_article **got = NULL;
    size_t n = 0, i;
    cli_request req;
    cli_result res;
    int status;

    if ((status = cli_input_format(&from, args, in)) != 0)
        return status;
    cli_request_input(&req, args, from, in);
    req.all_out = &got;
    req.all_count = &n;
    cli_convert_one(&res, settings, &req);
    status = res.outcome == CLI_FAILED ? cli_report_failure(&res) : 0;
    cli_result_dispose(&res);
    if (status != 0)
        return status;
    if (*count + n > *cap) {
        size_t want = (*count + n) * 2;
        artconv_article **l = realloc(*list, want * sizeof *l);
        const char **d = l != NULL ? realloc(*dirs, want * sizeof *d) : NULL;

        if (l != NULL)
            *list = l;
        if (d == NULL) {
            artconv_articles_free(got, n);
            fputs("artconv: out of memory\n", stderr);
            return EXIT_FAILED;
        }
        *dirs = d;
        *cap = want;
    }
    for (i = 0; i < n; i++) {
        (*list)[*count] = got[i];
        (*dirs)[(*count)++] = folder;
    }
    free(got);
    return 0;
}

/* Several inputs (or --title, or one input that holds several articles)
 * into one book: a chapter per article, the images of each found beside
 * its own input. */
static int run_book(const cli_args *args, const char *out_path, const artconv_format *to,
                    const char *css)
{
    size_t n = args->positional_count, i, count = 0, cap = 0;
    artconv_article **articles = NULL;
    const char **dirs = NULL;
    artconv_buf *folders = calloc(n, sizeof *folders);
    artconv_buf out = ARTCONV_BUF_INIT;
    int to_stdout = strcmp(out_path, "-") == 0;
    cli_settings settings;
    cli_result res;
    int status = 0;

    if (folders == NULL) {
        fputs("artconv: out of memory\n", stderr);
        status = EXIT_FAILED;
        goto cleanup;
    }
    cli_settings_fill(&settings, args, css);
    for (i = 0; i < n; i++) {
        const char *dir = NULL;

        if (args->resource_path != NULL) {
            dir = args->resource_path;
        } else if (strcmp(args->positional[i], "-") != 0) {
            if (cli_folder_of(args->positional[i], &folders[i]) < 0) {
                fputs("artconv: out of memory\n", stderr);
                status = EXIT_FAILED;
                goto cleanup;
            }
            dir = folders[i].ptr;
        }
        if ((status = load_all(&articles, &dirs, &count, &cap, &settings, args, args->positional[i],
                               dir)) != 0)
            goto cleanup;
    }
    cli_convert_book(&res, &settings, to, (const artconv_article *const *)articles, count,
                     args->title, dirs, to_stdout ? NULL : out_path,
                     to_stdout ? "<stdout>" : out_path, &out);
    if (res.outcome == CLI_CONVERTED && !to_stdout && tell_written(args)) {
        size_t words = 0;

        for (i = 0; i < count; i++)
            words += cli_count_words(articles[i]);
        say_written(out_path, to, count, words);
    }
    status = finish(&res, to_stdout, &out);
cleanup:
    artconv_articles_free(articles, count);
    for (i = 0; folders != NULL && i < n; i++)
        artconv_buf_dispose(&folders[i]);
    artconv_buf_dispose(&out);
    free(dirs);
    free(folders);
    return status;
}

/* -d OUTDIR: one output per input, on threads. */
static int run_folder(const cli_args *args, const char *const *inputs, size_t count)
{
    cli_settings settings;
    cli_batch_options opts;
    artconv_buf css = ARTCONV_BUF_INIT;
    size_t i;
    int status;

    if (args->to == NULL)
        return cli_usage_error(args->command, "%s",
                               "-d needs the output format: add --to FORMAT (e.g. --to epub)");
    if (args->title != NULL)
        return cli_usage_error(args->command, "%s",
                               "--title names a book (-o BOOK.epub); -d writes one file per input");
    for (i = 0; i < count; i++)
        if (strcmp(inputs[i], "-") == 0)
            return cli_usage_error(args->command, "%s",
                                   "-d names each output after its input; '-' (standard input) has "
                                   "no name");
    if (args->css != NULL && cli_slurp(args->css, &css) < 0) {
        fprintf(stderr, "artconv: %s: cannot read the style sheet: %s\n", args->css,
                strerror(errno));
        return EXIT_FAILED;
    }
    status = cli_settings_build(&settings, args, css.ptr);
    if (status == 0) {
        memset(&opts, 0, sizeof opts);
        opts.out_dir = args->out_dir;
        opts.report = args->report;
        opts.jobs = args->jobs;
        opts.force = args->force;
        status = cli_batch_run(&settings, &opts, inputs, count);
    }
    artconv_buf_dispose(&css);
    return status;
}

/* Several inputs: -d, or --files-from with -d or -o. */
static int run_many(const cli_args *args)
{
    cli_args local = *args;
    artconv_buf list_bytes = ARTCONV_BUF_INIT;
    const char **inputs = NULL;
    size_t count = 0;
    int status;

    if (args->out_dir != NULL && args->output != NULL)
        return cli_usage_error(args->command, "%s",
                               "-d writes one file per input and -o one book: give one of them");
    if (args->out_dir == NULL && args->output == NULL)
        return cli_usage_error(
            args->command, "%s",
            "--files-from needs -d OUTDIR (a file each) or -o BOOK.epub (one book)");
    if (args->null_separated && args->files_from == NULL)
        return cli_usage_error(args->command, "%s", "-0 says how --files-from separates the paths");
    if (args->positional_count > 0) {
        inputs = malloc(args->positional_count * sizeof *inputs);
        if (inputs == NULL) {
            fputs("artconv: out of memory\n", stderr);
            return EXIT_FAILED;
        }
        memcpy(inputs, args->positional, args->positional_count * sizeof *inputs);
        count = args->positional_count;
    }
    if (args->files_from != NULL &&
        cli_read_list(&list_bytes, &inputs, &count, args->files_from, args->null_separated) < 0) {
        fprintf(stderr, "artconv: %s: cannot read the list of inputs: %s\n",
                strcmp(args->files_from, "-") == 0 ? "<stdin>" : args->files_from, strerror(errno));
        status = EXIT_FAILED;
        goto cleanup;
    }
    if (count == 0) {
        status = cli_usage_error(args->command, "%s", "no inputs: name files or use --files-from");
        goto cleanup;
    }
    if (args->out_dir != NULL) {
        status = run_folder(args, inputs, count);
        goto cleanup;
    }
    local.positional = inputs;
    local.positional_count = count;
    local.files_from = NULL;
    status = cli_cmd_convert(&local);
cleanup:
    free(inputs);
    artconv_buf_dispose(&list_bytes);
    return status;
}

/* IN to OUT ('-': standard output), through the one conversion. */
static int convert_single(const cli_args *args, const char *in, const char *out_path,
                          const artconv_format *to, const char *css)
{
    const artconv_format *from = NULL;
    int to_stdout = strcmp(out_path, "-") == 0;
    artconv_buf out = ARTCONV_BUF_INIT;
    cli_settings settings;
    cli_request req;
    cli_result res;
    int status;

    if ((status = cli_input_format(&from, args, in)) != 0)
        return status;
    cli_settings_fill(&settings, args, css);
    cli_request_input(&req, args, from, in);
    req.to = to;
    if (to_stdout) {
        req.out_name = "<stdout>";
        req.out_mem = &out;
        req.binary_to_mem = 1; /* a terminal was refused before */
    } else {
        req.out_path = out_path;
        req.count_words = tell_written(args);
    }
    cli_convert_one(&res, &settings, &req);
    if (res.outcome == CLI_CONVERTED && req.count_words)
        say_written(out_path, to, 1, res.words);
    status = finish(&res, to_stdout, &out);
    artconv_buf_dispose(&out);
    return status;
}

/* 1 if the input's format may hold several articles (a NewsML-G2
 * newsMessage), so a book output takes them all. */
static int holds_several(const cli_args *args, const char *in)
{
    const artconv_format *from =
        args->from != NULL ? artconv_format_by_name(args->from) : artconv_format_by_path(in);

    return artconv_format_can_read_all(from);
}

int cli_cmd_convert(const cli_args *args)
{
    const char *stdin_only[1] = {"-"};
    cli_args args_local;
    const char *out_path = args->output;
    const artconv_format *to = NULL;
    artconv_buf css = ARTCONV_BUF_INIT;
    int status = 0;

    if (args->out_dir == NULL && (args->jobs > 0 || args->report != NULL || args->verbose))
        return cli_usage_error(args->command, "%s",
                               "-j, --report and -v go with -d OUTDIR (one file per input)");
    if (args->out_dir != NULL || args->files_from != NULL || args->null_separated)
        return run_many(args);
    if (args->positional_count == 0 && !isatty(STDIN_FILENO)) {
        /* As pandoc: no input named, and something is piped in. */
        args_local = *args;
        args_local.positional = stdin_only;
        args_local.positional_count = 1;
        args = &args_local;
    }
    if (args->positional_count == 0)
        return cli_usage_error(args->command, "%s", "convert needs an input file ('-' for stdin)");
    if (args->positional_count == 2 && out_path == NULL) {
        out_path = args->positional[1];
        args_local = *args;
        args_local.positional_count = 1;
        args = &args_local;
    }
    if (out_path == NULL)
        out_path = "-";
    if (args->to != NULL) {
        to = cli_format_named(args->command, "--to", args->to);
        if (to == NULL)
            return EXIT_USAGE;
    } else if (strcmp(out_path, "-") == 0) {
        return cli_usage_error(args->command, "%s", "writing to standard output needs --to FORMAT");
    } else if ((to = artconv_format_by_path(out_path)) == NULL) {
        return cli_usage_error(
            args->command, "cannot tell the format of '%s' from its extension; use --to", out_path);
    }
    if (!artconv_format_can_write(to)) {
        fprintf(stderr, "artconv: %s: writing %s is not supported yet\n", out_path,
                artconv_format_name(to));
        return EXIT_FAILED;
    }
    if ((args->positional_count > 1 || args->title != NULL) && !artconv_format_can_write_book(to))
        return cli_usage_error(
            args->command, "%s",
            "several inputs and --title make an EPUB book; the output is not EPUB");
    if (strcmp(out_path, "-") == 0 && artconv_format_is_binary(to) && isatty(STDOUT_FILENO)) {
        fprintf(stderr, "artconv: -: refusing to write %s to a terminal; use -o FILE\n",
                artconv_format_name(to));
        return EXIT_USAGE;
    }
    if (args->css != NULL && cli_slurp(args->css, &css) < 0) {
        fprintf(stderr, "artconv: %s: cannot read the style sheet: %s\n", args->css,
                strerror(errno));
        return EXIT_FAILED;
    }
    /* -o BOOK.epub of one newsMessage: a digest of its items. */
    if (args->positional_count > 1 || args->title != NULL ||
        (artconv_format_can_write_book(to) && holds_several(args, args->positional[0]))) {
        status = run_book(args, out_path, to, css.ptr);
        goto cleanup;
    }
    status = convert_single(args, args->positional[0], out_path, to, css.ptr);
cleanup:
    artconv_buf_dispose(&css);
    return status;
}
