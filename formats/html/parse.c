/*
 * parse.c - bytes into a libxml2 page: the charset is decided and the text
 * fed as UTF-8, attribute and nesting limits are checked, character
 * references are rewritten on the way in, and every element gets an info
 * slot (see read.c for what happens next).
 *
 * libxml2 always gets UTF-8: left to itself, 2.9.14 reads undeclared UTF-8 as
 * Latin-1 and switches to Latin-1 at the first bad byte of a page declared
 * UTF-8, so the page's declared charset is found here and the text decoded
 * by the one policy of every reader (formats/shared/decode.c).
 */
#include "charref.h"
#include "decode.h"
#include "html.h"
#include "parse_stream.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Browsers look for a charset declaration this far into the page; real pages
 * put long comments first, so a little more is allowed. */
#define SNIFF_BYTES 4096

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static int is_alpha(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Case-insensitive search for an ASCII needle in s[0..len). */
static const char *find_ci(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle), i, j;

    if (n == 0 || len < n)
        return NULL;
    for (i = 0; i + n <= len; i++) {
        /* Needles start with '<' or '-' ("</script", "-->", "<meta"): let
         * memchr find the candidates rather than lowering every byte. */
        if (!is_alpha((unsigned char)needle[0])) {
            const char *at = memchr(s + i, needle[0], len - n + 1 - i);

            if (at == NULL)
                return NULL;
            i = (size_t)(at - s);
        } else if (lower((unsigned char)s[i]) != needle[0]) {
            continue;
        }
        for (j = 1; j < n && lower((unsigned char)s[i + j]) == needle[j]; j++)
            ;
        if (j == n)
            return s + i;
    }
    return NULL;
}

/* Finds "charset=NAME" inside a <meta> tag near the start: it covers both
 * <meta charset="x"> and <meta http-equiv content="text/html; charset=x">. */
static void sniff_charset(const char *data, size_t len, char *name, size_t size)
{
    const char *p = data, *end = data + (len < SNIFF_BYTES ? len : SNIFF_BYTES);
    size_t k;

    name[0] = '\0';
    while ((p = find_ci(p, (size_t)(end - p), "<meta")) != NULL) {
        const char *close = memchr(p, '>', (size_t)(end - p));
        const char *cs;

        if (close == NULL)
            close = end;
        cs = find_ci(p, (size_t)(close - p), "charset");
        if (cs != NULL) {
            cs += 7;
            while (cs < close && (ac_is_space(*cs) || *cs == '=' || *cs == '"' || *cs == '\''))
                cs++;
            for (k = 0; cs < close && k + 1 < size; cs++, k++) {
                int c = (unsigned char)*cs;

                if (!(is_alpha(c) || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':' ||
                      c == '.'))
                    break;
                name[k] = (char)lower(c);
            }
            name[k] = '\0';
            if (k > 0)
                return;
        }
        p = close;
    }
}

static int line_of(const char *s, const char *at)
{
    int line = 1;

    for (; s < at; s++)
        line += *s == '\n';
    return line;
}

/* Refuses start tags with more than AC_HTML_MAX_ATTRS attributes (see
 * html.h).  A rough tokenizer: comments and raw-text elements are skipped
 * so that their content is never counted. */
