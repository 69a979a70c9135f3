/*
 * xml_safe.h - reading untrusted XML (EPUB parts, SVG images) so that no
 * entity is ever declared, loaded or expanded.
 */
#ifndef ARTCONV_XML_SAFE_H
#define ARTCONV_XML_SAFE_H

#include <libxml/parser.h>
#include <stddef.h>

/* Parses data[0..len) (len <= INT_MAX) with `ctxt`: XML_PARSE_NONET and
 * the caller's `extra` options (such as XML_PARSE_NOCDATA), never NOENT,
 * DTDLOAD or HUGE.  A declaration of any entity, general or
 * parameter, internal or external, stops the parser where it stands and
 * sets *entity to 1; the document is then NULL.  Returns the document or
 * NULL (see xmlCtxtGetLastError for why, when *entity is 0). */
xmlDocPtr ac_xml_read_without_entities(xmlParserCtxtPtr ctxt, const char *data, size_t len,
                                       const char *name, int extra, int *entity);

#endif
