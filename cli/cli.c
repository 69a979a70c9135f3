/*
 * cli.c - the artconv command line: parsing, help, and the commands
 * convert, batch, info and formats.  Many files (-d) are converted by
 * cli_batch.c, the JSON-lines stream (batch) by cli_stream.c.
 *
 * Exit status: 0 on success, 1 when a conversion fails, 2 on a usage error.
 * Every message names the file: "artconv: FILE:LINE:COL: what went wrong".
 */
#include "cli.h"

#include <jansson.h>

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define EXIT_FAILED CLI_EXIT_FAILED
#define EXIT_USAGE  CLI_EXIT_USAGE

/* -j beyond this is a typo, not a machine. */
#define MAX_JOBS_OPTION 1024

enum option_id {
    OPT_HELP,
    OPT_VERSION,
    OPT_FROM,
    OPT_TO,
    OPT_OUTPUT,
    OPT_META,
    OPT_WIDTH,
    OPT_FRAGMENT,
    OPT_FRONT_MATTER,
    OPT_STRICT,
    OPT_NO_EXTRACT,
    OPT_MAX_INPUT,
    OPT_QUIET,
    OPT_JSON,
    OPT_CSS,
    OPT_COVER,
    OPT_PROVIDER,
    OPT_GUID_SCHEME,
    OPT_ITEM_VERSION,
    OPT_TITLE,
    OPT_OUTPUT_DIR,
    OPT_FORCE,
    OPT_FILES_FROM,
    OPT_NULL,
    OPT_JOBS,
    OPT_VERBOSE,
    OPT_REPORT,
    OPT_IGNORE_STATUS,
    OPT_ROOT,
    OPT_NO_FILES,
};

typedef struct {
    const char *long_name;
    char short_name; /* 0 when there is none */
    int takes_value;
    enum option_id id;
    const char *value_name;
    const char *help;
} option_spec;

/* The options of every subcommand; each subcommand says which it accepts. */
static const option_spec options[] = {
    {"help", 'h', 0, OPT_HELP, NULL, "show this help and exit"},
    {"version", 'V', 0, OPT_VERSION, NULL, "show the version and exit"},
    {"from", 'f', 1, OPT_FROM, "FMT", "input format (default: from IN's extension)"},
    {"to", 't', 1, OPT_TO, "FMT", "output format (default: from OUT's extension)"},
    {"output", 'o', 1, OPT_OUTPUT, "FILE", "write to FILE ('-' for standard output)"},
    {"meta", 'm', 1, OPT_META, "KEY=VALUE", "set metadata, e.g. --meta title=\"...\" (repeatable)"},
    {"width", 'w', 1, OPT_WIDTH, "N", "wrap text output at N columns; 0 = no wrapping (72)"},
    {"fragment", 0, 0, OPT_FRAGMENT, NULL, "html: write the <article> element only"},
    {"front-matter", 0, 1, OPT_FRONT_MATTER, "WHEN",
     "markdown: auto (default), always or never write YAML front matter"},
    {"strict", 0, 0, OPT_STRICT, NULL, "fail on input that needs repair (bad encoding, NUL)"},
    {"no-extract", 0, 0, OPT_NO_EXTRACT, NULL, "html: convert the whole <body>"},
    {"max-input", 0, 1, OPT_MAX_INPUT, "BYTES", "refuse larger inputs (default 256 MiB; K/M/G)"},
    {"quiet", 'q', 0, OPT_QUIET, NULL, "print no warnings, notes, progress or summary"},
    {"json", 0, 0, OPT_JSON, NULL, "info: print JSON"},
    {"css", 0, 1, OPT_CSS, "FILE", "epub: use this style sheet instead of the default"},
    {"cover", 0, 1, OPT_COVER, "FILE", "epub: use this image as the cover"},
    {"provider", 0, 1, OPT_PROVIDER, "NAME", "newsml: the provider (a QCode or a name)"},
    {"guid-scheme", 0, 1, OPT_GUID_SCHEME, "PREFIX", "newsml: prefix of the item's GUID"},
    {"item-version", 0, 1, OPT_ITEM_VERSION, "N", "newsml: the item's version (1)"},
    {"title", 0, 1, OPT_TITLE, "TEXT", "epub: the book's title (for several inputs with -o)"},
    {"output-dir", 'd', 1, OPT_OUTPUT_DIR, "DIR",
     "one output per input in DIR (named from the input)"},
    {"force", 0, 0, OPT_FORCE, NULL,
     "replace read-only outputs; with -d also existing ones (default: skip them)"},
    {"files-from", 0, 1, OPT_FILES_FROM, "FILE",
     "with -d or -o: read input paths from FILE ('-': stdin), one a line"},
    {"null", '0', 0, OPT_NULL, NULL, "--files-from: paths are NUL-separated (find -print0)"},
    {"jobs", 'j', 1, OPT_JOBS, "N", "with -d: convert on N threads (default: the cores)"},
    {"verbose", 'v', 0, OPT_VERBOSE, NULL, "with -d: a line for every file converted"},
    {"report", 0, 1, OPT_REPORT, "FILE", "with -d: write a JSON line per input to FILE"},
    {"ignore-status", 0, 0, OPT_IGNORE_STATUS, NULL,
     "write a killed or embargoed story to a format that drops its status"},
    {"root", 0, 1, OPT_ROOT, "DIR", "batch: every request path lies inside DIR (relative to it)"},
    {"no-files", 0, 0, OPT_NO_FILES, NULL,
     "batch: requests may not name files (input_text and output_text only)"},
};

#define OPTION_COUNT (sizeof options / sizeof options[0])

typedef struct {
    const char *name;
    const char *usage;
    const char *summary;
    const enum option_id *accepted;
    size_t accepted_count;
} command_spec;

