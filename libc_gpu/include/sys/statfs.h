/* statfs(2), Linux's older form of statvfs: the same figures (sys/statvfs.h
 * says whose), in Linux's x86-64 struct statfs. */
#ifndef __LIBC_GPU_SYS_STATFS_H
#define __LIBC_GPU_SYS_STATFS_H

#include <__libc_gpu/common.h>

typedef struct {
  int __val[2];
} fsid_t;

struct statfs {
  long f_type;
  long f_bsize;
  unsigned long f_blocks;
  unsigned long f_bfree;
  unsigned long f_bavail;
  unsigned long f_files;
  unsigned long f_ffree;
  fsid_t f_fsid;
  long f_namelen;
  long f_frsize;
  long f_flags;
  long f_spare[4];
};

__LIBC_BEGIN_DECLS

int statfs(const char *path, struct statfs *out) __LIBC_NOEXCEPT;
int fstatfs(int fd, struct statfs *out) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
