#include <stddef.h>
#include <string.h>
#include <sys/statvfs.h>

#include "../../__support/fs_figures.h"

int fstatvfs(int fd, struct statvfs *out) {
  struct gpuvm_statvfs figures;
  if (__fs_figures(NULL, fd, &figures) < 0)
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
