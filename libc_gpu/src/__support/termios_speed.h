/* The speed codes of struct termios, kept as glibc's Linux port keeps
 * them: the code in c_cflag's CBAUD bits and in c_ispeed/c_ospeed, and
 * an input speed of 0 ("as the output speed") as a flag in c_iflag. */
#ifndef LIBC_GPU_SUPPORT_TERMIOS_SPEED_H
#define LIBC_GPU_SUPPORT_TERMIOS_SPEED_H

#include <termios.h>

/* glibc's private c_iflag bit for an input speed of 0. */
#define __TERMIOS_INPUT_SPEED_0 020000000000u

/* Whether speed is one of the B* codes. */
static inline int __termios_speed_valid(speed_t speed) {
  return (speed & ~(speed_t)CBAUD) == 0 || (speed >= B57600 && speed <= __MAX_BAUD);
}

#endif
