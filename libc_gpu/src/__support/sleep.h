/* The sleeps (sleep, usleep, nanosleep, clock_nanosleep) share one wait. */
#ifndef LIBC_GPU_SUPPORT_SLEEP_H
#define LIBC_GPU_SUPPORT_SLEEP_H

#include <stdint.h>

/* Parks the VM (its network keeps running) until the monotonic clock
 * reaches `deadline`, or a timer's signal runs a handler first: then
 * returns EINTR with *left the nanoseconds still to sleep. 0 otherwise. */
int __sleep_until(int64_t deadline, int64_t *left);

#endif
