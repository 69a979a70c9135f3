/*
 * newsml_write.c - the NewsML-G2 writer.  Every item made here is validated
 * against IPTC's 2.35 schema (compiled once, offline) and checked for what
 * the schema cannot see: the body is one <html> in the XHTML namespace, no
 * <h1> repeats the headline, every timestamp is a full date-time (a zone
 * offset only where the article gave one: none is invented), every QCode
 * uses a scheme of our catalog.  Items come from the kitchen-sink article,
 * hand-made edge cases, every sample, the seeds and all of the Readability
 * corpus pages.  Plus golden output, determinism, and the options.
 *
 * One job over 600 lines: the house keeps one test file a writer, and
 * every case feeds the same schema and convention checks.
 */
#define _DEFAULT_SOURCE
#include "artconv.h"
#include "tap.h"
#include "testutil.h"
#include "testzip.h"

#include <dirent.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define NAR_NS   "http://iptc.org/std/nar/2006-10-01/"
#define XHTML_NS "http://www.w3.org/1999/xhtml"

static const artconv_format *newsml;
static xmlSchemaPtr schema;
static char schema_path[4096];
static int validated; /* items that passed the schema */
static int checked;   /* items checked */
static char first_error[512];

/* Keeps the first validation error of a document for the diagnostics. */
static void on_error(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    if (first_error[0] == '\0' && e != NULL && e->message != NULL)
        snprintf(first_error, sizeof first_error, "line %d: %s", e->line, e->message);
}

static int load_schema(void)
{
    const char *shared = test_shared_dir();
    xmlSchemaParserCtxtPtr pctxt;
    FILE *fp;

    if (shared == NULL)
        return 0;
    snprintf(schema_path, sizeof schema_path,
             "%s/specs/newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd", shared);
    fp = fopen(schema_path, "rb");
    if (fp == NULL)
        return 0;
    fclose(fp);
    pctxt = xmlSchemaNewParserCtxt(schema_path);
    if (pctxt == NULL)
        return 0;
    schema = xmlSchemaParse(pctxt);
    xmlSchemaFreeParserCtxt(pctxt);
    return schema != NULL;
}

static int schema_valid(xmlDocPtr doc)
{
    xmlSchemaValidCtxtPtr v = xmlSchemaNewValidCtxt(schema);
    int rc;

    if (v == NULL)
        return 0;
    xmlSchemaSetValidStructuredErrors(v, on_error, NULL);
    rc = xmlSchemaValidateDoc(v, doc);
    xmlSchemaFreeValidCtxt(v);
    return rc == 0;
}

static xmlXPathObjectPtr query(xmlXPathContextPtr x, const char *path)
{
    return xmlXPathEvalExpression(BAD_CAST path, x);
}

static int count(xmlXPathContextPtr x, const char *path)
{
    xmlXPathObjectPtr r = query(x, path);
    int n = r != NULL && r->nodesetval != NULL ? r->nodesetval->nodeNr : 0;

    xmlXPathFreeObject(r);
    return n;
}

/* Collapses whitespace, as the writer compares headings with the title. */
static void collapse(char *out, size_t size, const char *s)
{
    size_t n = 0;
    int space = 0;

    for (; *s != '\0' && n + 1 < size; s++) {
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
            space = n > 0;
            continue;
        }
        if (space && n + 2 < size)
            out[n++] = ' ';
        space = 0;
        out[n++] = *s;
    }
    out[n] = '\0';
}

static int has_offset(const char *s, int date_ok)
{
    size_t n = strlen(s);

    if (date_ok && (n == 4 || n == 7 || n == 10))
        return 1;
    if (n < 19 || s[10] != 'T')
        return 0;
    if (n == 19 || s[n - 1] == 'Z')
        return 1;
    return n >= 25 && (s[n - 6] == '+' || s[n - 6] == '-') && s[n - 3] == ':';
}

