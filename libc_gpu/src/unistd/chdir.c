#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../__support/path.h"
#include "../__support/stat.h"

int chdir(const char *path) {
  /* The kernel resolves the path as given (a symlink's "..", a missing
   * component); only a directory it finds becomes the working directory. */
  struct stat status;
  if (__stat_path(path, 1, &status))
    return -1;
  if (!S_ISDIR(status.st_mode)) {
    errno = ENOTDIR;
    return -1;
  }
  return __path_change_directory(path);
}
