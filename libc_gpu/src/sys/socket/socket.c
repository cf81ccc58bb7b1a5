#include <sys/socket.h>

#include <lightkernel/syscall.h>

#include "../../__support/syscall_result.h"

int socket(int domain, int type, int protocol) {
  /* The kernel answers EAFNOSUPPORT for every family but AF_INET6. */
  return (int)__syscall_result(lk_socket(domain, type, protocol));
}
