/*
 * extract_score.c - step 3 of finding the article (see extract.c): each
 * paragraph-like element scores by its length and commas and passes the
 * score to its nearest ancestors, weighted by tag and by class and id.
 */
#include "extract.h"

#include <stdlib.h>
#include <string.h>

/* Ancestors a paragraph's score is passed to. */
#define SCORE_LEVELS 5

/* --- 3. scores ------------------------------------------------------------------ */

static double tag_weight(const xmlNode *el)
{
    const char *s = (const char *)el->name;

    if (strcmp(s, "div") == 0 || strcmp(s, "article") == 0)
        return 5;
    if (strcmp(s, "pre") == 0 || strcmp(s, "td") == 0 || strcmp(s, "blockquote") == 0)
        return 3;
    if (strcmp(s, "address") == 0 || strcmp(s, "ol") == 0 || strcmp(s, "ul") == 0 ||
        strcmp(s, "dl") == 0 || strcmp(s, "dd") == 0 || strcmp(s, "dt") == 0 ||
        strcmp(s, "li") == 0 || strcmp(s, "form") == 0)
        return -3;
    if (ac_extract_is_heading(el) || strcmp(s, "th") == 0)
        return -5;
    return 0;
}

int ac_extract_add_candidate(extractor *x, xmlNodePtr el)
{
    ac_html_info *i = AC_INFO(el);

    if (i->flags & AC_HTML_SCORED)
        return 0;
    if (x->n_cands == x->cap_cands) {
        size_t cap = x->cap_cands == 0 ? 64 : x->cap_cands * 2;
        xmlNodePtr *c = realloc(x->cands, cap * sizeof *c);

        if (c == NULL)
            return ac_nomem(x->err);
        x->cands = c;
        x->cap_cands = cap;
    }
    x->cands[x->n_cands++] = el;
    i->flags |= AC_HTML_SCORED;
    i->score = tag_weight(el) + ac_extract_class_weight(x, el);
    return 0;
}

/* Passes a paragraph's score to `first` and its ancestors. */
static int credit(extractor *x, xmlNodePtr first, size_t len, size_t commas)
{
    double score = 1 + (double)commas + (double)(len / 100 < 3 ? len / 100 : 3);
    xmlNodePtr a = first;
    int level, rc;

    for (level = 0; level < SCORE_LEVELS && a != NULL && a->type == XML_ELEMENT_NODE &&
                    a->parent != NULL && a->parent->type == XML_ELEMENT_NODE;
         level++, a = a->parent) {
        if ((rc = ac_extract_add_candidate(x, a)) < 0)
            return rc;
        AC_INFO(a)->score += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
    }
    return 0;
}

static int has_block_child(const xmlNode *el)
{
    const xmlNode *c;

    for (c = el->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE && ac_html_is_block(c) && !ac_extract_dropped(c))
            return 1;
    return 0;
}

int ac_extract_score_units(extractor *x)
{
    xmlNodePtr body = x->page->body, n;
    int skip, rc;

    for (n = body->children; n != NULL; n = ac_xml_next(n, body, skip)) {
        const ac_html_info *i;
        const char *name;

        skip = 0;
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (ac_extract_dropped(n)) {
            skip = 1;
            continue;
        }
        i = AC_INFO(n);
        name = (const char *)n->name;
        if (strcmp(name, "p") == 0 || strcmp(name, "pre") == 0 || strcmp(name, "td") == 0 ||
            strcmp(name, "section") == 0 || (ac_extract_is_heading(n) && name[1] != '1')) {
            if (i->text >= MIN_UNIT_TEXT && (rc = credit(x, n->parent, i->text, i->commas)) < 0)
                return rc;
        } else if (strcmp(name, "div") == 0 || strcmp(name, "article") == 0) {
            /* A div of text is a paragraph; the loose text of a div with
             * blocks in it is a paragraph of that div. */
            if (!has_block_child(n)) {
                if (i->text >= MIN_UNIT_TEXT && (rc = credit(x, n->parent, i->text, i->commas)) < 0)
                    return rc;
            } else if (i->direct_text >= MIN_UNIT_TEXT &&
                       (rc = credit(x, n, i->direct_text, i->direct_commas)) < 0) {
                return rc;
            }
        }
    }
    return 0;
}

double ac_extract_link_density(const xmlNode *el)
{
    const ac_html_info *i = AC_INFO(el);

    return i->text == 0 ? 0 : (double)i->link_text / (double)i->text;
}
