/*
 * markdown_write.c - tests of the Markdown writer: golden files, the front
 * matter parsed back with libyaml, the body parsed back with cmark and
 * compared node by node with what the model says it should be, escaping,
 * raw HTML safety, stability, the empty article and deep nesting.
 *
 * One job over 600 lines: the house keeps one test file a writer, and
 * the cases share the parse-back checks (libyaml, cmark).
 */
#include "artconv.h"
#include "tap.h"
#include "testutil.h"

#include <cmark-gfm.h>
#include <yaml.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const artconv_format *markdown(void)
{
    return artconv_format_by_name("markdown");
}

/* Writes `a` with front matter `mode` into `out` (emptied first); reports
 * one check named `what`. */
static int write_md(artconv_buf *out, const artconv_article *a, artconv_front_matter mode,
                    const char *what)
{
    artconv_write_options opts;
    artconv_write_options_init(&opts);
    artconv_error err;
    int rc;

    opts.front_matter = mode;
    artconv_buf_clear(out);
    rc = artconv_write(out, markdown(), a, &opts, &err);
    if (!is_int(rc, 0, what))
        printf("#   %s\n", err.message);
    if (rc == 0 && out->ptr == NULL)
        artconv_buf_put(out, "", 0);
    return rc == 0;
}

/* The Markdown after the front matter (and the blank line after it). */
static const char *body_of(const char *md)
{
    const char *end;

    if (strncmp(md, "---\n", 4) != 0)
        return md;
    end = strstr(md + 3, "\n---\n");
    if (end == NULL)
        return md;
    end += 5;
    return *end == '\n' ? end + 1 : end;
}

/* --- small article builders ----------------------------------------------- */

static artconv_node *add(artconv_node *parent, artconv_node_kind kind)
{
    artconv_node *node = artconv_node_new(kind);

    if (node != NULL && artconv_node_append(parent, node, NULL) < 0) {
        artconv_node_free(node);
        node = NULL;
    }
    if (node == NULL) {
        printf("# cannot build the test article\n");
        exit(1);
    }
    return node;
}

static artconv_node *add_text(artconv_node *parent, const char *s)
{
    artconv_node *node = add(parent, ARTCONV_NODE_TEXT);

    artconv_node_set_literal(node, s, NULL);
    return node;
}

static artconv_node *wrap(artconv_node *parent, artconv_node_kind kind, const char *s)
{
    artconv_node *node = add(parent, kind);

    add_text(node, s);
    return node;
}

static artconv_article *new_article(void)
{
    artconv_article *a = artconv_article_new();

    if (a == NULL) {
        printf("# out of memory\n");
        exit(1);
    }
    return a;
}

/* --- signatures: a tree as a string, to compare two trees ---------------- */

/* Adjacent text is merged before it is printed: cmark splits text at
 * characters it escapes or might have parsed, the model does not. */
typedef struct {
    artconv_buf out;
    artconv_buf text;
} sig;

static void sig_flush(sig *s)
{
    if (s->text.len > 0) {
        artconv_buf_puts(&s->out, "text[");
        artconv_buf_put(&s->out, s->text.ptr, s->text.len);
        artconv_buf_puts(&s->out, "]");
        artconv_buf_clear(&s->text);
    }
}

static void sig_put(sig *s, const char *token)
{
    sig_flush(s);
    artconv_buf_puts(&s->out, token);
}

static void sig_attr(sig *s, const char *name, const char *value)
{
    artconv_buf_puts(&s->out, name);
    artconv_buf_puts(&s->out, "=");
    artconv_buf_puts(&s->out, value != NULL ? value : "");
    artconv_buf_puts(&s->out, ";");
}

static void sig_dispose(sig *s)
{
    artconv_buf_dispose(&s->out);
    artconv_buf_dispose(&s->text);
}

/* cmark percent-encodes spaces in URLs. */
static void sig_url(sig *s, const char *url)
{
    artconv_buf_puts(&s->out, "url=");
    for (; url != NULL && *url != '\0'; url++)
        if (*url == ' ')
            artconv_buf_puts(&s->out, "%20");
        else
            artconv_buf_putc(&s->out, *url);
    artconv_buf_puts(&s->out, ";");
}

/* Model text: line endings are soft breaks, or spaces in a heading. */
static void sig_model_text(sig *s, const char *t, int in_heading)
{
    for (; *t != '\0'; t++) {
        if (*t == '\r' || *t == '\n') {
            if (*t == '\r' && t[1] == '\n')
                t++;
            if (in_heading)
                artconv_buf_putc(&s->text, ' ');
            else
                sig_put(s, "softbreak ");
        } else {
            artconv_buf_putc(&s->text, *t);
        }
    }
}

static void sig_model_image(sig *s, const char *url, const char *alt, const char *title)
{
    sig_put(s, "image{");
    sig_url(s, url);
    sig_attr(s, "title", title);
    artconv_buf_puts(&s->out, "}(");
    if (alt != NULL)
        for (; *alt != '\0'; alt++)
            artconv_buf_putc(&s->text, *alt == '\n' || *alt == '\r' ? ' ' : *alt);
    sig_put(s, ")");
}

/* Figures, tables and raw HTML the writer puts in HTML blocks. */
static int is_html(const artconv_node *n)
{
    artconv_node_kind k = artconv_node_get_kind(n);

    return k == ARTCONV_NODE_TABLE || k == ARTCONV_NODE_RAW_HTML_BLOCK ||
           (k == ARTCONV_NODE_FIGURE &&
            (artconv_node_get_url(n) == NULL || artconv_node_get_credit(n) != NULL));
}

/* The writer's rule for blocks on consecutive lines of a tight item:
 * after a list, a quote's or paragraph's lazy continuation and an HTML
 * block's run to a blank line would swallow the next block; headings,
 * code blocks and thematic breaks close themselves; after a paragraph or
 * quote only what may interrupt a paragraph fits. */
static int follows(const artconv_node *a, const artconv_node *b)
{
    artconv_node_kind ka = artconv_node_get_kind(a), kb = artconv_node_get_kind(b);
    const artconv_node *first = artconv_node_first_child(b);

    if (is_html(a) || ka == ARTCONV_NODE_LIST)
        return 0;
    if (ka == ARTCONV_NODE_HEADING || ka == ARTCONV_NODE_CODE_BLOCK ||
        ka == ARTCONV_NODE_THEMATIC_BREAK)
        return 1;
    /* Raw HTML may open a kind of HTML block that cannot interrupt a
     * paragraph. */
    if (kb == ARTCONV_NODE_RAW_HTML_BLOCK)
        return 0;
    if (kb == ARTCONV_NODE_HEADING || kb == ARTCONV_NODE_CODE_BLOCK || is_html(b))
        return 1;
    if (kb == ARTCONV_NODE_BLOCKQUOTE)
        return ka != ARTCONV_NODE_BLOCKQUOTE;
    return kb == ARTCONV_NODE_LIST && first != NULL && artconv_node_first_child(first) != NULL &&
           (!artconv_node_get_list_ordered(b) || artconv_node_get_list_start(b) == 1);
}

static int writes_tight(const artconv_node *list)
{
    const artconv_node *item, *a;

    if (!artconv_node_get_list_tight(list))
        return 0;
    for (item = artconv_node_first_child(list); item != NULL; item = artconv_node_next(item))
        for (a = artconv_node_first_child(item); a != NULL && artconv_node_next(a) != NULL;
             a = artconv_node_next(a))
            if (!follows(a, artconv_node_next(a)))
                return 0;
    return 1;
}

static void sig_model_list(sig *s, const artconv_node *n)
{
    char start[32];

    sig_put(s, "list{");
    sig_attr(s, "type", artconv_node_get_list_ordered(n) ? "ordered" : "bullet");
    snprintf(start, sizeof start, "%d", artconv_node_get_list_start(n));
    if (artconv_node_get_list_ordered(n))
        sig_attr(s, "start", start);
    sig_attr(s, "tight", writes_tight(n) ? "1" : "0");
    artconv_buf_puts(&s->out, "}(");
}

/* What the writer promises: the model's tree in cmark's terms, with
 * the conventions for what CommonMark lacks.  `title` and `subtitle` are
 * the heading and paragraph written in front of the body, or NULL. */
