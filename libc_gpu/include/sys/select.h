/* select and pselect, over the light kernel's poll: every kind of fd
 * (sockets, files, the console, epoll sets, eventfds, timerfds) may be in a
 * set. Values and layouts are Linux's. */
#ifndef __LIBC_GPU_SYS_SELECT_H
#define __LIBC_GPU_SYS_SELECT_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/sigset_t.h>
#include <__libc_gpu/timespec.h>
#include <__libc_gpu/timeval.h>
#include <__libc_gpu/types.h>

#define FD_SETSIZE 1024

typedef long __fd_mask;
#define __NFDBITS (8 * (int)sizeof(__fd_mask))
#define NFDBITS __NFDBITS

typedef struct {
  __fd_mask fds_bits[FD_SETSIZE / __NFDBITS];
} fd_set;

/* fd must be 0 .. FD_SETSIZE - 1, as everywhere. */
#define __FD_ELT(fd) ((fd) / __NFDBITS)
#define __FD_MASK(fd) ((__fd_mask)(1UL << ((fd) % __NFDBITS)))
#define FD_SET(fd, set) ((void)((set)->fds_bits[__FD_ELT(fd)] |= __FD_MASK(fd)))
#define FD_CLR(fd, set) ((void)((set)->fds_bits[__FD_ELT(fd)] &= ~__FD_MASK(fd)))
#define FD_ISSET(fd, set) (((set)->fds_bits[__FD_ELT(fd)] & __FD_MASK(fd)) != 0)
#define FD_ZERO(set) ((void)__builtin_memset((set), 0, sizeof(fd_set)))

__LIBC_BEGIN_DECLS

/* As on Linux: fds that are ready stay set, the others are cleared; returns
 * how many bits are set over the three sets. An fd that is not open gives
 * EBADF; nfds below 0 or a negative timeout gives EINVAL; nfds above
 * FD_SETSIZE counts as FD_SETSIZE. A read set reports readable, hung-up and
 * failed fds, a write set writable and failed ones, an except set urgent
 * data (POLLPRI). select writes the time left into *timeout, as Linux does.
 * Nothing outside a VM sends it signals, so the wait is never interrupted. */
int select(int nfds, fd_set *__LIBC_RESTRICT readfds, fd_set *__LIBC_RESTRICT writefds,
           fd_set *__LIBC_RESTRICT exceptfds,
           struct timeval *__LIBC_RESTRICT timeout) __LIBC_NOEXCEPT;
/* mask, when not NULL, is the signal mask during the wait: a pending signal
 * it unblocks is delivered at once and the call fails with EINTR. */
int pselect(int nfds, fd_set *__LIBC_RESTRICT readfds, fd_set *__LIBC_RESTRICT writefds,
            fd_set *__LIBC_RESTRICT exceptfds, const struct timespec *__LIBC_RESTRICT timeout,
            const sigset_t *__LIBC_RESTRICT mask) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
