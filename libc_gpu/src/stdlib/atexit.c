#include <stdlib.h>

#include "../__support/exit_handlers.h"

int atexit(void (*handler)(void)) {
  return __exit_handlers_add_plain(handler);
}
