/*
 * args.c - the option table, argument parsing, --help pages and the "did
 * you mean" suggestions for mistyped options and formats.
 */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXIT_USAGE CLI_EXIT_USAGE

/* -j beyond this is a typo, not a machine. */
#define MAX_JOBS_OPTION 1024

typedef struct {
    const char *long_name;
    char short_name; /* 0 when there is none */
    int takes_value;
    cli_option_id id;
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
    {"meta", 'm', 1, OPT_META, "KEY=VALUE",
     "set metadata, e.g. --meta title=\"...\" (repeatable; also -M, --metadata)"},
    {"width", 'w', 1, OPT_WIDTH, "N", "wrap text output at N columns; 0 = no wrapping (72)"},
    {"fragment", 0, 0, OPT_FRAGMENT, NULL, "html: write the <article> element only"},
    {"standalone", 's', 0, OPT_STANDALONE, NULL,
     "html: a whole page (the default; as pandoc's -s)"},
    {"front-matter", 0, 1, OPT_FRONT_MATTER, "WHEN",
     "markdown: auto (default), always or never write YAML front matter"},
    {"strict", 0, 0, OPT_STRICT, NULL, "fail on input that needs repair (bad encoding, NUL)"},
    {"encoding", 0, 1, OPT_ENCODING, "NAME",
     "the input's charset (windows-1251, shift_jis...) over its own and detection"},
    {"no-extract", 0, 0, OPT_NO_EXTRACT, NULL, "html: convert the whole <body>"},
    {"smart", 0, 0, OPT_SMART, NULL,
     "typographic quotes, dashes and ellipses (\"--\" to an en dash)"},
    {"base-url", 0, 1, OPT_BASE_URL, "URL",
     "html: the saved page's address, for its relative links (when it names none)"},
    {"max-input", 0, 1, OPT_MAX_INPUT, "BYTES", "refuse larger inputs (default 256 MiB; K/M/G)"},
    {"quiet", 'q', 0, OPT_QUIET, NULL, "print no warnings, notes, progress or summary"},
    {"json", 0, 0, OPT_JSON, NULL, "info, formats: print JSON"},
    {"css", 0, 1, OPT_CSS, "FILE", "epub: use this style sheet instead of the default"},
    {"cover", 0, 1, OPT_COVER, "FILE", "epub: use this image as the cover"},
    {"resource-path", 0, 1, OPT_RESOURCE_PATH, "DIR",
     "look for local images in DIR (default: beside each input; stdin: none)"},
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
    /* pandoc's spellings, for people who come from it.  An entry after the
     * first of its id is a synonym: help and suggestions show the first. */
    {"metadata", 'M', 1, OPT_META, "KEY=VALUE", NULL},
};

#define OPTION_COUNT (sizeof options / sizeof options[0])

/* --- messages --------------------------------------------------------------- */

int cli_usage_error(const cli_command *command, const char *fmt, ...)
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

static const option_spec *find_option_by_id(cli_option_id id)
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

