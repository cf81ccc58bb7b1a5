#include <errno.h>
#include <signal.h>

#include "../__support/signal_state.h"

int sigaddset(sigset_t *set, int sig) {
  if (!__signal_valid(sig)) {
    errno = EINVAL;
    return -1;
  }
  unsigned long bit = __SIGNAL_BIT(sig);
  set->__val[0] |= bit;
  return 0;
}