static int check_attrs(const char *s, size_t len, artconv_error *err)
{
    const char *p = s, *end = s + len;
    static const char *const raw[] = {"script", "style", "textarea", "title", "xmp", NULL};

    while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
        const char *tag = p, *name;
        size_t name_len, count = 0, i;

        p++;
        if (p < end && *p == '!') {
            const char *close;

            if (end - p >= 3 && memcmp(p, "!--", 3) == 0) {
                close = find_ci(p + 3, (size_t)(end - p - 3), "-->");
                if (close == NULL)
                    return 0;
                p = close + 3;
            }
            continue;
        }
        if (p >= end || !is_alpha((unsigned char)*p))
            continue;
        name = p;
        while (p < end && !ac_is_space(*p) && *p != '>' && *p != '/')
            p++;
        name_len = (size_t)(p - name);
        while (p < end && *p != '>') {
            if (ac_is_space(*p) || *p == '/') {
                p++;
                continue;
            }
            count++;
            while (p < end && !ac_is_space(*p) && *p != '=' && *p != '>')
                p++;
            while (p < end && ac_is_space(*p))
                p++;
            if (p < end && *p == '=') {
                p++;
                while (p < end && ac_is_space(*p))
                    p++;
                if (p < end && (*p == '"' || *p == '\'')) {
                    const char *q = memchr(p + 1, *p, (size_t)(end - p - 1));

                    p = q == NULL ? end : q + 1;
                } else {
                    while (p < end && !ac_is_space(*p) && *p != '>')
                        p++;
                }
            }
        }
        if (count > AC_HTML_MAX_ATTRS)
            return ac_error_at(err, ARTCONV_ELIMIT, line_of(s, tag), 0, (size_t)(tag - s),
                               "a tag has %zu attributes, more than the limit of %d", count,
                               AC_HTML_MAX_ATTRS);
        for (i = 0; raw[i] != NULL; i++) {
            char closing[16];
            const char *q;

            if (name_len != strlen(raw[i]) || !ac_strncaseeq(name, raw[i], name_len))
                continue;
            closing[0] = '<';
            closing[1] = '/';
            memcpy(closing + 2, raw[i], name_len + 1);
            q = p < end ? find_ci(p, (size_t)(end - p), closing) : NULL;
            p = q == NULL ? end : q;
            break;
        }
        if (p >= end)
            break;
    }
    return 0;
}

/* Gives every node an info slot and checks the nesting depth. */
/* Soft hyphens (U+00AD, "&shy;") are hyphenation hints for a renderer,
 * not text: left in, they split the words of every hyphenated page for
 * search, comparison and readers that show them.  A text node holding one
 * gets a copy without them (its content may be interned by the parser,
 * so it is replaced, not edited). */
