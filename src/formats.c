/*
 * formats.c - the table of formats, and reading and writing through it.
 * Adding a format means adding one folder in formats/ and one row here
 * (docs/formats.md).
 */
#include "format_entries.h"
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static const char *const text_extensions[] = {".txt", ".text", NULL};
static const char *const text_aliases[] = {"txt", "plain", NULL};
static const char *const markdown_extensions[] = {".md", ".markdown", NULL};
static const char *const markdown_aliases[] = {"md", "commonmark", NULL};
/* GFM has no extension of its own: .md stays CommonMark. */
static const char *const gfm_extensions[] = {NULL};
static const char *const html_extensions[] = {".html", ".htm", ".xhtml", NULL};
static const char *const html_aliases[] = {"htm", "html5", NULL};
static const char *const json_extensions[] = {".json", NULL};
static const char *const epub_extensions[] = {".epub", NULL};
static const char *const epub_aliases[] = {"epub3", NULL};
static const char *const newsml_extensions[] = {".xml", ".newsml", NULL};
static const char *const ninjs_extensions[] = {".ninjs", NULL};
static const char *const newsml_aliases[] = {"newsml-g2", "nml", NULL};

/* One row a format; a slot left out is NULL (the format cannot do that). */
static const artconv_format format_text = {
    .name = "text",
    .aliases = text_aliases,
    .extensions = text_extensions,
    .media_type = "text/plain",
    .description = "plain text, as pasted or scraped",
    .read = ac_text_read,
    .write = ac_text_write,
};
static const artconv_format format_markdown = {
    .name = "markdown",
    .aliases = markdown_aliases,
    .extensions = markdown_extensions,
    .media_type = "text/markdown",
    .description = "CommonMark with YAML front matter",
    .read = ac_markdown_read,
    .write = ac_markdown_write,
    .writes_raw_html = 1,
    .status_loss = ac_markdown_status_loss,
    /* The reader hands raw HTML to the HTML reader's fragment path. */
    .prepare = ac_xml_prepare,
};
/* GitHub Flavored Markdown: the Markdown reader (which reads pipe tables
 * either way) and the Markdown writer with pipe tables. */
static const artconv_format format_gfm = {
    .name = "gfm",
    .extensions = gfm_extensions,
    .media_type = "text/markdown",
    .description = "GitHub Flavored Markdown (pipe tables) with YAML front matter",
    .read = ac_markdown_read,
    .write = ac_gfm_write,
    .writes_raw_html = 1,
    .status_loss = ac_markdown_status_loss,
    .prepare = ac_xml_prepare,
};
static const artconv_format format_html = {
    .name = "html",
    .aliases = html_aliases,
    .extensions = html_extensions,
    .media_type = "text/html",
    .description = "HTML5 page or fragment",
    .read = ac_html_read,
    .write = ac_html_write,
    .status_loss = ac_html_status_loss,
    .prepare = ac_xml_prepare,
};
static const artconv_format format_json = {
    .name = "json",
    .extensions = json_extensions,
    .media_type = "application/json",
    .description = "JSON of the article model",
    .read = ac_json_read,
    .write = ac_json_write,
    .writes_raw_html = 1,
    .status_loss = ac_status_always_carried,
};
static const artconv_format format_epub = {
    .name = "epub",
    .aliases = epub_aliases,
    .extensions = epub_extensions,
    .media_type = "application/epub+zip",
    .description = "EPUB 3 e-book",
    .binary = 1,
    .read = ac_epub_read,
    .write = ac_epub_write,
    .write_book = ac_epub_write_book,
    .prepare = ac_xml_prepare,
};
static const artconv_format format_newsml = {
    .name = "newsml",
    .aliases = newsml_aliases,
    .extensions = newsml_extensions,
    .media_type = "application/vnd.iptc.g2.newsitem+xml",
    .description = "IPTC NewsML-G2 news item",
    .read = ac_newsml_read,
    .write = ac_newsml_write,
    .status_loss = ac_status_always_carried,
    .prepare = ac_xml_prepare,
    .read_all = ac_newsml_read_all,
};

static const artconv_format format_ninjs = {
    .name = "ninjs",
    .extensions = ninjs_extensions,
    .media_type = "application/ninjs+json",
    .description = "IPTC ninjs 3.1 news item (News in JSON)",
    .read = ac_ninjs_read,
    .write = ac_ninjs_write,
    .status_loss = ac_status_always_carried,
    .prepare = ac_xml_prepare,
};

