#include <unistd.h>

#include "../__support/identity.h"

int setegid(gid_t id) {
  return __identity_set(&__identity.group, (unsigned)-1, id, (unsigned)-1);
}
