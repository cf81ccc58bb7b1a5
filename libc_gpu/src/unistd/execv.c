#include <unistd.h>

#include "../__support/no_process.h"

int execv(const char *path, char *const argv[]) {
  (void)path, (void)argv;
  return __no_process("execv");
}
