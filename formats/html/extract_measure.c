/*
 * extract_measure.c - step 2 of finding the article (see extract.c): one
 * walk that measures every element that is not dropped, bottom-up: text
 * length, link text, commas, and the paragraphs, images, list items,
 * inputs and embeds below it.
 */
#include "extract.h"

#include <string.h>

/* --- 2. measures --------------------------------------------------------------- */

int ac_extract_dropped(const xmlNode *el)
{
    return (AC_INFO(el)->flags & (AC_HTML_DROP | AC_HTML_BYLINE | AC_HTML_TITLE)) != 0;
}

size_t ac_extract_count_chars(const char *s, size_t *commas)
{
    size_t n = 0;
    int space = 0;

    for (; *s != '\0'; s++) {
        unsigned char c = (unsigned char)*s;

        /* Most bytes are printable ASCII other than a comma. */
        if (c > ' ' && c < 0x80 && c != ',') {
            space = 0;
            n++;
            continue;
        }
        if ((c & 0xC0) == 0x80)
            continue; /* a UTF-8 continuation byte */
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
            if (!space)
                n++;
            space = 1;
            continue;
        }
        space = 0;
        n++;
        if (c == ',')
            (*commas)++;
        else if (c == 0xEF && (unsigned char)s[1] == 0xBC && (unsigned char)s[2] == 0x8C)
            (*commas)++; /* U+FF0C, the full-width comma of CJK text */
        else if (c == 0xD8 && (unsigned char)s[1] == 0x8C)
            (*commas)++; /* U+060C, the Arabic comma */
        else if (c == 0xE3 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x81)
            (*commas)++; /* U+3001, the ideographic comma */
    }
    return n;
}

int ac_extract_is_heading(const xmlNode *el)
{
    const char *s = (const char *)el->name;

    return s[0] == 'h' && s[1] >= '1' && s[1] <= '6' && s[2] == '\0';
}

static void add_up(const xmlNode *el)
{
    ac_html_info *i = AC_INFO(el), *p;
    const char *href;

    if (ac_html_is(el, "a")) {
        href = ac_html_attr(el, "href");
        /* In-page links (footnotes, tables of contents) count less. */
        i->link_text = href != NULL && href[0] == '#' ? i->text * 3 / 10 : i->text;
    }
    if (ac_extract_is_heading(el))
        i->heading_text = i->text;
    i->n_p += ac_html_is(el, "p");
    i->n_img += ac_html_is(el, "img");
    i->n_li += ac_html_is(el, "li");
    i->n_input += ac_html_is(el, "input");
    i->n_embed += ac_html_is(el, "iframe") || ac_html_is(el, "embed") || ac_html_is(el, "object") ||
                  ac_html_is(el, "video");
    if (el->parent == NULL || el->parent->type != XML_ELEMENT_NODE)
        return;
    p = AC_INFO(el->parent);
    p->text += i->text;
    p->link_text += i->link_text;
    p->commas += i->commas;
    p->heading_text += i->heading_text;
    p->n_p += i->n_p;
    p->n_img += i->n_img;
    p->n_li += i->n_li;
    p->n_input += i->n_input;
    p->n_embed += i->n_embed;
    if (!ac_html_is_block(el)) {
        p->direct_text += i->text;
        p->direct_commas += i->commas;
    }
}

void ac_extract_reset(ac_html_page *page)
{
    size_t i;

    for (i = 0; i < page->n_info; i++) {
        unsigned keep = page->info[i].flags & AC_HTML_BYLINE;

        memset(&page->info[i], 0, sizeof page->info[i]);
        page->info[i].flags = keep;
    }
}

void ac_extract_clear_measures(ac_html_page *page)
{
    size_t i;

    for (i = 0; i < page->n_info; i++) {
        unsigned keep = page->info[i].flags;

        memset(&page->info[i], 0, sizeof page->info[i]);
        page->info[i].flags = keep;
    }
}

/* Fills the measures of every element below `root` that is not dropped. */
void ac_extract_measure(xmlNodePtr root)
{
    ac_xml_walk w;
    ac_xml_event ev;

    ac_xml_walk_init(&w, root);
    while ((ev = ac_xml_walk_next(&w)) != AC_XML_DONE) {
        xmlNodePtr n = ac_xml_walk_node(&w);

        if (n->type == XML_ELEMENT_NODE) {
            int descend =
                !ac_extract_dropped(n) && !ac_html_is(n, "script") && !ac_html_is(n, "style");

            if (ev == AC_XML_ENTER && !descend)
                ac_xml_walk_skip(&w);
            else if (ev == AC_XML_LEAVE && descend && n != root)
                add_up(n);
        } else if (n->type == XML_TEXT_NODE && n->content != NULL && n->parent != NULL &&
                   n->parent->type == XML_ELEMENT_NODE) {
            ac_html_info *p = AC_INFO(n->parent);
            size_t commas = 0, len = ac_extract_count_chars((const char *)n->content, &commas);

            p->text += len;
            p->commas += commas;
            p->direct_text += len;
            p->direct_commas += commas;
        }
    }
}
