/*
 * newsml_news.c - the news metadata through the NewsML-G2 reader and
 * writer: on IPTC's examples and the project's samples, NewsML -> model ->
 * NewsML keeps every subject, genre, urgency, edNote, signal, service,
 * audience, contributor, located, status, embargo and timestamp, and the
 * item stays valid against the 2.35 schema; then the reader's rules
 * (byline before creator, versionCreated as the date, several items, a
 * body of another vocabulary).
 */
#include "artconv.h"
#include "tap.h"
#include "testutil.h"

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define NAR "xmlns=\"http://iptc.org/std/nar/2006-10-01/\""

static const artconv_format *newsml;
static xmlSchemaPtr schema;

static void load_schema(void)
{
    char path[4096];
    xmlSchemaParserCtxtPtr pctxt;
    FILE *fp;

    if (test_shared_dir() == NULL)
        return;
    snprintf(path, sizeof path, "%s/specs/newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd",
             test_shared_dir());
    if ((fp = fopen(path, "rb")) == NULL)
        return;
    fclose(fp);
    if ((pctxt = xmlSchemaNewParserCtxt(path)) == NULL)
        return;
    schema = xmlSchemaParse(pctxt);
    xmlSchemaFreeParserCtxt(pctxt);
}

static int schema_valid(xmlDocPtr doc)
{
    xmlSchemaValidCtxtPtr v = xmlSchemaNewValidCtxt(schema);
    int rc;

    if (v == NULL)
        return 0;
    rc = xmlSchemaValidateDoc(v, doc);
    xmlSchemaFreeValidCtxt(v);
    return rc == 0;
}

