#include <signal.h>
#include <unistd.h>

int pause(void) {
  sigset_t current;
  sigprocmask(SIG_BLOCK, NULL, &current);
  return sigsuspend(&current);
}
