#include <errno.h>
#include <termios.h>

#include "../__support/termios_speed.h"

int cfsetispeed(struct termios *attributes, speed_t speed) {
  if (!__termios_speed_valid(speed)) {
    errno = EINVAL;
    return -1;
  }
  attributes->c_ispeed = speed;
  /* 0 means "the output speed": c_cflag, which holds that, stays. */
  if (speed == 0) {
    attributes->c_iflag |= __TERMIOS_INPUT_SPEED_0;
    return 0;
  }
  attributes->c_iflag &= ~__TERMIOS_INPUT_SPEED_0;
  attributes->c_cflag = (attributes->c_cflag & ~(tcflag_t)(CBAUD | CBAUDEX)) | speed;
  return 0;
}
