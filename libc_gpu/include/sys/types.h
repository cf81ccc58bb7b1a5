/* POSIX's types; fd_set and select too, as glibc's sys/types.h gives them. */
#ifndef __LIBC_GPU_SYS_TYPES_H
#define __LIBC_GPU_SYS_TYPES_H

#include <__libc_gpu/pthread_types.h>
#include <__libc_gpu/types.h>
#include <stddef.h>
#include <sys/select.h>

#endif
