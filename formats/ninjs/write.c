/*
 * ninjs/write.c - the article as an IPTC ninjs 3.1 news item (News in
 * JSON; ../shared/specs/ninjs), one JSON object:
 *
 *   uri, type "text", version, firstCreated / versionCreated /
 *   contentCreated, embargoedUntil, pubStatus, urgency, copyrightHolder /
 *   copyrightNotice, edNote, language, headlines (main, sub), by, located,
 *   slugline, descriptions (summary), bodies (the XHTML body and its plain
 *   text), subjects (the news subjects, then the keywords by name),
 *   places, genres, infoSources (the publisher), associations (the lead
 *   image with its rendition and caption), altIds (the model's id).
 *
 * docs/ninjs.md lists the mapping.  The uri is the model's id when it is a
 * URI, else the version 5 UUID of the source URL, of "id:" and the id, or
 * of the headline and the plain text, the NewsML-G2 GUID's naming
 * (formats/shared/stable_id.c).  The item is a jansson object: it holds
 * the metadata and two strings, not the body's tree.
 */
#include "format_entries.h"
#include "internal.h"
#include "stable_id.h"
#include "xhtml.h"

#include <jansson.h>
#include <string.h>

#define DUMP_FLAGS (JSON_INDENT(2) | JSON_PRESERVE_ORDER)

/* Sets key to a copy of s (unless NULL or empty); 0 or -1 (no memory, or
 * not UTF-8, which the model never holds). */
static int put_str(json_t *o, const char *key, const char *s)
{
    if (s == NULL || s[0] == '\0')
        return 0;
    return json_object_set_new(o, key, json_string(s));
}

/* Appends {"role": role, "value": value} to the array at o[key]. */
static int put_role_value(json_t *o, const char *key, const char *role, const char *content_type,
                          const char *value)
{
    json_t *array = json_object_get(o, key), *item;

    if (value == NULL || value[0] == '\0')
        return 0;
    if (array == NULL && (json_object_set_new(o, key, json_array()) < 0 ||
                          (array = json_object_get(o, key)) == NULL))
        return -1;
    if ((item = json_object()) == NULL || json_array_append_new(array, item) < 0)
        return -1;
    if ((role != NULL && put_str(item, "role", role) < 0) ||
        (content_type != NULL && put_str(item, "contentType", content_type) < 0))
        return -1;
    return put_str(item, "value", value);
}

/* How many dates were given a time or a zone they did not have. */
typedef struct {
    const artconv_write_options *opts;
    size_t completed;
} date_notes;

/* A date as an RFC 3339 date-time, which ninjs' schema wants: a day alone
 * is its midnight, and a time without a zone is taken as UTC (counted, for
 * one warning); a value that is no date is left out. */
static int put_date(json_t *o, const char *key, const char *value, artconv_buf *tmp,
                    date_notes *notes)
{
    const char *t;
    size_t n;

    if (value == NULL)
        return 0;
    artconv_buf_clear(tmp);
    if (ac_date_normalize(tmp, value, strlen(value)) != ARTCONV_OK) {
        ac_warn_write(notes->opts, ARTCONV_EINVALID, "%s \"%.80s\" is no date: left out", key,
                      value);
        return 0;
    }
    n = tmp->len;
    if ((t = strchr(tmp->ptr, 'T')) == NULL) {
        static const char *const tails[] = {"-01-01T00:00:00Z", "-01T00:00:00Z", "T00:00:00Z"};
        const char *tail = n == 4 ? tails[0] : n == 7 ? tails[1] : tails[2];

        if (artconv_buf_puts(tmp, tail) < 0)
            return -1;
        notes->completed++;
    } else if (tmp->ptr[n - 1] != 'Z' && strchr(t, '+') == NULL && strchr(t, '-') == NULL) {
        if (artconv_buf_putc(tmp, 'Z') < 0)
            return -1;
        notes->completed++;
    }
    return put_str(o, key, tmp->ptr);
}

