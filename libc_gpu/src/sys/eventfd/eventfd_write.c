#include <errno.h>
#include <sys/eventfd.h>

#include <lightkernel/syscall.h>

#include "../../__support/syscall_result.h"

int eventfd_write(int fd, eventfd_t value) {
  long wrote = lk_write(fd, &value, sizeof value);
  if (wrote == (long)sizeof value)
    return 0;
  return (int)__syscall_result(wrote < 0 ? wrote : -EIO);
}
