#include <sys/eventfd.h>

#include <lightkernel/syscall.h>

#include "../../__support/syscall_result.h"

int eventfd(unsigned int initial, int flags) {
  return (int)__syscall_result(lk_eventfd(initial, flags));
}
