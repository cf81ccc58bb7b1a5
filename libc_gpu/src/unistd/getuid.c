#include <unistd.h>

#include "../__support/identity.h"

uid_t getuid(void) {
  return __identity.user.real;
}
