/*
 * cli.h - the artconv command line, kept apart from main() so it can be
 * driven by tests and by other front ends.
 */
#ifndef ARTCONV_CLI_H
#define ARTCONV_CLI_H

#include "artconv.h"

/* Runs the command line in argv; returns the exit status (0, 1 or 2). */
int artconv_cli_main(int argc, char **argv);

#endif
