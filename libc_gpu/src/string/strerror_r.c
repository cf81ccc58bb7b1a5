#include <errno.h>
#include <string.h>

#include "../__support/error_message.h"

/* POSIX's strerror_r (glibc's __xpg_strerror_r): the message, cut to fit
 * and always terminated when size > 0; ERANGE when it was cut, EINVAL (with
 * "Unknown error N" written) for a number without a message. */
int strerror_r(int error_number, char *out, size_t size) {
  const char *message = __error_message(error_number);
  char unknown[UNKNOWN_ERROR_SIZE];
  if (!message) {
    __unknown_error_message(unknown, error_number);
    message = unknown;
  }
  size_t length = strlen(message);
  if (size > 0) {
    size_t copied = length < size - 1 ? length : size - 1;
    memcpy(out, message, copied);
    out[copied] = '\0';
  }
  if (message == unknown)
    return EINVAL;
  return size <= length ? ERANGE : 0;
}
