/*
 * cmd_formats.c - `artconv formats`: the table of formats, what each reads
 * and writes, and its extensions.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

int cli_cmd_formats(const cli_args *args)
{
    size_t i;

    if (args->positional_count != 0)
        return cli_usage_error(args->command, "unexpected argument '%s'", args->positional[0]);
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
