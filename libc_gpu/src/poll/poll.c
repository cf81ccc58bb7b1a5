#include <errno.h>
#include <poll.h>

#include <lightkernel/syscall.h>

#include "../__support/syscall_result.h"
#include "../__support/timeout.h"

int poll(struct pollfd *fds, nfds_t count, int timeout) {
  if (count > 0xffffffffu) {
    errno = EINVAL;
    return -1;
  }
  int64_t ns = __timeout_from_ms(timeout), deadline = __wait_deadline(ns);
  long ready;
  while (__syscall_restart(ready = lk_poll(fds, (uint32_t)count, ns), 0))
    ns = __wait_left(deadline, ns);
  return (int)__syscall_result(ready);
}
