/*
 * cli.h - the artconv command line, kept apart from main() so it can be
 * driven by tests and by other front ends, and the pieces its source files
 * share: main.c holds the command table, args.c the options, parsing and
 * help, setup.c turns parsed arguments into conversion settings,
 * convert_one.c is the one conversion every command uses, cmd_*.c are the
 * commands, convert_dir.c converts many files on threads (-d) with the names
 * outdir.c chooses, stream.c serves `artconv batch`, msg.c prints and
 * suggests, list.c reads --files-from, signal.c removes temporary files when
 * a signal stops the run.  None of this is part of libartconv.
 */
#ifndef ARTCONV_CLI_H
#define ARTCONV_CLI_H

#include "artconv.h"

#include <stdio.h>

/* jansson's value type, for the JSON the CLI speaks itself (batch request
 * and result lines, --report lines, the warnings a result collects).  Only
 * the files that build or read that JSON include <jansson.h>. */
struct json_t;

#define CLI_EXIT_FAILED 1
#define CLI_EXIT_USAGE  2

/* Runs the command line in argv; returns the exit status (0, 1 or 2). */
int artconv_cli_main(int argc, char **argv);

/* --- options and commands (args.c, main.c) ---------------------------------- */

typedef enum cli_option_id {
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
    OPT_STANDALONE,
    OPT_ENCODING,
    OPT_RESOURCE_PATH,
    OPT_BASE_URL,
    OPT_SMART
} cli_option_id;

typedef struct cli_args cli_args;

/* The command's help ends with the formats and the metadata keys. */
#define CLI_COMMAND_LISTS_FORMATS 1
/* IN [OUT]: a third input needs -o (a book) or -d (a folder). */
#define CLI_COMMAND_IN_OUT 2

/* A row of main.c's command table. */
typedef struct cli_command {
    const char *name;
    const char *usage;            /* one or more lines */
    const char *summary;          /* the paragraph under the usage in --help */
    const cli_option_id *options; /* the options it accepts, in help order */
    size_t option_count;
    int (*run)(const cli_args *args); /* returns the exit status */
    int flags;                        /* CLI_COMMAND_* */
} cli_command;

/* Everything one run has parsed from its arguments. */
struct cli_args {
    const cli_command *command;
    const char *from;
    const char *to;
    const char *output;
    const char **metas; /* room for argc entries */
    size_t meta_count;
    const char **positional; /* room for argc entries */
    size_t positional_count;
    int width;
    int width_set;
    int fragment;
    int standalone; /* -s: accepted, the whole page is the default */
    const char *encoding; /* --encoding: the input's charset */
    const char *resource_path; /* --resource-path DIR */
    const char *base_url;      /* --base-url URL */
    int smart;                 /* --smart: typographic quotes and dashes */
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
};

/* Prints "artconv: MESSAGE" and where to find help; returns CLI_EXIT_USAGE.
 * `command` may be NULL (the main help). */
