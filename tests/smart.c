/*
 * smart.c - tests of artconv_article_smarten (--smart): quotes, apostrophes,
 * dashes and ellipses in text and metadata, context carried across inline
 * nodes, code and raw HTML left alone.
 */
#include "artconv.h"
#include "tap.h"
#include "testutil.h"

#include <string.h>

/* The Markdown `md` read, smartened and written as text (no wrapping). */
static void smart_text(artconv_buf *out, const char *md)
{
    artconv_article *a = NULL;
    artconv_write_options wo;

    artconv_write_options_init(&wo);
    wo.width = 0;
    artconv_buf_clear(out);
    if (artconv_read(&a, artconv_format_by_name("markdown"), md, strlen(md), NULL, NULL) == 0 &&
        artconv_article_smarten(a, NULL) == 0)
        artconv_write(out, artconv_format_by_name("markdown"), a, &wo, NULL);
    artconv_article_free(a);
}

static void is_smart(const char *md, const char *want, const char *what)
{
    artconv_buf out = ARTCONV_BUF_INIT;

    smart_text(&out, md);
    is_str(out.ptr, want, what);
    artconv_buf_dispose(&out);
}

/* Smartening changes nothing in `md`. */
static void is_unchanged(const char *md, const char *what)
{
    artconv_buf out = ARTCONV_BUF_INIT, plain = ARTCONV_BUF_INIT;
    artconv_article *a = NULL;

    smart_text(&out, md);
    if (artconv_read(&a, artconv_format_by_name("markdown"), md, strlen(md), NULL, NULL) == 0)
        artconv_write(&plain, artconv_format_by_name("markdown"), a, NULL, NULL);
    ok(out.ptr != NULL && plain.ptr != NULL && strcmp(out.ptr, plain.ptr) == 0, what);
    artconv_article_free(a);
    artconv_buf_dispose(&out);
    artconv_buf_dispose(&plain);
}

static void test_punctuation(void)
{
    is_smart("He said \"yes\".\n", "He said \xe2\x80\x9cyes\xe2\x80\x9d.\n", "double quotes");
    is_smart("'Quite' so.\n", "\xe2\x80\x98Quite\xe2\x80\x99 so.\n", "single quotes");
    is_smart("It's the '90s.\n", "It\xe2\x80\x99s the \xe2\x80\x99" "90s.\n",
             "apostrophes in a word and before a year");
    is_smart("1990--2000 --- at last...\n",
             "1990\xe2\x80\x93" "2000 \xe2\x80\x94 at last\xe2\x80\xa6\n",
             "en dash, em dash and ellipsis");
    is_smart("(\"in brackets\")\n", "(\xe2\x80\x9cin brackets\xe2\x80\x9d)\n",
             "a quote after a bracket opens");
    is_smart("\"*Emphasis*\" inside\n", "\xe2\x80\x9c*Emphasis*\xe2\x80\x9d inside\n",
             "context is carried across inline nodes");
    is_smart("Run `say \"hi\" -- now` here\n", "Run `say \"hi\" -- now` here\n",
             "code is left alone");
    is_unchanged("```\n\"x\" -- y\n```\n", "code blocks are left alone");
    is_unchanged("a <kbd>\"x\"</kbd> b\n", "raw HTML tags are left alone");
    is_smart("a\n\n\"b\"\n", "a\n\n\xe2\x80\x9c" "b\xe2\x80\x9d\n", "a new block starts afresh");
}

static void test_metadata(void)
{
    artconv_article *a = artconv_article_new();

    artconv_article_set(a, ARTCONV_META_TITLE, "\"Bridge\" reopens -- at last", NULL);
    artconv_article_set(a, ARTCONV_META_SOURCE, "https://x.example/a--b", NULL);
    is_int(artconv_article_smarten(a, NULL), 0, "smartened");
    is_str(artconv_article_get(a, ARTCONV_META_TITLE),
           "\xe2\x80\x9c" "Bridge\xe2\x80\x9d reopens \xe2\x80\x93 at last", "the title");
    is_str(artconv_article_get(a, ARTCONV_META_SOURCE), "https://x.example/a--b",
           "a URL is left alone");
    is_int(artconv_article_smarten(NULL, NULL), ARTCONV_EINVALID, "NULL is refused");
    artconv_article_free(a);
}

int main(void)
{
    test_punctuation();
    test_metadata();
    return tap_done();
}
