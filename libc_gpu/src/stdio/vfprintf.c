#include <stdarg.h>
#include <stdio.h>

#include "../__support/file_sink.h"

int vfprintf(FILE *restrict stream, const char *restrict format, va_list args) {
  return __format_to_file(stream, format, args);
}
