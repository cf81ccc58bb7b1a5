/* The allocator's extras, as glibc's malloc.h has them. The figures come
 * from the VM's own heap: arena is all of it, uordblks what is in use
 * (block headers included), fordblks what is free, ordblks the free chunks
 * (glibc's top chunk is one of them); a VM's heap never maps memory of its
 * own, so hblks and hblkhd are 0. */
#ifndef __LIBC_GPU_MALLOC_H
#define __LIBC_GPU_MALLOC_H

#include <__libc_gpu/common.h>
#include <stdio.h>
#include <stdlib.h>

#define M_MXFAST 1
#define M_NLBLKS 2
#define M_GRAIN 3
#define M_KEEP 4
#define M_TRIM_THRESHOLD -1
#define M_TOP_PAD -2
#define M_MMAP_THRESHOLD -3
#define M_MMAP_MAX -4
#define M_CHECK_ACTION -5
#define M_PERTURB -6
#define M_ARENA_TEST -7
#define M_ARENA_MAX -8

struct mallinfo {
  int arena;
  int ordblks;
  int smblks;
  int hblks;
  int hblkhd;
  int usmblks;
  int fsmblks;
  int uordblks;
  int fordblks;
  int keepcost;
};

struct mallinfo2 {
  size_t arena;
  size_t ordblks;
  size_t smblks;
  size_t hblks;
  size_t hblkhd;
  size_t usmblks;
  size_t fsmblks;
  size_t uordblks;
  size_t fordblks;
  size_t keepcost;
};

__LIBC_BEGIN_DECLS

struct mallinfo2 mallinfo2(void) __LIBC_NOEXCEPT;
/* mallinfo2's figures cut to int, as glibc's. */
struct mallinfo mallinfo(void) __LIBC_NOEXCEPT;
/* Nothing goes back to a system: 0, "no memory released". */
int malloc_trim(size_t pad) __LIBC_NOEXCEPT;
/* Accepted and changes nothing: 1 for every parameter, as glibc 2.36
 * answers, but 0 for an M_MXFAST glibc refuses (negative or above 160). */
int mallopt(int parameter, int value) __LIBC_NOEXCEPT;
/* glibc's report on stderr: one arena, no mmapped regions. */
void malloc_stats(void) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
