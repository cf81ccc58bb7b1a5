#include <execinfo.h>
#include <stdio.h>
#include <unistd.h>

void backtrace_symbols_fd(void *const *buffer, int size, int fd) {
  /* As backtrace_symbols names them, one line each, without malloc (the
   * call is made from crash handlers). */
  for (int i = 0; i < size; ++i) {
    char line[32];
    int length = snprintf(line, sizeof line, "[%p]\n", buffer[i]);
    if (write(fd, line, (size_t)length) < 0)
      return;
  }
}
