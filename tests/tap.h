/*
 * tap.h - a tiny Test Anything Protocol helper.  Each check prints one
 * "ok N" or "not ok N" line; failures add the file, the line and the values.
 * Call tap_done() last: it prints the plan and returns the exit status.
 */
#ifndef ARTCONV_TAP_H
#define ARTCONV_TAP_H

#include <stdio.h>
#include <string.h>

typedef struct {
    int count;
    int failed;
} tap_state;

/* One per test program, defined in testutil.c; tests are single-threaded. */
extern tap_state tap_;

/* Prints a test's name on its one TAP line: a control character (a name
 * may quote test data with a tab or a line break) is shown as \xHH, since
 * a line break would start a line TAP cannot read. */
static inline void tap_name_(const char *what)
{
    for (; *what != '\0'; what++) {
        unsigned char c = (unsigned char)*what;

        if (c < 0x20 || c == 0x7f)
            printf("\\x%02x", c);
        else
            putchar(c);
    }
}

static inline int tap_ok_(int cond, const char *file, int line, const char *what)
{
    tap_.count++;
    printf("%sok %d - ", cond ? "" : "not ", tap_.count);
    tap_name_(what);
    putchar('\n');
    if (!cond) {
        tap_.failed++;
        printf("#   failed at %s:%d\n", file, line);
    }
    fflush(stdout);
    return cond;
}

static inline int tap_is_int_(long long got, long long want, const char *file, int line,
                              const char *what)
{
    int cond = got == want;

    if (!tap_ok_(cond, file, line, what))
        printf("#   got: %lld\n#   expected: %lld\n", got, want);
    return cond;
}

static inline int tap_is_str_(const char *got, const char *want, const char *file, int line,
                              const char *what)
{
    int cond =
        (got == NULL && want == NULL) || (got != NULL && want != NULL && strcmp(got, want) == 0);

    if (!tap_ok_(cond, file, line, what))
        printf("#   got: %s%s%s\n#   expected: %s%s%s\n", got ? "'" : "", got ? got : "NULL",
               got ? "'" : "", want ? "'" : "", want ? want : "NULL", want ? "'" : "");
    return cond;
}

static inline int tap_done(void)
{
    printf("1..%d\n", tap_.count);
    if (tap_.failed > 0)
        printf("# %d of %d failed\n", tap_.failed, tap_.count);
    return tap_.failed > 0 ? 1 : 0;
}

static inline void tap_diag(const char *msg)
{
    printf("# %s\n", msg);
}

/* Counts a check that cannot run here as skipped, naming what is missing
 * ("ok N # SKIP tidy is not installed"), so that meson reports it. */
static inline void tap_skip(const char *reason)
{
    printf("ok %d # SKIP ", ++tap_.count);
    tap_name_(reason);
    putchar('\n');
    fflush(stdout);
}

/* Prints "1..0 # SKIP reason" and returns 0, for a test that cannot run. */
static inline int tap_skip_all(const char *reason)
{
    printf("1..0 # SKIP %s\n", reason);
    return 0;
}

#define ok(cond, what) tap_ok_(!!(cond), __FILE__, __LINE__, (what))
#define is_int(got, want, what)                                                                    \
    tap_is_int_((long long)(got), (long long)(want), __FILE__, __LINE__, (what))
#define is_str(got, want, what) tap_is_str_((got), (want), __FILE__, __LINE__, (what))

#endif /* ARTCONV_TAP_H */
