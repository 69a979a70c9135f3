/*
 * read_body.c - the NewsML-G2 reader's body: contentSet's XHTML (handed to
 * the HTML reader's builder as a parsed tree), NITF's body.content, or
 * plain text in inlineData.
 */
#include "news.h"
#include "newsml.h"
#include "newsml_reader.h"
#include "xhtml_in.h"
#include "xml.h"

#include <stdlib.h>
#include <string.h>

/* --- the body ---------------------------------------------------------------- */

/* Builds the siblings from `first` up to (not including) `end` into
 * `into` with the HTML reader's builder, which also enforces
 * ARTCONV_MAX_DEPTH: the parsed tree goes over as it is, no second parse. */
static int build_run(ac_nml_reader *r, const xmlNode *first, const xmlNode *end, artconv_node *into)
{
    return first == NULL ? ARTCONV_OK : ac_xhtml_in_nodes_to_model(into, first, end, r->err);
}

/* formats/shared/xhtml.c writes a quote with an attribution as <figure
 * class="quote"><blockquote/><figcaption class="attribution"/></figure>,
 * which the HTML reader's code does not know; it is built here. */
static int is_quote(const xmlNode *node)
{
    return ac_nml_is_named(node, "figure") && ac_nml_has_token(node, "class", "quote") &&
           ac_nml_child(node, "blockquote") != NULL;
}

/* Drops the spaces the inline builder keeps at both ends of `node`. */
static int trim_inlines(artconv_node *node, artconv_error *err)
{
    artconv_node *ends[2] = {artconv_node_first_child(node), artconv_node_last_child(node)};
    const char *s;
    size_t len;
    char *copy;
    int i, rc;

    for (i = 0; i < 2; i++) {
        if (artconv_node_get_kind(ends[i]) != ARTCONV_NODE_TEXT)
            continue;
        s = artconv_node_get_literal(ends[i]);
        len = strlen(s);
        if (i == 0)
            while (len > 0 && *s == ' ') {
                s++;
                len--;
            }
        else
            while (len > 0 && s[len - 1] == ' ')
                len--;
        if (len == 0) {
            if (ends[1] == ends[0])
                ends[1] = NULL;
            artconv_node_free(ends[i]);
            continue;
        }
        if ((copy = ac_strndup(s, len)) == NULL)
            return ac_nomem(err);
        rc = artconv_node_set_literal(ends[i], copy, err);
        free(copy);
        if (rc < 0)
            return rc;
    }
    return ARTCONV_OK;
}

static int build_quote(ac_nml_reader *r, const xmlNode *figure, artconv_node *into)
{
    const xmlNode *caption = ac_nml_child(figure, "figcaption");
    artconv_node *quote, *attribution;
    int rc;

    quote = ac_node_add(into, ARTCONV_NODE_BLOCKQUOTE, r->err);
    if (quote == NULL)
        return ARTCONV_ENOMEM;
    AC_CHECK(ac_xhtml_in_to_model(quote, ac_nml_child(figure, "blockquote"), r->err));
    if (caption == NULL || caption->children == NULL)
        return ARTCONV_OK;
    attribution = ac_node_add(quote, ARTCONV_NODE_ATTRIBUTION, r->err);
    if (attribution == NULL)
        return ARTCONV_ENOMEM;
    AC_CHECK(ac_xhtml_in_to_model(attribution, caption, r->err));
    rc = trim_inlines(attribution, r->err);
cleanup:
    return rc;
}

/* Builds the children of `parent` (the XHTML body or NITF's body.content)
 * into the article's body, quotes with attributions at the top level by
 * hand and the rest, in runs, by the HTML reader's code. */
static int build_children(ac_nml_reader *r, const xmlNode *parent)
{
    artconv_node *root = artconv_article_body(r->a);
    xmlNodePtr c, run = NULL;
    int rc = ARTCONV_OK;

    for (c = parent->children; c != NULL; c = c->next) {
        if (is_quote(c)) {
            AC_CHECK(build_run(r, run, c, root));
            run = NULL;
            AC_CHECK(build_quote(r, c, root));
        } else if (run == NULL) {
            run = c;
        }
    }
    rc = build_run(r, run, NULL, root);
cleanup:
    return rc == ARTCONV_ENOMEM ? ac_nomem(r->err) : rc;
}

/* <pre><code class="language-x">, as formats/shared/xhtml.c writes code blocks: the
 * HTML reader's code looks for the language on <pre>, so it is copied
 * there.  Walks the body without recursion. */
static int lift_code_languages(xmlNodePtr body)
{
    xmlNodePtr node = body->children;
    xmlChar *cls;

    while (node != NULL && node != body) {
        if (ac_nml_is_named(node, "code") && ac_nml_is_named(node->parent, "pre") &&
            xmlHasProp(node->parent, BAD_CAST "class") == NULL &&
            (cls = xmlGetProp(node, BAD_CAST "class")) != NULL) {
            xmlAttrPtr set = xmlSetProp(node->parent, BAD_CAST "class", cls);

            xmlFree(cls);
            if (set == NULL)
                return ARTCONV_ENOMEM;
        }
        node = ac_xml_next(node, body, 0);
    }
    return ARTCONV_OK;
}

