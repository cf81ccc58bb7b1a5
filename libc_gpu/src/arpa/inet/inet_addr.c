#include <arpa/inet.h>
#include <string.h>

#include "../../__support/inet_text.h"

in_addr_t inet_addr(const char *text) {
  uint8_t bytes[4];
  if (!__inet_parse_aton(text, 0, bytes))
    return INADDR_NONE;
  in_addr_t address;
  memcpy(&address, bytes, 4);
  return address;
}
