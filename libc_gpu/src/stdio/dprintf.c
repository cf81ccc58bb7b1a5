#include <stdarg.h>
#include <stdio.h>

#include "../__support/fd_sink.h"

int dprintf(int fd, const char *restrict format, ...) {
  va_list args;
  va_start(args, format);
  int result = __format_to_fd(fd, format, args);
  va_end(args);
  return result;
}
