/* PLACEHOLDER: being written; see issue 2.  Replace this whole file. */
#include "internal.h"
static const char *const extensions[] = {".txt", ".text", NULL};
const artconv_format ac_format_text = {"text", NULL, extensions, "text/plain", "plain text", 0, NULL, NULL};
