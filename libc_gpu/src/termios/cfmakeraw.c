#include <termios.h>

void cfmakeraw(struct termios *attributes) {
  attributes->c_iflag &=
      ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
  attributes->c_oflag &= ~(tcflag_t)OPOST;
  attributes->c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
  attributes->c_cflag &= ~(tcflag_t)(CSIZE | PARENB);
  attributes->c_cflag |= CS8;
  /* A read returns as soon as one byte is there. */
  attributes->c_cc[VMIN] = 1;
  attributes->c_cc[VTIME] = 0;
}
