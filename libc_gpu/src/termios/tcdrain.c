#include <termios.h>

#include "../__support/terminal.h"

int tcdrain(int fd) {
  return __not_a_terminal(fd);
}
