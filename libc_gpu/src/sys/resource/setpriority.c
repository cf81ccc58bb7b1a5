#include <errno.h>
#include <sys/resource.h>
#include <unistd.h>

#include "../../__support/priority.h"

int setpriority(int which, unsigned who, int value) {
  int error = __priority_check(which, who);
  if (value < PRIO_MIN)
    value = PRIO_MIN;
  if (value >= PRIO_MAX)
    value = PRIO_MAX - 1;
  if (!error && value < __priority_nice && geteuid() != 0)
    error = EACCES;
  if (error) {
    errno = error;
    return -1;
  }
  __priority_nice = value;
  return 0;
}
