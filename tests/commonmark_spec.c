/*
 * commonmark_spec.c - the Markdown round trip on the 652 examples of the
 * CommonMark 0.30 spec (../shared/specs/commonmark/spec-0.30.json).
 *
 * Each example is read by artconv and written back as Markdown; cmark
 * renders the original and the result to HTML (unsafe: raw HTML kept),
 * and the two renderings must match once white space is normalised:
 * white space between tags is dropped and every other run of white space
 * outside <pre> becomes one space (a soft break and a space render alike).
 *
 * In the "HTML blocks" and "Raw HTML" sections, where raw HTML goes
 * through the HTML reader into the model, only the text has to survive:
 * "text" is the character data of the original's rendering (tags and
 * comments stripped, entities left as cmark escaped them), cut at white
 * space; each such word must appear in the stripped rendering of the
 * result.
 *
 * Outside those sections, examples with raw HTML (cmark finds an HTML
 * block or inline tag) are counted apart as well: the model keeps what the
 * HTML reader maps, keeps inert HTML it cannot map as raw HTML nodes and
 * drops the rest, so they must keep their text and any HTML difference
 * must be listed.  The 99% bar holds both for all the examples outside the
 * HTML sections and for those free of raw HTML.
 *
 * The reader and writer are built on cmark-gfm 0.29.0.gfm.6, which this
 * test renders with too.  It renders 650 of the 652 examples as the 0.30
 * spec says, the table extension on or off: example 28 (&#87654321;
 * becomes U+FFFD, 0.30 keeps it as text) and example 171 (<textarea>
 * starts an HTML block only in 0.30) differ on both sides of the round
 * trip alike, so they pass here.  The GFM autolink extension would change
 * five more (601, 605, 607, 610, 611): the readers leave it off.
 *
 * A second pass (artconv's Markdown read and written again) must give the
 * same bytes.  Every example that fails is listed below with the reason;
 * an unlisted failure, or a listed example that passes, fails the test.
 */
#include "artconv.h"
#include "tap.h"
#include "testutil.h"

#include <cmark-gfm.h>
#include <jansson.h>

#include <ctype.h>
#include <stdio.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    int example;
    const char *reason;
} exception;

/* Examples whose HTML (or, in the raw HTML sections, text) differs after
 * the round trip, and why. */
static const exception exceptions[] = {
    {474, "<img title> maps to a Markdown image, so it is no raw HTML: cmark adds alt=\"\", "
          "and the fragment path does not keep the title"},
    /* Autolinks with schemes outside the allowlist (docs/limits.md, "Links
     * and scripts"): the reader keeps the text, not the link. */
    {595, "irc: is not an allowed link scheme"},
    {597, "a+b+c: is not an allowed link scheme"},
    {598, "made-up-scheme: is not an allowed link scheme"},
    {600, "localhost: is not an allowed link scheme"},
};

static const char *exception_reason(int example)
{
    size_t i;

    for (i = 0; i < sizeof exceptions / sizeof exceptions[0]; i++)
        if (exceptions[i].example == example)
            return exceptions[i].reason;
    return NULL;
}

static int is_html_section(const char *section)
{
    return strcmp(section, "HTML blocks") == 0 || strcmp(section, "Raw HTML") == 0;
}

/* 1 if cmark finds raw HTML (a block or an inline tag) in `md`. */
static int has_raw_html(const char *md)
{
    cmark_node *doc = cmark_parse_document(md, strlen(md), CMARK_OPT_DEFAULT);
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    int found = 0;

    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node_type t = cmark_node_get_type(cmark_iter_get_node(it));

        found |= t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE;
    }
    cmark_iter_free(it);
    cmark_node_free(doc);
    return found;
}

static char *render(const char *md)
{
    cmark_node *doc = cmark_parse_document(md, strlen(md), CMARK_OPT_DEFAULT);
    char *html = cmark_render_html(doc, CMARK_OPT_UNSAFE, NULL);

    cmark_node_free(doc);
    return html;
}

static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* White space between tags dropped, other runs outside <pre> as one
 * space, none at the ends. */
static void normalise(artconv_buf *out, const char *html)
{
    size_t i = 0, j;
    int pre = 0;

    artconv_buf_clear(out);
    artconv_buf_put(out, "", 0);
    while (html[i] != '\0') {
        if (strncmp(html + i, "<pre", 4) == 0)
            pre = 1;
        else if (strncmp(html + i, "</pre>", 6) == 0)
            pre = 0;
        if (pre || !is_ws(html[i])) {
            artconv_buf_putc(out, html[i++]);
            continue;
        }
        for (j = i; is_ws(html[j]); j++)
            ;
        if (!(i == 0 || html[j] == '\0' || (html[i - 1] == '>' && html[j] == '<')))
            artconv_buf_putc(out, ' ');
        i = j;
    }
}

