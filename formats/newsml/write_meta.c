/*
 * write_meta.c - the NewsML-G2 writer's metadata blocks: rightsInfo,
 * itemMeta (provider, dates, status, embargo, links) and contentMeta
 * (people, places, headline, descriptions, subjects).  docs/newsml.md has
 * the mapping table.
 */
#include "newsml.h"
#include "newsml_writer.h"
#include "xhtml.h"

#include <jansson.h>
#include <string.h>

/* Written when neither the options nor the article name a provider. */
#define DEFAULT_PROVIDER "artconv"

int ac_nml_write_rights(const ac_nml_writer *n)
{
    const char *rights = artconv_article_get(n->a, ARTCONV_META_RIGHTS);
    const char *publisher = artconv_article_get(n->a, ARTCONV_META_PUBLISHER);
    int rc;

    if (rights == NULL)
        return ARTCONV_OK;
    AC_CHECK(ac_nml_start(n, "rightsInfo"));
    if (publisher != NULL)
        AC_CHECK(ac_nml_named(n, "copyrightHolder", publisher));
    AC_CHECK(ac_nml_element(n, "copyrightNotice", NULL, NULL, rights));
    rc = ac_nml_end(n);
cleanup:
    return rc;
}

/* The provider: a QCode, a URI or a name from the options, else the
 * publisher's name, else ours. */
static int write_provider(const ac_nml_writer *n, artconv_buf *tmp)
{
    const char *provider = n->opts->provider;
    int rc;

    if (provider != NULL && *provider != '\0') {
        if (strstr(provider, "://") != NULL && ac_nml_is_any_uri(provider))
            return ac_nml_element(n, "provider", "uri", provider, NULL);
        if (ac_nml_is_qcode(provider))
            return ac_nml_element(n, "provider", "qcode", provider, NULL);
    } else {
        provider = artconv_article_get(n->a, ARTCONV_META_PUBLISHER);
        if (provider == NULL)
            provider = DEFAULT_PROVIDER;
    }
    artconv_buf_clear(tmp);
    AC_CHECK(ac_text_collapse(tmp, provider));
    AC_CHECK(ac_nml_start(n, "provider"));
    AC_CHECK(ac_nml_attr(n, "literal", tmp->ptr));
    AC_CHECK(ac_nml_element(n, "name", NULL, NULL, tmp->ptr));
    rc = ac_nml_end(n);
cleanup:
    return rc;
}

/* A date element, or nothing (and a warning) when the value is no date. */
static int write_date(const ac_nml_writer *n, artconv_buf *tmp, const char *name, const char *value,
                      int date_ok)
{
    int rc;

    if (value == NULL)
        return ARTCONV_OK;
    artconv_buf_clear(tmp);
    rc = ac_nml_put_datetime(tmp, value, date_ok);
    if (rc == ARTCONV_EPARSE) {
        ac_warn_write(n->opts, ARTCONV_EPARSE, "NewsML-G2: '%s' is not a date; no <%s> written",
                      value, name);
        return ARTCONV_OK;
    }
    if (rc < 0)
        return rc;
    return ac_nml_element(n, name, NULL, NULL, tmp->ptr);
}

/* The time of this version: the options' timestamp, else the article's
 * own versioncreated, modified or date. */
static int write_version_created(const ac_nml_writer *n, artconv_buf *tmp, artconv_error *err)
{
    const char *version = artconv_article_get(n->a, ARTCONV_META_VERSIONCREATED);
    const char *modified = artconv_article_get(n->a, ARTCONV_META_MODIFIED);
    const char *date = artconv_article_get(n->a, ARTCONV_META_DATE);
    int rc = ARTCONV_EPARSE;

    artconv_buf_clear(tmp);
    if (n->opts->timestamp >= 0) {
        AC_CHECK(ac_nml_put_epoch(tmp, n->opts->timestamp, err));
    } else {
        if (version != NULL)
            rc = ac_nml_put_datetime(tmp, version, 0);
        if (rc == ARTCONV_EPARSE && modified != NULL)
            rc = ac_nml_put_datetime(tmp, modified, 0);
        if (rc == ARTCONV_EPARSE && date != NULL)
            rc = ac_nml_put_datetime(tmp, date, 0);
        if (rc == ARTCONV_EPARSE)
            rc = artconv_buf_puts(tmp, AC_NEWSML_EPOCH_DATETIME);
        AC_CHECK(rc);
    }
    rc = ac_nml_element(n, "versionCreated", NULL, NULL, tmp->ptr);
cleanup:
    return rc;
}