/* The checks the schema cannot make.  Returns NULL or what is wrong. */
static const char *check_more(xmlDocPtr doc, const char *provider)
{
    static const char *const schemes[] = {"ninat:", "stat:", "drol:", "irel:", "cpnat:"};
    static char why[600];
    xmlXPathContextPtr x = xmlXPathNewContext(doc);
    xmlXPathObjectPtr r = NULL;
    const char *problem = NULL;
    char title[4096] = "", heading[4096];
    int i, j;

    xmlXPathRegisterNs(x, BAD_CAST "n", BAD_CAST NAR_NS);
    xmlXPathRegisterNs(x, BAD_CAST "h", BAD_CAST XHTML_NS);
    if (count(x, "/n:newsItem/n:contentSet/n:inlineXML/*") != 1 ||
        count(x, "/n:newsItem/n:contentSet/n:inlineXML/h:html") != 1 ||
        count(x, "/n:newsItem/n:contentSet/n:inlineXML/text()[normalize-space()]") != 0) {
        problem = "inlineXML does not hold exactly one <html> in the XHTML namespace";
        goto done;
    }
    if (count(x, "//n:inlineXML//*[namespace-uri() != '" XHTML_NS "']") != 0) {
        problem = "an element of the body is outside the XHTML namespace";
        goto done;
    }
    r = query(x, "/n:newsItem/n:contentMeta/n:headline");
    if (r != NULL && r->nodesetval != NULL && r->nodesetval->nodeNr > 0) {
        xmlChar *t = xmlNodeGetContent(r->nodesetval->nodeTab[0]);

        collapse(title, sizeof title, (const char *)t);
        xmlFree(t);
    }
    xmlXPathFreeObject(r);
    r = query(x, "//h:body//h:h1");
    for (i = 0; r != NULL && r->nodesetval != NULL && i < r->nodesetval->nodeNr; i++) {
        xmlChar *t = xmlNodeGetContent(r->nodesetval->nodeTab[i]);

        collapse(heading, sizeof heading, (const char *)t);
        xmlFree(t);
        if (title[0] != '\0' && strcmp(heading, title) == 0) {
            problem = "the body repeats the headline as <h1>";
            goto done;
        }
    }
    xmlXPathFreeObject(r);
    r = query(x, "//n:versionCreated | //n:firstCreated | //n:contentCreated | "
                 "//n:contentModified");
    for (i = 0; r != NULL && r->nodesetval != NULL && i < r->nodesetval->nodeNr; i++) {
        xmlNodePtr node = r->nodesetval->nodeTab[i];
        xmlChar *t = xmlNodeGetContent(node);
        int good = has_offset((const char *)t, xmlStrstr(node->name, BAD_CAST "content") != NULL);

        if (!good)
            snprintf(why, sizeof why, "<%s>%s</%s> has no zone offset", node->name, t, node->name);
        xmlFree(t);
        if (!good) {
            problem = why;
            goto done;
        }
    }
    xmlXPathFreeObject(r);
    r = query(x, "/n:newsItem//@qcode[not(ancestor::n:inlineXML)] | //n:*/@rel | //n:*/@role | "
                 "//n:*/@type");
    for (i = 0; r != NULL && r->nodesetval != NULL && i < r->nodesetval->nodeNr; i++) {
        xmlChar *t = xmlNodeGetContent(r->nodesetval->nodeTab[i]);
        int known = provider != NULL && strcmp((const char *)t, provider) == 0;

        for (j = 0; j < 5 && !known; j++)
            known = strncmp((const char *)t, schemes[j], strlen(schemes[j])) == 0;
        if (!known)
            snprintf(why, sizeof why, "QCode '%s' is not in a scheme of our catalog", t);
        xmlFree(t);
        if (!known) {
            problem = why;
            goto done;
        }
    }
    if (count(x, "/n:newsItem/n:catalogRef[@href]") != 1)
        problem = "no catalogRef";
done:
    xmlXPathFreeObject(r);
    xmlXPathFreeContext(x);
    return problem;
}

