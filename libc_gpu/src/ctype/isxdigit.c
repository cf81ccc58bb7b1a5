#include <ctype.h>

int isxdigit(int ch) {
  return isdigit(ch) || (unsigned)((ch | 0x20) - 'a') < 6;
}
