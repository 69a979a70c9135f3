/*
 * extract_clean.c - step 5 of finding the article (see extract.c): inside
 * the chosen content, drop the lists, tables and boxes that look like
 * chrome after all (mostly links, more images than text, inputs), share
 * bars, ad labels and promotional lines; and count the text that is left.
 */
#include "extract.h"

#include <string.h>

/* Share bars longer than this are content that happens to say "share". */
#define SHARE_MAX_TEXT 500

static const char *const share_words[] = {"share", "sharing", "social", "follow-us", NULL};
static const char *const promo_phrases[] = {"join our channel",
                                            "follow us on",
                                            "is now on telegram",
                                            "is now on whatsapp",
                                            "click here to join",
                                            "powered by",
                                            "sign up for our newsletter",
                                            "subscribe to our newsletter",
                                            "sign up for the",
                                            "download our app",
                                            "download the app",
                                            "get the app",
                                            "all rights reserved",
                                            "read more:",
                                            "also read:",
                                            "recommended for you",
                                            "please subscribe",
                                            "already a subscriber",
                                            NULL};

/* An author's box (portrait, bio, links) longer than this is content. */
#define AUTHOR_BOX_MAX_TEXT 1000
/* A paragraph whose class or id says chrome ("meta", "share"...) is
 * dropped when shorter than this. */
#define CHROME_LINE_MAX_TEXT 300

/* Words of a box about the author, when the class or id also says "author". */
static const char *const author_box_words[] = {"bio", "box", "card", "about", "profile", "desc",
                                               NULL};

/* --- 5. cleaning the chosen content -------------------------------------------- */

/* Whole texts that label an ad slot or skip past one.  Lower case. */
static const char *const ad_labels[] = {"advertisement",
                                        "advertisements",
                                        "advertising",
                                        "sponsored",
                                        "sponsored content",
                                        "skip advertisement",
                                        "continue reading the main story",
                                        "story continues below advertisement",
                                        "article continues below advertisement",
                                        "anzeige",
                                        "publicit\xC3\xA9",
                                        "publicidad",
                                        NULL};

/* How a line crediting the pictures begins, lower case: a credit left
 * outside any figure ("Photo: Shutterstock" under the lead image, "Photo
 * credit: ..." closing the article) is no part of the text. */
static const char *const credit_starts[] = {"photo:",         "photos:",        "photo credit",
                                            "photo credits",  "photograph:",    "image:",
                                            "images:",        "image credit",   "credit:",
                                            "credits:",       "picture:",       "foto:",
                                            "fotos:",         "bild:",          "bilder:",
                                            "cr\xC3\xA9" "dit photo", "cr\xC3\xA9" "dits photo",
                                            "cr\xC3\xA9" "dito:", NULL};
/* Words of the comment thread's own lines ("No comments", "Comments are
 * closed", "Kommentare schreiben"), in the languages of the corpora;
 * lower case.  A line as short as COMMENT_LINE_MAX_TEXT that holds one is
 * the thread's furniture left behind when its box is not named so (but a
 * "commentary" is an essay, and a table's column may be named Comment). */
static const char *const comment_line_words[] = {"comment", "kommentar", "komentarz",
                                                 "comentario", NULL};
#define COMMENT_LINE_MAX_TEXT 48

/* A credit line longer than this is a sentence about a photo. */
#define CREDIT_LINE_MAX_TEXT 120

/* 1 if `s` begins with one of `words` and goes on for a few characters
 * more: a label alone ("Photo credit:" before a link) says nothing. */
static int starts_with_any(const char *s, size_t len, const char *const *words)
{
    size_t i, n;

    for (i = 0; words[i] != NULL; i++) {
        n = strlen(words[i]);
        if (len > n + 3 && strncmp(s, words[i], n) == 0)
            return 1;
    }
    return 0;
}

/* 1 if lower-case `s` is an ad label with more after a dash, colon or bar
 * ("Advertisement - Continue reading below"). */
static int is_ad_label_line(const char *s, size_t len)
{
    size_t i, n;

    for (i = 0; ad_labels[i] != NULL; i++) {
        n = strlen(ad_labels[i]);
        if (len > n + 2 && strncmp(s, ad_labels[i], n) == 0 && s[n] == ' ' &&
            (s[n + 1] == '-' || s[n + 1] == '|' || strncmp(s + n + 1, "\xE2\x80\x93", 3) == 0))
            return 1;
        if (len > n + 1 && strncmp(s, ad_labels[i], n) == 0 && s[n] == ':')
            return 1;
    }
    return 0;
}

