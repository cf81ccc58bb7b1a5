#include <unistd.h>

#include "../__support/identity.h"

gid_t getgid(void) {
  return __identity.group.real;
}
