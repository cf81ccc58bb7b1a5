#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <lightkernel/syscall.h>

/* Linux's flags. */
#define CLOSE_RANGE_UNSHARE 2
#define CLOSE_RANGE_CLOEXEC 4

/* Every fd of the range the VM's table can hold; an fd that is not open is
 * no error. CLOSE_RANGE_UNSHARE changes nothing: a VM's table is its own. */
int close_range(unsigned first, unsigned last, int flags) {
  if (first > last || (flags & ~(CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC))) {
    errno = EINVAL;
    return -1;
  }
  long limit = lk_fd_limit(0);
  for (unsigned long fd = first; fd <= last && fd < (unsigned long)limit; ++fd) {
    if (flags & CLOSE_RANGE_CLOEXEC)
      lk_fcntl((int)fd, F_SETFD, FD_CLOEXEC);
    else
      lk_close((int)fd);
  }
  return 0;
}