/* itemMeta/link to an image or a page, when its URL is a valid xs:anyURI. */
static int write_link(const ac_nml_writer *n, const char *href, const char *type)
{
    int rc;

    /* The source URL comes from the (untrusted) article: a javascript: or
     * data: link must not reach a reader's browser through itemMeta. */
    if (href == NULL || type == NULL || !ac_nml_is_any_uri(href) ||
        !ac_xhtml_url_is_safe(href, 0)) {
        if (href != NULL)
            ac_warn_write(n->opts, ARTCONV_EINVALID, "NewsML-G2: no itemMeta link for '%s'", href);
        return ARTCONV_OK;
    }
    AC_CHECK(ac_nml_start(n, "link"));
    AC_CHECK(ac_nml_attr(n, "rel", AC_NEWSML_SEE_ALSO));
    AC_CHECK(ac_nml_attr(n, "href", href));
    AC_CHECK(ac_nml_attr(n, "contenttype", type));
    rc = ac_nml_end(n);
cleanup:
    return rc;
}

/* <embargoed>: the model's date-time, or empty for "indefinite".  An
 * embargo with no time of day (or no date at all) is written as an
 * indefinite one: picking a time could release the story too early. */
static int write_embargo(const ac_nml_writer *n, artconv_buf *tmp)
{
    const char *value = artconv_article_get(n->a, ARTCONV_META_EMBARGOED);
    int rc;

    if (value == NULL)
        return ARTCONV_OK;
    if (strcmp(value, "indefinite") != 0) {
        artconv_buf_clear(tmp);
        rc = ac_nml_put_datetime(tmp, value, 1);
        if (rc == ARTCONV_ENOMEM)
            return rc;
        if (rc == ARTCONV_OK && tmp->len > 10)
            return ac_nml_element(n, "embargoed", NULL, NULL, tmp->ptr);
        ac_warn_write(n->opts, ARTCONV_EPARSE,
                      "NewsML-G2: the embargo '%s' is no date and time; written as indefinite",
                      value);
    }
    return ac_nml_element(n, "embargoed", NULL, NULL, "");
}

/* <pubStatus>: a code of IPTC's stat scheme, the one our catalogRef
 * declares ("canceled" is written stat:canceled).  A value of another
 * scheme, or one that is no QCode, is written as withheld: that keeps the
 * story from being published, which is what any status but usable asks. */
static int write_pub_status(const ac_nml_writer *n, artconv_buf *tmp)
{
    const char *value = artconv_article_get(n->a, ARTCONV_META_PUBSTATUS);
    int own = value != NULL && strncmp(value, AC_NEWSML_STAT, strlen(AC_NEWSML_STAT)) == 0;

    if (value == NULL)
        return ac_nml_element(n, "pubStatus", "qcode", AC_NEWSML_USABLE, NULL);
    artconv_buf_clear(tmp);
    if ((!own && artconv_buf_puts(tmp, AC_NEWSML_STAT) < 0) || artconv_buf_puts(tmp, value) < 0)
        return ARTCONV_ENOMEM;
    if (!ac_nml_is_qcode(tmp->ptr) || strchr(tmp->ptr + strlen(AC_NEWSML_STAT), ':') != NULL) {
        ac_warn_write(n->opts, ARTCONV_EINVALID,
                      "NewsML-G2: pubstatus '%s' is no code of IPTC's stat scheme; written as %s",
                      value, AC_NEWSML_WITHHELD);
        return ac_nml_element(n, "pubStatus", "qcode", AC_NEWSML_WITHHELD, NULL);
    }
    return ac_nml_element(n, "pubStatus", "qcode", tmp->ptr, NULL);
}

