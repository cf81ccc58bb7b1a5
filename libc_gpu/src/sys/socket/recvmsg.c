#include <errno.h>
#include <sys/socket.h>

#include <lightkernel/syscall.h>

#include "../../__support/iov_list.h"
#include "../../__support/syscall_result.h"

ssize_t recvmsg(int fd, struct msghdr *message, int flags) {
  if (message->msg_iovlen > UIO_MAXIOV) {
    errno = EMSGSIZE;
    return -1;
  }
  struct __iov_list list;
  if (__iov_list_init(&list, message->msg_iov, (int)message->msg_iovlen))
    return -1;
  int message_flags = 0;
  long got;
  do
    got = lk_recvfrom(fd, list.items, list.count, flags, message->msg_name,
                      message->msg_name ? &message->msg_namelen : NULL, &message_flags);
  while (__syscall_restart(got, 1));
  __iov_list_free(&list);
  if (got >= 0) {
    /* A VM's sockets carry no ancillary data. */
    message->msg_controllen = 0;
    message->msg_flags = message_flags;
  }
  return __syscall_result(got);
}
