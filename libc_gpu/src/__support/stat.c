#include "stat.h"

#include <stdio.h>
#include <string.h>

#include <lightkernel/syscall.h>

#include "path.h"
#include "syscall_result.h"

void __stat_from_kernel(struct stat *out, const struct gpuvm_stat *in) {
  memset(out, 0, sizeof *out);
  out->st_dev = in->dev;
  out->st_ino = in->ino;
  out->st_nlink = in->nlink;
  out->st_mode = in->mode;
  out->st_size = (off_t)in->size;
  out->st_blksize = BUFSIZ;
  out->st_blocks = (blkcnt_t)((in->size + 511) / 512);
  out->st_atim = (struct timespec){in->atime_sec, in->atime_nsec};
  out->st_mtim = (struct timespec){in->mtime_sec, in->mtime_nsec};
  out->st_ctim = (struct timespec){in->ctime_sec, in->ctime_nsec};
}

int __stat_path(const char *path, int follow_last_link, struct stat *out) {
  char room[KERNEL_PATH_SIZE];
  const char *kernel_path = __path_for_kernel(path, room);
  struct gpuvm_stat reported;
  if (!kernel_path || __syscall_result(lk_stat(kernel_path, follow_last_link, &reported)) < 0)
    return -1;
  __stat_from_kernel(out, &reported);
  return 0;
}
