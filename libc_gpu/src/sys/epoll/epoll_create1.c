#include <sys/epoll.h>

#include <lightkernel/syscall.h>

#include "../../__support/syscall_result.h"

int epoll_create1(int flags) {
  return (int)__syscall_result(lk_epoll_create1(flags));
}
