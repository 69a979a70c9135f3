/*
 * newsml_read.c - the NewsML-G2 reader: IPTC's examples (NITF bodies) and
 * the project's sample (XHTML body), round trips through the writer, items
 * that are no article, and hostile XML (external entities, entity bombs,
 * deep nesting), each with the error it must give.
 */
#include "artconv.h"
#include "tap.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define NAR "xmlns=\"http://iptc.org/std/nar/2006-10-01/\""

static const artconv_format *newsml;

static int read_str(artconv_article **out, const char *xml, size_t len, artconv_error *err)
{
    return artconv_read(out, newsml, xml, len, NULL, err);
}

static artconv_article *read_example(const char *name)
{
    char path[4096];
    artconv_article *a = NULL;
    artconv_error err;

    if (test_shared_dir() == NULL)
        return NULL;
    snprintf(path, sizeof path, "%s/specs/newsml-g2/%s", test_shared_dir(), name);
    if (artconv_read_file(&a, newsml, path, NULL, &err) < 0)
        printf("# %s: %s\n", name, err.message);
    return a;
}

static size_t count_kind(const artconv_article *a, artconv_node_kind kind)
{
    artconv_node *n;
    size_t count = 0;

    for (n = artconv_node_first_child(artconv_article_body(a)); n != NULL; n = artconv_node_next(n))
        count += artconv_node_get_kind(n) == kind;
    return count;
}

/* The literal of the first text below `node`. */
static const char *first_text(const artconv_node *node)
{
    artconv_iter *it;
    const char *found = NULL;

    it = artconv_iter_new(node);
    while (found == NULL && artconv_iter_next(it) != ARTCONV_EVENT_DONE)
        if (artconv_node_get_kind(artconv_iter_node(it)) == ARTCONV_NODE_TEXT)
            found = artconv_node_get_literal(artconv_iter_node(it));
    artconv_iter_free(it);
    return found;
}