static char *model_signature(const artconv_article *a, const char *title, const char *subtitle)
{
    sig s = {ARTCONV_BUF_INIT, ARTCONV_BUF_INIT};
    artconv_iter *it;
    artconv_event ev;
    const artconv_node *skip = NULL;
    int in_heading = 0, link_depth = 0;
    char level[32], *result;

    sig_put(&s, "document(");
    if (title != NULL) {
        sig_put(&s, "heading{level=1;}(");
        sig_model_text(&s, title, 1);
        sig_put(&s, ")");
    }
    if (subtitle != NULL) {
        sig_put(&s, "paragraph(emph(");
        sig_model_text(&s, subtitle, 0);
        sig_put(&s, "))");
    }
    it = artconv_iter_new(artconv_article_body(a));
    while ((ev = artconv_iter_next(it)) != ARTCONV_EVENT_DONE) {
        const artconv_node *n = artconv_iter_node(it);
        artconv_node_kind kind = artconv_node_get_kind(n);
        int enter = ev == ARTCONV_EVENT_ENTER;
        int has_children = artconv_node_first_child(n) != NULL;
        const char *credit, *lit;

        if (skip != NULL) {
            if (n == skip && !enter)
                skip = NULL;
            continue;
        }
        /* cmark ends a list followed by a list with a comment; the writer
         * avoids it at the top level with another bullet or delimiter. */
        if (enter && kind == ARTCONV_NODE_LIST &&
            artconv_node_get_kind(artconv_node_prev(n)) == ARTCONV_NODE_LIST &&
            artconv_node_get_kind(artconv_node_parent(n)) != ARTCONV_NODE_DOCUMENT)
            sig_put(&s, "html_block ");
        switch (kind) {
        case ARTCONV_NODE_HEADING:
            in_heading = enter;
            snprintf(level, sizeof level, "heading{level=%d;}(", artconv_node_get_level(n));
            sig_put(&s, enter ? level : ")");
            break;
        case ARTCONV_NODE_PARAGRAPH:
            sig_put(&s, enter ? "paragraph(" : ")");
            break;
        case ARTCONV_NODE_ATTRIBUTION:
            sig_put(&s, enter ? "paragraph(" : ")");
            if (enter)
                artconv_buf_puts(&s.text, "\xe2\x80\x94 ");
            break;
        case ARTCONV_NODE_BLOCKQUOTE:
            sig_put(&s, enter ? "block_quote(" : ")");
            break;
        case ARTCONV_NODE_LIST:
            if (enter)
                sig_model_list(&s, n);
            else
                sig_put(&s, ")");
            break;
        case ARTCONV_NODE_ITEM:
            sig_put(&s, enter ? "item(" : ")");
            break;
        case ARTCONV_NODE_CODE_BLOCK:
            sig_put(&s, "code_block{");
            sig_attr(&s, "info", artconv_node_get_info(n));
            /* A parsed code block's literal ends with a line end. */
            lit = artconv_node_get_literal(n);
            artconv_buf_puts(&s.out, "literal=");
            artconv_buf_puts(&s.out, lit != NULL ? lit : "");
            if (lit != NULL && *lit != '\0' && lit[strlen(lit) - 1] != '\n')
                artconv_buf_puts(&s.out, "\n");
            artconv_buf_puts(&s.out, ";}");
            break;
        case ARTCONV_NODE_THEMATIC_BREAK:
            sig_put(&s, "thematic_break ");
            break;
        case ARTCONV_NODE_FIGURE:
            credit = artconv_node_get_credit(n);
            if (artconv_node_get_url(n) == NULL || credit != NULL) {
                sig_put(&s, "html_block ");
                skip = n;
            } else if (enter) {
                sig_put(&s, "paragraph(");
                sig_model_image(&s, artconv_node_get_url(n), artconv_node_get_alt(n), NULL);
            } else {
                sig_put(&s, ")");
            }
            break;
        case ARTCONV_NODE_CAPTION:
            if (has_children)
                sig_put(&s, enter ? "softbreak emph(" : ")");
            break;
        case ARTCONV_NODE_TABLE:
            sig_put(&s, "html_block ");
            skip = n;
            break;
        case ARTCONV_NODE_TEXT:
            sig_model_text(&s, artconv_node_get_literal(n), in_heading);
            break;
        case ARTCONV_NODE_SOFTBREAK:
        case ARTCONV_NODE_LINEBREAK:
            if (in_heading)
                artconv_buf_putc(&s.text, ' ');
            else
                sig_put(&s, kind == ARTCONV_NODE_SOFTBREAK ? "softbreak " : "linebreak ");
            break;
        case ARTCONV_NODE_CODE:
            sig_put(&s, "code{");
            sig_attr(&s, "literal", artconv_node_get_literal(n));
            artconv_buf_puts(&s.out, "}");
            break;
        case ARTCONV_NODE_EMPH:
        case ARTCONV_NODE_STRONG:
            if (has_children)
                sig_put(&s, !enter ? ")" : kind == ARTCONV_NODE_EMPH ? "emph(" : "strong(");
            break;
        case ARTCONV_NODE_LINK:
            if (enter && link_depth++ == 0) {
                sig_put(&s, "link{");
                sig_url(&s, artconv_node_get_url(n));
                sig_attr(&s, "title", artconv_node_get_title(n));
                artconv_buf_puts(&s.out, "}(");
            } else if (!enter && --link_depth == 0) {
                sig_put(&s, ")");
            }
            break;
        case ARTCONV_NODE_IMAGE:
            sig_model_image(&s, artconv_node_get_url(n), artconv_node_get_alt(n),
                            artconv_node_get_title(n));
            break;
        case ARTCONV_NODE_SUPERSCRIPT:
            sig_put(&s, enter ? "html_inline[<sup>]" : "html_inline[</sup>]");
            break;
        case ARTCONV_NODE_SUBSCRIPT:
            sig_put(&s, enter ? "html_inline[<sub>]" : "html_inline[</sub>]");
            break;
        case ARTCONV_NODE_RAW_HTML_BLOCK:
            sig_put(&s, "html_block ");
            break;
        case ARTCONV_NODE_RAW_HTML_INLINE:
            sig_put(&s, "html_inline[");
            artconv_buf_puts(&s.out, artconv_node_get_literal(n));
            artconv_buf_puts(&s.out, "]");
            break;
        default:
            break;
        }
    }
    artconv_iter_free(it);
    sig_put(&s, ")");
    result = artconv_buf_detach(&s.out);
    sig_dispose(&s);
    return result;
}

/* What cmark parsed. */
static char *cmark_signature(cmark_node *root)
{
    sig s = {ARTCONV_BUF_INIT, ARTCONV_BUF_INIT};
    cmark_iter *it = cmark_iter_new(root);
    cmark_event_type ev;
    char num[32], *result;

    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        cmark_node_type type = cmark_node_get_type(n);
        const char *literal = cmark_node_get_literal(n);

        if (ev == CMARK_EVENT_EXIT) {
            sig_put(&s, ")");
            continue;
        }
        switch (type) {
        case CMARK_NODE_TEXT:
            artconv_buf_puts(&s.text, literal);
            continue;
        case CMARK_NODE_HTML_INLINE:
            sig_put(&s, "html_inline[");
            artconv_buf_puts(&s.out, literal);
            artconv_buf_puts(&s.out, "]");
            continue;
        case CMARK_NODE_CODE_BLOCK:
            sig_put(&s, "code_block{");
            sig_attr(&s, "info", cmark_node_get_fence_info(n));
            sig_attr(&s, "literal", literal);
            artconv_buf_puts(&s.out, "}");
            continue;
        case CMARK_NODE_CODE:
            sig_put(&s, "code{");
            sig_attr(&s, "literal", literal);
            artconv_buf_puts(&s.out, "}");
            continue;
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_THEMATIC_BREAK:
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            sig_put(&s, cmark_node_get_type_string(n));
            artconv_buf_puts(&s.out, " ");
            continue;
        default:
            break;
        }
        sig_put(&s, cmark_node_get_type_string(n));
        switch (type) {
        case CMARK_NODE_HEADING:
            snprintf(num, sizeof num, "%d", cmark_node_get_heading_level(n));
            artconv_buf_puts(&s.out, "{");
            sig_attr(&s, "level", num);
            artconv_buf_puts(&s.out, "}");
            break;
        case CMARK_NODE_LIST:
            artconv_buf_puts(&s.out, "{");
            if (cmark_node_get_list_type(n) == CMARK_ORDERED_LIST) {
                sig_attr(&s, "type", "ordered");
                snprintf(num, sizeof num, "%d", cmark_node_get_list_start(n));
                sig_attr(&s, "start", num);
            } else {
                sig_attr(&s, "type", "bullet");
            }
            sig_attr(&s, "tight", cmark_node_get_list_tight(n) ? "1" : "0");
            artconv_buf_puts(&s.out, "}");
            break;
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
            artconv_buf_puts(&s.out, "{");
            sig_attr(&s, "url", cmark_node_get_url(n));
            sig_attr(&s, "title", cmark_node_get_title(n));
            artconv_buf_puts(&s.out, "}");
            break;
        default:
            break;
        }
        artconv_buf_puts(&s.out, "(");
    }
    cmark_iter_free(it);
    result = artconv_buf_detach(&s.out);
    sig_dispose(&s);
    return result;
}

/* Parses `md` with cmark; NULL only if cmark failed. */
static cmark_node *parse(const char *md)
{
    return cmark_parse_document(md, strlen(md), CMARK_OPT_VALIDATE_UTF8);
}

/* Writes `a` without front matter, parses the output back with cmark and
 * compares the tree with the one the model promises. */
