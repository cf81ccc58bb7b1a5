#include <errno.h>
#include <sys/resource.h>

#include "../../__support/resource_limits.h"

int getrlimit(int resource, struct rlimit *limit) {
  int error = __resource_limit_change(resource, 0, limit);
  if (error) {
    errno = error;
    return -1;
  }
  return 0;
}
