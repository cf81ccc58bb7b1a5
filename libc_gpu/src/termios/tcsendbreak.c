#include <termios.h>

#include "../__support/terminal.h"

int tcsendbreak(int fd, int duration) {
  (void)duration;
  return __not_a_terminal(fd);
}
