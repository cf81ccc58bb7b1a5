#include <stdio.h>

#include "../__support/file.h"

int fputc(int ch, FILE *stream) {
  char byte = (char)ch;
  return __file_write(stream, &byte, 1) ? EOF : (unsigned char)byte;
}
