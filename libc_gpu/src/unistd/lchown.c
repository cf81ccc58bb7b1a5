#include <sys/stat.h>
#include <unistd.h>

#include "../__support/ownership.h"

int lchown(const char *path, uid_t owner, gid_t group) {
  struct stat status;
  return __ownership_change(lstat(path, &status), owner, group);
}
