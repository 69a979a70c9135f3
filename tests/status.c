/*
 * status.c - the publication status rule (docs/limits.md, "Publication
 * status and embargo"): a story that is not usable or is embargoed is
 * written only by formats that carry pubstatus and embargoed, with the
 * options that make them carry it; every other write fails with
 * ARTCONV_EUNSUPPORTED and a message that says why, unless ignore_status.
 * The carriers give both fields back when read.
 */
#define _DEFAULT_SOURCE
#include "artconv.h"
#include "tap.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static artconv_article *story(const char *status, const char *embargo)
{
    artconv_article *a = fixture_kitchen_sink();

    artconv_article_set(a, ARTCONV_META_PUBSTATUS, status, NULL);
    artconv_article_set(a, ARTCONV_META_EMBARGOED, embargo, NULL);
    return a;
}

static const artconv_format *fmt(const char *name)
{
    return artconv_format_by_name(name);
}

static void test_names(void)
{
    artconv_meta field = ARTCONV_META_TITLE;

    is_str(artconv_meta_name(ARTCONV_META_PUBSTATUS), "pubstatus", "the name of pubstatus");
    is_str(artconv_meta_name(ARTCONV_META_EMBARGOED), "embargoed", "the name of embargoed");
    ok(artconv_meta_from_name(&field, "pubstatus") == 0 && field == ARTCONV_META_PUBSTATUS,
       "pubstatus is looked up by name");
    ok(artconv_meta_from_name(&field, "embargoed") == 0 && field == ARTCONV_META_EMBARGOED,
       "embargoed is looked up by name");
    /* Appended: the fields before them keep their numbers. */
    is_int(ARTCONV_META_PUBSTATUS, ARTCONV_META_IMAGE_CREDIT + 1, "pubstatus comes last but one");
    is_int(ARTCONV_META_EMBARGOED, ARTCONV_META_PUBSTATUS + 1, "embargoed follows pubstatus");
}

/* Writes and checks the code and, on failure, the message. */
static void expect(const char *format, const artconv_article *a, const artconv_write_options *wo,
                   const char *message, const char *what)
{
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_error err;
    int rc = artconv_write(&out, fmt(format), a, wo, &err);

    if (message == NULL) {
        if (!ok(rc == 0 && out.len > 0, what))
            printf("#   %s\n", err.message);
    } else if (ok(rc == ARTCONV_EUNSUPPORTED && out.len == 0, what)) {
        is_str(err.message, message, what);
    }
    artconv_buf_dispose(&out);
}

