/* Open files of the shared data set, read in place (data_set.c). */
#ifndef LIGHTKERNEL_FD_DATA_SET_H
#define LIGHTKERNEL_FD_DATA_SET_H

#include "fd.h"

struct gpuvm_stat;

/* The index of the data set's file that `path` (from the VM's root) names,
 * or -1: not the set's, or a path only the host resolves (a symlink, ".."). */
long lk_data_set_find(const char *path);
void lk_data_set_stat_index(long index, struct gpuvm_stat *out);
/* A new file object (no reference yet) for the data set's file `index`, or
 * null when the launch has no such file or the heap is full. */
struct lk_file *lk_data_set_open(long index, int status);
long lk_data_set_seek(struct lk_file *file, long offset, int whence);
/* pread: at `offset`, leaving the file's. */
long lk_data_set_pread(struct lk_file *file, void *buf, size_t len, uint64_t offset);
void lk_data_set_stat(struct lk_file *file, struct gpuvm_stat *out);
/* The file's bytes, padded with zeros to whole GPUVM_DATA_SET_PAGE pages. */
const void *lk_data_set_bytes(struct lk_file *file, uint64_t *size);

#endif
