/*
 * text_read.c - the plain-text reader: the seed article, each rule on a
 * small input, bad and huge input, and golden text -> JSON cases.
 *
 * One job over 600 lines: the house keeps one test file a reader, and
 * each rule of the reader gets its case next to the others.
 */
#include "artconv.h"
#include "tap.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const artconv_format *text_format;

typedef struct warnings {
    int count;
    int line;
} warnings;

static void on_warning(const artconv_error *w, void *payload)
{
    warnings *ws = payload;

    ws->count++;
    ws->line = w->line;
}

/* Reads `s` (len bytes); checks the model's invariants on success. */
static artconv_article *read_n(const char *s, size_t len, const artconv_read_options *opts,
                               artconv_error *err)
{
    artconv_article *a = NULL;
    artconv_error check;

    if (artconv_read(&a, text_format, s, len, opts, err) < 0)
        return NULL;
    if (artconv_article_check(a, &check) < 0) {
        printf("# invariant broken: %s\n", check.message);
        ok(0, "article_check");
    }
    return a;
}

static artconv_article *read_s(const char *s)
{
    artconv_error err;
    artconv_article *a = read_n(s, strlen(s), NULL, &err);

    if (a == NULL)
        printf("# read failed: %s\n", err.message);
    return a;
}

/* The plain text of a node: text and code, "\n" for hard breaks. */
static char *plain(const artconv_node *node)
{
    artconv_buf b = ARTCONV_BUF_INIT;
    artconv_iter *it;
    artconv_event ev;

    artconv_buf_put(&b, "", 0);
    it = artconv_iter_new(node);
    while ((ev = artconv_iter_next(it)) != ARTCONV_EVENT_DONE) {
        const artconv_node *n = artconv_iter_node(it);

        if (ev != ARTCONV_EVENT_ENTER)
            continue;
        if (artconv_node_get_kind(n) == ARTCONV_NODE_TEXT)
            artconv_buf_puts(&b, artconv_node_get_literal(n));
        else if (artconv_node_get_kind(n) == ARTCONV_NODE_LINEBREAK)
            artconv_buf_puts(&b, "\n");
    }
    artconv_iter_free(it);
    return artconv_buf_detach(&b);
}

static artconv_node *block(const artconv_article *a, int index)
{
    artconv_node *n = artconv_node_first_child(artconv_article_body(a));

    while (n != NULL && index-- > 0)
        n = artconv_node_next(n);
    return n;
}

static int count_children(const artconv_node *n)
{
    int c = 0;

    for (n = artconv_node_first_child(n); n != NULL; n = artconv_node_next(n))
        c++;
    return c;
}

static int count_kind(const artconv_node *root, artconv_node_kind kind)
{
    artconv_iter *it;
    artconv_event ev;
    int c = 0;

    it = artconv_iter_new(root);
    while ((ev = artconv_iter_next(it)) != ARTCONV_EVENT_DONE)
        if (ev == ARTCONV_EVENT_ENTER && artconv_node_get_kind(artconv_iter_node(it)) == kind)
            c++;
    artconv_iter_free(it);
    return c;
}

/* 1 if any text node in the article contains `needle`. */
static int body_contains(const artconv_article *a, const char *needle)
{
    char *all = plain(artconv_article_body(a));
    int found = strstr(all, needle) != NULL;

    free(all);
    return found;
}

static void is_block_text(const artconv_article *a, int index, const char *want, const char *what)
{
    char *got = block(a, index) ? plain(block(a, index)) : NULL;

    is_str(got, want, what);
    free(got);
}

