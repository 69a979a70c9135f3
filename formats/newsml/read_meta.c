/*
 * read_meta.c - the NewsML-G2 reader's metadata: contentMeta, itemMeta and
 * rightsInfo into the article's fields, and what the rest of the item
 * tells when they are silent.  docs/newsml.md has the mapping table.
 */
#include "news.h"
#include "newsml.h"
#include "newsml_reader.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* Sets a field from `value` unless it is set already or `value` is empty. */
int ac_nml_set_once(ac_nml_reader *r, artconv_meta field, const artconv_buf *value)
{
    if (value->len == 0 || artconv_article_get(r->a, field) != NULL)
        return ARTCONV_OK;
    return ac_article_set_n(r->a, field, value->ptr, value->len, r->err);
}

/* Sets a field from the element's collapsed text, first one wins. */
int ac_nml_set_text(ac_nml_reader *r, artconv_meta field, const xmlNode *node)
{
    if (ac_nml_text_of(&r->tmp, node) < 0)
        return ac_nomem(r->err);
    return ac_nml_set_once(r, field, &r->tmp);
}

/* The text of a party or place's <name>, else its literal attribute. */
static int name_of(ac_nml_reader *r, const xmlNode *node)
{
    const xmlNode *name = ac_nml_child(node, "name");

    if (name != NULL)
        return ac_nml_text_of(&r->tmp, name);
    return ac_nml_attr_of(&r->tmp, node, "literal");
}

static int add_to_list(ac_nml_reader *r, artconv_meta_list list, const artconv_buf *value)
{
    if (value->len == 0)
        return ARTCONV_OK;
    return ac_article_list_add_n(r->a, list, value->ptr, value->len, r->err);
}

static int set_slugline(ac_nml_reader *r, const xmlNode *node)
{
    json_t *value;
    char *json = NULL;
    int rc;

    if (ac_nml_text_of(&r->tmp, node) < 0)
        return ac_nomem(r->err);
    if (r->tmp.len == 0 || artconv_article_extra_get(r->a, AC_NEWSML_SLUGLINE_KEY) != NULL)
        return ARTCONV_OK;
    value = json_stringn(r->tmp.ptr, r->tmp.len);
    if (value != NULL)
        json = json_dumps(value, JSON_ENCODE_ANY | JSON_COMPACT);
    json_decref(value);
    if (json == NULL)
        return ac_nomem(r->err);
    rc = artconv_article_extra_set(r->a, AC_NEWSML_SLUGLINE_KEY, json, r->err);
    free(json);
    return rc;
}

/* A place: kept whole, and its name is the dateline when there is none. */
static int read_located(ac_nml_reader *r, const xmlNode *node)
{
    int rc;

    AC_CHECK(ac_nml_read_concept(r, ARTCONV_CONCEPT_LOCATED, node));
    if (r->located.len == 0 &&
        (name_of(r, node) < 0 || artconv_buf_puts(&r->located, r->tmp.ptr) < 0))
        return ac_nomem(r->err);
cleanup:
    return rc;
}

static int read_description(ac_nml_reader *r, const xmlNode *node)
{
    if (ac_nml_has_token(node, "role", AC_NEWSML_TEASER))
        return ac_nml_set_text(r, ARTCONV_META_SUBTITLE, node);
    if (ac_nml_has_token(node, "role", AC_NEWSML_SUMMARY) ||
        xmlHasProp(node, BAD_CAST "role") == NULL)
        return ac_nml_set_text(r, ARTCONV_META_DESCRIPTION, node);
    return ARTCONV_OK;
}

