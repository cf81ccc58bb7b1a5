/* Memory mappings, with Linux's flags. A VM has no MMU of its own: a
 * mapping is a page-aligned block of the VM's heap. Anonymous mappings are
 * zeroed memory; a file mapping holds a copy of the file's bytes, read when
 * it is made. MAP_PRIVATE writes stay in the copy, as on Linux; MAP_SHARED
 * writes reach the file at msync and munmap (not before, and write() to the
 * file does not show in a mapping made earlier). Protections are recorded,
 * not enforced; MAP_FIXED cannot be honoured (ENOMEM). mlock and friends
 * succeed: a VM's memory is always resident. */
#ifndef __LIBC_GPU_SYS_MMAN_H
#define __LIBC_GPU_SYS_MMAN_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/types.h>

#define __need_size_t
#include <stddef.h>

#define PROT_NONE 0x0
#define PROT_READ 0x1
#define PROT_WRITE 0x2
#define PROT_EXEC 0x4

#define MAP_SHARED 0x01
#define MAP_PRIVATE 0x02
#define MAP_SHARED_VALIDATE 0x03
#define MAP_TYPE 0x0f
#define MAP_FIXED 0x10
#define MAP_ANONYMOUS 0x20
#define MAP_ANON MAP_ANONYMOUS
#define MAP_32BIT 0x40
#define MAP_GROWSDOWN 0x100
#define MAP_DENYWRITE 0x800
#define MAP_EXECUTABLE 0x1000
#define MAP_LOCKED 0x2000
#define MAP_NORESERVE 0x4000
#define MAP_POPULATE 0x8000
#define MAP_NONBLOCK 0x10000
#define MAP_STACK 0x20000
#define MAP_HUGETLB 0x40000
#define MAP_SYNC 0x80000
#define MAP_FIXED_NOREPLACE 0x100000
#define MAP_FAILED ((void *)-1)

#define MS_ASYNC 1
#define MS_INVALIDATE 2
#define MS_SYNC 4

#define MCL_CURRENT 1
#define MCL_FUTURE 2
#define MCL_ONFAULT 4

#define MADV_NORMAL 0
#define MADV_RANDOM 1
#define MADV_SEQUENTIAL 2
#define MADV_WILLNEED 3
#define MADV_DONTNEED 4
#define MADV_FREE 8
#define MADV_REMOVE 9
#define MADV_DONTFORK 10
#define MADV_DOFORK 11
#define MADV_MERGEABLE 12
#define MADV_UNMERGEABLE 13
#define MADV_HUGEPAGE 14
#define MADV_NOHUGEPAGE 15
#define MADV_DONTDUMP 16
#define MADV_DODUMP 17
#define POSIX_MADV_NORMAL 0
#define POSIX_MADV_RANDOM 1
#define POSIX_MADV_SEQUENTIAL 2
#define POSIX_MADV_WILLNEED 3
#define POSIX_MADV_DONTNEED 4

__LIBC_BEGIN_DECLS

void *mmap(void *address, size_t length, int protection, int flags, int fd,
           off_t offset) __LIBC_NOEXCEPT;
/* Any part of a mapping may go (its memory returns to the heap once all of
 * the block is unmapped); an address with no mapping is no error. */
int munmap(void *address, size_t length) __LIBC_NOEXCEPT;
/* Writes MAP_SHARED file mappings in the range back to their file (MS_SYNC
 * also fsyncs it); ENOMEM where the range is not mapped. */
int msync(void *address, size_t length, int flags) __LIBC_NOEXCEPT;
int mprotect(void *address, size_t length, int protection) __LIBC_NOEXCEPT;
/* MADV_DONTNEED gives a private mapping its first contents back (zeros, or
 * the file's bytes), as Linux's next touch would; other advice is taken
 * and changes nothing. */
int madvise(void *address, size_t length, int advice) __LIBC_NOEXCEPT;
int posix_madvise(void *address, size_t length, int advice) __LIBC_NOEXCEPT;
int mlock(const void *address, size_t length) __LIBC_NOEXCEPT;
int munlock(const void *address, size_t length) __LIBC_NOEXCEPT;
int mlockall(int flags) __LIBC_NOEXCEPT;
int munlockall(void) __LIBC_NOEXCEPT;

/* POSIX shared memory objects need a shared memory file system a VM does
 * not have: ENOSYS, and the VM's console says so once. */
int shm_open(const char *name, int flags, mode_t mode) __LIBC_NOEXCEPT;
int shm_unlink(const char *name) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
