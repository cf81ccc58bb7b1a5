/* poll and ppoll on every kind of fd, with Linux's values and layout. */
#ifndef __LIBC_GPU_POLL_H
#define __LIBC_GPU_POLL_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/sigset_t.h>
#include <__libc_gpu/timespec.h>

#define POLLIN 0x001
#define POLLPRI 0x002
#define POLLOUT 0x004
#define POLLERR 0x008
#define POLLHUP 0x010
#define POLLNVAL 0x020
#define POLLRDNORM 0x040
#define POLLRDBAND 0x080
#define POLLWRNORM 0x100
#define POLLWRBAND 0x200
#define POLLMSG 0x400
#define POLLREMOVE 0x1000
#define POLLRDHUP 0x2000

typedef unsigned long nfds_t;

struct pollfd {
  int fd;
  short events;
  short revents;
};

__LIBC_BEGIN_DECLS

/* timeout in milliseconds, negative: for ever. Parks the VM (its network
 * keeps running) until an fd is ready. Entries with a negative fd are
 * skipped; an fd that is not open reports POLLNVAL. More than 65,536
 * entries give EINVAL. */
int poll(struct pollfd *fds, nfds_t count, int timeout) __LIBC_NOEXCEPT;
/* timeout NULL: for ever. mask, when not NULL, is the signal mask during
 * the wait: a pending signal it unblocks is delivered at once and the call
 * fails with EINTR (nothing outside a VM sends it signals). */
int ppoll(struct pollfd *fds, nfds_t count, const struct timespec *timeout,
          const sigset_t *mask) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
