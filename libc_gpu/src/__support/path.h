/* Paths as a VM names them. The kernel takes absolute paths (from the VM's
 * root directory) and paths relative to the root; the working directory is
 * the library's, so relative paths are joined to it here first. */
#ifndef LIBC_GPU_SUPPORT_PATH_H
#define LIBC_GPU_SUPPORT_PATH_H

#include <gpuvm/mailbox.h>

/* Room for a path the kernel takes: the mailbox carries it whole. */
#define KERNEL_PATH_SIZE GPUVM_MAILBOX_PAYLOAD

/* What to give the kernel for `path`: path itself when it is absolute or the
 * working directory is the root, else the two joined in `room`. NULL with
 * errno set: ENOENT for "" (as Linux), ENAMETOOLONG when it does not fit. */
const char *__path_for_kernel(const char *path, char room[KERNEL_PATH_SIZE]);

/* The working directory: absolute, without "." or ".." or a trailing slash. */
const char *__path_working_directory(void);

/* Makes `path` (a directory, as the caller checked) the working directory,
 * in that form. Returns 0, or -1 with errno = ENAMETOOLONG or ENOMEM. */
int __path_change_directory(const char *path);

#endif