/* 1 if s is a URI (a scheme, then ':' and more), as ninjs' uri wants. */
static int is_uri(const char *s)
{
    size_t i = 0;

    if (s == NULL || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
        return 0;
    while (s[i] != '\0' && s[i] != ':')
        if (strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.", s[i++]) ==
            NULL)
            return 0;
    return s[i] == ':' && s[i + 1] != '\0' && i > 1;
}

/* IPTC's QCode schemes whose URI is known: a QCode "medtop:04000000" is
 * the URI http://cv.iptc.org/newscodes/mediatopic/04000000. */
static const struct {
    const char *alias, *uri;
} schemes[] = {
    {"medtop", "http://cv.iptc.org/newscodes/mediatopic/"},
    {"subj", "http://cv.iptc.org/newscodes/subjectcode/"},
    {"genre", "http://cv.iptc.org/newscodes/genre/"},
};

/* A concept as {"name", "uri" or "literal"}. */
static int put_concept(json_t *array, const artconv_concept *c, artconv_buf *tmp)
{
    json_t *item = json_object();
    size_t i;
    int rc = item == NULL ? -1 : json_array_append_new(array, item);

    if (rc == 0)
        rc = put_str(item, "name", c->name);
    if (rc < 0 || c->code == NULL)
        return rc;
    for (i = 0; i < sizeof schemes / sizeof schemes[0]; i++) {
        size_t n = strlen(schemes[i].alias);

        if (strncmp(c->code, schemes[i].alias, n) == 0 && c->code[n] == ':') {
            artconv_buf_clear(tmp);
            if (artconv_buf_puts(tmp, schemes[i].uri) < 0 ||
                artconv_buf_puts(tmp, c->code + n + 1) < 0)
                return -1;
            return put_str(item, "uri", tmp->ptr);
        }
    }
    /* A URL is a uri; a QCode of another scheme, or a code, a literal. */
    return put_str(item, strncmp(c->code, "http", 4) == 0 ? "uri" : "literal", c->code);
}

static int put_concepts(json_t *o, const char *key, const artconv_article *a,
                        artconv_concept_list list, artconv_buf *tmp)
{
    size_t i, n = artconv_article_concept_count(a, list);
    json_t *array;

    if (n == 0)
        return 0;
    if ((array = json_object_get(o, key)) == NULL) {
        if (json_object_set_new(o, key, json_array()) < 0)
            return -1;
        array = json_object_get(o, key);
    }
    for (i = 0; i < n; i++) {
        artconv_concept c;

        artconv_article_concept_get(&c, a, list, i);
        if (put_concept(array, &c, tmp) < 0)
            return -1;
    }
    return 0;
}

/* The keywords, after the subjects, each a subject with a name only. */
static int put_keywords(json_t *o, const artconv_article *a)
{
    size_t i, n = artconv_article_list_count(a, ARTCONV_LIST_KEYWORDS);
    json_t *array = json_object_get(o, "subjects");

    if (n > 0 && array == NULL) {
        if (json_object_set_new(o, "subjects", json_array()) < 0)
            return -1;
        array = json_object_get(o, "subjects");
    }
    for (i = 0; i < n; i++) {
        json_t *item = json_object();

        if (item == NULL || json_array_append_new(array, item) < 0 ||
            put_str(item, "name", artconv_article_list_get(a, ARTCONV_LIST_KEYWORDS, i)) < 0)
            return -1;
    }
    return 0;
}

/* "By A, B and C", as the model's authors read in a byline. */
static int put_by(json_t *o, const artconv_article *a, artconv_buf *tmp)
{
    size_t i, n = artconv_article_list_count(a, ARTCONV_LIST_AUTHORS);

    if (n == 0)
        return 0;
    artconv_buf_clear(tmp);
    for (i = 0; i < n; i++) {
        if ((i > 0 && artconv_buf_puts(tmp, i + 1 == n ? " and " : ", ") < 0) ||
            artconv_buf_puts(tmp, artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, i)) < 0)
            return -1;
    }
    return put_str(o, "by", tmp->ptr);
}

