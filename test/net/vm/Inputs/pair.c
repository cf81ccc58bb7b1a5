/* VM-to-VM TCP on the device: of N VMs, VM k < N/2 is an echo server for
 * one connection and VM k + N/2 its client, sending argv[2] bytes. argv[1]
 * is the prefix ("fd00:6770:766d::"). */
#include <gpuvm.h>

#include "net.h"

#define main echo_server_main
#include "../../../../examples/echo/echo-server.c"
#undef main
#define main stream_client_main
#include "stream-client.c"
#undef main

int main(int argc, char **argv) {
  if (argc < 3)
    DIE("usage: pair PREFIX BYTES");
  unsigned half = gpuvm_vm_count() / 2, vm = gpuvm_vm_id();
  char peer[16], seed[16];
  snprintf(peer, sizeof peer, "%u", vm - half);
  snprintf(seed, sizeof seed, "%u", vm);
  if (vm < half) {
    char *server[] = {argv[0], "7", "1", NULL};
    return echo_server_main(3, server);
  }
  char *client[] = {argv[0], argv[1], "7", argv[2], seed, peer, NULL};
  return stream_client_main(6, client);
}
