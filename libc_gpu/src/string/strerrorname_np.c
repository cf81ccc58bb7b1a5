#include <string.h>

#include "../__support/error_message.h"

const char *strerrorname_np(int error_number) {
  return __error_name(error_number);
}