void cli_print_command_help(FILE *out, const cli_command *command)
{
    size_t i;

    fprintf(out, "Usage: %s\n\n%s\n\nOptions:\n", command->usage, command->summary);
    for (i = 0; i < command->option_count; i++)
        print_option_help(out, find_option_by_id(command->options[i]));
    if (command->flags & CLI_COMMAND_LISTS_FORMATS) {
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

void cli_print_main_help(FILE *out, const cli_command *commands, size_t count)
{
    size_t i;

    fputs("Usage: artconv COMMAND [OPTIONS] ...\n\n"
          "Convert news articles between plain text, Markdown, HTML, JSON, EPUB and NewsML-G2.\n\n"
          "Commands:\n",
          out);
    for (i = 0; i < count; i++) {
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
    fputs("      --list-input-formats         list the formats artconv reads, one a line\n"
          "      --list-output-formats        list the formats artconv writes, one a line\n",
          out);
    fputs("\nRun 'artconv COMMAND --help' for a command's options.\n"
          "Example: artconv convert story.txt story.html\n",
          out);
}

/* --- argument parsing --------------------------------------------------------- */

static int accepts(const cli_command *command, cli_option_id id)
{
    size_t i;

    for (i = 0; i < command->option_count; i++)
        if (command->options[i] == id)
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

static int apply_option(cli_args *args, const option_spec *opt, const char *value)
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
            return cli_usage_error(args->command,
                                   "--width wants a number from 0 to 10000, not '%s'", value);
        args->width = (int)width;
        args->width_set = 1;
        break;
    case OPT_FRAGMENT:
        args->fragment = 1;
        break;
    case OPT_SMART:
        args->smart = 1;
        break;
    case OPT_STANDALONE:
        args->standalone = 1;
        break;
    case OPT_BASE_URL:
        if (strncmp(value, "http://", 7) != 0 && strncmp(value, "https://", 8) != 0)
            return cli_usage_error(
                args->command, "--base-url wants an absolute http or https URL, not '%s'", value);
        args->base_url = value;
        break;
    case OPT_RESOURCE_PATH:
        if (value[0] == '\0')
            return cli_usage_error(args->command, "%s", "--resource-path wants a folder, not ''");
        args->resource_path = value;
        break;
    case OPT_ENCODING:
        if (value[0] == '\0')
            return cli_usage_error(args->command, "%s", "--encoding wants a charset name, not ''");
        args->encoding = value;
        break;
    case OPT_FRONT_MATTER:
        if (strcmp(value, "auto") == 0)
            args->front_matter = ARTCONV_FRONT_MATTER_AUTO;
        else if (strcmp(value, "always") == 0)
            args->front_matter = ARTCONV_FRONT_MATTER_ALWAYS;
        else if (strcmp(value, "never") == 0)
            args->front_matter = ARTCONV_FRONT_MATTER_NEVER;
        else
            return cli_usage_error(args->command,
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
            return cli_usage_error(
                args->command, "--max-input wants a size in bytes such as 1048576 or 64M, not '%s'",
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
            return cli_usage_error(args->command, "%s", "-d wants a folder name, not ''");
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
            return cli_usage_error(args->command, "%s", "--root wants a folder name, not ''");
        args->root = value;
        break;
    case OPT_NO_FILES:
        args->no_files = 1;
        break;
    case OPT_JOBS:
        errno = 0;
        width = strtol(value, &end, 10);
        if (errno != 0 || *end != '\0' || end == value || width < 1 || width > MAX_JOBS_OPTION)
            return cli_usage_error(args->command,
                                   "-j wants a number of threads from 1 to %d, not '%s'",
                                   MAX_JOBS_OPTION, value);
        args->jobs = (unsigned)width;
        break;
    case OPT_ITEM_VERSION:
        errno = 0;
        width = strtol(value, &end, 10);
        if (errno != 0 || *end != '\0' || end == value || width < 1 || width > 1000000)
            return cli_usage_error(
                args->command, "--item-version wants a number from 1 to 1000000, not '%s'", value);
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
static const char *suggest_option(const cli_command *command, const char *name, size_t len)
{
    char word[64];
    const char *best = NULL, *prefix_of = NULL;
    size_t best_distance = 99, prefixes = 0, i;

    if (len == 0 || len >= sizeof word)
        return NULL;
    memcpy(word, name, len);
    word[len] = '\0';
    for (i = 0; i < command->option_count; i++) {
        const char *candidate = find_option_by_id(command->options[i])->long_name;
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

static int unknown_option(const cli_command *command, const char *arg, const char *name, size_t len)
{
    const char *guess = suggest_option(command, name, len);

    if (guess != NULL)
        return cli_usage_error(command, "unknown option '%s'; did you mean --%s?", arg, guess);
    return cli_usage_error(command, "unknown option '%s'", arg);
}

int cli_parse_args(cli_args *args, int argc, char **argv, int first)
{
    int i, rc, only_positional = 0;

    for (i = first; i < argc; i++) {
        const char *arg = argv[i];
        const option_spec *opt = NULL;
        const char *value = NULL;

        if (only_positional || arg[0] != '-' || arg[1] == '\0') {
            /* Only a book (-o) takes more than IN and OUT. */
            if (args->positional_count == 2 && args->output == NULL && args->out_dir == NULL &&
                (args->command->flags & CLI_COMMAND_IN_OUT) &&
                !has_many_inputs_option(argv, i, argc))
                return cli_usage_error(args->command, "unexpected extra argument '%s'", arg);
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
                    return cli_usage_error(args->command, "option '%s' takes no value", arg);
                value = eq + 1;
            }
        } else {
            opt = lookup_short(arg[1]);
            if (opt == NULL)
                return cli_usage_error(args->command, "unknown option '%s'", arg);
            if (arg[2] != '\0') {
                if (!opt->takes_value)
                    return cli_usage_error(args->command, "unknown option '%s'", arg);
                value = arg + 2;
            }
        }
        if (!accepts(args->command, opt->id))
            return cli_usage_error(args->command, "option '%s' does not apply here", arg);
        if (opt->takes_value && value == NULL) {
            if (i + 1 >= argc)
                return cli_usage_error(args->command, "option '%s' needs a value", arg);
            value = argv[++i];
        }
        if ((rc = apply_option(args, opt, value)) != 0)
            return rc;
    }
    if (args->fragment && args->standalone)
        return cli_usage_error(args->command, "%s",
                               "--fragment and --standalone ask for opposite things");
    return 0;
}

/* --- input and output --------------------------------------------------------- */

const artconv_format *cli_format_named(const cli_command *command, const char *option,
                                       const char *name)
{
    const artconv_format *format = artconv_format_by_name(name);
    const char *guess;

    if (format != NULL)
        return format;
    guess = cli_suggest_format(name);
    if (guess != NULL)
        cli_usage_error(command, "unknown format '%s'; did you mean %s %s?", name, option, guess);
    else
        cli_usage_error(command, "unknown format '%s'; 'artconv formats' lists them", name);
    return NULL;
}