static void check_reparse(const artconv_article *a, const char *what)
{
    artconv_buf out = ARTCONV_BUF_INIT;
    cmark_node *doc;
    char *want, *got;

    if (!write_md(&out, a, ARTCONV_FRONT_MATTER_NEVER, what))
        return;
    doc = parse(out.ptr);
    want = model_signature(a, artconv_article_get(a, ARTCONV_META_TITLE),
                           artconv_article_get(a, ARTCONV_META_SUBTITLE));
    got = doc != NULL ? cmark_signature(doc) : NULL;
    is_str(got, want, what);
    free(want);
    free(got);
    if (doc != NULL)
        cmark_node_free(doc);
    artconv_buf_dispose(&out);
}

/* --- golden files ----------------------------------------------------------- */

static void golden(const char *name, const artconv_article *a, artconv_front_matter mode)
{
    artconv_buf out = ARTCONV_BUF_INIT;
    char path[4096], what[256];

    snprintf(path, sizeof path, "%s/golden/markdown_write/%s", test_dir(), name);
    snprintf(what, sizeof what, "golden %s", name);
    if (write_md(&out, a, mode, what))
        golden_check(path, out.ptr, out.len, what);
    artconv_buf_dispose(&out);
}

static void test_golden(void)
{
    artconv_article *sink = fixture_kitchen_sink();
    artconv_article *title = new_article();

    if (!ok(sink != NULL, "the kitchen sink builds"))
        return;
    artconv_article_set(title, ARTCONV_META_TITLE, "Bridge *reopens*", NULL);
    wrap(artconv_article_body(title), ARTCONV_NODE_PARAGRAPH, "Traffic is back.");
    golden("kitchen-sink.md", sink, ARTCONV_FRONT_MATTER_AUTO);
    golden("kitchen-sink-never.md", sink, ARTCONV_FRONT_MATTER_NEVER);
    golden("title-only.md", title, ARTCONV_FRONT_MATTER_AUTO);
    golden("title-only-always.md", title, ARTCONV_FRONT_MATTER_ALWAYS);
    artconv_article_free(sink);
    artconv_article_free(title);
}

/* --- front matter ------------------------------------------------------------ */

typedef struct {
    const char *key; /* "title", "authors[]", "image.src" */
    const char *value;
} kv;

/* Values that a YAML 1.1 resolver types as something other than a string
 * unless they are quoted. */
static const char *const typed_when_plain[] = {
    "yes", "no",   "null", "1e3",  "~",   "true", "2024-03-02", "12", "0x1F",
    "on",  "NULL", "-1",   ".inf", "Off", "=",    "<<",         "y",  "3.5",
};

static int must_quote(const char *value)
{
    size_t i;

    for (i = 0; i < sizeof typed_when_plain / sizeof typed_when_plain[0]; i++)
        if (strcmp(value, typed_when_plain[i]) == 0)
            return 1;
    return 0;
}

/* Parses the front matter at the start of `md` with libyaml and flattens it
 * into "key=value\n" lines; "key[]=" for sequence items and "key.sub=" for
 * the image mapping.  Counts values that came out plain though a YAML 1.1
 * reader would not read them as strings.  Returns 0, or -1 if libyaml
 * failed or the structure is not the expected one. */
static int flatten_front_matter(const char *md, artconv_buf *flat, int *plain_typed)
{
    yaml_parser_t parser;
    yaml_event_t event;
    const char *end;
    char key[64] = "", sub[64] = "";
    /* 0: top-level key next, 1: its value, 2: in a sequence, 3: image
     * mapping key next, 4: its value, 5: done */
    int state = 0, rc = 0, started = 0;

    *plain_typed = 0;
    if (strncmp(md, "---\n", 4) != 0 || (end = strstr(md + 3, "\n---\n")) == NULL)
        return -1;
    if (!yaml_parser_initialize(&parser))
        return -1;
    yaml_parser_set_input_string(&parser, (const unsigned char *)md, (size_t)(end + 1 - md));
    while (rc == 0) {
        if (!yaml_parser_parse(&parser, &event)) {
            printf("#   libyaml: %s\n", parser.problem != NULL ? parser.problem : "?");
            rc = -1;
            break;
        }
        if (event.type == YAML_STREAM_END_EVENT) {
            yaml_event_delete(&event);
            break;
        }
        if (event.type == YAML_SCALAR_EVENT) {
            const char *v = (const char *)event.data.scalar.value;

            if (state == 0 || state == 3) {
                snprintf(state == 0 ? key : sub, sizeof key, "%s", v);
                state++;
            } else {
                if (event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE && must_quote(v))
                    (*plain_typed)++;
                artconv_buf_puts(flat, key);
                if (state == 2)
                    artconv_buf_puts(flat, "[]");
                if (state == 4) {
                    artconv_buf_puts(flat, ".");
                    artconv_buf_puts(flat, sub);
                }
                artconv_buf_puts(flat, "=");
                artconv_buf_put(flat, v, event.data.scalar.length);
                artconv_buf_puts(flat, "\n");
                state = state == 1 ? 0 : state == 4 ? 3 : state;
            }
        } else if (event.type == YAML_MAPPING_START_EVENT) {
            if (!started)
                started = 1;
            else if (state == 1)
                state = 3;
            else
                rc = -1;
        } else if (event.type == YAML_MAPPING_END_EVENT) {
            state = state == 3 ? 0 : 5;
        } else if (event.type == YAML_SEQUENCE_START_EVENT) {
            if (state != 1)
                rc = -1;
            state = 2;
        } else if (event.type == YAML_SEQUENCE_END_EVENT) {
            state = 0;
        } else if (event.type == YAML_ALIAS_EVENT) {
            rc = -1;
        }
        yaml_event_delete(&event);
    }
    yaml_parser_delete(&parser);
    if (rc == 0 && flat->ptr == NULL)
        artconv_buf_put(flat, "", 0);
    return rc == 0 && state == 5 ? 0 : -1;
}

/* Lines of the front matter that a reader could take for its end. */
static int count_fences(const char *md)
{
    const char *line = md, *end = strstr(md + 3, "\n---\n");
    int fences = 0;

    if (end == NULL)
        return -1;
    end += 5;
    while (line < end) {
        const char *nl = strchr(line, '\n');

        if ((nl - line == 3 && (strncmp(line, "---", 3) == 0 || strncmp(line, "...", 3) == 0)))
            fences++;
        line = nl + 1;
    }
    return fences;
}

static void check_front_matter(const artconv_article *a, const kv *want, size_t count,
                               const char *what)
{
    artconv_buf out = ARTCONV_BUF_INIT, flat = ARTCONV_BUF_INIT, expected = ARTCONV_BUF_INIT;
    int plain_typed = 0;
    size_t i;
    char label[300];

    if (!write_md(&out, a, ARTCONV_FRONT_MATTER_ALWAYS, what))
        return;
    for (i = 0; i < count; i++) {
        artconv_buf_puts(&expected, want[i].key);
        artconv_buf_puts(&expected, "=");
        artconv_buf_puts(&expected, want[i].value);
        artconv_buf_puts(&expected, "\n");
    }
    if (expected.ptr == NULL)
        artconv_buf_put(&expected, "", 0);
    snprintf(label, sizeof label, "%s: libyaml parses the front matter", what);
    ok(flatten_front_matter(out.ptr, &flat, &plain_typed) == 0, label);
    snprintf(label, sizeof label, "%s: libyaml reads back the same values", what);
    is_str(flat.ptr, expected.ptr, label);
    snprintf(label, sizeof label, "%s: typed-looking values are quoted", what);
    is_int(plain_typed, 0, label);
    snprintf(label, sizeof label, "%s: only the two fences", what);
    is_int(count_fences(out.ptr), 2, label);
    artconv_buf_dispose(&out);
    artconv_buf_dispose(&flat);
    artconv_buf_dispose(&expected);
}

