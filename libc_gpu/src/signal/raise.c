#include <errno.h>
#include <signal.h>
#include <stddef.h>

#include "../__support/signal_state.h"

int raise(int sig) {
  if (!__signal_valid(sig)) {
    errno = EINVAL;
    return -1;
  }
  __signal_deliver(sig, NULL);
  return 0;
}
