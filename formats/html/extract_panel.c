/*
 * extract_panel.c - collapsed panels are content.  An accordion of
 * questions and answers, the sections of a service page folded under their
 * headings, the tabs of a product's details: each panel is hidden until its
 * button is pressed (aria-hidden, the hidden attribute, display:none), so
 * step 1 drops it with the hidden boxes that are never shown.  What tells a
 * panel is the button that opens it: an element with aria-expanded whose
 * aria-controls names the panel's id, or whose id the panel names in
 * aria-labelledby (the WAI-ARIA disclosure and accordion patterns).
 * Menus open the same way, so a panel that is mostly links, or a chrome
 * element (nav, aside, a dialog), stays dropped.
 */
#include "extract.h"

#include <stdlib.h>
#include <string.h>

/* A panel with more link text than this share is a menu. */
#define PANEL_MAX_LINK_DENSITY 0.5

/* Tags a panel may have; others (nav, aside, footer, form...) are chrome. */
static const char *const panel_tags[] = {"div", "section", "dd", "article", "ul",
                                         "ol",  "li",      "p",  "span",    NULL};
/* Inside an opened panel, still chrome. */
static const char *const closed_tags[] = {"nav",    "aside", "footer",   "button", "form",
                                          "select", "input", "textarea", "dialog", NULL};

typedef struct {
    const char **keys; /* ids of panels and of their buttons, sorted */
    size_t n, cap;
} keyset;

static int cmp_key(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int add_key(keyset *k, const char *s)
{
    if (k->n == k->cap) {
        size_t cap = k->cap == 0 ? 32 : k->cap * 2;
        const char **p = realloc((void *)k->keys, cap * sizeof *p);

        if (p == NULL)
            return -1;
        k->keys = p;
        k->cap = cap;
    }
    k->keys[k->n++] = s;
    return 0;
}

static int has_key(const keyset *k, const char *s)
{
    return s != NULL && *s != '\0' && k->n > 0 &&
           bsearch(&s, (const void *)k->keys, k->n, sizeof *k->keys, cmp_key) != NULL;
}

/* The ids of what the page's buttons open, and the buttons' own ids.  An
 * aria-controls naming several ids is rare; its first id is taken whole. */
static int collect_keys(keyset *k, xmlNodePtr body)
{
    xmlNodePtr n;

    for (n = body; n != NULL; n = ac_xml_next(n, body, 0)) {
        const char *v;

        if (n->type != XML_ELEMENT_NODE || ac_html_attr(n, "aria-expanded") == NULL)
            continue;
        if ((v = ac_html_attr(n, "aria-controls")) != NULL && *v != '\0' && add_key(k, v) < 0)
            return -1;
        if ((v = ac_html_attr(n, "id")) != NULL && *v != '\0' && add_key(k, v) < 0)
            return -1;
    }
    if (k->n > 1)
        qsort((void *)k->keys, k->n, sizeof *k->keys, cmp_key);
    return 0;
}

static int is_folded(const xmlNode *el)
{
    const char *aria = ac_html_attr(el, "aria-hidden"), *style = ac_html_attr(el, "style");

    if (ac_html_attr(el, "hidden") != NULL || (aria != NULL && ac_strcaseeq(aria, "true")))
        return 1;
    if (style != NULL) {
        char buf[128];
        size_t i, k = 0;

        for (i = 0; style[i] != '\0' && k + 1 < sizeof buf; i++)
            if (!ac_is_space(style[i]))
                buf[k++] = style[i] >= 'A' && style[i] <= 'Z' ? (char)(style[i] + 32) : style[i];
        buf[k] = '\0';
        return strstr(buf, "display:none") != NULL;
    }
    return 0;
}

/* A dropped element that a button opens; measures of the unmarked page. */
static int is_panel(const keyset *k, const xmlNode *el)
{
    const char *role = ac_html_attr(el, "role");
    const ac_html_info *i = AC_INFO(el);

    if (!(i->flags & AC_HTML_DROP) || !is_folded(el) || i->text == 0 ||
        !ac_html_in_list((const char *)el->name, panel_tags))
        return 0;
    if (role != NULL && !ac_strcaseeq(role, "region") && !ac_strcaseeq(role, "tabpanel"))
        return 0;
    if ((double)i->link_text > PANEL_MAX_LINK_DENSITY * (double)i->text)
        return 0;
    return has_key(k, ac_html_attr(el, "id")) || has_key(k, ac_html_attr(el, "aria-labelledby"));
}

/* Opens `panel`: its hidden or chrome descendants stay dropped, but the
 * panels folded inside it open too. */
static void open_panel(const keyset *k, xmlNodePtr panel)
{
    xmlNodePtr n;
    int skip;

    AC_INFO(panel)->flags &= ~(unsigned)AC_HTML_DROP;
    for (n = panel->children; n != NULL; n = ac_xml_next(n, panel, skip)) {
        skip = 0;
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (is_folded(n) && !(AC_INFO(n)->flags & AC_HTML_DROP))
            AC_INFO(n)->flags |= AC_HTML_DROP; /* step 1 never saw it */
        if (is_panel(k, n)) {
            AC_INFO(n)->flags &= ~(unsigned)AC_HTML_DROP;
            continue;
        }
        if (ac_html_in_list((const char *)n->name, closed_tags))
            AC_INFO(n)->flags |= AC_HTML_DROP;
        if (AC_INFO(n)->flags & AC_HTML_DROP)
            skip = 1;
    }
}

int ac_extract_open_panels(extractor *x)
{
    xmlNodePtr body = x->page->body, n;
    keyset k = {NULL, 0, 0};
    int skip;

    if (collect_keys(&k, body) < 0) {
        free((void *)k.keys);
        return ac_nomem(x->err);
    }
    if (k.n == 0)
        return 0;
    for (n = body->children; n != NULL; n = ac_xml_next(n, body, skip)) {
        skip = 0;
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (is_panel(&k, n))
            open_panel(&k, n);
        /* A panel in a dropped menu or box stays in it. */
        if (AC_INFO(n)->flags & AC_HTML_DROP)
            skip = 1;
    }
    free((void *)k.keys);
    return 0;
}
