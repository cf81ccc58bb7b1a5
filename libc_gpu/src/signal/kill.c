#include <errno.h>
#include <signal.h>
#include <unistd.h>

/* A VM sees one process, itself (its pid, its group, or 0 and -1 for
 * "everyone it may signal"); signal 0 asks only whether the target exists. */
int kill(pid_t pid, int sig) {
  pid_t self = getpid();
  if (pid != self && pid != -self && pid != 0 && pid != -1) {
    errno = ESRCH;
    return -1;
  }
  if (sig == 0)
    return 0;
  return raise(sig);
}
