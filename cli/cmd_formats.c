/*
 * cmd_formats.c - `artconv formats`: the table of formats, what each reads
 * and writes, and its extensions (as a table, or with --json as JSON);
 * pandoc's `--list-input-formats` and `--list-output-formats`; and
 * `--version` with the libraries underneath.
 */
#include "cli.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

/* One format as a JSON object: its name, whether it reads and writes, its
 * extensions, media type and description. */
static json_t *format_json(const artconv_format *format)
{
    json_t *obj = json_object(), *exts = json_array();
    const char *const *ext;

    if (obj == NULL || exts == NULL) {
        json_decref(obj);
        json_decref(exts);
        return NULL;
    }
    for (ext = artconv_format_extensions(format); *ext != NULL; ext++)
        json_array_append_new(exts, json_string(*ext));
    json_object_set_new(obj, "name", json_string(artconv_format_name(format)));
    json_object_set_new(obj, "read", json_boolean(artconv_format_can_read(format)));
    json_object_set_new(obj, "write", json_boolean(artconv_format_can_write(format)));
    json_object_set_new(obj, "extensions", exts);
    json_object_set_new(obj, "media_type", json_string(artconv_format_media_type(format)));
    json_object_set_new(obj, "description", json_string(artconv_format_description(format)));
    return obj;
}

static int print_json(void)
{
    json_t *list = json_array();
    size_t i;
    int ok;

    for (i = 0; list != NULL && i < artconv_format_count(); i++) {
        json_t *one = format_json(artconv_format_at(i));

        if (one == NULL || json_array_append_new(list, one) < 0) {
            json_decref(list);
            list = NULL;
        }
    }
    if (list == NULL) {
        fputs("artconv: out of memory\n", stderr);
        return CLI_EXIT_FAILED;
    }
    ok = json_dumpf(list, stdout, JSON_INDENT(2)) == 0 && fputc('\n', stdout) != EOF;
    json_decref(list);
    return ok && fflush(stdout) == 0 ? 0 : CLI_EXIT_FAILED;
}

int cli_cmd_formats(const cli_args *args)
{
    size_t i;

    if (args->positional_count != 0)
        return cli_usage_error(args->command, "unexpected argument '%s'", args->positional[0]);
    if (args->json)
        return print_json();
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
    return fflush(stdout) == 0 ? 0 : CLI_EXIT_FAILED;
}

int cli_list_formats(int writers)
{
    size_t i;

    for (i = 0; i < artconv_format_count(); i++) {
        const artconv_format *format = artconv_format_at(i);

        if (writers ? artconv_format_can_write(format) : artconv_format_can_read(format))
            printf("%s\n", artconv_format_name(format));
    }
    return fflush(stdout) == 0 ? 0 : CLI_EXIT_FAILED;
}

int cli_print_version(void)
{
    artconv_buf libs = ARTCONV_BUF_INIT;
    int rc = artconv_library_versions(&libs);

    printf("artconv %s\n", artconv_version());
    if (rc == 0)
        fputs(libs.ptr, stdout);
    artconv_buf_dispose(&libs);
    return rc == 0 && fflush(stdout) == 0 ? 0 : CLI_EXIT_FAILED;
}
