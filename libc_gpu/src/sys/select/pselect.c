#include <errno.h>
#include <sys/select.h>

#include "../../__support/select_poll.h"
#include "../../__support/timeout.h"
#include "../../__support/wait_mask.h"

int pselect(int nfds, fd_set *read_set, fd_set *write_set, fd_set *except_set,
            const struct timespec *timeout, const sigset_t *mask) {
  int64_t ns;
  int invalid = __timeout_from_timespec(timeout, &ns);
  if (invalid) {
    errno = invalid;
    return -1;
  }
  sigset_t saved;
  if (__wait_mask_begin(mask, &saved))
    return -1;
  int result = __select_poll(nfds, read_set, write_set, except_set, ns);
  __wait_mask_end(mask, &saved);
  return result;
}