static const artconv_format *const formats[] = {
    &format_text, &format_markdown, &format_gfm,   &format_html, &format_json,
    &format_epub, &format_newsml,   &format_ninjs,
};

#define FORMAT_COUNT (sizeof formats / sizeof formats[0])

const char *artconv_version(void)
{
    return ARTCONV_VERSION;
}

size_t artconv_format_count(void)
{
    return FORMAT_COUNT;
}

const artconv_format *artconv_format_at(size_t index)
{
    return index < FORMAT_COUNT ? formats[index] : NULL;
}

const artconv_format *artconv_format_by_name(const char *name)
{
    size_t i;
    const char *const *alias;

    if (name == NULL)
        return NULL;
    for (i = 0; i < FORMAT_COUNT; i++) {
        if (ac_strcaseeq(formats[i]->name, name))
            return formats[i];
        for (alias = formats[i]->aliases; alias != NULL && *alias != NULL; alias++)
            if (ac_strcaseeq(*alias, name))
                return formats[i];
    }
    return NULL;
}

const artconv_format *artconv_format_by_path(const char *path)
{
    const char *dot, *slash;
    const char *const *ext;
    size_t i;

    if (path == NULL)
        return NULL;
    dot = strrchr(path, '.');
    slash = strrchr(path, '/');
    if (dot == NULL || (slash != NULL && dot < slash))
        return NULL;
    for (i = 0; i < FORMAT_COUNT; i++)
        for (ext = formats[i]->extensions; *ext != NULL; ext++)
            if (ac_strcaseeq(*ext, dot))
                return formats[i];
    return NULL;
}

const char *artconv_format_name(const artconv_format *format)
{
    return format == NULL ? NULL : format->name;
}

const char *const *artconv_format_extensions(const artconv_format *format)
{
    return format == NULL ? NULL : format->extensions;
}

const char *artconv_format_media_type(const artconv_format *format)
{
    return format == NULL ? NULL : format->media_type;
}

const char *artconv_format_description(const artconv_format *format)
{
    return format == NULL ? NULL : format->description;
}

int artconv_format_can_read(const artconv_format *format)
{
    return format != NULL && format->read != NULL;
}

int artconv_format_can_write(const artconv_format *format)
{
    return format != NULL && format->write != NULL;
}

int artconv_format_can_write_book(const artconv_format *format)
{
    return format != NULL && format->write_book != NULL;
}

int artconv_format_is_binary(const artconv_format *format)
{
    return format != NULL && format->binary;
}

int artconv_format_can_read_all(const artconv_format *format)
{
    return format != NULL && format->read != NULL && format->read_all != NULL;
}

/* The one place the defaults are written; fields left out are 0 or NULL. */
void artconv_read_options_init(artconv_read_options *opts)
{
    const artconv_read_options defaults = {.version = ARTCONV_READ_OPTIONS_VERSION};

    *opts = defaults;
}

void artconv_write_options_init(artconv_write_options *opts)
{
    const artconv_write_options defaults = {
        .version = ARTCONV_WRITE_OPTIONS_VERSION,
        .width = 72,
        .front_matter = ARTCONV_FRONT_MATTER_AUTO,
        .timestamp = -1,
        .item_version = 1,
    };

    *opts = defaults;
}

size_t ac_max_input(const artconv_read_options *opts)
{
    return opts == NULL || opts->max_input == 0 ? ARTCONV_DEFAULT_MAX_INPUT : opts->max_input;
}

/* The node limit in force for these options. */
static size_t max_nodes(const artconv_read_options *opts)
{
    return opts == NULL || opts->max_nodes == 0 ? ARTCONV_DEFAULT_MAX_NODES : opts->max_nodes;
}

/* 1 if the tree below `root` holds more than `limit` nodes (the root not
 * counted).  Stops counting at the limit, so the walk costs at most
 * `limit` steps whatever the tree. */
static int too_many_nodes(const artconv_node *root, size_t limit)
{
    artconv_iter it;
    artconv_event ev;
    size_t n = 0;

    artconv_iter_init(&it, root);
    while ((ev = artconv_iter_next(&it)) != ARTCONV_EVENT_DONE)
        if (ev == ARTCONV_EVENT_ENTER && artconv_iter_node(&it) != root && ++n > limit)
            return 1;
    return 0;
}

/* What artconv_read and artconv_read_all check before a reader runs: the
 * error cleared and named after the input, a readable format, data, the
 * input size limit; then the format's one-time preparation.  `*opts` is
 * replaced by `defaults` (filled here) when it is NULL. */
