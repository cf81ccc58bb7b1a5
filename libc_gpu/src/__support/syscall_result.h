/* A light kernel call's result as POSIX functions return it. */
#ifndef LIBC_GPU_SUPPORT_SYSCALL_RESULT_H
#define LIBC_GPU_SUPPORT_SYSCALL_RESULT_H

#include <errno.h>

/* The kernel answers -errno on failure: that becomes -1 with errno set. */
static inline long __syscall_result(long result) {
  if (result < 0) {
    errno = (int)-result;
    return -1;
  }
  return result;
}

#endif
