/* The VM's heap allocator, behind malloc and friends and operator new. */
#ifndef LIBC_GPU_SUPPORT_HEAP_H
#define LIBC_GPU_SUPPORT_HEAP_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Every block is aligned to this; larger alignments go through heap_alloc_aligned. */
#define HEAP_ALIGNMENT 16

/* Makes [start, end) the heap, forgetting any earlier one. A region too small
 * for one block gives a heap where every allocation fails. */
void __heap_init(char *start, char *end);

/* NULL with errno = ENOMEM when nothing fits. size 0 gives a unique block. */
void *__heap_alloc(size_t size);
/* alignment: a power of two. NULL with errno = ENOMEM when nothing fits. */
void *__heap_alloc_aligned(size_t alignment, size_t size);
/* ptr: NULL or a live block of this heap; anything else aborts the VM. */
void __heap_free(void *ptr);
/* Grows or shrinks in place when it can; on failure ptr is untouched. */
void *__heap_realloc(void *ptr, size_t size);
size_t __heap_usable_size(void *ptr);
/* Bytes in free chunks (not all of it in one piece). */
size_t __heap_free_bytes(void);
/* The most bytes ever in use at once, headers included (getrusage's
 * ru_maxrss). */
size_t __heap_peak_bytes(void);
/* All of the heap: what is free when nothing is in use (mallinfo's arena). */
size_t __heap_total_bytes(void);
/* How many free chunks there are (mallinfo's ordblks). */
size_t __heap_free_chunks(void);

#ifdef __cplusplus
}
#endif

#endif
