#include <stdio.h>

#include "../__support/file_source.h"

int vscanf(const char *restrict format, va_list args) {
  return __scan_file(stdin, format, args);
}
