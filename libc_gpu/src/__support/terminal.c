#include "terminal.h"

#include <errno.h>
#include <fcntl.h>

int __not_a_terminal(int fd) {
  if (fcntl(fd, F_GETFL) >= 0)
    errno = ENOTTY;
  return -1;
}
