/*
 * buf.c - artconv_buf, the growable byte string every writer fills.
 */
#include "artconv.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int artconv_buf_grow(artconv_buf *buf, size_t extra)
{
    size_t need, cap;
    char *ptr;

    if (extra > SIZE_MAX - buf->len - 1)
        return ARTCONV_ENOMEM;
    need = buf->len + extra + 1;
    if (need <= buf->cap)
        return ARTCONV_OK;
    /* Grow geometrically so that appending n bytes costs O(n) overall.  The
     * first allocation is exact (at least 64 bytes): a caller that knows
     * the final size, such as a file's length, gets no spare half. */
    if (buf->ptr == NULL)
        cap = need < 64 ? 64 : need;
    else
        cap = buf->cap < 64 ? 64 : buf->cap;
    while (cap < need) {
        if (cap > SIZE_MAX / 2) {
            cap = need;
            break;
        }
        cap *= 2;
    }
    ptr = realloc(buf->ptr, cap);
    if (ptr == NULL)
        return ARTCONV_ENOMEM;
    if (buf->ptr == NULL)
        ptr[0] = '\0';
    buf->ptr = ptr;
    buf->cap = cap;
    return ARTCONV_OK;
}

int artconv_buf_put(artconv_buf *buf, const void *data, size_t len)
{
    int rc;

    /* Writers append small pieces millions of times: only call out to grow
     * when the room (which always keeps one byte for the NUL) runs out. */
    if (buf->ptr == NULL || buf->len >= buf->cap || len >= buf->cap - buf->len) {
        if ((rc = artconv_buf_grow(buf, len)) < 0)
            return rc;
    }
    if (len > 0)
        memcpy(buf->ptr + buf->len, data, len);
    buf->len += len;
    buf->ptr[buf->len] = '\0';
    return ARTCONV_OK;
}

int artconv_buf_puts(artconv_buf *buf, const char *str)
{
    return artconv_buf_put(buf, str, strlen(str));
}

int artconv_buf_putc(artconv_buf *buf, int c)
{
    int rc;

    if (buf->ptr == NULL || buf->len + 1 >= buf->cap) {
        if ((rc = artconv_buf_grow(buf, 1)) < 0)
            return rc;
    }
    buf->ptr[buf->len++] = (char)c;
    buf->ptr[buf->len] = '\0';
    return ARTCONV_OK;
}

void artconv_buf_clear(artconv_buf *buf)
{
    buf->len = 0;
    if (buf->ptr != NULL)
        buf->ptr[0] = '\0';
}

char *artconv_buf_detach(artconv_buf *buf)
{
    char *ptr = buf->ptr;

    if (ptr == NULL) {
        ptr = malloc(1);
        if (ptr == NULL)
            return NULL;
        ptr[0] = '\0';
    }
    buf->ptr = NULL;
    buf->len = 0;
    buf->cap = 0;
    return ptr;
}

void artconv_buf_dispose(artconv_buf *buf)
{
    if (buf == NULL)
        return;
    free(buf->ptr);
    buf->ptr = NULL;
    buf->len = 0;
    buf->cap = 0;
}
