#include <errno.h>
#include <unistd.h>

#include "../__support/sleep.h"
#include "../__support/timeout.h"

int usleep(useconds_t microseconds) {
  int64_t left;
  int error = __sleep_until(__deadline_after((int64_t)microseconds * 1000), &left);
  if (error) {
    errno = error;
    return -1;
  }
  return 0;
}
