#include <errno.h>
#include <unistd.h>

#include "../__support/identity.h"

/* Linux allows 65,536 groups; a VM keeps 64. */
int setgroups(size_t count, const gid_t *list) {
  if (__identity.user.effective != 0) {
    errno = EPERM;
    return -1;
  }
  if (count > __IDENTITY_MAX_GROUPS) {
    errno = EINVAL;
    return -1;
  }
  for (size_t i = 0; i < count; ++i)
    __identity.groups[i] = list[i];
  __identity.group_count = (int)count;
  return 0;
}
