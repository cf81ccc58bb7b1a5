/* ioctl, with Linux's request numbers. A VM answers FIONREAD (bytes ready
 * on a socket), FIONBIO, FIOCLEX and FIONCLEX; anything else is ENOTTY. */
#ifndef __LIBC_GPU_SYS_IOCTL_H
#define __LIBC_GPU_SYS_IOCTL_H

#include <__libc_gpu/common.h>

#define TCGETS 0x5401
#define TCSETS 0x5402
#define TIOCGPGRP 0x540F
#define TIOCSPGRP 0x5410
#define TIOCOUTQ 0x5411
#define TIOCGWINSZ 0x5413
#define TIOCSWINSZ 0x5414
#define FIONREAD 0x541B
#define TIOCINQ FIONREAD
#define FIONBIO 0x5421
#define FIONCLEX 0x5450
#define FIOCLEX 0x5451
#define FIOASYNC 0x5452
#define SIOCINQ FIONREAD
#define SIOCOUTQ TIOCOUTQ

struct winsize {
  unsigned short ws_row;
  unsigned short ws_col;
  unsigned short ws_xpixel;
  unsigned short ws_ypixel;
};

__LIBC_BEGIN_DECLS

/* The argument, when the request takes one, is a pointer (int * for
 * FIONREAD and FIONBIO). */
int ioctl(int fd, unsigned long request, ...) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
