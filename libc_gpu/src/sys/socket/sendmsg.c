#include <errno.h>
#include <sys/socket.h>

#include <lightkernel/syscall.h>

#include "../../__support/iov_list.h"
#include "../../__support/syscall_result.h"

ssize_t sendmsg(int fd, const struct msghdr *message, int flags) {
  /* As Linux: too many pieces is EMSGSIZE here. */
  if (message->msg_iovlen > UIO_MAXIOV) {
    errno = EMSGSIZE;
    return -1;
  }
  struct __iov_list list;
  if (__iov_list_init(&list, message->msg_iov, (int)message->msg_iovlen))
    return -1;
  long sent;
  do
    sent = lk_sendto(fd, list.items, list.count, flags, message->msg_name,
                     message->msg_name ? message->msg_namelen : 0);
  while (__syscall_restart(sent, 1));
  __iov_list_free(&list);
  return __syscall_result(sent);
}
