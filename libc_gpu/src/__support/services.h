/* The service names getaddrinfo and getnameinfo know: a VM has no
 * /etc/services of its own, so these are the best-known entries of
 * Debian's, with their ports, protocols and aliases. */
#ifndef LIBC_GPU_SUPPORT_SERVICES_H
#define LIBC_GPU_SUPPORT_SERVICES_H

#define SERVICE_TCP 1
#define SERVICE_UDP 2

struct __service {
  const char *name;
  const char *alias; /* or NULL */
  unsigned short port;
  unsigned char protocols; /* SERVICE_TCP | SERVICE_UDP */
};

/* By name or alias (exact, as /etc/services is read); NULL when unknown. */
const struct __service *__service_by_name(const char *name);
/* The name of port for the protocol (SERVICE_TCP or SERVICE_UDP), or NULL. */
const char *__service_name(unsigned port, int protocol);

#endif
