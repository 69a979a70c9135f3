/* Compiles artconv.h alone under -std=c11 -pedantic -Werror. */
#include "artconv.h"
#include "artconv.h" /* and twice: the include guard works */

#include <stdio.h>

int main(void)
{
    artconv_buf buf = ARTCONV_BUF_INIT;
    artconv_read_options ro = ARTCONV_READ_OPTIONS_INIT;
    artconv_write_options wo = ARTCONV_WRITE_OPTIONS_INIT;

    (void)buf;
    (void)ro;
    (void)wo;
    printf("ok 1 - artconv.h compiles alone as pedantic C11\n1..1\n");
    return 0;
}
