/*
 * artconv.h - the public API of libartconv, a converter for news articles.
 *
 * One article model sits between every reader and every writer: metadata
 * (headline, standfirst, authors, dates, ...) and a tree of block and inline
 * nodes.  Readers fill it, writers read only it.
 *
 * Conventions (see docs/api.md):
 *  - A function that can fail returns 0 or a negative artconv_status, puts its
 *    result in its first parameter `out` and describes the failure in its last
 *    parameter `err`, which may be NULL.
 *  - Every `_new` has a `_free`; `_free(NULL)` does nothing.
 *  - Getters return borrowed pointers that stay valid until the owner changes
 *    or is freed.  Setters copy their strings.
 *  - Strings at this boundary are NUL-terminated UTF-8.  The model only ever
 *    holds valid UTF-8 without NUL bytes and without characters XML forbids.
 *  - Thread safety: there is no global mutable state.  Functions that take
 *    no article, node or buffer (version, names, formats, options_init) may
 *    be called from any thread at any time.  Distinct articles, nodes and
 *    buffers may be used from distinct threads at once.  Several threads may
 *    read one article at once (getters, iterators, artconv_write) as long as
 *    none changes it; a call that changes an article or a node needs it to
 *    itself.  Warning callbacks run on the calling thread, during the call.
 *    The library initialises libxml2 itself, once, on first use.
 *  - Errors: a failing call leaves its outputs as documented (usually NULL
 *    or unchanged) and fills `err`; it never prints and never aborts, except
 *    that cmark (the Markdown reader and writer) aborts when memory runs out.
 */
#ifndef ARTCONV_H
#define ARTCONV_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(ARTCONV_BUILDING) && defined(__GNUC__)
#define ARTCONV_API __attribute__((visibility("default")))
#else
#define ARTCONV_API
#endif

#define ARTCONV_VERSION_MAJOR 0
#define ARTCONV_VERSION_MINOR 1
#define ARTCONV_VERSION_PATCH 0
#define ARTCONV_VERSION       "0.1.0"

/* Deepest nesting of blocks and inlines a reader accepts, and a writer
 * writes.  Readers refuse deeper input with ARTCONV_ELIMIT, which keeps every
 * recursive library call (libxml2, jansson) far from the stack's end.  It
 * stays below libxml2's own HTML limit of 256 so ours is the one that fires. */
#define ARTCONV_MAX_DEPTH 200

/* Default cap on the size of one input, in bytes (256 MiB). */
#define ARTCONV_DEFAULT_MAX_INPUT ((size_t)256 * 1024 * 1024)

/* Default cap on the number of nodes in one article read (16 million).  A
 * reader whose result holds more fails with ARTCONV_ELIMIT.  The input size
 * limit bounds the count first; this one stops formats whose small input
 * expands into many nodes from handing a caller an outsized tree.  See
 * docs/limits.md for every limit. */
#define ARTCONV_DEFAULT_MAX_NODES ((size_t)16 * 1024 * 1024)

/** Returns the library's version as "MAJOR.MINOR.PATCH" (the version of the
 *  library actually loaded, where ARTCONV_VERSION is that of the header);
 *  static storage, never NULL, any thread. */
ARTCONV_API const char *artconv_version(void);

/* ---------------------------------------------------------------------------
 * Errors
 */

typedef enum artconv_status {
    ARTCONV_OK = 0,
    ARTCONV_EINVALID = -1,    /* bad argument, or a change the model forbids */
    ARTCONV_ENOMEM = -2,      /* out of memory */
    ARTCONV_EIO = -3,         /* reading or writing a file failed */
    ARTCONV_EPARSE = -4,      /* the input is not what its format says */
    ARTCONV_ELIMIT = -5,      /* the input exceeds a documented limit */
    ARTCONV_EUNSUPPORTED = -6 /* the format or feature is not available */
} artconv_status;

/* A failure or a warning.  Filling one never allocates. */
typedef struct artconv_error {
    int code;          /* an artconv_status */
    char message[256]; /* what went wrong, for a person */
    const char *file;  /* the input's name as given in the options; borrowed */
    int line;          /* 1-based, 0 when unknown */
    int column;        /* 1-based, 0 when unknown */
    size_t offset;     /* byte offset into the input, 0 when unknown */
} artconv_error;

/** Returns a short English name for a status code ("out of memory"...);
 *  static storage, never NULL (unknown codes get a generic name); any thread. */
ARTCONV_API const char *artconv_status_name(int code);

/* ---------------------------------------------------------------------------
 * Buffers: growable, NUL-terminated byte strings owned by the caller.  A
 * buffer is plain memory: one thread at a time may use it.
 */

typedef struct artconv_buf {
    char *ptr;  /* NULL until the first append, then always NUL-terminated */
    size_t len; /* bytes in use, without the terminating NUL */
    size_t cap; /* bytes allocated */
} artconv_buf;

#define ARTCONV_BUF_INIT                                                                           \
    {                                                                                              \
        NULL, 0, 0                                                                                 \
    }

/** Appends `len` bytes.  Returns 0, or ARTCONV_ENOMEM (buffer unchanged). */
ARTCONV_API int artconv_buf_put(artconv_buf *buf, const void *data, size_t len);
/** Appends a NUL-terminated string.  Returns 0 or ARTCONV_ENOMEM. */
ARTCONV_API int artconv_buf_puts(artconv_buf *buf, const char *str);
/** Appends one byte.  Returns 0 or ARTCONV_ENOMEM. */
ARTCONV_API int artconv_buf_putc(artconv_buf *buf, int c);
/** Makes room for `extra` more bytes.  Returns 0 or ARTCONV_ENOMEM. */
ARTCONV_API int artconv_buf_grow(artconv_buf *buf, size_t extra);
/** Empties the buffer and keeps its memory. */
ARTCONV_API void artconv_buf_clear(artconv_buf *buf);
/** Returns the bytes (NUL-terminated, free with free()) and resets the buffer.
 *  Returns NULL only when memory runs out. */
