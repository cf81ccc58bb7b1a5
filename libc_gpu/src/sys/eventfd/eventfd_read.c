#include <errno.h>
#include <sys/eventfd.h>

#include <lightkernel/syscall.h>

#include "../../__support/syscall_result.h"

int eventfd_read(int fd, eventfd_t *value) {
  long got = lk_read(fd, value, sizeof *value);
  if (got == (long)sizeof *value)
    return 0;
  return (int)__syscall_result(got < 0 ? got : -EIO);
}
