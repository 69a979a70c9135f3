/*
 * raw_html.c - is a piece of raw HTML inert?
 *
 * A small tokenizer walks the HTML the way a browser would split it into
 * text, comments and tags, and refuses whatever it cannot read for sure:
 * processing instructions, declarations, CDATA, a tag that does not follow
 * CommonMark's grammar for raw HTML, a comment a browser would end sooner
 * than CommonMark does.  Each tag must name a harmless element, and its
 * attributes must carry no script: no event handler, no style that loads
 * or computes anything, no URL with a scheme other than http, https or
 * mailto.  Attribute values are checked after entity decoding, with white
 * space and control characters removed and letters lowered, because a
 * browser reads "java&#x09;script:" and " JaVaScRiPt:" as "javascript:".
 */
#include "raw_html.h"

#include "charref.h"

#include <string.h>

/* Elements that run code, load or embed other documents, submit data,
 * change the page's base or metadata, switch the parser into another
 * mode (raw text, foreign content) or hold a template. */
static const char *const denied_elements[] = {
    "applet",   "audio",  "base",        "basefont", "bgsound", "body",    "button",    "canvas",
    "datalist", "embed",  "fencedframe", "fieldset", "form",    "frame",   "frameset",  "head",
    "html",     "iframe", "image",       "import",   "input",   "isindex", "keygen",    "layer",
    "ilayer",   "link",   "listing",     "marquee",  "math",    "meta",    "noembed",   "noframes",
    "noscript", "object", "optgroup",    "option",   "output",  "param",   "plaintext", "portal",
    "script",   "select", "slot",        "source",   "style",   "svg",     "template",  "textarea",
    "title",    "track",  "video",       "xml",      "xmp",
};

/* Attributes that hold one URL or a list of them. */
static const char *const url_attributes[] = {
    "action", "archive",  "background", "cite",   "classid",  "codebase",
    "data",   "dynsrc",   "formaction", "href",   "icon",     "imagesrcset",
    "itemid", "itemtype", "longdesc",   "lowsrc", "manifest", "ping",
    "poster", "profile",  "src",        "srcset", "usemap",
};

/* Attribute prefixes that script acts on: event handlers, and the
 * bindings of common front-end frameworks (Vue, Alpine, Angular, htmx). */
static const char *const denied_prefixes[] = {
    "on", "v-", "x-", "ng-", "hx-", "data-ng-", "data-hx-", "data-v-",
};

/* Attributes denied whatever their value. */
static const char *const denied_attributes[] = {"srcdoc", "http-equiv", "xmlns"};

/* What a style attribute must not hold: ways to load a resource or run
 * script from CSS, and escapes or comments that could hide them. */
static const char *const style_needles[] = {
    "url(",     "src(",    "image(",     "image-set(", "element(", "expression", "@import",
    "behavior", "binding", "javascript", "vbscript",   "\\",       "/*",
};

