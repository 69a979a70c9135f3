/*
 * cli.h - the artconv command line, kept apart from main() so it can be
 * driven by tests and by other front ends, and the pieces its source files
 * share (cli.c parses, cli_batch.c converts many files on threads,
 * cli_stream.c serves `artconv batch`, cli_convert.c converts one input,
 * cli_msg.c prints and suggests, cli_list.c reads --files-from, cli_signal.c
 * removes temporary files when a signal stops the run).  None of this is part of
 * libartconv.
 */
#ifndef ARTCONV_CLI_H
#define ARTCONV_CLI_H

#include "artconv.h"

#include <jansson.h>

#include <stdio.h>

#define CLI_EXIT_FAILED 1
#define CLI_EXIT_USAGE  2

/* Runs the command line in argv; returns the exit status (0, 1 or 2). */
int artconv_cli_main(int argc, char **argv);

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
    int verbose; /* a line per file */
} cli_settings;

/* --- one conversion (cli_convert.c) ------------------------------------------ */

typedef enum cli_outcome {
    CLI_CONVERTED = 0,
    CLI_FAILED,
    CLI_SKIPPED /* the output existed and --force was not given */
} cli_outcome;

/* What converting one input gave.  Filled by one thread, read by another
 * only after a mutex hand-over. */
typedef struct cli_result {
    cli_outcome outcome;
    artconv_error err; /* when FAILED; err.file borrows the input or output name */
    json_t *warnings;  /* array of strings, owned; NULL until the first one */
    size_t bytes;      /* size of the output */
    double ms;         /* wall time of the conversion */
} cli_result;

/* One request: an input by path or inline, an output by path or to memory. */
typedef struct cli_request {
    const char *in_path;        /* NULL when in_data is given */
    const char *in_data;        /* inline input, when in_path is NULL */
    size_t in_len;              /* length of in_data */
    const artconv_format *from; /* NULL: in_path's extension */
    const artconv_format *to;   /* NULL: out_path's extension */
    const char *out_path;       /* NULL: append to out_mem */
    artconv_buf *out_mem;       /* receives the output when out_path is NULL */
    const json_t *meta;         /* batch: {"key": "value" | ["v", ...]}; may be NULL */
    int force;                  /* replace an existing out_path */
    /* batch: the request's "ignore_status", 1 (true) or -1 (false); 0 when
     * absent, which keeps the settings' (--ignore-status). */
    int ignore_status;
    int force_read_only;        /* replace it even if it is read-only */
} cli_request;

/* Converts one request with the shared settings; never prints.  Fills
 * `res` (the caller releases it with cli_result_dispose). */
void cli_convert_one(cli_result *res, const cli_settings *settings, const cli_request *req);
void cli_result_dispose(cli_result *res);
/* Appends the folder part of `path` ("." when there is none) to `out`
 * (where relative image paths are resolved).  0 or ARTCONV_ENOMEM. */
int cli_folder_of(const char *path, artconv_buf *out);

/* --- many files with -d (cli_batch.c) ----------------------------------------- */

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

/* --- JSON lines on stdin, results on stdout (cli_stream.c) -------------------- */

/* Serves `artconv batch`: one result line per request line, in order,
 * flushed as each is written.  Returns 0, or 1 when reading the requests or
 * writing the results failed. */
int cli_stream_run(const cli_settings *settings, FILE *in, FILE *out);

/* --- signals (cli_signal.c) ---------------------------------------------------- */

/* Removes the named temporary files of writes in flight on SIGINT, SIGTERM
 * and SIGHUP, then lets the signal end the program.  Call once, early. */
void cli_signal_install(void);
/* The write options' temp_file callback that keeps the names for it. */
void cli_signal_temp_file(int dirfd, const char *name, void *payload);

/* --- messages (cli_msg.c) ------------------------------------------------------ */

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
/* A JSON string for `text` (JSON null for NULL); bytes that are not UTF-8,
 * as in a Latin-1 file name, become '?'.  NULL only when memory runs out. */
json_t *cli_json_text(const char *text);

/* --- input lists (cli_list.c) -------------------------------------------------- */

/* Splits the file `path` ('-' for stdin) into paths, one a line (a CR
 * before the LF is dropped) or, with `nul`, NUL-separated; empty entries
 * are skipped.  The bytes stay in `storage`, a fresh caller-owned buffer
 * used for this one list; the paths point into it.  `*out` and `*count`
 * are appended to (realloc'd; the caller frees *out).  Returns 0, or -1
 * with errno set. */
int cli_read_list(artconv_buf *storage, const char ***out, size_t *count, const char *path,
                  int nul);

#endif