static void test_seed(void)
{
    const char *shared = test_shared_dir();
    artconv_buf in = ARTCONV_BUF_INIT;
    artconv_article *a;
    artconv_node *fig, *n;
    char path[4096], *s;
    int paras = 0;

    if (shared == NULL) {
        tap_skip("seed article: ../shared is absent");
        return;
    }
    snprintf(path, sizeof path, "%s/seeds/000_6d432a8c91e0e6c5.txt", shared);
    if (test_read_file(path, &in) < 0) {
        printf("# SKIP seed article: cannot read %s\n", path);
        return;
    }
    a = read_n(in.ptr, in.len, NULL, NULL);
    ok(a != NULL, "seed: read");
    if (a == NULL)
        goto done;
    is_str(artconv_article_get(a, ARTCONV_META_TITLE),
           "'Will support Ukraine as long as it takes', Blinken says to Lavrov in brief chat "
           "sidelines of G20 meet",
           "seed: title");
    is_str(artconv_article_get(a, ARTCONV_META_SUBTITLE),
           "Blinken urged Lavrov to reverse its decision on New START treaty", "seed: subtitle");
    is_str(artconv_article_get(a, ARTCONV_META_CREDIT), "WIth PTI inputs.", "seed: credit");
    fig = block(a, 0);
    is_int(artconv_node_get_kind(fig), ARTCONV_NODE_FIGURE, "seed: a figure comes first");
    is_str(artconv_node_get_credit(fig), "AP", "seed: figure credit");
    ok(artconv_node_get_url(fig) == NULL, "seed: figure has no image url");
    n = artconv_node_first_child(fig);
    is_int(artconv_node_get_kind(n), ARTCONV_NODE_CAPTION, "seed: figure caption");
    s = plain(n);
    ok(strncmp(s, "US State secretary Blinken", 26) == 0 &&
           strcmp(s + strlen(s) - 12, "in New Delhi") == 0,
       "seed: caption text without the credit");
    free(s);
    for (n = block(a, 1); n != NULL; n = artconv_node_next(n)) {
        is_int(artconv_node_get_kind(n), ARTCONV_NODE_PARAGRAPH, "seed: body block is a paragraph");
        paras++;
    }
    is_int(paras, 9, "seed: nine paragraphs");
    s = plain(block(a, 1));
    ok(strncmp(s, "US Secretary of State Antony Blinken and Russian", 48) == 0,
       "seed: first paragraph starts right");
    ok(strcmp(s + strlen(s) -
                  strlen("\xE2\x80\x9C"
                         "as long as it takes.\xE2\x80\x9D"),
              "\xE2\x80\x9C"
              "as long as it takes.\xE2\x80\x9D") == 0,
       "seed: first paragraph ends right, trailing no-break space trimmed");
    free(s);
    s = plain(artconv_node_last_child(artconv_article_body(a)));
    ok(strncmp(s, "A US official on conditions of anonymity", 40) == 0 &&
           strcmp(s + strlen(s) - 17, "Reuters reported.") == 0,
       "seed: last paragraph");
    free(s);
    ok(!body_contains(a, "Powered by"), "seed: no 'Powered by'");
    ok(!body_contains(a, "Telegram"), "seed: no Telegram promo");
    ok(!body_contains(a, "PTI"), "seed: credit not in the body");
    ok(!body_contains(a, "|"), "seed: caption separator not in the body");
    artconv_article_free(a);
done:
    artconv_buf_dispose(&in);
}

static void test_wrapping(void)
{
    /* Wrapped at 40: each line end is a soft wrap, since the next word
     * would not have fitted.  The address lines are short: hard breaks. */
    artconv_article *a = read_s("The council met on Tuesday to discuss the\n"
                                "budget, which has been delayed twice this\n"
                                "year because of the rising cost of energy\n"
                                "and the new pay deal.\n"
                                "\n"
                                "Letters go to:\n"
                                "Town Hall\n"
                                "Market Square\n");

    is_block_text(a, 0,
                  "The council met on Tuesday to discuss the budget, which has been delayed "
                  "twice this year because of the rising cost of energy and the new pay deal.",
                  "wrap: soft wraps joined with spaces");
    is_block_text(a, 1, "Letters go to:\nTown Hall\nMarket Square", "wrap: short lines are breaks");
    is_int(count_kind(block(a, 1), ARTCONV_NODE_LINEBREAK), 2, "wrap: two LINEBREAK nodes");
    artconv_article_free(a);

    a = read_s("One line ends in a backslash\\\nso the break is kept.\n");
    is_block_text(a, 0, "One line ends in a backslash\nso the break is kept.",
                  "wrap: a trailing backslash marks a hard break");
    artconv_article_free(a);

    /* Wide characters are joined without a space. */
    a = read_s("\xE9\x95\xBF\xE6\xA1\xA5\xE9\x87\x8D\xE6\x96\xB0\xE5\xBC\x80\n"
               "\xE6\x94\xBE\xE3\x80\x82 And more text to make the first line wrap, surely.\n");
    is_block_text(a, 0,
                  "\xE9\x95\xBF\xE6\xA1\xA5\xE9\x87\x8D\xE6\x96\xB0\xE5\xBC\x80\xE6\x94\xBE\xE3\x80"
                  "\x82 And more text to make the first line wrap, surely.",
                  "wrap: CJK lines join without a space");
    artconv_article_free(a);
}