ARTCONV_API char *artconv_buf_detach(artconv_buf *buf);
/** Releases the memory and resets the buffer to ARTCONV_BUF_INIT. */
ARTCONV_API void artconv_buf_dispose(artconv_buf *buf);

/** Appends a line "NAME VERSION" for each library artconv is built on
 *  (libxml2, cmark, libzip, libyaml, jansson, libunistring), each the
 *  version loaded at run time.  Returns 0 or ARTCONV_ENOMEM. */
ARTCONV_API int artconv_library_versions(artconv_buf *out);

/* ---------------------------------------------------------------------------
 * Nodes: the body tree.  A node belongs to its parent (and so to the article
 * whose body holds it), or to the caller while it is unlinked.  Threads: as
 * for the article that holds the node (see the top of this file); the
 * kind functions (names, leaf, can_contain) use static tables only.
 */

typedef enum artconv_node_kind {
    ARTCONV_NODE_NONE = 0,

    /* Blocks */
    ARTCONV_NODE_DOCUMENT,       /* the root of an article's body */
    ARTCONV_NODE_HEADING,        /* level 1-6; inlines */
    ARTCONV_NODE_PARAGRAPH,      /* inlines */
    ARTCONV_NODE_BLOCKQUOTE,     /* blocks, then at most one ATTRIBUTION */
    ARTCONV_NODE_LIST,           /* ITEMs; ordered or bullet, start, tight */
    ARTCONV_NODE_ITEM,           /* blocks */
    ARTCONV_NODE_CODE_BLOCK,     /* leaf: literal text and an info string */
    ARTCONV_NODE_THEMATIC_BREAK, /* leaf */
    ARTCONV_NODE_FIGURE,         /* image url, alt, credit; at most one CAPTION */
    ARTCONV_NODE_CAPTION,        /* inlines: a figure's caption */
    ARTCONV_NODE_ATTRIBUTION,    /* inlines: who a block quote is from */
    ARTCONV_NODE_TABLE,          /* TABLE_ROWs */
    ARTCONV_NODE_TABLE_ROW,      /* TABLE_CELLs; may be a header row */
    ARTCONV_NODE_TABLE_CELL,     /* inlines */

    /* Inlines */
    ARTCONV_NODE_TEXT,        /* leaf: literal text */
    ARTCONV_NODE_SOFTBREAK,   /* leaf: a line end inside a paragraph */
    ARTCONV_NODE_LINEBREAK,   /* leaf: a hard line break */
    ARTCONV_NODE_CODE,        /* leaf: literal code */
    ARTCONV_NODE_EMPH,        /* inlines */
    ARTCONV_NODE_STRONG,      /* inlines */
    ARTCONV_NODE_LINK,        /* inlines; url and title */
    ARTCONV_NODE_IMAGE,       /* leaf: url, alt and title */
    ARTCONV_NODE_SUPERSCRIPT, /* inlines */
    ARTCONV_NODE_SUBSCRIPT,   /* inlines */

    /* Raw HTML: leaves whose literal is HTML source made of tags, comments
     * and white space only (artconv_node_set_literal refuses text in it,
     * so dropping the node never loses words).  The Markdown reader makes
     * them for inert HTML it cannot map to other nodes (an unclosed <a>, an
     * unknown element, a comment); the Markdown writer writes them back
     * verbatim if they are still inert and drops them with a warning
     * otherwise.  Every other writer drops them, except JSON, which keeps
     * them.  A RAW_HTML_BLOCK is a block and stands where flow blocks do
     * (in the document, a quote, a list item); a RAW_HTML_INLINE is an
     * inline.  They were added after the others, so their numbers lie past
     * the numeric ranges below: ask artconv_node_kind_is_block and
     * artconv_node_kind_is_inline, which count them, instead of comparing
     * kinds with FIRST_ and LAST_ constants. */
    ARTCONV_NODE_RAW_HTML_BLOCK,  /* leaf: HTML standing as a block */
    ARTCONV_NODE_RAW_HTML_INLINE, /* leaf: HTML among inlines */

    /* Numeric ranges, kept for tables indexed by kind: neither range holds
     * the raw HTML kinds (see above). */
    ARTCONV_NODE_FIRST_BLOCK = ARTCONV_NODE_DOCUMENT,
    ARTCONV_NODE_LAST_BLOCK = ARTCONV_NODE_TABLE_CELL,
    ARTCONV_NODE_FIRST_INLINE = ARTCONV_NODE_TEXT,
    ARTCONV_NODE_LAST_INLINE = ARTCONV_NODE_SUBSCRIPT,
    ARTCONV_NODE_FIRST_RAW = ARTCONV_NODE_RAW_HTML_BLOCK,
    ARTCONV_NODE_LAST_RAW = ARTCONV_NODE_RAW_HTML_INLINE,
    /* The highest kind: size per-kind tables with ARTCONV_NODE_LAST_KIND + 1. */
    ARTCONV_NODE_LAST_KIND = ARTCONV_NODE_RAW_HTML_INLINE
} artconv_node_kind;

typedef struct artconv_node artconv_node;

/** Returns a new, unlinked node of `kind`, or NULL if memory runs out or the
 *  kind is invalid.  Free it with artconv_node_free unless it is appended. */
ARTCONV_API artconv_node *artconv_node_new(artconv_node_kind kind);
/** Frees a node and its whole subtree; unlinks it first if it has a parent. */
ARTCONV_API void artconv_node_free(artconv_node *node);