static const enum option_id convert_options[] = {
    OPT_FROM,      OPT_TO,          OPT_OUTPUT,       OPT_OUTPUT_DIR, OPT_FILES_FROM,
    OPT_NULL,      OPT_FORCE,       OPT_JOBS,         OPT_REPORT,     OPT_META,
    OPT_WIDTH,     OPT_FRAGMENT,    OPT_FRONT_MATTER, OPT_STRICT,     OPT_NO_EXTRACT,
    OPT_MAX_INPUT, OPT_QUIET,       OPT_VERBOSE,      OPT_CSS,        OPT_COVER,
    OPT_PROVIDER,  OPT_GUID_SCHEME, OPT_ITEM_VERSION, OPT_TITLE,      OPT_IGNORE_STATUS,
    OPT_HELP,
};
static const enum option_id batch_options[] = {
    OPT_FROM,         OPT_TO,           OPT_META,          OPT_WIDTH, OPT_FRAGMENT, OPT_FRONT_MATTER,
    OPT_STRICT,       OPT_NO_EXTRACT,   OPT_MAX_INPUT,     OPT_CSS,   OPT_COVER,    OPT_PROVIDER,
    OPT_GUID_SCHEME,  OPT_ITEM_VERSION, OPT_IGNORE_STATUS, OPT_FORCE, OPT_ROOT,     OPT_NO_FILES,
    OPT_HELP,
};
static const enum option_id info_options[] = {
    OPT_FROM, OPT_META, OPT_STRICT, OPT_NO_EXTRACT, OPT_MAX_INPUT, OPT_QUIET, OPT_JSON, OPT_HELP,
};
static const enum option_id formats_options[] = {OPT_HELP};

static const command_spec commands[] = {
    {"convert",
     "artconv convert [OPTIONS] IN [OUT]\n"
     "       artconv convert [OPTIONS] -t FMT -d OUTDIR IN...\n"
     "       artconv convert [OPTIONS] -o BOOK.epub IN...",
     "Convert the article IN to OUT. Formats come from the file extensions or --from/--to;\n"
     "'-' is standard input or output. Without OUT the result goes to standard output.\n"
     "With -d, each input becomes its own file in OUTDIR (STEM.EXT, then STEM-2.EXT for\n"
     "a clash), converted on -j threads; existing outputs are skipped unless --force; a\n"
     "failed input is reported and the others go on (exit status 1 if any failed).\n"
     "With -o, several inputs make one EPUB with a chapter each (a digest; see --title).",
     convert_options, sizeof convert_options / sizeof convert_options[0]},
    {"batch", "artconv batch [OPTIONS] < REQUESTS.jsonl > RESULTS.jsonl",
     "Read JSON requests from standard input, one a line, such as\n"
     "  {\"input\": \"a.html\", \"output\": \"out/a.epub\", \"to\": \"epub\"}\n"
     "  {\"input_text\": \"# Title\\n\\nText.\", \"from\": \"markdown\", \"to\": \"text\"}\n"
     "and write one JSON result line per request to standard output, in order, flushed\n"
     "line by line (fields: id, line, input, output, format, status, error, warnings,\n"
     "bytes, milliseconds, and output_text when there is no \"output\"). Options set the\n"
     "defaults; a request's \"from\", \"to\", \"meta\" and \"force\" override them. A failed\n"
     "request is a result line; the exit status is 1 only if the streams fail. Inputs\n"
     "must be regular files. For untrusted requests, --root DIR keeps every path inside\n"
     "DIR and --no-files allows inline text only (see docs/batch.md).",
     batch_options, sizeof batch_options / sizeof batch_options[0]},
    {"info", "artconv info [OPTIONS] IN", "Print the metadata and a summary of the article IN.",
     info_options, sizeof info_options / sizeof info_options[0]},
    {"formats", "artconv formats", "List the formats artconv reads and writes.", formats_options,
     sizeof formats_options / sizeof formats_options[0]},
};

#define COMMAND_COUNT (sizeof commands / sizeof commands[0])

/* Everything one run has parsed from its arguments. */
typedef struct {
    const command_spec *command;
    const char *from;
    const char *to;
    const char *output;
    const char **metas;
    size_t meta_count;
    const char **positional; /* room for argc entries */
    size_t positional_count;
    int width;
    int width_set;
    int fragment;
    artconv_front_matter front_matter;
    int strict;
    int no_extract;
    size_t max_input;
    int quiet;
    int json;
    int help;
    const char *css;
    const char *cover;
    const char *provider;
    const char *guid_scheme;
    int item_version;
    const char *title;
    const char *out_dir;
    int force;
    const char *files_from;
    int null_separated;
    unsigned jobs;
    int verbose;
    const char *report;
    int ignore_status;
    const char *root;
    int no_files;
} run_args;

/* --- messages --------------------------------------------------------------- */

