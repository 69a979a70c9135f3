/*
 * decode.h - the one input decoder every reader uses (see decode.c).
 */
#ifndef ARTCONV_DECODE_H
#define ARTCONV_DECODE_H

#include "internal.h"

/* Decodes `data` into `clean`: valid, NUL-terminated UTF-8 that the model
 * accepts.  Returns 0, ARTCONV_EPARSE (strict: not UTF-8, or a forbidden
 * character, with its line and column in `err`) or ARTCONV_ENOMEM. */
int ac_decode_input(artconv_buf *clean, const char *data, size_t len,
                    const artconv_read_options *opts, artconv_error *err);

#endif
