#include <stddef.h>
#include <string.h>
#include <sys/statfs.h>

#include "../../__support/fs_figures.h"

/* statvfs's figures; f_type is not among them (0), and f_flags carries
 * statvfs's f_flag with Linux's ST_VALID bit. */
int fstatfs(int fd, struct statfs *out) {
  struct gpuvm_statvfs figures;
  if (__fs_figures(NULL, fd, &figures) < 0)
    return -1;
  memset(out, 0, sizeof *out);
  out->f_bsize = (long)figures.block_size;
  out->f_frsize = (long)figures.fragment_size;
  out->f_blocks = figures.blocks;
  out->f_bfree = figures.blocks_free;
  out->f_bavail = figures.blocks_available;
  out->f_files = figures.files;
  out->f_ffree = figures.files_free;
  out->f_fsid.__val[0] = (int)figures.fsid;
  out->f_fsid.__val[1] = (int)(figures.fsid >> 32);
  out->f_namelen = (long)figures.name_max;
  out->f_flags = (long)(figures.flags | 0x20 /* ST_VALID */);
  return 0;
}
