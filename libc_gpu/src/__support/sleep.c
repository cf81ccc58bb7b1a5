#include "sleep.h"

#include <errno.h>

#include <lightkernel/syscall.h>

#include "signal_timers.h"

int __sleep_until(int64_t deadline, int64_t *left) {
  while (lk_sleep_until(deadline) == -EINTR) {
    if (!__signal_interrupted(0)) {
      int64_t rest = deadline - lk_clock_monotonic_ns();
      *left = rest > 0 ? rest : 0;
      return EINTR;
    }
  }
  *left = 0;
  return 0;
}
