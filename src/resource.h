/*
 * resource.h - the table of named binary resources an article owns
 * (src/resource.c); article.c holds the pointer and frees it.
 */
#ifndef ARTCONV_RESOURCE_H
#define ARTCONV_RESOURCE_H

#include "artconv.h"

typedef struct ac_resources ac_resources;

/* Frees the table and every resource in it; NULL does nothing. */
void ac_resources_free(ac_resources *table);
/* The article's slot for its table (NULL until a first resource). */
ac_resources **ac_article_resources(artconv_article *article);
const ac_resources *ac_article_resources_const(const artconv_article *article);

/* The bytes of resources one output may carry as data: URLs, each use
 * counted: a book's text may show one 32 MiB image thousands of times,
 * and each would be a copy. */
#define AC_DATA_URL_BUDGET ARTCONV_MAX_RESOURCE_TOTAL

/* For the writers that cannot hold a file beside the text (HTML,
 * Markdown): if `url` is the name of one of the article's resources,
 * returns 1 with "data:TYPE;base64,..." in `out` (emptied first) when it
 * is an image a data: URL may carry (ac_url_is_safe: PNG, GIF, JPEG,
 * WebP) and its size fits in what is left of *budget (start it at
 * AC_DATA_URL_BUDGET; it is decreased), 2 when it is a resource of
 * another type (an SVG), 3 when it does not fit (for both, write its alt
 * text instead); 0 when it is not a resource; or ARTCONV_ENOMEM. */
int ac_resource_data_url(artconv_buf *out, const artconv_article *article, const char *url,
                         size_t *budget);

#endif /* ARTCONV_RESOURCE_H */
