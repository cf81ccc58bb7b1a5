/* File system figures: those of the host file system that holds the VM's
 * root (or the shared data set), as statvfs(3) gives them there; sockets,
 * pipes and the console answer zeros but the name length. */
#ifndef __LIBC_GPU_SYS_STATVFS_H
#define __LIBC_GPU_SYS_STATVFS_H

#include <__libc_gpu/common.h>

typedef unsigned long fsblkcnt_t;
typedef unsigned long fsfilcnt_t;

struct statvfs {
  unsigned long f_bsize;
  unsigned long f_frsize;
  fsblkcnt_t f_blocks;
  fsblkcnt_t f_bfree;
  fsblkcnt_t f_bavail;
  fsfilcnt_t f_files;
  fsfilcnt_t f_ffree;
  fsfilcnt_t f_favail;
  unsigned long f_fsid;
  unsigned long f_flag;
  unsigned long f_namemax;
  int __f_spare[6];
};

#define ST_RDONLY 1
#define ST_NOSUID 2

__LIBC_BEGIN_DECLS

int statvfs(const char *__LIBC_RESTRICT path, struct statvfs *__LIBC_RESTRICT out) __LIBC_NOEXCEPT;
int fstatvfs(int fd, struct statvfs *out) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
