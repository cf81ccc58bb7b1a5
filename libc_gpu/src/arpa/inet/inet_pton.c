#include <arpa/inet.h>
#include <errno.h>

#include "../../__support/inet_text.h"

int inet_pton(int family, const char *text, void *out) {
  if (family == AF_INET)
    return __inet_parse4(text, (uint8_t *)out);
  if (family == AF_INET6)
    return __inet_parse6(text, (uint8_t *)out);
  errno = EAFNOSUPPORT;
  return -1;
}
