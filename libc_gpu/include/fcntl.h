/* Opening files. Flag values are Linux's on x86-64, which the host passes on
 * to its own kernel. */
#ifndef __LIBC_GPU_FCNTL_H
#define __LIBC_GPU_FCNTL_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/iovec.h>
#include <__libc_gpu/mode.h>
#include <__libc_gpu/seek.h>
#include <__libc_gpu/types.h>

#define O_RDONLY 00
#define O_WRONLY 01
#define O_RDWR 02
#define O_ACCMODE 03
#define O_CREAT 0100
#define O_EXCL 0200
#define O_NOCTTY 0400
#define O_TRUNC 01000
#define O_APPEND 02000
#define O_NONBLOCK 04000
#define O_NDELAY O_NONBLOCK
#define O_DSYNC 010000
#define O_ASYNC 020000
#define O_DIRECT 040000
/* 64-bit offsets are the only ones, as on x86-64 Linux where the flag is 0. */
#define O_LARGEFILE 0
#define O_DIRECTORY 0200000
#define O_NOFOLLOW 0400000
#define O_NOATIME 01000000
#define O_CLOEXEC 02000000
#define O_SYNC 04010000
#define O_RSYNC O_SYNC
#define O_FSYNC O_SYNC
#define O_PATH 010000000
#define O_TMPFILE 020200000

#define F_DUPFD 0
#define F_GETFD 1
#define F_SETFD 2
#define F_GETFL 3
#define F_SETFL 4
#define F_SETOWN 8
#define F_GETOWN 9
#define F_DUPFD_CLOEXEC 1030
#define F_GETLK 5
#define F_SETLK 6
#define F_SETLKW 7
#define F_RDLCK 0
#define F_WRLCK 1
#define F_UNLCK 2
#define F_SETPIPE_SZ 1031
#define F_GETPIPE_SZ 1032
#define FD_CLOEXEC 1

/* The *at calls: a directory fd (or the working directory) and flags. */
#define AT_FDCWD (-100)
#define AT_SYMLINK_NOFOLLOW 0x100
#define AT_EACCESS 0x200
#define AT_REMOVEDIR 0x200
#define AT_SYMLINK_FOLLOW 0x400
#define AT_NO_AUTOMOUNT 0x800
#define AT_EMPTY_PATH 0x1000

#define POSIX_FADV_NORMAL 0
#define POSIX_FADV_RANDOM 1
#define POSIX_FADV_SEQUENTIAL 2
#define POSIX_FADV_WILLNEED 3
#define POSIX_FADV_DONTNEED 4
#define POSIX_FADV_NOREUSE 5
#define SYNC_FILE_RANGE_WAIT_BEFORE 1
#define SYNC_FILE_RANGE_WRITE 2
#define SYNC_FILE_RANGE_WAIT_AFTER 4
#define SPLICE_F_MOVE 1
#define SPLICE_F_NONBLOCK 2
#define SPLICE_F_MORE 4
#define SPLICE_F_GIFT 8

/* A POSIX record lock (F_GETLK, F_SETLK, F_SETLKW), Linux's x86-64 layout. */
struct flock {
  short l_type;
  short l_whence;
  off_t l_start;
  off_t l_len;
  pid_t l_pid;
};

__LIBC_BEGIN_DECLS

/* Paths are the VM's: absolute ones start at its root directory, relative
 * ones at its working directory; nothing outside the root can be named.
 * The host accepts O_ACCMODE, O_CREAT, O_EXCL, O_TRUNC, O_APPEND,
 * O_DIRECTORY, O_NOFOLLOW, O_NONBLOCK and O_CLOEXEC (O_NOCTTY is dropped: a
 * VM has no terminal); any other flag gives EINVAL. */
int open(const char *path, int flags, ...) __LIBC_NOEXCEPT;
int creat(const char *path, mode_t mode) __LIBC_NOEXCEPT;
/* The *at calls take a path relative to `dir` as the path `dir` was opened
 * by joined with it (a directory renamed since is not followed). */
int openat(int dir, const char *path, int flags, ...) __LIBC_NOEXCEPT;
/* Kept by the VM's kernel for every kind of fd: F_GETFD and F_SETFD (there
 * is no exec, so FD_CLOEXEC changes nothing), F_GETFL, F_SETFL (O_NONBLOCK
 * and O_APPEND change; the access mode and creation flags are ignored, as
 * on Linux), F_DUPFD and F_DUPFD_CLOEXEC (the lowest free fd at or above
 * the argument), and on pipes F_GETPIPE_SZ and F_SETPIPE_SZ (rounded up to
 * a power of two from 4 KiB to 1 MiB). Anything else gives EINVAL.
 * O_NONBLOCK makes sockets, pipes, epoll sets, eventfds and timerfds
 * non-blocking; files never block. POSIX record locks belong to a process,
 * and a process never conflicts with itself: in a VM, which is one process,
 * F_SETLK and F_SETLKW always succeed (after Linux's checks: EINVAL for a
 * bad type or whence, EBADF for a read lock on an fd not open for reading
 * or a write lock on one not open for writing) and F_GETLK answers
 * F_UNLCK. */
int fcntl(int fd, int command, ...) __LIBC_NOEXCEPT;

/* Advice on a file's use is taken and changes nothing (0); a pipe is
 * ESPIPE and a bad advice or length EINVAL, as on Linux. Returns the error
 * number. */
int posix_fadvise(int fd, off_t offset, off_t length, int advice) __LIBC_NOEXCEPT;
/* Linux's checks (EINVAL, EBADF, ESPIPE for pipes, sockets and the
 * console), then SYNC_FILE_RANGE_WRITE writes the file's data back. */
int sync_file_range(int fd, off_t offset, off_t length, unsigned int flags) __LIBC_NOEXCEPT;
/* A VM's pipes are not spliced: splice and tee fail with EINVAL (Linux's
 * answer when neither fd is a pipe) after Linux's checks of the flags, the
 * fds (EBADF) and offsets given for a pipe (ESPIPE); callers fall back to
 * read and write. vmsplice is readv or writev on a pipe's end, EBADF on
 * any other fd, as on Linux. */
ssize_t splice(int in, off_t *in_offset, int out, off_t *out_offset, size_t length,
               unsigned int flags) __LIBC_NOEXCEPT;
ssize_t tee(int in, int out, size_t length, unsigned int flags) __LIBC_NOEXCEPT;
ssize_t vmsplice(int fd, const struct iovec *iov, size_t count, unsigned int flags) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