static void test_iptc_examples(void)
{
    artconv_article *a;
    const char *text;

    a = read_example("examples/LISTING_1_A_NewsML-G2_News_Item.xml");
    ok(a != NULL, "LISTING_1 reads");
    if (a != NULL) {
        is_str(artconv_article_get(a, ARTCONV_META_TITLE), "Fed to halt QE to avert \"bubble\"",
               "LISTING_1: headline, trimmed");
        is_str(artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, 0), "Meredith Jameson",
               "LISTING_1: creator");
        is_str(artconv_article_get(a, ARTCONV_META_DATELINE), "Berlin", "LISTING_1: located");
        is_str(artconv_article_get(a, ARTCONV_META_LANGUAGE), "en-GB", "LISTING_1: xml:lang");
        is_str(artconv_article_get(a, ARTCONV_META_DATE), "2016-10-18T11:12:00-05:00",
               "LISTING_1: contentCreated");
        is_str(artconv_article_get(a, ARTCONV_META_RIGHTS),
               "Copyright 2017-18 Example Enews LLP, all rights reserved",
               "LISTING_1: copyrightNotice");
        is_str(artconv_article_extra_get(a, "slugline"), "\"US-Finance-Fed\"",
               "LISTING_1: slugline kept as extra metadata");
        is_int(artconv_node_first_child(artconv_article_body(a)) == NULL, 1,
               "LISTING_1: the empty NITF placeholder gives an empty body");
    }
    artconv_article_free(a);

    a = read_example("examples/LISTING_22_Sports_story_in_NewsML-G2NITF.xml");
    ok(a != NULL, "LISTING_22 reads");
    if (a != NULL) {
        is_int(count_kind(a, ARTCONV_NODE_PARAGRAPH), 6, "LISTING_22: six NITF paragraphs");
        text = first_text(artconv_article_body(a));
        ok(text != NULL && strncmp(text, "(Sports Network) - A pair of teams", 34) == 0,
           "LISTING_22: the first paragraph's text");
        is_str(artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, 0), "The Sports Network",
               "LISTING_22: creator");
        ok(artconv_article_get(a, ARTCONV_META_DESCRIPTION) != NULL &&
               strncmp(artconv_article_get(a, ARTCONV_META_DESCRIPTION),
                       "A pair of teams coming off big weekend sweeps will square off", 61) == 0,
           "LISTING_22: description, whitespace collapsed");
        is_str(artconv_article_get(a, ARTCONV_META_LANGUAGE), "en-US", "LISTING_22: language");
    }
    artconv_article_free(a);

    a = read_example("examples/LISTING_2_NewsML-G2_Text_Document.xml");
    ok(a != NULL, "LISTING_2 reads");
    if (a != NULL) {
        is_int(count_kind(a, ARTCONV_NODE_PARAGRAPH), 2, "LISTING_2: two NITF paragraphs");
        is_str(artconv_article_get(a, ARTCONV_META_DATELINE), "New York, NY", "LISTING_2: located");
        is_str(artconv_article_get(a, ARTCONV_META_MODIFIED), "2018-11-21T16:22:45-05:00",
               "LISTING_2: contentModified");
    }
    artconv_article_free(a);

    a = read_example("samples/text-article-xhtml.xml");
    ok(a != NULL, "the XHTML sample reads");
    if (a != NULL) {
        is_str(artconv_article_get(a, ARTCONV_META_TITLE), "Council approves 2025 budget",
               "sample: headline");
        is_str(artconv_article_get(a, ARTCONV_META_DATELINE), "SPRINGFIELD, Jan 15",
               "sample: dateline wins over located");
        is_str(artconv_article_get(a, ARTCONV_META_IMAGE), "https://example.org/img/council.jpg",
               "sample: the image link");
        is_str(artconv_article_get(a, ARTCONV_META_IMAGE_ALT), "Council chamber",
               "sample: the image's alt text from the body's figure");
        is_str(artconv_article_get(a, ARTCONV_META_CREDIT), "Example News", "sample: creditline");
        is_str(artconv_article_get(a, ARTCONV_META_DESCRIPTION),
               "The council passed the budget 7-2 after a long debate.", "sample: summary");
        is_int(artconv_article_list_count(a, ARTCONV_LIST_KEYWORDS), 2,
               "sample: two keywords, the subject not flattened into them");
        is_int(artconv_article_concept_count(a, ARTCONV_CONCEPT_SUBJECTS), 1,
               "sample: the subject is a subject");
        ok(artconv_article_get(a, ARTCONV_META_SECTION) == NULL,
           "sample: no section taken from a subject");
        is_int(count_kind(a, ARTCONV_NODE_PARAGRAPH), 2, "sample: two paragraphs");
        is_int(count_kind(a, ARTCONV_NODE_FIGURE), 1, "sample: one figure");
        text = first_text(artconv_article_body(a));
        is_str(text, "The city council on Wednesday approved the budget & a new levy.",
               "sample: entities decoded once");
    }
    artconv_article_free(a);
}

static int write_fmt(artconv_buf *out, const char *format, const artconv_article *a)
{
    artconv_write_options opts;
    artconv_write_options_init(&opts);
    artconv_error err;
    int rc;

    opts.timestamp = 1709377200;
    rc = artconv_write(out, artconv_format_by_name(format), a, &opts, &err);
    if (rc < 0)
        printf("# writing %s: %s\n", format, err.message);
    return rc;
}

static int read_fmt(artconv_article **out, const char *format, const artconv_buf *in)
{
    artconv_error err;
    int rc = artconv_read(out, artconv_format_by_name(format), in->ptr, in->len, NULL, &err);

    if (rc < 0)
        printf("# reading %s: %s\n", format, err.message);
    return rc;
}

/* What XHTML cannot carry, applied to the model by hand: a soft line break
 * is whitespace in HTML, so it comes back as a space, and the HTML reader
 * drops a code block's final line end. */