static int drop_soft_hyphens(xmlNodePtr n)
{
    const char *s = (const char *)n->content;
    char *copy;
    size_t i, k = 0;

    if (s == NULL || strstr(s, "\xC2\xAD") == NULL)
        return 0;
    if ((copy = malloc(strlen(s) + 1)) == NULL)
        return ARTCONV_ENOMEM;
    for (i = 0; s[i] != '\0'; i++) {
        if ((unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xAD)
            i++;
        else
            copy[k++] = s[i];
    }
    copy[k] = '\0';
    xmlNodeSetContent(n, (const xmlChar *)copy);
    free(copy);
    return n->content == NULL && k > 0 ? ARTCONV_ENOMEM : 0;
}

static int annotate(ac_html_page *page, artconv_error *err)
{
    xmlNodePtr root = (xmlNodePtr)page->doc, n;
    size_t count = 0, depth = 0, i = 0;

    for (n = root->children; n != NULL; n = ac_xml_next(n, root, 0)) {
        count += n->type == XML_ELEMENT_NODE;
        if (n->type == XML_TEXT_NODE && drop_soft_hyphens(n) < 0)
            return ac_nomem(err);
    }
    page->info = calloc(count == 0 ? 1 : count, sizeof *page->info);
    if (page->info == NULL)
        return ac_nomem(err);
    page->n_info = count;
    /* The walk keeps the depth: down one level into children, up one
     * level per parent climbed. */
    n = root->children;
    while (n != NULL) {
        if (n->type == XML_ELEMENT_NODE) {
            n->_private = &page->info[i++];
            if (depth + 1 > ARTCONV_MAX_DEPTH)
                return ac_error_at(err, ARTCONV_ELIMIT, (int)xmlGetLineNo(n), 0, 0,
                                   "elements nest more than %d levels deep", ARTCONV_MAX_DEPTH);
            if (page->html == NULL)
                page->html = n;
            if (page->body == NULL && ac_html_is(n, "body"))
                page->body = n;
        }
        n = ac_xml_next_level(n, root, 0, &depth);
    }
    return 0;
}

/* The part of the page the parser has not pulled in yet. */
typedef struct {
    const char *at;
    size_t left;
} page_source;

/* A reference is never split between two reads: longer than this, the
 * '&' goes through as text and libxml2 decides ("&#" + 30 zeros...). */
#define REF_MAX (AC_CHARREF_MAX_NAME + 2)

static int is_ref_char(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '#';
}

/* The bytes of the reference at s[0] == '&' (up to its ';' or the end of
 * its name), at most REF_MAX. */
static size_t ref_extent(const char *s, size_t left)
{
    size_t n = 1;

    while (n < left && n < REF_MAX && is_ref_char((unsigned char)s[n]))
        n++;
    if (n < left && n < REF_MAX && s[n] == ';')
        n++;
    return n;
}

/* If the named reference at s[0] == '&' is one of HTML5's that libxml2
 * 2.9.14 does not know ("&colon;", "&Tab;", "&NewLine;", "&LT;"...), writes
 * it as numeric references into out (at least 24 bytes) and returns their
 * length; sets *used to the bytes it replaces.  0 if libxml2 reads it as
 * HTML5 does, or it is no reference.  A legacy name without ';' is
 * rewritten only where text and attribute values read it alike: not
 * before a letter, a digit or '='. */
static size_t rewrite_ref(const char *s, size_t left, char *out, size_t *used)
{
    uint32_t cp[2];
    char name[AC_CHARREF_MAX_NAME + 1];
    size_t n, len;

    if (left < 2 || s[1] == '#')
        return 0;
    n = ac_charref_decode(s, left, AC_CHARREF_ATTRIBUTE, cp);
    if (n < 2)
        return 0;
    len = n - 1 - (s[n - 1] == ';');
    memcpy(name, s + 1, len);
    name[len] = '\0';
    if (s[n - 1] == ';' && htmlEntityLookup((const xmlChar *)name) != NULL)
        return 0; /* an HTML 4 name: libxml2 decodes it */
    *used = n;
    if (cp[1] != 0)
        return (size_t)snprintf(out, 24, "&#%lu;&#%lu;", (unsigned long)cp[0],
                                (unsigned long)cp[1]);
    return (size_t)snprintf(out, 24, "&#%lu;", (unsigned long)cp[0]);
}

/* Hands the parser the next bytes of the page, with the named references
 * libxml2 does not know made numeric.  No reference is split between two
 * calls: one that does not fit waits for the next call. */
static int read_page(void *context, char *buffer, int size)
{
    page_source *src = context;
    size_t room = (size_t)size, n = 0;

    while (src->left > 0 && n < room) {
        const char *amp = memchr(src->at, '&', src->left < room - n ? src->left : room - n);
        size_t plain =
            amp != NULL ? (size_t)(amp - src->at) : (src->left < room - n ? src->left : room - n);
        char numeric[24];
        size_t used = 0, out_len, extent;

        memcpy(buffer + n, src->at, plain);
        n += plain;
        src->at += plain;
        src->left -= plain;
        if (amp == NULL)
            break;
        out_len = rewrite_ref(src->at, src->left, numeric, &used);
        extent = out_len > 0 ? out_len : ref_extent(src->at, src->left);
        if (extent > room - n) {
            if (n > 0)
                break;     /* the whole reference goes into the next read */
            extent = room; /* a tiny buffer: give what fits */
            out_len = 0;
        }
        if (out_len > 0) {
            memcpy(buffer + n, numeric, out_len);
            n += out_len;
            src->at += used;
            src->left -= used;
        } else {
            if (extent > src->left)
                extent = src->left;
            memcpy(buffer + n, src->at, extent);
            n += extent;
            src->at += extent;
            src->left -= extent;
        }
    }
    return (int)n;
}

/* Parses clean UTF-8 where it lies, pulled in by the parser a few KiB at
 * a time.  htmlCtxtReadMemory would copy the whole page into its own
 * buffer and then once more through a UTF-8 "decoder": two extra copies of
 * the input at the peak of memory use.  The page's own charset
 * declarations are ignored: the text is UTF-8 by now. */
static int parse_in_place(htmlParserCtxtPtr ctxt, htmlDocPtr *doc, const char *text, size_t len)
{
    page_source src = {text, len};
    xmlParserInputBufferPtr buf;
    xmlParserInputPtr input;

    buf = xmlParserInputBufferCreateIO(read_page, NULL, &src, XML_CHAR_ENCODING_UTF8);
    if (buf == NULL)
        return ARTCONV_ENOMEM;
    input = xmlNewIOInputStream(ctxt, buf, XML_CHAR_ENCODING_UTF8);
    if (input == NULL) {
        xmlFreeParserInputBuffer(buf);
        return ARTCONV_ENOMEM;
    }
    if (inputPush(ctxt, input) < 0) {
        xmlFreeInputStream(input);
        return ARTCONV_ENOMEM;
    }
    htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                 HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
    htmlParseDocument(ctxt);
    *doc = ctxt->myDoc;
    ctxt->myDoc = NULL;
    /* The parser must not keep reading from `src` once it is gone. */
    while (ctxt->inputNr > 0)
        xmlFreeInputStream(inputPop(ctxt));
    return ARTCONV_OK;
}

int ac_html_parse(ac_html_page *page, const char *data, size_t len,
                  const artconv_read_options *opts, artconv_error *err)
{
    artconv_buf utf8 = ARTCONV_BUF_INIT;
    htmlParserCtxtPtr ctxt = NULL;
    const char *text;
    char declared[64];
    size_t text_len;
    int rc = 0;

    page->opts = opts;
    if (len > AC_HTML_MAX_INPUT)
        return ac_error(err, ARTCONV_ELIMIT, "HTML input of %zu bytes exceeds the limit of %zu",
                        len, AC_HTML_MAX_INPUT);
    AC_CHECK(check_attrs(data, len, err));
    /* The charset policy is every reader's (formats/shared/decode.c); only
     * finding the page's declaration is HTML's. */
    sniff_charset(data, len, declared, sizeof declared);
    AC_CHECK(ac_decode_input(&utf8, &text, &text_len, data, len, declared, opts, err));
    if (text_len == 0)
        goto cleanup; /* empty input: an empty article */
    ctxt = htmlNewParserCtxt();
    if (ctxt == NULL || (rc = parse_in_place(ctxt, &page->doc, text, text_len)) < 0) {
        rc = ac_nomem(err);
        goto cleanup;
    }
    {
        const xmlError *e = xmlCtxtGetLastError(ctxt);

        /* The only fatal error the 2.9.14 HTML parser raises is its depth
         * limit (256), after which the rest of the page is lost. */
        if (e != NULL && e->level == XML_ERR_FATAL) {
            rc = ac_error_at(err, ARTCONV_ELIMIT, e->line, e->int2, 0,
                             "elements nest more than %d levels deep", ARTCONV_MAX_DEPTH);
            goto cleanup;
        }
    }
    if (page->doc == NULL)
        goto cleanup; /* empty input: an empty article */
    if (ac_html_place_streamed(page->doc) < 0) {
        rc = ac_nomem(err);
        goto cleanup;
    }
    AC_CHECK(annotate(page, err));
cleanup:
    htmlFreeParserCtxt(ctxt);
    artconv_buf_dispose(&utf8);
    return rc;
}

void ac_html_page_free(ac_html_page *page)
{
    xmlFreeDoc(page->doc);
    free(page->info);
    xmlFree(page->base);
    free(page->title);
    free(page->weak_authors);
    free(page->roots);
    memset(page, 0, sizeof *page);
}

