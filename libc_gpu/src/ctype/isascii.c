#include <ctype.h>

int isascii(int ch) {
  return (unsigned)ch < 128;
}
