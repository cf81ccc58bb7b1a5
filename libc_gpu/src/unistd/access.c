#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../__support/stat.h"

int access(const char *path, int mode) {
  if (mode & ~(R_OK | W_OK | X_OK)) {
    errno = EINVAL;
    return -1;
  }
  struct stat status;
  if (__stat_path(path, 1, &status))
    return -1;
  /* The VM owns what its root holds, so the owner's bits decide. */
  if (((mode & R_OK) && !(status.st_mode & S_IRUSR)) ||
      ((mode & W_OK) && !(status.st_mode & S_IWUSR)) ||
      ((mode & X_OK) && !(status.st_mode & S_IXUSR))) {
    errno = EACCES;
    return -1;
  }
  return 0;
}
