#include <__libc_gpu/scanf.h>
#include <stdio.h>

#include "../__support/scanf_core.h"

int vsscanf(const char *restrict input, const char *restrict format, va_list args) {
  return __scanf_core(input, format, args);
}
