/*
 * raw_html.c - tests of the inertness check (src/raw_html.c) that decides
 * which raw HTML the Markdown reader keeps and the Markdown writer writes:
 * harmless markup passes, and every way we know to smuggle script, a
 * foreign document or a parser mode switch past it fails.
 */
#include "raw_html.h"
#include "tap.h"

#include <stdio.h>
#include <string.h>

/* A test name without line breaks, which TAP cannot hold. */
static void name(char *what, size_t size, const char *prefix, const char *html)
{
    size_t n = strlen(prefix), i;

    snprintf(what, size, "%s", prefix);
    for (i = 0; html[i] != '\0' && n + 3 < size; i++) {
        if (html[i] == '\n') {
            what[n++] = '\\';
            what[n++] = 'n';
        } else {
            what[n++] = html[i];
        }
    }
    what[n] = '\0';
}

static int inert(const char *html)
{
    return ac_raw_html_is_inert(html, strlen(html));
}

static int markup_only(const char *html)
{
    return ac_raw_html_is_markup_only(html, strlen(html));
}

static const char *const inert_cases[] = {
    "<a href=\"/bar\\/)\">",
    "<a href=\"&ouml;&ouml;.html\">",
    "<a href=\"`\">",
    "<a href=\"**\">",
    "<a href=\"foo  \nbar\">",
    "<a href=\"https://example.com/a?b=c#d\" title='t' rel=nofollow>",
    "<a href=\"HTTP://example.com/\">",
    "<a href=\"mailto:desk@example.com\">",
    "<a href=\"page.html?next=javascript:x\">",
    "<a href=\"#top\">",
    "<a href=\"\">",
    "<a>",
    "</a>",
    "</a >",
    "<bar>",
    "<foo bar>",
    "<foo\nbar>",
    "<bar attr=\"](baz)\">",
    "<b>",
    "<img src=\"foo\" title=\"*\"/>",
    "<img srcset=\"a.png 1x, https://x.example/b.png 2x\" alt=\"\">",
    "<span style=\"color: red; font-weight: bold\">",
    "<my-widget data-id=\"7\" class=\"a b\">",
    "<!-- -->",
    "<!-- a comment\nover lines -->",
    "<!-- one --> <!-- two -->",
    "<div>\n<span class=\"x\">\n</div>",
    "<td disabled>",
    "",
};

typedef struct {
    const char *html;
    const char *why;
} hostile;