/** Returns the node's kind (ARTCONV_NODE_NONE for NULL). */
ARTCONV_API artconv_node_kind artconv_node_get_kind(const artconv_node *node);
/** Returns the kind's lower-case name ("paragraph"), or NULL if unknown. */
ARTCONV_API const char *artconv_node_kind_name(artconv_node_kind kind);
/** Returns the kind with this name, or ARTCONV_NODE_NONE. */
ARTCONV_API artconv_node_kind artconv_node_kind_from_name(const char *name);
/** Returns 1 if nodes of `kind` never have children. */
ARTCONV_API int artconv_node_kind_is_leaf(artconv_node_kind kind);
/** Returns 1 if `kind` is a block: DOCUMENT through TABLE_CELL, and
 *  RAW_HTML_BLOCK; 0 otherwise (inlines, NONE, unknown numbers). */
ARTCONV_API int artconv_node_kind_is_block(artconv_node_kind kind);
/** Returns 1 if `kind` is an inline: TEXT through SUBSCRIPT, and
 *  RAW_HTML_INLINE; 0 otherwise.  Every valid kind is exactly one of the
 *  two. */
ARTCONV_API int artconv_node_kind_is_inline(artconv_node_kind kind);
/** Returns 1 if a `parent` node may hold a `child` node. */
ARTCONV_API int artconv_node_can_contain(artconv_node_kind parent, artconv_node_kind child);

/* Navigation.  Each returns a borrowed node, or NULL. */
ARTCONV_API artconv_node *artconv_node_parent(const artconv_node *node);
ARTCONV_API artconv_node *artconv_node_first_child(const artconv_node *node);
ARTCONV_API artconv_node *artconv_node_last_child(const artconv_node *node);
ARTCONV_API artconv_node *artconv_node_next(const artconv_node *node);
ARTCONV_API artconv_node *artconv_node_prev(const artconv_node *node);

/** Moves `child` (unlinking it first) to the end of `parent`'s children.
 *  Returns 0, or ARTCONV_EINVALID if the parent may not hold it or the child
 *  is an ancestor of the parent; nothing changes then. */
ARTCONV_API int artconv_node_append(artconv_node *parent, artconv_node *child, artconv_error *err);
/** Inserts `node` (unlinking it first) just before `sibling`.  Same errors. */
ARTCONV_API int artconv_node_insert_before(artconv_node *sibling, artconv_node *node,
                                           artconv_error *err);
/** Detaches a node from its parent and siblings; the caller owns it again. */
ARTCONV_API void artconv_node_unlink(artconv_node *node);

/* Kind-specific data.  Getters return NULL/0 when the kind has no such
 * field; setters then fail with ARTCONV_EINVALID.  String setters copy, accept
 * NULL to clear, and refuse (ARTCONV_EINVALID) text that is not valid UTF-8
 * or holds a character XML forbids. */

/** Literal text of TEXT, CODE and CODE_BLOCK nodes; the HTML source of
 *  RAW_HTML_BLOCK and RAW_HTML_INLINE nodes, which must be tags, comments
 *  and white space only (ARTCONV_EINVALID otherwise).  "" when never set
 *  (NULL for the kinds that have none). */
ARTCONV_API const char *artconv_node_get_literal(const artconv_node *node);
ARTCONV_API int artconv_node_set_literal(artconv_node *node, const char *text, artconv_error *err);
/** Heading level, 1-6; 0 for other kinds. */
ARTCONV_API int artconv_node_get_level(const artconv_node *node);
ARTCONV_API int artconv_node_set_level(artconv_node *node, int level, artconv_error *err);
/** Lists: ordered (1) or bullet (0), start number, tight (1) or loose (0). */
ARTCONV_API int artconv_node_get_list_ordered(const artconv_node *node);
ARTCONV_API int artconv_node_get_list_start(const artconv_node *node);
ARTCONV_API int artconv_node_get_list_tight(const artconv_node *node);
ARTCONV_API int artconv_node_set_list(artconv_node *node, int ordered, int start, int tight,
                                      artconv_error *err);
/** Info string of a CODE_BLOCK (usually its language). */
ARTCONV_API const char *artconv_node_get_info(const artconv_node *node);
ARTCONV_API int artconv_node_set_info(artconv_node *node, const char *info, artconv_error *err);
/** URL of a LINK (href), an IMAGE or a FIGURE (image source). */
ARTCONV_API const char *artconv_node_get_url(const artconv_node *node);
ARTCONV_API int artconv_node_set_url(artconv_node *node, const char *url, artconv_error *err);
/** Title of a LINK or an IMAGE. */
ARTCONV_API const char *artconv_node_get_title(const artconv_node *node);
ARTCONV_API int artconv_node_set_title(artconv_node *node, const char *title, artconv_error *err);
/** Alternative text of an IMAGE or a FIGURE's image. */
ARTCONV_API const char *artconv_node_get_alt(const artconv_node *node);
ARTCONV_API int artconv_node_set_alt(artconv_node *node, const char *alt, artconv_error *err);
/** Credit line of a FIGURE ("AP", "Photo: Jane Doe/Reuters"). */
ARTCONV_API const char *artconv_node_get_credit(const artconv_node *node);
ARTCONV_API int artconv_node_set_credit(artconv_node *node, const char *credit, artconv_error *err);
/** Whether a TABLE_ROW is a header row. */
ARTCONV_API int artconv_node_get_header(const artconv_node *node);
ARTCONV_API int artconv_node_set_header(artconv_node *node, int header, artconv_error *err);

/* ---------------------------------------------------------------------------
 * Iterating: a depth-first walk without recursion.  Nodes with children are
 * reported twice, on ENTER and on EXIT; leaves only on ENTER.  An iterator
 * is opaque: artconv_iter_new makes one, artconv_iter_free releases it.
 * One thread at a time may use an iterator; several iterators may walk one
 * unchanging tree at once.
 *
 *     artconv_iter *it = artconv_iter_new(artconv_article_body(article));
 *     artconv_event ev;
 *     if (it == NULL)
 *         return ARTCONV_ENOMEM;
 *     while ((ev = artconv_iter_next(it)) != ARTCONV_EVENT_DONE)
 *         if (ev == ARTCONV_EVENT_ENTER)
 *             visit(artconv_iter_node(it));
 *     artconv_iter_free(it);
 */

