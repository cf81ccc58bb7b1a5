#include <sys/socket.h>

int accept(int fd, struct sockaddr *address, socklen_t *length) {
  return accept4(fd, address, length, 0);
}
