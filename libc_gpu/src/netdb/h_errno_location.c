#include <netdb.h>

/* A plain global: per VM. */
static int host_error;

int *__h_errno_location(void) {
  return &host_error;
}