typedef enum artconv_event {
    ARTCONV_EVENT_DONE = 0,
    ARTCONV_EVENT_ENTER,
    ARTCONV_EVENT_EXIT
} artconv_event;

typedef struct artconv_iter artconv_iter;

/** Returns a new iterator over `root` and its descendants (`root` may be
 *  NULL: the walk is empty), or NULL if memory runs out.  The iterator
 *  borrows the tree; free it with artconv_iter_free. */
ARTCONV_API artconv_iter *artconv_iter_new(const artconv_node *root);
/** Frees an iterator (not the tree); NULL does nothing. */
ARTCONV_API void artconv_iter_free(artconv_iter *iter);
/** Restarts `iter` over `root`, as if it were new.  Never fails. */
ARTCONV_API void artconv_iter_init(artconv_iter *iter, const artconv_node *root);
/** Advances; returns the event (DONE at the end, and on every call after
 *  it).  The tree must not change during the walk except for the current
 *  node's data. */
ARTCONV_API artconv_event artconv_iter_next(artconv_iter *iter);
/** Returns the current node, borrowed (NULL before the first event and
 *  after DONE). */
ARTCONV_API artconv_node *artconv_iter_node(const artconv_iter *iter);
/** After ENTER on a node with children: the next event is its EXIT. */
ARTCONV_API void artconv_iter_skip_children(artconv_iter *iter);

/* ---------------------------------------------------------------------------
 * Articles: metadata and a body.
 */

typedef struct artconv_article artconv_article;

/* Single-valued metadata.  The names (artconv_meta_name) are the canonical
 * keys used in JSON, YAML front matter and `--meta key=value`. */
typedef enum artconv_meta {
    ARTCONV_META_TITLE = 0,     /* "title": the headline */
    ARTCONV_META_SUBTITLE,      /* "subtitle": standfirst, deck */
    ARTCONV_META_DATE,          /* "date": published, ISO 8601 */
    ARTCONV_META_MODIFIED,      /* "modified": ISO 8601 */
    ARTCONV_META_DATELINE,      /* "dateline": place line, "NEW DELHI" */
    ARTCONV_META_LANGUAGE,      /* "language": BCP 47 tag */
    ARTCONV_META_PUBLISHER,     /* "publisher" */
    ARTCONV_META_SECTION,       /* "section" */
    ARTCONV_META_DESCRIPTION,   /* "description": summary */
    ARTCONV_META_CREDIT,        /* "credit": agency input line */
    ARTCONV_META_RIGHTS,        /* "rights" */
    ARTCONV_META_SOURCE,        /* "source": URL of the original */
    ARTCONV_META_ID,            /* "id" */
    ARTCONV_META_IMAGE,         /* "image": lead image URL or path */
    ARTCONV_META_IMAGE_ALT,     /* "image.alt" */
    ARTCONV_META_IMAGE_CAPTION, /* "image.caption" */
    ARTCONV_META_IMAGE_CREDIT,  /* "image.credit" */
    /* Added later, so at the end (the numbers above are ABI).  A story that
     * is not usable or is embargoed is written only by formats that carry
     * both fields; see artconv_write_options.ignore_status. */
    ARTCONV_META_PUBSTATUS, /* "pubstatus": NewsML-G2 stat: code, "canceled", "withheld"... */
    ARTCONV_META_EMBARGOED, /* "embargoed": ISO 8601 date-time, or "indefinite" */
    /* News metadata, added later still.  "date" stays the article's date
     * (published, else made).  Each timestamp below (ISO 8601) is kept only
     * where a source tells it apart from "date" and "modified", which
     * writers use in its place when it is unset. */
    ARTCONV_META_URGENCY,        /* "urgency": 1 (most urgent) to 9, as NewsML-G2 */
    ARTCONV_META_FIRSTCREATED,   /* "firstcreated": the first version of the item */
    ARTCONV_META_VERSIONCREATED, /* "versioncreated": this version of the item */
    ARTCONV_META_CONTENTCREATED, /* "contentcreated": when the content was made */
    ARTCONV_META_COUNT
} artconv_meta;

/* Multi-valued metadata. */
typedef enum artconv_meta_list {
    ARTCONV_LIST_AUTHORS = 0, /* "authors" */
    ARTCONV_LIST_KEYWORDS,    /* "keywords" */
    ARTCONV_LIST_EDNOTES,     /* "ednotes": notes to editors, not for publication */
    ARTCONV_LIST_COUNT
} artconv_meta_list;

/** Returns a new, empty article (its body an empty DOCUMENT), or NULL when
 *  memory runs out.  Free it with artconv_article_free. */
ARTCONV_API artconv_article *artconv_article_new(void);
/** Frees the article, its metadata and its whole body. */
ARTCONV_API void artconv_article_free(artconv_article *article);

/** Returns the root DOCUMENT node, borrowed from the article. */
ARTCONV_API artconv_node *artconv_article_body(const artconv_article *article);

/** Returns a metadata value, or NULL if unset.  Borrowed. */
ARTCONV_API const char *artconv_article_get(const artconv_article *article, artconv_meta field);
/** Sets (copies) a metadata value; NULL or "" clears it.  Returns 0,
 *  ARTCONV_EINVALID (bad field or text) or ARTCONV_ENOMEM. */
ARTCONV_API int artconv_article_set(artconv_article *article, artconv_meta field, const char *value,
                                    artconv_error *err);
/** Returns the canonical name of a field ("title"), or NULL. */
ARTCONV_API const char *artconv_meta_name(artconv_meta field);
/** Looks up a field by canonical name; returns 0 and sets *out, or
 *  ARTCONV_EINVALID if there is no such single-valued field. */
ARTCONV_API int artconv_meta_from_name(artconv_meta *out, const char *name);

/** Returns the number of values in a list field. */
ARTCONV_API size_t artconv_article_list_count(const artconv_article *article,
                                              artconv_meta_list list);
