/* What the host serves on descriptors: the console (1, 2) and the files it
 * opened for this VM, named by the host's own numbers. The kernel's fd table
 * (fd/) maps the VM's descriptors to these. Each returns a result or -errno. */
#ifndef LIGHTKERNEL_RPC_HOST_H
#define LIGHTKERNEL_RPC_HOST_H

#include <stddef.h>
#include <stdint.h>

struct gpuvm_stat;
struct gpuvm_statvfs;

/* Reads and writes at `at` (pread/pwrite), or at the file's offset when
 * `at` < 0. */
long host_write(int host_fd, const void *buf, size_t len, int64_t at);
/* The most bytes one request may move straight between the host and
 * [buf, buf + len), when that lies in this VM's slice and the backend can
 * (gpuvm_launch.bulk_max); 0: through the payload. */
size_t host_bulk_chunk(const void *buf, size_t len);
/* The host's last word on the data set: 1 while the VM's own root cannot
 * shadow it, so that its files may be opened by path here. */
int host_data_set_in_place(void);
/* -> a host fd, or with *in_data_set set the index of a file of the data
 * set (gpuvm/data_set.h) to read in place. */
long host_open(const char *path, int flags, int mode, int *in_data_set);
long host_close(int host_fd);
long host_read(int host_fd, void *buf, size_t len, int64_t at);
long host_lseek(int host_fd, long offset, int whence);
long host_fstat(int host_fd, struct gpuvm_stat *out);
long host_readdir(int host_fd, void *buf, size_t len);
long host_futimens(int host_fd, int64_t atime_ns, int64_t mtime_ns);
long host_fstatvfs(int host_fd, struct gpuvm_statvfs *out);
/* The path the file was opened by, NUL-terminated in buf; its length. */
long host_fd_path(int host_fd, char *buf, size_t size);
/* ftruncate (length), fsync (1: data only) and fchmod (mode), by their
 * GPUVM_RPC_ op. */
long host_file_op(unsigned op, int host_fd, long arg);

#endif