static const char *const safe_schemes[] = {"http", "https", "mailto"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Longest attribute value decoded for the checks; a longer one is not
 * inert.  Real URLs and styles are far shorter, and the cap keeps the
 * check's memory bounded without a heap allocation. */
#define MAX_VALUE 8192

typedef struct {
    const char *s;
    size_t len, pos;
    int text; /* character data seen */
} scanner;

static int is_alpha(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

/* White space inside a tag, as both CommonMark and browsers read it
 * (a vertical tab is white space to CommonMark only: refused). */
static int is_tag_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int peek(const scanner *sc, size_t ahead)
{
    return sc->pos + ahead < sc->len ? (unsigned char)sc->s[sc->pos + ahead] : -1;
}

static int name_in(const char *name, size_t n, const char *const *list, size_t count)
{
    size_t i;

    for (i = 0; i < count; i++)
        if (strlen(list[i]) == n && memcmp(list[i], name, n) == 0)
            return 1;
    return 0;
}

/* Adds one decoded character to both outputs of decode(); -1 once the
 * value is longer than MAX_VALUE (`out` never outgrows `split`). */
static int put(char *out, size_t *o, char *split, size_t *so, int c)
{
    if (*so >= MAX_VALUE)
        return -1;
    if (split != NULL)
        split[*so] = (char)(c <= 0x20 || c == ',' ? ' ' : lower(c));
    (*so)++;
    if (c > 0x20 && c != 0x7F)
        out[(*o)++] = (char)lower(c);
    return 0;
}

/* Decodes character references in s[0..n) into `out` (at most MAX_VALUE
 * bytes), keeping only what matters for the checks: ASCII letters lowered,
 * white space and control characters dropped.  Every non-ASCII character
 * comes out as one byte 0x80, which no scheme or needle holds.  `split`,
 * if not NULL, receives the same with white space and commas kept as ' ',
 * for attributes that list several URLs.  Returns the length, or -1 if the
 * value is too long. */
static long decode(char *out, char *split, size_t *split_len, const char *s, size_t n)
{
    size_t i = 0, o = 0, so = 0, k;
    unsigned long cp;

    while (i < n) {
        int c = (unsigned char)s[i];

        if (c == '&' && i + 1 < n && s[i + 1] == '#') {
            size_t j = i + 2;
            int hex = j < n && (s[j] == 'x' || s[j] == 'X');

            j += (size_t)hex;
            cp = 0;
            k = j;
            while (j < n && (hex ? (is_digit(s[j]) || (lower(s[j]) >= 'a' && lower(s[j]) <= 'f'))
                                 : is_digit(s[j]))) {
                int d = is_digit(s[j]) ? s[j] - '0' : lower(s[j]) - 'a' + 10;

                cp = cp > 0x10FFFF ? cp : cp * (hex ? 16 : 10) + (unsigned long)d;
                j++;
            }
            if (j > k) {
                if (j < n && s[j] == ';')
                    j++;
                c = cp == 0 || cp >= 0x80 ? 0x80 : (int)cp;
                i = j;
            } else {
                i++;
            }
        } else if (c == '&') {
            /* The WHATWG table, read as in an attribute value; the second
             * code point of a two-character name is never ASCII. */
            uint32_t named[2];
            size_t m = ac_charref_decode(s + i, n - i, AC_CHARREF_ATTRIBUTE, named);

            if (m > 0) {
                i += m;
                c = named[0] < 0x80 ? (int)named[0] : 0x80;
                if (named[1] != 0) {
                    if (put(out, &o, split, &so, c) < 0)
                        return -1;
                    c = 0x80;
                }
            } else {
                i++;
            }
        } else {
            i++;
            if (c >= 0x80) {
                /* One marker per character: skip its continuation bytes. */
                while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
                    i++;
                c = 0x80;
            }
        }
        if (put(out, &o, split, &so, c) < 0)
            return -1;
    }
    if (split_len != NULL)
        *split_len = so;
    return (long)o;
}

/* 1 if a URL (decoded, stripped, lowered) is relative or uses a safe
 * scheme. */
static int url_is_safe(const char *u, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (u[i] == '/' || u[i] == '?' || u[i] == '#')
            return 1;
        if (u[i] == ':')
            return name_in(u, i, safe_schemes, COUNT(safe_schemes));
    }
    return 1;
}

/* Attributes that hold a list of URLs, split at white space or commas. */
static const char *const url_list_attributes[] = {"archive", "imagesrcset", "ping", "srcset"};

/* Checks the value as one URL with its white space removed, unless it is
 * a list, and then each piece between white space and commas: a piece
 * with a bad scheme fails either way. */
static int url_value_is_safe(const char *value, size_t n, int list)
{
    char flat[MAX_VALUE], split[MAX_VALUE];
    size_t split_len = 0, i = 0, start;
    long len = decode(flat, split, &split_len, value, n);

    if (len < 0 || (!list && !url_is_safe(flat, (size_t)len)))
        return 0;
    /* Each URL of a list on its own: "a.png 1x, javascript:x 2x". */
    while (i < split_len) {
        while (i < split_len && split[i] == ' ')
            i++;
        start = i;
        while (i < split_len && split[i] != ' ')
            i++;
        if (i > start && !url_is_safe(split + start, i - start))
            return 0;
    }
    return 1;
}

static int style_is_safe(const char *value, size_t n)
{
    char flat[MAX_VALUE];
    long len = decode(flat, NULL, NULL, value, n);
    size_t i, k, m;

    if (len < 0)
        return 0;
    for (k = 0; k < COUNT(style_needles); k++) {
        m = strlen(style_needles[k]);
        for (i = 0; i + m <= (size_t)len; i++)
            if (memcmp(flat + i, style_needles[k], m) == 0)
                return 0;
    }
    return 1;
}

/* 1 if the attribute (name lowered) with this raw value may stay. */
static int attribute_is_safe(const char *name, size_t n, const char *value, size_t vlen)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (name[i] == ':' || name[i] == '_' || name[i] == '.')
            return 0; /* namespaced or framework bindings (":href") */
    for (i = 0; i < COUNT(denied_prefixes); i++)
        if (n >= strlen(denied_prefixes[i]) &&
            memcmp(name, denied_prefixes[i], strlen(denied_prefixes[i])) == 0)
            return 0;
    if (name_in(name, n, denied_attributes, COUNT(denied_attributes)))
        return 0;
    if (n == 5 && memcmp(name, "style", 5) == 0)
        return style_is_safe(value, vlen);
    if (name_in(name, n, url_attributes, COUNT(url_attributes)))
        return url_value_is_safe(value, vlen,
                                 name_in(name, n, url_list_attributes, COUNT(url_list_attributes)));
    return 1;
}

/* Reads a tag or element name into `name` (lowered); returns its length,
 * 0 if there is none or it is too long to be one we know. */
static size_t read_name(scanner *sc, char *name, size_t cap, int attribute)
{
    size_t n = 0;
    int c = peek(sc, 0);

    if (!(is_alpha(c) || (attribute && (c == '_' || c == ':'))))
        return 0;
    while ((c = peek(sc, 0)) >= 0 && (is_alpha(c) || is_digit(c) || c == '-' ||
                                      (attribute && (c == '_' || c == ':' || c == '.')))) {
        if (n + 1 >= cap)
            return 0;
        name[n++] = (char)lower(c);
        sc->pos++;
    }
    name[n] = '\0';
    return n;
}