int ac_nml_write_item_meta(const ac_nml_writer *n, artconv_buf *tmp, artconv_error *err)
{
    const char *first = artconv_article_get(n->a, ARTCONV_META_FIRSTCREATED);
    const char *date = first != NULL ? first : artconv_article_get(n->a, ARTCONV_META_DATE);
    const char *image = artconv_article_get(n->a, ARTCONV_META_IMAGE);
    int rc;

    AC_CHECK(ac_nml_start(n, "itemMeta"));
    AC_CHECK(ac_nml_element(n, "itemClass", "qcode", AC_NEWSML_TEXT, NULL));
    AC_CHECK(write_provider(n, tmp));
    AC_CHECK(write_version_created(n, tmp, err));
    /* firstCreated is an xs:dateTime; a bare date is left to
     * contentCreated rather than given an invented time. */
    if (date != NULL) {
        artconv_buf_clear(tmp);
        rc = ac_nml_put_datetime(tmp, date, 1);
        if (rc == ARTCONV_OK && tmp->len > 10)
            AC_CHECK(ac_nml_element(n, "firstCreated", NULL, NULL, tmp->ptr));
        else if (rc == ARTCONV_ENOMEM)
            goto cleanup;
    }
    AC_CHECK(write_embargo(n, tmp));
    AC_CHECK(write_pub_status(n, tmp));
    AC_CHECK(ac_nml_element(n, "generator", "versioninfo", ARTCONV_VERSION, "artconv"));
    AC_CHECK(ac_nml_write_concepts(n, tmp, "service", ARTCONV_CONCEPT_SERVICES, 1));
    AC_CHECK(ac_nml_write_ednotes(n));
    AC_CHECK(ac_nml_write_concepts(n, tmp, "signal", ARTCONV_CONCEPT_SIGNALS, 0));
    /* A link to inline data would only repeat the body's figure. */
    if (image != NULL && strncmp(image, "data:", 5) != 0)
        AC_CHECK(write_link(n, image, ac_nml_image_type(image)));
    AC_CHECK(write_link(n, artconv_article_get(n->a, ARTCONV_META_SOURCE), "text/html"));
    rc = ac_nml_end(n);
cleanup:
    return rc;
}

/* The printed byline: the authors' names, comma-separated, without a
 * language-specific "By". */
static int write_by(const ac_nml_writer *n, artconv_buf *tmp)
{
    size_t i, count = artconv_article_list_count(n->a, ARTCONV_LIST_AUTHORS);

    if (count == 0)
        return ARTCONV_OK;
    artconv_buf_clear(tmp);
    for (i = 0; i < count; i++) {
        if ((i > 0 && artconv_buf_puts(tmp, ", ") < 0) ||
            artconv_buf_puts(tmp, artconv_article_list_get(n->a, ARTCONV_LIST_AUTHORS, i)) < 0)
            return ARTCONV_ENOMEM;
    }
    return ac_nml_element(n, "by", NULL, NULL, tmp->ptr);
}

/* The slugline kept as extra metadata (a JSON string), if any. */
static int write_slugline(const ac_nml_writer *n)
{
    const char *json = artconv_article_extra_get(n->a, AC_NEWSML_SLUGLINE_KEY);
    json_t *value;
    int rc = ARTCONV_OK;

    if (json == NULL)
        return ARTCONV_OK;
    value = json_loads(json, JSON_DECODE_ANY, NULL);
    /* A JSON string may spell out characters XML forbids ("\u0001"). */
    if (json_is_string(value) && json_string_length(value) > 0 &&
        ac_text_is_clean(json_string_value(value), json_string_length(value)))
        rc = ac_nml_element(n, "slugline", NULL, NULL, json_string_value(value));
    json_decref(value);
    return rc;
}

/* The section as a subject, unless a subject already names it. */
static int write_section(const ac_nml_writer *n, artconv_buf *tmp, const char *section)
{
    artconv_concept c;
    size_t i;

    for (i = 0; i < artconv_article_concept_count(n->a, ARTCONV_CONCEPT_SUBJECTS); i++) {
        artconv_article_concept_get(&c, n->a, ARTCONV_CONCEPT_SUBJECTS, i);
        if ((c.name != NULL && strcmp(c.name, section) == 0) ||
            (c.code != NULL && strcmp(c.code, section) == 0))
            return ARTCONV_OK;
    }
    c.code = section;
    c.name = section;
    c.scheme = NULL;
    c.role = NULL;
    return ac_nml_write_concept(n, tmp, "subject", &c, 0);
}

/* contentMeta's three zones, in the order the schema demands: urgency and
 * dates; administrative (located, creator, contributor, audience,
 * infoSource, altId); descriptive. */