static void html_losses(artconv_article *a)
{
    artconv_node *breaks[64], *space;
    artconv_error err;
    size_t n = 0, i, len;
    artconv_iter *it;
    artconv_event ev;

    it = artconv_iter_new(artconv_article_body(a));
    while ((ev = artconv_iter_next(it)) != ARTCONV_EVENT_DONE) {
        artconv_node *node = artconv_iter_node(it);
        const char *s = artconv_node_get_literal(node);

        if (artconv_node_get_kind(node) == ARTCONV_NODE_SOFTBREAK && n < 64)
            breaks[n++] = node;
        if (artconv_node_get_kind(node) == ARTCONV_NODE_CODE_BLOCK && s != NULL &&
            (len = strlen(s)) > 0 && s[len - 1] == '\n') {
            char *copy = strdup(s);

            while (len > 0 && copy[len - 1] == '\n')
                copy[--len] = '\0';
            artconv_node_set_literal(node, copy, &err);
            free(copy);
        }
    }
    artconv_iter_free(it);
    for (i = 0; i < n; i++) {
        space = artconv_node_new(ARTCONV_NODE_TEXT);
        artconv_node_set_literal(space, " ", &err);
        artconv_node_insert_before(breaks[i], space, &err);
        artconv_node_free(breaks[i]);
    }
}

/* NewsML-G2 has no section: it is written as a subject, and read back as
 * one (never as the section: agencies' literal subjects are no sections). */
static void section_as_subject(artconv_article *a)
{
    artconv_concept c = {NULL, NULL, NULL, NULL};
    artconv_error err;

    c.code = c.name = artconv_article_get(a, ARTCONV_META_SECTION);
    if (c.code == NULL)
        return;
    artconv_article_concept_add(a, ARTCONV_CONCEPT_SUBJECTS, &c, &err);
    artconv_article_set(a, ARTCONV_META_SECTION, NULL, &err);
}

/* Every metadata field the mapping carries survives NewsML -> model. */
static void compare_meta(const artconv_article *want, const artconv_article *got, const char *what)
{
    char name[300];
    int i;
    size_t j;

    for (i = 0; i < ARTCONV_META_COUNT; i++) {
        /* The section goes out as a subject and comes back as one. */
        if (i == ARTCONV_META_SECTION)
            continue;
        snprintf(name, sizeof name, "%s: %s", what, artconv_meta_name((artconv_meta)i));
        is_str(artconv_article_get(got, (artconv_meta)i),
               artconv_article_get(want, (artconv_meta)i), name);
    }
    for (i = 0; i < ARTCONV_LIST_COUNT; i++) {
        int same = artconv_article_list_count(got, (artconv_meta_list)i) ==
                   artconv_article_list_count(want, (artconv_meta_list)i);

        for (j = 0; same && j < artconv_article_list_count(want, (artconv_meta_list)i); j++)
            same = strcmp(artconv_article_list_get(got, (artconv_meta_list)i, j),
                          artconv_article_list_get(want, (artconv_meta_list)i, j)) == 0;
        snprintf(name, sizeof name, "%s: %s", what, artconv_meta_list_name((artconv_meta_list)i));
        ok(same, name);
    }
}

