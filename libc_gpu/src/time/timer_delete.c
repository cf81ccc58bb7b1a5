#include <errno.h>
#include <time.h>

#include "../__support/signal_timers.h"

int timer_delete(timer_t id) {
  struct __signal_timer *timer = __signal_posix_timer(id);
  if (!timer) {
    errno = EINVAL;
    return -1;
  }
  __signal_timer_arm(timer, 0, 0);
  timer->in_use = 0;
  return 0;
}
