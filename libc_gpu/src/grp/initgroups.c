#include <errno.h>
#include <grp.h>
#include <unistd.h>

#include "../__support/identity.h"

int initgroups(const char *user, gid_t group) {
  gid_t list[__IDENTITY_MAX_GROUPS];
  int count = __IDENTITY_MAX_GROUPS;
  if (getgrouplist(user, group, list, &count) < 0) {
    errno = EINVAL; /* more groups than a VM keeps */
    return -1;
  }
  return setgroups((size_t)count, list);
}
