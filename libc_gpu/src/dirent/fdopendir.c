#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "../__support/dir.h"

DIR *fdopendir(int fd) {
  struct stat status;
  if (fstat(fd, &status) < 0)
    return NULL;
  if (!S_ISDIR(status.st_mode)) {
    errno = ENOTDIR;
    return NULL;
  }
  DIR *dir = (DIR *)malloc(sizeof *dir);
  if (!dir)
    return NULL;
  dir->fd = fd;
  dir->at = dir->end = 0;
  return dir;
}
