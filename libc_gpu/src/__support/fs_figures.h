/* statvfs, fstatvfs, statfs and fstatfs share the kernel's answer. */
#ifndef LIBC_GPU_SUPPORT_FS_FIGURES_H
#define LIBC_GPU_SUPPORT_FS_FIGURES_H

#include <sys/statfs.h>
#include <sys/statvfs.h>

/* The figures for path (fd < 0) or fd; 0, or -1 with errno set. */
int __fs_statvfs(const char *path, int fd, struct statvfs *out);
/* The same in Linux's struct statfs: f_type is not among them (0), and
 * f_flags carries f_flag with Linux's ST_VALID bit. */
int __fs_statfs(const char *path, int fd, struct statfs *out);

#endif
