#include "fs_figures.h"

#include <string.h>

#include <gpuvm/mailbox.h>
#include <lightkernel/syscall.h>

#include "path.h"
#include "syscall_result.h"

int __fs_statvfs(const char *path, int fd, struct statvfs *out) {
  struct gpuvm_statvfs figures;
  int result;
  if (fd >= 0 || !path) {
    result = (int)__syscall_result(lk_fstatvfs(fd, &figures));
  } else {
    char room[KERNEL_PATH_SIZE];
    const char *kernel_path = __path_for_kernel(path, room);
    result = kernel_path ? (int)__syscall_result(lk_statvfs(kernel_path, &figures)) : -1;
  }
  if (result < 0)
    return -1;
  memset(out, 0, sizeof *out);
  out->f_bsize = figures.block_size;
  out->f_frsize = figures.fragment_size;
  out->f_blocks = figures.blocks;
  out->f_bfree = figures.blocks_free;
  out->f_bavail = figures.blocks_available;
  out->f_files = figures.files;
  out->f_ffree = figures.files_free;
  out->f_favail = figures.files_available;
  out->f_fsid = figures.fsid;
  out->f_flag = figures.flags;
  out->f_namemax = figures.name_max;
  return 0;
}

int __fs_statfs(const char *path, int fd, struct statfs *out) {
  struct statvfs figures;
  if (__fs_statvfs(path, fd, &figures) < 0)
    return -1;
  memset(out, 0, sizeof *out);
  out->f_bsize = (long)figures.f_bsize;
  out->f_frsize = (long)figures.f_frsize;
  out->f_blocks = figures.f_blocks;
  out->f_bfree = figures.f_bfree;
  out->f_bavail = figures.f_bavail;
  out->f_files = figures.f_files;
  out->f_ffree = figures.f_ffree;
  out->f_fsid.__val[0] = (int)figures.f_fsid;
  out->f_fsid.__val[1] = (int)(figures.f_fsid >> 32);
  out->f_namelen = (long)figures.f_namemax;
  out->f_flags = (long)(figures.f_flag | 0x20 /* ST_VALID */);
  return 0;
}