static void test_front_matter(void)
{
    static const kv nasty[] = {
        {"title", "Say \"quoted\" and 'single' \\ back"},
        {"subtitle", "key: value"},
        {"authors[]", "true"},
        {"authors[]", "- dash"},
        {"authors[]", "a: b"},
        {"authors[]", "Ünïcödé 名前"},
        {"authors[]", "[flow]"},
        {"authors[]", "{x}"},
        {"authors[]", "&anchor"},
        {"authors[]", "*alias"},
        {"authors[]", "!tag"},
        {"authors[]", "%percent"},
        {"authors[]", "`backtick"},
        {"authors[]", "|pipe"},
        {"authors[]", ">fold"},
        {"authors[]", "spaces  inside"},
        {"authors[]", "tab\there"},
        {"authors[]", "\xef\xbb\xbf"
                      "bom"},
        {"authors[]", "line\xe2\x80\xa8sep and next\xc2\x85line"},
        {"authors[]", "?"},
        {"date", "2024-03-02"},
        {"modified", "~"},
        {"dateline", "# not a comment"},
        {"language", "- leading dash"},
        {"publisher", "@handle"},
        {"section", "'"},
        {"keywords[]", "on"},
        {"keywords[]", "0x1F"},
        {"keywords[]", ".inf"},
        {"keywords[]", "12"},
        {"keywords[]", "-1"},
        {"keywords[]", "="},
        {"keywords[]", "<<"},
        {"keywords[]", "NULL"},
        {"keywords[]", "Off"},
        {"keywords[]", "y"},
        {"keywords[]", "3.5"},
        {"description", "multi\nline\n\nwith a blank\n---\n...\nend"},
        {"credit", "yes"},
        {"rights", "no"},
        {"source", "null"},
        {"id", "1e3"},
        {"image.src", "images/a b.jpg"},
        {"image.alt", "? question"},
        {"image.caption", "line1\r\nline2"},
        {"image.credit", "\"c\" #1"},
    };
    static const artconv_meta fields[] = {
        ARTCONV_META_TITLE,        ARTCONV_META_SUBTITLE,
        ARTCONV_META_DATE,         ARTCONV_META_MODIFIED,
        ARTCONV_META_DATELINE,     ARTCONV_META_LANGUAGE,
        ARTCONV_META_PUBLISHER,    ARTCONV_META_SECTION,
        ARTCONV_META_DESCRIPTION,  ARTCONV_META_CREDIT,
        ARTCONV_META_RIGHTS,       ARTCONV_META_SOURCE,
        ARTCONV_META_ID,           ARTCONV_META_IMAGE,
        ARTCONV_META_IMAGE_ALT,    ARTCONV_META_IMAGE_CAPTION,
        ARTCONV_META_IMAGE_CREDIT,
    };
    static const kv url_only[] = {{"title", "no"}, {"image", "https://x.example/a.jpg?b=1#c"}};
    static const kv alt_only[] = {{"image.alt", "Just words"}};
    artconv_article *a = new_article();
    size_t i, j;
    char key[64];

    /* Fill the article from the table, so the two cannot disagree. */
    for (i = 0; i < sizeof nasty / sizeof nasty[0]; i++) {
        int rc = 0;

        if (strcmp(nasty[i].key, "authors[]") == 0)
            rc = artconv_article_list_add(a, ARTCONV_LIST_AUTHORS, nasty[i].value, NULL);
        else if (strcmp(nasty[i].key, "keywords[]") == 0)
            rc = artconv_article_list_add(a, ARTCONV_LIST_KEYWORDS, nasty[i].value, NULL);
        else
            for (j = 0; j < sizeof fields / sizeof fields[0]; j++) {
                /* The image URL alone is "image", in the mapping "src". */
                snprintf(key, sizeof key, "%s",
                         fields[j] == ARTCONV_META_IMAGE ? "image.src"
                                                         : artconv_meta_name(fields[j]));
                if (strcmp(key, nasty[i].key) == 0)
                    rc = artconv_article_set(a, fields[j], nasty[i].value, NULL);
            }
        if (rc < 0)
            printf("# cannot set %s\n", nasty[i].key);
    }
    check_front_matter(a, nasty, sizeof nasty / sizeof nasty[0], "nasty values");
    artconv_article_free(a);

    a = new_article();
    artconv_article_set(a, ARTCONV_META_TITLE, "no", NULL);
    artconv_article_set(a, ARTCONV_META_IMAGE, url_only[1].value, NULL);
    check_front_matter(a, url_only, 2, "image with only a URL");
    artconv_article_free(a);

    a = new_article();
    artconv_article_set(a, ARTCONV_META_IMAGE_ALT, alt_only[0].value, NULL);
    check_front_matter(a, alt_only, 1, "image without a URL");
    artconv_article_free(a);
}

/* AUTO writes front matter exactly when there is more than a title. */
static void test_auto(void)
{
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_article *a = new_article();

    artconv_article_set(a, ARTCONV_META_TITLE, "Only a title", NULL);
    if (write_md(&out, a, ARTCONV_FRONT_MATTER_AUTO, "auto, title only"))
        is_str(out.ptr, "# Only a title\n", "auto, title only: a level-1 heading, no front matter");
    artconv_article_list_add(a, ARTCONV_LIST_KEYWORDS, "k", NULL);
    if (write_md(&out, a, ARTCONV_FRONT_MATTER_AUTO, "auto, title and a keyword"))
        is_str(out.ptr, "---\ntitle: Only a title\nkeywords:\n- k\n---\n",
               "auto, title and a keyword: front matter, no heading");
    if (write_md(&out, a, ARTCONV_FRONT_MATTER_NEVER, "never, title and a keyword"))
        is_str(out.ptr, "# Only a title\n", "never: the title as a heading, the keyword lost");
    artconv_article_set(a, ARTCONV_META_SUBTITLE, "And a deck", NULL);
    if (write_md(&out, a, ARTCONV_FRONT_MATTER_NEVER, "never, with a subtitle"))
        is_str(out.ptr, "# Only a title\n\n*And a deck*\n",
               "never: the subtitle as an emphasised paragraph");
    artconv_article_free(a);
    artconv_buf_dispose(&out);
}

/* --- body ------------------------------------------------------------------- */

static void test_kitchen_sink_reparse(void)
{
    artconv_article *a = fixture_kitchen_sink();
    artconv_buf one = ARTCONV_BUF_INIT, two = ARTCONV_BUF_INIT;
    artconv_write_options opts;
    artconv_write_options_init(&opts);
    cmark_node *doc;
    cmark_iter *it;
    int html_blocks = 0;

    if (a == NULL)
        return;
    check_reparse(a, "kitchen sink: cmark parses back the same tree");

    /* The same article gives the same bytes, and appending keeps what the
     * buffer held. */
    write_md(&one, a, ARTCONV_FRONT_MATTER_AUTO, "kitchen sink: first write");
    artconv_buf_puts(&two, "KEEP\n");
    ok(artconv_write(&two, markdown(), a, &opts, NULL) == 0, "kitchen sink: appending write");
    ok(two.len == one.len + 5 && memcmp(two.ptr, "KEEP\n", 5) == 0 &&
           memcmp(two.ptr + 5, one.ptr, one.len) == 0,
       "kitchen sink: writing twice gives the same bytes");

    /* The figure and the table each come back as one whole HTML block. */
    doc = parse(body_of(one.ptr));
    it = cmark_iter_new(doc);
    while (cmark_iter_next(it) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        const char *lit = cmark_node_get_literal(n);

        if (cmark_node_get_type(n) != CMARK_NODE_HTML_BLOCK)
            continue;
        html_blocks++;
        if (strncmp(lit, "<figure>", 8) == 0)
            ok(strstr(lit, "</figure>") != NULL && strstr(lit, "<em>January</em>") != NULL &&
                   strstr(lit, "<small class=\"credit\">Raj Patel/Gazette</small>") != NULL &&
                   strstr(lit, "alt=\"Workers on the new deck\"") != NULL,
               "kitchen sink: the figure's HTML block is whole");
        else
            ok(strncmp(lit, "<table>", 7) == 0 && strstr(lit, "</table>") != NULL &&
                   strstr(lit, "<thead>\n<tr><th>Route</th><th>Minutes</th></tr>\n</thead>") &&
                   strstr(lit, "<tr><td>Ferry</td><td>25</td></tr>") != NULL,
               "kitchen sink: the table's HTML block is whole");
    }
    cmark_iter_free(it);
    cmark_node_free(doc);
    is_int(html_blocks, 2, "kitchen sink: two HTML blocks");
    artconv_article_free(a);
    artconv_buf_dispose(&one);
    artconv_buf_dispose(&two);
}

/* cmark-gfm's node types are bit fields (block or inline, then a number):
 * a small slot for each, for counting. */
#define TYPE_SLOTS 128
#define SLOT(t) ((((t)&CMARK_NODE_TYPE_INLINE) == CMARK_NODE_TYPE_INLINE ? 64 : 0) + ((t)&63))

/* Counts the nodes of each kind in a parsed document. */
static void count_types(cmark_node *doc, int counts[TYPE_SLOTS])
{
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;

    memset(counts, 0, sizeof(int) * TYPE_SLOTS);
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
        if (ev == CMARK_EVENT_ENTER)
            counts[SLOT(cmark_node_get_type(cmark_iter_get_node(it)))]++;
    cmark_iter_free(it);
}

