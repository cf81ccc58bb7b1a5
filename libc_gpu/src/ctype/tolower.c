#include <ctype.h>

int tolower(int ch) {
  return isupper(ch) ? ch | 0x20 : ch;
}
