#include <unistd.h>

#include "../__support/identity.h"

int seteuid(uid_t id) {
  return __identity_set(&__identity.user, (unsigned)-1, id, (unsigned)-1);
}
