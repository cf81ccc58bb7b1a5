#include <errno.h>

/* A plain global: the compiler makes it per VM. */
static int errno_value;

int *__errno_location(void) {
  return &errno_value;
}
