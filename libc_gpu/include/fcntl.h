/* Opening files. Flag values are Linux's on x86-64, which the host passes on
 * to its own kernel. */
#ifndef __LIBC_GPU_FCNTL_H
#define __LIBC_GPU_FCNTL_H

#include <__libc_gpu/common.h>
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
#define F_SETPIPE_SZ 1031
#define F_GETPIPE_SZ 1032
#define FD_CLOEXEC 1

__LIBC_BEGIN_DECLS

/* Paths are the VM's: absolute ones start at its root directory, relative
 * ones at its working directory; nothing outside the root can be named.
 * The host accepts O_ACCMODE, O_CREAT, O_EXCL, O_TRUNC, O_APPEND,
 * O_DIRECTORY, O_NOFOLLOW, O_NONBLOCK and O_CLOEXEC (O_NOCTTY is dropped: a
 * VM has no terminal); any other flag gives EINVAL. */
int open(const char *path, int flags, ...) __LIBC_NOEXCEPT;
int creat(const char *path, mode_t mode) __LIBC_NOEXCEPT;
/* Kept by the VM's kernel for every kind of fd: F_GETFD and F_SETFD (there
 * is no exec, so FD_CLOEXEC changes nothing), F_GETFL, F_SETFL (O_NONBLOCK
 * and O_APPEND change; the access mode and creation flags are ignored, as
 * on Linux), F_DUPFD and F_DUPFD_CLOEXEC (the lowest free fd at or above
 * the argument), and on pipes F_GETPIPE_SZ and F_SETPIPE_SZ (rounded up to
 * a power of two from 4 KiB to 1 MiB). Anything else gives EINVAL.
 * O_NONBLOCK makes sockets, pipes, epoll sets, eventfds and timerfds
 * non-blocking; files never block. */
int fcntl(int fd, int command, ...) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
