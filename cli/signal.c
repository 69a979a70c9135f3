/*
 * cli_signal.c - removing the named temporary files of writes in flight
 * when SIGINT, SIGTERM or SIGHUP stops the program.  The library names a
 * temporary file only where the file system has no O_TMPFILE, and reports
 * each one through the write options' temp_file callback; this file keeps
 * them in slots a signal handler can read, unlinks them, and re-raises the
 * signal so the exit status still says what stopped the program.
 *
 * The slots are the one piece of global mutable state in artconv: a signal
 * handler receives no payload, so what it must clean up has to be where it
 * can find it.  They belong to the executable, never to the library.  The
 * handler touches only lock-free atomics and async-signal-safe calls
 * (unlinkat, nanosleep, raise).
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifndef NAME_MAX
#define NAME_MAX 255
#endif

#if ATOMIC_INT_LOCK_FREE != 2
#error "the signal slots need lock-free atomic ints"
#endif

/* One slot per write in flight: -d runs up to 256 threads, plus the main
 * thread's own write (a report, a single conversion). */
#define SLOTS 260

enum { SLOT_FREE = 0, SLOT_BUSY, SLOT_SET };

typedef struct temp_slot {
    atomic_int state; /* SLOT_SET: dirfd and name are complete */
    atomic_int dirfd; /* a write in flight is known by its folder's descriptor */
    char name[NAME_MAX + 1];
} temp_slot;

static temp_slot slots[SLOTS];

/* A free slot's dirfd is -1 (set before the first use, and on release). */
static void slots_reset(void)
{
    size_t i;

    for (i = 0; i < SLOTS; i++)
        atomic_store(&slots[i].dirfd, -1);
}

static const int caught[] = {SIGINT, SIGTERM, SIGHUP};

/* Set by the handler: a write that starts now waits for the end. */
static atomic_int dying;

static void unlink_all(void)
{
    size_t i;

    for (i = 0; i < SLOTS; i++)
        if (atomic_load(&slots[i].state) == SLOT_SET)
            unlinkat(atomic_load(&slots[i].dirfd), slots[i].name, 0);
}

static void on_signal(int sig)
{
    /* Other threads run on while this one handles the signal: one may be
     * between reporting a name and creating the file.  Stop new reports,
     * remove what is known, give a thread caught half-way a moment to
     * create its file, and remove again. */
    struct timespec pause_ = {0, 20 * 1000 * 1000};

    atomic_store(&dying, 1);
    unlink_all();
    nanosleep(&pause_, NULL);
    unlink_all();
    /* SA_RESETHAND restored the default action; the signal stays blocked
     * until the handler returns, and then ends the program as it would
     * have without us. */
    raise(sig);
}

void cli_signal_install(void)
{
    struct sigaction sa, old;
    size_t i;

    slots_reset();
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (i = 0; i < sizeof caught / sizeof caught[0]; i++)
        sigaddset(&sa.sa_mask, caught[i]);
    sa.sa_flags = SA_RESETHAND;
    for (i = 0; i < sizeof caught / sizeof caught[0]; i++) {
        /* A signal ignored by whoever started us (nohup) stays ignored. */
        if (sigaction(caught[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue;
        sigaction(caught[i], &sa, NULL);
    }
}

/* The slot of the write in the folder `dirfd`, or NULL. */
static temp_slot *find(int dirfd)
{
    size_t i;

    for (i = 0; i < SLOTS; i++)
        if (atomic_load(&slots[i].dirfd) == dirfd && atomic_load(&slots[i].state) != SLOT_FREE)
            return &slots[i];
    return NULL;
}

void cli_signal_temp_file(int dirfd, const char *name, void *payload)
{
    temp_slot *slot = find(dirfd);
    size_t i;

    (void)payload;
    /* The program is ending: a new temporary file would outlive it. */
    while (name != NULL && atomic_load(&dying))
        pause();
    if (name == NULL) {
        if (slot != NULL) {
            /* -1 first: a slot claimed next never shows a stale folder. */
            atomic_store(&slot->dirfd, -1);
            atomic_store(&slot->state, SLOT_FREE);
        }
        return;
    }
    if (strlen(name) > NAME_MAX)
        return;
    if (slot != NULL) {
        atomic_store(&slot->state, SLOT_BUSY);
    } else {
        for (i = 0; i < SLOTS && slot == NULL; i++) {
            int expected = SLOT_FREE;

            if (atomic_compare_exchange_strong(&slots[i].state, &expected, SLOT_BUSY))
                slot = &slots[i];
        }
        if (slot == NULL)
            return; /* more writes than slots: this one is not tracked */
        atomic_store(&slot->dirfd, dirfd);
    }
    memcpy(slot->name, name, strlen(name) + 1);
    atomic_store(&slot->state, SLOT_SET);
}
