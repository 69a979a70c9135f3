/* PLACEHOLDER: being written; see issue 2.  Replace this whole file. */
#include "internal.h"
static const char *const extensions[] = {".md", ".markdown", NULL};
const artconv_format ac_format_markdown = {"markdown", NULL, extensions, "text/markdown", "CommonMark with YAML front matter", 0, NULL, NULL};
