/*
 * write.c - the NewsML-G2 writer: one text newsItem (schema 2.35, power
 * conformance) with the article's metadata in rightsInfo, itemMeta and
 * contentMeta (write_meta.c), and its body as XHTML in contentSet/inlineXML
 * (write_body.c).  This file writes the item around them.
 *
 * libxml2's xmlTextWriter writes the item, so escaping and encoding are
 * libxml2's.  The body is built as a libxml2 tree by formats/shared/xhtml.c
 * (the same mapping as the HTML writer), serialised by libxml2 and handed
 * to the writer raw: markup libxml2 has already escaped, never model text.
 * docs/newsml.md has the mapping table and the conventions.
 */
#include "format_entries.h"
#include "newsml.h"
#include "newsml_writer.h"
#include "xml.h"

#include <stdio.h>
#include <string.h>

/* contentSet/inlineXML with the serialised XHTML, the item's last part.
 * The writer's indentation is switched off from here on, since it does not
 * know about raw markup; the line ends are written by hand. */
static int write_content_set(const ac_nml_writer *n, const artconv_buf *body)
{
    int rc;

    AC_CHECK(ac_nml_start(n, "contentSet"));
    AC_CHECK(ac_nml_start(n, "inlineXML"));
    AC_CHECK(ac_nml_attr(n, "contenttype", "application/xhtml+xml"));
    AC_CHECK(ac_nml_status(xmlTextWriterSetIndent(n->w, 0)));
    AC_CHECK(ac_nml_status(xmlTextWriterWriteRaw(n->w, BAD_CAST "\n      ")));
    AC_CHECK(ac_nml_status(xmlTextWriterWriteRawLen(n->w, BAD_CAST body->ptr, (int)body->len)));
    AC_CHECK(ac_nml_status(xmlTextWriterWriteRaw(n->w, BAD_CAST "\n    ")));
    AC_CHECK(ac_nml_end(n));
    AC_CHECK(ac_nml_status(xmlTextWriterWriteRaw(n->w, BAD_CAST "\n  ")));
    rc = ac_nml_end(n);
cleanup:
    return rc;
}

static int write_item(const ac_nml_writer *n, const char *guid, int version,
                      const artconv_buf *body, artconv_error *err)
{
    const char *language = artconv_article_get(n->a, ARTCONV_META_LANGUAGE);
    artconv_buf tmp = ARTCONV_BUF_INIT;
    char number[24];
    int rc;

    AC_CHECK(ac_nml_status(xmlTextWriterStartDocument(n->w, NULL, "UTF-8", NULL)));
    AC_CHECK(ac_nml_status(xmlTextWriterSetIndent(n->w, 1)));
    AC_CHECK(ac_nml_status(xmlTextWriterSetIndentString(n->w, BAD_CAST "  ")));
    AC_CHECK(ac_nml_status(
        xmlTextWriterStartElementNS(n->w, NULL, BAD_CAST "newsItem", BAD_CAST AC_NEWSML_NS)));
    AC_CHECK(ac_nml_attr(n, "guid", guid));
    snprintf(number, sizeof number, "%d", version);
    AC_CHECK(ac_nml_attr(n, "version", number));
    AC_CHECK(ac_nml_attr(n, "standard", "NewsML-G2"));
    AC_CHECK(ac_nml_attr(n, "standardversion", "2.35"));
    AC_CHECK(ac_nml_attr(n, "conformance", "power"));
    if (language != NULL) {
        rc = ac_nml_put_language(&tmp, language);
        if (rc < 0) {
            rc = ARTCONV_ENOMEM;
            goto cleanup;
        }
        if (rc == 1)
            AC_CHECK(ac_nml_attr(n, "xml:lang", tmp.ptr));
    }
    AC_CHECK(ac_nml_element(n, "catalogRef", "href", AC_NEWSML_CATALOG, NULL));
    AC_CHECK(ac_nml_write_rights(n));
    AC_CHECK(ac_nml_write_item_meta(n, &tmp, err));
    AC_CHECK(ac_nml_write_content_meta(n, &tmp));
    AC_CHECK(write_content_set(n, body));
    rc = ac_nml_status(xmlTextWriterEndDocument(n->w));
cleanup:
    artconv_buf_dispose(&tmp);
    return rc;
}

int ac_newsml_write(artconv_buf *out, const artconv_article *article,
                    const artconv_write_options *opts, artconv_error *err)
{
    artconv_buf body = ARTCONV_BUF_INIT, guid = ARTCONV_BUF_INIT;
    /* libxml2's writer puts the item straight into `out`, not into a buffer
     * of its own copied afterwards: for a long article, two more copies of
     * the item at the peak of memory use. */
    ac_xml_sink sink = {out, 0};
    xmlOutputBufferPtr to = NULL;
    ac_nml_writer n = {NULL, article, opts};
    /* A zeroed options struct means the default version, 1. */
    int version = opts->item_version == 0 ? 1 : opts->item_version;
    int rc;

    if (version < 0)
        return ac_error(err, ARTCONV_EINVALID, "the NewsML-G2 item version must be 1 or more");
    /* Options come from the user, not the model, so they are checked here:
     * libxml2's writer would copy a control character into the XML. */
    if ((opts->provider != NULL && !ac_text_is_clean(opts->provider, strlen(opts->provider))) ||
        (opts->guid_scheme != NULL &&
         !ac_text_is_clean(opts->guid_scheme, strlen(opts->guid_scheme))))
        return ac_error(err, ARTCONV_EINVALID,
                        "the NewsML-G2 provider or GUID scheme holds characters XML forbids");
    AC_CHECK(ac_nml_build_body(&body, article, err));
    AC_CHECK(ac_nml_put_guid(&guid, article, opts->guid_scheme, &body));
    if ((to = xmlOutputBufferCreateIO(ac_xml_sink_write, ac_xml_sink_close, &sink, NULL)) == NULL) {
        rc = ARTCONV_ENOMEM;
        goto cleanup;
    }
    if ((n.w = xmlNewTextWriter(to)) == NULL) {
        xmlOutputBufferClose(to);
        rc = ARTCONV_ENOMEM;
        goto cleanup;
    }
    AC_CHECK(write_item(&n, guid.ptr, version, &body, err));
    /* Freeing the writer flushes the rest into `out`. */
    xmlFreeTextWriter(n.w);
    n.w = NULL;
    rc = sink.nomem ? ARTCONV_ENOMEM : artconv_buf_putc(out, '\n');
cleanup:
    xmlFreeTextWriter(n.w);
    artconv_buf_dispose(&body);
    artconv_buf_dispose(&guid);
    if (rc == ARTCONV_ENOMEM)
        return ac_nomem(err);
    return rc;
}
