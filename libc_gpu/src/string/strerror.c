#include <string.h>

#include "../__support/error_message.h"

char *strerror(int error_number) {
  const char *message = __error_message(error_number);
  if (message)
    return (char *)message;
  /* A plain global: each VM has its own. */
  static char unknown_message[UNKNOWN_ERROR_SIZE];
  __unknown_error_message(unknown_message, error_number);
  return unknown_message;
}