/* The lead image as an association of type picture. */
static int put_lead_image(json_t *o, const artconv_article *a)
{
    const char *src = artconv_article_get(a, ARTCONV_META_IMAGE);
    json_t *array, *item, *renditions, *rendition;

    if (src == NULL || !ac_xhtml_url_is_safe(src, 1))
        return 0;
    if ((array = json_array()) == NULL || json_object_set_new(o, "associations", array) < 0 ||
        (item = json_object()) == NULL || json_array_append_new(array, item) < 0 ||
        put_str(item, "name", "lead image") < 0 || put_str(item, "uri", src) < 0 ||
        put_str(item, "type", "picture") < 0 ||
        put_role_value(item, "descriptions", "caption", NULL,
                       artconv_article_get(a, ARTCONV_META_IMAGE_CAPTION)) < 0 ||
        put_role_value(item, "descriptions", "alt", NULL,
                       artconv_article_get(a, ARTCONV_META_IMAGE_ALT)) < 0 ||
        put_str(item, "copyrightNotice", artconv_article_get(a, ARTCONV_META_IMAGE_CREDIT)) < 0 ||
        (renditions = json_array()) == NULL ||
        json_object_set_new(item, "renditions", renditions) < 0 ||
        (rendition = json_object()) == NULL || json_array_append_new(renditions, rendition) < 0 ||
        put_str(rendition, "name", "original") < 0 || put_str(rendition, "href", src) < 0)
        return -1;
    return 0;
}

/* The body's blocks as XHTML, a <div> around them, without the header the
 * HTML writer puts first (the metadata is ninjs' own). */
static int body_xhtml(artconv_buf *out, const artconv_article *a, const artconv_write_options *opts,
                      artconv_error *err)
{
    xmlDocPtr doc = ac_xhtml_doc_new();
    xmlNodePtr root = NULL, mark;
    ac_xhtml_options xo = {NULL, opts};
    int rc = ARTCONV_OK;

    if (doc == NULL || (root = xmlNewDocNode(doc, NULL, BAD_CAST "div", NULL)) == NULL ||
        (mark = ac_xhtml_add_text_element(root, &xo, "div", AC_XHTML_BODY_MARK, NULL)) == NULL)
        rc = ac_nomem(err);
    if (rc == 0)
        rc = ac_xhtml_indent(root, 0, err);
    if (rc == 0)
        rc =
            ac_xhtml_save_around(out, root, mark, artconv_article_body(a), 1, &xo, NULL, NULL, err);
    xmlFreeNode(root);
    xmlFreeDoc(doc);
    return rc;
}

/* The body's text: each leaf block's plain text a paragraph. */
static int body_text(artconv_buf *out, const artconv_article *a)
{
    artconv_iter it;
    artconv_event ev;

    artconv_iter_init(&it, artconv_article_body(a));
    while ((ev = artconv_iter_next(&it)) != ARTCONV_EVENT_DONE) {
        const artconv_node *n = artconv_iter_node(&it);
        artconv_node_kind kind = artconv_node_get_kind(n);
        size_t before = out->len;

        if (ev != ARTCONV_EVENT_ENTER || !artconv_node_kind_is_block(kind))
            continue;
        if (kind == ARTCONV_NODE_CODE_BLOCK) {
            if (artconv_buf_puts(out, artconv_node_get_literal(n)) < 0)
                return ARTCONV_ENOMEM;
        } else if (artconv_node_can_contain(kind, ARTCONV_NODE_TEXT)) {
            if (ac_plain_text(out, n) < 0)
                return ARTCONV_ENOMEM;
        } else {
            continue;
        }
        while (out->len > before &&
               (out->ptr[out->len - 1] == '\n' || out->ptr[out->len - 1] == ' '))
            out->len--;
        if (out->len > before && artconv_buf_puts(out, "\n\n") < 0)
            return ARTCONV_ENOMEM;
        if (out->ptr != NULL)
            out->ptr[out->len] = '\0';
    }
    while (out->len > 0 && out->ptr[out->len - 1] == '\n')
        out->ptr[--out->len] = '\0';
    return 0;
}