int ac_nml_read_content_meta(ac_nml_reader *r, const xmlNode *meta)
{
    const xmlNode *c;
    int rc = ARTCONV_OK;

    for (c = meta->children; c != NULL && rc == ARTCONV_OK; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || !ac_nml_in_ns(c, AC_NEWSML_NS))
            continue;
        if (ac_nml_is_named(c, "contentCreated"))
            rc = ac_nml_set_text(r, ARTCONV_META_DATE, c);
        else if (ac_nml_is_named(c, "contentModified"))
            rc = ac_nml_set_text(r, ARTCONV_META_MODIFIED, c);
        else if (ac_nml_is_named(c, "located"))
            rc = read_located(r, c);
        else if (ac_nml_is_named(c, "urgency"))
            rc = ac_nml_set_text(r, ARTCONV_META_URGENCY, c);
        else if (ac_nml_is_named(c, "contributor"))
            rc = ac_nml_read_concept(r, ARTCONV_CONCEPT_CONTRIBUTORS, c);
        else if (ac_nml_is_named(c, "audience"))
            rc = ac_nml_read_concept(r, ARTCONV_CONCEPT_AUDIENCES, c);
        else if (ac_nml_is_named(c, "genre"))
            rc = ac_nml_read_concept(r, ARTCONV_CONCEPT_GENRES, c);
        else if (ac_nml_is_named(c, "infoSource"))
            rc = name_of(r, c) < 0 ? ac_nomem(r->err)
                                   : ac_nml_set_once(r, ARTCONV_META_PUBLISHER, &r->tmp);
        else if (ac_nml_is_named(c, "altId"))
            rc = ac_nml_set_text(r, ARTCONV_META_ID, c);
        else if (ac_nml_is_named(c, "language"))
            rc = ac_nml_attr_of(&r->tmp, c, "tag") < 0
                     ? ac_nomem(r->err)
                     : ac_nml_set_once(r, ARTCONV_META_LANGUAGE, &r->tmp);
        else if (ac_nml_is_named(c, "keyword"))
            rc = ac_nml_text_of(&r->tmp, c) < 0 ? ac_nomem(r->err)
                                                : add_to_list(r, ARTCONV_LIST_KEYWORDS, &r->tmp);
        else if (ac_nml_is_named(c, "subject"))
            rc = ac_nml_read_concept(r, ARTCONV_CONCEPT_SUBJECTS, c);
        else if (ac_nml_is_named(c, "slugline"))
            rc = set_slugline(r, c);
        else if (ac_nml_is_named(c, "headline"))
            rc = ac_nml_set_text(r, ARTCONV_META_TITLE, c);
        else if (ac_nml_is_named(c, "dateline"))
            rc = ac_nml_set_text(r, ARTCONV_META_DATELINE, c);
        else if (ac_nml_is_named(c, "by") && r->byline.len == 0)
            rc = ac_nml_text_of(&r->tmp, c) < 0 || artconv_buf_puts(&r->byline, r->tmp.ptr) < 0
                     ? ac_nomem(r->err)
                     : ARTCONV_OK;
        else if (ac_nml_is_named(c, "creditline"))
            rc = ac_nml_set_text(r, ARTCONV_META_CREDIT, c);
        else if (ac_nml_is_named(c, "description"))
            rc = read_description(r, c);
    }
    return rc;
}

/* The lead image and the source page, from links we (or others) wrote. */
static int read_link(ac_nml_reader *r, const xmlNode *link)
{
    xmlChar *type = xmlGetProp(link, BAD_CAST "contenttype");
    int rc = ARTCONV_OK;

    if (type == NULL)
        return ARTCONV_OK;
    if (ac_nml_attr_of(&r->tmp, link, "href") < 0)
        rc = ac_nomem(r->err);
    else if (xmlStrncmp(type, BAD_CAST "image/", 6) == 0)
        rc = ac_nml_set_once(r, ARTCONV_META_IMAGE, &r->tmp);
    else if (xmlStrEqual(type, BAD_CAST "text/html"))
        rc = ac_nml_set_once(r, ARTCONV_META_SOURCE, &r->tmp);
    xmlFree(type);
    return rc;
}

/* pubStatus: a code of IPTC's stat scheme, by QCode or URI, keeps only
 * the code ("canceled"); another scheme's QCode is kept whole.  Usable,
 * the default, leaves the field unset. */
static int read_pub_status(ac_nml_reader *r, const xmlNode *node)
{
    const char *code;

    if (ac_nml_attr_of(&r->tmp, node, "qcode") < 0)
        return ac_nomem(r->err);
    if (r->tmp.len == 0 && ac_nml_attr_of(&r->tmp, node, "uri") < 0)
        return ac_nomem(r->err);
    code = r->tmp.ptr;
    if (strncmp(code, AC_NEWSML_STAT, strlen(AC_NEWSML_STAT)) == 0)
        code += strlen(AC_NEWSML_STAT);
    else if (strncmp(code, AC_NEWSML_STAT_URI, strlen(AC_NEWSML_STAT_URI)) == 0)
        code += strlen(AC_NEWSML_STAT_URI);
    if (*code == '\0' || strcmp(code, "usable") == 0)
        return ARTCONV_OK;
    return ac_article_set_n(r->a, ARTCONV_META_PUBSTATUS, code, strlen(code), r->err);
}

/* embargoed: a date-time, or empty for an embargo with no end yet. */
static int read_embargo(ac_nml_reader *r, const xmlNode *node)
{
    artconv_buf date = ARTCONV_BUF_INIT;
    int rc;

    if (ac_nml_text_of(&r->tmp, node) < 0)
        return ac_nomem(r->err);
    if (r->tmp.len == 0)
        return artconv_article_set(r->a, ARTCONV_META_EMBARGOED, "indefinite", r->err);
    rc = ac_date_normalize(&date, r->tmp.ptr, r->tmp.len);
    if (rc == ARTCONV_OK)
        rc = ac_article_set_n(r->a, ARTCONV_META_EMBARGOED, date.ptr, date.len, r->err);
    else if (rc == ARTCONV_EPARSE)
        rc = ac_article_set_n(r->a, ARTCONV_META_EMBARGOED, r->tmp.ptr, r->tmp.len, r->err);
    else
        rc = ac_nomem(r->err);
    artconv_buf_dispose(&date);
    return rc;
}

