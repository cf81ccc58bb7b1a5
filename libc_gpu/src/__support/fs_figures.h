/* statvfs, fstatvfs, statfs and fstatfs share the kernel's answer. */
#ifndef LIBC_GPU_SUPPORT_FS_FIGURES_H
#define LIBC_GPU_SUPPORT_FS_FIGURES_H

#include <gpuvm/mailbox.h>

/* The figures for path (fd < 0) or fd; 0, or -1 with errno set. */
int __fs_figures(const char *path, int fd, struct gpuvm_statvfs *out);

#endif
