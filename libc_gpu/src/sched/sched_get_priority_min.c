#include <errno.h>
#include <sched.h>

#include "../__support/sched_policy.h"

int sched_get_priority_min(int policy) {
  int lowest, highest;
  int error = __sched_priority_range(policy, &lowest, &highest);
  if (error) {
    errno = error;
    return -1;
  }
  return lowest;
}
