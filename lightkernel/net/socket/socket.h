/* BSD sockets over the stack: an open file whose object is a TCP or UDP
 * connection block. Calls that would block park the VM (net_wait) and
 * retry, unless the socket is non-blocking or the call says MSG_DONTWAIT. */
#ifndef LIGHTKERNEL_NET_SOCKET_SOCKET_H
#define LIGHTKERNEL_NET_SOCKET_SOCKET_H

#include "../../fd/fd.h"
#include "../net.h"

/* Waits until `deadline` (monotonic ns; < 0: none). 0: retry; -EAGAIN: the
 * deadline passed or the VM cannot wait; -EINTR: a timer signal of the VM's
 * is due (lk_signal_alarm), so the call returns EINTR and libc delivers it. */
int net_park(int64_t deadline);

/* What a blocking call answers when net_park stopped its wait: EINTR as it
 * is, anything else as the call's own `timed_out` answer. */
static inline long net_park_answer(int parked, long timed_out) {
  return parked == -NET_EINTR ? parked : timed_out;
}

/* lk_sendto and lk_recvfrom on an open file (read/write of a socket). */
long lk_sendto_file(struct lk_file *file, const struct lk_iovec *iov, int iov_count, int flags,
                    const void *address, uint32_t length);
long lk_recvfrom_file(struct lk_file *file, const struct lk_iovec *iov, int iov_count, int flags,
                      void *address, uint32_t *length, int *message_flags);

/* The socket's readiness (NET_POLL*), for poll and epoll. */
unsigned socket_poll(struct lk_file *file);

#endif