/* The item's uri (see the top of the file). */
static int put_uri(json_t *o, const artconv_article *a, const artconv_buf *text)
{
    const char *id = artconv_article_get(a, ARTCONV_META_ID);
    const char *source = artconv_article_get(a, ARTCONV_META_SOURCE);
    const char *title = artconv_article_get(a, ARTCONV_META_TITLE);
    artconv_buf name = ARTCONV_BUF_INIT;
    char uuid[AC_STABLE_UUID_SIZE];
    int rc;

    if (is_uri(id))
        return put_str(o, "uri", id);
    if (source != NULL && id == NULL)
        rc = artconv_buf_puts(&name, source);
    else if (id != NULL)
        rc = artconv_buf_puts(&name, "id:") < 0 ? -1 : artconv_buf_puts(&name, id);
    else if ((rc = artconv_buf_puts(&name, title != NULL ? title : "")) == 0 &&
             (rc = artconv_buf_putc(&name, '\n')) == 0)
        rc = artconv_buf_put(&name, text->ptr != NULL ? text->ptr : "", text->len);
    if (rc == 0) {
        ac_stable_uuid(uuid, name.ptr != NULL ? name.ptr : "", name.len);
        rc = put_str(o, "uri", uuid);
    }
    artconv_buf_dispose(&name);
    return rc;
}

static int put_meta(json_t *o, const artconv_article *a, const artconv_buf *text, artconv_buf *tmp,
                    date_notes *notes)
{
    const char *status = artconv_article_get(a, ARTCONV_META_PUBSTATUS);
    const char *urgency = artconv_article_get(a, ARTCONV_META_URGENCY);
    const char *versioncreated = artconv_article_get(a, ARTCONV_META_VERSIONCREATED);
    const char *slugline = artconv_article_extra_get(a, "slugline");
    const char *publisher = artconv_article_get(a, ARTCONV_META_PUBLISHER);
    size_t i;

    if (put_uri(o, a, text) < 0 || put_str(o, "type", "text") < 0 || put_str(o, "version", "1") < 0)
        return -1;
    if (put_date(o, "firstCreated", artconv_article_get(a, ARTCONV_META_FIRSTCREATED), tmp, notes) <
            0 ||
        put_date(o, "versionCreated",
                 versioncreated != NULL ? versioncreated
                                        : artconv_article_get(a, ARTCONV_META_MODIFIED),
                 tmp, notes) < 0 ||
        put_date(o, "contentCreated", artconv_article_get(a, ARTCONV_META_DATE), tmp, notes) < 0)
        return -1;
    /* "indefinite" has no date-time: the status says withheld instead. */
    if (artconv_article_get(a, ARTCONV_META_EMBARGOED) != NULL &&
        strcmp(artconv_article_get(a, ARTCONV_META_EMBARGOED), "indefinite") != 0 &&
        put_date(o, "embargoedUntil", artconv_article_get(a, ARTCONV_META_EMBARGOED), tmp, notes) <
            0)
        return -1;
    if (status != NULL && (strcmp(status, "withheld") == 0 || strcmp(status, "canceled") == 0) &&
        put_str(o, "pubStatus", status) < 0)
        return -1;
    if (urgency != NULL && urgency[0] >= '1' && urgency[0] <= '9' && urgency[1] == '\0' &&
        json_object_set_new(o, "urgency", json_integer(urgency[0] - '0')) < 0)
        return -1;
    if ((artconv_article_get(a, ARTCONV_META_RIGHTS) != NULL &&
         put_str(o, "copyrightHolder", publisher) < 0) ||
        put_str(o, "copyrightNotice", artconv_article_get(a, ARTCONV_META_RIGHTS)) < 0)
        return -1;
    artconv_buf_clear(tmp);
    for (i = 0; i < artconv_article_list_count(a, ARTCONV_LIST_EDNOTES); i++)
        if ((i > 0 && artconv_buf_puts(tmp, "\n") < 0) ||
            artconv_buf_puts(tmp, artconv_article_list_get(a, ARTCONV_LIST_EDNOTES, i)) < 0)
            return -1;
    if (put_str(o, "edNote", tmp->ptr) < 0 ||
        put_str(o, "language", artconv_article_get(a, ARTCONV_META_LANGUAGE)) < 0 ||
        put_role_value(o, "headlines", "main", NULL, artconv_article_get(a, ARTCONV_META_TITLE)) <
            0 ||
        put_role_value(o, "headlines", "sub", NULL, artconv_article_get(a, ARTCONV_META_SUBTITLE)) <
            0 ||
        put_by(o, a, tmp) < 0 ||
        put_str(o, "located", artconv_article_get(a, ARTCONV_META_DATELINE)) < 0 ||
        put_role_value(o, "descriptions", "summary", NULL,
                       artconv_article_get(a, ARTCONV_META_DESCRIPTION)) < 0)
        return -1;
    if (slugline != NULL) {
        json_t *s = json_loads(slugline, JSON_DECODE_ANY, NULL);
        int rc = json_is_string(s) ? put_str(o, "slugline", json_string_value(s)) : 0;

        json_decref(s);
        if (rc < 0)
            return -1;
    }
    return 0;
}

