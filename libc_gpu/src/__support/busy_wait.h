#ifndef LIBC_GPU_SUPPORT_BUSY_WAIT_H
#define LIBC_GPU_SUPPORT_BUSY_WAIT_H

#include <stdint.h>

/* Waits `ns` nanoseconds of the monotonic clock. A VM has no scheduler to
 * sleep in yet: it spins, yielding so that VMs sharing its processor run. */
void __busy_wait_ns(int64_t ns);

struct timespec;
/* Waits until `clock` (CLOCK_REALTIME or CLOCK_MONOTONIC) reads `deadline`.
 * Returns 0, or EINVAL for a bad clock or tv_nsec. */
int __busy_wait_until(int clock, const struct timespec *deadline);

#endif
