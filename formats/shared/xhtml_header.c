/*
 * xhtml_header.c - the article's <header> (title, standfirst, byline,
 * dateline, dates, lead image) and <footer> (credit, rights) from its
 * metadata.
 */
#include "xhtml_parts.h"

#include <string.h>

/* <p class="cls">label<time datetime="ISO">14 March 2024</time></p>: the
 * machine value in datetime, the date as a person reads it (in the
 * article's language) as the text; without <time> when the value is not a
 * date we can read, since datetime must be valid. */
static int add_date(xmlNodePtr parent, const ac_xhtml_options *o, const char *cls,
                    const char *label, const char *value, const char *language)
{
    artconv_buf iso = ARTCONV_BUF_INIT, shown = ARTCONV_BUF_INIT;
    xmlNodePtr p = ac_xhtml_add_text_element(parent, o, "p", cls, label), t;
    int rc;

    if (p == NULL)
        return ARTCONV_ENOMEM;
    rc = ac_date_normalize(&iso, value, strlen(value));
    if (rc == ARTCONV_OK)
        rc = ac_date_for_people(&shown, value, language);
    if (rc == ARTCONV_OK) {
        t = ac_xhtml_add_text_element(p, o, "time", NULL, shown.ptr);
        rc = t != NULL ? ac_xhtml_set_attr(t, "datetime", iso.ptr) : ARTCONV_ENOMEM;
    } else if (rc != ARTCONV_ENOMEM) {
        rc = ac_xhtml_add_text(p, value);
    }
    artconv_buf_dispose(&iso);
    artconv_buf_dispose(&shown);
    return rc;
}

/* "By A", "By A and B", "By A, B and C". */
static int add_byline(xmlNodePtr parent, const ac_xhtml_options *o, const artconv_article *a)
{
    size_t i, n = artconv_article_list_count(a, ARTCONV_LIST_AUTHORS);
    xmlNodePtr p = ac_xhtml_add_text_element(parent, o, "p", "byline", "By ");

    if (p == NULL)
        return ARTCONV_ENOMEM;
    for (i = 0; i < n; i++) {
        if (i > 0 && ac_xhtml_add_text(p, i + 1 == n ? " and " : ", ") < 0)
            return ARTCONV_ENOMEM;
        if (ac_xhtml_add_text_element(p, o, "span", "author",
                                      artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, i)) == NULL)
            return ARTCONV_ENOMEM;
    }
    return ARTCONV_OK;
}

static int add_lead_image(xmlNodePtr parent, const ac_xhtml_options *o, const artconv_article *a)
{
    const char *caption = artconv_article_get(a, ARTCONV_META_IMAGE_CAPTION);
    const char *credit = artconv_article_get(a, ARTCONV_META_IMAGE_CREDIT);
    xmlNodePtr figure = ac_xhtml_add(parent, o, "figure"), figcaption;

    if (figure == NULL || ac_xhtml_set_attr(figure, "class", "lead") < 0 ||
        ac_xhtml_add_image(figure, o, artconv_article_get(a, ARTCONV_META_IMAGE),
                           artconv_article_get(a, ARTCONV_META_IMAGE_ALT), NULL) < 0)
        return ARTCONV_ENOMEM;
    if (caption == NULL && credit == NULL)
        return ARTCONV_OK;
    figcaption = ac_xhtml_add_text_element(figure, o, "figcaption", NULL, caption);
    if (figcaption == NULL)
        return ARTCONV_ENOMEM;
    return credit != NULL ? ac_xhtml_add_credit(figcaption, o, credit) : ARTCONV_OK;
}

int ac_xhtml_header(xmlNodePtr parent, const artconv_article *a, const ac_xhtml_options *o,
                    artconv_error *err)
{
    const char *title = artconv_article_get(a, ARTCONV_META_TITLE);
    const char *subtitle = artconv_article_get(a, ARTCONV_META_SUBTITLE);
    const char *dateline = artconv_article_get(a, ARTCONV_META_DATELINE);
    const char *date = artconv_article_get(a, ARTCONV_META_DATE);
    const char *modified = artconv_article_get(a, ARTCONV_META_MODIFIED);
    const char *image = artconv_article_get(a, ARTCONV_META_IMAGE);
    int authors = artconv_article_list_count(a, ARTCONV_LIST_AUTHORS) > 0;
    xmlNodePtr header;
    int rc = ARTCONV_OK;

    if (ac_xhtml_body_shows_lead(a))
        image = NULL;
    if (title == NULL && subtitle == NULL && dateline == NULL && date == NULL && modified == NULL &&
        image == NULL && !authors)
        return ARTCONV_OK;
    AC_NEED(header = ac_xhtml_add(parent, o, "header"));
    if (title != NULL)
        AC_NEED(ac_xhtml_add_text_element(header, o, "h1", NULL, title));
    if (subtitle != NULL)
        AC_NEED(ac_xhtml_add_text_element(header, o, "p", "standfirst", subtitle));
    if (authors)
        AC_CHECK(add_byline(header, o, a));
    if (dateline != NULL)
        AC_NEED(ac_xhtml_add_text_element(header, o, "p", "dateline", dateline));
    if (date != NULL)
        AC_CHECK(add_date(header, o, "published", NULL, date,
                          artconv_article_get(a, ARTCONV_META_LANGUAGE)));
    if (modified != NULL)
        AC_CHECK(add_date(header, o, "modified", "Updated ", modified,
                          artconv_article_get(a, ARTCONV_META_LANGUAGE)));
    if (image != NULL)
        AC_CHECK(add_lead_image(header, o, a));
cleanup:
    return rc < 0 ? ac_nomem(err) : ARTCONV_OK;
}

int ac_xhtml_footer(xmlNodePtr parent, const artconv_article *a, const ac_xhtml_options *o,
                    artconv_error *err)
{
    const char *credit = artconv_article_get(a, ARTCONV_META_CREDIT);
    const char *rights = artconv_article_get(a, ARTCONV_META_RIGHTS);
    xmlNodePtr footer;

    if (credit == NULL && rights == NULL)
        return ARTCONV_OK;
    footer = ac_xhtml_add(parent, o, "footer");
    if (footer == NULL ||
        (credit != NULL && ac_xhtml_add_text_element(footer, o, "p", "credit", credit) == NULL) ||
        (rights != NULL && ac_xhtml_add_text_element(footer, o, "p", "rights", rights) == NULL))
        return ac_nomem(err);
    return ARTCONV_OK;
}
