#include <stdarg.h>
#include <stdio.h>

int snprintf(char *restrict out, size_t size, const char *restrict format, ...) {
  va_list args;
  va_start(args, format);
  int result = vsnprintf(out, size, format, args);
  va_end(args);
  return result;
}