/* Skips from `s` past `end` (or to the end of the string). */
static const char *skip_past(const char *s, const char *end)
{
    const char *e = strstr(s, end);

    return e != NULL ? e + strlen(end) : s + strlen(s);
}

/* Skips a tag's name and attributes, quoted values included. */
static const char *skip_tag(const char *s)
{
    char quote = 0;

    for (; *s != '\0'; s++) {
        if (quote != 0 && *s == quote)
            quote = 0;
        else if (quote == 0 && (*s == '"' || *s == '\''))
            quote = *s;
        else if (quote == 0 && *s == '>')
            return s + 1;
    }
    return s;
}

/* The text of an HTML rendering: its character data, with the basic
 * entities decoded, outside tags, comments, processing instructions,
 * declarations, CDATA and the insides of <script> and <style> (which the
 * issue says never pass).  A tag left open at the end hides the rest, as
 * in an HTML tokenizer. */
static void strip_tags(artconv_buf *out, const char *html)
{
    static const struct {
        const char *entity, *text;
    } entities[] = {{"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}, {"&quot;", "\""}};
    size_t i;

    artconv_buf_clear(out);
    artconv_buf_put(out, "", 0);
    while (*html != '\0') {
        if (strncmp(html, "<!--", 4) == 0) {
            html = skip_past(html + 4, "-->");
        } else if (strncmp(html, "<![CDATA[", 9) == 0) {
            html = skip_past(html + 9, "]]>");
        } else if (strncmp(html, "<?", 2) == 0) {
            html = skip_past(html + 2, "?>");
        } else if (strncasecmp(html, "<script", 7) == 0) {
            html = skip_past(html + 7, "</script>");
        } else if (strncasecmp(html, "<style", 6) == 0) {
            html = skip_past(html + 6, "</style>");
        } else if (*html == '<' &&
                   (html[1] == '/' || html[1] == '!' || isalpha((unsigned char)html[1]))) {
            html = skip_tag(html + 1);
        } else {
            for (i = 0; i < sizeof entities / sizeof entities[0]; i++)
                if (strncmp(html, entities[i].entity, strlen(entities[i].entity)) == 0)
                    break;
            if (i < sizeof entities / sizeof entities[0]) {
                artconv_buf_puts(out, entities[i].text);
                html += strlen(entities[i].entity);
            } else {
                artconv_buf_putc(out, *html++);
            }
            continue;
        }
        artconv_buf_putc(out, ' ');
    }
}

/* The first word of `text` (input's stripped HTML) missing from
 * `within`, or NULL. */
static const char *missing_word(const char *text, const char *within, artconv_buf *word)
{
    size_t n;

    for (;;) {
        while (is_ws(*text))
            text++;
        if (*text == '\0')
            return NULL;
        for (n = 0; text[n] != '\0' && !is_ws(text[n]); n++)
            ;
        artconv_buf_clear(word);
        artconv_buf_put(word, text, n);
        if (strstr(within, word->ptr) == NULL)
            return word->ptr;
        text += n;
    }
}

/* Markdown -> article -> Markdown.  Returns 0 or the failing status. */
static int round_trip(artconv_buf *out, const char *md, artconv_error *err)
{
    const artconv_format *f = artconv_format_by_name("markdown");
    artconv_article *a = NULL;
    int rc;

    artconv_buf_clear(out);
    artconv_buf_put(out, "", 0);
    rc = artconv_read(&a, f, md, strlen(md), NULL, err);
    if (rc == 0)
        rc = artconv_write(out, f, a, NULL, err);
    artconv_article_free(a);
    return rc;
}

typedef struct {
    int total, pass;
} tally;

static void count(tally *t, int pass)
{
    t->total++;
    t->pass += pass;
}

static void report(const char *what, const tally *t)
{
    printf("# %s: %d of %d (%.2f%%)\n", what, t->pass, t->total,
           t->total ? 100.0 * t->pass / t->total : 0.0);
}

