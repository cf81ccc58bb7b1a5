#include <stdlib.h>
#include <string.h>

#include "../__support/environ.h"

int putenv(char *entry) {
  const char *equals = strchr(entry, '=');
  /* As glibc: without '=' the variable is removed, and putenv returns 0 even
   * where unsetenv refuses the name; with '=' the name may be empty. The
   * string itself goes into the environment, not a copy. */
  if (!equals) {
    unsetenv(entry);
    return 0;
  }
  return __env_put(entry, (size_t)(equals - entry));
}
