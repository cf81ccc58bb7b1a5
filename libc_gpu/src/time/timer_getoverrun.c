#include <errno.h>
#include <time.h>

#include "../__support/signal_timers.h"

int timer_getoverrun(timer_t id) {
  struct __signal_timer *timer = __signal_posix_timer(id);
  if (!timer) {
    errno = EINVAL;
    return -1;
  }
  return timer->overrun;
}
