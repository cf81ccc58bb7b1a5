/* Stack traces. A VM's code keeps no frame records to walk (GPU targets
 * have no unwinder), so backtrace finds no frames: 0. backtrace_symbols
 * names an address as glibc does when it finds no symbol: "[0x...]". */
#ifndef __LIBC_GPU_EXECINFO_H
#define __LIBC_GPU_EXECINFO_H

#include <__libc_gpu/common.h>

__LIBC_BEGIN_DECLS

int backtrace(void **buffer, int size) __LIBC_NOEXCEPT;
/* One malloc'ed block: the array, then the strings. */
char **backtrace_symbols(void *const *buffer, int size) __LIBC_NOEXCEPT;
void backtrace_symbols_fd(void *const *buffer, int size, int fd) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