static void test_round_trips(void)
{
    artconv_article *sink = fixture_kitchen_sink(), *a = NULL, *b = NULL, *c = NULL;
    artconv_buf first = ARTCONV_BUF_INIT, second = ARTCONV_BUF_INIT;
    artconv_buf md1 = ARTCONV_BUF_INIT, md2 = ARTCONV_BUF_INIT, tmp = ARTCONV_BUF_INIT;
    const char *via;
    artconv_error err;

    /* NewsML -> model -> NewsML. */
    artconv_article_extra_set(sink, "slugline", "\"HARBOUR-BRIDGE\"", &err);
    if (write_fmt(&first, "newsml", sink) == 0 && read_fmt(&a, "newsml", &first) == 0) {
        compare_meta(sink, a, "NewsML round trip");
        is_str(artconv_article_extra_get(a, "slugline"), "\"HARBOUR-BRIDGE\"",
               "NewsML round trip: slugline");
        /* The item from the article with XHTML's losses applied is the
         * item from the article read back. */
        html_losses(sink);
        artconv_buf_clear(&first);
        write_fmt(&first, "newsml", sink);
        ok(write_fmt(&second, "newsml", a) == 0 && second.len == first.len &&
               memcmp(second.ptr, first.ptr, first.len) == 0,
           "NewsML -> model -> NewsML keeps every mapped field and the body");
        if (second.len != first.len || memcmp(second.ptr, first.ptr, first.len) != 0)
            printf("# first:\n%s\n# second:\n%s\n", first.ptr, second.ptr);
    } else {
        ok(0, "NewsML round trip reads back");
    }
    ok(artconv_article_check(a, &err) == 0, "the article read back keeps the model's invariants");

    /* Markdown -> NewsML -> Markdown; text when Markdown cannot be read yet. */
    via = "markdown";
    if (write_fmt(&tmp, "markdown", sink) < 0 || read_fmt(&b, "markdown", &tmp) < 0) {
        tap_diag("the Markdown reader cannot read yet: text -> NewsML -> text instead");
        via = "text";
        artconv_buf_clear(&tmp);
        if (write_fmt(&tmp, "text", sink) < 0 || read_fmt(&b, "text", &tmp) < 0)
            b = NULL;
    }
    artconv_buf_clear(&second);
    if (b != NULL) {
        html_losses(b);
        section_as_subject(b);
    }
    if (b != NULL && write_fmt(&md1, via, b) == 0 && write_fmt(&second, "newsml", b) == 0 &&
        read_fmt(&c, "newsml", &second) == 0 && write_fmt(&md2, via, c) == 0) {
        ok(md1.len == md2.len && memcmp(md1.ptr, md2.ptr, md1.len) == 0,
           strcmp(via, "markdown") == 0 ? "Markdown -> NewsML -> Markdown keeps the article"
                                        : "text -> NewsML -> text keeps the article");
        if (md1.len != md2.len || memcmp(md1.ptr, md2.ptr, md1.len) != 0)
            printf("# before:\n%s\n# after:\n%s\n", md1.ptr, md2.ptr);
    } else {
        ok(0, "the round trip through NewsML ran");
    }
    artconv_article_free(sink);
    artconv_article_free(a);
    artconv_article_free(b);
    artconv_article_free(c);
    artconv_buf_dispose(&first);
    artconv_buf_dispose(&second);
    artconv_buf_dispose(&md1);
    artconv_buf_dispose(&md2);
    artconv_buf_dispose(&tmp);
}

/* Reads `xml` expecting failure with `code` and a message holding `word`. */
static void expect_error(const char *xml, int code, const char *word, const char *what)
{
    artconv_article *a = (artconv_article *)1;
    artconv_error err;
    int rc = read_str(&a, xml, strlen(xml), &err);

    if (!ok(rc == code && a == NULL && strstr(err.message, word) != NULL, what))
        printf("#   got %d (%s), wanted %d with '%s'\n", rc, err.message, code, word);
}

