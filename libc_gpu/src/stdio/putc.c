#include <stdio.h>

int putc(int ch, FILE *stream) {
  return fputc(ch, stream);
}
