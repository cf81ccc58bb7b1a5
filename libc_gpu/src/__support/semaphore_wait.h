/* The waits of POSIX semaphores (sem_wait, sem_timedwait, sem_clockwait).
 * A VM has one thread, so only a signal handler can post a semaphore the
 * thread waits on: the wait parks the VM until a timer's signal comes,
 * and goes on after it as Linux's futex wait does (no handler ran, or,
 * for sem_wait, every handler has SA_RESTART), or returns EINTR. */
#ifndef LIBC_GPU_SUPPORT_SEMAPHORE_WAIT_H
#define LIBC_GPU_SUPPORT_SEMAPHORE_WAIT_H

#include <semaphore.h>
#include <time.h>

/* Takes one from the semaphore: 0, EINTR, or with a deadline (absolute on
 * `clock`, CLOCK_REALTIME or CLOCK_MONOTONIC, already checked) ETIMEDOUT. */
int __semaphore_wait(sem_t *semaphore, clockid_t clock, const struct timespec *deadline);

#endif