static const hostile hostile_cases[] = {
    {"<a href=\"javascript:alert(1)\">", "javascript: URL"},
    {"<a href=\" JaVaScRiPt:alert(1)\">", "mixed case and a leading space"},
    {"<a href=\"java&#x09;script:alert(1)\">", "a tab as a hex reference"},
    {"<a href=\"java&#9;script:alert(1)\">", "a tab as a decimal reference"},
    {"<a href=\"java&Tab;script:alert(1)\">", "a tab as a named reference"},
    {"<a href=\"javascript&colon;alert(1)\">", "the colon as a named reference"},
    {"<a href=\"&#106;avascript:alert(1)\">", "a letter as a reference without ';'"},
    {"<a href=\"&#x6A&#x61vascript:alert(1)\">", "hex references without ';'"},
    {"<a href=\"java\nscript:alert(1)\">", "a line break inside the scheme"},
    {"<a href=javascript:alert(1)>", "unquoted"},
    {"<a href=\"vbscript:msgbox(1)\">", "vbscript: URL"},
    {"<a href=\"data:text/html,<script>alert(1)</script>\">", "data: URL"},
    {"<a href=\"data:text/html;base64,PHNjcmlwdD4=\">", "base64 data: URL"},
    {"<a href=\"file:///etc/passwd\">", "file: URL"},
    {"<a href=\":x\">", "an empty scheme"},
    {"<img src=x onerror=alert(1)>", "an event handler"},
    {"<img src=\"x\" ONERROR=\"alert(1)\">", "an upper-case event handler"},
    {"<div onclick=\"steal()\">", "onclick"},
    {"<div\tonmouseover='x()'>", "a handler after a tab"},
    {"<svg onload=alert(1)>", "svg"},
    {"<svg>", "svg switches the parser to foreign content"},
    {"<math>", "math"},
    {"<script>", "script"},
    {"<SCRIPT>", "upper-case script"},
    {"</script>", "a script end tag"},
    {"<style>", "style"},
    {"<iframe src=\"https://x.example/\">", "iframe"},
    {"<object data=\"x.swf\">", "object"},
    {"<embed src=\"x.swf\">", "embed"},
    {"<form action=\"https://x.example/\">", "form"},
    {"<input autofocus>", "a form control"},
    {"<textarea>", "textarea switches the parser to raw text"},
    {"<button formaction=\"javascript:x\">", "button"},
    {"<base href=\"https://evil.example/\">", "base"},
    {"<meta http-equiv=\"refresh\" content=\"0;url=javascript:x\">", "meta"},
    {"<link rel=stylesheet href=\"https://x.example/a.css\">", "link"},
    {"<template>", "template"},
    {"<noscript>", "noscript"},
    {"<xmp>", "xmp"},
    {"<plaintext>", "plaintext"},
    {"<video poster=\"x.png\">", "video"},
    {"<div style=\"background: url(javascript:x)\">", "url( in a style"},
    {"<div style=\"width: expression(alert(1))\">", "expression in a style"},
    {"<div style=\"background: u&#114;l(x)\">", "url( behind a reference"},
    {"<div style=\"background: \\75rl(x)\">", "a CSS escape"},
    {"<div style=\"x: ex/**/pression(1)\">", "a CSS comment"},
    {"<img srcset=\"a.png 1x, javascript:x 2x\">", "a bad URL in a srcset list"},
    {"<a ping=\"https://x.example/ javascript:x\">", "a bad URL in a ping list"},
    {"<div background=\"javascript:x\">", "background"},
    {"<blockquote cite=\"javascript:x\">", "cite"},
    {"<a xlink:href=\"javascript:x\">", "a namespaced attribute"},
    {"<div v-html=\"x\">", "a Vue binding"},
    {"<div x-on:click=\"x()\">", "an Alpine binding"},
    {"<div hx-get=\"/x\">", "an htmx attribute"},
    {"<div srcdoc=\"x\">", "srcdoc"},
    {"<!-- --><script>alert(1)</script>", "script after a comment"},
    {"<!--><script>alert(1)</script>-->", "<!--> ends a comment in a browser"},
    {"<!---><img src=x onerror=alert(1)>-->", "<!---> ends a comment in a browser"},
    {"<!-- x --!><img src=x onerror=alert(1)>-->", "--!> ends a comment in a browser"},
    {"<!-- unclosed", "an unclosed comment"},
    {"<?php echo 1; ?>", "a processing instruction"},
    {"<!DOCTYPE html>", "a declaration"},
    {"<![CDATA[x]]>", "CDATA"},
    {"<a href=\"x\"", "an unclosed tag"},
    {"<a/href=\"javascript:x\">", "a slash for a space"},
    {"<a href=\"x\"onclick=\"y()\">", "attributes without space between"},
    {"<a href=`javascript:x`>", "backquotes"},
    {"<div>\n<script", "a tag left open at the end"},
    {"</a foo>", "an end tag with attributes"},
    {NULL, NULL},
};

static void test_inert(void)
{
    size_t i;
    char what[160];

    for (i = 0; i < sizeof inert_cases / sizeof inert_cases[0]; i++) {
        name(what, sizeof what, "inert: ", inert_cases[i]);
        ok(inert(inert_cases[i]), what);
    }
}

static void test_hostile(void)
{
    const hostile *h;
    char what[200];

    for (h = hostile_cases; h->html != NULL; h++) {
        snprintf(what, sizeof what, "not inert: %s", h->why);
        ok(!inert(h->html), what);
    }
    ok(!ac_raw_html_is_inert(NULL, 0), "not inert: NULL");
    /* The length counts, not a NUL: a hostile tail past `len` is unseen,
     * one before it is seen. */
    ok(ac_raw_html_is_inert("<b><script>", 3), "only `len` bytes are read");
    ok(!ac_raw_html_is_inert("<b><script>", 11), "... all of them");
}

static void test_long_values(void)
{
    static char html[20000];
    size_t n;

    /* An attribute value too long to decode for the check is refused. */
    memcpy(html, "<a href=\"", 9);
    for (n = 9; n < 9 + 10000; n++)
        html[n] = 'a';
    memcpy(html + n, "\">", 3);
    ok(!inert(html), "not inert: a 10,000-byte URL");
    html[9 + 100] = '\0';
    memcpy(html + 9 + 100, "\">", 3);
    ok(inert(html), "inert: a 100-byte URL");
}

static void test_markup_only(void)
{
    ok(markup_only("<a href=\"/x\">"), "markup only: a tag");
    ok(markup_only("<!-- c -->\n<b> </b>"), "markup only: a comment, tags, white space");
    ok(markup_only("<script>"), "markup only: a hostile tag is still markup");
    ok(!markup_only("<p>words</p>"), "not markup only: text");
    ok(!markup_only("&amp;"), "not markup only: a reference");
    ok(!markup_only("a < b"), "not markup only: a bare '<'");
    ok(!markup_only("<?php ?>"), "not markup only: unreadable");
    ok(!markup_only("<a href=\"x\""), "not markup only: an unclosed tag");
}

int main(void)
{
    test_inert();
    test_hostile();
    test_long_values();
    test_markup_only();
    return tap_done();
}
