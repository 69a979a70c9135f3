/*
 * read_news.c - the NewsML-G2 reader's news metadata: the concepts an
 * agency codes (subject, genre, service, audience, signal, located,
 * contributor) as structured values, the people (the printed byline
 * before the creators), and the item's distinct timestamps.
 * docs/newsml.md has the mapping table.
 */
#include "news.h"
#include "newsml.h"
#include "newsml_reader.h"

#include <string.h>

/* The element as a concept: its QCode, else its URI, else its literal;
 * its first <name>; its role. */
int ac_nml_read_concept(ac_nml_reader *r, artconv_concept_list list, const xmlNode *node)
{
    artconv_buf code = ARTCONV_BUF_INIT, name = ARTCONV_BUF_INIT, role = ARTCONV_BUF_INIT;
    const xmlNode *name_el = ac_nml_child(node, "name");
    artconv_concept c = {NULL, NULL, NULL, NULL};
    int rc = ARTCONV_ENOMEM;

    if (ac_nml_attr_of(&code, node, "qcode") < 0 ||
        (code.len == 0 && ac_nml_attr_of(&code, node, "uri") < 0) ||
        (code.len == 0 && ac_nml_attr_of(&code, node, "literal") < 0) ||
        (name_el != NULL && ac_nml_text_of(&name, name_el) < 0) ||
        ac_nml_attr_of(&role, node, "role") < 0)
        goto cleanup;
    c.code = code.len > 0 ? code.ptr : NULL;
    c.name = name.len > 0 ? name.ptr : NULL;
    c.role = role.len > 0 ? role.ptr : NULL;
    rc = ac_article_concept_add_repair(r->a, list, &c, r->err);
cleanup:
    artconv_buf_dispose(&code);
    artconv_buf_dispose(&name);
    artconv_buf_dispose(&role);
    return rc == ARTCONV_ENOMEM ? ac_nomem(r->err) : rc;
}

/* 1 if `name` is one of the article's authors. */
static int is_author(const artconv_article *a, const char *name)
{
    size_t i;

    for (i = 0; i < artconv_article_list_count(a, ARTCONV_LIST_AUTHORS); i++)
        if (strcmp(artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, i), name) == 0)
            return 1;
    return 0;
}

static int same_text(const char *a, const char *b)
{
    return a != NULL && strcmp(a, b) == 0;
}

/* The authors: the printed byline (<by>, "Von Annett Gehler, dpa") when
 * there is one, else each creator by its name (never its QCode).  With a
 * byline, a creator it names neither as an author nor as the credit
 * ("..., dpa") is kept as a contributor. */
int ac_nml_read_people(ac_nml_reader *r, const xmlNode *content_meta)
{
    const xmlNode *c;
    int from_byline = 0, rc = ARTCONV_OK;

    if (artconv_article_list_count(r->a, ARTCONV_LIST_AUTHORS) == 0 && r->byline.len > 0) {
        AC_CHECK(ac_news_add_authors(r->a, r->byline.ptr, r->byline.len, r->err));
        from_byline = artconv_article_list_count(r->a, ARTCONV_LIST_AUTHORS) > 0;
    }
    for (c = content_meta != NULL ? content_meta->children : NULL; c != NULL; c = c->next) {
        const xmlNode *name = ac_nml_child(c, "name");

        if (!ac_nml_is_nar(c, "creator"))
            continue;
        if ((name != NULL ? ac_nml_text_of(&r->tmp, name) : ac_nml_attr_of(&r->tmp, c, "literal")) <
            0)
            return ac_nomem(r->err);
        if (!from_byline) {
            if (r->tmp.len > 0)
                AC_CHECK(ac_article_list_add_n(r->a, ARTCONV_LIST_AUTHORS, r->tmp.ptr, r->tmp.len,
                                               r->err));
        } else if (r->tmp.len == 0 ||
                   (!is_author(r->a, r->tmp.ptr) &&
                    !same_text(artconv_article_get(r->a, ARTCONV_META_CREDIT), r->tmp.ptr))) {
            AC_CHECK(ac_nml_read_concept(r, ARTCONV_CONCEPT_CONTRIBUTORS, c));
        }
    }
cleanup:
    return rc;
}

/* Sets `field` from the element's text unless it is empty or repeats a
 * field the writers use in its place (`same_as`, `same_as2`). */
static int set_distinct(ac_nml_reader *r, artconv_meta field, const xmlNode *node,
                        artconv_meta same_as, artconv_meta same_as2)
{
    const char *a = artconv_article_get(r->a, same_as);
    const char *b = artconv_article_get(r->a, same_as2);

    if (node == NULL)
        return ARTCONV_OK;
    if (ac_nml_text_of(&r->tmp, node) < 0)
        return ac_nomem(r->err);
    if (r->tmp.len == 0 || (a != NULL && strcmp(a, r->tmp.ptr) == 0) ||
        (b != NULL && strcmp(b, r->tmp.ptr) == 0))
        return ARTCONV_OK;
    return ac_nml_set_once(r, field, &r->tmp);
}

/* The timestamps: "date" from contentCreated, else firstCreated, else
 * versionCreated (30 dpa items carry only that); each of the three is
 * also kept on its own where it says more than "date" and "modified". */
int ac_nml_read_times(ac_nml_reader *r, const xmlNode *item)
{
    const xmlNode *meta = ac_nml_child(item, "itemMeta");
    const xmlNode *content = ac_nml_child(item, "contentMeta");
    const xmlNode *first = meta != NULL ? ac_nml_child(meta, "firstCreated") : NULL;
    const xmlNode *version = meta != NULL ? ac_nml_child(meta, "versionCreated") : NULL;
    const xmlNode *created = content != NULL ? ac_nml_child(content, "contentCreated") : NULL;
    int rc;

    /* Our writer's stand-in for "no date" is no date. */
    if (version != NULL && ac_nml_text_of(&r->tmp, version) == 0 &&
        r->tmp.len == strlen(AC_NEWSML_EPOCH_DATETIME) &&
        memcmp(r->tmp.ptr, AC_NEWSML_EPOCH_DATETIME, r->tmp.len) == 0)
        version = NULL;
    if (first != NULL)
        AC_CHECK(ac_nml_set_text(r, ARTCONV_META_DATE, first));
    if (version != NULL)
        AC_CHECK(ac_nml_set_text(r, ARTCONV_META_DATE, version));
    AC_CHECK(set_distinct(r, ARTCONV_META_CONTENTCREATED, created, ARTCONV_META_DATE,
                          ARTCONV_META_DATE));
    AC_CHECK(
        set_distinct(r, ARTCONV_META_FIRSTCREATED, first, ARTCONV_META_DATE, ARTCONV_META_DATE));
    /* The writer stamps versionCreated from "modified", else "date". */
    if (artconv_article_get(r->a, ARTCONV_META_MODIFIED) != NULL)
        rc = set_distinct(r, ARTCONV_META_VERSIONCREATED, version, ARTCONV_META_MODIFIED,
                          ARTCONV_META_MODIFIED);
    else
        rc = set_distinct(r, ARTCONV_META_VERSIONCREATED, version, ARTCONV_META_DATE,
                          ARTCONV_META_DATE);
cleanup:
    return rc;
}
