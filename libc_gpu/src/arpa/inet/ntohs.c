#include <arpa/inet.h>

/* In parentheses, the name is the function, not the macro. */
uint16_t(ntohs)(uint16_t network) {
  return __builtin_bswap16(network);
}
