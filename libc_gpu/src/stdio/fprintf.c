#include <stdarg.h>
#include <stdio.h>

int fprintf(FILE *restrict stream, const char *restrict format, ...) {
  va_list args;
  va_start(args, format);
  int result = vfprintf(stream, format, args);
  va_end(args);
  return result;
}
