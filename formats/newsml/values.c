/*
 * values.c - the values the NewsML-G2 writer puts in elements and
 * attributes, each checked against or turned into the type the schema
 * wants: xs:dateTime, QCodes, xs:anyURI, xs:language, image media types,
 * and the item's stable GUID.
 */
#include "newsml_writer.h"
#include "stable_id.h"

#include <libxml/uri.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int is_xml_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* "YYYY" or "YYYY-MM" (month 01 to 12). */
static int is_truncated_date(const char *s)
{
    size_t i;

    for (i = 0; i < 4; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    if (s[4] == '\0')
        return 1;
    return s[4] == '-' && ((s[5] == '0' && s[6] >= '1' && s[6] <= '9') ||
                           (s[5] == '1' && s[6] >= '0' && s[6] <= '2')) &&
           s[7] == '\0';
}

/* Appends a model date as the xs:dateTime NewsML-G2 wants.  A time without
 * a zone stays without one (xs:dateTime allows it; taking it as UTC would
 * move a local time).  A date without a time stays a bare date when
 * `date_ok` (contentCreated and contentModified accept one, and a bare
 * year or year-month too) and becomes midnight UTC otherwise.  Returns 0,
 * ARTCONV_EPARSE (not a date; nothing appended) or ARTCONV_ENOMEM. */
int ac_nml_put_datetime(artconv_buf *out, const char *value, int date_ok)
{
    size_t start = out->len;
    int rc;

    /* A bare year or year and month (xs:gYear, xs:gYearMonth), as
     * contentCreated allows: kept as it is. */
    if (date_ok && is_truncated_date(value))
        return artconv_buf_puts(out, value);
    rc = ac_date_normalize(out, value, strlen(value));
    if (rc < 0)
        return rc;
    if (out->len - start == 10)
        return date_ok ? ARTCONV_OK : artconv_buf_puts(out, "T00:00:00Z");
    return ARTCONV_OK;
}

int ac_nml_put_epoch(artconv_buf *out, long long seconds, artconv_error *err)
{
    time_t t = (time_t)seconds;
    char text[64];
    struct tm tm;

    if ((long long)t != seconds || gmtime_r(&t, &tm) == NULL ||
        strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
        return ac_error(err, ARTCONV_EINVALID, "timestamp %lld is out of range", seconds);
    return artconv_buf_puts(out, text) < 0 ? ac_nomem(err) : ARTCONV_OK;
}

/* 1 if `s` is a QCode, "scheme:code" without whitespace, and no URL. */
int ac_nml_is_qcode(const char *s)
{
    const char *colon = strchr(s, ':');
    size_t i;

    if (colon == NULL || colon == s || colon[1] == '\0' || strncmp(colon, "://", 3) == 0)
        return 0;
    for (i = 0; s[i] != '\0'; i++)
        if (is_xml_space((unsigned char)s[i]))
            return 0;
    return 1;
}

/* 1 if libxml2's schema validator accepts `url` as an xs:anyURI: it swaps
 * characters URIs may not hold for '_' and then wants xmlParseURI to
 * succeed, so "%zz" or a second '#' fail while spaces pass. */
int ac_nml_is_any_uri(const char *url)
{
    static const char bad[] = " <>\"{}|\\^`'";
    char *copy = ac_strndup(url, strlen(url));
    xmlURIPtr uri;
    size_t i;

    if (copy == NULL)
        return 0;
    for (i = 0; copy[i] != '\0'; i++) {
        unsigned char c = (unsigned char)copy[i];

        if (c < 32 || c >= 127 || strchr(bad, c) != NULL)
            copy[i] = '_';
    }
    uri = xmlParseURI(copy);
    free(copy);
    xmlFreeURI(uri);
    return uri != NULL;
}

/* Appends `tag` and returns 1 if it fits xs:language,
 * [a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*, once each '_' is read as '-' ("en_GB"
 * is common in the wild); returns 0 (nothing appended) if it does not, or
 * ARTCONV_ENOMEM. */
int ac_nml_put_language(artconv_buf *out, const char *tag)
{
    size_t run = 0, i;
    int first = 1;

    for (i = 0; tag[i] != '\0'; i++) {
        unsigned char c = (unsigned char)tag[i];

        if (c == '-' || c == '_') {
            if (run == 0)
                return 0;
            run = 0;
            first = 0;
            continue;
        }
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9')))
            return 0;
        if (++run > 8)
            return 0;
    }
    if (run == 0)
        return 0;
    for (i = 0; tag[i] != '\0'; i++)
        if (artconv_buf_putc(out, tag[i] == '_' ? '-' : tag[i]) < 0)
            return ARTCONV_ENOMEM;
    return 1;
}

static const struct {
    const char *ext;
    const char *type;
} image_types[] = {
    {".jpg", "image/jpeg"},    {".jpeg", "image/jpeg"}, {".png", "image/png"},
    {".gif", "image/gif"},     {".webp", "image/webp"}, {".avif", "image/avif"},
    {".svg", "image/svg+xml"},
};

/* The media type of an image URL from its extension, or NULL. */
const char *ac_nml_image_type(const char *url)
{
    size_t len = strcspn(url, "?#"), i, n;

    for (i = 0; i < sizeof image_types / sizeof image_types[0]; i++) {
        n = strlen(image_types[i].ext);
        if (len > n && ac_strncaseeq(url + len - n, image_types[i].ext, n))
            return image_types[i].type;
    }
    return NULL;
}

/* --- the GUID ------------------------------------------------------------- */

/* 1 if `s` can end a GUID as it is: short, and without whitespace. */
static int is_token(const char *s)
{
    size_t i;

    for (i = 0; s[i] != '\0'; i++)
        if (is_xml_space((unsigned char)s[i]) || i >= 200)
            return 0;
    return i > 0;
}

/* The GUID is stable across runs and versions: opts->guid_scheme followed by
 * the article's id (or, for an id that cannot end a GUID, its UUID's hex
 * digits), else the writers' one identifier (formats/shared/stable_id.c,
 * the same as the EPUB writer's): the version 5 UUID of the source URL,
 * else of "id:" and the id, else of the headline and the body. */
int ac_nml_put_guid(artconv_buf *out, const artconv_article *a, const char *scheme,
                    const artconv_buf *body)
{
    const char *id = artconv_article_get(a, ARTCONV_META_ID);
    const char *source = artconv_article_get(a, ARTCONV_META_SOURCE);
    const char *title = artconv_article_get(a, ARTCONV_META_TITLE);
    artconv_buf name = ARTCONV_BUF_INIT;
    char uuid[AC_STABLE_UUID_SIZE], hex[33];
    size_t i, j;
    int rc;

    if (source != NULL && id == NULL)
        rc = artconv_buf_puts(&name, source);
    else if (id != NULL)
        rc = artconv_buf_puts(&name, "id:") < 0 ? ARTCONV_ENOMEM : artconv_buf_puts(&name, id);
    else if ((rc = artconv_buf_puts(&name, title != NULL ? title : "")) == 0 &&
             (rc = artconv_buf_putc(&name, '\n')) == 0)
        rc = artconv_buf_put(&name, body->ptr != NULL ? body->ptr : "", body->len);
    if (rc < 0) {
        artconv_buf_dispose(&name);
        return ARTCONV_ENOMEM;
    }
    ac_stable_uuid(uuid, name.ptr != NULL ? name.ptr : "", name.len);
    artconv_buf_dispose(&name);
    if (scheme != NULL && *scheme != '\0') {
        if (artconv_buf_puts(out, scheme) < 0)
            return ARTCONV_ENOMEM;
        if (id != NULL && is_token(id))
            return artconv_buf_puts(out, id);
        for (i = 9, j = 0; uuid[i] != '\0'; i++)
            if (uuid[i] != '-')
                hex[j++] = uuid[i];
        hex[j] = '\0';
        return artconv_buf_puts(out, hex);
    }
    return artconv_buf_puts(out, uuid);
}
