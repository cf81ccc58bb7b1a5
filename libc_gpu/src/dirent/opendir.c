#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>

#include "../__support/dir.h"
#include "../__support/fd.h"

DIR *opendir(const char *path) {
  int fd = __fd_open(path, O_RDONLY | O_DIRECTORY, 0);
  if (fd < 0)
    return NULL;
  DIR *dir = (DIR *)malloc(sizeof *dir);
  if (!dir) {
    __fd_close(fd);
    errno = ENOMEM;
    return NULL;
  }
  dir->fd = fd;
  dir->at = dir->end = 0;
  return dir;
}
