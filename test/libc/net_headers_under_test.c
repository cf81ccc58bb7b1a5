/* libc_gpu's network headers compiled as a program sees them: their macros
 * (FD_*, htons and friends, IN6_IS_ADDR_*, CMSG_*) and layouts, reached
 * through plain functions so that net_vs_glibc.c, which sees glibc's
 * headers, can compare them with glibc's. */

/* host_rename.h turns the byte order names into functions of libc_gpu; here
 * the headers' own macros are wanted. */
#undef htons
#undef htonl
#undef ntohs
#undef ntohl

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stddef.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "net_headers_under_test.h"

void libc_gpu_test_fd_ops(const int *ops, int count, unsigned char out[128]) {
  fd_set set;
  FD_ZERO(&set);
  for (int i = 0; i < count; ++i) {
    if (ops[i] > 0)
      FD_SET(ops[i] - 1, &set);
    else if (ops[i] < 0)
      FD_CLR(-ops[i] - 1, &set);
    else
      FD_ZERO(&set);
  }
  __builtin_memcpy(out, &set, sizeof set);
}

int libc_gpu_test_fd_isset(const unsigned char bits[128], int fd) {
  fd_set set;
  __builtin_memcpy(&set, bits, sizeof set);
  return FD_ISSET(fd, &set);
}

uint32_t libc_gpu_test_byte_order(int which, uint32_t value) {
  switch (which) {
  case 0:
    return htons((uint16_t)value);
  case 1:
    return ntohs((uint16_t)value);
  case 2:
    return htonl(value);
  default:
    return ntohl(value);
  }
}

int libc_gpu_test_in6_classes(const unsigned char bytes[16]) {
  struct in6_addr a;
  __builtin_memcpy(&a, bytes, 16);
  const struct in6_addr *p = &a;
  return IN6_IS_ADDR_UNSPECIFIED(p) << 0 | IN6_IS_ADDR_LOOPBACK(p) << 1 |
         IN6_IS_ADDR_MULTICAST(p) << 2 | IN6_IS_ADDR_LINKLOCAL(p) << 3 |
         IN6_IS_ADDR_SITELOCAL(p) << 4 | IN6_IS_ADDR_V4MAPPED(p) << 5 |
         IN6_IS_ADDR_V4COMPAT(p) << 6 | IN6_IS_ADDR_MC_NODELOCAL(p) << 7 |
         IN6_IS_ADDR_MC_LINKLOCAL(p) << 8 | IN6_IS_ADDR_MC_SITELOCAL(p) << 9 |
         IN6_IS_ADDR_MC_ORGLOCAL(p) << 10 | IN6_IS_ADDR_MC_GLOBAL(p) << 11 |
         IN6_ARE_ADDR_EQUAL(p, &in6addr_loopback) << 12 | IN6_ARE_ADDR_EQUAL(p, &in6addr_any) << 13;
}

size_t libc_gpu_test_cmsg(int which, size_t length) {
  switch (which) {
  case 0:
    return CMSG_SPACE(length);
  case 1:
    return CMSG_LEN(length);
  default:
    return CMSG_ALIGN(length);
  }
}

/* Walks a control buffer of `size` bytes; writes each header's offset. */
int libc_gpu_test_cmsg_walk(void *buffer, size_t size, size_t *offsets, int max) {
  struct msghdr message = {0, 0, 0, 0, buffer, size, 0};
  int n = 0;
  for (struct cmsghdr *c = CMSG_FIRSTHDR(&message); c && n < max; c = CMSG_NXTHDR(&message, c))
    offsets[n++] = (size_t)((unsigned char *)c - (unsigned char *)buffer);
  return n;
}

/* Sizes, offsets and constants, in a fixed order (net_headers_under_test.h). */
long libc_gpu_test_layout(int which) {
  static const long values[] = {
      sizeof(struct sockaddr),
      sizeof(struct sockaddr_storage),
      sizeof(struct sockaddr_in),
      sizeof(struct sockaddr_in6),
      offsetof(struct sockaddr_in6, sin6_port),
      offsetof(struct sockaddr_in6, sin6_flowinfo),
      offsetof(struct sockaddr_in6, sin6_addr),
      offsetof(struct sockaddr_in6, sin6_scope_id),
      sizeof(struct sockaddr_un),
      sizeof(struct msghdr),
      offsetof(struct msghdr, msg_iov),
      offsetof(struct msghdr, msg_iovlen),
      offsetof(struct msghdr, msg_control),
      offsetof(struct msghdr, msg_controllen),
      offsetof(struct msghdr, msg_flags),
      sizeof(struct cmsghdr),
      sizeof(struct addrinfo),
      offsetof(struct addrinfo, ai_addrlen),
      offsetof(struct addrinfo, ai_addr),
      offsetof(struct addrinfo, ai_canonname),
      offsetof(struct addrinfo, ai_next),
      sizeof(struct epoll_event),
      offsetof(struct epoll_event, data),
      sizeof(struct pollfd),
      sizeof(fd_set),
      sizeof(struct linger),
      AF_INET6,
      SOCK_STREAM,
      SOCK_DGRAM,
      SOCK_NONBLOCK,
      SOCK_CLOEXEC,
      SOL_SOCKET,
      SO_REUSEADDR,
      SO_REUSEPORT,
      SO_ERROR,
      SO_KEEPALIVE,
      SO_LINGER,
      SO_RCVBUF,
      SO_SNDBUF,
      SO_RCVTIMEO,
      SO_SNDTIMEO,
      MSG_PEEK,
      MSG_DONTWAIT,
      MSG_NOSIGNAL,
      MSG_TRUNC,
      MSG_WAITALL,
      SHUT_RDWR,
      SOMAXCONN,
      IPPROTO_TCP,
      IPPROTO_UDP,
      IPPROTO_IPV6,
      IPV6_V6ONLY,
      TCP_NODELAY,
      TCP_KEEPIDLE,
      TCP_KEEPINTVL,
      TCP_KEEPCNT,
      EPOLLIN,
      EPOLLOUT,
      EPOLLRDHUP,
      EPOLLET,
      EPOLLONESHOT,
      EPOLLEXCLUSIVE,
      POLLIN,
      POLLOUT,
      POLLRDHUP,
      POLLNVAL,
      AI_PASSIVE,
      AI_CANONNAME,
      AI_NUMERICHOST,
      AI_NUMERICSERV,
      AI_V4MAPPED,
      AI_ADDRCONFIG,
      NI_NUMERICHOST,
      NI_NUMERICSERV,
      NI_NAMEREQD,
      NI_DGRAM,
      NI_MAXHOST,
      NI_MAXSERV,
      EAI_NONAME,
      EAI_SERVICE,
      EAI_FAMILY,
      EAI_ADDRFAMILY,
      EAI_OVERFLOW,
      INET6_ADDRSTRLEN,
      INET_ADDRSTRLEN,
      FD_SETSIZE,
  };
  return which >= 0 && which < (int)(sizeof values / sizeof values[0]) ? values[which] : -1;
}
