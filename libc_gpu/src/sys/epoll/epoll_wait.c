#include <sys/epoll.h>

#include <lightkernel/syscall.h>

#include "../../__support/syscall_result.h"
#include "../../__support/timeout.h"

int epoll_wait(int epfd, struct epoll_event *events, int max_events, int timeout) {
  return (int)__syscall_result(lk_epoll_wait(epfd, events, max_events, __timeout_from_ms(timeout)));
}
