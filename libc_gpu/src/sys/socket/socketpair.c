#include <errno.h>
#include <sys/socket.h>

int socketpair(int domain, int type, int protocol, int fds[2]) {
  (void)type, (void)protocol, (void)fds;
  /* A VM has no AF_UNIX sockets, and TCP and UDP have no pairs (Linux's
   * answer for AF_INET6). */
  errno = domain == AF_INET6 ? EOPNOTSUPP : EAFNOSUPPORT;
  return -1;
}
