#include <arpa/inet.h>

#include "../../__support/inet_text.h"

char *inet_ntoa(struct in_addr address) {
  /* A plain global: each VM has its own. */
  static char text[INET_ADDRSTRLEN];
  __inet_format4((const uint8_t *)&address.s_addr, text);
  return text;
}