int main(void)
{
    const char *shared = test_shared_dir();
    artconv_buf path = ARTCONV_BUF_INIT, md1 = ARTCONV_BUF_INIT, md2 = ARTCONV_BUF_INIT;
    artconv_buf n1 = ARTCONV_BUF_INIT, n2 = ARTCONV_BUF_INIT, word = ARTCONV_BUF_INIT;
    artconv_buf msg = ARTCONV_BUF_INIT;
    tally markdown = {0, 0}, plain = {0, 0}, html = {0, 0}, raw_text = {0, 0};
    int unlisted = 0, stale = 0, unstable = 0, errors = 0;
    json_t *spec, *ex;
    json_error_t jerr;
    artconv_error err;
    size_t i;
    char line[512];

    if (shared == NULL)
        return tap_skip_all("../shared is absent: no CommonMark spec examples");
    artconv_buf_puts(&path, shared);
    artconv_buf_puts(&path, "/specs/commonmark/spec-0.30.json");
    spec = json_load_file(path.ptr, 0, &jerr);
    if (spec == NULL)
        return tap_skip_all("spec-0.30.json is missing or unreadable");
    is_int(json_array_size(spec), 652, "the spec has 652 examples");

    json_array_foreach(spec, i, ex)
    {
        const char *md = json_string_value(json_object_get(ex, "markdown"));
        const char *section = json_string_value(json_object_get(ex, "section"));
        int number = (int)json_integer_value(json_object_get(ex, "example"));
        int in_html = is_html_section(section), raw = has_raw_html(md), pass = 0;
        const char *reason = exception_reason(number), *lost = NULL;
        char *h1, *h2;

        if (round_trip(&md1, md, &err) < 0) {
            snprintf(line, sizeof line, "example %d: artconv failed: %s", number, err.message);
            tap_diag(line);
            errors++;
            continue;
        }
        h1 = render(md);
        h2 = render(md1.ptr);
        strip_tags(&n1, h1);
        strip_tags(&n2, h2);
        lost = missing_word(n1.ptr, n2.ptr, &word);
        if (in_html) {
            pass = lost == NULL;
            count(&html, pass);
        } else {
            normalise(&n1, h1);
            normalise(&n2, h2);
            pass = strcmp(n1.ptr, n2.ptr) == 0;
            count(&markdown, pass);
            count(raw ? &raw_text : &plain, raw ? lost == NULL : pass);
            if (raw && lost != NULL) {
                snprintf(line, sizeof line, "example %d: the word '%s' is lost", number, lost);
                tap_diag(line);
            }
        }
        if (!pass && reason == NULL) {
            unlisted++;
            artconv_buf_clear(&msg);
            snprintf(line, sizeof line, "example %d (%s) differs and is not listed", number,
                     section);
            tap_diag(line);
            printf("#   markdown: ");
            for (const char *c = md; *c; c++)
                printf(*c == '\n' ? "\\n" : "%c", *c);
            printf("\n#   written:  ");
            for (const char *c = md1.ptr; *c; c++)
                printf(*c == '\n' ? "\\n" : "%c", *c);
            if (lost != NULL)
                printf("\n#   lost word: %s", lost);
            else
                printf("\n#   want: %s\n#   got:  %s", n1.ptr, n2.ptr);
            printf("\n");
        } else if (pass && reason != NULL) {
            stale++;
            snprintf(line, sizeof line, "example %d is listed as an exception but passes", number);
            tap_diag(line);
        }
        free(h1);
        free(h2);
        if (round_trip(&md2, md1.ptr, &err) < 0 || strcmp(md1.ptr, md2.ptr) != 0) {
            unstable++;
            snprintf(line, sizeof line, "example %d: a second pass changes the Markdown", number);
            tap_diag(line);
        }
    }
    report("same HTML outside the HTML sections", &markdown);
    report("  of which without raw HTML", &plain);
    report("  of which with raw HTML: all text kept", &raw_text);
    report("all text kept in the HTML sections", &html);
    is_int(errors, 0, "artconv reads and writes every example");
    /* Inert raw HTML the model cannot map stays raw (issue 4); what is not
     * inert is dropped by design, and must keep its text at least. */
    ok(markdown.total == 587 && markdown.pass * 100 >= markdown.total * 99,
       "at least 99% of the examples outside the HTML sections give the same HTML");
    ok(plain.total > 500 && plain.pass * 100 >= plain.total * 99,
       "at least 99% of the examples without raw HTML give the same HTML");
    is_int(raw_text.pass, raw_text.total, "examples with raw HTML elsewhere keep all their text");
    ok(html.total > 60 && html.pass == html.total,
       "every piece of text survives in the HTML sections");
    is_int(unlisted, 0, "every example that differs is a listed exception");
    is_int(stale, 0, "every listed exception still differs");
    is_int(unstable, 0, "a second Markdown -> Markdown pass changes nothing");
    json_decref(spec);
    artconv_buf_dispose(&path);
    artconv_buf_dispose(&md1);
    artconv_buf_dispose(&md2);
    artconv_buf_dispose(&n1);
    artconv_buf_dispose(&n2);
    artconv_buf_dispose(&word);
    artconv_buf_dispose(&msg);
    return tap_done();
}