/* Takes our <figure class="lead"> out of the body into the image fields.
 * The image itself overrides the itemMeta link: the figure is ours. */
static int take_lead_figure(ac_nml_reader *r, xmlNodePtr body)
{
    xmlNodePtr figure = ac_nml_first_element(body), img, caption, credit;
    int rc = ARTCONV_OK;

    if (!ac_nml_is_named(figure, "figure") ||
        !ac_nml_has_token(figure, "class", AC_NEWSML_LEAD_CLASS) ||
        (img = ac_nml_child(figure, "img")) == NULL)
        return ARTCONV_OK;
    r->lead_found = 1;
    AC_CHECK(ac_nml_attr_of(&r->tmp, img, "src"));
    if (r->tmp.len > 0)
        AC_CHECK(ac_article_set_n(r->a, ARTCONV_META_IMAGE, r->tmp.ptr, r->tmp.len, r->err));
    AC_CHECK(ac_nml_attr_of(&r->tmp, img, "alt"));
    AC_CHECK(ac_nml_set_once(r, ARTCONV_META_IMAGE_ALT, &r->tmp));
    caption = ac_nml_child(figure, "figcaption");
    if (caption != NULL) {
        credit = ac_nml_child(caption, "small");
        if (credit != NULL && ac_nml_has_token(credit, "class", "credit")) {
            AC_CHECK(ac_nml_text_of(&r->tmp, credit));
            AC_CHECK(ac_nml_set_once(r, ARTCONV_META_IMAGE_CREDIT, &r->tmp));
            xmlUnlinkNode(credit);
            xmlFreeNode(credit);
        }
        AC_CHECK(ac_nml_text_of(&r->tmp, caption));
        AC_CHECK(ac_nml_set_once(r, ARTCONV_META_IMAGE_CAPTION, &r->tmp));
    }
    xmlUnlinkNode(figure);
    xmlFreeNode(figure);
cleanup:
    return rc == ARTCONV_ENOMEM ? ac_nomem(r->err) : rc;
}

static int read_xhtml(ac_nml_reader *r, const xmlNode *html)
{
    xmlNodePtr body = ac_nml_child(html, "body");
    int rc;

    if (body == NULL)
        return ARTCONV_OK;
    AC_CHECK(take_lead_figure(r, body));
    if (lift_code_languages(body) < 0)
        return ac_nomem(r->err);
    AC_CHECK(build_children(r, body));
    /* Without our lead figure, the lead image's caption and credit are
     * those of the body's figure that shows it, as in web pages. */
    if (!r->lead_found && artconv_article_get(r->a, ARTCONV_META_IMAGE) != NULL)
        rc = ac_news_lead_image(r->a, r->err);
cleanup:
    return rc;
}

/* NITF names its block elements differently from HTML: hl2 is a
 * subheading, block a division.  Renamed in place, walking without
 * recursion. */
static int rename_nitf(xmlNodePtr root)
{
    static const char *const renames[][2] = {{"hl2", "h2"}, {"block", "div"}, {"bq", "blockquote"}};
    xmlNodePtr node = root->children;
    size_t i;

    while (node != NULL && node != root) {
        if (node->type == XML_ELEMENT_NODE) {
            for (i = 0; i < sizeof renames / sizeof renames[0]; i++)
                if (xmlStrEqual(node->name, BAD_CAST renames[i][0])) {
                    xmlNodeSetName(node, BAD_CAST renames[i][1]);
                    if (!xmlStrEqual(node->name, BAD_CAST renames[i][1]))
                        return ARTCONV_ENOMEM;
                }
        }
        node = ac_xml_next(node, root, 0);
    }
    return ARTCONV_OK;
}

/* The NITF byline's text without the title (byttl): "By Meredith Jameson". */
static int nitf_byline(ac_nml_reader *r, const xmlNode *byline)
{
    const xmlNode *c;
    xmlChar *text;
    size_t n;
    int rc = ARTCONV_OK;

    artconv_buf_clear(&r->byline);
    for (c = byline->children; c != NULL && rc == ARTCONV_OK; c = c->next) {
        if (ac_nml_is_named(c, "byttl") ||
            (c->type != XML_TEXT_NODE && c->type != XML_ELEMENT_NODE))
            continue;
        text = xmlNodeGetContent(c);
        rc = text != NULL ? ac_text_collapse(&r->byline, (const char *)text) : ARTCONV_OK;
        if (rc == ARTCONV_OK && artconv_buf_putc(&r->byline, ' ') < 0)
            rc = ARTCONV_ENOMEM;
        xmlFree(text);
    }
    n = r->byline.len;
    while (n > 0 && (r->byline.ptr[n - 1] == ' ' || r->byline.ptr[n - 1] == ','))
        n--;
    r->byline.len = n;
    if (r->byline.ptr != NULL)
        r->byline.ptr[n] = '\0';
    return rc < 0 ? ac_nomem(r->err) : ARTCONV_OK;
}

