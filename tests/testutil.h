/*
 * testutil.h - what the test programs share: reading files, golden files,
 * and a hand-built article that uses every node kind.
 */
#ifndef ARTCONV_TESTUTIL_H
#define ARTCONV_TESTUTIL_H

#include "artconv.h"

/* The tests/ folder of the source tree (ARTCONV_TEST_DIR, set by meson). */
const char *test_dir(void);
/* The ../shared folder beside the project, or NULL when it is absent. */
const char *test_shared_dir(void);

/* Reads a whole file into `out`.  Returns 0, or -1 with errno set. */
int test_read_file(const char *path, artconv_buf *out);

/* Compares `actual` with the golden file `expected_path` and reports one
 * TAP check named `what`.  With ARTCONV_UPDATE_GOLDEN=1 in the environment
 * it rewrites the file instead (review the diff!).  Returns 1 if equal. */
int golden_check(const char *expected_path, const char *actual, size_t len, const char *what);

/* Walks test_dir()/golden/<dir>: each file named STEM<in_suffix> is read
 * with `from`, written with `to` and compared with STEM<out_suffix>.
 * Cases run in name order.  Returns the number of cases found. */
int golden_run(const char *dir, const char *in_suffix, const artconv_format *from,
               const char *out_suffix, const artconv_format *to, const artconv_read_options *ropts,
               const artconv_write_options *wopts);

/* The number of nodes in the article's body, its root included. */
size_t test_count_nodes(const artconv_article *a);

/* An article with every metadata field and every node kind, built through
 * the public API.  The caller frees it; NULL if building failed. */
artconv_article *fixture_kitchen_sink(void);

#endif
