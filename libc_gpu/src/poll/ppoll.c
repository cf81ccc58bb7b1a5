#include <errno.h>
#include <poll.h>

#include <lightkernel/syscall.h>

#include "../__support/syscall_result.h"
#include "../__support/timeout.h"
#include "../__support/wait_mask.h"

int ppoll(struct pollfd *fds, nfds_t count, const struct timespec *timeout, const sigset_t *mask) {
  int64_t ns;
  int invalid = __timeout_from_timespec(timeout, &ns);
  if (invalid || count > 0xffffffffu) {
    errno = EINVAL;
    return -1;
  }
  sigset_t saved;
  if (__wait_mask_begin(mask, &saved))
    return -1;
  /* A signal the mask lets through is delivered before the mask goes back. */
  int64_t deadline = __wait_deadline(ns);
  long ready;
  while (__syscall_restart(ready = lk_poll(fds, (uint32_t)count, ns), 0))
    ns = __wait_left(deadline, ns);
  __wait_mask_end(mask, &saved);
  return (int)__syscall_result(ready);
}
