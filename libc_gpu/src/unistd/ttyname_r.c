#include <errno.h>
#include <unistd.h>

#include "../__support/terminal.h"

int ttyname_r(int fd, char *buffer, size_t size) {
  (void)buffer, (void)size;
  __not_a_terminal(fd);
  return errno;
}
