/* A light kernel call's result as POSIX functions return it. */
#ifndef LIBC_GPU_SUPPORT_SYSCALL_RESULT_H
#define LIBC_GPU_SUPPORT_SYSCALL_RESULT_H

#include <errno.h>

#include "signal_timers.h"

/* The kernel answers -errno on failure: that becomes -1 with errno set.
 * Every call comes back through here, so timer signals that fell due are
 * delivered here, as Linux delivers on the way out of the kernel. */
static inline long __syscall_result(long result) {
  if (__builtin_expect(__signal_timer_due != 0, 0))
    __signal_timers_poll();
  if (result < 0) {
    errno = (int)-result;
    return -1;
  }
  return result;
}

/* Whether a call that parked and came back with EINTR goes on: a timer
 * signal's handler with SA_RESTART, or no handler at all, lets it, as
 * Linux's signal(7) says for `restartable` calls (read, write, accept,
 * connect, recv, send and their kin); poll, epoll_wait, select and the
 * sleeps are never restarted after a handler. */
static inline int __syscall_restart(long result, int restartable) {
  return result == -EINTR && __signal_interrupted(restartable);
}

#endif