/** Returns value `index` of a list field, or NULL past the end.  Borrowed. */
ARTCONV_API const char *artconv_article_list_get(const artconv_article *article,
                                                 artconv_meta_list list, size_t index);
/** Appends (copies) a value unless it is empty or already present.
 *  Returns 0, ARTCONV_EINVALID or ARTCONV_ENOMEM. */
ARTCONV_API int artconv_article_list_add(artconv_article *article, artconv_meta_list list,
                                         const char *value, artconv_error *err);
/** Removes every value of a list field. */
ARTCONV_API void artconv_article_list_clear(artconv_article *article, artconv_meta_list list);
/** Returns the canonical name of a list field ("authors"), or NULL. */
ARTCONV_API const char *artconv_meta_list_name(artconv_meta_list list);
/** Looks up a list field by canonical name; 0 or ARTCONV_EINVALID. */
ARTCONV_API int artconv_meta_list_from_name(artconv_meta_list *out, const char *name);

/* Metadata beyond the canonical fields (an unknown front-matter key such as
 * `draft` or `weight`), kept in order so writers can write it back.  Keys
 * are unique and never a canonical name; each value is a JSON text. */

/** Returns the number of extra fields. */
ARTCONV_API size_t artconv_article_extra_count(const artconv_article *article);
/** Returns the key of extra field `index`, or NULL past the end.  Borrowed. */
ARTCONV_API const char *artconv_article_extra_key(const artconv_article *article, size_t index);
/** Returns the JSON value of extra field `index`, or NULL.  Borrowed. */
ARTCONV_API const char *artconv_article_extra_value(const artconv_article *article, size_t index);
/** Returns the JSON value stored under `key`, or NULL.  Borrowed. */
ARTCONV_API const char *artconv_article_extra_get(const artconv_article *article, const char *key);
/** Stores a copy of the JSON text `json` (any JSON value, kept in compact
 *  form) under `key`, replacing an earlier value in place; NULL removes the
 *  key.  Returns 0, ARTCONV_EINVALID (bad key, canonical name, not JSON,
 *  unclean text) or ARTCONV_ENOMEM. */
ARTCONV_API int artconv_article_extra_set(artconv_article *article, const char *key,
                                          const char *json, artconv_error *err);

/* ---------------------------------------------------------------------------
 * News metadata: structured values, each a concept an agency codes (a
 * subject, a genre, a place) or a person with a role.  Every list keeps
 * its values in order; a value needs a code or a name.
 */

typedef enum artconv_concept_list {
    ARTCONV_CONCEPT_SUBJECTS = 0, /* "subjects": what the story is about */
    ARTCONV_CONCEPT_GENRES,       /* "genres": the kind of story (interview, analysis) */
    ARTCONV_CONCEPT_SERVICES,     /* "services": the provider's service that carried it */
    ARTCONV_CONCEPT_AUDIENCES,    /* "audiences": whom it is meant for */
    ARTCONV_CONCEPT_SIGNALS,      /* "signals": instructions to the receiver (an update) */
    ARTCONV_CONCEPT_LOCATED,      /* "located": where the story happened */
    ARTCONV_CONCEPT_CONTRIBUTORS, /* "contributors": people beside the authors, with a role */
    ARTCONV_CONCEPT_COUNT
} artconv_concept_list;

/* One value.  The strings are borrowed (from the article for a value read
 * with artconv_article_concept_get, from the caller for one added); NULL
 * stands for no value. */
typedef struct artconv_concept {
    const char *code;   /* a QCode ("medtop:04000000"), a URI, or a literal code */
    const char *name;   /* for people: "economy, business and finance", "Jane Doe" */
    const char *scheme; /* the vocabulary ("medtop", "IAB"); NULL: the QCode's prefix */
    const char *role;   /* "nrol:main", "editor"... */
} artconv_concept;

/** Returns the number of values in a concept list (0 for a bad list). */
ARTCONV_API size_t artconv_article_concept_count(const artconv_article *article,
                                                 artconv_concept_list list);
/** Fills `out` with value `index` of a list, its strings borrowed from the
 *  article.  Returns 0, or ARTCONV_EINVALID (bad list, past the end) with
 *  every field of `out` NULL. */
ARTCONV_API int artconv_article_concept_get(artconv_concept *out, const artconv_article *article,
                                            artconv_concept_list list, size_t index);
/** Appends a copy of `value` (white space trimmed, empty strings read as
 *  NULL).  Returns 0 (a value with neither code nor name adds nothing),
 *  ARTCONV_EINVALID (bad list or text) or ARTCONV_ENOMEM. */
ARTCONV_API int artconv_article_concept_add(artconv_article *article, artconv_concept_list list,
                                            const artconv_concept *value, artconv_error *err);
/** Removes every value of a concept list. */
ARTCONV_API void artconv_article_concept_clear(artconv_article *article, artconv_concept_list list);
/** Returns the canonical name of a concept list ("subjects"), or NULL. */
ARTCONV_API const char *artconv_concept_list_name(artconv_concept_list list);
/** Looks up a concept list by canonical name; 0 or ARTCONV_EINVALID. */
ARTCONV_API int artconv_concept_list_from_name(artconv_concept_list *out, const char *name);

/** Typographic punctuation (the CLI's --smart): straight double and single
 *  quotes become curly ones (an apostrophe a right single quote), "--" an en
 *  dash, "---" an em dash and "..." an ellipsis, in the body's text (not in
 *  code or raw HTML) and in the title, subtitle, description and lead image
 *  caption.  Returns 0, ARTCONV_EINVALID or ARTCONV_ENOMEM. */
ARTCONV_API int artconv_article_smarten(artconv_article *article, artconv_error *err);

/** Sets metadata from "key=value" (as `--meta` does): a single field is
 *  replaced, a list field ("authors", "keywords") is replaced by the value
 *  split at commas.  Returns 0, ARTCONV_EINVALID or ARTCONV_ENOMEM. */
