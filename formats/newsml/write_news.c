/*
 * write_news.c - the NewsML-G2 writer's news metadata: the concept lists
 * (subject, genre, service, audience, signal, located, contributor), the
 * notes to editors and the urgency, each checked against the type the
 * schema gives it.  docs/newsml.md has the mapping table.
 */
#include "newsml.h"
#include "newsml_writer.h"

#include <string.h>

/* The code's attribute: uri for an absolute URI, qcode for a QCode, else
 * literal (white space collapsed), unless `coded`: the element then needs
 * a QCode or a URI, and NULL is returned. */
static const char *code_attr(const char *code, int coded)
{
    if (strstr(code, "://") != NULL && ac_nml_is_any_uri(code))
        return "uri";
    if (ac_nml_is_qcode(code))
        return "qcode";
    return coded ? NULL : "literal";
}

/* 1 if every white-space-separated word of `s` is a QCode (role lists). */
static int is_qcode_list(const char *s, artconv_buf *tmp)
{
    const char *p = s;

    while (*p != '\0') {
        size_t n;

        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
            p++;
        n = strcspn(p, " \t\n\r");
        if (n == 0)
            break;
        artconv_buf_clear(tmp);
        if (artconv_buf_put(tmp, p, n) < 0 || !ac_nml_is_qcode(tmp->ptr))
            return 0;
        p += n;
    }
    return 1;
}

int ac_nml_write_concept(const ac_nml_writer *n, artconv_buf *tmp, const char *element,
                         const artconv_concept *c, int coded)
{
    const char *attr = c->code != NULL ? code_attr(c->code, coded) : NULL;
    int rc;

    if ((c->code != NULL && attr == NULL) || (coded && c->code == NULL)) {
        ac_warn_write(n->opts, ARTCONV_EINVALID,
                      "NewsML-G2: <%s> needs a QCode or a URI; '%s' left out", element,
                      c->code != NULL ? c->code : c->name);
        return ARTCONV_OK;
    }
    AC_CHECK(ac_nml_start(n, element));
    if (attr != NULL) {
        artconv_buf_clear(tmp);
        AC_CHECK(strcmp(attr, "literal") == 0 ? ac_text_collapse(tmp, c->code)
                                              : artconv_buf_puts(tmp, c->code));
        AC_CHECK(ac_nml_attr(n, attr, tmp->ptr));
    }
    if (c->role != NULL) {
        if (is_qcode_list(c->role, tmp))
            AC_CHECK(ac_nml_attr(n, "role", c->role));
        else
            ac_warn_write(n->opts, ARTCONV_EINVALID,
                          "NewsML-G2: the role '%s' of a <%s> is no QCode; left out", c->role,
                          element);
    }
    if (c->name != NULL) {
        artconv_buf_clear(tmp);
        AC_CHECK(ac_text_collapse(tmp, c->name));
        AC_CHECK(ac_nml_element(n, "name", NULL, NULL, tmp->ptr));
    }
    rc = ac_nml_end(n);
cleanup:
    return rc;
}

int ac_nml_write_concepts(const ac_nml_writer *n, artconv_buf *tmp, const char *element,
                          artconv_concept_list list, int coded)
{
    size_t i;
    int rc = ARTCONV_OK;

    for (i = 0; i < artconv_article_concept_count(n->a, list) && rc == ARTCONV_OK; i++) {
        artconv_concept c;

        artconv_article_concept_get(&c, n->a, list, i);
        rc = ac_nml_write_concept(n, tmp, element, &c, coded);
    }
    return rc;
}

int ac_nml_write_ednotes(const ac_nml_writer *n)
{
    size_t i;
    int rc = ARTCONV_OK;

    for (i = 0; i < artconv_article_list_count(n->a, ARTCONV_LIST_EDNOTES) && rc == ARTCONV_OK; i++)
        rc = ac_nml_element(n, "edNote", NULL, NULL,
                            artconv_article_list_get(n->a, ARTCONV_LIST_EDNOTES, i));
    return rc;
}

/* <urgency>: a digit 1 to 9, as the schema's Int1to9Type wants. */
int ac_nml_write_urgency(const ac_nml_writer *n)
{
    const char *value = artconv_article_get(n->a, ARTCONV_META_URGENCY);

    if (value == NULL)
        return ARTCONV_OK;
    if (value[0] < '1' || value[0] > '9' || value[1] != '\0') {
        ac_warn_write(n->opts, ARTCONV_EINVALID,
                      "NewsML-G2: urgency '%s' is not 1 to 9; no <urgency> written", value);
        return ARTCONV_OK;
    }
    return ac_nml_element(n, "urgency", NULL, NULL, value);
}
