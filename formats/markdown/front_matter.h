/*
 * front_matter.h - YAML front matter, read (front_matter_read.c, libyaml's
 * parser) and written (front_matter_write.c, libyaml's emitter), for the
 * Markdown reader and writer.  docs/markdown.md lists the keys and their
 * aliases.
 */
#ifndef ARTCONV_FRONT_MATTER_H
#define ARTCONV_FRONT_MATTER_H

#include "internal.h"

/* Internal limits of the front matter reader.  libyaml never expands
 * aliases, but a converter that did would turn a few lines into billions of
 * values, so aliases are refused; nesting and the number of YAML events are
 * capped so memory stays proportional to a small input. */
#define AC_FM_MAX_DEPTH  32
#define AC_FM_MAX_EVENTS 100000

/* front_matter_read.c */

/* Looks for front matter at the start of `data` (after a BOM, if any): a
 * line "---", YAML, and a line "---" or "...".  When the YAML is a mapping
 * its keys go into the article's metadata (unknown keys into its extra
 * metadata), and `*body` is set to the offset of the Markdown after the
 * closing line and `*lines` to the number of lines before it.  Anything
 * else (no opening line, a block that is a scalar or a list, or is empty)
 * leaves `*body` and `*lines` at 0: it is Markdown.  A block that looks
 * like a mapping but is not valid YAML, or is not closed, is reported with
 * a warning (an error under opts->strict).  Returns 0, ARTCONV_ELIMIT
 * (aliases, depth, size), ARTCONV_EPARSE (strict) or ARTCONV_ENOMEM. */
int ac_front_matter_read(artconv_article *article, size_t *body, int *lines, const char *data,
                         size_t len, const artconv_read_options *opts, artconv_error *err);

/* front_matter_toml.c: the TOML subset of Hugo's "+++" front matter
 * (listed at the top of that file) into a new JSON object in *out.
 * Returns 0; 1 when the block is not that subset, with *problem (the
 * reason, malloc'd) and *problem_line (in the block) set; or ENOMEM. */
struct json_t;
int ac_fm_toml_parse(struct json_t **out, const char *s, size_t len, char **problem,
                     int *problem_line);

/* front_matter_write.c */

/* 1 if the article has metadata other than field `except` (-1: none),
 * extra metadata included: what makes AUTO write front matter. */
int ac_front_matter_wanted(const artconv_article *article, int except);

/* Appends "---\n", the metadata as a YAML block mapping (canonical keys,
 * then the extra ones), and "---\n".  Returns 0 or a negative status. */
int ac_front_matter_write(artconv_buf *out, const artconv_article *article, artconv_error *err);

#endif /* ARTCONV_FRONT_MATTER_H */
