#include <errno.h>
#include <signal.h>

int killpg(pid_t group, int sig) {
  if (group < 0) {
    errno = EINVAL;
    return -1;
  }
  return kill(-group, sig);
}
