/* sigset_t, which signal.h, poll.h, sys/select.h and sys/epoll.h share. */
#ifndef __LIBC_GPU_SIGSET_T_H
#define __LIBC_GPU_SIGSET_T_H

/* glibc's size: 1024 bits, of which signals 1..64 are used. */
typedef struct {
  unsigned long __val[1024 / (8 * sizeof(unsigned long))];
} sigset_t;

#endif
