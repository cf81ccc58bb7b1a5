#include <arpa/inet.h>
#include <netdb.h>
#include <string.h>
#include <strings.h>

#include "../__support/hosts.h"

/* IPv4 only, as the call is: a dotted address, "localhost" (127.0.0.1, as
 * Debian's /etc/hosts has it), or the IPv4 lines of the VM's /etc/hosts;
 * HOST_NOT_FOUND otherwise, since a VM has no DNS (and no IPv4 sockets:
 * getaddrinfo is the way to its addresses). */
struct hostent *gethostbyname(const char *name) {
  static struct hostent entry;
  static char canonical[HOSTS_NAME_SIZE];
  static unsigned char addresses[HOSTS_MAX_ADDRESSES][4];
  static char *address_list[HOSTS_MAX_ADDRESSES + 1];
  static char *no_aliases[1];
  int count = 0;
  struct in_addr numeric;
  if (inet_aton(name, &numeric)) {
    memcpy(addresses[0], &numeric, 4);
    count = 1;
    strncpy(canonical, name, sizeof canonical - 1);
  } else {
    struct __hosts_found found;
    __hosts_by_name(HOSTS_PATH, name, &found);
    for (int i = 0; i < found.count && count < HOSTS_MAX_ADDRESSES; ++i)
      if (found.addresses[i].ipv4)
        memcpy(addresses[count++], found.addresses[i].bytes, 4);
    if (count) {
      memcpy(canonical, found.canonical4, sizeof canonical);
    } else if (strcasecmp(name, "localhost") == 0) {
      static const unsigned char loopback[4] = {127, 0, 0, 1};
      memcpy(addresses[0], loopback, 4);
      count = 1;
      strcpy(canonical, "localhost");
    }
  }
  if (!count) {
    h_errno = HOST_NOT_FOUND;
    return NULL;
  }
  canonical[sizeof canonical - 1] = '\0';
  for (int i = 0; i < count; ++i)
    address_list[i] = (char *)addresses[i];
  address_list[count] = NULL;
  no_aliases[0] = NULL;
  entry.h_name = canonical;
  entry.h_aliases = no_aliases;
  entry.h_addrtype = AF_INET;
  entry.h_length = 4;
  entry.h_addr_list = address_list;
  return &entry;
}
