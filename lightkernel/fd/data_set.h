/* Open files and directories of the shared data set, read and listed in
 * place (data_set.c). */
#ifndef LIGHTKERNEL_FD_DATA_SET_H
#define LIGHTKERNEL_FD_DATA_SET_H

#include "fd.h"

struct gpuvm_stat;

/* The index of the data set's file or directory that `path` (from the VM's
 * root) names, or -1: not the set's, or a path only the host resolves (a
 * symlink, ".."). */
long lk_data_set_find(const char *path);
int lk_data_set_is_directory(long index);
void lk_data_set_stat_index(long index, struct gpuvm_stat *out);
/* A new file object (no reference yet) for the data set's file `index`, or
 * null when the launch has no such file or the heap is full. */
struct lk_file *lk_data_set_open(long index, int status);
long lk_data_set_seek(struct lk_file *file, long offset, int whence);
/* pread: at `offset`, leaving the file's; EISDIR for a directory. */
long lk_data_set_pread(struct lk_file *file, void *buf, size_t len, uint64_t offset);
void lk_data_set_stat(struct lk_file *file, struct gpuvm_stat *out);
/* The file's bytes, padded with zeros to whole GPUVM_DATA_SET_PAGE pages;
 * null for a directory. */
const void *lk_data_set_bytes(struct lk_file *file, uint64_t *size);
/* A directory's next records (struct gpuvm_dirent) that fit in `len`; 0 at
 * its end; ENOTDIR for a file. */
long lk_data_set_readdir(struct lk_file *file, void *buf, size_t len);
/* A directory's path from the VM's root, as the host's FD_PATH answers. */
long lk_data_set_path(struct lk_file *file, char *buf, size_t size);

#endif
