/* One image, two roles, for VM-to-VM benchmarks through the router: of the
 * image's VMs, the first S run an example server and the rest run loadgen,
 * client k (counted from S) against server k % S. The server's and the
 * client's programs are the examples, unchanged, compiled with their main
 * renamed (-Dmain=server_main, -Dmain=loadgen_main).
 *
 *   gpuvm run pair.img --vms S+C -- PREFIX S SERVER-ARGS... -- LOADGEN-ARGS...
 *
 * A server gets one more argument, last: how many connections its clients
 * will open (then it exits once they are closed). A client gets
 * "--host ADDRESS --id K" after its arguments: its server's address (VM k
 * is PREFIX::100+k) and its own number, which keeps its keys apart. */
#include <arpa/inet.h>
#include <gpuvm.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int server_main(int argc, char **argv);
int loadgen_main(int argc, char **argv);

#define MAX_ARGS 64

int main(int argc, char **argv) {
  int split = 3;
  while (split < argc && strcmp(argv[split], "--") != 0)
    ++split;
  unsigned servers = argc > 2 ? (unsigned)atoi(argv[2]) : 0;
  unsigned vms = gpuvm_vm_count(), vm = gpuvm_vm_id();
  struct in6_addr prefix;
  if (split >= argc || servers == 0 || servers >= vms || argc > MAX_ARGS ||
      inet_pton(AF_INET6, argv[1], &prefix) != 1) {
    printf("vm-pair: usage: PREFIX SERVERS SERVER-ARGS... -- LOADGEN-ARGS... (SERVERS below the "
           "VM count, %u)\n",
           vms);
    return 2;
  }
  char *args[MAX_ARGS + 4];
  int n = 0;
  args[n++] = argv[0];
  if (vm < servers) {
    /* each client opens --connections (1 unless told) */
    unsigned per_client = 1, clients = vms - servers;
    for (int i = split + 1; i + 1 < argc; ++i)
      if (strcmp(argv[i], "--connections") == 0)
        per_client = (unsigned)atoi(argv[i + 1]);
    unsigned mine = clients / servers + (vm < clients % servers);
    char count[16];
    snprintf(count, sizeof count, "%u", mine * per_client);
    for (int i = 3; i < split; ++i)
      args[n++] = argv[i];
    args[n++] = count;
    args[n] = NULL;
    return server_main(n, args);
  }
  unsigned server = 0x100 + (vm - servers) % servers;
  for (int byte = 15; byte >= 12; --byte, server >>= 8)
    prefix.s6_addr[byte] = (unsigned char)server;
  char address[INET6_ADDRSTRLEN], id[16];
  inet_ntop(AF_INET6, &prefix, address, sizeof address);
  snprintf(id, sizeof id, "%u", vm);
  for (int i = split + 1; i < argc; ++i)
    args[n++] = argv[i];
  args[n++] = "--host";
  args[n++] = address;
  args[n++] = "--id";
  args[n++] = id;
  args[n] = NULL;
  return loadgen_main(n, args);
}
