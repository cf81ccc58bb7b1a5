#include <errno.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../__support/hosts.h"
#include "../__support/inet_text.h"
#include "../__support/services.h"

/* glibc's accepted flags, the two IDN ones it still takes included. */
#define KNOWN_FLAGS                                                                                \
  (AI_PASSIVE | AI_CANONNAME | AI_NUMERICHOST | AI_V4MAPPED | AI_ALL | AI_ADDRCONFIG | AI_IDN |    \
   AI_CANONIDN | 0x0100 | 0x0200 | AI_NUMERICSERV)

/* The addresses found for the host: the hosts file's list holds at most
 * HOSTS_MAX_ADDRESSES, every other source one. */
struct lookup {
  int count;
  uint8_t addresses[HOSTS_MAX_ADDRESSES][16];
  uint32_t scope_id;
  const char *canonical;
};

static void add_address(struct lookup *found, const uint8_t bytes[16]) {
  memcpy(found->addresses[found->count++], bytes, 16);
}

static void map_ipv4(uint8_t out[16], const uint8_t ipv4[4]) {
  memset(out, 0, 10);
  out[10] = out[11] = 0xff;
  memcpy(out + 12, ipv4, 4);
}

/* "N" after '%': a scope id of at most 32 bits. */
static int parse_scope(const char *text, uint32_t *scope) {
  uint64_t value = 0;
  if (!*text)
    return 0;
  for (; *text; ++text) {
    if (*text < '0' || *text > '9')
      return 0;
    value = value * 10 + (uint64_t)(*text - '0');
    if (value > 0xffffffffu)
      return 0;
  }
  *scope = (uint32_t)value;
  return 1;
}

/* 0 when host is numeric (then found holds it), 1 when it is not numeric,
 * or an EAI_* code. */
static int numeric_host(const char *host, int flags, struct lookup *found) {
  const char *percent = strchr(host, '%');
  size_t length = percent ? (size_t)(percent - host) : strlen(host);
  char text[INET6_ADDRSTRLEN];
  if (length >= sizeof text)
    return 1;
  memcpy(text, host, length);
  text[length] = 0;
  uint8_t bytes[16];
  if (__inet_parse6(text, bytes)) {
    /* A scope names an interface by number; a VM has no named ones. */
    if (percent && !parse_scope(percent + 1, &found->scope_id))
      return EAI_NONAME;
    add_address(found, bytes);
    return 0;
  }
  if (percent || !__inet_parse_aton(text, 1, bytes))
    return 1;
  /* IPv4: only as an IPv4-mapped IPv6 address, when asked for. */
  if (!(flags & AI_V4MAPPED))
    return EAI_ADDRFAMILY;
  uint8_t mapped[16];
  map_ipv4(mapped, bytes);
  add_address(found, mapped);
  return 0;
}

/* The VM's /etc/hosts, then "localhost". 0 or an EAI_* code. */
static int host_by_name(const char *host, int flags, struct lookup *found,
                        char canonical[HOSTS_NAME_SIZE]) {
  struct __hosts_found *listed = (struct __hosts_found *)malloc(sizeof *listed);
  if (!listed)
    return EAI_MEMORY;
  int ipv4_only = 0;
  if (__hosts_by_name(HOSTS_PATH, host, listed)) {
    for (int i = 0; i < listed->count; ++i)
      if (!listed->addresses[i].ipv4)
        add_address(found, listed->addresses[i].bytes);
    memcpy(canonical, listed->canonical6, HOSTS_NAME_SIZE);
    /* IPv4 lines, mapped: with AI_V4MAPPED when there is no IPv6 line,
     * and with AI_ALL too. */
    int mapped = (flags & AI_V4MAPPED) && (!found->count || (flags & AI_ALL));
    for (int i = 0; mapped && i < listed->count; ++i)
      if (listed->addresses[i].ipv4) {
        map_ipv4(found->addresses[found->count++], listed->addresses[i].bytes);
        if (!canonical[0])
          memcpy(canonical, listed->canonical4, HOSTS_NAME_SIZE);
      }
    ipv4_only = !found->count;
  }
  free(listed);
  if (!found->count && !strcasecmp(host, "localhost")) {
    static const uint8_t loopback[16] = {[15] = 1};
    add_address(found, loopback);
    memcpy(canonical, "localhost", sizeof "localhost");
  }
  if (!found->count)
    return ipv4_only ? EAI_ADDRFAMILY : EAI_NONAME;
  found->canonical = canonical;
  return 0;
}

/* The port, and which protocols the service has (SERVICE_TCP/UDP bits). 0
 * or an EAI_* code. */
static int find_service(const char *service, int flags, int *port, int *protocols) {
  *protocols = SERVICE_TCP | SERVICE_UDP;
  *port = 0;
  if (!service)
    return 0;
  /* Numeric as glibc reads it: strtoul's text, the value as an int (so
   * 65536 is port 0 and 4294967295 is -1, which fails). */
  char *end;
  unsigned long value = strtoul(service, &end, 10);
  if (!*end) {
    int number = (int)value;
    if (number < 0)
      return EAI_SERVICE;
    *port = number & 0xffff;
    return 0;
  }
  if (flags & AI_NUMERICSERV)
    return EAI_NONAME;
  const struct __service *known = __service_by_name(service);
  if (!known)
    return EAI_SERVICE;
  *port = known->port;
  *protocols = known->protocols;
  return 0;
}

