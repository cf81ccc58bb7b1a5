#include <unistd.h>

#include "../__support/identity.h"

gid_t getegid(void) {
  return __identity.group.effective;
}
