#ifndef __LIBC_GPU_SYS_WAIT_H
#define __LIBC_GPU_SYS_WAIT_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/types.h>

#define WNOHANG 1
#define WUNTRACED 2
#define WEXITSTATUS(status) (((status)&0xff00) >> 8)
#define WTERMSIG(status) ((status)&0x7f)
#define WIFEXITED(status) (WTERMSIG(status) == 0)
#define WIFSIGNALED(status) (((signed char)(((status)&0x7f) + 1) >> 1) > 0)
#define WIFSTOPPED(status) (((status)&0xff) == 0x7f)

__LIBC_BEGIN_DECLS

/* A VM is one process and never has children: both fail with ECHILD. */
pid_t wait(int *status);
pid_t waitpid(pid_t pid, int *status, int options);

__LIBC_END_DECLS

#endif
