/* The kernel's memory: blocks from the VM's heap, in the VM's own slice.
 * libc_gpu's allocator owns that heap; the kernel's objects (descriptors,
 * sockets, their buffers) share it, so a VM's memory is one pool whoever
 * uses it, and running out fails one request of that VM alone. */
#ifndef LIGHTKERNEL_MEM_MEMORY_H
#define LIGHTKERNEL_MEM_MEMORY_H

#include <stddef.h>

/* NULL when the VM's heap is full. */
void *lk_kalloc(size_t size);
void lk_kfree(void *block);
/* Bytes free in the VM's heap now, in pieces of any size. */
size_t lk_kmemory_free(void);

#endif