int cli_usage_error(const cli_command *command, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Parses argv[first..argc) for `args->command` (set by the caller, with
 * room in metas and positional).  Returns 0 or an exit status. */
int cli_parse_args(cli_args *args, int argc, char **argv, int first);
void cli_print_command_help(FILE *out, const cli_command *command);
void cli_print_main_help(FILE *out, const cli_command *commands, size_t count);
/* The format given to `option` ("--to"); an unknown name is a usage error
 * (printed) with the nearest name offered, and gives NULL. */
const artconv_format *cli_format_named(const cli_command *command, const char *option,
                                       const char *name);

/* --- settings every conversion of one run shares -------------------------- */

typedef struct cli_settings {
    const artconv_format *from;  /* NULL: from each input's extension */
    const artconv_format *to;    /* NULL: (batch) from each request */
    artconv_read_options read;   /* a template; filename and warning set per input */
    artconv_write_options write; /* a template; filename, resource_dir, warning per output */
    const char *const *metas;    /* --meta KEY=VALUE, applied after reading */
    size_t meta_count;
    int no_files; /* batch: requests may not name files (--no-files) */
    int quiet;    /* no warnings, notes, progress or summary */
    int verbose;  /* a line per file */
    /* write.timestamp is read from SOURCE_DATE_EPOCH just before writing, so
     * a one-file command warns about a bad value after the input's messages
     * and not at all when the input fails (or is never written, as by info). */
    int timestamp_at_write;
    /* --resource-path: local images are looked up here, not beside each input */
    const char *resource_path;
    int smart; /* --smart: artconv_article_smarten after reading */
} cli_settings;

/* --- the one conversion (convert_one.c) -------------------------------------- */

typedef enum cli_outcome {
    CLI_CONVERTED = 0,
    CLI_FAILED,
    CLI_SKIPPED /* the output existed and --force was not given */
} cli_outcome;

/* What converting one input gave.  Filled by one thread, read by another
 * only after a mutex hand-over. */
typedef struct cli_result {
    cli_outcome outcome;
    artconv_error err;       /* when FAILED; err.file borrows the input or output name */
    const char *where;       /* when FAILED: the input's or the output's name, by the step */
    const char *bad_meta;    /* when FAILED on a --meta argument: that argument */
    struct json_t *warnings; /* array of strings, owned; NULL until the first one */
    size_t bytes;            /* size of the output */
    double ms;               /* wall time of the conversion */
    size_t words;            /* words in the body, when the request asked (count_words) */
    size_t items;            /* split_items: the outputs written; 0 when one */
} cli_result;

/* Where the library's warnings go during one conversion. */
typedef enum cli_warnings {
    CLI_WARNINGS_COLLECT = 0, /* into cli_result.warnings, for the caller to report */
    CLI_WARNINGS_PRINT,       /* to stderr as they come (one-file commands) */
    CLI_WARNINGS_NONE         /* nowhere (--quiet) */
} cli_warnings;

/* One request: an input by path, inline or on stdin, an output by path,
 * to memory, or no output (the article handed back). */
typedef struct cli_request {
    const char *in_path;           /* NULL when in_data is given or in_stdin is set */
    const char *in_data;           /* inline input, when in_path is NULL */
    size_t in_len;                 /* length of in_data */
    int in_stdin;                  /* read standard input (in_path is NULL) */
    const char *in_name;           /* the input in messages; NULL: in_path or "<input_text>" */
    const artconv_format *from;    /* NULL: in_path's extension */
    const artconv_format *to;      /* NULL: out_path's extension */
    const char *out_path;          /* NULL: append to out_mem */
    const char *out_name;          /* the output in messages; NULL: out_path or "<output>" */
    artconv_buf *out_mem;          /* receives the output when out_path is NULL */
    int binary_to_mem;             /* out_mem may take binary output (the caller checked) */
    artconv_article **article_out; /* non-NULL: stop after the metadata, hand the article here */
    const struct json_t *meta;     /* batch: {"key": "value" | ["v", ...]}; may be NULL */
    int force;                     /* replace an existing out_path */
    int count_words;               /* fill cli_result.words */
    /* batch: the request's "ignore_status", 1 (true) or -1 (false); 0 when
     * absent, which keeps the settings' (--ignore-status). */
    int ignore_status;
    int force_read_only; /* replace it even if it is read-only */
    cli_warnings warnings;
    /* non-NULL: read every article the input holds (artconv_read_all, as
     * a newsMessage's items), apply the metadata to each and hand the array
     * here (free with artconv_articles_free), their number in all_count. */
    artconv_article ***all_out;
    size_t *all_count;
    /* -d: an input that holds several articles (a newsMessage) writes one
     * output per article, out_path with ".1", ".2"... before its extension
     * (cli_item_path). */
    int split_items;
} cli_request;

/* Converts one request with the shared settings: read, --meta (and the
 * request's "meta"), write; never prints unless req->warnings says so.
 * Fills `res` (the caller releases it with cli_result_dispose). */
void cli_convert_one(cli_result *res, const cli_settings *settings, const cli_request *req);
/* Writes `count` articles read by cli_convert_one as one book (a chapter
 * each, the images of each in resource_dirs[i]) to `out_path`, or to
 * `out_mem` when out_path is NULL; out_name names it in messages.  Fills
 * `res` like cli_convert_one. */
void cli_convert_book(cli_result *res, const cli_settings *settings, const artconv_format *to,
                      const artconv_article *const *articles, size_t count, const char *title,
                      const char *const *resource_dirs, const char *out_path, const char *out_name,
                      artconv_buf *out_mem);
void cli_result_dispose(cli_result *res);
/* Sets `out` to `path` with ".N" before its extension ("d/a.html", 2:
 * "d/a.2.html"), the name of item N of a split input.  0 or ENOMEM. */
int cli_item_path(artconv_buf *out, const char *path, size_t n);
/* SOURCE_DATE_EPOCH, as reproducible builds define it, or -1 (a value that
 * is not a number of seconds is ignored with a warning). */
long long cli_source_date_epoch(void);
/* Appends the folder part of `path` ("." when there is none) to `out`
 * (where relative image paths are resolved).  0 or ARTCONV_ENOMEM. */
int cli_folder_of(const char *path, artconv_buf *out);

/* --- from arguments to settings (setup.c) ------------------------------------- */

/* Fills the settings from the arguments, without checking them; `css` is
 * the style sheet's text or NULL, borrowed. */
void cli_settings_fill(cli_settings *settings, const cli_args *args, const char *css);
/* The checked settings of a run of many conversions (-d, batch): formats
 * looked up and --meta tried once.  Returns 0 or an exit status (printed). */
int cli_settings_build(cli_settings *settings, const cli_args *args, const char *css);
/* Reads a small file whole (a style sheet); 0, or -1 with errno set. */
int cli_slurp(const char *path, artconv_buf *out);
/* The format of the input `in` ("-": stdin), from --from or its extension,
 * checked readable.  Returns 0 or an exit status (printed). */
int cli_input_format(const artconv_format **out, const cli_args *args, const char *in);
/* Fills a one-file request for the input `in` ("-": stdin) in `from`,
 * with warnings printed unless --quiet. */
void cli_request_input(cli_request *req, const cli_args *args, const artconv_format *from,
                       const char *in);
/* Prints a failed one-file result; returns its exit status (2 for a bad
 * --meta, otherwise 1). */
int cli_report_failure(const cli_result *res);
/* Reads the input `in` and applies --meta: the one conversion without its
 * write (book chapters, info).  Returns 0 or an exit status (printed). */
int cli_load_article(artconv_article **out, const cli_settings *settings, const cli_args *args,
                     const char *in);
/* Writes `len` bytes to standard output and flushes; 0, or -1 with errno set. */
int cli_write_stdout(const char *data, size_t len);

/* --- the commands (cmd_*.c) ------------------------------------------------------ */

int cli_cmd_convert(const cli_args *args);
int cli_cmd_batch(const cli_args *args);
int cli_cmd_info(const cli_args *args);
int cli_cmd_formats(const cli_args *args);
/* `artconv --list-input-formats` (writers 0) or `--list-output-formats`
 * (writers 1): the names, one a line, as pandoc lists them. */
int cli_list_formats(int writers);
/* `artconv --version`: artconv's version, then each library's. */
int cli_print_version(void);

/* --- output names for -d (outdir.c) ---------------------------------------------- */

/* Chooses every output name in input order: OUT_DIR/STEM.EXT, then
 * STEM-2.EXT, STEM-3.EXT... for later inputs that would clash.  names[i]
 * get malloc'd strings (the caller frees each).  0, or -1 out of memory. */
int cli_outdir_names(char **names, const char *const *inputs, size_t count, const char *out_dir,
                     const char *ext);

/* --- many files with -d (convert_dir.c) ----------------------------------------- */

typedef struct cli_batch_options {
    const char *out_dir; /* -d: created when missing */
    const char *report;  /* --report FILE.jsonl, or NULL */
    unsigned jobs;       /* -j; 0 means the number of online cores */
    int force;           /* replace existing outputs */
} cli_batch_options;

/* Converts each input to its own file in out_dir on `jobs` threads, reports
 * as it goes and sums up.  Returns 0, or 1 if any input failed. */
int cli_batch_run(const cli_settings *settings, const cli_batch_options *opts,
                  const char *const *inputs, size_t count);

/* --- JSON lines on stdin, results on stdout (stream.c) -------------------- */

/* Serves `artconv batch`: one result line per request line, in order,
 * flushed as each is written.  Returns 0, or 1 when reading the requests or
 * writing the results failed. */
int cli_stream_run(const cli_settings *settings, FILE *in, FILE *out);

/* --- signals (signal.c) ---------------------------------------------------- */

/* Removes the named temporary files of writes in flight on SIGINT, SIGTERM
 * and SIGHUP, then lets the signal end the program.  Call once, early. */
void cli_signal_install(void);
/* The write options' temp_file callback that keeps the names for it. */
void cli_signal_temp_file(int dirfd, const char *name, void *payload);

/* --- messages (msg.c) ------------------------------------------------------ */

/* 1 if `fp` is a terminal and NO_COLOR is unset or empty (no-color.org). */
int cli_colour(FILE *fp);
/* Prints "artconv: FILE:LINE:COL: message" for a failure. */
void cli_print_error(const char *file, const artconv_error *err);
/* A warning callback for the library; `payload` is the input's name. */
void cli_print_warning(const artconv_error *warning, void *payload);
/* The Levenshtein distance between two short ASCII words (capped at 99). */
size_t cli_edit_distance(const char *a, const char *b);
/* The canonical name of the format `name` was probably meant to be (from
 * the names and extensions), or NULL when none is close. */
const char *cli_suggest_format(const char *name);
/* The words of the article's body (words.c). */
size_t cli_count_words(const artconv_article *article);
/* The metadata key the key of "KEY=VALUE" was probably meant to be
 * ("autors" -> "authors"), or NULL. */
const char *cli_suggest_meta_key(const char *assignment);
/* Reports a --meta argument the article refused, with a guess at the key. */
void cli_print_meta_error(const char *assignment, const artconv_error *err);
/* A JSON string for `text` (JSON null for NULL); bytes that are not UTF-8,
 * as in a Latin-1 file name, become '?'.  NULL only when memory runs out. */
struct json_t *cli_json_text(const char *text);

/* --- input lists (list.c) -------------------------------------------------- */

/* Splits the file `path` ('-' for stdin) into paths, one a line (a CR
 * before the LF is dropped) or, with `nul`, NUL-separated; empty entries
 * are skipped.  The bytes stay in `storage`, a fresh caller-owned buffer
 * used for this one list; the paths point into it.  `*out` and `*count`
 * are appended to (realloc'd; the caller frees *out).  Returns 0, or -1
 * with errno set. */
int cli_read_list(artconv_buf *storage, const char ***out, size_t *count, const char *path,
                  int nul);

#endif
