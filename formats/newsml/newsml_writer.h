/*
 * newsml_writer.h - what the parts of the NewsML-G2 writer share: the state of one
 * write, the text writer calls turned into statuses (emit.c), the values
 * NewsML-G2 wants (values.c), the XHTML body (write_body.c) and the
 * metadata blocks (write_meta.c).  write.c writes the item around them.
 */
#ifndef ARTCONV_NEWSML_WRITER_H
#define ARTCONV_NEWSML_WRITER_H

#include "internal.h"

#include <libxml/xmlwriter.h>

typedef struct {
    xmlTextWriterPtr w;
    const artconv_article *a;
    const artconv_write_options *opts;
} ac_nml_writer;

/* --- emit.c: writer calls, each turned into a status ------------------------ */
/* ARTCONV_ENOMEM for a negative text writer result, else ARTCONV_OK. */
int ac_nml_status(int written);
int ac_nml_start(const ac_nml_writer *n, const char *name);
int ac_nml_end(const ac_nml_writer *n);
int ac_nml_attr(const ac_nml_writer *n, const char *name, const char *value);
/* <name attr_name="attr_value">text</name>; no attribute when attr_name is
 * NULL, no content when text is NULL. */
int ac_nml_element(const ac_nml_writer *n, const char *name, const char *attr_name,
                   const char *attr_value, const char *text);
/* <tag><name>value</name></tag>, the name's whitespace collapsed. */
int ac_nml_named(const ac_nml_writer *n, const char *tag, const char *value);

/* --- values.c: the values NewsML-G2 wants ----------------------------------- */
/* A model date as xs:dateTime (a bare date only when `date_ok`).  Returns
 * 0, ARTCONV_EPARSE (nothing appended) or ARTCONV_ENOMEM. */
int ac_nml_put_datetime(artconv_buf *out, const char *value, int date_ok);
int ac_nml_put_epoch(artconv_buf *out, long long seconds, artconv_error *err);
int ac_nml_is_qcode(const char *s);
int ac_nml_is_any_uri(const char *url);
/* Appends `tag` and returns 1 if it fits xs:language, 0 if not. */
int ac_nml_put_language(artconv_buf *out, const char *tag);
/* The media type of an image URL by its extension; NULL if unknown. */
const char *ac_nml_image_type(const char *url);
/* The item's stable GUID; `body` is the serialised body it may hash. */
int ac_nml_put_guid(artconv_buf *out, const artconv_article *a, const char *scheme,
                    const artconv_buf *body);

/* --- write_body.c ------------------------------------------------------------ */
/* Appends the article's body as an indented XHTML document. */
int ac_nml_build_body(artconv_buf *out, const artconv_article *a, artconv_error *err);

/* --- write_meta.c ------------------------------------------------------------ */
int ac_nml_write_rights(const ac_nml_writer *n);
int ac_nml_write_item_meta(const ac_nml_writer *n, artconv_buf *tmp, artconv_error *err);
int ac_nml_write_content_meta(const ac_nml_writer *n, artconv_buf *tmp);

/* --- write_news.c ------------------------------------------------------------ */
/* <element qcode|uri|literal role><name/></element>; `coded`: the element
 * needs a QCode or URI, and a value without one is left out with a warning. */
int ac_nml_write_concept(const ac_nml_writer *n, artconv_buf *tmp, const char *element,
                         const artconv_concept *c, int coded);
int ac_nml_write_concepts(const ac_nml_writer *n, artconv_buf *tmp, const char *element,
                          artconv_concept_list list, int coded);
int ac_nml_write_ednotes(const ac_nml_writer *n);
int ac_nml_write_urgency(const ac_nml_writer *n);

#endif /* ARTCONV_NEWSML_WRITER_H */
