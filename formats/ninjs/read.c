/*
 * ninjs/read.c - an IPTC ninjs news item (3.x, camelCase names, and 2.x,
 * lower case names) into the model: the mapping of docs/ninjs.md read
 * backwards, so that what the writer writes reads back.  The body is the
 * XHTML or HTML body when there is one (through the HTML reader's
 * fragment path, sanitised as every HTML is), else the plain text one, a
 * paragraph at each blank line.
 *
 * A ninjs item is metadata and a few strings, so jansson parses it whole;
 * an input dense with small values, which would cost many times its size
 * as a jansson tree, is refused first (AC_NINJS_MAX_VALUES_PER_KIB).
 */
#include "format_entries.h"
#include "internal.h"
#include "news.h"
#include "url.h"
#include "xhtml_in.h"

#include <jansson.h>
#include <string.h>

/* An item may hold this many JSON values per KiB (and 1,000 in any case):
 * IPTC's examples hold 10 to 40, a page of one-character values 500. */
#define AC_NINJS_MAX_VALUES_PER_KIB 100

typedef struct {
    artconv_article *a;
    const artconv_read_options *opts;
    artconv_error *err;
    artconv_buf tmp;
} ninjs_reader;

/* o[name] under its 3.x name ("versionCreated") or its 2.x one
 * ("versioncreated"). */
static json_t *get(const json_t *o, const char *name)
{
    char lower[64];
    size_t i;
    json_t *v = json_object_get(o, name);

    if (v != NULL || strlen(name) >= sizeof lower)
        return v;
    for (i = 0; name[i] != '\0'; i++)
        lower[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] + 32 : name[i]);
    lower[i] = '\0';
    return json_object_get(o, lower);
}

static const char *get_str(const json_t *o, const char *name)
{
    return json_string_value(get(o, name));
}

/* The value of the first item of o[key] with role `role` (NULL: the first
 * item with no role, else the first). */
static const char *role_value(const json_t *o, const char *key, const char *role)
{
    const json_t *array = get(o, key), *item, *first = NULL;
    size_t i;

    json_array_foreach(array, i, item)
    {
        const char *r = get_str(item, "role");

        if (role != NULL && r != NULL && strcmp(r, role) == 0)
            return get_str(item, "value");
        if (first == NULL && (role == NULL || r == NULL))
            first = item;
    }
    return role == NULL ? get_str(first, "value") : NULL;
}

static int set(ninjs_reader *r, artconv_meta field, const char *value)
{
    return value == NULL || value[0] == '\0' ? 0 : artconv_article_set(r->a, field, value, r->err);
}

/* Values in a JSON text, without parsing it: commas and openings outside
 * strings. */
static size_t count_values(const char *s, size_t len)
{
    size_t i, n = 1;
    int in_string = 0;

    for (i = 0; i < len; i++) {
        if (in_string) {
            if (s[i] == '\\')
                i++;
            else if (s[i] == '"')
                in_string = 0;
        } else if (s[i] == '"') {
            in_string = 1;
        } else if (s[i] == ',' || s[i] == '{' || s[i] == '[') {
            n++;
        }
    }
    return n;
}

static int read_concepts(ninjs_reader *r, const json_t *array, artconv_concept_list list)
{
    static const struct {
        const char *uri, *alias;
    } schemes[] = {{"http://cv.iptc.org/newscodes/mediatopic/", "medtop"},
                   {"http://cv.iptc.org/newscodes/subjectcode/", "subj"},
                   {"http://cv.iptc.org/newscodes/genre/", "genre"}};
    const json_t *item;
    size_t i, k;
    int rc;

    json_array_foreach(array, i, item)
    {
        artconv_concept c = {NULL, get_str(item, "name"), NULL, NULL};
        const char *uri = get_str(item, "uri"), *code = get_str(item, "literal");

        if (code == NULL)
            code = get_str(item, "code"); /* 2.x */
        artconv_buf_clear(&r->tmp);
        for (k = 0; uri != NULL && code == NULL && k < sizeof schemes / sizeof schemes[0]; k++) {
            size_t n = strlen(schemes[k].uri);

            if (strncmp(uri, schemes[k].uri, n) == 0 && uri[n] != '\0') {
                if (artconv_buf_puts(&r->tmp, schemes[k].alias) < 0 ||
                    artconv_buf_putc(&r->tmp, ':') < 0 || artconv_buf_puts(&r->tmp, uri + n) < 0)
                    return ac_nomem(r->err);
                code = r->tmp.ptr;
            }
        }
        c.code = code != NULL ? code : uri;
        c.scheme = get_str(item, "scheme"); /* 2.x */
        /* A subject with a name only is a keyword (the writer's way). */
        if (list == ARTCONV_CONCEPT_SUBJECTS && c.code == NULL && c.name != NULL)
            rc = artconv_article_list_add(r->a, ARTCONV_LIST_KEYWORDS, c.name, r->err);
        else
            rc = artconv_article_concept_add(r->a, list, &c, r->err);
        if (rc < 0)
            return rc;
    }
    return 0;
}

