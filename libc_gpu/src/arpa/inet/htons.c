#include <arpa/inet.h>

/* In parentheses, the name is the function, not the macro. */
uint16_t(htons)(uint16_t host) {
  return __builtin_bswap16(host);
}
