#include <arpa/inet.h>

/* In parentheses, the name is the function, not the macro. */
uint32_t(htonl)(uint32_t host) {
  return __builtin_bswap32(host);
}
