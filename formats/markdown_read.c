/* PLACEHOLDER: being written; see issue 4.  Replace this whole file. */
#include "internal.h"

int ac_markdown_read(artconv_article **out, const char *data, size_t len, const artconv_read_options *opts, artconv_error *err)
{
    (void)out;
    (void)data;
    (void)len;
    (void)opts;
    return ac_error(err, ARTCONV_EUNSUPPORTED, "not written yet");
}
