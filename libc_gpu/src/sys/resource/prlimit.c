#include <errno.h>
#include <sys/resource.h>
#include <unistd.h>

#include "../../__support/resource_limits.h"

int prlimit(pid_t pid, int resource, const struct rlimit *new_limit, struct rlimit *old_limit) {
  int error =
      pid && pid != getpid() ? ESRCH : __resource_limit_change(resource, new_limit, old_limit);
  if (error) {
    errno = error;
    return -1;
  }
  return 0;
}
