#include <arpa/inet.h>
#include <errno.h>
#include <string.h>

#include "../../__support/inet_text.h"

const char *inet_ntop(int family, const void *address, char *out, socklen_t size) {
  char text[INET6_ADDRSTRLEN];
  size_t length;
  if (family == AF_INET)
    length = __inet_format4((const uint8_t *)address, text);
  else if (family == AF_INET6)
    length = __inet_format6((const uint8_t *)address, text);
  else {
    errno = EAFNOSUPPORT;
    return NULL;
  }
  if (length >= size) {
    errno = ENOSPC;
    return NULL;
  }
  memcpy(out, text, length + 1);
  return out;
}
