/* What a program may ask about the rack of VMs it runs in. Zero-copy
 * sockets are in <gpuvm/zerocopy.h>. */
#ifndef __LIBC_GPU_GPUVM_H
#define __LIBC_GPU_GPUVM_H

#include <__libc_gpu/common.h>

__LIBC_BEGIN_DECLS

/* This VM's number, 0 .. gpuvm_vm_count() - 1. */
unsigned gpuvm_vm_id(void) __LIBC_NOEXCEPT;
unsigned gpuvm_vm_count(void) __LIBC_NOEXCEPT;
/* Lets other VMs sharing this processor run; call it in busy-wait loops. */
void gpuvm_yield(void) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
