#include <stdint.h>
#include <time.h>

/* CPU time is not tracked: a VM's thread holds its processor from boot to
 * exit, so clock() counts the time elapsed on the monotonic clock since the
 * VM first called it (the first call returns 0). Where VMs share a processor
 * (the host backend) this runs ahead of the VM's real share. */
clock_t clock(void) {
  /* Plain globals: each VM has its own. */
  static int started;
  static struct timespec start;
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  if (!started) {
    start = now;
    started = 1;
  }
  int64_t elapsed_ns =
      (int64_t)(now.tv_sec - start.tv_sec) * 1000000000 + (now.tv_nsec - start.tv_nsec);
  return (clock_t)(elapsed_ns / (1000000000 / CLOCKS_PER_SEC));
}
