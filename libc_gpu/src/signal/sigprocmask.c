#include <errno.h>
#include <signal.h>

#include "../__support/signal_mask.h"

int sigprocmask(int how, const sigset_t *set, sigset_t *old) {
  int error = __signal_mask_change(how, set, old);
  if (error) {
    errno = error;
    return -1;
  }
  return 0;
}
