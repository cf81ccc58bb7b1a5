#include <unistd.h>

#include "../__support/identity.h"

/* As Linux: with privilege all three ids, without it the effective one. */
int setgid(gid_t id) {
  if (__identity.user.effective == 0)
    return __identity_set(&__identity.group, id, id, id);
  return __identity_set(&__identity.group, (unsigned)-1, id, (unsigned)-1);
}
