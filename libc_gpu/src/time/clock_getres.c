#include <errno.h>
#include <time.h>

int clock_getres(clockid_t clock, struct timespec *resolution) {
  if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC) {
    errno = EINVAL;
    return -1;
  }
  if (resolution) {
    resolution->tv_sec = 0;
    /* The step of the counter behind both clocks: AMD GPUs count at 100 MHz;
     * NVIDIA's global timer and the host count nanoseconds. */
#ifdef __AMDGPU__
    resolution->tv_nsec = 10;
#else
    resolution->tv_nsec = 1;
#endif
  }
  return 0;
}
