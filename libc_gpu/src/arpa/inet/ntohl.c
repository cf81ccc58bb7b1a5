#include <arpa/inet.h>

/* In parentheses, the name is the function, not the macro. */
uint32_t(ntohl)(uint32_t network) {
  return __builtin_bswap32(network);
}
