#include <signal.h>
#include <string.h>

sighandler_t signal(int sig, sighandler_t handler) {
  struct sigaction action, old;
  memset(&action, 0, sizeof action);
  action.sa_handler = handler;
  /* glibc's BSD semantics: restart, keep the handler, block the signal. */
  action.sa_flags = SA_RESTART;
  if (sigaction(sig, &action, &old) < 0)
    return SIG_ERR;
  return old.sa_handler;
}
