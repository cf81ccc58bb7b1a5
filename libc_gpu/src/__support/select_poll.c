#include "select_poll.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>

#include <lightkernel/syscall.h>

#include "syscall_result.h"
#include "timeout.h"

/* Linux's sets: what counts as ready for each of select's three. */
#define READ_READY (POLLIN | POLLRDNORM | POLLRDBAND | POLLHUP | POLLERR)
#define WRITE_READY (POLLOUT | POLLWRNORM | POLLWRBAND | POLLERR)
#define EXCEPT_READY POLLPRI

/* Short lists live on the stack (a GPU thread's stack is small). */
#define LOCAL_FDS 16

static int in_set(const fd_set *set, int fd) {
  return set && FD_ISSET(fd, set);
}

int __select_poll(int nfds, fd_set *read_set, fd_set *write_set, fd_set *except_set,
                  int64_t timeout_ns) {
  if (nfds < 0) {
    errno = EINVAL;
    return -1;
  }
  if (nfds > FD_SETSIZE)
    nfds = FD_SETSIZE;
  int count = 0;
  for (int fd = 0; fd < nfds; ++fd)
    count += in_set(read_set, fd) || in_set(write_set, fd) || in_set(except_set, fd);
  struct pollfd local[LOCAL_FDS];
  struct pollfd *fds = local;
  if (count > LOCAL_FDS && !(fds = (struct pollfd *)malloc((size_t)count * sizeof *fds))) {
    errno = ENOMEM;
    return -1;
  }
  int n = 0;
  for (int fd = 0; fd < nfds; ++fd) {
    short events =
        (short)((in_set(read_set, fd) ? POLLIN : 0) | (in_set(write_set, fd) ? POLLOUT : 0) |
                (in_set(except_set, fd) ? POLLPRI : 0));
    if (events)
      fds[n++] = (struct pollfd){fd, events, 0};
  }
  int64_t deadline = __wait_deadline(timeout_ns);
  long ready;
  while (__syscall_restart(ready = lk_poll(fds, (uint32_t)n, timeout_ns), 0))
    timeout_ns = __wait_left(deadline, timeout_ns);
  int result = -1;
  if (ready >= 0) {
    result = 0;
    for (int i = 0; i < n; ++i)
      if (fds[i].revents & POLLNVAL) {
        ready = -EBADF;
        result = -1;
        break;
      }
  }
  if (result == 0) {
    /* Only the fds asked about were in the sets; clear them, then set the
     * ready ones. */
    for (int i = 0; i < n; ++i) {
      int fd = fds[i].fd;
      short events = fds[i].events, revents = fds[i].revents;
      if (read_set && (events & POLLIN)) {
        FD_CLR(fd, read_set);
        if (revents & READ_READY) {
          FD_SET(fd, read_set);
          ++result;
        }
      }
      if (write_set && (events & POLLOUT)) {
        FD_CLR(fd, write_set);
        if (revents & WRITE_READY) {
          FD_SET(fd, write_set);
          ++result;
        }
      }
      if (except_set && (events & POLLPRI)) {
        FD_CLR(fd, except_set);
        if (revents & EXCEPT_READY) {
          FD_SET(fd, except_set);
          ++result;
        }
      }
    }
  }
  if (fds != local)
    free(fds);
  if (result < 0)
    __syscall_result(ready);
  return result;
}
