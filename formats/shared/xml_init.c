/*
 * xml_init.c - libxml2's one-time set-up, done by the library itself.
 * libxml2 2.9 builds its global tables (character handlers, the default
 * SAX handler, thread keys) lazily and without a lock, so two threads that
 * meet it first at once race.  The formats built on libxml2 name this
 * function in their `prepare` slot, and artconv_read, artconv_write and
 * artconv_write_book call it before dispatching, so a program that uses
 * artconv from threads no longer has to call xmlInitParser() itself.  The
 * library never calls xmlCleanupParser: that belongs to whoever embeds it.
 */
#include "format_entries.h"

#include <libxml/parser.h>
#include <pthread.h>

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void init_libxml(void)
{
    xmlInitParser();
}

void ac_xml_prepare(void)
{
    /* pthread_once fails only on invalid arguments; there is nothing to
     * report, and libxml2 would still initialise itself on first use. */
    (void)pthread_once(&xml_once, init_libxml);
}