static int read_dates_and_status(ninjs_reader *r, const json_t *o)
{
    const char *status = get_str(o, "pubStatus");
    const json_t *urgency = get(o, "urgency");
    int rc;

    if ((rc = set(r, ARTCONV_META_FIRSTCREATED, get_str(o, "firstCreated"))) < 0 ||
        (rc = set(r, ARTCONV_META_VERSIONCREATED, get_str(o, "versionCreated"))) < 0 ||
        (rc = set(r, ARTCONV_META_DATE, get_str(o, "contentCreated"))) < 0 ||
        (rc = set(r, ARTCONV_META_EMBARGOED, get_str(o, "embargoedUntil"))) < 0)
        return rc;
    /* 2.x's "embargoed" */
    if (get_str(o, "embargoedUntil") == NULL &&
        (rc = set(r, ARTCONV_META_EMBARGOED, get_str(o, "embargoed"))) < 0)
        return rc;
    if (status != NULL && strcmp(status, "usable") != 0 &&
        (rc = set(r, ARTCONV_META_PUBSTATUS, status)) < 0)
        return rc;
    if (json_is_integer(urgency) && json_integer_value(urgency) >= 1 &&
        json_integer_value(urgency) <= 9) {
        char u[2] = {(char)('0' + json_integer_value(urgency)), '\0'};

        if ((rc = set(r, ARTCONV_META_URGENCY, u)) < 0)
            return rc;
    }
    return 0;
}