ARTCONV_API int artconv_article_set_meta_arg(artconv_article *article, const char *assignment,
                                             artconv_error *err);

/** Checks every invariant of the model (links, containment, text).  Returns
 *  0, or ARTCONV_EINVALID with the first problem described in `err`.  Meant
 *  for tests and for tools that build articles by hand. */
ARTCONV_API int artconv_article_check(const artconv_article *article, artconv_error *err);

/** Returns the depth of the deepest node below `root` (root alone is 0). */
ARTCONV_API size_t artconv_node_depth(const artconv_node *root);

/* ---------------------------------------------------------------------------
 * Options
 */

/** Called for each recoverable oddity; `warning->code` says what kind.  It
 *  runs synchronously on the thread that made the call, and `warning` is
 *  valid only during the callback (copy what you keep). */
typedef void (*artconv_warning_fn)(const artconv_error *warning, void *payload);

/* 2 added `encoding` and `base_url`; a caller built against version 1
 * never has them read. */
#define ARTCONV_READ_OPTIONS_VERSION 2

typedef struct artconv_read_options {
    unsigned version;           /* ARTCONV_READ_OPTIONS_VERSION */
    const char *filename;       /* the input's name, for messages; may be NULL */
    size_t max_input;           /* refuse larger input; 0 means the default */
    int strict;                 /* turn repairs (bad encoding...) into errors */
    int no_extract;             /* HTML: keep the whole body, find no article */
    artconv_warning_fn warning; /* may be NULL */
    void *payload;              /* passed to `warning` */
    size_t max_nodes;           /* refuse larger articles; 0 means the default */
    /* artconv_read_file: resolve the path inside this folder (relative
     * paths against it, absolute ones refused) and refuse a path that
     * leads out of it, through ".." or symbolic links.  NULL: no bound. */
    const char *root;
    /* artconv_read_file: refuse anything but a regular file (a FIFO, a
     * device, a folder) without blocking on it, and paths through /proc
     * magic links (/dev/stdin, /dev/fd/N).  For services whose requests
     * name their inputs: /dev/stdin or a FIFO would hang them. */
    int regular_only;
    /* The input's charset ("windows-1251", "shift_jis"), an iconv name,
     * over what the input declares and what detection would guess; NULL:
     * the input's own BOM or declaration, else detection.  An unknown name
     * fails with ARTCONV_EINVALID.  (Version 2.) */
    const char *encoding;
    /* HTML: the page's address ("https://host/path/page.html"), for a saved
     * page that names none: relative links and images resolve against it
     * and it becomes the source when the page gives none.  A <base href>
     * or canonical link the page has wins.  Must be an absolute http(s)
     * URL (else ARTCONV_EINVALID); NULL: none.  (Version 2.) */
    const char *base_url;
} artconv_read_options;

/** Fills `opts` (caller-owned) with the defaults: version set, every other
 *  field 0 or NULL.  Start every options struct with it, then set the
 *  fields you need; never fails. */
ARTCONV_API void artconv_read_options_init(artconv_read_options *opts);

#define ARTCONV_WRITE_OPTIONS_VERSION 1

typedef enum artconv_front_matter {
    ARTCONV_FRONT_MATTER_AUTO = 0, /* only when there is more than a title */
    ARTCONV_FRONT_MATTER_ALWAYS,
    ARTCONV_FRONT_MATTER_NEVER
} artconv_front_matter;

/** Called by artconv_write_file with a named temporary file it has
 *  created: `name` lies in the folder open as `dirfd`, and both stay valid
 *  until the next call, which passes NULL once the file is renamed over the
 *  output or removed.  The file is only named when the file system cannot
 *  make an unnamed one (O_TMPFILE), and for the moment before the rename.
 *  unlinkat(dirfd, name, 0) is async-signal-safe: a signal handler may call
 *  it to leave nothing behind.  Runs on the calling thread, during the call. */
typedef void (*artconv_temp_file_fn)(int dirfd, const char *name, void *payload);

typedef struct artconv_write_options {
    unsigned version;                  /* ARTCONV_WRITE_OPTIONS_VERSION */
    const char *filename;              /* the output's name, for messages; may be NULL */
    int width;                         /* text: wrap at this many columns; 0 = none */
    int fragment;                      /* html: the article element only, no page */
    artconv_front_matter front_matter; /* markdown */
    artconv_warning_fn warning;        /* may be NULL */
    void *payload;                     /* passed to `warning` */
    /* Where relative image paths point: the input file's folder.  NULL
     * means no local file is embedded (EPUB). */
    const char *resource_dir;
    const char *stylesheet; /* epub: CSS text replacing the default; may be NULL */
    const char *cover;      /* epub: path of a cover image; NULL: the lead image */
    /* Seconds since 1970 stamped into the output where a format wants a
     * time (EPUB dcterms:modified, NewsML versionCreated); -1 means use the
     * article's dates only.  The CLI passes SOURCE_DATE_EPOCH here. */
    long long timestamp;
    const char *provider;    /* newsml: the provider QCode or name; NULL: a default */
    const char *guid_scheme; /* newsml: prefix for the item GUID; NULL: a urn:uuid */
    int item_version;        /* newsml: the item's version, 1 or more */
    /* artconv_write_file: skip fsync(2) before the rename, for callers that
     * write many files and sync once at the end (the CLI's batch mode calls
     * syncfs(2) on the output folder). */
    int no_sync;
    /* Write a story whose pubstatus is not "usable", or that is embargoed,
     * to a format that cannot carry those fields (EPUB, text, Markdown
     * without front matter, an HTML fragment).  By default that fails with
     * ARTCONV_EUNSUPPORTED, so that no conversion makes a killed or
     * embargoed story look publishable. */
    int ignore_status;
    /* artconv_write_file: replace an existing output that is read-only
     * (its owner may not write it, as with mode 0444); without it such an
     * output is refused with ARTCONV_EIO. */
    int force;
    /* artconv_write_file: told about each named temporary file while it
     * exists (see artconv_temp_file_fn), so a program can remove it when a
     * signal stops it; may be NULL. */
    artconv_temp_file_fn temp_file;
    void *temp_payload; /* passed to `temp_file` */
    /* artconv_write_file: resolve the output path inside this folder, as
     * artconv_read_options.root does for inputs; NULL: no bound. */
    const char *root;
} artconv_write_options;

