#include <unistd.h>

#include "../__support/no_process.h"

int execle(const char *path, const char *arg, ...) {
  (void)path, (void)arg;
  return __no_process("execle");
}
