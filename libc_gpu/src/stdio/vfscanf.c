#include <stdio.h>

#include "../__support/file_source.h"

int vfscanf(FILE *restrict stream, const char *restrict format, va_list args) {
  return __scan_file(stream, format, args);
}