/** Fills `opts` (caller-owned) with the defaults: version set, width 72,
 *  timestamp -1, item_version 1, every other field 0 or NULL.  Start every
 *  options struct with it, then set the fields you need; never fails. */
ARTCONV_API void artconv_write_options_init(artconv_write_options *opts);

/* ---------------------------------------------------------------------------
 * Formats.  Descriptors are static and immutable: every artconv_format_*
 * function may be called from any thread, and what they return is static
 * storage that the caller never frees.  They take NULL safely (NULL, or 0).
 */

typedef struct artconv_format artconv_format;

/** Returns the number of known formats. */
ARTCONV_API size_t artconv_format_count(void);
/** Returns format `index` (0 .. count-1), or NULL.  Static storage. */
ARTCONV_API const artconv_format *artconv_format_at(size_t index);
/** Returns the format named `name` ("markdown", "md"...), or NULL. */
ARTCONV_API const artconv_format *artconv_format_by_name(const char *name);
/** Returns the format for a path's extension (".md"...), or NULL. */
ARTCONV_API const artconv_format *artconv_format_by_path(const char *path);

/** Returns the canonical name ("markdown"), as `artconv formats` lists it. */
ARTCONV_API const char *artconv_format_name(const artconv_format *format);
/** Returns the NULL-terminated list of extensions, each with its dot. */
ARTCONV_API const char *const *artconv_format_extensions(const artconv_format *format);
/** Returns the media type ("application/epub+zip"). */
ARTCONV_API const char *artconv_format_media_type(const artconv_format *format);
/** Returns a one-line English description. */
ARTCONV_API const char *artconv_format_description(const artconv_format *format);
/** Returns 1 if artconv can read the format (artconv_read accepts it). */
ARTCONV_API int artconv_format_can_read(const artconv_format *format);
/** Returns 1 if artconv can write the format (artconv_write accepts it). */
ARTCONV_API int artconv_format_can_write(const artconv_format *format);
/** Returns 1 if several articles can make one output of the format (a book,
 *  see artconv_write_book): EPUB. */
ARTCONV_API int artconv_format_can_write_book(const artconv_format *format);
/** Returns 1 if the output is binary (EPUB), not text: keep it off terminals. */
ARTCONV_API int artconv_format_is_binary(const artconv_format *format);

/** Reads `len` bytes of `format` into a new article in `*out` (the caller
 *  frees it with artconv_article_free; `data` is only borrowed during the
 *  call).  `opts` may be NULL.  Returns 0 or a negative status: EINVALID
 *  (bad arguments), EPARSE (malformed input, or input that needs repair
 *  under `strict`), ELIMIT (size or depth), EUNSUPPORTED (a format that
 *  cannot be read), ENOMEM;
 *  on failure `*out` is NULL and `err` says why and where.  Thread-safe:
 *  concurrent calls need no locking. */
ARTCONV_API int artconv_read(artconv_article **out, const artconv_format *format, const char *data,
                             size_t len, const artconv_read_options *opts, artconv_error *err);

/** Reads a file; `format` NULL means from its extension.  Same contract as
 *  artconv_read, plus EIO when the file cannot be opened or read. */
ARTCONV_API int artconv_read_file(artconv_article **out, const artconv_format *format,
                                  const char *path, const artconv_read_options *opts,
                                  artconv_error *err);

/* ---------------------------------------------------------------------------
 * Inputs that hold several articles: a NewsML-G2 newsMessage (one article
 * a text item).  Every other format yields one article, as artconv_read.
 */

/* A read gives at most this many articles; more is ARTCONV_ELIMIT.  It
 * stops a small input from making a folder of a million files (-d). */
#define ARTCONV_MAX_ARTICLES 10000

/** Returns 1 if the format's inputs may hold several articles (NewsML-G2),
 *  0 if they hold one (artconv_read_all then gives one). */
ARTCONV_API int artconv_format_can_read_all(const artconv_format *format);

/** Reads every article of `len` bytes of `format` into a new array in
 *  `*out` of `*count` (at least 1) articles, in input order.  The caller
 *  frees the array and the articles with artconv_articles_free.  Items that
 *  are no article (a picture, a package, a concept) are left out with a
 *  warning that says why; when none is left the read fails with the reason
 *  (ARTCONV_EUNSUPPORTED).  Otherwise the contract of artconv_read (each
 *  article is held to opts->max_nodes), plus ELIMIT past
 *  ARTCONV_MAX_ARTICLES; on failure `*out` is NULL and `*count` 0. */
ARTCONV_API int artconv_read_all(artconv_article ***out, size_t *count,
                                 const artconv_format *format, const char *data, size_t len,
                                 const artconv_read_options *opts, artconv_error *err);

/** artconv_read_all for a file, by artconv_read_file's rules (root,
 *  regular files only, the input limit): same contract, plus EIO. */
ARTCONV_API int artconv_read_all_file(artconv_article ***out, size_t *count,
                                      const artconv_format *format, const char *path,
                                      const artconv_read_options *opts, artconv_error *err);

/** Frees the `count` articles of an array from artconv_read_all, and the
 *  array.  NULL does nothing. */
ARTCONV_API void artconv_articles_free(artconv_article **articles, size_t count);

