/* struct stat from what the kernel reports. */
#ifndef LIBC_GPU_SUPPORT_STAT_H
#define LIBC_GPU_SUPPORT_STAT_H

#include <sys/stat.h>

#include <gpuvm/mailbox.h>

void __stat_from_kernel(struct stat *out, const struct gpuvm_stat *in);
/* stat (follow_last_link = 1) and lstat (0) of a VM path (see path.h). */
int __stat_path(const char *path, int follow_last_link, struct stat *out);

#endif