static int read_text_meta(ninjs_reader *r, const json_t *o)
{
    const char *by = get_str(o, "by"), *ednote = get_str(o, "edNote");
    const json_t *sources = get(o, "infoSources"), *alt_ids = get(o, "altIds"), *item;
    const char *headline = role_value(o, "headlines", "main");
    size_t i;
    int rc;

    if (headline == NULL)
        headline = role_value(o, "headlines", NULL);
    if (headline == NULL)
        headline = get_str(o, "headline"); /* 2.x */
    if ((rc = set(r, ARTCONV_META_TITLE, headline)) < 0 ||
        (rc = set(r, ARTCONV_META_SUBTITLE, role_value(o, "headlines", "sub"))) < 0 ||
        (rc = set(r, ARTCONV_META_DATELINE, get_str(o, "located"))) < 0 ||
        (rc = set(r, ARTCONV_META_LANGUAGE, get_str(o, "language"))) < 0 ||
        (rc = set(r, ARTCONV_META_RIGHTS, get_str(o, "copyrightNotice"))) < 0 ||
        (rc = set(r, ARTCONV_META_DESCRIPTION, role_value(o, "descriptions", "summary"))) < 0)
        return rc;
    if (by != NULL && (rc = ac_news_add_authors(r->a, by, strlen(by), r->err)) < 0)
        return rc;
    if (ednote != NULL &&
        (rc = artconv_article_list_add(r->a, ARTCONV_LIST_EDNOTES, ednote, r->err)) < 0)
        return rc;
    json_array_foreach(sources, i, item)
    {
        const char *role = get_str(item, "role");

        if (role != NULL && strcmp(role, "publisher") == 0 &&
            (rc = set(r, ARTCONV_META_PUBLISHER, get_str(item, "name"))) < 0)
            return rc;
    }
    if (artconv_article_get(r->a, ARTCONV_META_PUBLISHER) == NULL &&
        (rc = set(r, ARTCONV_META_PUBLISHER, get_str(o, "copyrightHolder"))) < 0)
        return rc;
    json_array_foreach(alt_ids, i, item)
    {
        const char *role = get_str(item, "role");

        if (role != NULL && strcmp(role, "artconv:id") == 0 &&
            (rc = set(r, ARTCONV_META_ID, get_str(item, "value"))) < 0)
            return rc;
    }
    /* The item's uri is its identifier: written again, it is the uri. */
    if (artconv_article_get(r->a, ARTCONV_META_ID) == NULL &&
        (rc = set(r, ARTCONV_META_ID, get_str(o, "uri"))) < 0)
        return rc;
    if (get_str(o, "slugline") != NULL) {
        json_t *s = json_string(get_str(o, "slugline"));
        char *text = s != NULL ? json_dumps(s, JSON_ENCODE_ANY) : NULL;

        rc = text != NULL ? artconv_article_extra_set(r->a, "slugline", text, r->err)
                          : ac_nomem(r->err);
        free(text);
        json_decref(s);
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* The first picture association is the lead image. */
static int read_lead_image(ninjs_reader *r, const json_t *o)
{
    const json_t *assoc = get(o, "associations"), *item = NULL, *v;
    const char *key;
    size_t i;

    /* 3.x: an array; 2.x: an object of named associations. */
    if (json_is_object(assoc)) {
        json_object_foreach((json_t *)assoc, key, v)
        {
            const char *type = get_str(v, "type");

            if (item == NULL && type != NULL && strcmp(type, "picture") == 0)
                item = v;
        }
    } else {
        json_array_foreach(assoc, i, v)
        {
            const char *type = get_str(v, "type");

            if (item == NULL && type != NULL && strcmp(type, "picture") == 0)
                item = v;
        }
    }
    if (item != NULL) {
        const char *uri = get_str(item, "uri");
        int rc;

        if (uri != NULL && ac_url_is_safe(uri, strlen(uri), 1) &&
            ((rc = set(r, ARTCONV_META_IMAGE, uri)) < 0 ||
             (rc = set(r, ARTCONV_META_IMAGE_CAPTION,
                       role_value(item, "descriptions", "caption"))) < 0 ||
             (rc = set(r, ARTCONV_META_IMAGE_ALT, role_value(item, "descriptions", "alt"))) < 0 ||
             (rc = set(r, ARTCONV_META_IMAGE_CREDIT, get_str(item, "copyrightNotice"))) < 0))
            return rc;
    }
    return 0;
}

/* Plain text: a paragraph at each blank line. */
static int read_plain(ninjs_reader *r, const char *text)
{
    artconv_node *body = artconv_article_body(r->a);

    while (*text != '\0') {
        const char *end = strstr(text, "\n\n");
        size_t n = end != NULL ? (size_t)(end - text) : strlen(text);
        artconv_node *p;

        if (n > 0) {
            if ((p = ac_node_add(body, ARTCONV_NODE_PARAGRAPH, r->err)) == NULL)
                return r->err != NULL ? r->err->code : ARTCONV_ENOMEM;
            if (ac_node_add_text(p, text, n, r->err) == NULL)
                return r->err != NULL ? r->err->code : ARTCONV_ENOMEM;
        }
        text += n;
        while (*text == '\n')
            text++;
    }
    return 0;
}

static int read_body(ninjs_reader *r, const json_t *o)
{
    const json_t *bodies = get(o, "bodies"), *item;
    const char *html = NULL, *plain = NULL;
    size_t i;

    json_array_foreach(bodies, i, item)
    {
        const char *type = get_str(item, "contentType"), *value = get_str(item, "value");

        if (value == NULL)
            continue;
        if (type != NULL && (strstr(type, "html") != NULL) && html == NULL)
            html = value;
        else if ((type == NULL || strcmp(type, "text/plain") == 0) && plain == NULL)
            plain = value;
    }
    if (html == NULL)
        html = get_str(o, "body_html"); /* 2.x */
    if (plain == NULL)
        plain = get_str(o, "body_text");
    if (html != NULL)
        return ac_html_fragment_to_model(artconv_article_body(r->a), html, strlen(html), NULL,
                                         r->opts, r->err);
    return plain != NULL ? read_plain(r, plain) : 0;
}

int ac_ninjs_read(artconv_article **out, const char *data, size_t len,
                  const artconv_read_options *opts, artconv_error *err)
{
    ninjs_reader r = {NULL, opts, err, ARTCONV_BUF_INIT};
    size_t values = count_values(data, len);
    json_error_t jerr;
    json_t *o = NULL;
    const char *type;
    int rc = 0;

    *out = NULL;
    if (values > 1000 && values > len / 1024 * AC_NINJS_MAX_VALUES_PER_KIB)
        return ac_error(err, ARTCONV_ELIMIT,
                        "the item holds %zu JSON values in %zu bytes, more than %d a KiB", values,
                        len, AC_NINJS_MAX_VALUES_PER_KIB);
    if ((o = json_loadb(data, len, 0, &jerr)) == NULL)
        return json_error_code(&jerr) == json_error_out_of_memory
                   ? ac_nomem(err)
                   : ac_error_at(err, ARTCONV_EPARSE, jerr.line, jerr.column,
                                 jerr.position > 0 ? (size_t)jerr.position : 0, "%s", jerr.text);
    type = get_str(o, "type");
    if (type != NULL && strcmp(type, "text") != 0 && get(o, "bodies") == NULL &&
        get(o, "body_html") == NULL && get(o, "body_text") == NULL) {
        rc = ac_error(err, ARTCONV_EUNSUPPORTED, "a ninjs %s item holds no text", type);
        goto cleanup;
    }
    if ((r.a = artconv_article_new()) == NULL) {
        rc = ac_nomem(err);
        goto cleanup;
    }
    AC_CHECK(read_dates_and_status(&r, o));
    AC_CHECK(read_text_meta(&r, o));
    AC_CHECK(read_concepts(&r, get(o, "subjects"), ARTCONV_CONCEPT_SUBJECTS));
    AC_CHECK(read_concepts(&r, get(o, "subject"), ARTCONV_CONCEPT_SUBJECTS)); /* 2.x */
    AC_CHECK(read_concepts(&r, get(o, "places"), ARTCONV_CONCEPT_LOCATED));
    AC_CHECK(read_concepts(&r, get(o, "genres"), ARTCONV_CONCEPT_GENRES));
    AC_CHECK(read_lead_image(&r, o));
    AC_CHECK(read_body(&r, o));
    *out = r.a;
    r.a = NULL;
cleanup:
    artconv_article_free(r.a);
    artconv_buf_dispose(&r.tmp);
    json_decref(o);
    return rc;
}