/* Validates one item and reports one TAP line. */
static int check_item(const char *xml, size_t len, const char *what, const char *provider)
{
    xmlDocPtr doc = xmlReadMemory(xml, (int)len, "item.xml", NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    const char *problem = NULL;
    int valid = 0;

    first_error[0] = '\0';
    checked++;
    if (doc == NULL) {
        problem = "not well-formed";
    } else if (schema != NULL && !(valid = schema_valid(doc))) {
        problem = first_error[0] != '\0' ? first_error : "invalid";
    } else {
        problem = check_more(doc, provider);
    }
    if (valid)
        validated++;
    xmlFreeDoc(doc);
    if (!ok(problem == NULL, what))
        printf("#   %s\n", problem);
    return problem == NULL;
}

static artconv_write_options fixed_options(void)
{
    artconv_write_options opts;
    artconv_write_options_init(&opts);

    opts.timestamp = 1709377200; /* 2024-03-02T11:00:00Z */
    return opts;
}

static int write_item(artconv_buf *out, const artconv_article *a, const artconv_write_options *o)
{
    artconv_error err;
    int rc = artconv_write(out, newsml, a, o, &err);

    if (rc < 0)
        printf("# write failed: %s\n", err.message);
    return rc;
}

/* Reads a file with `from` and checks the item written from it. */
static void check_file(const char *path, const artconv_format *from, const char *what)
{
    artconv_write_options opts = fixed_options();
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_article *a = NULL;
    artconv_error err;

    if (artconv_read_file(&a, from, path, NULL, &err) < 0) {
        ok(0, what);
        printf("#   %s: %s\n", path, err.message);
        return;
    }
    if (write_item(&out, a, &opts) < 0)
        ok(0, what);
    else
        check_item(out.ptr, out.len, what, NULL);
    artconv_article_free(a);
    artconv_buf_dispose(&out);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Checks every file of `dir` ending in `suffix` (or every `dir/NAME/file`
 * when `file` is not NULL), read as `from`.  Returns how many. */
static int check_dir(const char *dir, const char *suffix, const char *file,
                     const artconv_format *from)
{
    char path[4096], what[4200];
    char *names[1024];
    size_t n = 0, i, len, sl = strlen(suffix);
    struct dirent *e;
    struct stat st;
    DIR *d = opendir(dir);

    if (d == NULL)
        return 0;
    while ((e = readdir(d)) != NULL && n < 1024) {
        len = strlen(e->d_name);
        if (e->d_name[0] == '.' || len < sl || strcmp(e->d_name + len - sl, suffix) != 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (file != NULL && (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)))
            continue; /* the corpus's SOURCE.txt */
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, by_name);
    for (i = 0; i < n; i++) {
        if (file != NULL)
            snprintf(path, sizeof path, "%s/%s/%s", dir, names[i], file);
        else
            snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        snprintf(what, sizeof what, "valid item from %s", path);
        check_file(path, from, what);
        free(names[i]);
    }
    return (int)n;
}

/* The validator itself: the project's negative sample must fail. */
static void test_validator_rejects(void)
{
    char path[4096];
    xmlDocPtr doc;

    snprintf(path, sizeof path, "%s/specs/newsml-g2/samples/invalid-contentmeta-order.xml",
             test_shared_dir());
    doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
    ok(doc != NULL && !schema_valid(doc), "the schema rejects the invalid sample");
    xmlFreeDoc(doc);
}

static void test_kitchen_sink(void)
{
    artconv_article *a = fixture_kitchen_sink();
    artconv_write_options opts = fixed_options();
    artconv_buf out = ARTCONV_BUF_INIT, again = ARTCONV_BUF_INIT;
    char path[4096];

    snprintf(path, sizeof path, "%s/golden/newsml/kitchen-sink.xml", test_dir());
    if (!ok(a != NULL && write_item(&out, a, &opts) == 0, "kitchen sink writes"))
        goto done;
    check_item(out.ptr, out.len, "kitchen sink: valid item", NULL);
    golden_check(path, out.ptr, out.len, "kitchen sink: golden");
    ok(strstr(out.ptr, "<headline>Harbour &quot;bridge&quot; &lt;reopens&gt; &amp; traffic returns"
                       "</headline>") != NULL,
       "kitchen sink: libxml2 escaped the headline");
    ok(strstr(out.ptr, "<versionCreated>2024-03-02T11:00:00Z</versionCreated>") != NULL,
       "kitchen sink: versionCreated from the timestamp");
    ok(strstr(out.ptr, "guid=\"urn:uuid:") != NULL, "kitchen sink: a urn:uuid GUID by default");

    /* Same bytes under another time zone: nothing depends on local time. */
    setenv("TZ", "America/New_York", 1);
    tzset();
    write_item(&again, a, &opts);
    setenv("TZ", "UTC", 1);
    tzset();
    ok(again.len == out.len && memcmp(again.ptr, out.ptr, out.len) == 0,
       "kitchen sink: the same output in another time zone");

    /* Without a timestamp, the article's modified date is the version's. */
    artconv_buf_clear(&again);
    opts.timestamp = -1;
    write_item(&again, a, &opts);
    ok(strstr(again.ptr, "<versionCreated>2024-03-02T11:00:00Z</versionCreated>") != NULL &&
           strstr(again.ptr, "<firstCreated>2024-03-02T09:30:00Z</firstCreated>") != NULL,
       "kitchen sink: versionCreated from modified, firstCreated from date");
done:
    artconv_article_free(a);
    artconv_buf_dispose(&out);
    artconv_buf_dispose(&again);
}

static int warnings;

static void count_warning(const artconv_error *w, void *payload)
{
    (void)w;
    (void)payload;
    warnings++;
}

static artconv_article *article_with(const char *const *pairs)
{
    artconv_article *a = artconv_article_new();
    artconv_error err;

    for (; pairs[0] != NULL; pairs += 2) {
        artconv_meta field;

        if (artconv_meta_from_name(&field, pairs[0]) == 0)
            artconv_article_set(a, field, pairs[1], &err);
        else
            artconv_article_set_meta_arg(a, pairs[1], &err);
    }
    return a;
}

/* Metadata that only valid output survives: a language that is no tag, a
 * date without time, a time without zone, garbage dates, whitespace in
 * literals, a URL that is no xs:anyURI, a data: image, a body h1 repeating
 * the headline. */
static void test_awkward(void)
{
    static const char *const pairs[] = {
        "title",    "Storm  hits\tcoast",
        "language", "English (UK)",
        "date",     "2 March 2024",
        "modified", "2024-03-02 10:15",
        "dateline", "LONDON,\nMarch 2",
        "section",  "  Local\tnews ",
        "id",       "an id with spaces",
        "source",   "https://example.org/a%zz#b#c",
        "image",    "data:image/png;base64,AAAA",
        "credit",   "A & B <agency>",
        "x",        "keywords=wind, rain & hail, <coast>",
        NULL,
    };
    artconv_article *a = article_with(pairs);
    artconv_node *h = artconv_node_new(ARTCONV_NODE_HEADING), *t;
    artconv_write_options opts = fixed_options();
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_error err;

    artconv_node_set_level(h, 1, &err);
    t = artconv_node_new(ARTCONV_NODE_TEXT);
    artconv_node_set_literal(t, "Storm hits coast", &err);
    artconv_node_append(h, t, &err);
    artconv_node_append(artconv_article_body(a), h, &err);
    opts.warning = count_warning;
    warnings = 0;
    opts.timestamp = -1;
    if (write_item(&out, a, &opts) == 0) {
        check_item(out.ptr, out.len, "awkward metadata: valid item", NULL);
        ok(strstr(out.ptr, "<contentCreated>2024-03-02</contentCreated>") != NULL,
           "a date without time stays a bare date in contentCreated");
        ok(strstr(out.ptr, "<contentModified>2024-03-02T10:15:00</contentModified>") != NULL &&
               strstr(out.ptr, "<versionCreated>2024-03-02T10:15:00</versionCreated>") != NULL,
           "a time without zone is not stamped UTC");
        ok(strstr(out.ptr, "<firstCreated>") == NULL, "no firstCreated invented for a bare date");
        ok(strstr(out.ptr, "<language") == NULL && strstr(out.ptr, "xml:lang") == NULL,
           "a language that is no tag is left out");
        ok(strstr(out.ptr, "literal=\"Local news\"") != NULL, "literal values are normalized");
        ok(strstr(out.ptr, "<h1>") == NULL, "the body's h1 repeating the headline is dropped");
        ok(warnings >= 2, "warnings for the language and the source URL");
    } else {
        ok(0, "awkward metadata writes");
    }
    artconv_buf_clear(&out);
    artconv_article_set(a, ARTCONV_META_LANGUAGE, "pt_BR", &err);
    write_item(&out, a, &opts);
    ok(strstr(out.ptr, "<language tag=\"pt-BR\"/>") != NULL, "pt_BR is written pt-BR");
    artconv_article_free(a);
    artconv_buf_dispose(&out);

    /* Nothing but an empty body. */
    a = artconv_article_new();
    write_item(&out, a, &opts);
    check_item(out.ptr, out.len, "empty article: valid item", NULL);
    ok(strstr(out.ptr, "<versionCreated>1970-01-01T00:00:00Z</versionCreated>") != NULL,
       "empty article: a fixed versionCreated");
    artconv_article_free(a);
    artconv_buf_dispose(&out);
}

/* pubStatus and embargoed come from the model, in the schema's order
 * (firstCreated, embargoed, pubStatus), and the item stays valid. */
static void test_status(void)
{
    static const char *const killed[] = {
        "title",     "Killed story", "date",      "2024-03-13T18:00:00Z",
        "pubstatus", "canceled",     "embargoed", "2024-03-14T07:30:00Z",
        NULL,
    };
    static const char *const cases[][3] = {
        /* embargoed, pubstatus, what the item must hold */
        {"indefinite", "withheld", "<embargoed></embargoed>"},
        {"indefinite", "withheld", "<pubStatus qcode=\"stat:withheld\"/>"},
        {"2024-03-14", "stat:canceled", "<embargoed></embargoed>"},
        {"2024-03-14", "stat:canceled", "<pubStatus qcode=\"stat:canceled\"/>"},
        {"2024-03-14 09:30", "dpa:killed", "<embargoed>2024-03-14T09:30:00</embargoed>"},
        {"2024-03-14 09:30", "dpa:killed", "<pubStatus qcode=\"stat:withheld\"/>"},
        {"later", "not a code", "<pubStatus qcode=\"stat:withheld\"/>"},
    };
    artconv_article *a = article_with(killed);
    artconv_write_options opts = fixed_options();
    artconv_buf out = ARTCONV_BUF_INIT;
    const char *first, *embargo, *status;
    char what[200];
    size_t i;

    if (write_item(&out, a, &opts) == 0) {
        check_item(out.ptr, out.len, "canceled and embargoed: valid item", NULL);
        first = strstr(out.ptr, "<firstCreated>");
        embargo = strstr(out.ptr, "<embargoed>2024-03-14T07:30:00Z</embargoed>");
        status = strstr(out.ptr, "<pubStatus qcode=\"stat:canceled\"/>");
        ok(embargo != NULL, "the embargo is written");
        ok(status != NULL, "stat:canceled is written, not stat:usable");
        ok(first != NULL && embargo != NULL && status != NULL && first < embargo &&
               embargo < status,
           "firstCreated, embargoed, pubStatus in the schema's order");
    } else {
        ok(0, "a canceled, embargoed story writes to NewsML-G2");
    }
    artconv_article_set(a, ARTCONV_META_PUBSTATUS, NULL, NULL);
    artconv_article_set(a, ARTCONV_META_EMBARGOED, NULL, NULL);
    artconv_buf_clear(&out);
    write_item(&out, a, &opts);
    ok(strstr(out.ptr, "<pubStatus qcode=\"stat:usable\"/>") != NULL &&
           strstr(out.ptr, "embargoed") == NULL,
       "no status: stat:usable and no embargo");
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        artconv_article_set(a, ARTCONV_META_EMBARGOED, cases[i][0], NULL);
        artconv_article_set(a, ARTCONV_META_PUBSTATUS, cases[i][1], NULL);
        artconv_buf_clear(&out);
        opts.warning = count_warning;
        warnings = 0;
        snprintf(what, sizeof what, "embargoed '%s', pubstatus '%s': valid item", cases[i][0],
                 cases[i][1]);
        if (write_item(&out, a, &opts) < 0) {
            ok(0, what);
            continue;
        }
        check_item(out.ptr, out.len, what, NULL);
        snprintf(what, sizeof what, "embargoed '%s', pubstatus '%s': %s", cases[i][0], cases[i][1],
                 cases[i][2]);
        ok(strstr(out.ptr, cases[i][2]) != NULL, what);
    }
    ok(warnings == 2, "warnings for an embargo that is no date and a status that is no code");
    artconv_article_free(a);
    artconv_buf_dispose(&out);
}

static void test_options(void)
{
    static const char *const pairs[] = {"title", "T", "id", "story-42", NULL};
    artconv_article *a = article_with(pairs);
    artconv_write_options opts = fixed_options();
    artconv_buf out = ARTCONV_BUF_INIT, other = ARTCONV_BUF_INIT;
    artconv_error err;
    char *guid;

    opts.provider = "nprov:REUTERS";
    opts.guid_scheme = "urn:newsml:example.org:";
    opts.item_version = 7;
    write_item(&out, a, &opts);
    check_item(out.ptr, out.len, "options: valid item", "nprov:REUTERS");
    ok(strstr(out.ptr, "<provider qcode=\"nprov:REUTERS\"/>") != NULL, "a QCode provider");
    ok(strstr(out.ptr, "guid=\"urn:newsml:example.org:story-42\"") != NULL,
       "the GUID scheme and the article id");
    ok(strstr(out.ptr, "version=\"7\"") != NULL, "the item version");

    artconv_buf_clear(&out);
    opts.provider = "https://agency.example/";
    write_item(&out, a, &opts);
    check_item(out.ptr, out.len, "URI provider: valid item", NULL);
    ok(strstr(out.ptr, "<provider uri=\"https://agency.example/\"/>") != NULL, "a URI provider");

    artconv_buf_clear(&out);
    opts.provider = "Example  News\tAgency";
    write_item(&out, a, &opts);
    check_item(out.ptr, out.len, "named provider: valid item", NULL);
    ok(strstr(out.ptr, "literal=\"Example News Agency\"") != NULL, "a provider by name");

    /* Stable GUIDs: the same id gives the same GUID, another id another. */
    opts = fixed_options();
    artconv_buf_clear(&out);
    write_item(&out, a, &opts);
    guid = strstr(out.ptr, "guid=\"");
    write_item(&other, a, &opts);
    ok(guid != NULL && strstr(other.ptr, "guid=\"") != NULL &&
           strncmp(guid, strstr(other.ptr, "guid=\""), 52) == 0,
       "the GUID is the same on every run");
    artconv_article_set(a, ARTCONV_META_ID, "story-43", &err);
    artconv_buf_clear(&other);
    write_item(&other, a, &opts);
    ok(strncmp(guid, strstr(other.ptr, "guid=\""), 52) != 0, "another id, another GUID");

    opts.item_version = -1;
    is_int(artconv_write(&other, newsml, a, &opts, &err), ARTCONV_EINVALID,
           "a negative item version is refused");
    opts.item_version = 1;
    opts.provider = "bad\001provider";
    is_int(artconv_write(&other, newsml, a, &opts, &err), ARTCONV_EINVALID,
           "a provider with a control character is refused");
    artconv_article_free(a);
    artconv_buf_dispose(&out);
    artconv_buf_dispose(&other);
}

/* One identifier scheme for NewsML-G2 and EPUB: an article named by its
 * source URL gets the version 5 UUID of that URL in both. */
static void test_guid_scheme(void)
{
    static const char *const pairs[] = {"title", "T", "source",
                                        "https://news.example.org/2024/03/story", NULL};
    artconv_article *a = article_with(pairs);
    artconv_write_options opts = fixed_options();
    artconv_buf out = ARTCONV_BUF_INIT, book = ARTCONV_BUF_INIT, opf = ARTCONV_BUF_INIT;
    const char *guid;
    char want[64];

    /* Python's uuid.uuid5(uuid.NAMESPACE_URL, that URL) */
    snprintf(want, sizeof want, "guid=\"urn:uuid:%s\"", "d5f3b338-ffb6-5710-a535-3423751fd8e7");
    write_item(&out, a, &opts);
    guid = strstr(out.ptr != NULL ? out.ptr : "", "guid=\"urn:uuid:");
    ok(guid != NULL && guid[6 + 9 + 14] == '5', "the default GUID is a version 5 UUID");
    ok(strstr(out.ptr != NULL ? out.ptr : "", want) != NULL,
       "... of the source URL in the URL namespace");
    if (artconv_write(&book, artconv_format_by_name("epub"), a, &opts, NULL) == 0) {
        zip_t *za = tz_open(&book);
        zip_int64_t at = za != NULL ? zip_name_locate(za, "EPUB/package.opf", 0) : -1;

        ok(at >= 0 && tz_read_index(za, (zip_uint64_t)at, &opf) == 0 &&
               strstr(opf.ptr, ">urn:uuid:d5f3b338-ffb6-5710-a535-3423751fd8e7<") != NULL,
           "the EPUB of the same article has the same identifier");
        if (za != NULL)
            zip_discard(za);
    } else {
        ok(0, "the EPUB of the same article has the same identifier");
    }
    artconv_article_free(a);
    artconv_buf_dispose(&out);
    artconv_buf_dispose(&book);
    artconv_buf_dispose(&opf);
}

/* The command-line validator agrees with the C one on the kitchen sink. */
static void test_xmllint(void)
{
    artconv_article *a = fixture_kitchen_sink();
    artconv_write_options opts = fixed_options();
    artconv_buf out = ARTCONV_BUF_INIT;
    char path[] = "/tmp/artconv-newsml-XXXXXX", cmd[9000];
    int fd, rc;
    FILE *fp;

    if (system("xmllint --version >/dev/null 2>&1") != 0) {
        printf("ok %d # SKIP xmllint is not installed\n", ++tap_.count);
        artconv_article_free(a);
        return;
    }
    write_item(&out, a, &opts);
    fd = mkstemp(path);
    fp = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (fp != NULL) {
        fwrite(out.ptr, 1, out.len, fp);
        fclose(fp);
    }
    snprintf(cmd, sizeof cmd, "xmllint --nonet --noout --schema '%s' '%s' 2>/dev/null", schema_path,
             path);
    rc = system(cmd);
    ok(fp != NULL && rc == 0, "xmllint --nonet --schema validates the kitchen sink");
    remove(path);
    artconv_article_free(a);
    artconv_buf_dispose(&out);
}

int main(void)
{
    char path[4096], what[200];
    const char *shared = test_shared_dir();
    artconv_read_options ro;
    artconv_read_options_init(&ro);
    artconv_article *probe = NULL;
    artconv_error err;
    int n;

    newsml = artconv_format_by_name("newsml");
    if (!load_schema())
        tap_diag("SKIP schema checks: ../shared/specs/newsml-g2 is absent; only the other "
                 "checks run");
    else
        test_validator_rejects();
    test_kitchen_sink();
    test_awkward();
    test_options();
    test_guid_scheme();
    test_status();
    if (schema != NULL)
        test_xmllint();

    n = golden_run("newsml", ".txt", artconv_format_by_name("text"), ".xml", newsml, NULL, NULL);
    ok(n >= 2, "golden text -> NewsML cases ran");

    snprintf(path, sizeof path, "%s/../samples", test_dir());
    check_dir(path, ".txt", NULL, artconv_format_by_name("text"));
    check_dir(path, ".html", NULL, artconv_format_by_name("html"));
    /* The Markdown reader is another helper's; its samples count once it reads. */
    if (artconv_read(&probe, artconv_format_by_name("markdown"), "# x\n", 4, &ro, &err) == 0)
        check_dir(path, ".md", NULL, artconv_format_by_name("markdown"));
    else
        tap_diag("SKIP Markdown samples: the Markdown reader cannot read yet");
    artconv_article_free(probe);
    if (shared != NULL) {
        snprintf(path, sizeof path, "%s/seeds", shared);
        n = check_dir(path, ".txt", NULL, artconv_format_by_name("text"));
        ok(n >= 1, "the seeds were checked");
        snprintf(path, sizeof path, "%s/corpus/readability", shared);
        n = check_dir(path, "", "source.html", artconv_format_by_name("html"));
        snprintf(what, sizeof what, "all %d corpus pages were checked", n);
        ok(n >= 130, what);
    } else {
        tap_diag("SKIP seeds and corpus: ../shared is absent");
    }
    snprintf(what, sizeof what, "%d of %d items validated against the schema", validated, checked);
    tap_diag(what);
    if (schema != NULL)
        is_int(validated, checked, "every item made validated against the schema");
    xmlSchemaFree(schema);
    return tap_done();
}
