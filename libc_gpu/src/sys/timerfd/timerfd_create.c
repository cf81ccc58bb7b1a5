#include <sys/timerfd.h>

#include <lightkernel/syscall.h>

#include "../../__support/syscall_result.h"

int timerfd_create(clockid_t clock, int flags) {
  return (int)__syscall_result(lk_timerfd_create(clock, flags));
}
