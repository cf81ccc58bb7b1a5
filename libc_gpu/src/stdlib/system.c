#include <stdlib.h>

#include "../__support/no_process.h"

/* A NULL command asks whether a shell exists: none does (0). Anything else
 * would need a child process: -1 with ENOSYS, as glibc answers when it
 * cannot fork. */
int system(const char *command) {
  if (!command)
    return 0;
  return __no_process("system");
}
