#include <errno.h>
#include <sys/wait.h>

/* A VM never has children (fork fails). */
pid_t waitpid(pid_t pid, int *status, int options) {
  (void)pid, (void)status, (void)options;
  errno = ECHILD;
  return -1;
}
