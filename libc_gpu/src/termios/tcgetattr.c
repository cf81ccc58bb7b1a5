#include <termios.h>

#include "../__support/terminal.h"

int tcgetattr(int fd, struct termios *attributes) {
  (void)attributes;
  return __not_a_terminal(fd);
}
