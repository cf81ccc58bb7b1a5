#include <stdarg.h>
#include <stdio.h>

#include "../__support/file_source.h"

int fscanf(FILE *restrict stream, const char *restrict format, ...) {
  va_list args;
  va_start(args, format);
  int result = __scan_file(stream, format, args);
  va_end(args);
  return result;
}
