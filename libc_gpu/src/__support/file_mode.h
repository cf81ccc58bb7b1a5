/* The VM's file mode creation mask (umask), applied to the modes of files
 * and directories it creates, as Linux applies a process's. */
#ifndef __LIBC_GPU_SUPPORT_FILE_MODE_H
#define __LIBC_GPU_SUPPORT_FILE_MODE_H

#include <__libc_gpu/types.h>

extern mode_t __file_mode_mask;

static inline mode_t __file_mode_for_new(mode_t mode) {
  return mode & ~__file_mode_mask & 07777;
}

#endif