static void test_refusals(void)
{
    artconv_article *killed = story("canceled", NULL);
    artconv_article *embargoed = story(NULL, "2024-03-14T07:30:00Z");
    artconv_article *held = story("withheld", "indefinite");
    artconv_article *usable = story("usable", NULL);
    artconv_write_options wo;
    artconv_write_options_init(&wo);

    wo.timestamp = 0;
    expect("epub", killed, &wo,
           "the story is canceled (pubstatus); epub output cannot carry its status: pass "
           "--ignore-status to write it anyway",
           "epub refuses a canceled story");
    expect("text", killed, &wo,
           "the story is canceled (pubstatus); text output cannot carry its status: pass "
           "--ignore-status to write it anyway",
           "text refuses a canceled story");
    expect("text", embargoed, &wo,
           "the story is embargoed until 2024-03-14T07:30:00Z; text output cannot carry the "
           "embargo: pass --ignore-status to write it anyway",
           "text refuses an embargoed story");
    expect("epub", embargoed, &wo,
           "the story is embargoed until 2024-03-14T07:30:00Z; epub output cannot carry the "
           "embargo: pass --ignore-status to write it anyway",
           "epub refuses an embargoed story");
    expect("text", held, &wo,
           "the story is withheld (pubstatus); text output cannot carry its status: pass "
           "--ignore-status to write it anyway",
           "the status is named before the embargo");
    artconv_article_set(held, ARTCONV_META_PUBSTATUS, NULL, NULL);
    expect("text", held, &wo,
           "the story is embargoed indefinitely; text output cannot carry the embargo: pass "
           "--ignore-status to write it anyway",
           "an indefinite embargo");
    expect("text", usable, &wo, NULL, "a usable story is written as text");
    expect("epub", usable, &wo, NULL, "a usable story is written as epub");

    wo.front_matter = ARTCONV_FRONT_MATTER_NEVER;
    expect("markdown", killed, &wo,
           "the story is canceled (pubstatus); markdown output without front matter cannot "
           "carry its status: pass --ignore-status to write it anyway",
           "markdown without front matter refuses");
    wo.front_matter = ARTCONV_FRONT_MATTER_AUTO;
    expect("markdown", killed, &wo, NULL, "markdown with front matter (auto) writes");
    wo.fragment = 1;
    expect("html", embargoed, &wo,
           "the story is embargoed until 2024-03-14T07:30:00Z; html output as a fragment cannot "
           "carry the embargo: pass --ignore-status to write it anyway",
           "an html fragment refuses");
    wo.fragment = 0;
    expect("html", embargoed, &wo, NULL, "an html page writes");
    expect("json", killed, &wo, NULL, "json writes");
    expect("newsml", killed, &wo, NULL, "newsml writes");

    wo.ignore_status = 1;
    expect("text", killed, &wo, NULL, "ignore_status: text writes a canceled story");
    expect("epub", embargoed, &wo, NULL, "ignore_status: epub writes an embargoed story");
    wo.fragment = 1;
    expect("html", killed, &wo, NULL, "ignore_status: an html fragment writes");

    artconv_article_free(killed);
    artconv_article_free(embargoed);
    artconv_article_free(held);
    artconv_article_free(usable);
}

/* A value from the input is quoted on one line. */
static void test_message_stays_one_line(void)
{
    artconv_article *a = story("held\nfor\tlegal", NULL);
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_error err;

    ok(artconv_write(&out, fmt("text"), a, NULL, &err) == ARTCONV_EUNSUPPORTED &&
           strchr(err.message, '\n') == NULL && strstr(err.message, "held for legal") != NULL,
       "a status with line breaks is quoted on one line");
    artconv_article_free(a);
    artconv_buf_dispose(&out);
}

static void test_book(void)
{
    artconv_article *ok_story = story(NULL, NULL), *killed = story(NULL, "indefinite");
    const artconv_article *two[2];
    artconv_write_options wo;
    artconv_write_options_init(&wo);
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_error err;
    char path[] = "/tmp/artconv-status-XXXXXX";
    int fd;

    two[0] = ok_story;
    two[1] = killed;
    wo.timestamp = 0;
    ok(artconv_write_book(&out, fmt("epub"), two, 2, "Digest", NULL, &wo, &err) ==
               ARTCONV_EUNSUPPORTED &&
           out.len == 0,
       "a book with an embargoed chapter is refused");
    is_str(err.message,
           "article 2: the story is embargoed indefinitely; epub output cannot carry the "
           "embargo: pass --ignore-status to write it anyway",
           "the message names the article");
    /* The file variant leaves an old file alone. */
    fd = mkstemp(path);
    if (fd >= 0 && write(fd, "old", 3) == 3)
        close(fd);
    ok(artconv_write_book_file(path, fmt("epub"), two, 2, NULL, NULL, &wo, &err) ==
           ARTCONV_EUNSUPPORTED,
       "artconv_write_book_file refuses too");
    artconv_buf_clear(&out);
    ok(test_read_file(path, &out) == 0 && out.len == 3, "the old file is untouched");
    ok(artconv_write_file(path, fmt("text"), killed, &wo, &err) == ARTCONV_EUNSUPPORTED,
       "artconv_write_file refuses too");
    remove(path);
    artconv_buf_clear(&out);
    wo.ignore_status = 1;
    ok(artconv_write_book(&out, fmt("epub"), two, 2, "Digest", NULL, &wo, &err) == 0 && out.len > 0,
       "ignore_status: the book is written");
    artconv_article_free(ok_story);
    artconv_article_free(killed);
    artconv_buf_dispose(&out);
}

