#include <errno.h>
#include <signal.h>

#include "../__support/signal_state.h"

int sigismember(const sigset_t *set, int sig) {
  if (!__signal_valid(sig)) {
    errno = EINVAL;
    return -1;
  }
  return (set->__val[0] & __SIGNAL_BIT(sig)) != 0;
}
