#include <errno.h>
#include <fcntl.h>
#include <sched.h>

int setns(int fd, int type) {
  (void)type;
  /* Linux looks at the fd before any permission: a VM has no namespace
   * files, so an open fd names no namespace. */
  if (fcntl(fd, F_GETFL) >= 0)
    errno = EINVAL;
  return -1;
}
