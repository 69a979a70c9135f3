/*
 * versions.c - artconv_library_versions: the version of each library the
 * formats are built on, as loaded at run time where the library can tell
 * (so a user reporting a bug names what actually ran, not what was built).
 */
#include "artconv.h"

#include <cmark-gfm.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistring/version.h>
#include <yaml.h>
#include <zip.h>

static int put_line(artconv_buf *out, const char *name, const char *version)
{
    if (artconv_buf_puts(out, name) < 0 || artconv_buf_putc(out, ' ') < 0 ||
        artconv_buf_puts(out, version) < 0 || artconv_buf_putc(out, '\n') < 0)
        return ARTCONV_ENOMEM;
    return ARTCONV_OK;
}

int artconv_library_versions(artconv_buf *out)
{
    char libxml[32], unistring[32];
    /* libxml2 tells its loaded version as "21004" (2.10.4), libunistring as
     * (major << 16) | (minor << 8) | patch. */
    int xml = xmlParserVersion != NULL ? atoi(xmlParserVersion) : 0;

    snprintf(libxml, sizeof libxml, "%d.%d.%d", xml / 10000, xml / 100 % 100, xml % 100);
    snprintf(unistring, sizeof unistring, "%d.%d.%d", _libunistring_version >> 16,
             _libunistring_version >> 8 & 0xff, _libunistring_version & 0xff);
    if (put_line(out, "libxml2", libxml) < 0 || put_line(out, "cmark-gfm", cmark_version_string()) < 0 ||
        put_line(out, "libzip", zip_libzip_version()) < 0 ||
        put_line(out, "libyaml", yaml_get_version_string()) < 0 ||
        put_line(out, "jansson", jansson_version_str()) < 0 ||
        put_line(out, "libunistring", unistring) < 0)
        return ARTCONV_ENOMEM;
    return ARTCONV_OK;
}
