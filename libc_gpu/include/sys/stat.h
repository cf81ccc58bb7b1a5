/* File status. The host reports type, permissions, size, times, inode and
 * device; the other fields are filled as noted. */
#ifndef __LIBC_GPU_SYS_STAT_H
#define __LIBC_GPU_SYS_STAT_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/mode.h>
#include <__libc_gpu/timespec.h>
#include <__libc_gpu/types.h>

#define S_ISREG(mode) (((mode)&S_IFMT) == S_IFREG)
#define S_ISDIR(mode) (((mode)&S_IFMT) == S_IFDIR)
#define S_ISCHR(mode) (((mode)&S_IFMT) == S_IFCHR)
#define S_ISBLK(mode) (((mode)&S_IFMT) == S_IFBLK)
#define S_ISFIFO(mode) (((mode)&S_IFMT) == S_IFIFO)
#define S_ISLNK(mode) (((mode)&S_IFMT) == S_IFLNK)
#define S_ISSOCK(mode) (((mode)&S_IFMT) == S_IFSOCK)

#define UTIME_NOW ((1l << 30) - 1l)
#define UTIME_OMIT ((1l << 30) - 2l)

__LIBC_BEGIN_DECLS

/* Laid out as on x86-64 Linux. */
struct stat {
  dev_t st_dev;
  ino_t st_ino;
  nlink_t st_nlink;
  mode_t st_mode;
  uid_t st_uid; /* 0: a VM has no users */
  gid_t st_gid; /* 0 */
  int __pad0;
  dev_t st_rdev; /* 0: devices are not told apart */
  off_t st_size;
  blksize_t st_blksize; /* BUFSIZ, the size stdio reads and writes in */
  blkcnt_t st_blocks;   /* st_size in 512-byte blocks, rounded up */
  struct timespec st_atim;
  struct timespec st_mtim;
  struct timespec st_ctim;
  long __reserved[3];
};
#define st_atime st_atim.tv_sec
#define st_mtime st_mtim.tv_sec
#define st_ctime st_ctim.tv_sec

/* Paths are the VM's (see open in fcntl.h). */
int stat(const char *__LIBC_RESTRICT path, struct stat *__LIBC_RESTRICT out) __LIBC_NOEXCEPT;
int lstat(const char *__LIBC_RESTRICT path, struct stat *__LIBC_RESTRICT out) __LIBC_NOEXCEPT;
int fstat(int fd, struct stat *out) __LIBC_NOEXCEPT;
int mkdir(const char *path, mode_t mode) __LIBC_NOEXCEPT;
/* The VM's own mask (022 at start), applied to what open and mkdir create. */
mode_t umask(mode_t mask) __LIBC_NOEXCEPT;
int chmod(const char *path, mode_t mode) __LIBC_NOEXCEPT;
int fchmod(int fd, mode_t mode) __LIBC_NOEXCEPT;
int fstatat(int dir, const char *__LIBC_RESTRICT path, struct stat *__LIBC_RESTRICT out,
            int flags) __LIBC_NOEXCEPT;
int fchmodat(int dir, const char *path, mode_t mode, int flags) __LIBC_NOEXCEPT;
int mkdirat(int dir, const char *path, mode_t mode) __LIBC_NOEXCEPT;
/* Nanosecond times, UTIME_NOW and UTIME_OMIT, on the host's file; on
 * sockets, pipes and the console they change nothing and succeed. */
int utimensat(int dir, const char *path, const struct timespec times[2], int flags) __LIBC_NOEXCEPT;
int futimens(int fd, const struct timespec times[2]) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
