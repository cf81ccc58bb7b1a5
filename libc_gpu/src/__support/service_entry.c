#include "service_entry.h"

#include <string.h>

int __service_protocol(const char *protocol) {
  if (!protocol)
    return SERVICE_TCP | SERVICE_UDP;
  if (strcmp(protocol, "tcp") == 0)
    return SERVICE_TCP;
  if (strcmp(protocol, "udp") == 0)
    return SERVICE_UDP;
  return 0;
}

struct servent *__service_entry(const struct __service *service, int protocol) {
  static struct servent entry;
  static char *aliases[2];
  aliases[0] = (char *)service->alias;
  aliases[1] = NULL;
  entry.s_name = (char *)service->name;
  entry.s_aliases = aliases;
  entry.s_port = (int)(((service->port & 0xff) << 8) | (service->port >> 8));
  /* Either protocol asked: the first the service has, as /etc/services lists tcp first. */
  entry.s_proto = (char *)((protocol & service->protocols & SERVICE_TCP) ? "tcp" : "udp");
  return &entry;
}
