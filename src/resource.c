/*
 * resource.c - the named binary resources an article owns: the images of
 * the EPUB it was read from, say.  Each holds a copy of its bytes; the
 * table keeps them in the order added and, beside that, an index sorted by
 * name, so that a writer looking up every image of a long article does a
 * binary search, not a scan.  The limits (artconv.h) are the EPUB
 * writer's own for the images of one book.
 */
#include "internal.h"
#include "resource.h"
#include "url.h"

#include <stdlib.h>
#include <string.h>

struct artconv_resource {
    char *name;
    char *media_type;
    void *data;
    size_t size;
};

struct ac_resources {
    artconv_resource *items; /* in the order added */
    size_t *by_name;         /* indexes into items, sorted by name */
    size_t count, cap;
    size_t bytes; /* sum of the sizes */
};

void ac_resources_free(ac_resources *table)
{
    size_t i;

    if (table == NULL)
        return;
    for (i = 0; i < table->count; i++) {
        free(table->items[i].name);
        free(table->items[i].media_type);
        free(table->items[i].data);
    }
    free(table->items);
    free(table->by_name);
    free(table);
}

/* The place of `name` in by_name: where it is (*found 1) or would go. */
static size_t locate(const ac_resources *table, const char *name, int *found)
{
    size_t lo = 0, hi = table->count;

    *found = 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(table->items[table->by_name[mid]].name, name);

        if (c == 0) {
            *found = 1;
            return mid;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int token_ok(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
              (s[i] >= '0' && s[i] <= '9') || strchr("!#$&-^_.+", s[i]) != NULL))
            return 0;
    return n > 0;
}

/* "type/subtype", each a run of the characters RFC 6838 allows. */
static int media_type_ok(const char *t)
{
    size_t n = strlen(t), slash = strcspn(t, "/");

    return n <= 127 && slash < n && token_ok(t, slash) && token_ok(t + slash + 1, n - slash - 1);
}

int artconv_article_resource_add(artconv_article *article, const char *name, const char *media_type,
                                 const void *data, size_t len, artconv_error *err)
{
    ac_resources **slot, *table;
    artconv_resource *r;
    size_t at;
    int found;

    if (article == NULL || name == NULL || *name == '\0' || strlen(name) > 4096 ||
        !ac_text_is_clean(name, strlen(name)) || media_type == NULL || !media_type_ok(media_type) ||
        (data == NULL && len > 0))
        return ac_error(err, ARTCONV_EINVALID, "a resource needs a name, a media type and bytes");
    slot = ac_article_resources(article);
    if (*slot == NULL && (*slot = calloc(1, sizeof **slot)) == NULL)
        return ac_nomem(err);
    table = *slot;
    at = locate(table, name, &found);
    if (found)
        return ac_error(err, ARTCONV_EINVALID, "the article has a resource named %.200s already",
                        name);
    if (table->count >= ARTCONV_MAX_RESOURCES || len > ARTCONV_MAX_RESOURCE ||
        len > ARTCONV_MAX_RESOURCE_TOTAL - table->bytes)
        return ac_error(err, ARTCONV_ELIMIT,
                        "resource %.200s: an article holds at most %d resources of %zu bytes "
                        "each, %zu in all",
                        name, ARTCONV_MAX_RESOURCES, ARTCONV_MAX_RESOURCE,
                        ARTCONV_MAX_RESOURCE_TOTAL);
    if (table->count == table->cap) {
        size_t cap = table->cap ? table->cap * 2 : 8;
        artconv_resource *items = realloc(table->items, cap * sizeof *items);
        size_t *by_name;

        if (items == NULL)
            return ac_nomem(err);
        table->items = items;
        by_name = realloc(table->by_name, cap * sizeof *by_name);
        if (by_name == NULL)
            return ac_nomem(err);
        table->by_name = by_name;
        table->cap = cap;
    }
    r = &table->items[table->count];
    r->name = ac_strndup(name, strlen(name));
    r->media_type = ac_strndup(media_type, strlen(media_type));
    r->data = malloc(len > 0 ? len : 1);
    if (r->name == NULL || r->media_type == NULL || r->data == NULL) {
        free(r->name);
        free(r->media_type);
        free(r->data);
        return ac_nomem(err);
    }
    if (len > 0)
        memcpy(r->data, data, len);
    r->size = len;
    memmove(&table->by_name[at + 1], &table->by_name[at],
            (table->count - at) * sizeof *table->by_name);
    table->by_name[at] = table->count++;
    table->bytes += len;
    return ARTCONV_OK;
}

size_t artconv_article_resource_count(const artconv_article *article)
{
    const ac_resources *table = article != NULL ? ac_article_resources_const(article) : NULL;

    return table != NULL ? table->count : 0;
}

const artconv_resource *artconv_article_resource_get(const artconv_article *article, size_t index)
{
    const ac_resources *table = article != NULL ? ac_article_resources_const(article) : NULL;

    return table != NULL && index < table->count ? &table->items[index] : NULL;
}

const artconv_resource *artconv_article_resource_find(const artconv_article *article,
                                                      const char *name)
{
    const ac_resources *table = article != NULL ? ac_article_resources_const(article) : NULL;
    size_t at;
    int found;

    if (table == NULL || name == NULL)
        return NULL;
    at = locate(table, name, &found);
    return found ? &table->items[table->by_name[at]] : NULL;
}

const char *artconv_resource_name(const artconv_resource *resource)
{
    return resource != NULL ? resource->name : NULL;
}

const char *artconv_resource_media_type(const artconv_resource *resource)
{
    return resource != NULL ? resource->media_type : NULL;
}

const void *artconv_resource_data(const artconv_resource *resource)
{
    return resource != NULL ? resource->data : NULL;
}

size_t artconv_resource_size(const artconv_resource *resource)
{
    return resource != NULL ? resource->size : 0;
}

int ac_resource_data_url(artconv_buf *out, const artconv_article *article, const char *url,
                         size_t *budget)
{
    static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const artconv_resource *r = artconv_article_resource_find(article, url);
    const unsigned char *p;
    size_t i, n;

    if (r == NULL)
        return 0;
    if (r->size > *budget)
        return 3;
    artconv_buf_clear(out);
    p = r->data;
    n = r->size;
    /* The size is bounded by ARTCONV_MAX_RESOURCE, so this cannot overflow. */
    if (artconv_buf_grow(out, 32 + strlen(r->media_type) + (n + 2) / 3 * 4) < 0 ||
        artconv_buf_puts(out, "data:") < 0 || artconv_buf_puts(out, r->media_type) < 0 ||
        artconv_buf_puts(out, ";base64,") < 0)
        return ARTCONV_ENOMEM;
    for (i = 0; i + 2 < n; i += 3) {
        char quad[4] = {digits[p[i] >> 2], digits[((p[i] & 3) << 4) | (p[i + 1] >> 4)],
                        digits[((p[i + 1] & 15) << 2) | (p[i + 2] >> 6)], digits[p[i + 2] & 63]};

        artconv_buf_put(out, quad, 4); /* room was made above */
    }
    if (i < n) {
        char quad[4] = {digits[p[i] >> 2], '=', '=', '='};

        quad[1] = digits[((p[i] & 3) << 4) | (i + 1 < n ? p[i + 1] >> 4 : 0)];
        if (i + 1 < n)
            quad[2] = digits[(p[i + 1] & 15) << 2];
        else
            quad[2] = '=';
        artconv_buf_put(out, quad, 4);
    }
    if (!ac_url_is_safe(out->ptr, out->len, 1))
        return 2;
    *budget -= n;
    return 1;
}
