#include <netdb.h>
#include <string.h>

#include "../__support/hosts.h"
#include "../__support/inet_text.h"
#include "../__support/services.h"

/* glibc's accepted flags, the two IDN ones it still takes included. */
#define KNOWN_FLAGS                                                                                \
  (NI_NUMERICHOST | NI_NUMERICSERV | NI_NOFQDN | NI_NAMEREQD | NI_DGRAM | NI_IDN | 0x40 | 0x80)

/* text into out, or EAI_OVERFLOW when out cannot hold it and its NUL. */
static int put(char *out, socklen_t size, const char *text, size_t length) {
  if (length >= size)
    return EAI_OVERFLOW;
  memcpy(out, text, length);
  out[length] = 0;
  return 0;
}

static int host_text(const uint8_t *address, int ipv4, uint32_t scope_id, int flags, char *out,
                     socklen_t size) {
  char name[HOSTS_NAME_SIZE];
  if (!(flags & NI_NUMERICHOST)) {
    static const uint8_t loopback[16] = {[15] = 1};
    if (__hosts_by_address(HOSTS_PATH, address, ipv4, name))
      return put(out, size, name, strlen(name));
    /* As getaddrinfo: ::1 is localhost without a hosts file. */
    if (!ipv4 && !memcmp(address, loopback, 16))
      return put(out, size, "localhost", 9);
  }
  if (flags & NI_NAMEREQD)
    return EAI_NONAME;
  size_t length = ipv4 ? __inet_format4(address, name) : __inet_format6(address, name);
  /* A scope id is always shown by number: a VM's interfaces have no
   * names. */
  if (scope_id) {
    name[length++] = '%';
    length += __inet_format_decimal(scope_id, name + length);
  }
  return put(out, size, name, length);
}

int getnameinfo(const struct sockaddr *address, socklen_t length, char *host, socklen_t host_size,
                char *service, socklen_t service_size, int flags) {
  if (flags & ~KNOWN_FLAGS)
    return EAI_BADFLAGS;
  if (!address || length < sizeof(sa_family_t))
    return EAI_FAMILY;
  const uint8_t *bytes;
  int ipv4;
  uint32_t scope_id = 0;
  in_port_t port;
  if (address->sa_family == AF_INET6 && length >= sizeof(struct sockaddr_in6)) {
    const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)address;
    bytes = in6->sin6_addr.s6_addr;
    ipv4 = 0;
    scope_id = in6->sin6_scope_id;
    port = in6->sin6_port;
  } else if (address->sa_family == AF_INET && length >= sizeof(struct sockaddr_in)) {
    const struct sockaddr_in *in = (const struct sockaddr_in *)address;
    bytes = (const uint8_t *)&in->sin_addr.s_addr;
    ipv4 = 1;
    port = in->sin_port;
  } else {
    return EAI_FAMILY;
  }
  if (host && host_size) {
    int status = host_text(bytes, ipv4, scope_id, flags, host, host_size);
    if (status)
      return status;
  }
  if (service && service_size) {
    unsigned number = ntohs(port);
    const char *name = flags & NI_NUMERICSERV
                           ? NULL
                           : __service_name(number, flags & NI_DGRAM ? SERVICE_UDP : SERVICE_TCP);
    char digits[11];
    if (!name) {
      __inet_format_decimal(number, digits);
      name = digits;
    }
    return put(service, service_size, name, strlen(name));
  }
  return 0;
}
