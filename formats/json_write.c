/* PLACEHOLDER: being written; see issue 2.  Replace this whole file. */
#include "internal.h"
static const char *const extensions[] = {".json", NULL};
const artconv_format ac_format_json = {"json", NULL, extensions, "application/json", "JSON of the article model", 0, NULL, NULL};
