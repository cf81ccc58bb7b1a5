#include <arpa/inet.h>
#include <string.h>

#include "../../__support/inet_text.h"

int inet_aton(const char *text, struct in_addr *out) {
  uint8_t bytes[4];
  if (!__inet_parse_aton(text, 0, bytes))
    return 0;
  /* As glibc: out may be NULL, to check the text alone. */
  if (out)
    memcpy(&out->s_addr, bytes, 4);
  return 1;
}
