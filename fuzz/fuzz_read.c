/*
 * fuzz_read.c - a libFuzzer harness: one reader (FUZZ_FORMAT, set at build
 * time), then every writer through the model.  A crash, a sanitizer report,
 * a leak or a model that fails artconv_article_check is a finding.
 */
#include "artconv.h"

#include <stdint.h>
#include <stdlib.h>

#ifndef FUZZ_FORMAT
#error "define FUZZ_FORMAT to a format name, such as \"html\""
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const artconv_format *from = artconv_format_by_name(FUZZ_FORMAT);
    artconv_read_options ropts;
    artconv_read_options_init(&ropts);
    artconv_article *article = NULL;
    artconv_error err;
    size_t i;

    /* Keep single runs fast; the limits themselves have their own tests. */
    ropts.max_input = 1024 * 1024;
    ropts.filename = "fuzz-input";
    if (from == NULL)
        abort();
    if (artconv_read(&article, from, (const char *)data, size, &ropts, &err) < 0) {
        if (article != NULL || err.message[0] == '\0')
            abort(); /* a failure must say why and return nothing */
        return 0;
    }
    if (artconv_article_check(article, &err) < 0)
        abort();
    for (i = 0; i < artconv_format_count(); i++) {
        const artconv_format *to = artconv_format_at(i);
        artconv_write_options wopts;
        artconv_write_options_init(&wopts);
        artconv_buf out = ARTCONV_BUF_INIT;

        if (!artconv_format_can_write(to))
            continue;
        wopts.timestamp = 0;
        if (artconv_write(&out, to, article, &wopts, &err) < 0 && err.code != ARTCONV_ELIMIT &&
            err.code != ARTCONV_EUNSUPPORTED)
            abort(); /* what a reader accepted, every writer must write */
        artconv_buf_dispose(&out);
    }
    artconv_article_free(article);
    return 0;
}