static void test_line_ends(void)
{
    const char crlf[] = "\xEF\xBB\xBFHeadline here\r\n\r\nFirst paragraph.\r\n   \r\n"
                        "Second\tparagraph.\r\n";
    const char cr[] = "Headline here\r\rFirst paragraph.\r \t \rSecond paragraph.\r";
    artconv_article *a = read_s(crlf);

    is_str(artconv_article_get(a, ARTCONV_META_TITLE), "Headline here", "crlf+bom: title");
    is_int(count_children(artconv_article_body(a)), 2, "crlf: blank line with spaces separates");
    is_block_text(a, 1, "Second  paragraph.", "crlf: tab expanded to the next stop");
    artconv_article_free(a);
    a = read_s(cr);
    is_str(artconv_article_get(a, ARTCONV_META_TITLE), "Headline here", "cr: title");
    is_int(count_children(artconv_article_body(a)), 2, "cr: two paragraphs");
    is_block_text(a, 0, "First paragraph.", "cr: first paragraph");
    artconv_article_free(a);
}

static void authors_are(const char *input, const char *const *names, size_t n, const char *what)
{
    artconv_article *a = read_s(input);
    size_t i;
    int same = a != NULL && artconv_article_list_count(a, ARTCONV_LIST_AUTHORS) == n;

    for (i = 0; same && i < n; i++)
        same = strcmp(artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, i), names[i]) == 0;
    if (!ok(same, what) && a != NULL)
        for (i = 0; i < artconv_article_list_count(a, ARTCONV_LIST_AUTHORS); i++)
            printf("#   author: '%s'\n", artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, i));
    if (a != NULL)
        ok(!body_contains(a, "By ") && !body_contains(a, "by "), "byline not left in the body");
    artconv_article_free(a);
}

static void test_bylines(void)
{
    static const char *const one[] = {"Jane Doe"};
    static const char *const two[] = {"Jane Doe", "Raj Patel"};
    static const char *const three[] = {"Jane Doe", "Raj Patel", "Li Wei"};
    artconv_article *a;

    authors_are("Headline\n\nBy Jane Doe\n\nBody text here.\n", one, 1, "byline: one");
    authors_are("Headline\n\nBy Jane Doe and Raj Patel\n\nBody text.\n", two, 2, "byline: two");
    authors_are("Headline\n\nBy Jane Doe, Raj Patel and Li Wei\n\nBody.\n", three, 3,
                "byline: three");
    authors_are("Headline\n\nWritten by Jane Doe\n\nBody.\n", one, 1, "byline: written by");
    a = read_s("Headline\n\nBy Jane Doe | Reuters\n\nBody.\n");
    is_str(artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, 0), "Jane Doe", "byline: | agency");
    is_str(artconv_article_get(a, ARTCONV_META_CREDIT), "Reuters", "byline: agency as credit");
    artconv_article_free(a);
    /* Not a byline: lower-case words, in the story. */
    a = read_s("Headline\n\nBy the river, the town waited for news of the flood.\n");
    is_int(artconv_article_list_count(a, ARTCONV_LIST_AUTHORS), 0, "byline: prose is not one");
    artconv_article_free(a);
}

static void test_datelines(void)
{
    artconv_article *a = read_s("Headline\n\nNEW DELHI, March 2 (Reuters) - India said on "
                                "Thursday that talks would go on.\n");

    is_str(artconv_article_get(a, ARTCONV_META_DATELINE), "NEW DELHI", "dateline: place");
    is_str(artconv_article_get(a, ARTCONV_META_CREDIT), "Reuters", "dateline: agency as credit");
    is_block_text(a, 0, "India said on Thursday that talks would go on.",
                  "dateline: prefix removed");
    artconv_article_free(a);
    a = read_s("Headline\n\nLONDON (AP) \xE2\x80\x94 Rain stopped play at Lord's.\n");
    is_str(artconv_article_get(a, ARTCONV_META_DATELINE), "LONDON", "dateline: AP, em dash");
    is_str(artconv_article_get(a, ARTCONV_META_CREDIT), "AP", "dateline: AP credit");
    is_block_text(a, 0, "Rain stopped play at Lord's.", "dateline: AP text");
    artconv_article_free(a);
    a = read_s("Headline\n\nPARIS, 2 March 2024 (AFP) \xE2\x80\x93 Museums reopened.\n");
    is_str(artconv_article_get(a, ARTCONV_META_DATELINE), "PARIS", "dateline: AFP");
    is_str(artconv_article_get(a, ARTCONV_META_DATE), "2024-03-02", "dateline: its date used");
    is_block_text(a, 0, "Museums reopened.", "dateline: AFP text");
    artconv_article_free(a);
    a = read_s("Headline\n\nThe US - and its allies - agreed.\n");
    ok(artconv_article_get(a, ARTCONV_META_DATELINE) == NULL, "dateline: none in plain prose");
    artconv_article_free(a);
}

