/*
 * status.c - the publication status rule: a story that is not usable
 * (NewsML-G2 pubStatus canceled, withheld...) or that is embargoed is
 * written only where its status and embargo travel with it.  A writer that
 * drops them would turn a killed or embargoed story into one that looks
 * publishable, so artconv_write and artconv_write_book refuse instead,
 * unless the caller asks for it with ignore_status (docs/limits.md).
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>

const char *ac_status_always_carried(const artconv_write_options *opts)
{
    (void)opts;
    return NULL;
}

/* 1 when `status` says the story may be published: unset, or usable. */
static int usable(const char *status)
{
    return status == NULL || strcmp(status, "usable") == 0 || strcmp(status, "stat:usable") == 0;
}

/* Copies at most size-1 bytes of `value` for a one-line message: line
 * breaks and tabs (the only controls the model allows) become spaces, and
 * a UTF-8 sequence is never cut in two. */
static void quote(char *out, size_t size, const char *value)
{
    size_t n = 0, keep = 0;

    while (value[n] != '\0' && n + 1 < size) {
        unsigned char c = (unsigned char)value[n];

        out[n] = c == '\n' || c == '\r' || c == '\t' ? ' ' : (char)c;
        n++;
        if ((unsigned char)value[n] < 0x80 || (unsigned char)value[n] >= 0xC0)
            keep = n;
    }
    out[value[n] == '\0' ? n : keep] = '\0';
}

int ac_status_check(const artconv_format *format, const artconv_article *article, size_t number,
                    const artconv_write_options *opts, artconv_error *err)
{
    const char *status = artconv_article_get(article, ARTCONV_META_PUBSTATUS);
    const char *embargo = artconv_article_get(article, ARTCONV_META_EMBARGOED);
    const char *loss = NULL;
    char output[64], which[32] = "", shown[64];

    if (opts->ignore_status || (usable(status) && embargo == NULL))
        return ARTCONV_OK;
    if (format->status_loss != NULL && (loss = format->status_loss(opts)) == NULL)
        return ARTCONV_OK;
    if (loss != NULL)
        snprintf(output, sizeof output, "%s output %s", format->name, loss);
    else
        snprintf(output, sizeof output, "%s output", format->name);
    if (number > 0)
        snprintf(which, sizeof which, "article %zu: ", number);
    if (!usable(status)) {
        quote(shown, sizeof shown, status);
        return ac_error(err, ARTCONV_EUNSUPPORTED,
                        "%sthe story is %s (pubstatus); %s cannot carry its status: pass "
                        "--ignore-status to write it anyway",
                        which, shown, output);
    }
    if (strcmp(embargo, "indefinite") == 0)
        return ac_error(err, ARTCONV_EUNSUPPORTED,
                        "%sthe story is embargoed indefinitely; %s cannot carry the embargo: pass "
                        "--ignore-status to write it anyway",
                        which, output);
    quote(shown, sizeof shown, embargo);
    return ac_error(err, ARTCONV_EUNSUPPORTED,
                    "%sthe story is embargoed until %s; %s cannot carry the embargo: pass "
                    "--ignore-status to write it anyway",
                    which, shown, output);
}
