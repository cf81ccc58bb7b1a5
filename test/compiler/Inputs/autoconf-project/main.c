#include "config.h"

#include <stdio.h>

unsigned checksum(const char *text);

int main(int argc, char **argv) {
  printf("host_os=%s sizeof(long)=%d", HOST_OS, SIZEOF_LONG);
#ifdef HAVE_SYS_EPOLL_H
  printf(" epoll.h");
#endif
#ifdef HAVE_EPOLL_CREATE1
  printf(" epoll_create1");
#endif
#ifdef HAVE_GETADDRINFO
  printf(" getaddrinfo");
#endif
#ifdef HAVE_NO_SUCH_HEADER_H
  printf(" WRONG-header");
#endif
#ifdef HAVE_NO_SUCH_FUNCTION_ANYWHERE
  printf(" WRONG-function");
#endif
#ifdef WORDS_BIGENDIAN
  printf(" big-endian");
#else
  printf(" little-endian");
#endif
  printf(" checksum(%s)=%u\n", argc > 1 ? argv[1] : "", checksum(argc > 1 ? argv[1] : ""));
  return 0;
}