/* The byline and dateline rules the text reader shares with the HTML and
 * NewsML readers (formats/shared/news.c, dateline.c): those it lacked
 * before they were one rule, each with a case that main's text reader got
 * wrong. */
static void test_shared_news_rules(void)
{
    static const struct {
        const char *input, *authors, *credit, *dateline, *date, *first, *what;
    } cases[] = {
        {"By: Jane Doe\n\nBody text.", "Jane Doe", NULL, NULL, NULL, "Body text.",
         "byline: \"By:\" opens one"},
        {"Par Jean Dupont et Marie Curie\n\nLe texte.", "Jean Dupont; Marie Curie", NULL, NULL,
         NULL, "Le texte.", "byline: French \"Par\", joined by \"et\""},
        {"Por Ana G\xC3\xB3mez y Luis P\xC3\xA9rez\n\nEl texto.", "Ana G\xC3\xB3mez; Luis P\xC3\xA9rez",
         NULL, NULL, NULL, "El texto.", "byline: Spanish \"Por\", joined by \"y\""},
        {"Von Hans M\xC3\xBCller und Eva Schmidt\n\nDer Text.", "Hans M\xC3\xBCller; Eva Schmidt",
         NULL, NULL, NULL, "Der Text.", "byline: German \"Von\", joined by \"und\""},
        {"By Jane Doe / Raj Patel\n\nBody text.", "Jane Doe; Raj Patel", NULL, NULL, NULL,
         "Body text.", "byline: a slash separates names"},
        {"By Jane Doe.\n\nBody text.", "Jane Doe", NULL, NULL, NULL, "Body text.",
         "byline: a closing full stop is no part of the name"},
        {"By Brenda Goodman, MA\n\nBody text.", "Brenda Goodman", NULL, NULL, NULL, "Body text.",
         "byline: a degree after the name is dropped"},
        {"By Jane Doe, Reuters\n\nBody text.", "Jane Doe", "Reuters", NULL, NULL, "Body text.",
         "byline: an agency beside a person is the credit"},
        {"By JANE DOE AND RAJ PATEL\n\nBody text.", "JANE DOE; RAJ PATEL", NULL, NULL, NULL,
         "Body text.", "byline: AND in capitals joins names"},
        {"NEW DELHI: The government on Monday announced a new plan.", "", NULL, "NEW DELHI", NULL,
         "The government on Monday announced a new plan.",
         "dateline: a colon right after the capitals"},
        {"SEOUL, South Korea \xE2\x80\x93 A plan to impeach the president failed.", "", NULL,
         "SEOUL, South Korea", NULL, "A plan to impeach the president failed.",
         "dateline: the region belongs to the place"},
        {"UPDATE \xE2\x80\x94 The bridge will reopen a week earlier.", "", NULL, NULL, NULL,
         "UPDATE \xE2\x80\x94 The bridge will reopen a week earlier.",
         "dateline: a label in capitals is no place"},
        {"NASA \xE2\x80\x94 the agency, not the place \xE2\x80\x94 said the launch would go on.",
         "", NULL, NULL, NULL,
         "NASA \xE2\x80\x94 the agency, not the place \xE2\x80\x94 said the launch would go on.",
         "dateline: no dateline when the sentence after it starts in lower case"},
        {"PARIS - Yes.", "", NULL, NULL, NULL, "PARIS - Yes.",
         "dateline: one word after the dash is no story"},
        {"BERLIN, March 3, 2024 (dpa) - Die Regierung hat beschlossen.", "", "dpa", "BERLIN",
         "2024-03-03", "Die Regierung hat beschlossen.",
         "dateline: a date with commas in it, and a lower-case agency"},
    };
    size_t i, k;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char input[512], authors[256] = "";
        artconv_article *a;

        snprintf(input, sizeof input, "Headline\n\n%s\n", cases[i].input);
        a = read_s(input);
        if (!ok(a != NULL, cases[i].what))
            continue;
        for (k = 0; k < artconv_article_list_count(a, ARTCONV_LIST_AUTHORS); k++)
            snprintf(authors + strlen(authors), sizeof authors - strlen(authors), "%s%s",
                     k > 0 ? "; " : "", artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, k));
        is_str(authors, cases[i].authors, cases[i].what);
        is_str(artconv_article_get(a, ARTCONV_META_CREDIT), cases[i].credit, cases[i].what);
        is_str(artconv_article_get(a, ARTCONV_META_DATELINE), cases[i].dateline, cases[i].what);
        is_str(artconv_article_get(a, ARTCONV_META_DATE), cases[i].date, cases[i].what);
        is_block_text(a, 0, cases[i].first, cases[i].what);
        artconv_article_free(a);
    }
}

