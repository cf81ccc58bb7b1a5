#include <errno.h>
#include <sched.h>
#include <unistd.h>

int sched_setaffinity(pid_t pid, size_t size, const cpu_set_t *set) {
  if (pid != 0 && pid != getpid()) {
    errno = ESRCH;
    return -1;
  }
  if (size < sizeof(unsigned long) || !(set->__bits[0] & 1)) {
    errno = EINVAL;
    return -1;
  }
  return 0;
}
