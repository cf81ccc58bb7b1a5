#include <__libc_gpu/scanf.h>
#include <stdio.h>

#include "../__support/string_source.h"

int vsscanf(const char *restrict input, const char *restrict format, va_list args) {
  return __scan_string(input, format, args);
}
