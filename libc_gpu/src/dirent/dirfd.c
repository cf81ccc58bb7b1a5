#include <dirent.h>

#include "../__support/dir.h"

int dirfd(DIR *dir) {
  return dir->fd;
}
