/*
 * stable_id.h - one stable identifier scheme for every writer (see
 * stable_id.c): what is named is each format's choice (docs/epub.md,
 * docs/newsml.md), how it becomes an identifier is this.
 */
#ifndef ARTCONV_STABLE_ID_H
#define ARTCONV_STABLE_ID_H

#include <stddef.h>

/* "urn:uuid:" and 36 characters, NUL included. */
#define AC_STABLE_UUID_SIZE 46

/* Writes "urn:uuid:..." for the version 5 UUID of name[0..len) in the URL
 * namespace (a source URL names itself; other names are hashed the same
 * way).  Never fails. */
void ac_stable_uuid(char out[AC_STABLE_UUID_SIZE], const char *name, size_t len);

#endif
