#include <unistd.h>

/* A VM's parent is the runtime, which it cannot reach by pid: init's. */
pid_t getppid(void) {
  return 1;
}