static void test_not_articles(void)
{
    artconv_article *a = NULL;
    artconv_error err;
    const char *message = "<?xml version=\"1.0\"?><newsMessage " NAR "><header/><itemSet>"
                          "<newsItem guid=\"g\" standard=\"NewsML-G2\" standardversion=\"2.35\">"
                          "<itemMeta><itemClass qcode=\"ninat:text\"/></itemMeta><contentMeta>"
                          "<headline>Inside a message</headline></contentMeta><contentSet>"
                          "<inlineData contenttype=\"text/plain\">One\nline.\n\nTwo.</inlineData>"
                          "</contentSet></newsItem></itemSet></newsMessage>";

    expect_error("<packageItem " NAR " guid=\"p\"/>", ARTCONV_EUNSUPPORTED, "packageItem",
                 "a packageItem is refused by name");
    expect_error("<conceptItem " NAR "/>", ARTCONV_EUNSUPPORTED, "only a newsItem",
                 "a conceptItem is refused");
    expect_error("<rss version=\"2.0\"><channel/></rss>", ARTCONV_EPARSE, "not NewsML-G2",
                 "an unknown root is refused");
    expect_error("<newsItem " NAR "><itemMeta><itemClass qcode=\"ninat:picture\"/></itemMeta>"
                 "</newsItem>",
                 ARTCONV_EUNSUPPORTED, "ninat:picture", "a picture item is refused");
    expect_error("<newsItem " NAR "><headline>unclosed", ARTCONV_EPARSE, "not well-formed",
                 "broken XML is a parse error");
    expect_error("", ARTCONV_EPARSE, "", "empty input is a parse error");
    expect_error("<newsItem " NAR "><x>\xff\xfe</x></newsItem>", ARTCONV_EPARSE, "",
                 "invalid UTF-8 is a parse error");

    ok(read_str(&a, message, strlen(message), &err) == 0 && a != NULL,
       "a newsMessage's first item is read");
    if (a != NULL) {
        is_str(artconv_article_get(a, ARTCONV_META_TITLE), "Inside a message",
               "newsMessage: the item's headline");
        is_int(count_kind(a, ARTCONV_NODE_PARAGRAPH), 2, "inlineData: two text paragraphs");
    }
    artconv_article_free(a);
}

/* An item with this itemMeta tail (after versionCreated). */
static artconv_article *item_with(const char *tail)
{
    char xml[2048];
    artconv_article *a = NULL;
    artconv_error err;

    snprintf(xml, sizeof xml,
             "<newsItem " NAR " guid=\"g\" standard=\"NewsML-G2\" standardversion=\"2.35\">"
             "<itemMeta><itemClass qcode=\"ninat:text\"/><provider literal=\"x\"/>"
             "<versionCreated>2024-03-13T18:00:00Z</versionCreated>%s</itemMeta>"
             "<contentMeta><headline>Status</headline></contentMeta></newsItem>",
             tail);
    if (read_str(&a, xml, strlen(xml), &err) < 0)
        printf("#   %s\n", err.message);
    return a;
}

