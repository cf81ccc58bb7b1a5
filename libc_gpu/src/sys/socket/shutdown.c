#include <sys/socket.h>

#include <lightkernel/syscall.h>

#include "../../__support/syscall_result.h"

int shutdown(int fd, int how) {
  return (int)__syscall_result(lk_shutdown(fd, how));
}
