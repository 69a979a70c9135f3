/* PLACEHOLDER: being written; see issue 6.  Replace this whole file. */
#include "internal.h"

int ac_newsml_write(artconv_buf *out, const artconv_article *article, const artconv_write_options *opts, artconv_error *err)
{
    (void)out;
    (void)article;
    (void)opts;
    return ac_error(err, ARTCONV_EUNSUPPORTED, "not written yet");
}
