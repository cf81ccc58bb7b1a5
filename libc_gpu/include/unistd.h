#ifndef __LIBC_GPU_UNISTD_H
#define __LIBC_GPU_UNISTD_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/types.h>

#define __need_size_t
#define __need_NULL
#include <stddef.h>

#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

__LIBC_BEGIN_DECLS

/* The environment, "NAME=value" strings ending with NULL; set before main. */
extern char **environ;

/* Only the console (fd 1 and 2) can be written for now; other fds give EBADF. */
ssize_t write(int fd, const void *data, size_t size);
/* VM k is process k + 1, so that no VM has pid 0. */
pid_t getpid(void) __LIBC_NOEXCEPT;
__LIBC_NORETURN void _exit(int status);
/* Busy-wait, yielding to the VMs that share the processor. */
int usleep(useconds_t microseconds);
unsigned sleep(unsigned seconds);

__LIBC_END_DECLS

#endif
