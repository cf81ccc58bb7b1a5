/* The light kernel's system calls: the only way libc_gpu reaches the VM's
 * kernel. Every call acts on the running VM alone. */
#ifndef LIGHTKERNEL_SYSCALL_H
#define LIGHTKERNEL_SYSCALL_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What a confined program may name of the light kernel: gpu-c++ refuses an
 * image whose program, libc or libc++ uses any other kernel function or
 * variable (compiler/passes/ConfineMemory.h). */
#ifdef __clang__
#pragma clang attribute push(__attribute__((annotate("gpuvm-syscall"))), apply_to = function)
#endif

/* Console output (fd 1 or 2) or a file the VM opened. Returns bytes written
 * or -errno. */
long lk_write(int fd, const void *buf, size_t len);

/* Ends this VM (libc has already run its exit handlers). kind is an
 * enum gpuvm_exit_kind. */
_Noreturn void lk_exit(int status, int kind);
/* Ends this VM as a fault would (status 128 + signal), the runtime saying
 * reason. */
_Noreturn void lk_crash(int signal, const char *reason);

/* Lets other VMs sharing this processor run (host backend); a no-op where
 * every VM has its own hardware thread. */
void lk_yield(void);

uint32_t lk_vm_id(void);
uint32_t lk_vm_count(void);

/* The VM's heap: what its memory slice holds after the private data. */
void lk_heap_region(char **start, char **end);
/* Bytes of the VM's stack, as the backend set it (0: not known). */
uint64_t lk_stack_size(void);
/* The hostname `gpuvm run --hostname` gave this VM ("{vm}" expanded), or
 * null when none was given. */
const char *lk_hostname(void);

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
/* At `offset`, leaving the file's own (regular files: -ESPIPE elsewhere). */
long lk_pread(int fd, void *buf, size_t len, long offset);
long lk_pwrite(int fd, const void *buf, size_t len, long offset);
long lk_stat(const char *path, int follow_last_link, struct gpuvm_stat *out);
long lk_fstat(int fd, struct gpuvm_stat *out);
long lk_mkdir(const char *path, int mode);
long lk_rmdir(const char *path);
long lk_unlink(const char *path);
long lk_rename(const char *from, const char *to);
/* Fills buf with struct gpuvm_dirent records; returns bytes, 0 at the end. */
long lk_readdir(int fd, void *buf, size_t len);
/* Times in ns since the epoch, or GPUVM_TIME_NOW / GPUVM_TIME_OMIT
 * (gpuvm/mailbox.h). lk_futimens on a socket, pipe or the console changes
 * nothing and succeeds, as Linux's on their inodes nobody reads. */
long lk_utimens(const char *path, int follow_last_link, int64_t atime_ns, int64_t mtime_ns);
long lk_futimens(int fd, int64_t atime_ns, int64_t mtime_ns);
/* The VM's paths start at `path` from now on (its files opened before keep
 * their names); symlinks inside resolve there too. */
long lk_chroot(const char *path);
/* target is kept as text; it is resolved inside the root when followed. */
long lk_symlink(const char *target, const char *path);
/* Both inside the VM's own root (EXDEV for the shared data set's files). */
long lk_link(const char *from, const char *to);
/* At most size bytes of the link's text, no NUL added; returns the count. */
long lk_readlink(const char *path, char *buf, size_t size);
struct gpuvm_statvfs;
long lk_statvfs(const char *path, struct gpuvm_statvfs *out);
/* The host file system's figures for a file; zeros but the name length
 * for sockets, pipes and the console. */
long lk_fstatvfs(int fd, struct gpuvm_statvfs *out);
/* The path a file or directory fd was opened by (absolute in the VM's
 * root), NUL-terminated; -ENOTDIR for sockets, pipes and the like. */
long lk_fd_path(int fd, char *buf, size_t size);
/* A file of the shared data set (--ro-root, loaded at launch) is read in
 * place: its bytes, padded with zeros to whole 4 KiB pages, in memory every
 * VM reads and none may write; *size is the file's length. Null for any
 * other fd. */
const void *lk_file_in_place(int fd, uint64_t *size);
long lk_truncate(const char *path, long length);
long lk_ftruncate(int fd, long length);
long lk_fsync(int fd, int data_only);
long lk_chmod(const char *path, int mode);
long lk_fchmod(int fd, int mode);
long lk_getrandom(void *buf, size_t len);

/* The program's arguments and environment, built at boot in the VM's heap. */
struct lk_args {
  int argc;
  char **argv;
  char **envp;
};

