#include <termios.h>

speed_t cfgetospeed(const struct termios *attributes) {
  return attributes->c_cflag & (CBAUD | CBAUDEX);
}
