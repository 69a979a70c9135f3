/*
 * decode.h - the one input decoder every reader uses, with one charset
 * policy (see decode.c for the rules).
 */
#ifndef ARTCONV_DECODE_H
#define ARTCONV_DECODE_H

#include "internal.h"

/* Decodes `data` into valid UTF-8 that the model accepts.  `*text` points
 * either into `data` (clean UTF-8, no BOM: no copy) or into `out`, and is
 * valid while both live; `out`'s bytes are NUL-terminated.  `declared` is
 * a charset name the reader found in the input (HTML <meta charset>, an XML
 * declaration), or NULL.  Warnings go to opts' callback.  Returns 0,
 * ARTCONV_EPARSE (strict: text that is not UTF-8 and not declared Latin-1,
 * or anything repaired to U+FFFD, with line, column and offset in `err`; the
 * offset counts input bytes when the input is UTF-8, decoded bytes when it
 * was converted) or ARTCONV_ENOMEM. */
int ac_decode_input(artconv_buf *out, const char **text, size_t *text_len, const char *data,
                    size_t len, const char *declared, const artconv_read_options *opts,
                    artconv_error *err);

#endif
