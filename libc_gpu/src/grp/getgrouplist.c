#include <grp.h>
#include <string.h>

#include "../__support/accounts.h"

/* As glibc: every group found is counted; -1 when they do not all fit in
 * *count, which then says how many there are. */
int getgrouplist(const char *user, gid_t group, gid_t *groups, int *count) {
  int found = 0, room = *count;
  if (found < room)
    groups[found] = group;
  ++found;
  struct group *entry;
  __group_rewind();
  while ((entry = __group_next())) {
    if (entry->gr_gid == group)
      continue;
    for (char **member = entry->gr_mem; *member; ++member)
      if (strcmp(*member, user) == 0) {
        if (found < room)
          groups[found] = entry->gr_gid;
        ++found;
        break;
      }
  }
  __accounts_close();
  *count = found;
  return found <= room ? found : -1;
}
