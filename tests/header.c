/* Compiles artconv.h alone under -std=c11 -pedantic -Werror, and uses what
 * it declares through the shared library only: the option _init functions,
 * the opaque iterator and the kind ranges.  Speaks TAP. */
#include "artconv.h"
#include "artconv.h" /* and twice: the include guard works */

#include <stdio.h>
#include <string.h>

static int count;
static int failed;

static void check(int cond, const char *what)
{
    count++;
    failed |= !cond;
    printf("%s %d - %s\n", cond ? "ok" : "not ok", count, what);
}

/* The positional INIT macros left the public header with the _init
 * functions in their place: a field added in the middle cannot shift them. */
static void test_no_positional_init(void)
{
#if defined(ARTCONV_READ_OPTIONS_INIT) || defined(ARTCONV_WRITE_OPTIONS_INIT)
    check(0, "artconv.h has no positional options INIT macro");
#else
    check(1, "artconv.h has no positional options INIT macro");
#endif
}

static void test_options_init(void)
{
    artconv_read_options ro;
    artconv_write_options wo;

    memset(&ro, 0x5a, sizeof ro);
    memset(&wo, 0x5a, sizeof wo);
    artconv_read_options_init(&ro);
    artconv_write_options_init(&wo);
    check(ro.version == ARTCONV_READ_OPTIONS_VERSION && ro.filename == NULL &&
              ro.max_input == 0 && ro.strict == 0 && ro.no_extract == 0 &&
              ro.warning == NULL && ro.payload == NULL && ro.max_nodes == 0 &&
              ro.root == NULL && ro.regular_only == 0,
          "read options: version set, every other field 0 or NULL");
    check(wo.version == ARTCONV_WRITE_OPTIONS_VERSION && wo.filename == NULL && wo.width == 72 &&
              wo.fragment == 0 && wo.front_matter == ARTCONV_FRONT_MATTER_AUTO &&
              wo.warning == NULL && wo.payload == NULL && wo.resource_dir == NULL &&
              wo.stylesheet == NULL && wo.cover == NULL && wo.timestamp == -1 &&
              wo.provider == NULL && wo.guid_scheme == NULL && wo.item_version == 1 &&
              wo.no_sync == 0 && wo.ignore_status == 0 && wo.force == 0 &&
              wo.temp_file == NULL && wo.temp_payload == NULL && wo.root == NULL,
          "write options: version, width 72, timestamp -1, item_version 1, the rest 0");
}

static void test_iter(void)
{
    artconv_node *doc = artconv_node_new(ARTCONV_NODE_DOCUMENT);
    artconv_node *p = artconv_node_new(ARTCONV_NODE_PARAGRAPH);
    artconv_node *t = artconv_node_new(ARTCONV_NODE_TEXT);
    artconv_iter *it;
    char trace[64] = "";
    artconv_event ev;

    artconv_node_append(p, t, NULL);
    artconv_node_append(doc, p, NULL);
    it = artconv_iter_new(doc);
    check(it != NULL, "iter_new gives an iterator");
    if (it == NULL)
        return;
    check(artconv_iter_node(it) == NULL, "no current node before the first event");
    while ((ev = artconv_iter_next(it)) != ARTCONV_EVENT_DONE)
        strcat(trace, ev == ARTCONV_EVENT_ENTER ? "E" : "X");
    check(strcmp(trace, "EEEXX") == 0, "ENTER doc, p, text; EXIT p, doc");
    check(artconv_iter_next(it) == ARTCONV_EVENT_DONE && artconv_iter_node(it) == NULL,
          "DONE again after DONE, and no node");
    artconv_iter_init(it, p);
    check(artconv_iter_next(it) == ARTCONV_EVENT_ENTER && artconv_iter_node(it) == p,
          "iter_init restarts the iterator on another root");
    artconv_iter_skip_children(it);
    check(artconv_iter_next(it) == ARTCONV_EVENT_EXIT && artconv_iter_node(it) == p &&
              artconv_iter_next(it) == ARTCONV_EVENT_DONE,
          "skip_children goes to the EXIT, then the walk of a subtree ends");
    artconv_iter_free(it);
    it = artconv_iter_new(NULL);
    check(it != NULL && artconv_iter_next(it) == ARTCONV_EVENT_DONE, "a NULL root walks nothing");
    artconv_iter_free(it);
    artconv_iter_free(NULL);
    check(1, "iter_free(NULL) does nothing");
    artconv_node_free(doc);
}

static void test_kinds(void)
{
    int k, both = 0, neither = 0;

    for (k = ARTCONV_NODE_FIRST_BLOCK; k <= ARTCONV_NODE_LAST_KIND; k++) {
        int b = artconv_node_kind_is_block((artconv_node_kind)k);
        int i = artconv_node_kind_is_inline((artconv_node_kind)k);

        both += b && i;
        neither += !b && !i;
    }
    check(both == 0 && neither == 0, "every kind is a block or an inline, never both");
    check(artconv_node_kind_is_block(ARTCONV_NODE_RAW_HTML_BLOCK) &&
              artconv_node_kind_is_inline(ARTCONV_NODE_RAW_HTML_INLINE),
          "the raw HTML kinds join the block and inline ranges");
    check(!artconv_node_kind_is_block(ARTCONV_NODE_NONE) &&
              !artconv_node_kind_is_inline(ARTCONV_NODE_NONE) &&
              !artconv_node_kind_is_block((artconv_node_kind)(ARTCONV_NODE_LAST_KIND + 1)) &&
              !artconv_node_kind_is_inline((artconv_node_kind)-1),
          "NONE and unknown numbers are neither");
}

int main(void)
{
    artconv_buf buf = ARTCONV_BUF_INIT;

    (void)buf;
    check(1, "artconv.h compiles alone as pedantic C11");
    test_no_positional_init();
    test_options_init();
    test_iter();
    test_kinds();
    printf("1..%d\n", count);
    return failed;
}
