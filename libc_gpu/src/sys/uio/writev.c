#include <errno.h>
#include <sys/uio.h>

#include <lightkernel/syscall.h>

#include "../../__support/iov_list.h"
#include "../../__support/syscall_result.h"

ssize_t writev(int fd, const struct iovec *iov, int count) {
  struct __iov_list list;
  if (__iov_list_init(&list, iov, count))
    return -1;
  /* A socket takes the whole vector in one send. */
  long sent;
  do
    sent = lk_sendto(fd, list.items, list.count, 0, NULL, 0);
  while (__syscall_restart(sent, 1));
  __iov_list_free(&list);
  if (sent != -ENOTSOCK)
    return __syscall_result(sent);
  /* Files and the console: one write per piece, as far as they go. */
  size_t done = 0;
  for (int i = 0; i < count; ++i) {
    if (!iov[i].iov_len)
      continue;
    long wrote;
    do
      wrote = lk_write(fd, iov[i].iov_base, iov[i].iov_len);
    while (__syscall_restart(wrote, 1));
    if (wrote < 0)
      return done ? (ssize_t)done : __syscall_result(wrote);
    done += (size_t)wrote;
    if ((size_t)wrote < iov[i].iov_len)
      break;
  }
  return (ssize_t)done;
}
