/* eventfd: a 64-bit counter behind an fd, as on Linux. */
#ifndef __LIBC_GPU_SYS_EVENTFD_H
#define __LIBC_GPU_SYS_EVENTFD_H

#include <__libc_gpu/common.h>
#include <stdint.h>

typedef uint64_t eventfd_t;

#define EFD_SEMAPHORE 1
#define EFD_CLOEXEC 02000000
#define EFD_NONBLOCK 04000

__LIBC_BEGIN_DECLS

int eventfd(unsigned int initial, int flags) __LIBC_NOEXCEPT;
/* read() and write() of the 8-byte counter: 0, or -1 with errno. */
int eventfd_read(int fd, eventfd_t *value) __LIBC_NOEXCEPT;
int eventfd_write(int fd, eventfd_t value) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
