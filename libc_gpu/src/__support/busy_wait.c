#include "busy_wait.h"

#include <lightkernel/syscall.h>

void __busy_wait_ns(int64_t ns) {
  int64_t deadline = lk_clock_monotonic_ns() + ns;
  while (lk_clock_monotonic_ns() < deadline)
    lk_yield();
}
