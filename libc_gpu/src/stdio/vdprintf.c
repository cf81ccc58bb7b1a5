#include <stdio.h>

#include "../__support/fd_sink.h"

int vdprintf(int fd, const char *restrict format, va_list args) {
  return __format_to_fd(fd, format, args);
}
