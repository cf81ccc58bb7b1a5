#include <sys/timerfd.h>

#include <lightkernel/syscall.h>

#include "../../__support/syscall_result.h"

int timerfd_gettime(int fd, struct itimerspec *current) {
  return (int)__syscall_result(lk_timerfd_gettime(fd, current));
}
