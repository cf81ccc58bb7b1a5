#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../__support/ownership.h"

int fchown(int fd, uid_t owner, gid_t group) {
  struct stat status;
  if (fstat(fd, &status) < 0) /* the file must exist: ENOENT, EBADF... as Linux */
    return -1;
  int error = __ownership_change_allowed(owner, group);
  if (error) {
    errno = error;
    return -1;
  }
  return 0;
}
