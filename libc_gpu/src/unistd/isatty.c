#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../__support/fd.h"

int isatty(int fd) {
  /* A VM has no terminal: its console is a stream to the host, as a pipe
   * is, so glibc's answer for a pipe (ENOTTY), and EBADF for a bad fd. */
  struct stat status;
  if (__fd_stat(fd, &status) == 0)
    errno = ENOTTY;
  return 0;
}