static void date_is(const char *line, artconv_meta field, const char *want, const char *what)
{
    char input[512];
    artconv_article *a;

    snprintf(input, sizeof input, "Headline\n\n%s\n\nBody text.\n", line);
    a = read_s(input);
    is_str(a ? artconv_article_get(a, field) : NULL, want, what);
    artconv_article_free(a);
}

static void test_dates(void)
{
    date_is("Published: 2 March 2024", ARTCONV_META_DATE, "2024-03-02", "date: day month year");
    date_is("Updated: Mar 02, 2023, 14:05 IST", ARTCONV_META_MODIFIED, "2023-03-02T14:05:00+05:30",
            "date: updated, IST");
    date_is("2024-03-02T09:30:00Z", ARTCONV_META_DATE, "2024-03-02T09:30:00Z", "date: ISO");
    date_is("Published on March 2, 2024 at 9:30 pm EST", ARTCONV_META_DATE,
            "2024-03-02T21:30:00-05:00", "date: 12-hour clock, EST");
    date_is("Posted: Sat, 02 Mar 2024 09:30:00 +0100", ARTCONV_META_DATE,
            "2024-03-02T09:30:00+01:00", "date: RFC 822");
    date_is("Published: 29 Feb 2024 18:00 GMT", ARTCONV_META_DATE, "2024-02-29T18:00:00Z",
            "date: leap day, GMT");
    date_is("Published: 29 Feb 2023", ARTCONV_META_DATE, NULL, "date: no 29 February 2023");
    date_is("Published: 2 Marchember 2024", ARTCONV_META_DATE, NULL, "date: garbage month");
    date_is("Published: 2 March 2024 25:00", ARTCONV_META_DATE, NULL, "date: hour 25");
    date_is("Published: 2 March 2024, 13:00 PM", ARTCONV_META_DATE, NULL, "date: 13 PM");
}

static void test_headings(void)
{
    artconv_article *a = read_s("The title\n=========\n\nIntro paragraph.\n\nA section\n"
                                "---------\n\nText.\n\n### Third level ###\n\nMore.\n");
    artconv_node *h;

    is_str(artconv_article_get(a, ARTCONV_META_TITLE), "The title", "heading: setext title");
    h = block(a, 1);
    is_int(artconv_node_get_kind(h), ARTCONV_NODE_HEADING, "heading: setext ---");
    is_int(artconv_node_get_level(h), 2, "heading: level 2");
    h = block(a, 3);
    is_int(artconv_node_get_kind(h), ARTCONV_NODE_HEADING, "heading: #");
    is_int(artconv_node_get_level(h), 3, "heading: level 3");
    is_block_text(a, 3, "Third level", "heading: closing #s dropped");
    artconv_article_free(a);
}

static void test_lists(void)
{
    artconv_article *a = read_s("Intro.\n\n"
                                "- apples\n"
                                "- pears, which\n"
                                "  ripen late\n"
                                "  1. conference\n"
                                "  2) comice\n"
                                "* plums\n"
                                "\n"
                                "\xE2\x80\xA2 loose one\n"
                                "\n"
                                "\xE2\x80\xA2 loose two\n");
    artconv_node *list = block(a, 1), *item, *sub;

    is_int(artconv_node_get_kind(list), ARTCONV_NODE_LIST, "list: found");
    is_int(artconv_node_get_list_ordered(list), 0, "list: bullets");
    item = artconv_node_first_child(list);
    sub = artconv_node_next(item);
    is_block_text(a, 1, "applespears, which ripen lateconferencecomiceplumsloose oneloose two",
                  "list: all items, continuation joined");
    sub = artconv_node_last_child(sub);
    is_int(artconv_node_get_kind(sub), ARTCONV_NODE_LIST, "list: nested by indentation");
    is_int(artconv_node_get_list_ordered(sub), 1, "list: nested is ordered");
    is_int(count_children(sub), 2, "list: nested has two items");
    is_int(count_children(list), 5, "list: bullets of any kind continue the list");
    is_int(artconv_node_get_list_tight(list), 0, "list: blank lines make it loose");
    artconv_article_free(a);
    a = read_s("Intro.\n\n3. three\n4. four\n");
    list = block(a, 1);
    is_int(artconv_node_get_list_start(list), 3, "list: ordered start");
    is_int(artconv_node_get_list_tight(list), 1, "list: tight");
    artconv_article_free(a);
}