/** Appends the article in `format` to `out` (caller-owned).  `opts` may be
 *  NULL.  Returns 0 or a negative status (ELIMIT for a body deeper than
 *  ARTCONV_MAX_DEPTH, EUNSUPPORTED for a story that is not usable or is
 *  embargoed when `format` with `opts` cannot carry that and
 *  opts->ignore_status is 0, ENOMEM...); on failure `out` holds what
 *  it held before.  Only reads the article, so several threads may write
 *  the same unchanging article at once. */
ARTCONV_API int artconv_write(artconv_buf *out, const artconv_format *format,
                              const artconv_article *article, const artconv_write_options *opts,
                              artconv_error *err);

/** Writes the article to `path` through a temporary file in the same folder
 *  and a rename, so a failure never leaves a partial file or clobbers the
 *  old one.  `format` NULL means from the extension.  Returns 0, EIO (the
 *  folder or file cannot be written; the message has the system's reason)
 *  or what artconv_write returns.  Threads: distinct paths at once are safe;
 *  two threads writing one path leave one whole file, the last renamed.
 *  The path's rules (docs/limits.md, "Output files"): a symbolic link is
 *  followed (40 at most) and its final target replaced; a device, FIFO or
 *  socket is opened and written through, never replaced; a folder is an
 *  error; a read-only file is refused unless opts->force.  A replaced
 *  file's mode is kept without its setuid, setgid and sticky bits; a new
 *  file gets 0666 less the umask. */
ARTCONV_API int artconv_write_file(const char *path, const artconv_format *format,
                                   const artconv_article *article,
                                   const artconv_write_options *opts, artconv_error *err);

/** Writes `len` bytes to `path` by the rules of artconv_write_file (for a
 *  program's own outputs, such as a report).  `opts` may be NULL; only its
 *  filename, no_sync, force, temp_file and root fields are used.  Returns 0,
 *  EINVALID or EIO. */
ARTCONV_API int artconv_write_bytes_file(const char *path, const void *data, size_t len,
                                         const artconv_write_options *opts, artconv_error *err);

/* ---------------------------------------------------------------------------
 * Books: several articles in one output, a chapter each (a daily digest).
 * Only EPUB holds more than one article.
 */

/** Appends one book of the `count` (at least 1) articles to `out` in
 *  `format`, titled `title` (NULL: the article's own title when there is
 *  one article, "Digest" otherwise).  `resource_dirs` holds each article's
 *  folder for local images (see artconv_write_options.resource_dir), or is
 *  NULL to use opts->resource_dir for all.  `opts` may be NULL.  Returns 0,
 *  ARTCONV_EUNSUPPORTED for a format that cannot hold a book or for an
 *  article that is not usable or is embargoed (as artconv_write), or another
 *  negative status; on failure `out` holds what it held before. */
ARTCONV_API int artconv_write_book(artconv_buf *out, const artconv_format *format,
                                   const artconv_article *const *articles, size_t count,
                                   const char *title, const char *const *resource_dirs,
                                   const artconv_write_options *opts, artconv_error *err);

/** Writes the book to `path` as artconv_write_file does: through a
 *  temporary file and a rename.  `format` NULL means from the extension. */
ARTCONV_API int artconv_write_book_file(const char *path, const artconv_format *format,
                                        const artconv_article *const *articles, size_t count,
                                        const char *title, const char *const *resource_dirs,
                                        const artconv_write_options *opts, artconv_error *err);

/* ---------------------------------------------------------------------------
 * Resources: named files an article carries with it, such as the images of
 * the EPUB it was read from.  An image node, or ARTCONV_META_IMAGE, whose
 * URL is exactly a resource's name stands for that resource: the EPUB
 * writer embeds it, the HTML and Markdown writers write it as a data: URL.
 */

/* One resource holds at most ARTCONV_MAX_RESOURCE bytes, an article at most
 * ARTCONV_MAX_RESOURCES of them and ARTCONV_MAX_RESOURCE_TOTAL bytes in
 * all: the EPUB writer's limits on the images of one book, so that a model
 * never holds more than a book may embed. */
#define ARTCONV_MAX_RESOURCE       ((size_t)32 * 1024 * 1024)
#define ARTCONV_MAX_RESOURCES      1000
#define ARTCONV_MAX_RESOURCE_TOTAL ((size_t)256 * 1024 * 1024)

typedef struct artconv_resource artconv_resource;

/** Adds a copy of the `len` bytes at `data` to the article, named `name`
 *  (non-empty UTF-8, at most 4096 bytes; a path such as "EPUB/img/a.png")
 *  with the media type `media_type` ("image/png").  The article owns the
 *  copy and frees it with itself.  Returns 0, ARTCONV_EINVALID (a bad name
 *  or type, or a name the article has already), ARTCONV_ELIMIT (past the
 *  limits above) or ARTCONV_ENOMEM; on failure the article is unchanged. */
ARTCONV_API int artconv_article_resource_add(artconv_article *article, const char *name,
                                             const char *media_type, const void *data, size_t len,
                                             artconv_error *err);
/** The number of resources the article holds (0 for NULL). */
ARTCONV_API size_t artconv_article_resource_count(const artconv_article *article);
/** The index-th resource in the order added, or NULL past the end;
 *  borrowed from the article. */
ARTCONV_API const artconv_resource *artconv_article_resource_get(const artconv_article *article,
                                                                 size_t index);
/** The resource named exactly `name`, or NULL; borrowed from the article. */
ARTCONV_API const artconv_resource *artconv_article_resource_find(const artconv_article *article,
                                                                  const char *name);
/** A resource's name, media type, bytes and their number (NULL/0 for NULL). */
ARTCONV_API const char *artconv_resource_name(const artconv_resource *resource);
ARTCONV_API const char *artconv_resource_media_type(const artconv_resource *resource);
ARTCONV_API const void *artconv_resource_data(const artconv_resource *resource);
ARTCONV_API size_t artconv_resource_size(const artconv_resource *resource);

#ifdef __cplusplus
}
#endif

#endif /* ARTCONV_H */
