#include <string.h>

#include "../__support/error_message.h"

/* strerror's message without its "Unknown error N": NULL for those. */
const char *strerrordesc_np(int error_number) {
  return __error_message(error_number);
}
