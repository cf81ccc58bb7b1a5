#include <termios.h>

#include "../__support/terminal.h"

int tcflow(int fd, int action) {
  (void)action;
  return __not_a_terminal(fd);
}
