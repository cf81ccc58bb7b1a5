/* eventfd(2): a 64-bit counter that read takes and write adds to. */
#include "../fd/fd.h"
#include "../net/socket/socket.h"

#define EFD_SEMAPHORE 1
#define EFD_CLOEXEC 02000000
#define EFD_NONBLOCK 04000
#define COUNTER_MAX 0xfffffffffffffffeull

struct eventfd {
  struct lk_file file;
  uint64_t counter;
  int semaphore;
};

static long eventfd_read(struct lk_file *file, void *buf, size_t len) {
  struct eventfd *e = (struct eventfd *)file;
  if (len < 8)
    return -NET_EINVAL;
  while (e->counter == 0) {
    if (!lk_file_blocking(file, 0))
      return lk_file_result(file, -NET_EAGAIN);
    int parked = net_park(-1);
    if (parked)
      return net_park_answer(parked, -NET_EAGAIN);
  }
  uint64_t value = e->semaphore ? 1 : e->counter;
  e->counter -= value;
  net_copy(buf, &value, 8);
  return 8;
}

static long eventfd_write(struct lk_file *file, const void *buf, size_t len) {
  struct eventfd *e = (struct eventfd *)file;
  if (len < 8)
    return -NET_EINVAL;
  uint64_t value;
  net_copy(&value, buf, 8);
  if (value == ~0ull)
    return -NET_EINVAL;
  while (COUNTER_MAX - e->counter < value) {
    if (!lk_file_blocking(file, 0))
      return lk_file_result(file, -NET_EAGAIN);
    int parked = net_park(-1);
    if (parked)
      return net_park_answer(parked, -NET_EAGAIN);
  }
  e->counter += value;
  return 8;
}

static unsigned eventfd_poll(struct lk_file *file) {
  struct eventfd *e = (struct eventfd *)file;
  return (e->counter ? NET_POLLIN : 0) | (e->counter < COUNTER_MAX ? NET_POLLOUT : 0);
}

static const struct lk_file_ops eventfd_ops = {LK_FILE_EVENTFD, eventfd_read, eventfd_write,
                                               eventfd_poll, 0};

long lk_eventfd(unsigned initial, int flags) {
  if (flags & ~(EFD_SEMAPHORE | EFD_CLOEXEC | EFD_NONBLOCK))
    return -NET_EINVAL;
  struct eventfd *e = (struct eventfd *)lk_file_new(
      sizeof *e, &eventfd_ops, LK_O_RDWR | (flags & EFD_NONBLOCK ? LK_O_NONBLOCK : 0));
  if (!e)
    return -NET_ENOMEM;
  e->counter = initial;
  e->semaphore = (flags & EFD_SEMAPHORE) != 0;
  int fd = lk_fd_install(&e->file, (flags & EFD_CLOEXEC) != 0);
  if (fd < 0)
    net_free(e);
  return fd;
}