static void test_quotes_code(void)
{
    artconv_article *a = read_s("Intro.\n\n> We will rebuild it,\n> stronger than before.\n"
                                "> -- Mayor Ann Lee\n\n    int x = 1;\n\n    return x;\n\n"
                                "* * *\n\nEnd.\n");
    artconv_node *q = block(a, 1), *last;

    is_int(artconv_node_get_kind(q), ARTCONV_NODE_BLOCKQUOTE, "quote: found");
    last = artconv_node_last_child(q);
    is_int(artconv_node_get_kind(last), ARTCONV_NODE_ATTRIBUTION, "quote: attribution");
    {
        char *s = plain(last);

        is_str(s, "Mayor Ann Lee", "quote: attribution text");
        free(s);
        s = plain(artconv_node_first_child(q));
        is_str(s, "We will rebuild it, stronger than before.", "quote: text");
        free(s);
    }
    is_int(artconv_node_get_kind(block(a, 2)), ARTCONV_NODE_CODE_BLOCK, "code: indented");
    is_str(artconv_node_get_literal(block(a, 2)), "int x = 1;\n\nreturn x;\n",
           "code: literal with its blank line");
    is_int(artconv_node_get_kind(block(a, 3)), ARTCONV_NODE_THEMATIC_BREAK, "thematic break");
    artconv_article_free(a);
    a = read_s("Intro.\n\n> Short and sweet.\n>\n> \xE2\x80\x94 A. Reader\n");
    last = artconv_node_last_child(block(a, 1));
    is_int(artconv_node_get_kind(last), ARTCONV_NODE_ATTRIBUTION, "quote: em-dash attribution");
    artconv_article_free(a);
}

static void test_boilerplate(void)
{
    artconv_article *a = read_s("Advertisement\n\nHeadline of the day\n\nFollow us on Facebook "
                                "and X\n\nThe story itself, which is long enough and ends.\n\n"
                                "Also read: another story\n\nSubscribe to our newsletter for "
                                "more\n\nShare this article\n");

    is_str(artconv_article_get(a, ARTCONV_META_TITLE), "Headline of the day",
           "boilerplate: title after an advert");
    is_int(count_children(artconv_article_body(a)), 1, "boilerplate: only the story remains");
    artconv_article_free(a);
}

static void test_figures_refs(void)
{
    artconv_article *a = read_s("Intro paragraph.\n\n[Image][1] A crane lifts the deck | Jo Bloggs"
                                "\n\nSee [the report][2] and [Image: a map][1].\n\n"
                                "[1]: images/crane.jpg\n[2]: https://example.org/r\n");
    artconv_node *fig = block(a, 1), *p = block(a, 2), *link;

    is_int(artconv_node_get_kind(fig), ARTCONV_NODE_FIGURE, "figure: [Image] mark");
    is_str(artconv_node_get_url(fig), "images/crane.jpg", "figure: url from the reference");
    is_str(artconv_node_get_credit(fig), "Jo Bloggs", "figure: credit");
    link = artconv_node_next(artconv_node_first_child(p));
    is_int(artconv_node_get_kind(link), ARTCONV_NODE_LINK, "reference link");
    is_str(artconv_node_get_url(link), "https://example.org/r", "reference link url");
    link = artconv_node_next(artconv_node_next(link));
    is_int(artconv_node_get_kind(link), ARTCONV_NODE_IMAGE, "reference image");
    is_str(artconv_node_get_alt(link), "a map", "reference image alt");
    is_int(count_children(artconv_article_body(a)), 3, "references are not blocks");
    artconv_article_free(a);
}