static int start_read(const artconv_format *format, const char *data, size_t len,
                      const artconv_read_options **opts, artconv_read_options *defaults,
                      artconv_error *err)
{
    if (*opts == NULL) {
        artconv_read_options_init(defaults);
        *opts = defaults;
    }
    if (err != NULL) {
        memset(err, 0, sizeof *err);
        err->file = (*opts)->filename;
    }
    if (format == NULL || (data == NULL && len > 0))
        return ac_error(err, ARTCONV_EINVALID, "no format or no data");
    if (format->read == NULL)
        return ac_error(err, ARTCONV_EUNSUPPORTED, "reading %s is not supported yet", format->name);
    if (len > ac_max_input(*opts))
        return ac_error(err, ARTCONV_ELIMIT, "input of %zu bytes exceeds the limit of %zu bytes",
                        len, ac_max_input(*opts));
    if (format->prepare != NULL)
        format->prepare();
    return ARTCONV_OK;
}

int artconv_read(artconv_article **out, const artconv_format *format, const char *data, size_t len,
                 const artconv_read_options *opts, artconv_error *err)
{
    artconv_read_options defaults;
    int rc;

    if (out == NULL)
        return ac_error(err, ARTCONV_EINVALID, "no place for the article");
    *out = NULL;
    if ((rc = start_read(format, data, len, &opts, &defaults, err)) < 0)
        return rc;
    rc = format->read(out, data == NULL ? "" : data, len, opts, err);
    /* Checked once the reader is done, so it holds for every reader; the
     * input size limit has already bounded how large the tree could get. */
    if (rc == 0 && too_many_nodes(artconv_article_body(*out), max_nodes(opts)))
        rc = ac_error(err, ARTCONV_ELIMIT, "the article has more than %zu nodes", max_nodes(opts));
    if (rc < 0) {
        artconv_article_free(*out);
        *out = NULL;
    }
    return rc;
}

void artconv_articles_free(artconv_article **articles, size_t count)
{
    size_t i;

    if (articles == NULL)
        return;
    for (i = 0; i < count; i++)
        artconv_article_free(articles[i]);
    free(articles);
}

/* A format without a read_all slot: its one article, in an array. */
static int read_one_as_all(artconv_article ***out, size_t *count, const artconv_format *format,
                           const char *data, size_t len, const artconv_read_options *opts,
                           artconv_error *err)
{
    artconv_article **list = malloc(sizeof *list);
    int rc;

    if (list == NULL)
        return ac_nomem(err);
    if ((rc = format->read(&list[0], data, len, opts, err)) < 0) {
        free(list);
        return rc;
    }
    *out = list;
    *count = 1;
    return 0;
}

int artconv_read_all(artconv_article ***out, size_t *count, const artconv_format *format,
                     const char *data, size_t len, const artconv_read_options *opts,
                     artconv_error *err)
{
    artconv_read_options defaults;
    size_t i;
    int rc;

    if (out == NULL || count == NULL)
        return ac_error(err, ARTCONV_EINVALID, "no place for the articles");
    *out = NULL;
    *count = 0;
    if ((rc = start_read(format, data, len, &opts, &defaults, err)) < 0)
        return rc;
    if (data == NULL)
        data = "";
    rc = format->read_all != NULL ? format->read_all(out, count, data, len, opts, err)
                                  : read_one_as_all(out, count, format, data, len, opts, err);
    if (rc == 0 && *count > ARTCONV_MAX_ARTICLES)
        rc = ac_error(err, ARTCONV_ELIMIT, "the input holds %zu articles, more than %d", *count,
                      ARTCONV_MAX_ARTICLES);
    /* The node limit holds for each article, as for artconv_read. */
    for (i = 0; rc == 0 && i < *count; i++)
        if (too_many_nodes(artconv_article_body((*out)[i]), max_nodes(opts)))
            rc = ac_error(err, ARTCONV_ELIMIT, "article %zu has more than %zu nodes", i + 1,
                          max_nodes(opts));
    if (rc < 0) {
        artconv_articles_free(*out, *count);
        *out = NULL;
        *count = 0;
    }
    return rc;
}

