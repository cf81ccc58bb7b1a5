#include <sys/epoll.h>

#include <lightkernel/syscall.h>

#include "../../__support/syscall_result.h"
#include "../../__support/timeout.h"

int epoll_wait(int epfd, struct epoll_event *events, int max_events, int timeout) {
  int64_t ns = __timeout_from_ms(timeout), deadline = __wait_deadline(ns);
  long ready;
  while (__syscall_restart(ready = lk_epoll_wait(epfd, events, max_events, ns), 0))
    ns = __wait_left(deadline, ns);
  return (int)__syscall_result(ready);
}
