/* A TCP and UDP echo server on one port, over epoll with non-blocking
 * sockets: argv[1] port (7), argv[2] how many TCP connections to serve
 * before exiting (0: for ever). Prints "served N connections, B bytes".
 * Ordinary POSIX: it builds with gpu-c++ for every target and with gcc for
 * Linux, unchanged. */
#define _GNU_SOURCE /* accept4 on Linux */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#define DIE(...)                                                                                   \
  do {                                                                                             \
    printf("FAIL line %d: ", __LINE__);                                                            \
    printf(__VA_ARGS__);                                                                           \
    printf(" (errno %d %s)\n", errno, strerror(errno));                                            \
    exit(1);                                                                                       \
  } while (0)

struct connection {
  int fd;
  unsigned char pending[16384]; /* received, not yet echoed */
  size_t start, end;
  int peer_done;
};

static int set_nonblocking(int fd) {
  return fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

int main(int argc, char **argv) {
  unsigned port = argc > 1 ? (unsigned)atoi(argv[1]) : 7;
  long to_serve = argc > 2 ? atol(argv[2]) : 0;
  struct sockaddr_in6 any = {.sin6_family = AF_INET6, .sin6_port = htons((uint16_t)port)};

  int listener = socket(AF_INET6, SOCK_STREAM | SOCK_NONBLOCK, 0);
  int one = 1;
  if (listener < 0 || setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) ||
      bind(listener, (struct sockaddr *)&any, sizeof any) || listen(listener, 1024))
    DIE("tcp listen on %u", port);
  int datagrams = socket(AF_INET6, SOCK_DGRAM, 0);
  if (datagrams < 0 || bind(datagrams, (struct sockaddr *)&any, sizeof any) ||
      set_nonblocking(datagrams))
    DIE("udp bind on %u", port);

  int ep = epoll_create1(0);
  struct epoll_event ev = {.events = EPOLLIN, .data.ptr = NULL};
  if (ep < 0 || epoll_ctl(ep, EPOLL_CTL_ADD, listener, &ev))
    DIE("epoll");
  ev.data.ptr = &datagrams;
  if (epoll_ctl(ep, EPOLL_CTL_ADD, datagrams, &ev))
    DIE("epoll udp");

  long served = 0, open = 0;
  unsigned long long bytes = 0;
  struct epoll_event events[64];
  while (to_serve == 0 || served < to_serve || open > 0) {
    int n = epoll_wait(ep, events, 64, -1);
    if (n < 0)
      DIE("epoll_wait");
    for (int i = 0; i < n; ++i) {
      if (events[i].data.ptr == NULL) {
        for (;;) {
          int fd = accept4(listener, NULL, NULL, SOCK_NONBLOCK);
          if (fd < 0) {
            if (errno != EAGAIN)
              DIE("accept");
            break;
          }
          struct connection *c = calloc(1, sizeof *c);
          if (!c) { /* no memory for one more: refuse it, keep serving the others */
            close(fd);
            continue;
          }
          c->fd = fd;
          struct epoll_event cev = {.events = EPOLLIN | EPOLLRDHUP, .data.ptr = c};
          if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &cev))
            DIE("epoll add");
          ++open;
        }
        continue;
      }
      if (events[i].data.ptr == &datagrams) {
        unsigned char buf[2048];
        struct sockaddr_in6 from;
        socklen_t length = sizeof from;
        ssize_t got;
        while ((got = recvfrom(datagrams, buf, sizeof buf, 0, (struct sockaddr *)&from, &length)) >=
               0) {
          sendto(datagrams, buf, (size_t)got, 0, (struct sockaddr *)&from, length);
          length = sizeof from;
        }
        continue;
      }
      struct connection *c = events[i].data.ptr;
      if (c->end == c->start && !c->peer_done) {
        ssize_t got = recv(c->fd, c->pending, sizeof c->pending, 0);
        if (got > 0) {
          c->start = 0;
          c->end = (size_t)got;
          bytes += (unsigned long long)got;
        } else if (got == 0 || errno != EAGAIN) {
          c->peer_done = 1;
        }
      }
      while (c->start < c->end) {
        ssize_t sent = send(c->fd, c->pending + c->start, c->end - c->start, MSG_NOSIGNAL);
        if (sent < 0) {
          if (errno != EAGAIN)
            c->peer_done = 1, c->start = c->end;
          break;
        }
        c->start += (size_t)sent;
      }
      struct epoll_event cev = {.events = c->start < c->end ? EPOLLOUT : EPOLLIN | EPOLLRDHUP,
                                .data.ptr = c};
      if (c->peer_done && c->start == c->end) {
        epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
        close(c->fd);
        free(c);
        --open;
        ++served;
      } else if (epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &cev)) {
        DIE("epoll mod");
      }
    }
  }
  printf("served %ld connections, %llu bytes\n", served, bytes);
  return 0;
}