static int usage_error(const command_spec *command, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int usage_error(const command_spec *command, const char *fmt, ...)
{
    va_list ap;

    fputs("artconv: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    fprintf(stderr, "Try 'artconv %s%s--help' for more information.\n",
            command != NULL ? command->name : "", command != NULL ? " " : "");
    return EXIT_USAGE;
}

/* --- help ------------------------------------------------------------------- */

static const option_spec *find_option_by_id(enum option_id id)
{
    size_t i;

    for (i = 0; i < OPTION_COUNT; i++)
        if (options[i].id == id)
            return &options[i];
    return NULL;
}

static void print_option_help(FILE *out, const option_spec *opt)
{
    char left[64];

    if (opt->short_name != 0)
        snprintf(left, sizeof left, "-%c, --%s%s%s", opt->short_name, opt->long_name,
                 opt->takes_value ? " " : "", opt->takes_value ? opt->value_name : "");
    else
        snprintf(left, sizeof left, "    --%s%s%s", opt->long_name, opt->takes_value ? " " : "",
                 opt->takes_value ? opt->value_name : "");
    fprintf(out, "  %-28s %s\n", left, opt->help);
}

static void print_command_help(FILE *out, const command_spec *command)
{
    size_t i;

    fprintf(out, "Usage: %s\n\n%s\n\nOptions:\n", command->usage, command->summary);
    for (i = 0; i < command->accepted_count; i++)
        print_option_help(out, find_option_by_id(command->accepted[i]));
    if (strcmp(command->name, "convert") == 0) {
        fputs("\nFormats: ", out);
        for (i = 0; i < artconv_format_count(); i++)
            fprintf(out, "%s%s", i ? ", " : "", artconv_format_name(artconv_format_at(i)));
        fputs(" (see 'artconv formats').\n"
              "Metadata keys: title, subtitle, authors, date, modified, dateline, language,\n"
              "publisher, section, keywords, description, credit, rights, source, id, image,\n"
              "image.alt, image.caption, image.credit.\n",
              out);
    }
}

static void print_main_help(FILE *out)
{
    size_t i;

    fputs("Usage: artconv COMMAND [OPTIONS] ...\n\n"
          "Convert news articles between plain text, Markdown, HTML, JSON, EPUB and NewsML-G2.\n\n"
          "Commands:\n",
          out);
    for (i = 0; i < COMMAND_COUNT; i++) {
        const char *line = commands[i].usage;

        /* A usage of several lines continues under its first. */
        fprintf(out, "  %-10s ", commands[i].name);
        for (;;) {
            const char *end = strchr(line, '\n');

            fprintf(out, "%.*s\n", end != NULL ? (int)(end - line) : (int)strlen(line), line);
            if (end == NULL)
                break;
            line = end + 1 + strspn(end + 1, " ");
            fprintf(out, "  %-10s ", "");
        }
    }
    fputs("\nOptions:\n", out);
    print_option_help(out, find_option_by_id(OPT_HELP));
    print_option_help(out, find_option_by_id(OPT_VERSION));
    fputs("\nRun 'artconv COMMAND --help' for a command's options.\n"
          "Example: artconv convert story.txt story.html\n",
          out);
}

/* --- argument parsing --------------------------------------------------------- */

static int accepts(const command_spec *command, enum option_id id)
{
    size_t i;

    for (i = 0; i < command->accepted_count; i++)
        if (command->accepted[i] == id)
            return 1;
    return 0;
}

static int parse_size(const char *s, size_t *out)
{
    char *end;
    unsigned long long value;
    unsigned long long scale = 1;

    errno = 0;
    if (*s < '0' || *s > '9')
        return -1;
    value = strtoull(s, &end, 10);
    if (errno != 0)
        return -1;
    if (*end == 'K' || *end == 'k')
        scale = 1024ULL;
    else if (*end == 'M' || *end == 'm')
        scale = 1024ULL * 1024;
    else if (*end == 'G' || *end == 'g')
        scale = 1024ULL * 1024 * 1024;
    else if (*end != '\0')
        return -1;
    if (scale != 1 && end[1] != '\0')
        return -1;
    if (value == 0 || value > (unsigned long long)SIZE_MAX / scale)
        return -1;
    *out = (size_t)(value * scale);
    return 0;
}

static int apply_option(run_args *args, const option_spec *opt, const char *value)
{
    char *end;
    long width;

    switch (opt->id) {
    case OPT_HELP:
        args->help = 1;
        break;
    case OPT_VERSION:
        break;
    case OPT_FROM:
        args->from = value;
        break;
    case OPT_TO:
        args->to = value;
        break;
    case OPT_OUTPUT:
        args->output = value;
        break;
    case OPT_META:
        args->metas[args->meta_count++] = value;
        break;
    case OPT_WIDTH:
        errno = 0;
        width = strtol(value, &end, 10);
        if (errno != 0 || *end != '\0' || end == value || width < 0 || width > 10000)
            return usage_error(args->command, "--width wants a number from 0 to 10000, not '%s'",
                               value);
        args->width = (int)width;
        args->width_set = 1;
        break;
    case OPT_FRAGMENT:
        args->fragment = 1;
        break;
    case OPT_FRONT_MATTER:
        if (strcmp(value, "auto") == 0)
            args->front_matter = ARTCONV_FRONT_MATTER_AUTO;
        else if (strcmp(value, "always") == 0)
            args->front_matter = ARTCONV_FRONT_MATTER_ALWAYS;
        else if (strcmp(value, "never") == 0)
            args->front_matter = ARTCONV_FRONT_MATTER_NEVER;
        else
            return usage_error(args->command,
                               "--front-matter wants auto, always or never, not '%s'", value);
        break;
    case OPT_STRICT:
        args->strict = 1;
        break;
    case OPT_NO_EXTRACT:
        args->no_extract = 1;
        break;
    case OPT_MAX_INPUT:
        if (parse_size(value, &args->max_input) < 0)
            return usage_error(args->command,
                               "--max-input wants a size in bytes such as 1048576 or 64M, not '%s'",
                               value);
        break;
    case OPT_QUIET:
        args->quiet = 1;
        break;
    case OPT_JSON:
        args->json = 1;
        break;
    case OPT_CSS:
        args->css = value;
        break;
    case OPT_COVER:
        args->cover = value;
        break;
    case OPT_PROVIDER:
        args->provider = value;
        break;
    case OPT_GUID_SCHEME:
        args->guid_scheme = value;
        break;
    case OPT_TITLE:
        args->title = value;
        break;
    case OPT_OUTPUT_DIR:
        if (value[0] == '\0')
            return usage_error(args->command, "%s", "-d wants a folder name, not ''");
        args->out_dir = value;
        break;
    case OPT_FORCE:
        args->force = 1;
        break;
    case OPT_IGNORE_STATUS:
        args->ignore_status = 1;
        break;
    case OPT_FILES_FROM:
        args->files_from = value;
        break;
    case OPT_NULL:
        args->null_separated = 1;
        break;
    case OPT_VERBOSE:
        args->verbose = 1;
        break;
    case OPT_REPORT:
        args->report = value;
        break;
    case OPT_ROOT:
        if (value[0] == '\0')
            return usage_error(args->command, "%s", "--root wants a folder name, not ''");
        args->root = value;
        break;
    case OPT_NO_FILES:
        args->no_files = 1;
        break;
    case OPT_JOBS:
        errno = 0;
        width = strtol(value, &end, 10);
        if (errno != 0 || *end != '\0' || end == value || width < 1 || width > MAX_JOBS_OPTION)
            return usage_error(args->command, "-j wants a number of threads from 1 to %d, not '%s'",
                               MAX_JOBS_OPTION, value);
        args->jobs = (unsigned)width;
        break;
    case OPT_ITEM_VERSION:
        errno = 0;
        width = strtol(value, &end, 10);
        if (errno != 0 || *end != '\0' || end == value || width < 1 || width > 1000000)
            return usage_error(args->command,
                               "--item-version wants a number from 1 to 1000000, not '%s'", value);
        args->item_version = (int)width;
        break;
    }
    return 0;
}

static const option_spec *lookup_long(const char *name, size_t len)
{
    size_t i;

    for (i = 0; i < OPTION_COUNT; i++)
        if (strlen(options[i].long_name) == len && strncmp(options[i].long_name, name, len) == 0)
            return &options[i];
    return NULL;
}

static const option_spec *lookup_short(char c)
{
    size_t i;

    for (i = 0; i < OPTION_COUNT; i++)
        if (options[i].short_name == c)
            return &options[i];
    return NULL;
}

/* 1 if an option that takes many inputs (-o for a book, -d for a folder)
 * comes anywhere in argv[from..argc): it may follow the inputs, as in
 * "convert a.md b.md -o digest.epub". */
static int has_many_inputs_option(char **argv, int from, int argc)
{
    int i;

    for (i = from; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            return 0;
        if (strncmp(argv[i], "-o", 2) == 0 || strncmp(argv[i], "-d", 2) == 0 ||
            strcmp(argv[i], "--output") == 0 || strncmp(argv[i], "--output=", 9) == 0 ||
            strcmp(argv[i], "--output-dir") == 0 || strncmp(argv[i], "--output-dir=", 13) == 0)
            return 1;
    }
    return 0;
}

/* The accepted long option `name` (without its dashes) was probably meant
 * to be: the closest by edit distance, or the only one it starts. */
static const char *suggest_option(const command_spec *command, const char *name, size_t len)
{
    char word[64];
    const char *best = NULL, *prefix_of = NULL;
    size_t best_distance = 99, prefixes = 0, i;

    if (len == 0 || len >= sizeof word)
        return NULL;
    memcpy(word, name, len);
    word[len] = '\0';
    for (i = 0; i < command->accepted_count; i++) {
        const char *candidate = find_option_by_id(command->accepted[i])->long_name;
        size_t d = cli_edit_distance(word, candidate);

        if (d < best_distance) {
            best_distance = d;
            best = candidate;
        }
        if (len >= 3 && strncmp(candidate, word, len) == 0) {
            prefixes++;
            prefix_of = candidate;
        }
    }
    if (best != NULL && best_distance <= (len <= 4 ? 1u : 2u))
        return best;
    return prefixes == 1 ? prefix_of : NULL;
}

static int unknown_option(const command_spec *command, const char *arg, const char *name,
                          size_t len)
{
    const char *guess = suggest_option(command, name, len);

    if (guess != NULL)
        return usage_error(command, "unknown option '%s'; did you mean --%s?", arg, guess);
    return usage_error(command, "unknown option '%s'", arg);
}

/* Parses argv[first..argc) for `args->command`.  Returns 0 or an exit code. */
static int parse_args(run_args *args, int argc, char **argv, int first)
{
    int i, rc, only_positional = 0;

    for (i = first; i < argc; i++) {
        const char *arg = argv[i];
        const option_spec *opt = NULL;
        const char *value = NULL;

        if (only_positional || arg[0] != '-' || arg[1] == '\0') {
            /* Only a book (-o) takes more than IN and OUT. */
            if (args->positional_count == 2 && args->output == NULL && args->out_dir == NULL &&
                strcmp(args->command->name, "convert") == 0 &&
                !has_many_inputs_option(argv, i, argc))
                return usage_error(args->command, "unexpected extra argument '%s'", arg);
            args->positional[args->positional_count++] = arg;
            continue;
        }
        if (strcmp(arg, "--") == 0) {
            only_positional = 1;
            continue;
        }
        if (arg[1] == '-') {
            const char *eq = strchr(arg + 2, '=');
            size_t len = eq != NULL ? (size_t)(eq - (arg + 2)) : strlen(arg + 2);

            opt = lookup_long(arg + 2, len);
            if (opt == NULL)
                return unknown_option(args->command, arg, arg + 2, len);
            if (eq != NULL) {
                if (!opt->takes_value)
                    return usage_error(args->command, "option '%s' takes no value", arg);
                value = eq + 1;
            }
        } else {
            opt = lookup_short(arg[1]);
            if (opt == NULL)
                return usage_error(args->command, "unknown option '%s'", arg);
            if (arg[2] != '\0') {
                if (!opt->takes_value)
                    return usage_error(args->command, "unknown option '%s'", arg);
                value = arg + 2;
            }
        }
        if (!accepts(args->command, opt->id))
            return usage_error(args->command, "option '%s' does not apply here", arg);
        if (opt->takes_value && value == NULL) {
            if (i + 1 >= argc)
                return usage_error(args->command, "option '%s' needs a value", arg);
            value = argv[++i];
        }
        if ((rc = apply_option(args, opt, value)) != 0)
            return rc;
    }
    return 0;
}

/* --- input and output --------------------------------------------------------- */

/* Looks up the format given to `option` ("--to"); an unknown name is a
 * usage error with the nearest name offered. */
static const artconv_format *format_named(const command_spec *command, const char *option,
                                          const char *name)
{
    const artconv_format *format = artconv_format_by_name(name);
    const char *guess;

    if (format != NULL)
        return format;
    guess = cli_suggest_format(name);
    if (guess != NULL)
        usage_error(command, "unknown format '%s'; did you mean %s %s?", name, option, guess);
    else
        usage_error(command, "unknown format '%s'; 'artconv formats' lists them", name);
    return NULL;
}

static int read_stdin(artconv_buf *data, size_t limit, artconv_error *err)
{
    for (;;) {
        size_t n;

        if (artconv_buf_grow(data, 65536) < 0) {
            snprintf(err->message, sizeof err->message, "out of memory");
            return ARTCONV_ENOMEM;
        }
        n = fread(data->ptr + data->len, 1, data->cap - data->len - 1, stdin);
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
    if (ferror(stdin)) {
        snprintf(err->message, sizeof err->message, "cannot read: %s", strerror(errno));
        return ARTCONV_EIO;
    }
    return 0;
}

/* Reads and parses the input `in` (args->positional[0] for one article). */
static int load_article(artconv_article **out, const run_args *args, const char *in)
{
    const artconv_format *format = NULL;
    artconv_read_options ropts;
    artconv_error err;
    size_t i;
    int rc;

    memset(&err, 0, sizeof err);
    artconv_read_options_init(&ropts);
    ropts.filename = strcmp(in, "-") == 0 ? "<stdin>" : in;
    ropts.strict = args->strict;
    ropts.no_extract = args->no_extract;
    ropts.max_input = args->max_input;
    if (!args->quiet) {
        ropts.warning = cli_print_warning;
        ropts.payload = (void *)ropts.filename;
    }
    if (args->from != NULL) {
        format = format_named(args->command, "--from", args->from);
        if (format == NULL)
            return EXIT_USAGE;
    } else if (strcmp(in, "-") == 0) {
        return usage_error(args->command, "%s", "reading standard input needs --from FORMAT");
    } else {
        format = artconv_format_by_path(in);
        if (format == NULL)
            return usage_error(args->command,
                               "cannot tell the format of '%s' from its extension; use --from", in);
    }
    if (!artconv_format_can_read(format)) {
        fprintf(stderr, "artconv: %s: reading %s is not supported yet\n", ropts.filename,
                artconv_format_name(format));
        return EXIT_FAILED;
    }
    if (strcmp(in, "-") == 0) {
        artconv_buf data = ARTCONV_BUF_INIT;
        size_t limit = args->max_input ? args->max_input : ARTCONV_DEFAULT_MAX_INPUT;

        rc = read_stdin(&data, limit, &err);
        if (rc == 0)
            rc = artconv_read(out, format, data.ptr, data.len, &ropts, &err);
        artconv_buf_dispose(&data);
    } else {
        rc = artconv_read_file(out, format, in, &ropts, &err);
    }
    if (rc < 0) {
        cli_print_error(ropts.filename, &err);
        return EXIT_FAILED;
    }
    for (i = 0; i < args->meta_count; i++) {
        if (artconv_article_set_meta_arg(*out, args->metas[i], &err) < 0) {
            fprintf(stderr, "artconv: --meta %s: %s\n", args->metas[i], err.message);
            artconv_article_free(*out);
            *out = NULL;
            return EXIT_USAGE;
        }
    }
    return 0;
}

static int write_stdout(const char *data, size_t len)
{
    if (len > 0 && fwrite(data, 1, len, stdout) != len)
        return -1;
    return fflush(stdout) == 0 && !ferror(stdout) ? 0 : -1;
}

/* --- commands ----------------------------------------------------------------- */

/* Reads a small file whole (a style sheet); 0, or -1 with errno set. */
static int slurp(const char *path, artconv_buf *out)
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

/* SOURCE_DATE_EPOCH, as reproducible builds define it, or -1. */
static long long source_date_epoch(void)
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

/* Fills the write options every conversion shares. */
static void set_write_options(artconv_write_options *wopts, const run_args *args,
                              const char *out_path, const char *css)
{
    artconv_write_options_init(wopts);
    wopts->stylesheet = css;
    wopts->cover = args->cover;
    wopts->timestamp = source_date_epoch();
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

/* Several inputs (or --title) into one book: a chapter per article, the
 * images of each found beside its own input. */
static int run_book(const run_args *args, const char *out_path, const artconv_format *to,
                    const char *css)
{
    size_t n = args->positional_count, i;
    artconv_article **articles = calloc(n, sizeof *articles);
    const char **dirs = calloc(n, sizeof *dirs);
    artconv_buf *folders = calloc(n, sizeof *folders);
    artconv_write_options wopts;
    artconv_error err;
    int rc, status = 0;

    if (articles == NULL || dirs == NULL || folders == NULL) {
        fputs("artconv: out of memory\n", stderr);
        status = EXIT_FAILED;
        goto cleanup;
    }
    for (i = 0; i < n; i++) {
        if ((status = load_article(&articles[i], args, args->positional[i])) != 0)
            goto cleanup;
        if (strcmp(args->positional[i], "-") != 0) {
            if (cli_folder_of(args->positional[i], &folders[i]) < 0) {
                fputs("artconv: out of memory\n", stderr);
                status = EXIT_FAILED;
                goto cleanup;
            }
            dirs[i] = folders[i].ptr;
        }
    }
    memset(&err, 0, sizeof err);
    set_write_options(&wopts, args, out_path, css);
    if (strcmp(out_path, "-") == 0) {
        artconv_buf out = ARTCONV_BUF_INIT;

        rc = artconv_write_book(&out, to, (const artconv_article *const *)articles, n, args->title,
                                dirs, &wopts, &err);
        if (rc == 0 && write_stdout(out.ptr, out.len) < 0) {
            fprintf(stderr, "artconv: <stdout>: cannot write: %s\n", strerror(errno));
            status = EXIT_FAILED;
        }
        artconv_buf_dispose(&out);
    } else {
        rc = artconv_write_book_file(out_path, to, (const artconv_article *const *)articles, n,
                                     args->title, dirs, &wopts, &err);
    }
    if (rc < 0) {
        cli_print_error(wopts.filename, &err);
        status = EXIT_FAILED;
    }
cleanup:
    for (i = 0; articles != NULL && i < n; i++)
        artconv_article_free(articles[i]);
    for (i = 0; folders != NULL && i < n; i++)
        artconv_buf_dispose(&folders[i]);
    free(articles);
    free(dirs);
    free(folders);
    return status;
}

static int run_convert(const run_args *args);

/* The settings a batch shares, from the arguments; 0 or an exit code. */
static int build_settings(cli_settings *settings, const run_args *args, const char *css)
{
    artconv_article *scratch;
    artconv_error err;
    size_t i;

    memset(settings, 0, sizeof *settings);
    if (args->from != NULL &&
        (settings->from = format_named(args->command, "--from", args->from)) == NULL)
        return EXIT_USAGE;
    if (args->to != NULL && (settings->to = format_named(args->command, "--to", args->to)) == NULL)
        return EXIT_USAGE;
    if (settings->from != NULL && !artconv_format_can_read(settings->from))
        return usage_error(args->command, "reading %s is not supported",
                           artconv_format_name(settings->from));
    if (settings->to != NULL && !artconv_format_can_write(settings->to))
        return usage_error(args->command, "writing %s is not supported",
                           artconv_format_name(settings->to));
    artconv_read_options_init(&settings->read);
    settings->read.strict = args->strict;
    settings->read.no_extract = args->no_extract;
    settings->read.max_input = args->max_input;
    set_write_options(&settings->write, args, "-", css);
    if (strcmp(args->command->name, "batch") == 0) {
        /* A request naming /dev/stdin or a FIFO would hang the stream. */
        settings->read.regular_only = 1;
        settings->read.root = args->root;
        settings->write.root = args->root;
        settings->no_files = args->no_files;
    }
    settings->metas = args->metas;
    settings->meta_count = args->meta_count;
    settings->quiet = args->quiet;
    settings->verbose = args->verbose;
    /* A bad --meta would fail every input alike: refuse it once, up front. */
    if ((scratch = artconv_article_new()) == NULL) {
        fputs("artconv: out of memory\n", stderr);
        return EXIT_FAILED;
    }
    for (i = 0; i < args->meta_count; i++) {
        if (artconv_article_set_meta_arg(scratch, args->metas[i], &err) < 0) {
            fprintf(stderr, "artconv: --meta %s: %s\n", args->metas[i], err.message);
            artconv_article_free(scratch);
            return EXIT_USAGE;
        }
    }
    artconv_article_free(scratch);
    return 0;
}

/* -d OUTDIR: one output per input, on threads. */
static int run_folder(const run_args *args, const char *const *inputs, size_t count)
{
    cli_settings settings;
    cli_batch_options opts;
    artconv_buf css = ARTCONV_BUF_INIT;
    size_t i;
    int status;

    if (args->to == NULL)
        return usage_error(args->command, "%s",
                           "-d needs the output format: add --to FORMAT (e.g. --to epub)");
    if (args->title != NULL)
        return usage_error(args->command, "%s",
                           "--title names a book (-o BOOK.epub); -d writes one file per input");
    for (i = 0; i < count; i++)
        if (strcmp(inputs[i], "-") == 0)
            return usage_error(args->command, "%s",
                               "-d names each output after its input; '-' (standard input) has "
                               "no name");
    if (args->css != NULL && slurp(args->css, &css) < 0) {
        fprintf(stderr, "artconv: %s: cannot read the style sheet: %s\n", args->css,
                strerror(errno));
        return EXIT_FAILED;
    }
    status = build_settings(&settings, args, css.ptr);
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
static int run_many(const run_args *args)
{
    run_args local = *args;
    artconv_buf list_bytes = ARTCONV_BUF_INIT;
    const char **inputs = NULL;
    size_t count = 0;
    int status;

    if (args->out_dir != NULL && args->output != NULL)
        return usage_error(args->command, "%s",
                           "-d writes one file per input and -o one book: give one of them");
    if (args->out_dir == NULL && args->output == NULL)
        return usage_error(args->command, "%s",
                           "--files-from needs -d OUTDIR (a file each) or -o BOOK.epub (one book)");
    if (args->null_separated && args->files_from == NULL)
        return usage_error(args->command, "%s", "-0 says how --files-from separates the paths");
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
        status = usage_error(args->command, "%s", "no inputs: name files or use --files-from");
        goto cleanup;
    }
    if (args->out_dir != NULL) {
        status = run_folder(args, inputs, count);
        goto cleanup;
    }
    local.positional = inputs;
    local.positional_count = count;
    local.files_from = NULL;
    status = run_convert(&local);
cleanup:
    free(inputs);
    artconv_buf_dispose(&list_bytes);
    return status;
}

static int run_convert(const run_args *args)
{
    run_args args_local;
    const char *out_path = args->output;
    const artconv_format *to = NULL;
    artconv_write_options wopts;
    artconv_article *article = NULL;
    artconv_buf css = ARTCONV_BUF_INIT, folder = ARTCONV_BUF_INIT;
    artconv_error err;
    int rc, status = 0;

    if (args->out_dir == NULL && (args->jobs > 0 || args->report != NULL || args->verbose))
        return usage_error(args->command, "%s",
                           "-j, --report and -v go with -d OUTDIR (one file per input)");
    if (args->out_dir != NULL || args->files_from != NULL || args->null_separated)
        return run_many(args);
    if (args->positional_count == 0)
        return usage_error(args->command, "%s", "convert needs an input file ('-' for stdin)");
    if (args->positional_count == 2 && out_path == NULL) {
        out_path = args->positional[1];
        args_local = *args;
        args_local.positional_count = 1;
        args = &args_local;
    }
    if (out_path == NULL)
        out_path = "-";
    if (args->to != NULL) {
        to = format_named(args->command, "--to", args->to);
        if (to == NULL)
            return EXIT_USAGE;
    } else if (strcmp(out_path, "-") == 0) {
        return usage_error(args->command, "%s", "writing to standard output needs --to FORMAT");
    } else if ((to = artconv_format_by_path(out_path)) == NULL) {
        return usage_error(args->command,
                           "cannot tell the format of '%s' from its extension; use --to", out_path);
    }
    if (!artconv_format_can_write(to)) {
        fprintf(stderr, "artconv: %s: writing %s is not supported yet\n", out_path,
                artconv_format_name(to));
        return EXIT_FAILED;
    }
    if ((args->positional_count > 1 || args->title != NULL) &&
        !artconv_format_can_write_book(to))
        return usage_error(args->command, "%s",
                           "several inputs and --title make an EPUB book; the output is not EPUB");
    if (strcmp(out_path, "-") == 0 && artconv_format_is_binary(to) && isatty(STDOUT_FILENO)) {
        fprintf(stderr, "artconv: -: refusing to write %s to a terminal; use -o FILE\n",
                artconv_format_name(to));
        return EXIT_USAGE;
    }
    if (args->css != NULL && slurp(args->css, &css) < 0) {
        fprintf(stderr, "artconv: %s: cannot read the style sheet: %s\n", args->css,
                strerror(errno));
        return EXIT_FAILED;
    }
    if (args->positional_count > 1 || args->title != NULL) {
        status = run_book(args, out_path, to, css.ptr);
        goto cleanup;
    }
    if ((status = load_article(&article, args, args->positional[0])) != 0)
        goto cleanup;

    memset(&err, 0, sizeof err);
    if (strcmp(args->positional[0], "-") != 0 && cli_folder_of(args->positional[0], &folder) < 0) {
        fputs("artconv: out of memory\n", stderr);
        status = EXIT_FAILED;
        goto cleanup;
    }
    set_write_options(&wopts, args, out_path, css.ptr);
    wopts.resource_dir = folder.ptr;
    if (strcmp(out_path, "-") == 0) {
        artconv_buf out = ARTCONV_BUF_INIT;

        rc = artconv_write(&out, to, article, &wopts, &err);
        if (rc == 0 && write_stdout(out.ptr, out.len) < 0) {
            fprintf(stderr, "artconv: <stdout>: cannot write: %s\n", strerror(errno));
            status = EXIT_FAILED;
        }
        artconv_buf_dispose(&out);
    } else {
        rc = artconv_write_file(out_path, to, article, &wopts, &err);
    }
    if (rc < 0) {
        cli_print_error(wopts.filename, &err);
        status = EXIT_FAILED;
    }
cleanup:
    artconv_article_free(article);
    artconv_buf_dispose(&css);
    artconv_buf_dispose(&folder);
    return status;
}

/* Counts the blocks of each kind and the words of the body. */
typedef struct {
    size_t kinds[ARTCONV_NODE_LAST_KIND + 1];
    size_t words;
} body_stats;

static void count_words(body_stats *stats, const char *s)
{
    int in_word = 0;

    for (; *s != '\0'; s++) {
        int space = *s == ' ' || *s == '\n' || *s == '\t' || *s == '\r';

        if (!space && !in_word)
            stats->words++;
        in_word = !space;
    }
}

/* 0, or -1 when memory runs out. */
static int gather_stats(body_stats *stats, const artconv_article *article)
{
    artconv_iter *it = artconv_iter_new(artconv_article_body(article));
    artconv_event ev;

    memset(stats, 0, sizeof *stats);
    if (it == NULL)
        return -1;
    while ((ev = artconv_iter_next(it)) != ARTCONV_EVENT_DONE) {
        const artconv_node *node = artconv_iter_node(it);
        artconv_node_kind kind = artconv_node_get_kind(node);

        if (ev != ARTCONV_EVENT_ENTER)
            continue;
        stats->kinds[kind]++;
        if (kind == ARTCONV_NODE_TEXT && artconv_node_get_literal(node) != NULL)
            count_words(stats, artconv_node_get_literal(node));
    }
    artconv_iter_free(it);
    return 0;
}

static const artconv_node_kind summary_kinds[] = {
    ARTCONV_NODE_PARAGRAPH,  ARTCONV_NODE_HEADING, ARTCONV_NODE_FIGURE,
    ARTCONV_NODE_BLOCKQUOTE, ARTCONV_NODE_LIST,    ARTCONV_NODE_TABLE,
    ARTCONV_NODE_CODE_BLOCK, ARTCONV_NODE_LINK,    ARTCONV_NODE_IMAGE,
};

/* Prints {"meta": ..., "body": {counts}}.  The meta object is the JSON
 * writer's own, so `info --json` and `convert -t json` never disagree. */
static int info_json(const artconv_article *article, const body_stats *stats)
{
    artconv_buf full = ARTCONV_BUF_INIT;
    artconv_error err;
    json_t *root = NULL, *doc = NULL, *body = json_object();
    char *text = NULL;
    size_t k;
    int rc = -1;

    if (body == NULL ||
        artconv_write(&full, artconv_format_by_name("json"), article, NULL, &err) < 0)
        goto cleanup;
    doc = json_loadb(full.ptr, full.len, 0, NULL);
    root = json_object();
    if (doc == NULL || root == NULL ||
        json_object_set(root, "meta", json_object_get(doc, "meta")) < 0)
        goto cleanup;
    if (json_object_set_new(body, "words", json_integer((json_int_t)stats->words)) < 0)
        goto cleanup;
    for (k = 0; k < sizeof summary_kinds / sizeof summary_kinds[0]; k++)
        if (json_object_set_new(body, artconv_node_kind_name(summary_kinds[k]),
                                json_integer((json_int_t)stats->kinds[summary_kinds[k]])) < 0)
            goto cleanup;
    if (json_object_set(root, "body", body) < 0)
        goto cleanup;
    text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (text == NULL)
        goto cleanup;
    rc = printf("%s\n", text) < 0 ? -1 : 0;
cleanup:
    free(text);
    json_decref(root);
    json_decref(doc);
    json_decref(body);
    artconv_buf_dispose(&full);
    return rc;
}

static void info_text(const artconv_article *article, const body_stats *stats)
{
    int i;
    size_t k;

    for (i = 0; i < ARTCONV_META_COUNT; i++) {
        const char *value = artconv_article_get(article, (artconv_meta)i);

        if (value != NULL)
            printf("%-14s %s\n", artconv_meta_name((artconv_meta)i), value);
        if (i == ARTCONV_META_SUBTITLE) {
            /* Authors read best right under the headline. */
            size_t n = artconv_article_list_count(article, ARTCONV_LIST_AUTHORS);

            if (n > 0) {
                printf("%-14s ", "authors");
                for (k = 0; k < n; k++)
                    printf("%s%s", k ? "; " : "",
                           artconv_article_list_get(article, ARTCONV_LIST_AUTHORS, k));
                putchar('\n');
            }
        }
    }
    if (artconv_article_list_count(article, ARTCONV_LIST_KEYWORDS) > 0) {
        printf("%-14s ", "keywords");
        for (k = 0; k < artconv_article_list_count(article, ARTCONV_LIST_KEYWORDS); k++)
            printf("%s%s", k ? "; " : "",
                   artconv_article_list_get(article, ARTCONV_LIST_KEYWORDS, k));
        putchar('\n');
    }
    printf("%-14s %zu words", "body", stats->words);
    for (k = 0; k < sizeof summary_kinds / sizeof summary_kinds[0]; k++) {
        size_t n = stats->kinds[summary_kinds[k]];

        if (n > 0)
            printf(", %zu %s%s", n, artconv_node_kind_name(summary_kinds[k]), n == 1 ? "" : "s");
    }
    putchar('\n');
}

static int run_info(const run_args *args)
{
    artconv_article *article = NULL;
    body_stats stats;
    int status;

    if (args->positional_count != 1)
        return usage_error(args->command, "%s", "info needs exactly one input file");
    if ((status = load_article(&article, args, args->positional[0])) != 0)
        return status;
    if (gather_stats(&stats, article) < 0) {
        fprintf(stderr, "artconv: %s: out of memory\n", args->positional[0]);
        status = EXIT_FAILED;
    } else if (args->json) {
        if (info_json(article, &stats) < 0) {
            fprintf(stderr, "artconv: %s: out of memory\n", args->positional[0]);
            status = EXIT_FAILED;
        }
    } else {
        info_text(article, &stats);
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "artconv: <stdout>: cannot write: %s\n", strerror(errno));
        status = EXIT_FAILED;
    }
    artconv_article_free(article);
    return status;
}

/* 1 if `path` is a folder; 0 with errno set otherwise. */
static int is_folder(const char *path)
{
    struct stat st;

    if (stat(path, &st) < 0)
        return 0;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return 0;
    }
    return 1;
}

/* `artconv batch`: JSON lines in, JSON lines out. */
static int run_batch(const run_args *args)
{
    cli_settings settings;
    artconv_buf css = ARTCONV_BUF_INIT;
    int status;

    if (args->positional_count != 0)
        return usage_error(args->command, "unexpected argument '%s'; requests come on stdin",
                           args->positional[0]);
    if (args->root != NULL && args->no_files)
        return usage_error(args->command, "%s",
                           "--root bounds the files requests name and --no-files forbids them: "
                           "give one of them");
    if (args->root != NULL && !is_folder(args->root)) {
        fprintf(stderr, "artconv: %s: cannot use as the root folder: %s\n", args->root,
                strerror(errno));
        return EXIT_FAILED;
    }
    if (args->css != NULL && slurp(args->css, &css) < 0) {
        fprintf(stderr, "artconv: %s: cannot read the style sheet: %s\n", args->css,
                strerror(errno));
        return EXIT_FAILED;
    }
    status = build_settings(&settings, args, css.ptr);
    if (status == 0)
        status = cli_stream_run(&settings, stdin, stdout);
    artconv_buf_dispose(&css);
    return status;
}

static int run_formats(const run_args *args)
{
    size_t i;

    if (args->positional_count != 0)
        return usage_error(args->command, "unexpected argument '%s'", args->positional[0]);
    printf("%-10s %-5s %-5s %-22s %s\n", "FORMAT", "READ", "WRITE", "EXTENSIONS", "DESCRIPTION");
    for (i = 0; i < artconv_format_count(); i++) {
        const artconv_format *format = artconv_format_at(i);
        const char *const *ext;
        char exts[64] = "";

        for (ext = artconv_format_extensions(format); *ext != NULL; ext++) {
            if (exts[0] != '\0')
                strncat(exts, " ", sizeof exts - strlen(exts) - 1);
            strncat(exts, *ext, sizeof exts - strlen(exts) - 1);
        }
        printf("%-10s %-5s %-5s %-22s %s\n", artconv_format_name(format),
               artconv_format_can_read(format) ? "yes" : "-",
               artconv_format_can_write(format) ? "yes" : "-", exts,
               artconv_format_description(format));
    }
    return fflush(stdout) == 0 ? 0 : EXIT_FAILED;
}

int artconv_cli_main(int argc, char **argv)
{
    run_args args;
    const char **metas;
    size_t i;
    int status;

    if (argc < 2) {
        print_main_help(stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        if (argc > 2) {
            for (i = 0; i < COMMAND_COUNT; i++) {
                if (strcmp(argv[2], commands[i].name) == 0) {
                    print_command_help(stdout, &commands[i]);
                    return 0;
                }
            }
            return usage_error(NULL, "unknown command '%s'", argv[2]);
        }
        print_main_help(stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
        printf("artconv %s\n", artconv_version());
        return 0;
    }
    cli_signal_install();
    memset(&args, 0, sizeof args);
    for (i = 0; i < COMMAND_COUNT; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            args.command = &commands[i];
    if (args.command == NULL) {
        for (i = 0; i < COMMAND_COUNT; i++)
            if (cli_edit_distance(argv[1], commands[i].name) <= 2)
                return usage_error(NULL, "unknown command '%s'; did you mean %s?", argv[1],
                                   commands[i].name);
        return usage_error(
            NULL, "unknown command '%s'; commands are convert, batch, info and formats", argv[1]);
    }
    /* At most one --meta per argument, so argc bounds their number. */
    metas = calloc((size_t)argc, sizeof *metas);
    if (metas == NULL) {
        fputs("artconv: out of memory\n", stderr);
        return EXIT_FAILED;
    }
    args.metas = metas;
    args.positional = calloc((size_t)argc, sizeof *args.positional);
    if (args.positional == NULL) {
        free(metas);
        fputs("artconv: out of memory\n", stderr);
        return EXIT_FAILED;
    }
    status = parse_args(&args, argc, argv, 2);
    if (status == 0 && args.help) {
        print_command_help(stdout, args.command);
    } else if (status == 0) {
        if (strcmp(args.command->name, "convert") == 0)
            status = run_convert(&args);
        else if (strcmp(args.command->name, "batch") == 0)
            status = run_batch(&args);
        else if (strcmp(args.command->name, "info") == 0)
            status = run_info(&args);
        else
            status = run_formats(&args);
    }
    free(metas);
    free(args.positional);
    return status;
}
