#include <errno.h>
#include <sys/select.h>

#include <lightkernel/syscall.h>

#include "../../__support/select_poll.h"

int select(int nfds, fd_set *read_set, fd_set *write_set, fd_set *except_set,
           struct timeval *timeout) {
  int64_t ns = -1;
  if (timeout) {
    /* As Linux: microseconds past a second carry into the seconds. */
    if (timeout->tv_sec < 0 || timeout->tv_usec < 0) {
      errno = EINVAL;
      return -1;
    }
    int64_t seconds = timeout->tv_sec + timeout->tv_usec / 1000000;
    int64_t limit = INT64_MAX / 1000000000 / 2;
    ns = seconds >= limit ? limit * 1000000000
                          : seconds * 1000000000 + (int64_t)(timeout->tv_usec % 1000000) * 1000;
  }
  int64_t start = lk_clock_monotonic_ns();
  int result = __select_poll(nfds, read_set, write_set, except_set, ns);
  if (timeout && result >= 0) {
    /* Linux writes back the time left. */
    int64_t left = ns - (lk_clock_monotonic_ns() - start);
    if (left < 0)
      left = 0;
    timeout->tv_sec = left / 1000000000;
    timeout->tv_usec = (left % 1000000000) / 1000;
  }
  return result;
}
