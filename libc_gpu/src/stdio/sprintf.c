#include <stdarg.h>
#include <stdio.h>

int sprintf(char *restrict out, const char *restrict format, ...) {
  va_list args;
  va_start(args, format);
  int result = vsprintf(out, format, args);
  va_end(args);
  return result;
}