static xmlDocPtr parse(const char *xml, size_t len)
{
    return xmlReadMemory(xml, (int)len, "item.xml", NULL,
                         XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
}

/* The number of nodes `path` finds in the item (prefix n: is NewsML). */
static int count(xmlDocPtr doc, const char *path)
{
    xmlXPathContextPtr x = xmlXPathNewContext(doc);
    xmlXPathObjectPtr r;
    int n;

    xmlXPathRegisterNs(x, BAD_CAST "n", BAD_CAST "http://iptc.org/std/nar/2006-10-01/");
    r = xmlXPathEvalExpression(BAD_CAST path, x);
    n = r != NULL && r->nodesetval != NULL ? r->nodesetval->nodeNr : 0;
    xmlXPathFreeObject(r);
    xmlXPathFreeContext(x);
    return n;
}

static int write_item(artconv_buf *out, const artconv_article *a)
{
    artconv_write_options opts;
    artconv_error err;
    int rc;

    artconv_write_options_init(&opts);
    opts.timestamp = -1; /* versionCreated from the article, not the clock */
    rc = artconv_write(out, newsml, a, &opts, &err);
    if (rc < 0)
        printf("# writing: %s\n", err.message);
    return rc;
}

static int read_item(artconv_article **out, const char *xml, size_t len)
{
    artconv_error err;
    int rc = artconv_read(out, newsml, xml, len, NULL, &err);

    if (rc < 0)
        printf("# reading: %s\n", err.message);
    return rc;
}

/* 1 if both articles hold the same metadata: every field, list and concept. */
static int same_meta(const artconv_article *a, const artconv_article *b, const char *what)
{
    int i, same = 1;
    size_t j;

    for (i = 0; i < ARTCONV_META_COUNT; i++) {
        const char *x = artconv_article_get(a, (artconv_meta)i);
        const char *y = artconv_article_get(b, (artconv_meta)i);

        if ((x == NULL) != (y == NULL) || (x != NULL && strcmp(x, y) != 0)) {
            printf("# %s: %s '%s' became '%s'\n", what, artconv_meta_name((artconv_meta)i),
                   x ? x : "(unset)", y ? y : "(unset)");
            same = 0;
        }
    }
    for (i = 0; i < ARTCONV_LIST_COUNT; i++) {
        size_t n = artconv_article_list_count(a, (artconv_meta_list)i);

        if (n != artconv_article_list_count(b, (artconv_meta_list)i)) {
            printf("# %s: %s count differs\n", what, artconv_meta_list_name((artconv_meta_list)i));
            same = 0;
            continue;
        }
        for (j = 0; j < n; j++)
            if (strcmp(artconv_article_list_get(a, (artconv_meta_list)i, j),
                       artconv_article_list_get(b, (artconv_meta_list)i, j)) != 0)
                same = 0;
    }
    for (i = 0; i < ARTCONV_CONCEPT_COUNT; i++) {
        size_t n = artconv_article_concept_count(a, (artconv_concept_list)i);

        if (n != artconv_article_concept_count(b, (artconv_concept_list)i)) {
            printf("# %s: %zu %s became %zu\n", what, n,
                   artconv_concept_list_name((artconv_concept_list)i),
                   artconv_article_concept_count(b, (artconv_concept_list)i));
            same = 0;
            continue;
        }
        for (j = 0; j < n; j++) {
            artconv_concept x, y;
            const char *const *fx = &x.code, *const *fy = &y.code;
            int k;

            artconv_article_concept_get(&x, a, (artconv_concept_list)i, j);
            artconv_article_concept_get(&y, b, (artconv_concept_list)i, j);
            for (k = 0; k < 4; k++)
                if ((fx[k] == NULL) != (fy[k] == NULL) ||
                    (fx[k] != NULL && strcmp(fx[k], fy[k]) != 0)) {
                    printf("# %s: %s %zu field %d '%s' became '%s'\n", what,
                           artconv_concept_list_name((artconv_concept_list)i), j, k,
                           fx[k] ? fx[k] : "(unset)", fy[k] ? fy[k] : "(unset)");
                    same = 0;
                }
        }
    }
    return same;
}

/* The article through Markdown (front matter) and back has the same metadata. */
static int via_markdown(const artconv_article *a, const char *name)
{
    artconv_buf md = ARTCONV_BUF_INIT;
    artconv_article *b = NULL;
    artconv_write_options opts;
    artconv_error err;
    int same = 0;

    artconv_write_options_init(&opts);
    opts.ignore_status = 1;
    if (artconv_write(&md, artconv_format_by_name("markdown"), a, &opts, &err) == 0 &&
        artconv_read(&b, artconv_format_by_name("markdown"), md.ptr, md.len, NULL, &err) == 0)
        same = same_meta(a, b, name);
    else
        printf("# %s\n", err.message);
    artconv_article_free(b);
    artconv_buf_dispose(&md);
    return same;
}

/* The elements whose every occurrence must survive NewsML -> NewsML. */
static const char *const kept[] = {
    "/n:newsItem/n:itemMeta/n:versionCreated",
    "/n:newsItem/n:itemMeta/n:firstCreated",
    "/n:newsItem/n:itemMeta/n:embargoed",
    "/n:newsItem/n:itemMeta/n:pubStatus",
    "/n:newsItem/n:itemMeta/n:service",
    "/n:newsItem/n:itemMeta/n:edNote",
    "/n:newsItem/n:itemMeta/n:signal",
    "/n:newsItem/n:contentMeta/n:urgency",
    "/n:newsItem/n:contentMeta/n:contentCreated",
    "/n:newsItem/n:contentMeta/n:contentModified",
    "/n:newsItem/n:contentMeta/n:located",
    "/n:newsItem/n:contentMeta/n:contributor",
    "/n:newsItem/n:contentMeta/n:audience",
    "/n:newsItem/n:contentMeta/n:genre",
    "/n:newsItem/n:contentMeta/n:subject",
    "/n:newsItem/n:contentMeta/n:headline",
};

static void round_trip_file(const char *name)
{
    char path[4096], what[600];
    artconv_buf in = ARTCONV_BUF_INIT, out = ARTCONV_BUF_INIT, again = ARTCONV_BUF_INIT;
    artconv_article *a = NULL, *b = NULL;
    xmlDocPtr src = NULL, dst = NULL;
    size_t i;

    snprintf(path, sizeof path, "%s/specs/newsml-g2/%s", test_shared_dir(), name);
    snprintf(what, sizeof what, "%s: NewsML -> model -> NewsML -> model keeps the metadata", name);
    if (test_read_file(path, &in) < 0 || read_item(&a, in.ptr, in.len) < 0 ||
        write_item(&out, a) < 0 || read_item(&b, out.ptr, out.len) < 0) {
        ok(0, what);
        goto done;
    }
    ok(same_meta(a, b, name), what);
    /* The project reads JSON's "meta" shape back only as YAML front matter:
     * the same keys, the same concept objects. */
    snprintf(what, sizeof what, "%s: NewsML -> Markdown front matter -> model keeps the metadata",
             name);
    ok(via_markdown(a, name), what);
    snprintf(what, sizeof what, "%s: the item written back is written again unchanged", name);
    ok(write_item(&again, b) == 0 && again.len == out.len &&
           memcmp(again.ptr, out.ptr, out.len) == 0,
       what);
    src = parse(in.ptr, in.len);
    dst = parse(out.ptr, out.len);
    if (schema != NULL) {
        snprintf(what, sizeof what, "%s: the item written is schema-valid", name);
        ok(dst != NULL && schema_valid(dst), what);
    }
    for (i = 0; src != NULL && dst != NULL && i < sizeof kept / sizeof kept[0]; i++) {
        int before = count(src, kept[i]), after = count(dst, kept[i]);

        /* Our writer always states pubStatus and versionCreated. */
        if (before == 0)
            continue;
        snprintf(what, sizeof what, "%s: %d of %d %s kept", name, after, before,
                 strrchr(kept[i], ':') + 1);
        is_int(after, before, what);
    }
done:
    xmlFreeDoc(src);
    xmlFreeDoc(dst);
    artconv_article_free(a);
    artconv_article_free(b);
    artconv_buf_dispose(&in);
    artconv_buf_dispose(&out);
    artconv_buf_dispose(&again);
}

static void test_examples(void)
{
    static const char *const files[] = {
        "examples/LISTING_1_A_NewsML-G2_News_Item.xml",
        "examples/LISTING_2_NewsML-G2_Text_Document.xml",
        "examples/LISTING_22_Sports_story_in_NewsML-G2NITF.xml",
        "samples/text-article-xhtml.xml",
    };
    size_t i;

    for (i = 0; i < sizeof files / sizeof files[0]; i++)
        round_trip_file(files[i]);
}

/* What LISTING_1 says, field by field. */
static void test_listing_1(void)
{
    char path[4096];
    artconv_buf in = ARTCONV_BUF_INIT;
    artconv_article *a = NULL;
    artconv_concept c;

    snprintf(path, sizeof path, "%s/specs/newsml-g2/examples/LISTING_1_A_NewsML-G2_News_Item.xml",
             test_shared_dir());
    if (test_read_file(path, &in) < 0 || read_item(&a, in.ptr, in.len) < 0) {
        ok(0, "LISTING_1 reads");
        artconv_buf_dispose(&in);
        return;
    }
    is_str(artconv_article_get(a, ARTCONV_META_VERSIONCREATED), "2018-10-21T16:25:32-05:00",
           "LISTING_1: versionCreated");
    is_str(artconv_article_get(a, ARTCONV_META_FIRSTCREATED), "2016-10-18T13:12:21-05:00",
           "LISTING_1: firstCreated");
    ok(artconv_article_get(a, ARTCONV_META_CONTENTCREATED) == NULL,
       "LISTING_1: contentCreated is the date, not kept twice");
    is_int(artconv_article_list_count(a, ARTCONV_LIST_EDNOTES), 1, "LISTING_1: one edNote");
    ok(strncmp(artconv_article_list_get(a, ARTCONV_LIST_EDNOTES, 0), "Note to editors:", 16) == 0,
       "LISTING_1: the edNote's text");
    artconv_article_concept_get(&c, a, ARTCONV_CONCEPT_SERVICES, 0);
    ok(c.code != NULL && strcmp(c.code, "svc:uknews") == 0 && c.name != NULL &&
           strcmp(c.name, "UK News Service") == 0,
       "LISTING_1: the service, code and name");
    artconv_article_concept_get(&c, a, ARTCONV_CONCEPT_SIGNALS, 0);
    is_str(c.code, "sig:update", "LISTING_1: the signal");
    artconv_article_concept_get(&c, a, ARTCONV_CONCEPT_GENRES, 0);
    is_str(c.code, "genre:interview", "LISTING_1: the genre");
    is_int(artconv_article_concept_count(a, ARTCONV_CONCEPT_SUBJECTS), 2,
           "LISTING_1: two subjects");
    artconv_article_concept_get(&c, a, ARTCONV_CONCEPT_SUBJECTS, 1);
    is_str(c.code, "medtop:20000523", "LISTING_1: the second subject's QCode");
    is_str(c.name, "labour market", "LISTING_1: its first name");
    artconv_article_concept_get(&c, a, ARTCONV_CONCEPT_LOCATED, 0);
    ok(c.code != NULL && strcmp(c.code, "geo:345678") == 0 && c.name != NULL &&
           strcmp(c.name, "Berlin") == 0,
       "LISTING_1: located, code and name");
    ok(artconv_article_list_count(a, ARTCONV_LIST_KEYWORDS) == 0,
       "LISTING_1: subjects are not flattened into keywords");
    artconv_article_free(a);
    artconv_buf_dispose(&in);
}

static int warnings;
static char last_warning[256];

static void on_warning(const artconv_error *w, void *payload)
{
    (void)payload;
    warnings++;
    snprintf(last_warning, sizeof last_warning, "%s", w->message);
}

static artconv_article *read_with_warnings(const char *xml)
{
    artconv_read_options opts;
    artconv_article *a = NULL;
    artconv_error err;

    artconv_read_options_init(&opts);
    opts.warning = on_warning;
    warnings = 0;
    last_warning[0] = '\0';
    if (artconv_read(&a, newsml, xml, strlen(xml), &opts, &err) < 0)
        printf("# %s\n", err.message);
    return a;
}

static void test_reader_rules(void)
{
    static const char message[] =
        "<newsMessage " NAR "><header><sent>2024-01-01T00:00:00Z</sent></header><itemSet>"
        "<newsItem guid=\"a\" version=\"1\" standard=\"NewsML-G2\"><itemMeta>"
        "<itemClass qcode=\"ninat:text\"/><provider literal=\"x\"/>"
        "<versionCreated>2024-05-01T10:00:00+02:00</versionCreated></itemMeta><contentMeta>"
        "<creator qcode=\"dpacreator:1\"><name>dpa</name></creator>"
        "<creator qcode=\"dpacreator:2\"><name>Fotoredaktion</name></creator>"
        "<headline>H</headline><by>Von Annett Gehler, dpa</by></contentMeta><contentSet>"
        "<inlineXML contenttype=\"application/sportsml+xml\"><sports-content "
        "xmlns=\"http://iptc.org/std/SportsML/2008-04-01/\"><article>Berlin wins 2:1."
        "</article></sports-content></inlineXML></contentSet></newsItem>"
        "<newsItem guid=\"b\" version=\"1\" standard=\"NewsML-G2\"/></itemSet></newsMessage>";
    static const char bare[] =
        "<newsItem " NAR " guid=\"c\" version=\"1\" standard=\"NewsML-G2\"><itemMeta>"
        "<itemClass qcode=\"ninat:text\"/><provider literal=\"x\"/>"
        "<versionCreated>2024-05-01T10:00:00</versionCreated></itemMeta><contentMeta>"
        "<contentCreated>2015</contentCreated><creator qcode=\"staff:7\"><name>Jane Roe</name>"
        "</creator><headline>H</headline></contentMeta></newsItem>";
    artconv_article *a = read_with_warnings(message), *b = NULL;
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_error err;
    artconv_concept c;

    ok(a != NULL, "a newsMessage of two items reads");
    ok(strstr(last_warning, "2 items") != NULL || warnings >= 2,
       "... with a warning that counts the items");
    is_str(artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, 0), "Annett Gehler",
           "the printed byline gives the author");
    is_int(artconv_article_list_count(a, ARTCONV_LIST_AUTHORS), 1, "... and no creator is one");
    artconv_article_concept_get(&c, a, ARTCONV_CONCEPT_CONTRIBUTORS, 0);
    is_str(c.name, "Fotoredaktion", "a creator the byline does not name is a contributor");
    is_int(artconv_article_concept_count(a, ARTCONV_CONCEPT_CONTRIBUTORS), 1,
           "... but not the agency the byline credits");
    is_str(artconv_article_get(a, ARTCONV_META_DATE), "2024-05-01T10:00:00+02:00",
           "versionCreated is the date when nothing else is");
    ok(artconv_node_first_child(artconv_article_body(a)) != NULL, "a SportsML body keeps its text");
    artconv_article_free(a);

    a = read_with_warnings(bare);
    is_str(artconv_article_list_get(a, ARTCONV_LIST_AUTHORS, 0), "Jane Roe",
           "without a byline the creator is the author, by name");
    is_str(artconv_article_get(a, ARTCONV_META_DATE), "2015", "a bare year is a date");
    if (a != NULL && write_item(&out, a) == 0) {
        ok(strstr(out.ptr, "<contentCreated>2015</contentCreated>") != NULL,
           "a bare year is written back as it is");
        ok(strstr(out.ptr, "<versionCreated>2024-05-01T10:00:00</versionCreated>") != NULL,
           "a time without a zone is not stamped UTC");
        if (schema != NULL) {
            xmlDocPtr doc = parse(out.ptr, out.len);

            ok(doc != NULL && schema_valid(doc), "... and the item is valid");
            xmlFreeDoc(doc);
        }
    }
    artconv_buf_dispose(&out);
    artconv_article_free(a);

    /* The writer's versionCreated for an undated article reads as no date. */
    a = artconv_article_new();
    artconv_article_set(a, ARTCONV_META_TITLE, "Undated", &err);
    if (write_item(&out, a) == 0 && read_item(&b, out.ptr, out.len) == 0) {
        ok(strstr(out.ptr, "<versionCreated>1970-01-01T00:00:00Z</versionCreated>") != NULL &&
               artconv_article_get(b, ARTCONV_META_DATE) == NULL &&
               artconv_article_get(b, ARTCONV_META_VERSIONCREATED) == NULL,
           "the writer's placeholder versionCreated is read as no date");
    } else {
        ok(0, "the undated article goes round");
    }
    artconv_article_free(a);
    artconv_article_free(b);
    artconv_buf_dispose(&out);
}

