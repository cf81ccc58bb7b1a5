#include <sys/stat.h>
#include <unistd.h>

#include "../__support/ownership.h"

int fchown(int fd, uid_t owner, gid_t group) {
  struct stat status;
  return __ownership_change(fstat(fd, &status), owner, group);
}