static void test_escaping(void)
{
    static const char *const texts[] = {
        "*not emphasis* and _not either_ and **nor this**",
        "[not a link](https://x.example) and ![not an image](y.png)",
        "# not a heading",
        "1. not a list",
        "7) nor this",
        "- not a bullet",
        "+ nor this",
        "> not a quote",
        "<script>alert(1)</script>",
        "<!-- not a comment -->",
        "`not code`",
        "```",
        "---",
        "===",
        "&amp; &#42; stay literal",
        "back\\slash\\",
        "trailing backslash\\",
        "<https://not.autolink.example>",
        "line one\n# not a heading either\n1. nor a list\n> nor a quote",
        "!important",
        "[^1] and [x]: /url",
        "| a | b |",
        "~~~",
    };
    artconv_article *a = new_article();
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_node *body = artconv_article_body(a), *h;
    cmark_node *doc;
    int counts[TYPE_SLOTS];
    size_t i;

    for (i = 0; i < sizeof texts / sizeof texts[0]; i++)
        wrap(body, ARTCONV_NODE_PARAGRAPH, texts[i]);
    h = wrap(body, ARTCONV_NODE_HEADING, "Heading with *stars* and\na line end");
    artconv_node_set_level(h, 3, NULL);
    wrap(add(add(body, ARTCONV_NODE_LIST), ARTCONV_NODE_ITEM), ARTCONV_NODE_PARAGRAPH,
         "- nested [text] <b>");
    wrap(add(body, ARTCONV_NODE_BLOCKQUOTE), ARTCONV_NODE_PARAGRAPH, "> quoted *text*");
    check_reparse(a, "special characters: cmark parses back the same text");

    write_md(&out, a, ARTCONV_FRONT_MATTER_NEVER, "special characters: write");
    doc = parse(out.ptr);
    count_types(doc, counts);
    is_int(counts[SLOT(CMARK_NODE_EMPH)] + counts[SLOT(CMARK_NODE_STRONG)], 0,
           "special characters: no emphasis");
    is_int(counts[SLOT(CMARK_NODE_LINK)] + counts[SLOT(CMARK_NODE_IMAGE)], 0, "special characters: no link");
    is_int(counts[SLOT(CMARK_NODE_HEADING)], 1, "special characters: only the real heading");
    is_int(counts[SLOT(CMARK_NODE_HTML_BLOCK)] + counts[SLOT(CMARK_NODE_HTML_INLINE)], 0,
           "special characters: no raw HTML");
    is_int(counts[SLOT(CMARK_NODE_LIST)], 1, "special characters: only the real list");
    is_int(counts[SLOT(CMARK_NODE_BLOCK_QUOTE)], 1, "special characters: only the real quote");
    is_int(counts[SLOT(CMARK_NODE_CODE)] + counts[SLOT(CMARK_NODE_CODE_BLOCK)], 0,
           "special characters: no code");
    is_int(counts[SLOT(CMARK_NODE_THEMATIC_BREAK)], 0, "special characters: no thematic break");
    is_int(counts[SLOT(CMARK_NODE_PARAGRAPH)], (int)(sizeof texts / sizeof texts[0]) + 2,
           "special characters: one paragraph each");
    ok(strstr(out.ptr, "<script>") == NULL, "special characters: no raw <script> in the output");
    cmark_node_free(doc);
    artconv_article_free(a);
    artconv_buf_dispose(&out);
}

/* Model text inside the HTML blocks (tables, figures) is escaped, URLs are
 * made safe, and no blank line cuts a block short. */
static void test_html_blocks(void)
{
    artconv_article *a = new_article();
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_node *body = artconv_article_body(a), *table, *row, *cell, *fig, *cap, *n;
    cmark_node *doc;
    int counts[TYPE_SLOTS];
    const char *lit;

    table = add(body, ARTCONV_NODE_TABLE);
    row = add(table, ARTCONV_NODE_TABLE_ROW);
    wrap(row, ARTCONV_NODE_TABLE_CELL, "<script>alert(1)</script>");
    cell = wrap(row, ARTCONV_NODE_TABLE_CELL, "two\n\nlines");
    add(cell, ARTCONV_NODE_LINEBREAK);
    add(cell, ARTCONV_NODE_SOFTBREAK);
    n = wrap(cell, ARTCONV_NODE_LINK, "bad");
    artconv_node_set_url(n, "javascript:alert(1)", NULL);
    wrap(cell, ARTCONV_NODE_SUPERSCRIPT, "up");
    n = add(cell, ARTCONV_NODE_CODE);
    artconv_node_set_literal(n, "a\n\n<b>", NULL);
    add(row, ARTCONV_NODE_TABLE_CELL);
    row = add(table, ARTCONV_NODE_TABLE_ROW);
    artconv_node_set_header(row, 1, NULL); /* a header row after a body row */
    wrap(row, ARTCONV_NODE_TABLE_CELL, "late header");

    fig = add(body, ARTCONV_NODE_FIGURE);
    artconv_node_set_url(fig, "x.jpg\" onerror=\"alert(1)", NULL);
    artconv_node_set_alt(fig, "\"><script>alert(1)</script>", NULL);
    artconv_node_set_credit(fig, "<i>AP</i> & co\n\nnext", NULL);
    cap = add(fig, ARTCONV_NODE_CAPTION);
    add_text(cap, "A <caption>\n\nover lines");
    fig = add(body, ARTCONV_NODE_FIGURE); /* no URL: HTML, even without a credit */
    wrap(add(fig, ARTCONV_NODE_CAPTION), ARTCONV_NODE_EMPH, "words only");

    if (!write_md(&out, a, ARTCONV_FRONT_MATTER_AUTO, "HTML blocks: write"))
        return;
    check_reparse(a, "HTML blocks: cmark parses back one block each");
    doc = parse(out.ptr);
    count_types(doc, counts);
    is_int(counts[SLOT(CMARK_NODE_HTML_BLOCK)], 3, "HTML blocks: three blocks");
    is_int(counts[SLOT(CMARK_NODE_PARAGRAPH)], 0, "HTML blocks: no text escaped from a block");
    ok(strstr(out.ptr, "<script") == NULL, "HTML blocks: no <script> tag");
    ok(strstr(out.ptr, "javascript:") == NULL, "HTML blocks: no javascript: URL");
    ok(strstr(out.ptr, "onerror=\"") == NULL && strstr(out.ptr, "<i>") == NULL,
       "HTML blocks: attributes and credits escaped");
    ok(strstr(out.ptr, "\n\n<tr>") == NULL && strstr(out.ptr, "<sup>up</sup>") != NULL,
       "HTML blocks: superscript kept as a tag");
    lit = cmark_node_get_literal(cmark_node_first_child(doc));
    ok(lit != NULL && strstr(lit, "<tbody>\n<tr><td>") != NULL &&
           strstr(lit, "<tr><th>late header</th></tr>\n</tbody>\n</table>") != NULL &&
           strstr(lit, "<thead>") == NULL,
       "HTML blocks: rows in order, header cells as th");
    lit = cmark_node_get_literal(cmark_node_last_child(doc));
    is_str(lit, "<figure>\n<figcaption><em>words only</em></figcaption>\n</figure>\n",
           "HTML blocks: a figure without an image");
    cmark_node_free(doc);
    artconv_article_free(a);
    artconv_buf_dispose(&out);
}

typedef struct {
    int count;
} warn_count;

static void count_warning(const artconv_error *w, void *payload)
{
    (void)w;
    ((warn_count *)payload)->count++;
}

/* Raw HTML nodes: inert ones written verbatim where cmark reads them back
 * as the same raw HTML (blank lines around blocks, loose lists), the rest
 * dropped with a warning; a second pass changes nothing. */
