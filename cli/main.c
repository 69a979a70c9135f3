/*
 * main.c - the artconv executable: main() and the table of commands it
 * dispatches through.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

/* glibc hands freed memory back at once (trimming the heap past 128 KiB,
 * and mapping each block over a threshold it keeps raising): converting
 * 1,000 small articles made 6,000-24,000 madvise/mmap/munmap calls and
 * spent a third of its time in the kernel.  A program (never the library)
 * may choose: blocks from 4 MiB up are mapped, the heap is trimmed past
 * 32 MiB.  95 calls then, 0.37 -> 0.09 s of system time, peak memory on a
 * 5 MB page within 3%.  GLIBC_TUNABLES naming malloc settings wins. */
static void tune_allocator(void)
{
#ifdef __GLIBC__
    const char *tunables = getenv("GLIBC_TUNABLES");

    if (tunables != NULL && strstr(tunables, "malloc.") != NULL)
        return;
    mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 32 * 1024 * 1024);
#endif
}

/* The options each command accepts, in the order its --help lists them. */
static const cli_option_id convert_options[] = {
    OPT_FROM,        OPT_TO,           OPT_OUTPUT,     OPT_OUTPUT_DIR,    OPT_FILES_FROM,
    OPT_NULL,        OPT_FORCE,        OPT_JOBS,       OPT_REPORT,        OPT_META,
    OPT_WIDTH,       OPT_FRAGMENT,     OPT_STANDALONE, OPT_FRONT_MATTER,  OPT_STRICT,
    OPT_ENCODING,    OPT_BASE_URL,     OPT_NO_EXTRACT, OPT_MAX_INPUT,     OPT_QUIET,
    OPT_VERBOSE,     OPT_CSS,          OPT_COVER,      OPT_RESOURCE_PATH, OPT_PROVIDER,
    OPT_GUID_SCHEME, OPT_ITEM_VERSION, OPT_TITLE,      OPT_IGNORE_STATUS, OPT_SMART,
    OPT_HELP,
};
static const cli_option_id batch_options[] = {
    OPT_FROM,        OPT_TO,           OPT_META,          OPT_WIDTH,        OPT_FRAGMENT,
    OPT_STANDALONE,  OPT_ENCODING,     OPT_BASE_URL,      OPT_FRONT_MATTER, OPT_STRICT,
    OPT_NO_EXTRACT,  OPT_MAX_INPUT,    OPT_CSS,           OPT_COVER,        OPT_PROVIDER,
    OPT_GUID_SCHEME, OPT_ITEM_VERSION, OPT_IGNORE_STATUS, OPT_FORCE,        OPT_ROOT,
    OPT_NO_FILES,    OPT_SMART,        OPT_HELP,
};
static const cli_option_id info_options[] = {
    OPT_FROM,       OPT_META,      OPT_STRICT, OPT_ENCODING, OPT_BASE_URL,
    OPT_NO_EXTRACT, OPT_MAX_INPUT, OPT_QUIET,  OPT_JSON,     OPT_HELP,
};
static const cli_option_id formats_options[] = {OPT_JSON, OPT_HELP};

static const cli_command commands[] = {
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
     convert_options, sizeof convert_options / sizeof convert_options[0], cli_cmd_convert,
     CLI_COMMAND_LISTS_FORMATS | CLI_COMMAND_IN_OUT},
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
     batch_options, sizeof batch_options / sizeof batch_options[0], cli_cmd_batch, 0},
    {"info", "artconv info [OPTIONS] IN", "Print the metadata and a summary of the article IN.",
     info_options, sizeof info_options / sizeof info_options[0], cli_cmd_info, 0},
    {"formats", "artconv formats", "List the formats artconv reads and writes.", formats_options,
     sizeof formats_options / sizeof formats_options[0], cli_cmd_formats, 0},
};

#define COMMAND_COUNT (sizeof commands / sizeof commands[0])

static const cli_command *find_command(const char *name)
{
    size_t i;

    for (i = 0; i < COMMAND_COUNT; i++)
        if (strcmp(name, commands[i].name) == 0)
            return &commands[i];
    return NULL;
}

int artconv_cli_main(int argc, char **argv)
{
    cli_args args;
    const char **metas;
    size_t i;
    int status;

    if (argc < 2) {
        cli_print_main_help(stderr, commands, COMMAND_COUNT);
        return CLI_EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        if (argc > 2) {
            const cli_command *command = find_command(argv[2]);

            if (command != NULL) {
                cli_print_command_help(stdout, command);
                return 0;
            }
            return cli_usage_error(NULL, "unknown command '%s'", argv[2]);
        }
        cli_print_main_help(stdout, commands, COMMAND_COUNT);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)
        return cli_print_version();
    if (strcmp(argv[1], "--list-input-formats") == 0)
        return cli_list_formats(0);
    if (strcmp(argv[1], "--list-output-formats") == 0)
        return cli_list_formats(1);
    cli_signal_install();
    memset(&args, 0, sizeof args);
    args.command = find_command(argv[1]);
    if (args.command == NULL) {
        for (i = 0; i < COMMAND_COUNT; i++)
            if (cli_edit_distance(argv[1], commands[i].name) <= 2)
                return cli_usage_error(NULL, "unknown command '%s'; did you mean %s?", argv[1],
                                       commands[i].name);
        return cli_usage_error(
            NULL, "unknown command '%s'; commands are convert, batch, info and formats", argv[1]);
    }
    /* At most one --meta per argument, so argc bounds their number. */
    metas = calloc((size_t)argc, sizeof *metas);
    if (metas == NULL) {
        fputs("artconv: out of memory\n", stderr);
        return CLI_EXIT_FAILED;
    }
    args.metas = metas;
    args.positional = calloc((size_t)argc, sizeof *args.positional);
    if (args.positional == NULL) {
        free(metas);
        fputs("artconv: out of memory\n", stderr);
        return CLI_EXIT_FAILED;
    }
    status = cli_parse_args(&args, argc, argv, 2);
    if (status == 0 && args.help) {
        cli_print_command_help(stdout, args.command);
    } else if (status == 0) {
        status = args.command->run(&args);
    }
    free(metas);
    free(args.positional);
    return status;
}

int main(int argc, char **argv)
{
    tune_allocator();
    return artconv_cli_main(argc, argv);
}
