#include <__libc_gpu/scanf.h>
#include <stdarg.h>
#include <stdio.h>

#include "../__support/string_source.h"

int sscanf(const char *restrict input, const char *restrict format, ...) {
  va_list args;
  va_start(args, format);
  int result = __scan_string(input, format, args);
  va_end(args);
  return result;
}
