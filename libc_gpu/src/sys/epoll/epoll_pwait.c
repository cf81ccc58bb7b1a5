#include <sys/epoll.h>

#include <lightkernel/syscall.h>

#include "../../__support/syscall_result.h"
#include "../../__support/timeout.h"
#include "../../__support/wait_mask.h"

int epoll_pwait(int epfd, struct epoll_event *events, int max_events, int timeout,
                const sigset_t *mask) {
  sigset_t saved;
  if (__wait_mask_begin(mask, &saved))
    return -1;
  /* A signal the mask lets through is delivered before the mask goes back. */
  int64_t ns = __timeout_from_ms(timeout), deadline = __wait_deadline(ns);
  long ready;
  while (__syscall_restart(ready = lk_epoll_wait(epfd, events, max_events, ns), 0))
    ns = __wait_left(deadline, ns);
  __wait_mask_end(mask, &saved);
  return (int)__syscall_result(ready);
}
