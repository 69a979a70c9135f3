/*
 * meta_lists.c - the article's lists from what the page declares: keywords
 * (news_keywords, keywords, article:tag, JSON-LD) and authors (JSON-LD,
 * Dublin Core, author metas; the visible byline is byline.c's).
 */
#include "meta.h"

#include <string.h>

/* Keywords beyond this many are ignored: the model's list checks for
 * duplicates linearly, and no article needs more. */
#define MAX_KEYWORDS 64

int ac_meta_add_keywords(meta_ctx *m, const char *s, size_t len, int split)
{
    size_t i = 0, j;
    int rc;

    while (i < len && m->n_keywords < MAX_KEYWORDS) {
        j = i;
        while (j < len && !(split && (s[j] == ',' || s[j] == ';')))
            j++;
        artconv_buf_clear(&m->tmp);
        if (ac_text_put_collapsed(&m->tmp, s + i, j - i) < 0)
            return ac_nomem(m->err);
        if (m->tmp.len > 0) {
            if ((rc = ac_article_list_add_n(m->article, ARTCONV_LIST_KEYWORDS, m->tmp.ptr,
                                            m->tmp.len, m->err)) < 0)
                return rc;
            m->n_keywords++;
        }
        i = j + 1;
    }
    return 0;
}

/* Objects of the page's JSON-LD looked at for one @id: each block's top
 * level and its @graph, no deeper, so hostile nesting costs nothing. */
#define MAX_ID_OBJECTS 256

static int same_id(const json_t *o, const char *id)
{
    const json_t *v = json_is_object(o) ? json_object_get(o, "@id") : NULL;

    return json_is_string(v) && strcmp(json_string_value(v), id) == 0 &&
           json_is_string(json_object_get(o, "name"));
}

/* The "name" of the JSON-LD object whose @id is `id` (an author given as
 * {"@id": "#/schema/person/1"} and described elsewhere in the @graph), or
 * NULL. */
static const char *name_by_id(const meta_ctx *m, const char *id)
{
    size_t b, i, seen = 0;

    for (b = 0; b < m->n_ld; b++) {
        const json_t *root = m->ld[b], *list;

        if (same_id(root, id))
            return json_string_value(json_object_get(root, "name"));
        list = json_is_array(root) ? root : json_object_get(root, "@graph");
        for (i = 0; json_is_array(list) && i < json_array_size(list); i++) {
            const json_t *o = json_array_get(list, i);

            if (++seen > MAX_ID_OBJECTS)
                return NULL;
            if (same_id(o, id))
                return json_string_value(json_object_get(o, "name"));
            if (json_is_object(o) && json_is_array(json_object_get(o, "@graph"))) {
                const json_t *g = json_object_get(o, "@graph");
                size_t k;

                for (k = 0; k < json_array_size(g); k++) {
                    if (++seen > MAX_ID_OBJECTS)
                        return NULL;
                    if (same_id(json_array_get(g, k), id))
                        return json_string_value(json_object_get(json_array_get(g, k), "name"));
                }
            }
        }
    }
    return NULL;
}

static int ld_authors(meta_ctx *m, const json_t *v)
{
    size_t i, n = json_is_array(v) ? json_array_size(v) : 1;
    int rc;

    for (i = 0; i < n && i < 32; i++) {
        const json_t *a = json_is_array(v) ? json_array_get(v, i) : v;
        const char *name = NULL;

        if (json_is_string(a))
            name = json_string_value(a);
        else if (json_is_object(a)) {
            const json_t *id = json_object_get(a, "@id");

            name = ac_meta_ld_string(json_object_get(a, "name"), "name");
            if (name == NULL && json_is_string(id))
                name = name_by_id(m, json_string_value(id));
        }
        if (name != NULL && !ac_url_looks_like_web(name) &&
            (rc = ac_news_add_authors(m->article, name, strlen(name), m->err)) < 0)
            return rc;
    }
    return 0;
}

int ac_meta_set_keywords(meta_ctx *m)
{
    const json_t *kw;
    size_t i;
    int rc;

    if (m->slots[S_NEWS_KEYWORDS] != NULL &&
        (rc = ac_meta_add_keywords(m, m->slots[S_NEWS_KEYWORDS], strlen(m->slots[S_NEWS_KEYWORDS]),
                                   1)) < 0)
        return rc;
    if (m->slots[S_KEYWORDS] != NULL &&
        (rc = ac_meta_add_keywords(m, m->slots[S_KEYWORDS], strlen(m->slots[S_KEYWORDS]), 1)) < 0)
        return rc;
    if (m->art == NULL)
        return 0;
    kw = json_object_get(m->art, "keywords");
    if (json_is_string(kw))
        return ac_meta_add_keywords(m, json_string_value(kw), strlen(json_string_value(kw)), 1);
    for (i = 0; json_is_array(kw) && i < json_array_size(kw); i++) {
        const json_t *k = json_array_get(kw, i);

        if (json_is_string(k) && (rc = ac_meta_add_keywords(m, json_string_value(k),
                                                            strlen(json_string_value(k)), 0)) < 0)
            return rc;
    }
    return 0;
}

