/* getservbyname and getservbyport answer from the service table
 * (services.h) in one struct servent per VM, as glibc's static one. */
#ifndef LIBC_GPU_SUPPORT_SERVICE_ENTRY_H
#define LIBC_GPU_SUPPORT_SERVICE_ENTRY_H

#include <netdb.h>

#include "services.h"

/* "tcp" or "udp", or NULL for either: SERVICE_* bits; 0 for another. */
int __service_protocol(const char *protocol);
/* The entry for `service` with the protocol given (one SERVICE_* bit). */
struct servent *__service_entry(const struct __service *service, int protocol);

#endif