static int put_lists(json_t *o, const artconv_article *a, artconv_buf *tmp)
{
    const char *publisher = artconv_article_get(a, ARTCONV_META_PUBLISHER);
    const char *id = artconv_article_get(a, ARTCONV_META_ID);

    if (put_concepts(o, "subjects", a, ARTCONV_CONCEPT_SUBJECTS, tmp) < 0 ||
        put_keywords(o, a) < 0 || put_concepts(o, "places", a, ARTCONV_CONCEPT_LOCATED, tmp) < 0 ||
        put_concepts(o, "genres", a, ARTCONV_CONCEPT_GENRES, tmp) < 0)
        return -1;
    if (publisher != NULL) {
        json_t *array = json_array(), *item = json_object();

        if (array == NULL || item == NULL || json_object_set_new(o, "infoSources", array) < 0 ||
            json_array_append_new(array, item) < 0 || put_str(item, "name", publisher) < 0 ||
            put_str(item, "role", "publisher") < 0)
            return -1;
    }
    if (put_lead_image(o, a) < 0)
        return -1;
    if (id != NULL && !is_uri(id)) {
        json_t *array = json_array(), *item = json_object();

        if (array == NULL || item == NULL || json_object_set_new(o, "altIds", array) < 0 ||
            json_array_append_new(array, item) < 0 || put_str(item, "role", "artconv:id") < 0 ||
            put_str(item, "value", id) < 0)
            return -1;
    }
    return 0;
}

static int dump(const char *chunk, size_t size, void *data)
{
    return artconv_buf_put(data, chunk, size) < 0 ? -1 : 0;
}

int ac_ninjs_write(artconv_buf *out, const artconv_article *article,
                   const artconv_write_options *opts, artconv_error *err)
{
    artconv_buf xhtml = ARTCONV_BUF_INIT, text = ARTCONV_BUF_INIT, tmp = ARTCONV_BUF_INIT;
    json_t *item = json_object();
    date_notes notes = {opts, 0};
    size_t old_len = out->len;
    int rc = item == NULL ? ac_nomem(err) : 0;

    if (rc == 0)
        rc = body_xhtml(&xhtml, article, opts, err);
    if (rc == 0 && body_text(&text, article) < 0)
        rc = ac_nomem(err);
    if (rc == 0 &&
        (put_meta(item, article, &text, &tmp, &notes) < 0 ||
         put_role_value(item, "bodies", "main", "application/xhtml+xml", xhtml.ptr) < 0 ||
         put_role_value(item, "bodies", "plain", "text/plain", text.ptr) < 0 ||
         put_lists(item, article, &tmp) < 0))
        rc = ac_nomem(err);
    if (rc == 0 &&
        (json_dump_callback(item, dump, out, DUMP_FLAGS) < 0 || artconv_buf_putc(out, '\n') < 0))
        rc = ac_nomem(err);
    if (rc == 0 && notes.completed > 0)
        ac_warn_write(opts, ARTCONV_EINVALID,
                      "%zu date%s without a time or a zone written as UTC date-times (ninjs "
                      "wants RFC 3339)",
                      notes.completed, notes.completed == 1 ? "" : "s");
    if (rc < 0) {
        out->len = old_len;
        if (out->ptr != NULL)
            out->ptr[old_len] = '\0';
    }
    json_decref(item);
    artconv_buf_dispose(&xhtml);
    artconv_buf_dispose(&text);
    artconv_buf_dispose(&tmp);
    return rc;
}
