/* The light kernel's system calls: the only way libc_gpu reaches the VM's
 * kernel. Every call acts on the running VM alone. */
#ifndef LIGHTKERNEL_SYSCALL_H
#define LIGHTKERNEL_SYSCALL_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Console output (fd 1 or 2) or a file the VM opened. Returns bytes written
 * or -errno. */
long lk_write(int fd, const void *buf, size_t len);

/* Ends this VM (libc has already run its exit handlers). kind is an
 * enum gpuvm_exit_kind. */
_Noreturn void lk_exit(int status, int kind);

/* Lets other VMs sharing this processor run (host backend); a no-op where
 * every VM has its own hardware thread. */
void lk_yield(void);

uint32_t lk_vm_id(void);
uint32_t lk_vm_count(void);

/* The VM's heap: what its memory slice holds after the private data. */
void lk_heap_region(char **start, char **end);

/* Nanoseconds: wall clock (calibrated against the host) and a monotonic clock. */
int64_t lk_clock_realtime_ns(void);
int64_t lk_clock_monotonic_ns(void);

/* Files, served by the host inside the VM's root directory. Paths are the
 * VM's (absolute, or relative to its root); flags, modes and errno values are
 * Linux's. Each returns the result, or -errno. */
struct gpuvm_stat;
long lk_open(const char *path, int flags, int mode);
long lk_close(int fd);
long lk_read(int fd, void *buf, size_t len); /* files; fds 1/2 are write-only */
long lk_lseek(int fd, long offset, int whence);
long lk_stat(const char *path, int follow_last_link, struct gpuvm_stat *out);
long lk_fstat(int fd, struct gpuvm_stat *out);
long lk_mkdir(const char *path, int mode);
long lk_rmdir(const char *path);
long lk_unlink(const char *path);
long lk_rename(const char *from, const char *to);
/* Fills buf with struct gpuvm_dirent records; returns bytes, 0 at the end. */
long lk_readdir(int fd, void *buf, size_t len);
long lk_utime(const char *path, long atime, long mtime); /* -1, -1: now */
long lk_getrandom(void *buf, size_t len);

/* The program's arguments and environment, built at boot in the VM's heap. */
struct lk_args {
  int argc;
  char **argv;
  char **envp;
};

#ifdef __cplusplus
}
#endif

#endif
