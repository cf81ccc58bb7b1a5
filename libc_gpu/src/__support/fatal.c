#include "fatal.h"

#include <stdlib.h>
#include <string.h>

#include <lightkernel/syscall.h>

_Noreturn void __libc_fatal(const char *message) {
  lk_write(2, message, strlen(message));
  abort();
}
