#ifndef __LIBC_GPU_SYS_RANDOM_H
#define __LIBC_GPU_SYS_RANDOM_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/types.h>

#define __need_size_t
#include <stddef.h>

#define GRND_NONBLOCK 0x01
#define GRND_RANDOM 0x02
#define GRND_INSECURE 0x04

__LIBC_BEGIN_DECLS

/* Bytes from the host's generator; the flags are checked, and never block. */
ssize_t getrandom(void *buffer, size_t size, unsigned flags) __LIBC_NOEXCEPT;
/* At most 256 bytes, all or nothing (EIO otherwise; EINVAL above 256). */
int getentropy(void *buffer, size_t size) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
