#include "ownership.h"

#include <errno.h>
#include <unistd.h>

int __ownership_change(int looked_up, uid_t owner, gid_t group) {
  if (looked_up < 0)
    return -1;
  if (geteuid() == 0)
    return 0;
  int owner_ok = owner == (uid_t)-1 || owner == geteuid();
  int group_ok = group == (gid_t)-1 || group == getegid();
  if (owner_ok && group_ok)
    return 0;
  errno = EPERM;
  return -1;
}