int ac_nml_read_item_meta(ac_nml_reader *r, const xmlNode *meta)
{
    const xmlNode *c;
    int rc = ARTCONV_OK;

    for (c = meta->children; c != NULL && rc == ARTCONV_OK; c = c->next) {
        if (ac_nml_is_nar(c, "itemClass")) {
            if (ac_nml_attr_of(&r->tmp, c, "qcode") < 0)
                return ac_nomem(r->err);
            /* Any scheme's "text" class; pictures, videos... are no article. */
            if (r->tmp.len > 0 && (strchr(r->tmp.ptr, ':') == NULL ||
                                   strcmp(strchr(r->tmp.ptr, ':') + 1, "text") != 0))
                return ac_error(r->err, ARTCONV_EUNSUPPORTED,
                                "the newsItem's class is %s; only text items (ninat:text) are "
                                "articles",
                                r->tmp.ptr);
        } else if (ac_nml_is_nar(c, "link")) {
            rc = read_link(r, c);
        } else if (ac_nml_is_nar(c, "pubStatus")) {
            rc = read_pub_status(r, c);
        } else if (ac_nml_is_nar(c, "embargoed")) {
            rc = read_embargo(r, c);
        } else if (ac_nml_is_nar(c, "service")) {
            rc = ac_nml_read_concept(r, ARTCONV_CONCEPT_SERVICES, c);
        } else if (ac_nml_is_nar(c, "signal")) {
            rc = ac_nml_read_concept(r, ARTCONV_CONCEPT_SIGNALS, c);
        } else if (ac_nml_is_nar(c, "edNote")) {
            rc = ac_nml_text_of(&r->tmp, c) < 0 ? ac_nomem(r->err)
                                                : add_to_list(r, ARTCONV_LIST_EDNOTES, &r->tmp);
        }
    }
    return rc;
}

int ac_nml_read_rights(ac_nml_reader *r, const xmlNode *rights)
{
    const xmlNode *c;
    int rc = ARTCONV_OK;

    for (c = rights->children; c != NULL && rc == ARTCONV_OK; c = c->next) {
        if (ac_nml_is_nar(c, "copyrightNotice"))
            rc = ac_nml_set_text(r, ARTCONV_META_RIGHTS, c);
        else if (ac_nml_is_nar(c, "copyrightHolder") && r->holder.len == 0)
            rc = name_of(r, c) < 0 || artconv_buf_puts(&r->holder, r->tmp.ptr) < 0
                     ? ac_nomem(r->err)
                     : ARTCONV_OK;
    }
    return rc;
}

/* A place without a code whose name is the dateline says nothing the
 * dateline does not (it is how writers without places, ours included,
 * fill <located>), so it is not kept twice. */
static void drop_dateline_place(ac_nml_reader *r)
{
    const char *dateline = artconv_article_get(r->a, ARTCONV_META_DATELINE);
    artconv_concept c;

    if (dateline == NULL || artconv_article_concept_count(r->a, ARTCONV_CONCEPT_LOCATED) != 1)
        return;
    artconv_article_concept_get(&c, r->a, ARTCONV_CONCEPT_LOCATED, 0);
    if (c.code == NULL && c.role == NULL && c.name != NULL && strcmp(c.name, dateline) == 0)
        artconv_article_concept_clear(r->a, ARTCONV_CONCEPT_LOCATED);
}

/* What contentMeta did not say: the dateline from located, the authors
 * and the timestamps (read_news.c), the publisher from the copyright
 * holder and the language from xml:lang. */
int ac_nml_fill_gaps(ac_nml_reader *r, const xmlNode *item)
{
    xmlChar *lang;
    int rc;

    AC_CHECK(ac_nml_set_once(r, ARTCONV_META_DATELINE, &r->located));
    drop_dateline_place(r);
    AC_CHECK(ac_nml_set_once(r, ARTCONV_META_PUBLISHER, &r->holder));
    AC_CHECK(ac_nml_read_times(r, item));
    AC_CHECK(ac_nml_read_people(r, ac_nml_child(item, "contentMeta")));
    lang = xmlNodeGetLang(item);
    if (lang != NULL) {
        artconv_buf_clear(&r->tmp);
        rc = artconv_buf_puts(&r->tmp, (const char *)lang);
        xmlFree(lang);
        if (rc < 0)
            return ac_nomem(r->err);
        AC_CHECK(ac_nml_set_once(r, ARTCONV_META_LANGUAGE, &r->tmp));
    }
cleanup:
    return rc;
}
