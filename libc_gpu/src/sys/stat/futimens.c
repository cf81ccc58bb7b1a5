#include <errno.h>
#include <sys/stat.h>

#include <lightkernel/syscall.h>

#include "../../__support/file_times.h"
#include "../../__support/syscall_result.h"

int futimens(int fd, const struct timespec times[2]) {
  int64_t access_ns, modify_ns;
  int error = __file_times(times, &access_ns, &modify_ns);
  if (error) {
    errno = error;
    return -1;
  }
  return (int)__syscall_result(lk_futimens(fd, access_ns, modify_ns));
}