/* What IPTC's examples do not carry: audience, contributor with a role,
 * a signal by URI, a service, an edNote, an embargo and a status. */
static void test_hand_made(void)
{
    static const char item[] =
        "<newsItem " NAR " guid=\"d\" version=\"2\" standard=\"NewsML-G2\"><itemMeta>"
        "<itemClass qcode=\"ninat:text\"/><provider literal=\"x\"/>"
        "<versionCreated>2024-05-02T08:00:00Z</versionCreated>"
        "<firstCreated>2024-05-01T07:00:00Z</firstCreated>"
        "<embargoed>2024-05-03T00:00:00Z</embargoed><pubStatus qcode=\"stat:withheld\"/>"
        "<service qcode=\"dpasrv:bdt\"><name>Basisdienst</name></service>"
        "<edNote>Nicht vor Ablauf der Sperrfrist</edNote><edNote>Second note</edNote>"
        "<signal uri=\"http://cv.iptc.org/newscodes/signal/update\"/></itemMeta><contentMeta>"
        "<urgency>2</urgency><contentCreated>2024-05-01T06:30:00+02:00</contentCreated>"
        "<contributor qcode=\"staff:9\" role=\"ctrol:editor\"><name>Max Muster</name>"
        "</contributor><audience qcode=\"dpaaudience:sport\"><name>Sport</name></audience>"
        "<genre qcode=\"dpatextgenre:12\"/><subject qcode=\"dpasubject:1\"/>"
        "<headline>H</headline></contentMeta></newsItem>";
    artconv_article *a = NULL, *b = NULL;
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_concept c;

    if (read_item(&a, item, strlen(item)) < 0 || write_item(&out, a) < 0 ||
        read_item(&b, out.ptr, out.len) < 0) {
        ok(0, "the hand-made item goes round");
        goto done;
    }
    artconv_article_concept_get(&c, a, ARTCONV_CONCEPT_CONTRIBUTORS, 0);
    ok(c.code != NULL && strcmp(c.code, "staff:9") == 0 && c.role != NULL &&
           strcmp(c.role, "ctrol:editor") == 0,
       "a contributor with its role");
    artconv_article_concept_get(&c, a, ARTCONV_CONCEPT_AUDIENCES, 0);
    is_str(c.name, "Sport", "an audience");
    artconv_article_concept_get(&c, a, ARTCONV_CONCEPT_SUBJECTS, 0);
    ok(c.code != NULL && c.name == NULL, "a subject without a name is kept");
    is_int(artconv_article_list_count(a, ARTCONV_LIST_EDNOTES), 2, "two edNotes");
    is_str(artconv_article_get(a, ARTCONV_META_URGENCY), "2", "urgency");
    ok(same_meta(a, b, "hand-made"), "hand-made item: NewsML -> NewsML keeps every field");
    ok(strstr(out.ptr, "<signal uri=\"http://cv.iptc.org/newscodes/signal/update\"/>") != NULL,
       "a signal by URI is written by URI");
    ok(strstr(out.ptr, "<pubStatus qcode=\"stat:withheld\"/>") != NULL &&
           strstr(out.ptr, "<embargoed>2024-05-03T00:00:00Z</embargoed>") != NULL,
       "status and embargo written back");
    if (schema != NULL) {
        xmlDocPtr doc = parse(out.ptr, out.len);

        ok(doc != NULL && schema_valid(doc), "hand-made item: valid");
        xmlFreeDoc(doc);
    }
done:
    artconv_article_free(a);
    artconv_article_free(b);
    artconv_buf_dispose(&out);
}