static void test_raw_html(void)
{
    artconv_article *a = new_article(), *back = NULL;
    artconv_buf out = ARTCONV_BUF_INIT, again = ARTCONV_BUF_INIT;
    artconv_write_options opts;
    artconv_write_options_init(&opts);
    artconv_node *body = artconv_article_body(a), *p, *item, *n;
    warn_count ws = {0};
    artconv_error err;

    p = add(body, ARTCONV_NODE_PARAGRAPH);
    add_text(p, "a ");
    n = add(p, ARTCONV_NODE_RAW_HTML_INLINE);
    is_int(artconv_node_set_literal(n, "<bar class=\"x\">", NULL), 0, "raw: an inline tag");
    add_text(p, " b ");
    n = add(p, ARTCONV_NODE_RAW_HTML_INLINE);
    artconv_node_set_literal(n, "<!-- note -->", NULL);
    n = add(body, ARTCONV_NODE_RAW_HTML_BLOCK);
    is_int(artconv_node_set_literal(n, "<!-- a block -->", NULL), 0, "raw: a comment block");
    wrap(body, ARTCONV_NODE_PARAGRAPH, "after");
    /* In a tight list, a paragraph and then raw HTML: the list is written
     * loose, or the HTML would be the paragraph's next line. */
    n = add(body, ARTCONV_NODE_LIST);
    item = add(n, ARTCONV_NODE_ITEM);
    wrap(item, ARTCONV_NODE_PARAGRAPH, "item");
    n = add(item, ARTCONV_NODE_RAW_HTML_BLOCK);
    artconv_node_set_literal(n, "<a href=\"/x\">", NULL);
    ok(artconv_article_check(a, &err) == 0, "raw: the article is valid");
    check_reparse(a, "raw: cmark parses back the promised tree");

    /* Refused by the model: text in raw HTML. */
    n = artconv_node_new(ARTCONV_NODE_RAW_HTML_INLINE);
    is_int(artconv_node_set_literal(n, "<b>words</b>", NULL), ARTCONV_EINVALID,
           "raw: the model refuses text in raw HTML");
    artconv_node_free(n);

    /* Dropped by the writer: hostile, or not read back as raw HTML. */
    n = add(body, ARTCONV_NODE_RAW_HTML_BLOCK);
    artconv_node_set_literal(n, "<a href=\"java&#x09;script:alert(1)\">", NULL);
    n = add(body, ARTCONV_NODE_RAW_HTML_BLOCK);
    artconv_node_set_literal(n, "<bar> <baz>", NULL); /* a paragraph to cmark */
    n = add(body, ARTCONV_NODE_RAW_HTML_BLOCK);
    artconv_node_set_literal(n, "<!-- one -->\n<b>", NULL); /* two blocks to cmark */
    p = add(body, ARTCONV_NODE_PARAGRAPH);
    n = add(p, ARTCONV_NODE_RAW_HTML_INLINE);
    artconv_node_set_literal(n, "<div>", NULL); /* alone on its line: an HTML block */
    p = add(body, ARTCONV_NODE_PARAGRAPH);
    add_text(p, "x ");
    n = add(p, ARTCONV_NODE_RAW_HTML_INLINE);
    artconv_node_set_literal(n, "<img src=x onerror=alert(1)>", NULL);
    p = add(body, ARTCONV_NODE_HEADING);
    add_text(p, "head ");
    n = add(p, ARTCONV_NODE_RAW_HTML_INLINE);
    artconv_node_set_literal(n, "<a\nhref=\"/y\">", NULL); /* a line end ends a heading */
    p = add(body, ARTCONV_NODE_TABLE);
    n = add(p, ARTCONV_NODE_TABLE_ROW);
    artconv_node_set_header(n, 1, NULL);
    wrap(n, ARTCONV_NODE_TABLE_CELL, "h1");
    wrap(n, ARTCONV_NODE_TABLE_CELL, "h2");
    p = add(p, ARTCONV_NODE_TABLE_ROW);
    wrap(p, ARTCONV_NODE_TABLE_CELL, "one");
    p = add(p, ARTCONV_NODE_TABLE_CELL);
    add_text(p, "cell");
    n = add(p, ARTCONV_NODE_RAW_HTML_INLINE);
    artconv_node_set_literal(n, "<bar>", NULL);

    opts.warning = count_warning;
    opts.payload = &ws;
    if (is_int(artconv_write(&out, markdown(), a, &opts, &err), 0, "raw: written")) {
        is_str(out.ptr,
               "a <bar class=\"x\"> b <!-- note -->\n\n<!-- a block -->\n\nafter\n\n"
               "  - item\n    \n    <a href=\"/x\">\n\nx\n\n# head\n\n"
               "<table>\n<thead>\n<tr><th>h1</th><th>h2</th></tr>\n</thead>\n<tbody>\n"
               "<tr><td>one</td><td>cell</td></tr>\n</tbody>\n</table>\n",
               "raw: inert HTML verbatim, the rest dropped");
        is_int(ws.count, 7, "raw: a warning for each piece dropped");
        ok(strstr(out.ptr, "script") == NULL && strstr(out.ptr, "onerror") == NULL,
           "raw: nothing hostile");
        if (is_int(artconv_read(&back, markdown(), out.ptr, out.len, NULL, &err), 0,
                   "raw: read back") &&
            is_int(artconv_write(&again, markdown(), back, NULL, &err), 0, "raw: written again"))
            is_str(again.ptr, out.ptr, "raw: a second pass changes nothing");
    }
    artconv_article_free(back);
    artconv_article_free(a);
    artconv_buf_dispose(&out);
    artconv_buf_dispose(&again);
}

/* Figures with an image and no credit, quotes with an attribution,
 * lists of every shape, links and images with titles. */
static void test_conventions(void)
{
    artconv_article *a = new_article();
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_node *body = artconv_article_body(a), *fig, *cap, *list, *item, *n, *p, *quote;

    artconv_article_set(a, ARTCONV_META_TITLE, "Title\nover two lines", NULL);
    artconv_article_set(a, ARTCONV_META_SUBTITLE, "A *deck*", NULL);
    fig = add(body, ARTCONV_NODE_FIGURE);
    artconv_node_set_url(fig, "img/a b(1).jpg", NULL);
    artconv_node_set_alt(fig, "An [alt] *text*", NULL);
    cap = add(fig, ARTCONV_NODE_CAPTION);
    add_text(cap, "The caption with ");
    wrap(cap, ARTCONV_NODE_EMPH, "emphasis");
    add_text(cap, " and ");
    wrap(cap, ARTCONV_NODE_STRONG, "strength");
    fig = add(body, ARTCONV_NODE_FIGURE);
    artconv_node_set_url(fig, "img/b.jpg", NULL);
    fig = add(body, ARTCONV_NODE_FIGURE);
    artconv_node_set_url(fig, "img/c.jpg", NULL);
    add(fig, ARTCONV_NODE_CAPTION); /* empty */

    quote = add(body, ARTCONV_NODE_BLOCKQUOTE);
    wrap(quote, ARTCONV_NODE_PARAGRAPH, "First.");
    wrap(quote, ARTCONV_NODE_PARAGRAPH, "Second.");
    n = add(quote, ARTCONV_NODE_ATTRIBUTION);
    add_text(n, "Someone, ");
    wrap(n, ARTCONV_NODE_EMPH, "Somewhere");

    list = add(body, ARTCONV_NODE_LIST);
    artconv_node_set_list(list, 1, 7, 0, NULL);
    item = add(list, ARTCONV_NODE_ITEM);
    wrap(item, ARTCONV_NODE_PARAGRAPH, "loose one");
    wrap(item, ARTCONV_NODE_PARAGRAPH, "loose one, second paragraph");
    item = add(list, ARTCONV_NODE_ITEM);
    n = add(item, ARTCONV_NODE_LIST);
    wrap(add(n, ARTCONV_NODE_ITEM), ARTCONV_NODE_PARAGRAPH, "nested bullet");
    item = add(list, ARTCONV_NODE_ITEM);
    n = add(item, ARTCONV_NODE_CODE_BLOCK);
    artconv_node_set_info(n, "c", NULL);
    artconv_node_set_literal(n, "int x;\n```\nno end", NULL);
    wrap(body, ARTCONV_NODE_PARAGRAPH, "Between the lists.");
    list = add(body, ARTCONV_NODE_LIST);
    artconv_node_set_list(list, 1, 0, 1, NULL);
    wrap(add(list, ARTCONV_NODE_ITEM), ARTCONV_NODE_PARAGRAPH, "starts at zero");

    p = add(body, ARTCONV_NODE_PARAGRAPH);
    n = wrap(p, ARTCONV_NODE_LINK, "a link with ");
    artconv_node_set_url(n, "https://x.example/a b?c=(d)&e", NULL);
    artconv_node_set_title(n, "A \"title\" (1)", NULL);
    n = wrap(n, ARTCONV_NODE_LINK, "an inner link");
    artconv_node_set_url(n, "https://inner.example", NULL);
    add(p, ARTCONV_NODE_EMPH); /* empty: dropped */
    n = add(p, ARTCONV_NODE_IMAGE);
    artconv_node_set_url(n, "i.png", NULL);
    artconv_node_set_title(n, "Image title", NULL);
    artconv_node_set_alt(n, "alt", NULL);
    wrap(p, ARTCONV_NODE_SUBSCRIPT, "sub ");
    n = add(p, ARTCONV_NODE_CODE);
    artconv_node_set_literal(n, "`tick` and ``two``", NULL);
    n = add(body, ARTCONV_NODE_HEADING);
    artconv_node_set_level(n, 6, NULL);
    add_text(n, "Six");
    add(n, ARTCONV_NODE_LINEBREAK);
    add_text(n, "levels");
    add(body, ARTCONV_NODE_THEMATIC_BREAK);

    /* Tight lists that cannot stay tight. */
    list = add(body, ARTCONV_NODE_LIST);
    item = add(list, ARTCONV_NODE_ITEM);
    wrap(item, ARTCONV_NODE_PARAGRAPH, "para");
    wrap(item, ARTCONV_NODE_PARAGRAPH, "para after para");
    list = add(body, ARTCONV_NODE_LIST);
    item = add(list, ARTCONV_NODE_ITEM);
    wrap(item, ARTCONV_NODE_PARAGRAPH, "para");
    add(item, ARTCONV_NODE_THEMATIC_BREAK);
    list = add(body, ARTCONV_NODE_LIST);
    item = add(list, ARTCONV_NODE_ITEM);
    wrap(add(item, ARTCONV_NODE_BLOCKQUOTE), ARTCONV_NODE_PARAGRAPH, "quote");
    wrap(item, ARTCONV_NODE_PARAGRAPH, "para after quote");

    ok(artconv_article_check(a, NULL) == 0, "conventions: the article is valid");
    check_reparse(a, "conventions: cmark parses back the promised tree");
    if (write_md(&out, a, ARTCONV_FRONT_MATTER_NEVER, "conventions: write"))
        ok(strstr(out.ptr, "\n\n![](img/b.jpg)\n\n![](img/c.jpg)\n\n") != NULL,
           "conventions: an implicit figure is a paragraph of its own");
    artconv_article_free(a);
    artconv_buf_dispose(&out);
}

