/* select and pselect over the light kernel's poll. */
#ifndef LIBC_GPU_SUPPORT_SELECT_POLL_H
#define LIBC_GPU_SUPPORT_SELECT_POLL_H

#include <stdint.h>
#include <sys/select.h>

/* Waits timeout_ns (negative: for ever) for the fds of the three sets
 * (any may be NULL) and rewrites them as select does. Returns the number of
 * bits set, or -1 with errno (EBADF for an fd that is not open, EINVAL,
 * ENOMEM). */
int __select_poll(int nfds, fd_set *read_set, fd_set *write_set, fd_set *except_set,
                  int64_t timeout_ns);

#endif