int ac_nml_write_content_meta(const ac_nml_writer *n, artconv_buf *tmp)
{
    const artconv_article *a = n->a;
    const char *dateline = artconv_article_get(a, ARTCONV_META_DATELINE);
    const char *publisher = artconv_article_get(a, ARTCONV_META_PUBLISHER);
    const char *id = artconv_article_get(a, ARTCONV_META_ID);
    const char *language = artconv_article_get(a, ARTCONV_META_LANGUAGE);
    const char *section = artconv_article_get(a, ARTCONV_META_SECTION);
    const char *title = artconv_article_get(a, ARTCONV_META_TITLE);
    const char *credit = artconv_article_get(a, ARTCONV_META_CREDIT);
    const char *description = artconv_article_get(a, ARTCONV_META_DESCRIPTION);
    const char *subtitle = artconv_article_get(a, ARTCONV_META_SUBTITLE);
    size_t i;
    int rc;

    const char *created = artconv_article_get(a, ARTCONV_META_CONTENTCREATED);

    AC_CHECK(ac_nml_start(n, "contentMeta"));
    AC_CHECK(ac_nml_write_urgency(n));
    AC_CHECK(write_date(n, tmp, "contentCreated",
                        created != NULL ? created : artconv_article_get(a, ARTCONV_META_DATE), 1));
    AC_CHECK(
        write_date(n, tmp, "contentModified", artconv_article_get(a, ARTCONV_META_MODIFIED), 1));

    if (artconv_article_concept_count(a, ARTCONV_CONCEPT_LOCATED) > 0)
        AC_CHECK(ac_nml_write_concepts(n, tmp, "located", ARTCONV_CONCEPT_LOCATED, 0));
    else if (dateline != NULL)
        AC_CHECK(ac_nml_named(n, "located", dateline));
    for (i = 0; i < artconv_article_list_count(a, ARTCONV_LIST_AUTHORS); i++)
        AC_CHECK(ac_nml_named(n, "creator", artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, i)));
    AC_CHECK(ac_nml_write_concepts(n, tmp, "contributor", ARTCONV_CONCEPT_CONTRIBUTORS, 0));
    AC_CHECK(ac_nml_write_concepts(n, tmp, "audience", ARTCONV_CONCEPT_AUDIENCES, 0));
    if (publisher != NULL)
        AC_CHECK(ac_nml_named(n, "infoSource", publisher));
    if (id != NULL)
        AC_CHECK(ac_nml_element(n, "altId", NULL, NULL, id));

    if (language != NULL) {
        artconv_buf_clear(tmp);
        rc = ac_nml_put_language(tmp, language);
        if (rc < 0)
            return ARTCONV_ENOMEM;
        if (rc == 1)
            AC_CHECK(ac_nml_element(n, "language", "tag", tmp->ptr, NULL));
        else
            ac_warn_write(n->opts, ARTCONV_EINVALID,
                          "NewsML-G2: '%s' is no language tag; no <language> written", language);
    }
    AC_CHECK(ac_nml_write_concepts(n, tmp, "genre", ARTCONV_CONCEPT_GENRES, 0));
    for (i = 0; i < artconv_article_list_count(a, ARTCONV_LIST_KEYWORDS); i++)
        AC_CHECK(ac_nml_element(n, "keyword", NULL, NULL,
                                artconv_article_list_get(a, ARTCONV_LIST_KEYWORDS, i)));
    AC_CHECK(ac_nml_write_concepts(n, tmp, "subject", ARTCONV_CONCEPT_SUBJECTS, 0));
    if (section != NULL)
        AC_CHECK(write_section(n, tmp, section));
    AC_CHECK(write_slugline(n));
    if (title != NULL)
        AC_CHECK(ac_nml_element(n, "headline", NULL, NULL, title));
    if (dateline != NULL)
        AC_CHECK(ac_nml_element(n, "dateline", NULL, NULL, dateline));
    AC_CHECK(write_by(n, tmp));
    if (credit != NULL)
        AC_CHECK(ac_nml_element(n, "creditline", NULL, NULL, credit));
    if (description != NULL)
        AC_CHECK(ac_nml_element(n, "description", "role", AC_NEWSML_SUMMARY, description));
    if (subtitle != NULL)
        AC_CHECK(ac_nml_element(n, "description", "role", AC_NEWSML_TEASER, subtitle));
    rc = ac_nml_end(n);
cleanup:
    return rc;
}
