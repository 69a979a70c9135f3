/*
 * extract_grid.c - the grid of a page whose main content is many items of
 * one shape: a category's products, search results, a best-seller list.
 * Each item is a small box with a link or a picture and a little text;
 * none of them reads like prose, so the scores of step 3 pass them by and
 * the cleaning of step 5 takes each for a box of links.  What marks them is
 * their number and their sameness: many sibling elements with one tag and
 * one class, together holding most of their parent's text.
 */
#include "extract.h"

#include <string.h>

/* Fewer same-shaped siblings than this are a few boxes, not a grid. */
#define GRID_MIN_ITEMS 4
/* Items holding more text than this each, on average, are sections of a
 * long page, not the cards of a grid. */
#define GRID_MAX_ITEM_TEXT 1500
/* The items hold at least this share of their parent's text. */
#define GRID_MIN_SHARE 0.5
/* Distinct shapes looked at under one parent; a grid is one of the first. */
#define GRID_SHAPES 8

/* Elements that are items of a list by their tag, with no class to say so. */
static const char *const item_tags[] = {"li", "tr", "article", NULL};

/* 1 if `a` and `b` have one shape: the same tag and the same class.
 * Plain boxes with no class are a page's layout, not its items. */
static int same_shape(const xmlNode *a, const xmlNode *b)
{
    const char *ca = ac_html_attr(a, "class"), *cb = ac_html_attr(b, "class");

    if (!xmlStrEqual(a->name, b->name))
        return 0;
    if (ca == NULL || cb == NULL)
        return ca == cb && ac_html_in_list((const char *)a->name, item_tags);
    return strcmp(ca, cb) == 0;
}

/* An item: kept, with text, and a link to the item's own page (the steps
 * of a recipe, each with its photo, are one article). */
static int is_item(const xmlNode *el)
{
    const ac_html_info *i = AC_INFO(el);

    return el->type == XML_ELEMENT_NODE && !ac_extract_dropped(el) && i->text > 0 &&
           i->link_text > 0;
}

/* The text of the largest group of same-shaped items below `parent`; 0
 * when there is no grid there. */
static size_t grid_text(const xmlNode *parent)
{
    const xmlNode *shape[GRID_SHAPES], *c;
    size_t count[GRID_SHAPES] = {0}, text[GRID_SHAPES] = {0}, n_shapes = 0, k, best = 0;

    for (c = parent->children; c != NULL; c = c->next) {
        if (!is_item(c))
            continue;
        for (k = 0; k < n_shapes && !same_shape(shape[k], c); k++)
            ;
        if (k == n_shapes) {
            if (n_shapes == GRID_SHAPES)
                continue;
            shape[n_shapes++] = c;
        }
        count[k]++;
        text[k] += AC_INFO(c)->text;
    }
    for (k = 0; k < n_shapes; k++)
        if (count[k] >= GRID_MIN_ITEMS && text[k] <= GRID_MAX_ITEM_TEXT * count[k] &&
            (double)text[k] >= GRID_MIN_SHARE * (double)AC_INFO(parent)->text && text[k] > best)
            best = text[k];
    return best;
}

xmlNodePtr ac_extract_find_grid(const ac_html_page *page, size_t *text)
{
    xmlNodePtr body = page->body, n, best = NULL;
    size_t best_text = 0;
    int skip;

    for (n = body; n != NULL; n = ac_xml_next(n, body, skip)) {
        size_t t;

        skip = 0;
        if (n->type != XML_ELEMENT_NODE)
            continue;
        /* A <header>'s boxes of links are menus, however many. */
        if (ac_extract_dropped(n) || ac_html_is(n, "header")) {
            skip = 1;
            continue;
        }
        /* An outer grid holding as much text is the whole of it: keep the
         * first found, the ancestor. */
        if ((t = grid_text(n)) > best_text) {
            best_text = t;
            best = n;
        }
    }
    *text = best_text;
    return best;
}
