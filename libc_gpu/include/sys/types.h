#ifndef __LIBC_GPU_SYS_TYPES_H
#define __LIBC_GPU_SYS_TYPES_H

#include <__libc_gpu/pthread_types.h>
#include <__libc_gpu/types.h>
#include <stddef.h>

#endif
