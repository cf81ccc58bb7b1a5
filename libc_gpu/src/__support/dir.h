/* The DIR behind opendir and readdir. */
#ifndef LIBC_GPU_SUPPORT_DIR_H
#define LIBC_GPU_SUPPORT_DIR_H

#include <dirent.h>
#include <stddef.h>
#include <stdint.h>

#include <gpuvm/mailbox.h>

struct __libc_gpu_dir {
  int fd;
  /* The next of the kernel's records in records[0, end). */
  size_t at;
  size_t end;
  struct dirent entry; /* what readdir returned last */
  /* One batch of struct gpuvm_dirent, whose fields need 8-byte alignment. */
  _Alignas(uint64_t) char records[GPUVM_MAILBOX_PAYLOAD];
};

#endif
