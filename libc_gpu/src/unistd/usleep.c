#include <unistd.h>

#include "../__support/busy_wait.h"

int usleep(useconds_t microseconds) {
  __busy_wait_ns((int64_t)microseconds * 1000);
  return 0;
}
