#include <unistd.h>

#include "../__support/identity.h"

int setresgid(gid_t real, gid_t effective, gid_t saved) {
  return __identity_set(&__identity.group, real, effective, saved);
}
