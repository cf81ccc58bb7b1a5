#include <dirent.h>
#include <stdlib.h>

#include "../__support/dir.h"
#include "../__support/fd.h"

int closedir(DIR *dir) {
  int fd = dir->fd;
  free(dir);
  return __fd_close(fd);
}
