#include <errno.h>
#include <sys/resource.h>

#include "../../__support/resource_limits.h"

int setrlimit(int resource, const struct rlimit *limit) {
  int error = __resource_limit_change(resource, limit, 0);
  if (error) {
    errno = error;
    return -1;
  }
  return 0;
}
