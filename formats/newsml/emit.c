/*
 * emit.c - the NewsML-G2 writer's calls into libxml2's text writer, each
 * turned into a status, and the two element shapes it writes most.
 */
#include "newsml_writer.h"

/* The writer writes into memory, so its only way to fail is running out of
 * it. */
int ac_nml_status(int written)
{
    return written < 0 ? ARTCONV_ENOMEM : ARTCONV_OK;
}

int ac_nml_start(const ac_nml_writer *n, const char *name)
{
    return ac_nml_status(xmlTextWriterStartElement(n->w, BAD_CAST name));
}

int ac_nml_end(const ac_nml_writer *n)
{
    return ac_nml_status(xmlTextWriterEndElement(n->w));
}

int ac_nml_attr(const ac_nml_writer *n, const char *name, const char *value)
{
    return ac_nml_status(xmlTextWriterWriteAttribute(n->w, BAD_CAST name, BAD_CAST value));
}

/* <name attr_name="attr_value">text</name>; no attribute when attr_name is
 * NULL, no content when text is NULL. */
int ac_nml_element(const ac_nml_writer *n, const char *name, const char *attr_name,
                   const char *attr_value, const char *text)
{
    int rc;

    AC_CHECK(ac_nml_start(n, name));
    if (attr_name != NULL)
        AC_CHECK(ac_nml_attr(n, attr_name, attr_value));
    if (text != NULL)
        AC_CHECK(ac_nml_status(xmlTextWriterWriteString(n->w, BAD_CAST text)));
    rc = ac_nml_end(n);
cleanup:
    return rc;
}

/* <tag><name>value</name></tag>: a party or a place known by name only.
 * A <name> is a g2normalizedString, so whitespace is collapsed. */
int ac_nml_named(const ac_nml_writer *n, const char *tag, const char *value)
{
    artconv_buf name = ARTCONV_BUF_INIT;
    int rc;

    AC_CHECK(ac_text_collapse(&name, value));
    AC_CHECK(ac_nml_start(n, tag));
    AC_CHECK(ac_nml_element(n, "name", NULL, NULL, name.ptr));
    rc = ac_nml_end(n);
cleanup:
    artconv_buf_dispose(&name);
    return rc;
}