/* Dublin Core names a person "Last, First" ("Jong, Michiel de", "Kooman,
 * F."): one word before the only comma and one to three after become
 * "First Last".  Anything else is read as a byline, a list of names. */
static int add_dc_creator(meta_ctx *m, const char *v)
{
    const char *comma = strchr(v, ',');
    size_t len = strlen(v);
    size_t after;

    if (comma != NULL && strchr(comma + 1, ',') == NULL && strpbrk(v, "0123456789@&") == NULL &&
        ac_meta_count_words(v, (size_t)(comma - v)) == 1 &&
        (after = ac_meta_count_words(comma + 1, len - (size_t)(comma + 1 - v))) >= 1 &&
        after <= 3) {
        artconv_buf_clear(&m->tmp);
        if (ac_text_put_collapsed(&m->tmp, comma + 1, len - (size_t)(comma + 1 - v)) < 0 ||
            artconv_buf_putc(&m->tmp, ' ') < 0 ||
            ac_text_put_collapsed(&m->tmp, v, (size_t)(comma - v)) < 0)
            return ac_nomem(m->err);
        return ac_news_add_authors(m->article, m->tmp.ptr, m->tmp.len, m->err);
    }
    return ac_news_add_authors(m->article, v, len, m->err);
}

/* Labels of a twitter:labelN/dataN pair whose value is the author. */
static const char *const written_by[] = {
    "written by",  "author",    "by",         "geschrieben von", "verfasst von",
    "escrito por", "écrit par", "scritto da", "geschreven door", NULL};

/* The author named by a "Written by" twitter:labelN, or NULL. */
static const char *twitter_author(const meta_ctx *m)
{
    static const slot pairs[][2] = {{S_TW_LABEL1, S_TW_DATA1}, {S_TW_LABEL2, S_TW_DATA2}};
    size_t i, k;

    for (i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        const char *label = m->slots[pairs[i][0]], *data = m->slots[pairs[i][1]];

        if (label == NULL || data == NULL)
            continue;
        while (ac_is_space(*label))
            label++;
        for (k = 0; written_by[k] != NULL; k++) {
            size_t n = strlen(written_by[k]), end = strlen(label);

            while (end > 0 && (ac_is_space(label[end - 1]) || label[end - 1] == ':'))
                end--;
            if (end == n && ac_strncaseeq(label, written_by[k], n))
                return data;
        }
    }
    return NULL;
}

/* Authors from what the page declares.  The visible byline comes later
 * (ac_html_byline), once the article is found.  JSON-LD "creator" and
 * <link rel=author> are kept for when no byline shows: sites often fill
 * them with a CMS account name ("CC7567") rather than the writer's. */
int ac_meta_set_authors(meta_ctx *m)
{
    static const slot order[] = {S_AUTHOR_DC,      S_AUTHOR_META,     S_AUTHOR_PARSELY,
                                 S_AUTHOR_ARTICLE, S_AUTHOR_SAILTHRU, S_AUTHOR_CITATION,
                                 S_TW_DATA1};
    const char *weak = m->rel_author;
    size_t i;
    int rc;

    if (m->art != NULL) {
        const json_t *creator = json_object_get(m->art, "creator");

        if ((rc = ld_authors(m, json_object_get(m->art, "author"))) < 0)
            return rc;
        if (ac_meta_ld_string(creator, "name") != NULL &&
            !ac_url_looks_like_web(ac_meta_ld_string(creator, "name")))
            weak = ac_meta_ld_string(creator, "name");
    }
    for (i = 0; i < sizeof order / sizeof order[0]; i++) {
        const char *v = m->slots[order[i]];
        size_t k;

        if (artconv_article_list_count(m->article, ARTCONV_LIST_AUTHORS) > 0)
            break;
        if (order[i] == S_AUTHOR_DC) {
            /* As for every slot, property= (RDFa) beats name=. */
            for (k = 0; k < m->n_dc_creators; k++)
                if (m->dc_by_property[k] == m->by_property[S_AUTHOR_DC] &&
                    (rc = add_dc_creator(m, m->dc_creators[k])) < 0)
                    return rc;
            continue;
        }
        if (order[i] == S_TW_DATA1)
            v = twitter_author(m);
        if (v != NULL && (rc = ac_news_add_authors(m->article, v, strlen(v), m->err)) < 0)
            return rc;
    }
    if (weak != NULL && (m->page->weak_authors = ac_strndup(weak, strlen(weak))) == NULL)
        return ac_nomem(m->err);
    return 0;
}
