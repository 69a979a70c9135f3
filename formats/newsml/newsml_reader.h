/*
 * newsml_reader.h - what the parts of the NewsML-G2 reader share: the state of one
 * read, the lookups in libxml2's tree (tree.c), the metadata (read_meta.c)
 * and the body (read_body.c).  read.c parses and finds the item.
 */
#ifndef ARTCONV_NEWSML_READER_H
#define ARTCONV_NEWSML_READER_H

#include "internal.h"

#include <libxml/tree.h>

typedef struct {
    artconv_article *a;
    const artconv_read_options *opts;
    artconv_error *err;
    artconv_buf tmp;
    artconv_buf byline;  /* <by>: the authors, before any <creator> */
    artconv_buf located; /* located/name, for when there is no <dateline> */
    artconv_buf holder;  /* copyrightHolder/name, for when no infoSource */
    int lead_found;      /* the XHTML body had our <figure class="lead"> */
} ac_nml_reader;

/* --- tree.c: looking at the tree ----------------------------------------- */
int ac_nml_is_named(const xmlNode *node, const char *name);
int ac_nml_in_ns(const xmlNode *node, const char *uri);
/* A NewsML-G2 element of this name. */
int ac_nml_is_nar(const xmlNode *node, const char *name);
/* The first child element called `name`, whatever its namespace. */
xmlNodePtr ac_nml_child(const xmlNode *parent, const char *name);
xmlNodePtr ac_nml_first_element(const xmlNode *parent);
/* XML's white space. */
int ac_nml_is_space(int c);
/* Sets `out` to the element's text, whitespace collapsed ("" if none). */
int ac_nml_text_of(artconv_buf *out, const xmlNode *node);
/* Same for an attribute; "" if it is absent. */
int ac_nml_attr_of(artconv_buf *out, const xmlNode *node, const char *name);
/* 1 if the attribute `name`, a list separated by white space, holds `word`
 * (a class, a role QCode). */
int ac_nml_has_token(const xmlNode *node, const char *name, const char *word);

/* --- read_meta.c: metadata -------------------------------------------------- */
/* Sets a field from `value` unless it is set already or `value` is empty. */
int ac_nml_set_once(ac_nml_reader *r, artconv_meta field, const artconv_buf *value);
/* The same with the element's text. */
int ac_nml_set_text(ac_nml_reader *r, artconv_meta field, const xmlNode *node);
int ac_nml_read_rights(ac_nml_reader *r, const xmlNode *rights);
int ac_nml_read_item_meta(ac_nml_reader *r, const xmlNode *meta);
int ac_nml_read_content_meta(ac_nml_reader *r, const xmlNode *meta);
/* What contentMeta did not say, from the rest of the item (after the body). */
int ac_nml_fill_gaps(ac_nml_reader *r, const xmlNode *item);

/* --- read_news.c: concepts, people, timestamps ----------------------------- */
/* Adds the element as a concept: QCode, else URI, else literal; <name>; role. */
int ac_nml_read_concept(ac_nml_reader *r, artconv_concept_list list, const xmlNode *node);
/* The authors from the byline, else the creators; other creators as contributors. */
int ac_nml_read_people(ac_nml_reader *r, const xmlNode *content_meta);
/* date from contentCreated, firstCreated, versionCreated; the distinct ones kept. */
int ac_nml_read_times(ac_nml_reader *r, const xmlNode *item);

/* --- read_body.c: the body -------------------------------------------------- */
/* The body from the first text contentSet child: XHTML, NITF or plain. */
int ac_nml_read_content_set(ac_nml_reader *r, const xmlNode *set);

#endif /* ARTCONV_NEWSML_READER_H */
