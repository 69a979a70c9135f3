/*
 * cmd_batch.c - `artconv batch`: checks its options, then serves the JSON
 * lines on stdin (stream.c).
 */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

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
int cli_cmd_batch(const cli_args *args)
{
    cli_settings settings;
    artconv_buf css = ARTCONV_BUF_INIT;
    int status;

    if (args->positional_count != 0)
        return cli_usage_error(args->command, "unexpected argument '%s'; requests come on stdin",
                               args->positional[0]);
    if (args->root != NULL && args->no_files)
        return cli_usage_error(args->command, "%s",
                               "--root bounds the files requests name and --no-files forbids them: "
                               "give one of them");
    if (args->root != NULL && !is_folder(args->root)) {
        fprintf(stderr, "artconv: %s: cannot use as the root folder: %s\n", args->root,
                strerror(errno));
        return CLI_EXIT_FAILED;
    }
    if (args->css != NULL && cli_slurp(args->css, &css) < 0) {
        fprintf(stderr, "artconv: %s: cannot read the style sheet: %s\n", args->css,
                strerror(errno));
        return CLI_EXIT_FAILED;
    }
    status = cli_settings_build(&settings, args, css.ptr);
    if (status == 0) {
        /* A request naming /dev/stdin or a FIFO would hang the stream. */
        settings.read.regular_only = 1;
        settings.read.root = args->root;
        settings.write.root = args->root;
        settings.no_files = args->no_files;
    }
    if (status == 0)
        status = cli_stream_run(&settings, stdin, stdout);
    artconv_buf_dispose(&css);
    return status;
}