static size_t skip_space(scanner *sc)
{
    size_t start = sc->pos;

    while (is_tag_space(peek(sc, 0)))
        sc->pos++;
    return sc->pos - start;
}

/* Reads an attribute value after '='; sets its bytes.  0 or -1. */
static int read_value(scanner *sc, const char **value, size_t *vlen)
{
    int c = peek(sc, 0);
    size_t start;

    if (c == '"' || c == '\'') {
        const char *end = memchr(sc->s + sc->pos + 1, c, sc->len - sc->pos - 1);

        if (end == NULL)
            return -1;
        *value = sc->s + sc->pos + 1;
        *vlen = (size_t)(end - *value);
        sc->pos = (size_t)(end - sc->s) + 1;
        return 0;
    }
    start = sc->pos;
    while ((c = peek(sc, 0)) > 0x20 && c != '"' && c != '\'' && c != '=' && c != '<' && c != '>' &&
           c != '`')
        sc->pos++;
    if (sc->pos == start)
        return -1;
    *value = sc->s + start;
    *vlen = sc->pos - start;
    return 0;
}

/* A start tag, at '<' followed by a letter.  1 inert, 0 not, -1 unreadable. */
static int start_tag(scanner *sc)
{
    char name[64], attr[64];
    size_t n, an, space, after;
    const char *value;
    size_t vlen;
    int inert = 1;

    sc->pos++;
    if ((n = read_name(sc, name, sizeof name, 0)) == 0)
        return -1;
    if (name_in(name, n, denied_elements, COUNT(denied_elements)))
        inert = 0;
    for (;;) {
        space = skip_space(sc);
        if (peek(sc, 0) == '>') {
            sc->pos++;
            return inert;
        }
        if (peek(sc, 0) == '/' && peek(sc, 1) == '>') {
            sc->pos += 2;
            return inert;
        }
        if (space == 0 || (an = read_name(sc, attr, sizeof attr, 1)) == 0)
            return -1;
        value = "";
        vlen = 0;
        after = sc->pos;
        skip_space(sc);
        if (peek(sc, 0) != '=') {
            sc->pos = after; /* the space belongs before the next attribute */
        } else {
            sc->pos++;
            skip_space(sc);
            if (read_value(sc, &value, &vlen) < 0)
                return -1;
        }
        if (!attribute_is_safe(attr, an, value, vlen))
            inert = 0;
    }
}

/* An end tag, at "</". */
static int end_tag(scanner *sc)
{
    char name[64];
    size_t n;

    sc->pos += 2;
    if ((n = read_name(sc, name, sizeof name, 0)) == 0)
        return -1;
    skip_space(sc);
    if (peek(sc, 0) != '>')
        return -1;
    sc->pos++;
    return !name_in(name, n, denied_elements, COUNT(denied_elements));
}

/* A comment, at "<!--".  A browser ends one at the first "-->", at
 * "--!>", or at once after "<!-->" or "<!--->"; CommonMark reads some of
 * those differently, so they are unreadable here. */
static int comment(scanner *sc)
{
    const char *body = sc->s + sc->pos + 4, *end = sc->s + sc->len, *p;

    if ((body < end && *body == '>') || (end - body >= 2 && body[0] == '-' && body[1] == '>'))
        return -1;
    for (p = body; end - p >= 3; p++) {
        if (end - p >= 4 && memcmp(p, "--!>", 4) == 0)
            return -1;
        if (memcmp(p, "-->", 3) == 0) {
            sc->pos = (size_t)(p + 3 - sc->s);
            return 1;
        }
    }
    return -1;
}

/* Walks the whole HTML: 1 if every tag and comment is inert, 0 if one is
 * not, -1 if some of it cannot be read. */
static int scan_all(scanner *sc)
{
    int inert = 1, rc;

    while (sc->pos < sc->len) {
        int c = peek(sc, 0), next = peek(sc, 1);

        if (c != '<') {
            if (!is_tag_space(c))
                sc->text = 1;
            sc->pos++;
            continue;
        }
        if (next == '!' && sc->len - sc->pos >= 4 && memcmp(sc->s + sc->pos, "<!--", 4) == 0)
            rc = comment(sc);
        else if (next == '!' || next == '?')
            rc = -1; /* a declaration, CDATA or a processing instruction */
        else if (next == '/')
            rc = end_tag(sc);
        else if (is_alpha(next))
            rc = start_tag(sc);
        else {
            /* "<" before anything else is text to a browser as well. */
            sc->text = 1;
            sc->pos++;
            continue;
        }
        if (rc < 0)
            return -1;
        inert &= rc;
    }
    return inert;
}

int ac_raw_html_is_inert(const char *html, size_t len)
{
    scanner sc = {html, len, 0, 0};

    return html != NULL && scan_all(&sc) == 1;
}

int ac_raw_html_is_markup_only(const char *html, size_t len)
{
    scanner sc = {html, len, 0, 0};

    return html != NULL && scan_all(&sc) >= 0 && !sc.text;
}
