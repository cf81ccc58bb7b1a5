#include <errno.h>
#include <sched.h>
#include <string.h>
#include <unistd.h>

int sched_getaffinity(pid_t pid, size_t size, cpu_set_t *set) {
  if (pid != 0 && pid != getpid()) {
    errno = ESRCH;
    return -1;
  }
  if (size < sizeof(unsigned long)) {
    errno = EINVAL;
    return -1;
  }
  memset(set, 0, size);
  set->__bits[0] = 1; /* CPU 0 */
  return 0;
}
