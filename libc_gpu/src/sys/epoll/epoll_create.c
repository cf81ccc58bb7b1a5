#include <errno.h>
#include <sys/epoll.h>

#include <lightkernel/syscall.h>

#include "../../__support/syscall_result.h"

int epoll_create(int size) {
  if (size <= 0) {
    errno = EINVAL;
    return -1;
  }
  return (int)__syscall_result(lk_epoll_create1(0));
}
