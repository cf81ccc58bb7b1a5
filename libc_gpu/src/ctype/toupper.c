#include <ctype.h>

int toupper(int ch) {
  return islower(ch) ? ch & ~0x20 : ch;
}