/* What strtoul reads whole. */
static int is_number(const char *service) {
  char *end;
  strtoul(service, &end, 10);
  return !*end;
}

static void free_list(struct addrinfo *list) {
  while (list) {
    struct addrinfo *next = list->ai_next;
    free(list);
    list = next;
  }
}

int getaddrinfo(const char *host, const char *service, const struct addrinfo *hints,
                struct addrinfo **result) {
  static const struct addrinfo no_hints = {
      AI_V4MAPPED | AI_ADDRCONFIG, AF_UNSPEC, 0, 0, 0, 0, 0, 0};
  /* As glibc: "*" is no name at all. */
  if (host && host[0] == '*' && !host[1])
    host = NULL;
  if (service && service[0] == '*' && !service[1])
    service = NULL;
  if (!host && !service)
    return EAI_NONAME;
  if (!hints)
    hints = &no_hints;
  int flags = hints->ai_flags;
  if ((flags & ~KNOWN_FLAGS) || ((flags & AI_CANONNAME) && !host))
    return EAI_BADFLAGS;
  int family = hints->ai_family;
  if (family != AF_UNSPEC && family != AF_INET && family != AF_INET6)
    return EAI_FAMILY;
  /* As glibc, before the socket type: a name where a number must be. */
  if (service && (flags & AI_NUMERICSERV) && !is_number(service))
    return EAI_NONAME;
  /* A VM has IPv6 alone: AF_UNSPEC is AF_INET6. */
  if (family == AF_INET)
    return EAI_FAMILY;

  /* Which socket types: TCP streams and UDP datagrams only. */
  int socktype = hints->ai_socktype, protocol = hints->ai_protocol;
  int wanted = 0;
  if ((socktype == 0 || socktype == SOCK_STREAM) && (protocol == 0 || protocol == IPPROTO_TCP))
    wanted |= SERVICE_TCP;
  if ((socktype == 0 || socktype == SOCK_DGRAM) && (protocol == 0 || protocol == IPPROTO_UDP))
    wanted |= SERVICE_UDP;
  if (!wanted)
    return EAI_SOCKTYPE;

  int port, protocols;
  int status = find_service(service, flags, &port, &protocols);
  if (status)
    return status;
  if (!(wanted &= protocols))
    return EAI_SERVICE;

  struct lookup found = {0};
  char canonical[HOSTS_NAME_SIZE];
  if (!host) {
    static const uint8_t any[16] = {0}, loopback[16] = {[15] = 1};
    add_address(&found, flags & AI_PASSIVE ? any : loopback);
  } else {
    status = numeric_host(host, flags, &found);
    if (status == 0)
      found.canonical = host;
    else if (status != 1)
      return status;
    else if (flags & AI_NUMERICHOST)
      return EAI_NONAME;
    else if ((status = host_by_name(host, flags, &found, canonical)))
      return status;
  }

  /* One entry per address and socket type, streams first, as glibc. Each
   * entry is one allocation: the addrinfo, its address, and on the first
   * one the canonical name. */
  struct addrinfo *head = NULL, **tail = &head;
  for (int i = 0; i < found.count; ++i)
    for (int type = SERVICE_TCP; type <= SERVICE_UDP; type <<= 1) {
      if (!(wanted & type))
        continue;
      int first = !head;
      size_t name_size =
          first && (flags & AI_CANONNAME) && found.canonical ? strlen(found.canonical) + 1 : 0;
      struct addrinfo *entry = (struct addrinfo *)malloc(sizeof(struct addrinfo) +
                                                         sizeof(struct sockaddr_in6) + name_size);
      if (!entry) {
        free_list(head);
        return EAI_MEMORY;
      }
      struct sockaddr_in6 *address = (struct sockaddr_in6 *)(entry + 1);
      memset(address, 0, sizeof *address);
      address->sin6_family = AF_INET6;
      address->sin6_port = htons((uint16_t)port);
      address->sin6_scope_id = found.scope_id;
      memcpy(address->sin6_addr.s6_addr, found.addresses[i], 16);
      entry->ai_flags = flags;
      entry->ai_family = AF_INET6;
      entry->ai_socktype = type == SERVICE_TCP ? SOCK_STREAM : SOCK_DGRAM;
      entry->ai_protocol = type == SERVICE_TCP ? IPPROTO_TCP : IPPROTO_UDP;
      entry->ai_addrlen = sizeof *address;
      entry->ai_addr = (struct sockaddr *)address;
      entry->ai_canonname = NULL;
      if (name_size) {
        entry->ai_canonname = (char *)(address + 1);
        memcpy(entry->ai_canonname, found.canonical, name_size);
      }
      entry->ai_next = NULL;
      *tail = entry;
      tail = &entry->ai_next;
    }
  *result = head;
  return 0;
}
