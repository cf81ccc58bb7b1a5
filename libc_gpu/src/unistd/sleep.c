#include <unistd.h>

#include <lightkernel/syscall.h>

#include "../__support/timeout.h"

unsigned sleep(unsigned seconds) {
  /* Parked, the VM keeps serving its network; no signal can cut it short. */
  lk_sleep_until(__deadline_after((int64_t)seconds * 1000000000));
  return 0;
}