static void test_encoding(void)
{
    const char cp[] = "Headline\n\nThe caf\xE9 owner said \x93hello\x94 to us.\n";
    const char nul[] = "Headline\n\nHello\0World and more.\n";
    artconv_read_options opts;
    artconv_read_options_init(&opts);
    warnings ws = {0, 0};
    artconv_error err;
    artconv_article *a;

    opts.warning = on_warning;
    opts.payload = &ws;
    a = read_n(cp, sizeof cp - 1, &opts, &err);
    ok(a != NULL, "cp1252: read");
    is_block_text(a, 0, "The caf\xC3\xA9 owner said \xE2\x80\x9Chello\xE2\x80\x9D to us.",
                  "cp1252: decoded");
    is_int(ws.count, 1, "cp1252: one warning");
    is_int(ws.line, 3, "cp1252: warning names the line");
    artconv_article_free(a);

    opts.strict = 1;
    a = read_n(cp, sizeof cp - 1, &opts, &err);
    ok(a == NULL, "cp1252 strict: refused");
    is_int(err.code, ARTCONV_EPARSE, "cp1252 strict: EPARSE");
    is_int(err.line, 3, "cp1252 strict: line");
    is_int(err.column, 8, "cp1252 strict: column");
    is_int((long long)err.offset, 17, "cp1252 strict: offset");

    a = read_n(nul, sizeof nul - 1, &opts, &err);
    ok(a == NULL && err.code == ARTCONV_EPARSE && err.line == 3 && err.column == 6,
       "NUL strict: EPARSE at 3:6");
    opts.strict = 0;
    ws.count = 0;
    a = read_n(nul, sizeof nul - 1, &opts, &err);
    is_block_text(a, 0, "Hello\xEF\xBF\xBDWorld and more.", "NUL: replaced by U+FFFD");
    is_int(ws.count, 1, "NUL: warned");
    artconv_article_free(a);
}

static void test_bad_input(void)
{
    artconv_error err;
    artconv_article *a;
    char *big;
    size_t i, n;
    unsigned seed = 12345;
    int rc;

    a = read_n("", 0, NULL, &err);
    ok(a != NULL, "empty input: an empty article");
    if (a != NULL) {
        ok(artconv_node_first_child(artconv_article_body(a)) == NULL, "empty input: no body");
        ok(artconv_article_get(a, ARTCONV_META_TITLE) == NULL, "empty input: no title");
    }
    artconv_article_free(a);

    /* Binary garbage: any result is fine as long as it is a valid article. */
    n = 1 << 16;
    big = malloc(n);
    for (i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        big[i] = (char)(seed >> 16);
    }
    a = read_n(big, n, NULL, &err);
    ok(a != NULL, "binary garbage: read (as Windows-1252)");
    artconv_article_free(a);
    free(big);

    /* One 8 MB line. */
    n = 8u << 20;
    big = malloc(n);
    for (i = 0; i < n; i++)
        big[i] = i % 7 == 6 ? ' ' : 'a';
    a = read_n(big, n, NULL, &err);
    ok(a != NULL, "8 MB line: read");
    if (a != NULL) {
        is_int(count_children(artconv_article_body(a)), 1, "8 MB line: one paragraph");
        ok(strlen(artconv_node_get_literal(artconv_node_first_child(block(a, 0)))) == n,
           "8 MB line: all its text");
    }
    artconv_article_free(a);

    /* Brackets that never close must not make link scanning quadratic. */
    memset(big, '[', n);
    a = read_n(big, n, NULL, &err);
    ok(a != NULL, "8 MB of '[': read");
    artconv_article_free(a);
    free(big);

    /* 10,000 paragraphs. */
    {
        artconv_buf b = ARTCONV_BUF_INIT;

        for (i = 0; i < 10000; i++) {
            char line[64];

            snprintf(line, sizeof line, "Paragraph number %zu of the story.\n\n", i);
            artconv_buf_puts(&b, line);
        }
        a = read_n(b.ptr, b.len, NULL, &err);
        ok(a != NULL, "10,000 paragraphs: read");
        if (a != NULL)
            is_int(count_children(artconv_article_body(a)), 10000, "10,000 paragraphs: all");
        artconv_article_free(a);

        /* Quotes nested far too deep: refused with a position. */
        artconv_buf_clear(&b);
        for (i = 0; i < 1000; i++)
            artconv_buf_puts(&b, "> ");
        artconv_buf_puts(&b, "deep\n");
        a = NULL;
        rc = artconv_read(&a, text_format, b.ptr, b.len, NULL, &err);
        is_int(rc, ARTCONV_ELIMIT, "deep quotes: ELIMIT");
        is_int(err.line, 1, "deep quotes: line");
        ok(a == NULL, "deep quotes: no article");

        /* Deep, but allowed: lists nested 40 levels. */
        artconv_buf_clear(&b);
        for (i = 0; i < 40; i++) {
            size_t k;

            for (k = 0; k < i * 2; k++)
                artconv_buf_putc(&b, ' ');
            artconv_buf_puts(&b, "- level\n");
        }
        a = read_n(b.ptr, b.len, NULL, &err);
        ok(a != NULL && count_kind(artconv_article_body(a), ARTCONV_NODE_LIST) == 40,
           "40 nested lists: read");
        artconv_article_free(a);
        artconv_buf_dispose(&b);
    }
}

