/*
 * error.c - filling artconv_error and sending warnings.  Nothing here
 * allocates, so reporting that memory ran out cannot itself fail.
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>

static void fill(artconv_error *err, int code, int line, int column, size_t offset, const char *fmt,
                 va_list ap) AC_PRINTF(6, 0);

static void fill(artconv_error *err, int code, int line, int column, size_t offset, const char *fmt,
                 va_list ap)
{
    err->code = code;
    err->line = line;
    err->column = column;
    err->offset = offset;
    vsnprintf(err->message, sizeof err->message, fmt, ap);
}

int ac_error(artconv_error *err, int code, const char *fmt, ...)
{
    va_list ap;

    if (err == NULL)
        return code;
    va_start(ap, fmt);
    fill(err, code, 0, 0, 0, fmt, ap);
    va_end(ap);
    return code;
}

int ac_error_at(artconv_error *err, int code, int line, int column, size_t offset, const char *fmt,
                ...)
{
    va_list ap;

    if (err == NULL)
        return code;
    va_start(ap, fmt);
    fill(err, code, line, column, offset, fmt, ap);
    va_end(ap);
    return code;
}

int ac_nomem(artconv_error *err)
{
    return ac_error(err, ARTCONV_ENOMEM, "out of memory");
}

/* Both option structs carry the same three fields a warning needs. */
static void send_warning(artconv_warning_fn warning, void *payload, const char *file, int code,
                         int line, const char *fmt, va_list ap) AC_PRINTF(6, 0);

static void send_warning(artconv_warning_fn warning, void *payload, const char *file, int code,
                         int line, const char *fmt, va_list ap)
{
    artconv_error w;

    memset(&w, 0, sizeof w);
    w.file = file;
    fill(&w, code, line, 0, 0, fmt, ap);
    warning(&w, payload);
}

void ac_warn_read(const artconv_read_options *opts, int code, int line, const char *fmt, ...)
{
    va_list ap;

    if (opts == NULL || opts->warning == NULL)
        return;
    va_start(ap, fmt);
    send_warning(opts->warning, opts->payload, opts->filename, code, line, fmt, ap);
    va_end(ap);
}

void ac_warn_write(const artconv_write_options *opts, int code, const char *fmt, ...)
{
    va_list ap;

    if (opts == NULL || opts->warning == NULL)
        return;
    va_start(ap, fmt);
    send_warning(opts->warning, opts->payload, opts->filename, code, 0, fmt, ap);
    va_end(ap);
}

const char *artconv_status_name(int code)
{
    switch (code) {
    case ARTCONV_OK:
        return "success";
    case ARTCONV_EINVALID:
        return "invalid argument";
    case ARTCONV_ENOMEM:
        return "out of memory";
    case ARTCONV_EIO:
        return "input/output error";
    case ARTCONV_EPARSE:
        return "parse error";
    case ARTCONV_ELIMIT:
        return "limit exceeded";
    case ARTCONV_EUNSUPPORTED:
        return "not supported";
    default:
        return "unknown error";
    }
}
