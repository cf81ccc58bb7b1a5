#include <unistd.h>

#include "../__support/identity.h"

int setresuid(uid_t real, uid_t effective, uid_t saved) {
  return __identity_set(&__identity.user, real, effective, saved);
}