/* White space where CommonMark would drop it or read it as markup. */
static void test_spaces(void)
{
    artconv_article *a = new_article();
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_node *body = artconv_article_body(a), *p;

    wrap(body, ARTCONV_NODE_PARAGRAPH, "    four spaces\n\t tab and spaces");
    wrap(body, ARTCONV_NODE_PARAGRAPH, "two trailing  \nspaces  ");
    p = add(body, ARTCONV_NODE_PARAGRAPH);
    add_text(p, "a");
    wrap(p, ARTCONV_NODE_EMPH, " spaced ");
    add_text(p, "b");
    wrap(p, ARTCONV_NODE_STRONG, "\tboth\t");
    wrap(p, ARTCONV_NODE_EMPH, "   ");
    wrap(body, ARTCONV_NODE_PARAGRAPH, "~~~ tildes\n~~~");
    wrap(add(add(body, ARTCONV_NODE_LIST), ARTCONV_NODE_ITEM), ARTCONV_NODE_PARAGRAPH, "~~~");
    /* cmark-gfm's renderer escapes every other tilde (GFM strikethrough). */
    if (write_md(&out, a, ARTCONV_FRONT_MATTER_AUTO, "spaces: write"))
        is_str(out.ptr,
               "&#32;   four spaces\n&#9; tab and spaces\n\ntwo trailing\nspaces\n\n"
               "a *spaced* b **both**\n\n&#126;\\~\\~ tildes\n&#126;\\~\\~\n\n  - &#126;\\~\\~\n",
               "spaces: leading ones start with a reference, trailing ones dropped, "
               "moved out of emphasis");
    artconv_article_free(a);
    /* Read back, the leading white space is all there, and a second
     * pass writes the same bytes. */
    if (out.ptr != NULL && artconv_read(&a, markdown(), out.ptr, out.len, NULL, NULL) == 0) {
        artconv_buf again = ARTCONV_BUF_INIT;
        artconv_node *first = artconv_node_first_child(artconv_article_body(a));
        artconv_node *t1 = artconv_node_first_child(first);
        artconv_node *t2 = artconv_node_next(artconv_node_next(t1));

        is_str(artconv_node_get_literal(t1), "    four spaces", "spaces: read back, first line");
        is_str(artconv_node_get_literal(t2), "\t tab and spaces", "spaces: read back, second line");
        if (write_md(&again, a, ARTCONV_FRONT_MATTER_AUTO, "spaces: written again"))
            is_str(again.ptr, out.ptr, "spaces: a second pass changes nothing");
        artconv_buf_dispose(&again);
        artconv_article_free(a);
    } else {
        ok(0, "spaces: the output reads back");
    }
    artconv_buf_dispose(&out);
}

static void test_empty(void)
{
    artconv_article *a = new_article();
    artconv_buf out = ARTCONV_BUF_INIT;

    if (write_md(&out, a, ARTCONV_FRONT_MATTER_AUTO, "empty article: auto"))
        is_str(out.ptr, "", "empty article: auto writes nothing");
    if (write_md(&out, a, ARTCONV_FRONT_MATTER_NEVER, "empty article: never"))
        is_str(out.ptr, "", "empty article: never writes nothing");
    if (write_md(&out, a, ARTCONV_FRONT_MATTER_ALWAYS, "empty article: always"))
        is_str(out.ptr, "---\n{}\n---\n",
               "empty article: always writes an empty mapping (empty fences read as Markdown)");
    artconv_article_free(a);
    artconv_buf_dispose(&out);
}

/* A body long enough to be written in several pieces (the writer renders
 * a few hundred top-level blocks at a time).  `shift` leading paragraphs
 * move the piece boundaries over every kind of neighbour: lists after
 * lists, code after lists, headings, paragraphs. */
static artconv_article *long_article(int shift)
{
    artconv_article *a = new_article();
    artconv_node *body = artconv_article_body(a), *list, *code;
    char line[96];
    int i;

    artconv_article_set(a, ARTCONV_META_TITLE, "Long read", NULL);
    for (i = 0; i < shift; i++)
        wrap(body, ARTCONV_NODE_PARAGRAPH, "A lead paragraph.");
    for (i = 0; i < 1200; i++) {
        snprintf(line, sizeof line, "Block %d: 1. not a list, * not a bullet, # no heading.", i);
        switch (i % 6) {
        case 1:
        case 2: /* two lists in a row, of one type or two */
            list = add(body, ARTCONV_NODE_LIST);
            artconv_node_set_list(list, (i / 6) % 2 == 0 && i % 6 == 2, 1, 1, NULL);
            wrap(add(list, ARTCONV_NODE_ITEM), ARTCONV_NODE_PARAGRAPH, line);
            wrap(add(list, ARTCONV_NODE_ITEM), ARTCONV_NODE_PARAGRAPH, "and one more item");
            break;
        case 3: /* code right after a list */
            code = add(body, ARTCONV_NODE_CODE_BLOCK);
            artconv_node_set_literal(code, "    indented code\n", NULL);
            break;
        case 4:
            wrap(body, ARTCONV_NODE_HEADING, line);
            break;
        default:
            wrap(body, ARTCONV_NODE_PARAGRAPH, line);
        }
    }
    return a;
}

static void test_long_body(void)
{
    artconv_buf out = ARTCONV_BUF_INIT, tail = ARTCONV_BUF_INIT;
    artconv_article *a;
    char what[96];
    int shift, comments = 0;

    for (shift = 0; shift < 6; shift++) {
        a = long_article(shift);
        snprintf(what, sizeof what, "long body, shifted by %d: every block reads back", shift);
        check_reparse(a, what);
        artconv_buf_clear(&out);
        if (write_md(&out, a, ARTCONV_FRONT_MATTER_NEVER, "long body written"))
            comments += strstr(out.ptr, "<!-- end list -->") != NULL;
        artconv_article_free(a);
    }
    is_int(comments, 0, "long bodies: no end-list comments");
    /* The end of a long body, from a paragraph on, is written as when it
     * stands alone: a piece boundary changes nothing. */
    a = long_article(0);
    {
        artconv_node *body = artconv_article_body(a);
        int remaining = 0;
        artconv_node *n;

        for (n = artconv_node_first_child(body); n != NULL; n = artconv_node_next(n))
            remaining++;
        while (remaining > 300 || artconv_node_get_kind(artconv_node_first_child(body)) !=
                                      ARTCONV_NODE_PARAGRAPH) {
            artconv_node_free(artconv_node_first_child(body));
            remaining--;
        }
    }
    if (write_md(&tail, a, ARTCONV_FRONT_MATTER_NEVER, "tail written")) {
        const char *rest = strstr(tail.ptr, "\n\n");
        artconv_article *whole = long_article(0);

        artconv_buf_clear(&out);
        if (rest != NULL && write_md(&out, whole, ARTCONV_FRONT_MATTER_NEVER, "whole written"))
            ok(out.len > tail.len && strcmp(out.ptr + out.len - strlen(rest + 2), rest + 2) == 0,
               "long body: its end is written as it is when it stands alone");
        artconv_article_free(whole);
    }
    artconv_article_free(a);
    artconv_buf_dispose(&out);
    artconv_buf_dispose(&tail);
}

/* Nesting up to the writers' depth limit, and one level past it. */
static void test_deep(void)
{
    artconv_article *a = new_article();
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_node *n = artconv_article_body(a), *last = NULL;
    artconv_error err;
    cmark_node *doc, *c;
    int i, depth = 0;

    /* Quotes at depths 1..198, the paragraph at 199, its text at 200. */
    for (i = 0; i < ARTCONV_MAX_DEPTH - 2; i++)
        n = add(n, ARTCONV_NODE_BLOCKQUOTE);
    wrap(n, ARTCONV_NODE_PARAGRAPH, "deep *down*");
    is_int(artconv_node_depth(artconv_article_body(a)), ARTCONV_MAX_DEPTH, "deep: at the limit");
    if (write_md(&out, a, ARTCONV_FRONT_MATTER_AUTO, "deep quotes: written")) {
        doc = parse(out.ptr);
        for (c = cmark_node_first_child(doc);
             c != NULL && cmark_node_get_type(c) == CMARK_NODE_BLOCK_QUOTE;
             c = cmark_node_first_child(c))
            depth++;
        is_int(depth, ARTCONV_MAX_DEPTH - 2, "deep quotes: cmark reads back every level");
        ok(c != NULL && cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH &&
               strcmp(cmark_node_get_literal(cmark_node_first_child(c)), "deep *down*") == 0,
           "deep quotes: the innermost paragraph survives");
        cmark_node_free(doc);
    }
    check_reparse(a, "deep quotes: same tree");
    last = add(n, ARTCONV_NODE_BLOCKQUOTE);
    wrap(last, ARTCONV_NODE_PARAGRAPH, "too deep");
    artconv_buf_clear(&out);
    is_int(artconv_write(&out, markdown(), a, NULL, &err), ARTCONV_ELIMIT,
           "deep quotes: one level more is refused");
    artconv_article_free(a);

    /* Lists in items in lists: 99 pairs, the paragraph, its text at 200. */
    a = new_article();
    n = artconv_article_body(a);
    for (i = 0; i < (ARTCONV_MAX_DEPTH - 2) / 2; i++) {
        n = add(add(n, ARTCONV_NODE_LIST), ARTCONV_NODE_ITEM);
        if (i % 2)
            artconv_node_set_list(artconv_node_parent(n), 1, i, 1, NULL);
    }
    wrap(n, ARTCONV_NODE_PARAGRAPH, "bottom");
    check_reparse(a, "deep lists: cmark parses back the same tree");
    artconv_article_free(a);
    artconv_buf_dispose(&out);
}