static int write_warnings;

static void count_write_warning(const artconv_error *w, void *payload)
{
    (void)w;
    (void)payload;
    write_warnings++;
}

/* Values the schema would refuse are left out with a warning, never
 * written invalid: a service without a QCode, a role that is no QCode, an
 * urgency out of 1-9.  A literal code and a name-only concept are fine. */
static void test_writer_checks(void)
{
    artconv_article *a = artconv_article_new();
    artconv_concept service = {NULL, "Sports desk", NULL, NULL};
    artconv_concept person = {NULL, "Ann Lee", NULL, "editor"};
    artconv_concept subject = {"Local politics", "Local politics", NULL, NULL};
    artconv_write_options opts;
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_error err;

    artconv_article_set(a, ARTCONV_META_TITLE, "H", &err);
    artconv_article_set(a, ARTCONV_META_URGENCY, "12", &err);
    artconv_article_concept_add(a, ARTCONV_CONCEPT_SERVICES, &service, &err);
    artconv_article_concept_add(a, ARTCONV_CONCEPT_CONTRIBUTORS, &person, &err);
    artconv_article_concept_add(a, ARTCONV_CONCEPT_SUBJECTS, &subject, &err);
    artconv_write_options_init(&opts);
    opts.timestamp = 0;
    opts.warning = count_write_warning;
    write_warnings = 0;
    if (artconv_write(&out, newsml, a, &opts, &err) == 0) {
        is_int(write_warnings, 3, "three warnings: service, role, urgency");
        ok(strstr(out.ptr, "<service") == NULL && strstr(out.ptr, "<urgency") == NULL &&
               strstr(out.ptr, "role=") == NULL,
           "... and none of the three written");
        ok(strstr(out.ptr, "<contributor>") != NULL &&
               strstr(out.ptr, "<subject literal=\"Local politics\">") != NULL,
           "a name-only contributor and a literal subject are written");
        if (schema != NULL) {
            xmlDocPtr doc = parse(out.ptr, out.len);

            ok(doc != NULL && schema_valid(doc), "... and the item is valid");
            xmlFreeDoc(doc);
        }
    } else {
        ok(0, "the item with odd values is written");
    }
    artconv_buf_dispose(&out);
    artconv_article_free(a);
}