static void test_golden(void)
{
    const artconv_format *json = artconv_format_by_name("json");
    int n;

    if (!artconv_format_can_write(json)) {
        tap_skip("golden text -> json: no JSON writer");
        return;
    }
    n = golden_run("text-json", ".txt", text_format, ".json", json, NULL, NULL);
    ok(n >= 3, "golden text -> json: cases found");
}

/* Issue 14: the text reader decodes by the policy every reader shares
 * (formats/shared/decode.c), the HTML reader's. */
static void test_one_decoder(void)
{
    static const char stray[] = "Headline\n\nCaf\xC3\xA9 cr\xC3\xA8me \xFF ok.\n";
    static const char bom_stray[] = "\xEF\xBB\xBFHeadline\n\nCaf\xC3\xA9 \xFF ok.\n";
    static const char le[] = "\xFF\xFEH\0e\0a\0d\0\n\0\n\0c\0a\0f\0\xE9\0 \0o\0k\0.\0\n\0";
    static const char be[] = "\xFE\xFF\0H\0e\0a\0d\0\n\0\n\0c\0a\0f\0\xE9\0 \0o\0k\0.\0\n";
    static const char undefined[] = "Headline\n\nOne \x81 two.\n";
    artconv_read_options opts;
    artconv_read_options_init(&opts);
    warnings ws = {0, 0};
    artconv_error err;
    artconv_article *a;

    opts.warning = on_warning;
    opts.payload = &ws;
    /* Mostly UTF-8 with one stray byte: UTF-8, the byte U+FFFD (it used to
     * turn the whole text into Windows-1252 mojibake). */
    a = read_n(stray, sizeof stray - 1, &opts, &err);
    ok(a != NULL && body_contains(a, "Caf\xC3\xA9 cr\xC3\xA8me \xEF\xBF\xBD ok."),
       "one decoder: UTF-8 with a stray byte stays UTF-8, the byte is U+FFFD");
    is_int(ws.count, 1, "... one warning");
    is_int(ws.line, 3, "... naming the line");
    artconv_article_free(a);
    ws.count = 0;
    a = read_n(bom_stray, sizeof bom_stray - 1, &opts, &err);
    ok(a != NULL && body_contains(a, "Caf\xC3\xA9 \xEF\xBF\xBD ok."),
       "one decoder: a UTF-8 BOM means UTF-8, stray bytes U+FFFD");
    artconv_article_free(a);
    a = read_n(le, sizeof le - 1, NULL, &err);
    ok(a != NULL && body_contains(a, "caf\xC3\xA9 ok."), "one decoder: UTF-16LE BOM");
    artconv_article_free(a);
    a = read_n(be, sizeof be - 1, NULL, &err);
    ok(a != NULL && body_contains(a, "caf\xC3\xA9 ok."), "one decoder: UTF-16BE BOM");
    artconv_article_free(a);
    /* A byte Windows-1252 leaves undefined: U+FFFD, two warnings. */
    ws.count = 0;
    a = read_n(undefined, sizeof undefined - 1, &opts, &err);
    ok(a != NULL && body_contains(a, "One \xEF\xBF\xBD two."),
       "one decoder: a byte Windows-1252 leaves undefined is U+FFFD");
    is_int(ws.count, 2, "... warned: not UTF-8, and replaced");
    artconv_article_free(a);
    opts.strict = 1;
    a = read_n(stray, sizeof stray - 1, &opts, &err);
    ok(a == NULL && err.code == ARTCONV_EPARSE && err.line == 3 && err.column == 12 &&
           err.offset == 23,
       "one decoder: a stray byte under strict: EPARSE at 3:12, offset 23");
}

int main(void)
{
    text_format = artconv_format_by_name("text");
    test_seed();
    test_wrapping();
    test_line_ends();
    test_bylines();
    test_datelines();
    test_shared_news_rules();
    test_dates();
    test_headings();
    test_lists();
    test_quotes_code();
    test_boilerplate();
    test_figures_refs();
    test_encoding();
    test_bad_input();
    test_one_decoder();
    test_golden();
    return tap_done();
}
