/* epoll, kept by the VM's kernel: sockets, eventfds, timerfds, files and
 * the console in one set, level- or edge-triggered, with Linux's values and
 * layout. */
#ifndef __LIBC_GPU_SYS_EPOLL_H
#define __LIBC_GPU_SYS_EPOLL_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/sigset_t.h>
#include <stdint.h>

#define EPOLL_CLOEXEC 02000000

#define EPOLL_CTL_ADD 1
#define EPOLL_CTL_DEL 2
#define EPOLL_CTL_MOD 3

#define EPOLLIN 0x001u
#define EPOLLPRI 0x002u
#define EPOLLOUT 0x004u
#define EPOLLERR 0x008u
#define EPOLLHUP 0x010u
#define EPOLLRDNORM 0x040u
#define EPOLLRDBAND 0x080u
#define EPOLLWRNORM 0x100u
#define EPOLLWRBAND 0x200u
#define EPOLLMSG 0x400u
#define EPOLLRDHUP 0x2000u
#define EPOLLEXCLUSIVE (1u << 28)
#define EPOLLWAKEUP (1u << 29)
#define EPOLLONESHOT (1u << 30)
#define EPOLLET (1u << 31)

typedef union epoll_data {
  void *ptr;
  int fd;
  uint32_t u32;
  uint64_t u64;
} epoll_data_t;

/* Packed, 12 bytes, on every target: x86-64 Linux's layout, which the
 * kernel reads. */
struct epoll_event {
  uint32_t events;
  epoll_data_t data;
} __attribute__((__packed__));

__LIBC_BEGIN_DECLS

/* size is only checked (EINVAL when not positive), as on Linux. */
int epoll_create(int size) __LIBC_NOEXCEPT;
/* flags: EPOLL_CLOEXEC. */
int epoll_create1(int flags) __LIBC_NOEXCEPT;
int epoll_ctl(int epfd, int op, int fd, struct epoll_event *event) __LIBC_NOEXCEPT;
/* timeout in milliseconds, negative: for ever. Parks the VM (its network
 * keeps running) until an fd is ready. */
int epoll_wait(int epfd, struct epoll_event *events, int max_events, int timeout) __LIBC_NOEXCEPT;
/* mask, when not NULL, is the signal mask during the wait: a pending signal
 * it unblocks is delivered at once and the call fails with EINTR. */
int epoll_pwait(int epfd, struct epoll_event *events, int max_events, int timeout,
                const sigset_t *mask) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
