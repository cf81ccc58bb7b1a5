#include <stdarg.h>
#include <stdio.h>

#include "../__support/string_sink.h"

int vsnprintf(char *restrict out, size_t size, const char *restrict format, va_list args) {
  return __format_to_buffer(out, size, format, args);
}