/* 1 if the element is a promotional line (any of promo_phrases, unless
 * `labels_only`), a picture credit outside a figure (unless `labels_only`)
 * or an ad label (the whole text is one of ad_labels, or begins it). */
static int is_promo(extractor *x, const xmlNode *el, int labels_only)
{
    size_t i;

    if (AC_INFO(el)->text == 0 || AC_INFO(el)->text > 200)
        return 0;
    artconv_buf_clear(&x->tmp);
    if (ac_html_text(&x->tmp, el) < 0)
        return -1;
    for (i = 0; i < x->tmp.len; i++)
        if (x->tmp.ptr[i] >= 'A' && x->tmp.ptr[i] <= 'Z')
            x->tmp.ptr[i] = (char)(x->tmp.ptr[i] + 32);
    if (x->tmp.ptr == NULL)
        return 0;
    if (x->tmp.len < 48 && ac_extract_in_words(x->tmp.ptr, ad_labels))
        return 1;
    if (x->tmp.len < 64 && is_ad_label_line(x->tmp.ptr, x->tmp.len))
        return 1;
    if (labels_only)
        return 0;
    /* Beside an image, the credit is that picture's (see is_caption_box). */
    if (x->tmp.len < CREDIT_LINE_MAX_TEXT &&
        starts_with_any(x->tmp.ptr, x->tmp.len, credit_starts) &&
        !ac_extract_has_ancestor(el, "figure", NULL) && el->parent != NULL &&
        AC_INFO(el->parent)->n_img == 0)
        return 1;
    if (x->tmp.len < COMMENT_LINE_MAX_TEXT && x->kind != AC_KIND_FORUM &&
        ac_extract_contains_any(x->tmp.ptr, comment_line_words) &&
        strstr(x->tmp.ptr, "commentary") == NULL && !ac_extract_has_ancestor(el, "table", NULL))
        return 1;
    return ac_extract_contains_any(x->tmp.ptr, promo_phrases);
}

/* A box with fewer characters than this for each image is a gallery. */
#define GALLERY_TEXT 100

/* Whether a list, table or box inside the article is chrome after all. */
static int looks_like_chrome(extractor *x, xmlNodePtr el, const xmlNode *root)
{
    const ac_html_info *i = AC_INFO(el);
    const char *name = (const char *)el->name;
    double weight = ac_extract_class_weight(x, el), ld = ac_extract_link_density(el);
    double score = (i->flags & AC_HTML_SCORED) ? i->score : 0;
    int is_list = strcmp(name, "ul") == 0 || strcmp(name, "ol") == 0;
    int in_figure = ac_extract_has_ancestor(el, "figure", NULL);
    double p = (double)i->n_p, img = (double)i->n_img, li = (double)i->n_li - 100;
    double input = (double)i->n_input;
    double heading_density = i->text == 0 ? 0 : (double)i->heading_text / (double)i->text;
    /* On a page that is no article, a box with more images than
     * paragraphs is a post (avatar, emoji, a photo) or an item when it has
     * text enough to go with them. */
    int has_kind = x->widened || x->kind > AC_KIND_ARTICLE;

    if (strcmp(name, "table") == 0 && ac_html_is_data_table(el))
        return 0;
    if (ac_extract_has_ancestor(el, "table", root) || ac_extract_has_ancestor(el, "code", root))
        return 0;
    if (weight + score < 0)
        return 1;
    if (i->commas >= 10)
        return 0;
    if (img > 1 && p / img < 0.5 && !in_figure && !(has_kind && i->text >= GALLERY_TEXT * img))
        return 1;
    if (!is_list && li > p)
        return 1;
    if (input > (double)(i->n_p / 3))
        return 1;
    if (!is_list && heading_density < 0.9 && i->text < MIN_UNIT_TEXT && (img == 0 || img > 2) &&
        !in_figure)
        return 1;
    if (!is_list && weight < 25 && ld > 0.2)
        return 1;
    if (weight >= 25 && ld > 0.5)
        return 1;
    if ((i->n_embed == 1 && i->text < 75) || i->n_embed > 1)
        return 1;
    return 0;
}


/* Link-only paragraphs shorter than this (characters) are pointers to
 * other pages ("Related: ...", a teaser title), not the article's text. */
