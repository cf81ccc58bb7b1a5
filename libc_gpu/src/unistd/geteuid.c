#include <unistd.h>

#include "../__support/identity.h"

uid_t geteuid(void) {
  return __identity.user.effective;
}
