#include <sys/epoll.h>

#include <lightkernel/syscall.h>

#include "../../__support/syscall_result.h"

int epoll_ctl(int epfd, int op, int fd, struct epoll_event *event) {
  return (int)__syscall_result(lk_epoll_ctl(epfd, op, fd, event));
}
