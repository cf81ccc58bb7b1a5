/* poll(2) over every kind of descriptor. */
#include <lightkernel/confine.h>

#include "../fd/fd.h"
#include "../net/socket/socket.h"

struct pollfd_linux {
  int fd;
  short events;
  short revents;
};

unsigned lk_file_poll(struct lk_file *file) {
  return file->ops->poll ? file->ops->poll(file) : NET_POLLIN | NET_POLLOUT;
}

long lk_poll(void *pollfds, uint32_t count, int64_t timeout_ns) {
  struct pollfd_linux *fds = (struct pollfd_linux *)pollfds;
  if (count > 65536)
    return -NET_EINVAL;
  if (!lk_may_write(fds, (uint64_t)count * sizeof *fds))
    return -NET_EFAULT;
  int64_t deadline = timeout_ns < 0 ? -1 : net_now() + timeout_ns;
  for (;;) {
    net_poll();
    long ready = 0;
    for (uint32_t i = 0; i < count; ++i) {
      fds[i].revents = 0;
      if (fds[i].fd < 0)
        continue;
      struct lk_file *file = lk_fd_get(fds[i].fd);
      unsigned events = file ? lk_file_poll(file) : NET_POLLNVAL;
      events &= (unsigned)(unsigned short)fds[i].events | NET_POLLERR | NET_POLLHUP | NET_POLLNVAL;
      fds[i].revents = (short)events;
      ready += events != 0;
    }
    if (ready || timeout_ns == 0)
      return ready;
    int parked = net_park(deadline);
    if (parked)
      return net_park_answer(parked, 0);
  }
}

long lk_sleep_until(int64_t deadline_ns) {
  while (net_now() < deadline_ns) {
    int parked = net_park(deadline_ns);
    if (parked)
      return net_park_answer(parked, 0);
  }
  return 0;
}