#define LINK_LINE_MAX_TEXT 150
/* ...and longer than this: "PDF", "link" or "more" is part of the text. */
#define LINK_LINE_MIN_TEXT 15
/* A heading longer than this is a paragraph set in a heading's type. */
#define HEADING_MAX_TEXT 100

/* 1 for a box about the author: its class or id says so, and it is short
 * beside the article it sits in. */
static int is_author_box(const xmlNode *el, size_t article_text)
{
    char buf[512];
    const char *ms = ac_extract_match_string(el, buf, sizeof buf);
    size_t text = AC_INFO(el)->text;

    return strstr(ms, "author") != NULL && ac_extract_contains_any(ms, author_box_words) &&
           text < AUTHOR_BOX_MAX_TEXT && text * 2 < article_text;
}

/* Text under all the roots: the article, which may be split in parts (a
 * box about the author can be a part of its own). */
static size_t roots_text(const ac_html_page *page)
{
    size_t i, text = 0;

    for (i = 0; i < page->n_roots; i++)
        text += AC_INFO(page->roots[i])->text;
    return text;
}

/* Class words of a teaser: another post's title, picture and first lines,
 * or this one's lead ("teaser-text" in many CMSs), which has no link. */
static const char *const teaser_words[] = {"teaser", NULL};

/* 1 for a teaser of another page: its class says so and it links away,
 * with a picture or mostly as links. */
static int is_teaser(const xmlNode *el)
{
    char buf[512];
    const ac_html_info *i = AC_INFO(el);

    if (i->link_text == 0 || (i->n_img == 0 && i->link_text * 3 < i->text))
        return 0;
    return ac_extract_contains_any(ac_extract_match_string(el, buf, sizeof buf), teaser_words);
}

/* Text of the teasers under `root`: when they make half of it, the page
 * is a list of them, and they are its content. */
static size_t teaser_text(const xmlNode *root)
{
    const xmlNode *n;
    size_t text = 0;
    int skip;

    for (n = root; n != NULL; n = ac_xml_next(n, root, skip)) {
        skip = 0;
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (ac_extract_dropped(n)) {
            skip = 1;
        } else if (n != root && ac_html_is_block(n) && is_teaser(n)) {
            text += AC_INFO(n)->text;
            skip = 1;
        }
    }
    return text;
}

/* 1 for a short paragraph that is all link: a pointer to another page. */
static int is_link_line(const xmlNode *el, const xmlNode *root)
{
    const ac_html_info *i = AC_INFO(el);

    if (i->text < LINK_LINE_MIN_TEXT || i->text >= LINK_LINE_MAX_TEXT || i->link_text * 10 < i->text * 9)
        return 0;
    return !ac_extract_has_ancestor(el, "li", root) && !ac_extract_has_ancestor(el, "table", root);
}

/* 1 if `n` is a kept text node with a visible character. */
static int is_visible_text(const xmlNode *n)
{
    const char *s;

    if (n->type != XML_TEXT_NODE || n->content == NULL)
        return 0;
    for (s = (const char *)n->content; *s != '\0'; s++)
        if (!ac_is_space(*s))
            return 1;
    return 0;
}

/* 1 if no kept text follows the heading `h` before the next heading of
 * its rank or above, or the end of `root`: its section was chrome (a list
 * of links to other stories, a promo box) and is gone, or it closes the
 * article with nothing under it ("Read more", "Related"). */
static int heads_nothing(const xmlNode *h, const xmlNode *root)
{
    const xmlNode *n;
    char rank = ((const char *)h->name)[1];
    int skip = 1;

    for (n = ac_xml_next(h, root, 1); n != NULL; n = ac_xml_next(n, root, skip)) {
        skip = 0;
        if (n->type == XML_ELEMENT_NODE) {
            if (ac_extract_dropped(n)) {
                skip = 1;
                continue;
            }
            if (ac_extract_is_heading(n) && ((const char *)n->name)[1] <= rank)
                return 1;
            continue;
        }
        if (is_visible_text(n))
            return 0;
    }
    return 1;
}

