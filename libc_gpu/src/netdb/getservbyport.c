#include <netdb.h>

#include "../__support/service_entry.h"

/* port in network byte order, as getservbyname gives it. */
struct servent *getservbyport(int port, const char *protocol) {
  int wanted = __service_protocol(protocol);
  unsigned host_order = ((unsigned)port >> 8 & 0xff) | ((unsigned)port & 0xff) << 8;
  for (int tried = SERVICE_TCP; tried <= SERVICE_UDP; tried <<= 1) {
    if (!(wanted & tried))
      continue;
    const char *name = __service_name(host_order, tried);
    if (name)
      return __service_entry(__service_by_name(name), tried);
  }
  return NULL;
}
