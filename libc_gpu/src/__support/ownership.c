#include "ownership.h"

#include <errno.h>
#include <unistd.h>

int __ownership_change_allowed(uid_t owner, gid_t group) {
  if (geteuid() == 0)
    return 0;
  int owner_ok = owner == (uid_t)-1 || owner == geteuid();
  int group_ok = group == (gid_t)-1 || group == getegid();
  return owner_ok && group_ok ? 0 : EPERM;
}
