/* Peers of a VM that has exited: of N VMs, VM k < N/2 serves VM k + N/2,
 * which sends one line over TCP and one UDP datagram, then exits. The server
 * keeps writing to both: the exited VM has no stack left to answer, so the
 * router answers for it, a reset for TCP (the write fails with ECONNRESET
 * or EPIPE) and Destination Unreachable for UDP (EHOSTUNREACH), instead of
 * segments retransmitted into a ring nobody reads. argv[1] is the prefix. */
#include "net.h"

#include <gpuvm.h>
#include <time.h>
#include <unistd.h>

#define PORT 7000

/* Writes one byte every 10 ms until a write fails (5 s at most): errno. */
static int write_until_refused(int fd, const struct sockaddr_in6 *to) {
  for (int tries = 0; tries < 500; ++tries) {
    ssize_t n = to ? sendto(fd, "x", 1, 0, (const struct sockaddr *)to, sizeof *to)
                   : send(fd, "x", 1, MSG_NOSIGNAL);
    if (n < 0)
      return errno;
    usleep(10000);
  }
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 2)
    DIE("usage: exited-peer PREFIX");
  unsigned half = gpuvm_vm_count() / 2, vm = gpuvm_vm_id();
  if (vm >= half) {
    struct sockaddr_in6 server = vm_address(argv[1], vm - half, PORT);
    int fd = socket(AF_INET6, SOCK_STREAM, 0), udp = socket(AF_INET6, SOCK_DGRAM, 0);
    for (int attempt = 0; connect(fd, (struct sockaddr *)&server, sizeof server); ++attempt) {
      if (attempt == 500)
        DIE("connect");
      close(fd);
      fd = socket(AF_INET6, SOCK_STREAM, 0);
      usleep(10000);
    }
    if (send(fd, "bye\n", 4, 0) != 4 ||
        sendto(udp, "hi", 2, 0, (struct sockaddr *)&server, sizeof server) != 2)
      DIE("send");
    return 0; /* closes both, and the VM's stack stops */
  }
  struct sockaddr_in6 any = vm_address("::", -1, PORT);
  int listener = socket(AF_INET6, SOCK_STREAM, 0), udp = socket(AF_INET6, SOCK_DGRAM, 0);
  if (bind(listener, (struct sockaddr *)&any, sizeof any) || listen(listener, 4) ||
      bind(udp, (struct sockaddr *)&any, sizeof any))
    DIE("listen");
  int fd = accept(listener, NULL, NULL);
  char line[8];
  struct sockaddr_in6 peer;
  socklen_t peer_length = sizeof peer;
  if (fd < 0 || recv(fd, line, 4, MSG_WAITALL) != 4 ||
      recvfrom(udp, line, sizeof line, 0, (struct sockaddr *)&peer, &peer_length) != 2)
    DIE("receive");
  while (recv(fd, line, sizeof line, 0) > 0) /* until the client's FIN */
    ;
  int tcp_error = write_until_refused(fd, NULL);
  int udp_error = write_until_refused(udp, &peer);
  printf("tcp: %s, udp: %s\n",
         tcp_error == ECONNRESET || tcp_error == EPIPE ? "reset" : strerror(tcp_error),
         udp_error == EHOSTUNREACH ? "unreachable" : strerror(udp_error));
  return 0;
}
