#include <signal.h>

#include "../__support/signal_mask.h"

int pthread_sigmask(int how, const sigset_t *set, sigset_t *old) {
  return __signal_mask_change(how, set, old);
}
