/*
 * main.c - the artconv executable.
 */
#include "cli.h"

#include <libxml/parser.h>

int main(int argc, char **argv)
{
    /* libxml2 wants one initialisation before any thread uses it; the
     * library never cleans up, since that belongs to whoever embeds it. */
    xmlInitParser();
    return artconv_cli_main(argc, argv);
}
