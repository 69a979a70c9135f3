/* PLACEHOLDER: being written; see issue 2.  Replace this whole file. */
#include "internal.h"
static const char *const extensions[] = {".html", ".htm", ".xhtml", NULL};
const artconv_format ac_format_html = {"html", NULL, extensions, "text/html", "HTML5", 0, NULL, NULL};