/* pubStatus and embargoed reach the model, and usable leaves no trace. */
static void test_status(void)
{
    static const char *const cases[][4] = {
        /* itemMeta tail, pubstatus, embargoed, what */
        {"<pubStatus qcode=\"stat:canceled\"/>", "canceled", NULL, "stat:canceled"},
        {"<pubStatus qcode=\"stat:usable\"/>", NULL, NULL, "stat:usable leaves it unset"},
        {"<pubStatus uri=\"http://cv.iptc.org/newscodes/pubstatusg2/withheld\"/>", "withheld", NULL,
         "a pubStatus given by URI"},
        {"<pubStatus qcode=\"dpastat:killed\"/>", "dpastat:killed", NULL,
         "another scheme's QCode is kept whole"},
        {"<embargoed/><pubStatus qcode=\"stat:withheld\"/>", "withheld", "indefinite",
         "an empty embargoed is indefinite"},
        {"<embargoed>2024-03-14T08:30:00+01:00</embargoed>", NULL, "2024-03-14T08:30:00+01:00",
         "an embargo with its zone"},
        {"<embargoed> 2024-03-14T07:30:00Z </embargoed>", NULL, "2024-03-14T07:30:00Z",
         "an embargo with spaces around it"},
    };
    artconv_article *a, *b = NULL;
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_write_options wo;
    artconv_write_options_init(&wo);
    artconv_error err;
    char what[200];
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        a = item_with(cases[i][0]);
        snprintf(what, sizeof what, "%s: pubstatus", cases[i][3]);
        is_str(artconv_article_get(a, ARTCONV_META_PUBSTATUS), cases[i][1], what);
        snprintf(what, sizeof what, "%s: embargoed", cases[i][3]);
        is_str(artconv_article_get(a, ARTCONV_META_EMBARGOED), cases[i][2], what);
        artconv_article_free(a);
    }

    /* NewsML-G2 -> model -> NewsML-G2 -> model keeps both. */
    a = item_with(
        "<firstCreated>2024-03-13T17:00:00Z</firstCreated>"
        "<embargoed>2024-03-14T07:30:00Z</embargoed><pubStatus qcode=\"stat:canceled\"/>");
    wo.timestamp = 0;
    ok(a != NULL && artconv_write(&out, newsml, a, &wo, &err) == 0 &&
           read_str(&b, out.ptr, out.len, &err) == 0,
       "a canceled, embargoed item goes round");
    is_str(artconv_article_get(b, ARTCONV_META_PUBSTATUS), "canceled",
           "round trip: still canceled");
    is_str(artconv_article_get(b, ARTCONV_META_EMBARGOED), "2024-03-14T07:30:00Z",
           "round trip: still embargoed");
    artconv_article_free(a);
    artconv_article_free(b);
    artconv_buf_dispose(&out);

    /* IPTC's LISTING 1 has an embargo and is usable. */
    a = read_example("examples/LISTING_1_A_NewsML-G2_News_Item.xml");
    if (a == NULL) {
        printf("ok %d # SKIP ../shared/specs is absent\n", ++tap_.count);
        return;
    }
    is_str(artconv_article_get(a, ARTCONV_META_EMBARGOED), "2018-10-23T12:00:00Z",
           "LISTING 1: the embargo is read");
    ok(artconv_article_get(a, ARTCONV_META_PUBSTATUS) == NULL, "LISTING 1: usable, so unset");
    artconv_article_free(a);
}

