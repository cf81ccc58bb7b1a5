#include <sys/file.h>

#include <lightkernel/syscall.h>

#include "../../__support/syscall_result.h"

int flock(int fd, int operation) {
  long result;
  do
    result = lk_flock(fd, operation);
  while (__syscall_restart(result, 1));
  return (int)__syscall_result(result);
}
