/* A hostile neighbour: VM 0 sends UDP datagrams to VM 1's port 7 as fast as
 * it can for argv[2] seconds (argv[1] the prefix), ignoring every error,
 * then prints how many went out; every other VM is an echo server on port
 * 7 (TCP and UDP) for ever. What the flood must not do is stop the others
 * from serving. */
#include <gpuvm.h>
#include <time.h>

#include "net.h"

#define main echo_server_main
#include "../../../../examples/echo/echo-server.c"
#undef main

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc < 3)
    DIE("usage: udp-flood PREFIX SECONDS");
  if (gpuvm_vm_id() != 0) {
    char *server[] = {argv[0], "7", "0", NULL};
    return echo_server_main(3, server);
  }
  struct sockaddr_in6 victim = vm_address(argv[1], 1, 7);
  int fd = socket(AF_INET6, SOCK_DGRAM, 0);
  if (fd < 0)
    DIE("socket");
  unsigned char datagram[1200];
  memset(datagram, 0x5a, sizeof datagram);
  double end = now() + atof(argv[2]);
  unsigned long long sent = 0, refused = 0;
  while (now() < end) {
    for (int i = 0; i < 256; ++i) {
      if (sendto(fd, datagram, sizeof datagram, MSG_DONTWAIT, (struct sockaddr *)&victim,
                 sizeof victim) == (ssize_t)sizeof datagram)
        ++sent;
      else
        ++refused;
    }
  }
  printf("flood over: %s datagrams sent\n", sent > 10000 ? "over 10000" : "too few");
  return 0;
}
