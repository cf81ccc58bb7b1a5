#include <errno.h>
#include <sys/resource.h>

#include "../../__support/priority.h"

int getpriority(int which, unsigned who) {
  int error = __priority_check(which, who);
  if (error) {
    errno = error;
    return -1;
  }
  return __priority_nice;
}
