/*
 * stable_id.c - the one identifier scheme of the writers that must name an
 * article (EPUB's dc:identifier, NewsML-G2's guid): an RFC 4122 version 5
 * UUID (SHA-1 of the URL namespace and a name), so the same article always
 * gets the same identifier, in every run, version and format.
 */
#include "stable_id.h"

#include <string.h>
#include <uuid/uuid.h>

void ac_stable_uuid(char out[AC_STABLE_UUID_SIZE], const char *name, size_t len)
{
    uuid_t id;

    uuid_generate_sha1(id, *uuid_get_template("url"), name, len);
    memcpy(out, "urn:uuid:", 9);
    uuid_unparse_lower(id, out + 9);
}
