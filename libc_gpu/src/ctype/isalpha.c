#include <ctype.h>

int isalpha(int ch) {
  return (unsigned)((ch | 0x20) - 'a') < 26;
}