/* --- GFM pipe tables (issue 18) ------------------------------------------- */

/* A table of `rows` rows of `cols` cells "rN cM", the first a header row
 * when `header`. */
static artconv_node *gfm_table(artconv_node *body, int rows, int cols, int header)
{
    artconv_node *table = add(body, ARTCONV_NODE_TABLE), *row;
    char text[32];
    int r, c;

    for (r = 0; r < rows; r++) {
        row = add(table, ARTCONV_NODE_TABLE_ROW);
        artconv_node_set_header(row, header && r == 0, NULL);
        for (c = 0; c < cols; c++) {
            snprintf(text, sizeof text, "r%d c%d", r, c);
            wrap(row, ARTCONV_NODE_TABLE_CELL, text);
        }
    }
    return table;
}

static char *write_format(const artconv_article *a, const char *format)
{
    artconv_buf out = ARTCONV_BUF_INIT;
    artconv_write_options opts;
    artconv_error err;

    artconv_write_options_init(&opts);
    opts.front_matter = ARTCONV_FRONT_MATTER_NEVER;
    if (artconv_write(&out, artconv_format_by_name(format), a, &opts, &err) != 0) {
        printf("# cannot write %s: %s\n", format, err.message);
        artconv_buf_dispose(&out);
        return NULL;
    }
    artconv_buf_put(&out, "", 0);
    return artconv_buf_detach(&out);
}

/* The body of `a` as JSON, to compare two models. */
static char *body_json(const artconv_article *a)
{
    char *json = write_format(a, "json");
    char *body = json != NULL ? strstr(json, "\"body\"") : NULL;
    char *copy = body != NULL ? strdup(body) : NULL;

    free(json);
    return copy;
}

static void test_gfm_pipe_table(void)
{
    artconv_article *a = new_article(), *back = NULL;
    artconv_node *body = artconv_article_body(a), *table, *cell, *link;
    char *md, *html, *want, *got;

    wrap(body, ARTCONV_NODE_PARAGRAPH, "Before the table.");
    table = gfm_table(body, 3, 2, 1);
    /* A "|" in a cell, inline formatting, a code span with a "|", a link. */
    cell = artconv_node_first_child(artconv_node_next(artconv_node_first_child(table)));
    artconv_node_free(artconv_node_first_child(cell));
    add_text(cell, "a | b ");
    wrap(cell, ARTCONV_NODE_EMPH, "em");
    cell = artconv_node_next(cell);
    artconv_node_free(artconv_node_first_child(cell));
    artconv_node_set_literal(add(cell, ARTCONV_NODE_CODE), "x|y", NULL);
    add_text(cell, " ");
    link = add(cell, ARTCONV_NODE_LINK);
    artconv_node_set_url(link, "https://example.org/t", NULL);
    add_text(link, "link");
    wrap(body, ARTCONV_NODE_PARAGRAPH, "After the table.");
    md = write_format(a, "gfm");
    is_str(md,
           "Before the table.\n\n"
           "| r0 c0 | r0 c1 |\n"
           "| --- | --- |\n"
           "| a \\| b *em* | `x\\|y` [link](https://example.org/t) |\n"
           "| r2 c0 | r2 c1 |\n\n"
           "After the table.\n",
           "gfm: a table with a header row is a pipe table, its cells escaped");
    ok(md != NULL && artconv_read(&back, artconv_format_by_name("gfm"), md, strlen(md), NULL,
                                  NULL) == 0,
       "gfm: the pipe table reads back");
    want = body_json(a);
    got = back != NULL ? body_json(back) : NULL;
    is_str(got, want, "gfm: the table round-trips to the same model");
    free(want);
    free(got);
    artconv_article_free(back);
    back = NULL;
    /* The same table through CommonMark stays an HTML table. */
    html = write_format(a, "markdown");
    ok(html != NULL && strstr(html, "<table>\n<thead>\n<tr><th>r0 c0</th>") != NULL &&
           strstr(html, "| --- |") == NULL,
       "markdown: the table is still a raw HTML table");
    ok(html != NULL && artconv_read(&back, markdown(), html, strlen(html), NULL, NULL) == 0,
       "markdown: the HTML table reads back");
    want = body_json(a);
    got = back != NULL ? body_json(back) : NULL;
    is_str(got, want, "markdown: the HTML table round-trips to the same model");
    free(want);
    free(got);
    free(md);
    free(html);
    artconv_article_free(back);
    artconv_article_free(a);
}

/* The kitchen sink as GFM: the Markdown golden file's body, with its table
 * as a pipe table. */
static void test_gfm_golden(void)
{
    artconv_article *sink = fixture_kitchen_sink();
    artconv_write_options opts;
    artconv_buf out = ARTCONV_BUF_INIT;
    char path[4096];

    artconv_write_options_init(&opts);
    snprintf(path, sizeof path, "%s/golden/markdown_write/kitchen-sink-gfm.md", test_dir());
    if (ok(sink != NULL && artconv_write(&out, artconv_format_by_name("gfm"), sink, &opts,
                                         NULL) == 0,
           "gfm: the kitchen sink is written"))
        golden_check(path, out.ptr, out.len, "golden kitchen-sink-gfm.md");
    artconv_buf_dispose(&out);
    artconv_article_free(sink);
}

/* What a pipe table cannot hold stays an HTML table in GFM too. */
static void test_gfm_fallback(void)
{
    static const char *const what[] = {
        "gfm: a table without a header row is an HTML table",
        "gfm: a table with two header rows is an HTML table",
        "gfm: a table with ragged rows is an HTML table",
        "gfm: a table with a line break in a cell is an HTML table",
        "gfm: a table with a '|' in a link URL is an HTML table",
    };
    int i;

    for (i = 0; i < 5; i++) {
        artconv_article *a = new_article();
        artconv_node *table = gfm_table(artconv_article_body(a), 2, 2, i != 0);
        artconv_node *row = artconv_node_next(artconv_node_first_child(table));
        artconv_node *cell = artconv_node_first_child(row), *link;
        char *md;

        if (i == 1)
            artconv_node_set_header(row, 1, NULL);
        if (i == 2)
            artconv_node_free(artconv_node_last_child(row));
        if (i == 3)
            add(cell, ARTCONV_NODE_LINEBREAK);
        if (i == 4) {
            link = add(cell, ARTCONV_NODE_LINK);
            artconv_node_set_url(link, "https://example.org/a|b", NULL);
            add_text(link, "l");
        }
        md = write_format(a, "gfm");
        ok(md != NULL && strncmp(md, "<table>\n", 8) == 0 && strstr(md, "| --- |") == NULL,
           what[i]);
        free(md);
        artconv_article_free(a);
    }
}

/* The readers read pipe tables, so CommonMark output escapes what would
 * make one: every "|" of text, and a line that could be a delimiter row. */
static void test_no_accidental_table(void)
{
    static const char *const lines[][2] = {
        {"a | b", "| --- | --- |"}, {"head", ":--"}, {"head", "-:"}, {"x | y", ":-: | --"}};
    size_t i;

    for (i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        artconv_article *a = new_article(), *back = NULL;
        artconv_node *p = wrap(artconv_article_body(a), ARTCONV_NODE_PARAGRAPH, lines[i][0]);
        char *md, *want, *got;

        add(p, ARTCONV_NODE_SOFTBREAK);
        add_text(p, lines[i][1]);
        md = write_format(a, "markdown");
        ok(md != NULL && artconv_read(&back, markdown(), md, strlen(md), NULL, NULL) == 0,
           "pipes in text: the Markdown reads back");
        want = body_json(a);
        got = back != NULL ? body_json(back) : NULL;
        is_str(got, want, "pipes in text: still one paragraph, no table");
        free(md);
        free(want);
        free(got);
        artconv_article_free(back);
        artconv_article_free(a);
    }
}

int main(void)
{
    test_golden();
    test_front_matter();
    test_auto();
    test_kitchen_sink_reparse();
    test_escaping();
    test_html_blocks();
    test_conventions();
    test_spaces();
    test_raw_html();
    test_empty();
    test_long_body();
    test_deep();
    test_gfm_pipe_table();
    test_gfm_golden();
    test_gfm_fallback();
    test_no_accidental_table();
    return tap_done();
}
