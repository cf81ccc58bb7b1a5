#include <stdio.h>

#include "../__support/file.h"

int fgetc(FILE *stream) {
  char ch;
  return __file_read(stream, &ch, 1) ? (unsigned char)ch : EOF;
}