/* Drops the headings left with nothing under them once cleaning is done. */
static void drop_empty_headings(xmlNodePtr root)
{
    xmlNodePtr n;
    int skip;

    for (n = root; n != NULL; n = ac_xml_next(n, root, skip)) {
        skip = 0;
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (ac_extract_dropped(n)) {
            skip = 1;
            continue;
        }
        if (n != root && ac_extract_is_heading(n) && AC_INFO(n)->text <= HEADING_MAX_TEXT) {
            skip = 1;
            if (heads_nothing(n, root))
                AC_INFO(n)->flags |= AC_HTML_DROP;
        }
    }
}

/* --- caption boxes ------------------------------------------------------------ */

/* A box with one image and at most this much text may be a figure. */
#define CAPTION_BOX_MAX_TEXT 300
/* Elements looked at for a caption class inside a box: a real one is small. */
#define CAPTION_BOX_MAX_ELEMENTS 48

/* Class words of a caption or a photo credit. */
static const char *const caption_words[] = {"caption", "credit", "copyright", "photographer",
                                            "image-annotation", "img-desc", NULL};

static int says_caption(const xmlNode *el)
{
    char buf[512];

    return ac_html_is(el, "figcaption") ||
           ac_extract_contains_any(ac_extract_match_string(el, buf, sizeof buf), caption_words);
}

/* 1 for a <div> that is a figure in all but name (WordPress's
 * "wp-caption", a theme's "img__container"): one image, a little text
 * that is not links, and a caption or credit class on it or inside it.
 * Its text is the picture's caption, not the article's. */
static int is_caption_box(const xmlNode *el)
{
    const ac_html_info *i = AC_INFO(el);
    const xmlNode *n;
    size_t seen = 0;

    if (!ac_html_is(el, "div") || i->n_img != 1 || i->text == 0 ||
        i->text > CAPTION_BOX_MAX_TEXT || i->link_text * 2 > i->text || i->n_p > 2 ||
        i->n_li > 0 || i->heading_text > 0 || ac_extract_has_ancestor(el, "figure", NULL))
        return 0;
    if (says_caption(el))
        return 1;
    for (n = el->children; n != NULL && seen < CAPTION_BOX_MAX_ELEMENTS;
         n = ac_xml_next(n, el, 0)) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        seen++;
        if (ac_html_is(n, "figure"))
            return 0;
        if (!ac_extract_dropped(n) && AC_INFO(n)->text > 0 && says_caption(n))
            return 1;
    }
    return 0;
}

/* What the first attempt must keep to be the one that stands (extract.c's
 * MIN_ARTICLE_TEXT): only then are caption boxes renamed, since a rename
 * would change what a later attempt measures. */
#define CAPTION_BOX_MIN_KEPT 500
/* Caption boxes holding more than 1/CAPTION_SHARE_DIV of the kept text
 * are a listing's cards. */
#define CAPTION_SHARE_DIV 4

/* Renames the caption boxes under the roots <figure>, so the builder makes
 * figures of them, their text the caption; on an article only (on any
 * other page such a box is an item's card), once the roots are final. */
static size_t walk_caption_boxes(const ac_html_page *page, int rename)
{
    size_t i, text = 0;

    for (i = 0; i < page->n_roots; i++) {
        xmlNodePtr r = page->roots[i], n;
        int skip;

        for (n = r; n != NULL; n = ac_xml_next(n, r, skip)) {
            skip = 0;
            if (n->type != XML_ELEMENT_NODE)
                continue;
            if (ac_extract_dropped(n)) {
                skip = 1;
            } else if (n != r && is_caption_box(n)) {
                text += AC_INFO(n)->text;
                if (rename)
                    xmlNodeSetName(n, (const xmlChar *)"figure");
                skip = 1;
            }
        }
    }
    return text;
}

static void name_figures(const extractor *x)
{
    size_t kept;

    if (!(x->rules & RULE_CLEAN) || x->widened || x->kind > AC_KIND_ARTICLE ||
        (kept = ac_extract_kept_text(x->page)) < CAPTION_BOX_MIN_KEPT)
        return;
    /* Cards of a listing are boxes like these too, and they make most of
     * its text; an article's pictures are a small part of its text. */
    if (walk_caption_boxes(x->page, 0) * CAPTION_SHARE_DIV > kept)
        return;
    (void)walk_caption_boxes(x->page, 1);
}

