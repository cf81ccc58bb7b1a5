#include <termios.h>

#include "../__support/termios_speed.h"

speed_t cfgetispeed(const struct termios *attributes) {
  if (attributes->c_iflag & __TERMIOS_INPUT_SPEED_0)
    return 0;
  return attributes->c_cflag & (CBAUD | CBAUDEX);
}
