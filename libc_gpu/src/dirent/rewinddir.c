#include <dirent.h>
#include <stdio.h>

#include "../__support/dir.h"
#include "../__support/fd.h"

void rewinddir(DIR *dir) {
  /* Seeking a directory to 0 restarts the kernel's listing. */
  __fd_seek(dir->fd, 0, SEEK_SET);
  dir->at = dir->end = 0;
}
