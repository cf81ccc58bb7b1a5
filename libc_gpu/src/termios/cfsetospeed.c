#include <errno.h>
#include <termios.h>

#include "../__support/termios_speed.h"

int cfsetospeed(struct termios *attributes, speed_t speed) {
  if (!__termios_speed_valid(speed)) {
    errno = EINVAL;
    return -1;
  }
  attributes->c_ospeed = speed;
  attributes->c_cflag = (attributes->c_cflag & ~(tcflag_t)(CBAUD | CBAUDEX)) | speed;
  return 0;
}
