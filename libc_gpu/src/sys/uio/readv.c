#include <errno.h>
#include <sys/uio.h>
#include <unistd.h>

#include <lightkernel/syscall.h>

#include "../../__support/fd.h"
#include "../../__support/iov_list.h"
#include "../../__support/syscall_result.h"

ssize_t readv(int fd, const struct iovec *iov, int count) {
  struct __iov_list list;
  if (__iov_list_init(&list, iov, count))
    return -1;
  /* A socket fills the whole vector in one receive. */
  long got;
  do
    got = lk_recvfrom(fd, list.items, list.count, 0, NULL, NULL, NULL);
  while (__syscall_restart(got, 1));
  __iov_list_free(&list);
  if (got != -ENOTSOCK)
    return __syscall_result(got);
  /* Files and the console: one read per piece, until one comes back short. */
  size_t done = 0;
  for (int i = 0; i < count; ++i) {
    if (!iov[i].iov_len)
      continue;
    ssize_t read = __fd_read(fd, iov[i].iov_base, iov[i].iov_len);
    if (read < 0)
      return done ? (ssize_t)done : -1;
    done += (size_t)read;
    if ((size_t)read < iov[i].iov_len)
      break;
  }
  return (ssize_t)done;
}
