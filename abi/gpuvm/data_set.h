/* The shared read-only data set (gpuvm run --ro-root), loaded once at launch
 * into memory every VM reads: device memory on a GPU, one copy on the host.
 * The VM's kernel opens and stats its files by path itself while its
 * mailbox's data_set_in_place says that its own root cannot shadow them;
 * otherwise the host's GPUVM_RPC_OPEN answers with GPUVM_OPEN_IN_DATA_SET.
 * Either way the file is then read, sought, stat'ed and mapped here, with no
 * round trip; a directory of the set is listed here the same way. Shared by
 * host and device. */
#ifndef GPUVM_ABI_DATA_SET_H
#define GPUVM_ABI_DATA_SET_H

#include <gpuvm/mailbox.h>

#include <stdint.h>

/* Files start on this boundary and are padded with zeros to the next one,
 * so that a read-only private mapping of whole pages can be the bytes here. */
#define GPUVM_DATA_SET_PAGE 4096u

/* A regular file or a directory (stat.mode says which). */
struct gpuvm_data_set_file {
  /* Of its bytes, from the start of the data set: a file's contents, a
   * directory's listing as struct gpuvm_dirent records (gpuvm/mailbox.h),
   * ".", ".." and every entry the directory held at launch, of any type. */
  uint64_t offset;
  uint64_t size; /* of those bytes */
  uint64_t path; /* offset of one of its names (as in names[]), NUL-terminated */
  struct gpuvm_stat stat;
};

/* A name of a file or directory: its path from the data set's top, without a leading
 * '/', ".", ".." or doubled '/' (a file has one name per hard link). */
struct gpuvm_data_set_name {
  uint64_t path; /* offset of the NUL-terminated path, from the data set's start */
  uint64_t file; /* index in files[] */
};

struct gpuvm_data_set {
  uint64_t file_count;
  uint64_t name_count;
  uint64_t names; /* offset of name_count struct gpuvm_data_set_name, sorted by
                     path (bytes, as strcmp) */
  uint64_t size;  /* bytes, this header included */
  struct gpuvm_data_set_file files[];
};

#endif