int ac_extract_clean(extractor *x, xmlNodePtr root)
{
    xmlNodePtr n;
    char buf[512];
    int skip, promo, teasers;
    size_t article_text = roots_text(x->page);

    teasers = (x->rules & RULE_CLEAN) && !x->widened && x->kind <= AC_KIND_ARTICLE &&
              teaser_text(root) * 2 < AC_INFO(root)->text;
    for (n = root; n != NULL; n = ac_xml_next(n, root, skip)) {
        const char *name;
        ac_html_info *info;

        skip = 0;
        if (n->type != XML_ELEMENT_NODE)
            continue;
        info = AC_INFO(n);
        if (ac_extract_dropped(n)) {
            skip = 1;
            continue;
        }
        if (n == root)
            continue;
        name = (const char *)n->name;
        if ((strcmp(name, "h1") == 0 || strcmp(name, "h2") == 0) &&
            ac_extract_class_weight(x, n) < 0) {
            info->flags |= AC_HTML_DROP;
            skip = 1;
            continue;
        }
        if (info->text < SHARE_MAX_TEXT &&
            ac_extract_contains_any(ac_extract_match_string(n, buf, sizeof buf), share_words)) {
            info->flags |= AC_HTML_DROP;
            skip = 1;
            continue;
        }
        if (strcmp(name, "p") == 0 || strcmp(name, "div") == 0 || strcmp(name, "li") == 0 ||
            strcmp(name, "section") == 0 || strcmp(name, "aside") == 0 ||
            strcmp(name, "strong") == 0 || strcmp(name, "span") == 0 ||
            strcmp(name, "b") == 0 || strcmp(name, "em") == 0 || strcmp(name, "small") == 0 ||
            strcmp(name, "center") == 0) {
            if ((promo = is_promo(x, n, 0)) < 0)
                return ac_nomem(x->err);
            if (promo) {
                info->flags |= AC_HTML_DROP;
                skip = 1;
                continue;
            }
        }
        if ((x->rules & RULE_CLEAN) &&
            (strcmp(name, "div") == 0 || strcmp(name, "section") == 0 ||
             strcmp(name, "aside") == 0 || strcmp(name, "p") == 0) &&
            is_author_box(n, article_text)) {
            info->flags |= AC_HTML_DROP;
            skip = 1;
            continue;
        }
        if (teasers && ac_html_is_block(n) && is_teaser(n)) {
            info->flags |= AC_HTML_DROP;
            skip = 1;
            continue;
        }
        if ((x->rules & RULE_CLEAN) && strcmp(name, "p") == 0 &&
            info->text < CHROME_LINE_MAX_TEXT && ac_extract_class_weight(x, n) < 0) {
            info->flags |= AC_HTML_DROP;
            skip = 1;
            continue;
        }
        if ((x->rules & RULE_CLEAN) && strcmp(name, "p") == 0 && is_link_line(n, root)) {
            info->flags |= AC_HTML_DROP;
            skip = 1;
            continue;
        }
        if (strcmp(name, "a") == 0) {
            if ((promo = is_promo(x, n, 1)) < 0)
                return ac_nomem(x->err);
            if (promo) {
                info->flags |= AC_HTML_DROP;
                skip = 1;
                continue;
            }
        }
        if ((x->rules & RULE_CLEAN) &&
            (strcmp(name, "table") == 0 || strcmp(name, "ul") == 0 || strcmp(name, "ol") == 0 ||
             strcmp(name, "div") == 0 || strcmp(name, "form") == 0 ||
             strcmp(name, "fieldset") == 0 || strcmp(name, "section") == 0) &&
            looks_like_chrome(x, n, root)) {
            info->flags |= AC_HTML_DROP;
            skip = 1;
        }
    }
    if ((x->rules & RULE_CLEAN))
        drop_empty_headings(root);
    if (x->page->n_roots > 0 && root == x->page->roots[x->page->n_roots - 1])
        name_figures(x);
    return 0;
}

/* Text kept under the roots, after cleaning. */
size_t ac_extract_kept_text(const ac_html_page *page)
{
    size_t i, total = 0;

    for (i = 0; i < page->n_roots; i++) {
        xmlNodePtr r = page->roots[i], n;
        int skip;

        for (n = r; n != NULL; n = ac_xml_next(n, r, skip)) {
            skip = 0;
            if (n->type == XML_ELEMENT_NODE && ac_extract_dropped(n)) {
                skip = 1;
                continue;
            }
            if (n->type == XML_TEXT_NODE && n->content != NULL) {
                size_t commas = 0;

                total += ac_extract_count_chars((const char *)n->content, &commas);
            }
        }
    }
    return total;
}
