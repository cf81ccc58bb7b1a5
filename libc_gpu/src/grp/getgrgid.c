#include <grp.h>

#include "../__support/accounts.h"

struct group *getgrgid(gid_t gid) {
  struct group *entry;
  __group_rewind();
  while ((entry = __group_next()) && entry->gr_gid != gid)
    ;
  __accounts_close();
  return entry;
}
