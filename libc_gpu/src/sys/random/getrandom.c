#include <errno.h>
#include <sys/random.h>

#include <lightkernel/syscall.h>

#include "../../__support/syscall_result.h"

ssize_t getrandom(void *buffer, size_t size, unsigned flags) {
  if (flags & ~(unsigned)(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE) ||
      (flags & (GRND_RANDOM | GRND_INSECURE)) == (GRND_RANDOM | GRND_INSECURE)) {
    errno = EINVAL;
    return -1;
  }
  return __syscall_result(lk_getrandom(buffer, size));
}