/* ---- Descriptors and the network --------------------------------------
 * fds are the VM's own, kept by the light kernel: 0-2 the console, then
 * files (served by the host), sockets, epoll sets, eventfds, timerfds and pipes,
 * lowest free number first, as on Linux. lk_read/lk_write/lk_close and
 * lk_fcntl work on every kind. Structures passed here have Linux's x86-64
 * layout (libc_gpu's headers define the same ones): struct sockaddr_in6,
 * struct iovec, struct pollfd, struct epoll_event, struct itimerspec.
 * Every call returns its result or -errno (Linux's values); a call that
 * would block parks the VM, polling only its own queues and timers, unless
 * the fd is non-blocking. */
struct lk_iovec {
  void *base;
  size_t length;
};

/* F_GETFL / F_SETFL (O_NONBLOCK, O_APPEND kept), F_GETFD / F_SETFD. */
long lk_fcntl(int fd, int command, long argument);
/* FIONREAD (int *), FIONBIO (const int *). */
long lk_ioctl(int fd, unsigned long request, void *argument);
long lk_dup(int fd);
/* flock(2) among the VM's own open files (LOCK_SH/EX/UN, LOCK_NB). */
long lk_flock(int fd, int operation);
/* RLIMIT_NOFILE: fds from `limit` on are refused (EMFILE; F_DUPFD EINVAL).
 * limit 0 only asks. Returns the limit in force; at most the table's
 * 65,536 (-EPERM above it). */
long lk_fd_limit(long limit);
/* A pipe inside the VM: fds[0] reads, fds[1] writes. flags: O_CLOEXEC,
 * O_NONBLOCK, O_DIRECT (accepted; the pipe stays a byte stream). */
long lk_pipe2(int *fds, int flags);

long lk_socket(int domain, int type, int protocol);
long lk_bind(int fd, const void *address, uint32_t length);
long lk_listen(int fd, int backlog);
long lk_accept4(int fd, void *address, uint32_t *length, int flags);
long lk_connect(int fd, const void *address, uint32_t length);
/* address may be NULL (connected sockets). Returns bytes sent. */
long lk_sendto(int fd, const struct lk_iovec *iov, int iov_count, int flags, const void *address,
               uint32_t length);
/* address/length may be NULL; *message_flags gets MSG_TRUNC where a datagram
 * did not fit. Returns bytes received (with MSG_TRUNC on UDP: the datagram's
 * real size), 0 at end of stream. */
long lk_recvfrom(int fd, const struct lk_iovec *iov, int iov_count, int flags, void *address,
                 uint32_t *length, int *message_flags);
long lk_shutdown(int fd, int how);
long lk_getsockopt(int fd, int level, int name, void *value, uint32_t *length);
long lk_setsockopt(int fd, int level, int name, const void *value, uint32_t length);
long lk_getsockname(int fd, void *address, uint32_t *length);
long lk_getpeername(int fd, void *address, uint32_t *length);

/* timeout_ns < 0 waits for ever. Returns how many entries have revents. */
long lk_poll(void *pollfds, uint32_t count, int64_t timeout_ns);
long lk_epoll_create1(int flags);
long lk_epoll_ctl(int epfd, int op, int fd, void *event);
long lk_epoll_wait(int epfd, void *events, int max_events, int64_t timeout_ns);
long lk_eventfd(unsigned initial, int flags);
long lk_timerfd_create(int clock, int flags);
long lk_timerfd_settime(int fd, int flags, const void *new_value, void *old_value);
long lk_timerfd_gettime(int fd, void *current);

/* Zero copy (see <gpuvm/zerocopy.h> in libc_gpu): a view of the bytes a
 * TCP socket has received, released once consumed, and room in its send
 * buffer, committed once written. */
long lk_zc_recv(int fd, const void **data, int flags);
long lk_zc_recv_done(int fd, size_t consumed);
long lk_zc_send_reserve(int fd, void **data, size_t wanted, int flags);
long lk_zc_send_commit(int fd, size_t length);

/* Sleeps (parked, serving the network) until the monotonic clock passes
 * deadline_ns: 0, or -EINTR when a timer signal came first. */
long lk_sleep_until(int64_t deadline_ns);

/* Signals from timers: libc keeps the VM's timers (alarm, setitimer,
 * timer_create) and tells the kernel when the next is due (< 0: none). A
 * call parked at that moment returns -EINTR, and libc delivers the signal
 * before it returns, as Linux delivers one on the way out of the kernel. */
void lk_signal_alarm(int64_t deadline_ns);

#ifdef __clang__
#pragma clang attribute pop
#endif

#ifdef __cplusplus
}
#endif

#endif