/* Write with `to`, read back with `from`: both fields survive. */
static void round_trip(const char *to, const char *from)
{
    artconv_article *a = story("canceled", "2024-03-14T07:30:00Z"), *b = NULL;
    artconv_write_options wo;
    artconv_write_options_init(&wo);
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_error err;
    char what[100];

    wo.timestamp = 0;
    snprintf(what, sizeof what, "%s: written and read back", to);
    if (!ok(artconv_write(&out, fmt(to), a, &wo, &err) == 0 &&
                artconv_read(&b, fmt(from), out.ptr, out.len, NULL, &err) == 0,
            what))
        printf("#   %s\n", err.message);
    snprintf(what, sizeof what, "%s: pubstatus kept", to);
    is_str(artconv_article_get(b, ARTCONV_META_PUBSTATUS), "canceled", what);
    snprintf(what, sizeof what, "%s: embargo kept", to);
    is_str(artconv_article_get(b, ARTCONV_META_EMBARGOED), "2024-03-14T07:30:00Z", what);
    artconv_article_free(a);
    artconv_article_free(b);
    artconv_buf_dispose(&out);
}

static void test_carriers(void)
{
    artconv_article *a = story("canceled", "indefinite");
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_error err;

    round_trip("newsml", "newsml");
    round_trip("markdown", "markdown");
    round_trip("html", "html");
    /* JSON has no reader: look at the text. */
    ok(artconv_write(&out, fmt("json"), a, NULL, &err) == 0 &&
           strstr(out.ptr, "\"pubstatus\": \"canceled\"") != NULL &&
           strstr(out.ptr, "\"embargoed\": \"indefinite\"") != NULL,
       "json: both fields in meta");
    artconv_buf_clear(&out);
    ok(artconv_write(&out, fmt("markdown"), a, NULL, &err) == 0 &&
           strstr(out.ptr, "\npubstatus: canceled\nembargoed: indefinite\n") != NULL,
       "front matter: both keys");
    artconv_buf_clear(&out);
    ok(artconv_write(&out, fmt("html"), a, NULL, &err) == 0 &&
           strstr(out.ptr, "<meta name=\"pubstatus\" content=\"canceled\" />") != NULL &&
           strstr(out.ptr, "<meta name=\"embargoed\" content=\"indefinite\" />") != NULL,
       "html: both as meta in the head");
    artconv_article_free(a);
    artconv_buf_dispose(&out);
}

/* Front matter written by hand: dates are normalised, indefinite kept. */
static void test_front_matter_read(void)
{
    static const char md[] = "---\ntitle: T\npubstatus: withheld\n"
                             "embargoed: 14 March 2024 07:30 UTC\n---\n\nText.\n";
    static const char md2[] = "---\ntitle: T\nembargoed: indefinite\n---\n\nText.\n";
    artconv_article *a = NULL;
    artconv_error err;

    ok(artconv_read(&a, fmt("markdown"), md, strlen(md), NULL, &err) == 0, "front matter reads");
    is_str(artconv_article_get(a, ARTCONV_META_PUBSTATUS), "withheld", "front matter: pubstatus");
    is_str(artconv_article_get(a, ARTCONV_META_EMBARGOED), "2024-03-14T07:30:00Z",
           "front matter: the embargo in ISO 8601");
    artconv_article_free(a);
    a = NULL;
    ok(artconv_read(&a, fmt("markdown"), md2, strlen(md2), NULL, &err) == 0 &&
           artconv_article_get(a, ARTCONV_META_EMBARGOED) != NULL &&
           strcmp(artconv_article_get(a, ARTCONV_META_EMBARGOED), "indefinite") == 0,
       "front matter: indefinite is kept");
    artconv_article_free(a);
}

int main(void)
{
    test_names();
    test_refusals();
    test_message_stays_one_line();
    test_book();
    test_carriers();
    test_front_matter_read();
    return tap_done();
}
