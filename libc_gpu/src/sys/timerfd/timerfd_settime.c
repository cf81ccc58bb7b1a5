#include <sys/timerfd.h>

#include <lightkernel/syscall.h>

#include "../../__support/syscall_result.h"

int timerfd_settime(int fd, int flags, const struct itimerspec *new_value,
                    struct itimerspec *old_value) {
  return (int)__syscall_result(lk_timerfd_settime(fd, flags, new_value, old_value));
}