int artconv_write(artconv_buf *out, const artconv_format *format, const artconv_article *article,
                  const artconv_write_options *opts, artconv_error *err)
{
    artconv_write_options defaults;
    size_t old_len;
    int rc;

    artconv_write_options_init(&defaults);
    if (opts == NULL)
        opts = &defaults;
    if (err != NULL) {
        memset(err, 0, sizeof *err);
        err->file = opts->filename;
    }
    if (out == NULL || format == NULL || article == NULL)
        return ac_error(err, ARTCONV_EINVALID, "no output, format or article");
    if (format->write == NULL)
        return ac_error(err, ARTCONV_EUNSUPPORTED, "writing %s is not supported yet", format->name);
    if ((rc = ac_status_check(format, article, 0, opts, err)) < 0)
        return rc;
    /* Writers may hand the tree to recursive library code (libxml2's
     * serialiser, jansson's dumper), so the depth is capped for all. */
    if (artconv_node_depth(artconv_article_body(article)) > ARTCONV_MAX_DEPTH)
        return ac_error(err, ARTCONV_ELIMIT, "the article is nested deeper than %d levels",
                        ARTCONV_MAX_DEPTH);
    if (format->prepare != NULL)
        format->prepare();
    old_len = out->len;
    rc = format->write(out, article, opts, err);
    if (rc < 0) {
        out->len = old_len;
        if (out->ptr != NULL)
            out->ptr[old_len] = '\0';
    } else {
        ac_warn_raw_html_dropped(format, article, opts);
    }
    return rc;
}

/* The formats that can hold a book, for the refusal's advice: the table
 * says which, so this file names none. */
static const char *book_format_names(void)
{
    size_t i;

    /* One such format today; a second would need a list built here. */
    for (i = 0; i < FORMAT_COUNT; i++)
        if (formats[i]->write_book != NULL)
            return formats[i]->name;
    return "a format that holds several";
}

int artconv_write_book(artconv_buf *out, const artconv_format *format,
                       const artconv_article *const *articles, size_t count, const char *title,
                       const char *const *resource_dirs, const artconv_write_options *opts,
                       artconv_error *err)
{
    artconv_write_options defaults;
    size_t old_len, i;
    int rc;

    artconv_write_options_init(&defaults);
    if (opts == NULL)
        opts = &defaults;
    if (err != NULL) {
        memset(err, 0, sizeof *err);
        err->file = opts->filename;
    }
    if (out == NULL || format == NULL || articles == NULL || count == 0)
        return ac_error(err, ARTCONV_EINVALID, "no output, format or articles");
    if (format->write_book == NULL)
        return ac_error(err, ARTCONV_EUNSUPPORTED, "%s cannot hold several articles; use %s",
                        artconv_format_name(format), book_format_names());
    for (i = 0; i < count; i++) {
        if (articles[i] == NULL)
            return ac_error(err, ARTCONV_EINVALID, "article %zu is missing", i + 1);
        /* As artconv_write: libxml2's serialiser recurses. */
        if (artconv_node_depth(artconv_article_body(articles[i])) > ARTCONV_MAX_DEPTH)
            return ac_error(err, ARTCONV_ELIMIT, "article %zu is nested deeper than %d levels",
                            i + 1, ARTCONV_MAX_DEPTH);
        if ((rc = ac_status_check(format, articles[i], count > 1 ? i + 1 : 0, opts, err)) < 0)
            return rc;
    }
    if (format->prepare != NULL)
        format->prepare();
    old_len = out->len;
    rc = format->write_book(out, articles, count, title, resource_dirs, opts, err);
    if (rc < 0) {
        out->len = old_len;
        if (out->ptr != NULL)
            out->ptr[old_len] = '\0';
    }
    for (i = 0; rc == 0 && i < count; i++)
        ac_warn_raw_html_dropped(format, articles[i], opts);
    return rc;
}

void ac_warn_raw_html_dropped(const artconv_format *format, const artconv_article *article,
                              const artconv_write_options *opts)
{
    artconv_iter it;
    artconv_event ev;
    size_t n = 0;

    if (format->writes_raw_html || opts == NULL || opts->warning == NULL)
        return;
    artconv_iter_init(&it, artconv_article_body(article));
    while ((ev = artconv_iter_next(&it)) != ARTCONV_EVENT_DONE) {
        artconv_node_kind kind = artconv_node_get_kind(artconv_iter_node(&it));

        n += ev == ARTCONV_EVENT_ENTER &&
             (kind == ARTCONV_NODE_RAW_HTML_BLOCK || kind == ARTCONV_NODE_RAW_HTML_INLINE);
    }
    if (n > 0)
        ac_warn_write(opts, ARTCONV_EUNSUPPORTED,
                      "%zu piece%s of raw HTML (tags and comments, no text) left out of %s", n,
                      n == 1 ? "" : "s", format->name);
}
