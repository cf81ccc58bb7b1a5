#include <unistd.h>

#include <lightkernel/syscall.h>

#include "../__support/timeout.h"

int usleep(useconds_t microseconds) {
  /* Parked, the VM keeps serving its network. */
  lk_sleep_until(__deadline_after((int64_t)microseconds * 1000));
  return 0;
}
