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
  return (int)__syscall_result(lk_poll(fds, (uint32_t)count, __timeout_from_ms(timeout)));
}
