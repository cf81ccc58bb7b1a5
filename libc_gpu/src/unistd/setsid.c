#include <unistd.h>

/* A VM is its own session and process group from its start: setsid() has
 * nothing left to do (Linux would refuse a group leader EPERM; servers
 * call it after fork, which a VM skips). */
pid_t setsid(void) {
  return getpid();
}