static int read_nitf(ac_nml_reader *r, const xmlNode *nitf)
{
    const xmlNode *body = ac_nml_child(nitf, "body");
    const xmlNode *head = body != NULL ? ac_nml_child(body, "body.head") : NULL;
    xmlNodePtr content = body != NULL ? ac_nml_child(body, "body.content") : NULL;
    const xmlNode *el;
    int rc = ARTCONV_OK;

    if (head != NULL) {
        if ((el = ac_nml_child(head, "hedline")) != NULL && (el = ac_nml_child(el, "hl1")) != NULL)
            AC_CHECK(ac_nml_set_text(r, ARTCONV_META_TITLE, el));
        if ((el = ac_nml_child(head, "abstract")) != NULL)
            AC_CHECK(ac_nml_set_text(r, ARTCONV_META_DESCRIPTION, el));
        if ((el = ac_nml_child(head, "byline")) != NULL && r->byline.len == 0)
            AC_CHECK(nitf_byline(r, el));
    }
    if (content == NULL)
        return ARTCONV_OK;
    if (rename_nitf(content) < 0)
        return ac_nomem(r->err);
    rc = build_children(r, content);
cleanup:
    return rc;
}

/* Plain text: paragraphs at blank lines, line ends as soft breaks. */
static int read_plain(ac_nml_reader *r, const char *s)
{
    artconv_node *para = NULL;
    const char *line, *end;
    int blank;

    for (line = s; *line != '\0'; line = *end == '\0' ? end : end + 1) {
        size_t len;

        end = strchr(line, '\n');
        if (end == NULL)
            end = line + strlen(line);
        len = (size_t)(end - line);
        while (len > 0 && ac_nml_is_space((unsigned char)line[len - 1]))
            len--;
        while (len > 0 && ac_nml_is_space((unsigned char)*line)) {
            line++;
            len--;
        }
        blank = len == 0;
        if (blank) {
            para = NULL;
            continue;
        }
        if (para == NULL) {
            para = ac_node_add(artconv_article_body(r->a), ARTCONV_NODE_PARAGRAPH, r->err);
            if (para == NULL)
                return r->err != NULL ? r->err->code : ARTCONV_ENOMEM;
        } else if (ac_node_add(para, ARTCONV_NODE_SOFTBREAK, r->err) == NULL) {
            return r->err != NULL ? r->err->code : ARTCONV_ENOMEM;
        }
        if (ac_node_add_text(para, line, len, r->err) == NULL)
            return r->err != NULL ? r->err->code : ARTCONV_ENOMEM;
    }
    return ARTCONV_OK;
}

/* inlineXML of another vocabulary (SportsML, a <p> without the XHTML
 * namespace): the HTML builder keeps what it knows of it, and when that
 * is nothing, its text is read as plain text. */
static int read_other(ac_nml_reader *r, const xmlNode *inline_xml)
{
    artconv_node *body = artconv_article_body(r->a);
    xmlChar *text;
    int rc;

    AC_CHECK(build_run(r, inline_xml->children, NULL, body));
    if (artconv_node_first_child(body) != NULL)
        return ARTCONV_OK;
    text = xmlNodeGetContent(inline_xml);
    if (text == NULL)
        return ac_nomem(r->err);
    rc = read_plain(r, (const char *)text);
    xmlFree(text);
cleanup:
    return rc;
}

/* The body: the first inlineXML (XHTML or NITF) or inlineData (text) of
 * contentSet.  Anything else is no body we can read; that is a warning. */
int ac_nml_read_content_set(ac_nml_reader *r, const xmlNode *set)
{
    xmlNodePtr c, el;
    xmlChar *type, *text;
    int rc;

    for (c = set->children; c != NULL; c = c->next) {
        if (ac_nml_is_nar(c, "inlineXML")) {
            el = ac_nml_first_element(c);
            if (el == NULL)
                return ARTCONV_OK;
            if (ac_nml_is_named(el, "html"))
                return read_xhtml(r, el);
            if (ac_nml_is_named(el, "nitf"))
                return read_nitf(r, el);
            ac_warn_read(r->opts, ARTCONV_EUNSUPPORTED, el->line,
                         "inlineXML holds <%s>, which is neither XHTML nor NITF; read for the HTML "
                         "and the text it holds",
                         (const char *)el->name);
            return read_other(r, c);
        }
        if (ac_nml_is_nar(c, "inlineData")) {
            type = xmlGetProp(c, BAD_CAST "contenttype");
            if (xmlHasProp(c, BAD_CAST "encoding") == NULL &&
                (type == NULL || xmlStrncmp(type, BAD_CAST "text/plain", 10) == 0)) {
                xmlFree(type);
                text = xmlNodeGetContent(c);
                if (text == NULL)
                    return ARTCONV_OK;
                rc = read_plain(r, (const char *)text);
                xmlFree(text);
                return rc;
            }
            xmlFree(type);
        }
    }
    ac_warn_read(r->opts, ARTCONV_EUNSUPPORTED, set->line,
                 "contentSet has no inline XHTML, NITF or text; no body read");
    return ARTCONV_OK;
}