static void test_hostile(void)
{
    static const char xxe[] =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE newsItem [\n"
        "  <!ENTITY secret SYSTEM \"file:///etc/passwd\">\n]>\n"
        "<newsItem " NAR "><contentMeta><headline>&secret;</headline></contentMeta></newsItem>";
    static const char xxe_param[] = "<?xml version=\"1.0\"?>\n<!DOCTYPE newsItem [\n"
                                    "  <!ENTITY % p SYSTEM \"file:///etc/passwd\">\n  %p;\n]>\n"
                                    "<newsItem " NAR "/>";
    static const char external_dtd[] =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE newsItem SYSTEM \"file:///etc/passwd\">\n"
        "<newsItem " NAR "><contentMeta><headline>Safe</headline></contentMeta></newsItem>";
    artconv_buf bomb = ARTCONV_BUF_INIT;
    artconv_article *a = NULL;
    artconv_error err;
    clock_t t0;
    double seconds;
    int i, j, rc;

    expect_error(xxe, ARTCONV_EPARSE, "entities", "an external entity is refused");
    expect_error(xxe_param, ARTCONV_EPARSE, "entities", "an external parameter entity is refused");
    rc = read_str(&a, external_dtd, strlen(external_dtd), &err);
    ok(rc == 0 && a != NULL &&
           strcmp(artconv_article_get(a, ARTCONV_META_TITLE)
                      ? artconv_article_get(a, ARTCONV_META_TITLE)
                      : "",
                  "Safe") == 0,
       "an external DTD is never loaded (/etc/passwd would not parse as one)");
    artconv_article_free(a);

    /* Billion laughs: ten levels of ten references, 10^9 "lol"s. */
    artconv_buf_puts(&bomb, "<?xml version=\"1.0\"?>\n<!DOCTYPE newsItem [\n"
                            "<!ENTITY lol0 \"lol\">\n");
    for (i = 1; i <= 9; i++) {
        char line[200];
        int n = snprintf(line, sizeof line, "<!ENTITY lol%d \"", i);

        for (j = 0; j < 10; j++)
            n += snprintf(line + n, sizeof line - (size_t)n, "&lol%d;", i - 1);
        snprintf(line + n, sizeof line - (size_t)n, "\">\n");
        artconv_buf_puts(&bomb, line);
    }
    artconv_buf_puts(&bomb, "]>\n<newsItem " NAR "><contentMeta><headline>&lol9;</headline>"
                            "</contentMeta></newsItem>");
    t0 = clock();
    expect_error(bomb.ptr, ARTCONV_EPARSE, "entities", "billion laughs is refused");
    seconds = (double)(clock() - t0) / CLOCKS_PER_SEC;
    ok(seconds < 1.0, "billion laughs is refused quickly");

    /* 100,000 nested elements. */
    artconv_buf_clear(&bomb);
    artconv_buf_puts(&bomb, "<newsItem " NAR ">");
    for (i = 0; i < 100000; i++)
        artconv_buf_puts(&bomb, "<a>");
    for (i = 0; i < 100000; i++)
        artconv_buf_puts(&bomb, "</a>");
    artconv_buf_puts(&bomb, "</newsItem>");
    t0 = clock();
    expect_error(bomb.ptr, ARTCONV_ELIMIT, "nested", "100,000-deep nesting is refused");
    seconds = (double)(clock() - t0) / CLOCKS_PER_SEC;
    ok(seconds < 2.0, "deep nesting is refused quickly");

    /* Deep enough for libxml2 (under 256) but beyond the model's limit. */
    artconv_buf_clear(&bomb);
    artconv_buf_puts(&bomb, "<newsItem " NAR "><contentSet><inlineXML><html "
                            "xmlns=\"http://www.w3.org/1999/xhtml\"><body>");
    for (i = 0; i < 240; i++)
        artconv_buf_puts(&bomb, "<div>");
    artconv_buf_puts(&bomb, "deep");
    for (i = 0; i < 240; i++)
        artconv_buf_puts(&bomb, "</div>");
    artconv_buf_puts(&bomb, "</body></html></inlineXML></contentSet></newsItem>");
    a = NULL;
    rc = read_str(&a, bomb.ptr, bomb.len, &err);
    ok(rc == ARTCONV_ELIMIT && a == NULL, "a body deeper than ARTCONV_MAX_DEPTH is refused");
    if (rc != ARTCONV_ELIMIT)
        printf("#   got %d: %s\n", rc, err.message);
    artconv_article_free(a);
    artconv_buf_dispose(&bomb);
}

/* Collects warnings into a buffer, one a line. */
static void keep_warning(const artconv_error *w, void *payload)
{
    artconv_buf *b = payload;

    artconv_buf_puts(b, w->message);
    artconv_buf_putc(b, '\n');
}

#define TEXT_ITEM(guid, title)                                                                     \
    "<newsItem guid=\"" guid "\" standard=\"NewsML-G2\" standardversion=\"2.35\">"                \
    "<itemMeta><itemClass qcode=\"ninat:text\"/></itemMeta><contentMeta><headline>" title         \
    "</headline></contentMeta><contentSet><inlineData contenttype=\"text/plain\">Body of " title  \
    ".</inlineData></contentSet></newsItem>"
#define PICTURE_ITEM                                                                               \
    "<newsItem guid=\"pic\" standard=\"NewsML-G2\" standardversion=\"2.35\">"                    \
    "<itemMeta><itemClass qcode=\"ninat:picture\"/></itemMeta></newsItem>"
#define MESSAGE(items) "<?xml version=\"1.0\"?><newsMessage " NAR "><header/><itemSet>" items \
    "</itemSet></newsMessage>"

/* artconv_read_all: one article a text item of a newsMessage, in order;
 * other items left out with their reason; the one-article read takes the
 * first text item and says how many there were. */
static void test_read_all(void)
{
    const char *message = MESSAGE(TEXT_ITEM("a", "First") PICTURE_ITEM
                                      "<packageItem guid=\"p\"/>" TEXT_ITEM("b", "Second"));
    const char *pictures = MESSAGE(PICTURE_ITEM PICTURE_ITEM);
    const char *single = "<newsItem " NAR "><itemMeta><itemClass qcode=\"ninat:text\"/>"
                         "</itemMeta><contentMeta><headline>Alone</headline></contentMeta>"
                         "</newsItem>";
    artconv_read_options opts;
    artconv_article **list = NULL, *a = NULL;
    artconv_buf warnings = ARTCONV_BUF_INIT;
    artconv_error err;
    size_t n = 99;
    int rc;

    ok(artconv_format_can_read_all(newsml), "NewsML-G2 can hold several articles");
    ok(!artconv_format_can_read_all(artconv_format_by_name("markdown")),
       "Markdown holds one article");
    artconv_read_options_init(&opts);
    opts.warning = keep_warning;
    opts.payload = &warnings;
    rc = artconv_read_all(&list, &n, newsml, message, strlen(message), &opts, &err);
    if (!is_int(rc, 0, "a newsMessage of two text items, a picture and a package is read"))
        printf("#   %s\n", err.message);
    is_int((long)n, 2, "one article a text item");
    if (rc == 0 && n == 2) {
        is_str(artconv_article_get(list[0], ARTCONV_META_TITLE), "First", "the first in order");
        is_str(artconv_article_get(list[1], ARTCONV_META_TITLE), "Second", "the second in order");
        is_int(count_kind(list[1], ARTCONV_NODE_PARAGRAPH), 1, "each has its own body");
    }
    ok(warnings.ptr != NULL && strstr(warnings.ptr, "item 2 of the newsMessage left out") != NULL &&
           strstr(warnings.ptr, "ninat:picture") != NULL,
       "the picture item is left out with its reason");
    ok(warnings.ptr != NULL && strstr(warnings.ptr, "item 3") != NULL &&
           strstr(warnings.ptr, "packageItem") != NULL,
       "the package is left out with its reason");
    artconv_articles_free(list, n);

    artconv_buf_clear(&warnings);
    ok(artconv_read(&a, newsml, message, strlen(message), &opts, &err) == 0 && a != NULL,
       "artconv_read of the same message");
    is_str(a != NULL ? artconv_article_get(a, ARTCONV_META_TITLE) : NULL, "First",
           "artconv_read takes the first text item");
    ok(warnings.ptr != NULL && strstr(warnings.ptr, "holds 4 items; only the first text item") !=
                                   NULL,
       "and warns with the count");
    artconv_article_free(a);

    list = (artconv_article **)1;
    rc = artconv_read_all(&list, &n, newsml, pictures, strlen(pictures), NULL, &err);
    is_int(rc, ARTCONV_EUNSUPPORTED, "a message of pictures only is refused");
    ok(list == NULL && n == 0, "with nothing handed back");
    ok(strstr(err.message, "none is a text newsItem") != NULL &&
           strstr(err.message, "ninat:picture") != NULL,
       "the refusal gives the reason");

    rc = artconv_read_all(&list, &n, newsml, single, strlen(single), NULL, &err);
    ok(rc == 0 && n == 1 && strcmp(artconv_article_get(list[0], ARTCONV_META_TITLE), "Alone") == 0,
       "a lone newsItem gives one article");
    artconv_articles_free(list, n);
    rc = artconv_read_all(&list, &n, artconv_format_by_name("text"), "Title\n\nBody.\n", 13, NULL,
                          &err);
    ok(rc == 0 && n == 1, "a format without the slot gives its one article");
    artconv_articles_free(list, n);
    artconv_articles_free(NULL, 3);
    artconv_buf_dispose(&warnings);
}

int main(void)
{
    newsml = artconv_format_by_name("newsml");
    if (test_shared_dir() == NULL)
        tap_diag("SKIP IPTC examples: ../shared is absent");
    else
        test_iptc_examples();
    test_round_trips();
    test_not_articles();
    test_status();
    test_hostile();
    test_read_all();
    return tap_done();
}
