/* Sends argv[3] bytes of a stream seeded by argv[4] to the echo server at
 * argv[1] (an address, or a prefix with argv[5] the VM number) port argv[2],
 * reads the echo back at the same time, and checks every byte. Prints
 * "ok N bytes". */
#include "net.h"

#include <poll.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 5)
    DIE("usage: stream-client ADDRESS PORT BYTES SEED [VM]");
  struct sockaddr_in6 server =
      vm_address(argv[1], argc > 5 ? atol(argv[5]) : -1, (unsigned)atoi(argv[2]));
  unsigned long long total = strtoull(argv[3], NULL, 10);
  struct stream out = {strtoull(argv[4], NULL, 10) * 2654435761u + 1}, check = out;

  /* A server VM may not listen yet when its client boots (on a GPU they
   * start together): a refused connection is tried again, for 10 s. */
  int fd = -1;
  for (int attempt = 0; fd < 0 && attempt < 2000; ++attempt) {
    fd = socket(AF_INET6, SOCK_STREAM, 0);
    if (fd < 0)
      DIE("socket");
    if (connect(fd, (struct sockaddr *)&server, sizeof server) == 0)
      break;
    if (errno != ECONNREFUSED)
      DIE("connect");
    close(fd);
    fd = -1;
    usleep(5000);
  }
  if (fd < 0)
    DIE("connect: refused for 10 s");
  /* Not on the stack: a CUDA VM's stack is small. */
  static unsigned char sendbuf[16384], recvbuf[16384], expected[16384];
  size_t send_start = 0, send_end = 0;
  unsigned long long sent = 0, received = 0;
  while (received < total) {
    struct pollfd p = {fd, POLLIN | (sent < total ? POLLOUT : 0), 0};
    if (poll(&p, 1, 30000) <= 0)
      DIE("poll: stalled at %llu sent, %llu received", sent, received);
    if ((p.revents & POLLOUT) && sent < total) {
      if (send_start == send_end) {
        size_t n = total - sent < sizeof sendbuf ? (size_t)(total - sent) : sizeof sendbuf;
        stream_fill(&out, sendbuf, n);
        send_start = 0;
        send_end = n;
      }
      ssize_t n = send(fd, sendbuf + send_start, send_end - send_start, MSG_DONTWAIT);
      if (n < 0 && errno != EAGAIN)
        DIE("send");
      if (n > 0) {
        send_start += (size_t)n;
        sent += (unsigned long long)n;
        if (sent == total)
          shutdown(fd, SHUT_WR);
      }
    }
    if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
      ssize_t n = recv(fd, recvbuf, sizeof recvbuf, MSG_DONTWAIT);
      if (n < 0 && errno != EAGAIN)
        DIE("recv");
      if (n == 0)
        DIE("early end of stream at %llu of %llu", received, total);
      if (n > 0) {
        stream_fill(&check, expected, (size_t)n);
        if (memcmp(expected, recvbuf, (size_t)n))
          DIE("wrong byte near offset %llu", received);
        received += (unsigned long long)n;
      }
    }
  }
  char tail;
  if (recv(fd, &tail, 1, 0) != 0)
    DIE("no end of stream after %llu bytes", received);
  close(fd);
  printf("ok %llu bytes\n", received);
  return 0;
}