/* artconv_read_all_file: a file of two text items gives two articles,
 * by artconv_read_file's rules (here: only regular files). */
static void test_read_all_file(void)
{
    static const char message[] =
        "<newsMessage " NAR "><header/><itemSet>"
        "<newsItem guid=\"a\" standard=\"NewsML-G2\" standardversion=\"2.35\"><itemMeta>"
        "<itemClass qcode=\"ninat:text\"/></itemMeta><contentMeta><headline>One</headline>"
        "</contentMeta><contentSet><inlineData contenttype=\"text/plain\">A.</inlineData>"
        "</contentSet></newsItem>"
        "<newsItem guid=\"b\" standard=\"NewsML-G2\" standardversion=\"2.35\"><itemMeta>"
        "<itemClass qcode=\"ninat:text\"/></itemMeta><contentMeta><headline>Two</headline>"
        "</contentMeta><contentSet><inlineData contenttype=\"text/plain\">B.</inlineData>"
        "</contentSet></newsItem></itemSet></newsMessage>";
    char path[] = "/tmp/artconv-read-all-XXXXXX";
    artconv_read_options ro;
    artconv_article **items = NULL;
    artconv_error err;
    size_t n = 0;
    int fd = mkstemp(path);

    artconv_read_options_init(&ro);
    ro.regular_only = 1;
    if (!ok(fd >= 0 && write(fd, message, sizeof message - 1) == (ssize_t)(sizeof message - 1),
            "read_all_file: the message is written to a file")) {
        if (fd >= 0)
            close(fd);
        return;
    }
    close(fd);
    is_int(artconv_read_all_file(&items, &n, newsml, path, &ro, &err), 0,
           "read_all_file: the file reads");
    is_int((long long)n, 2, "read_all_file: one article a text item");
    if (n == 2)
        is_str(artconv_article_get(items[1], ARTCONV_META_TITLE), "Two", "read_all_file: in order");
    artconv_articles_free(items, n);
    is_int(artconv_read_all_file(&items, &n, newsml, "/dev/null", &ro, &err), ARTCONV_EIO,
           "read_all_file: a device is refused when only regular files are read");
    ok(items == NULL && n == 0, "read_all_file: nothing is handed back on failure");
    unlink(path);
}

int main(void)
{
    newsml = artconv_format_by_name("newsml");
    load_schema();
    if (test_shared_dir() == NULL) {
        tap_diag("SKIP IPTC examples: ../shared is absent");
    } else {
        test_examples();
        test_listing_1();
    }
    test_reader_rules();
    test_hand_made();
    test_writer_checks();
    xmlSchemaFree(schema);
    test_read_all_file();
    return tap_done();
}
