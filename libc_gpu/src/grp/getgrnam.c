#include <grp.h>
#include <string.h>

#include "../__support/accounts.h"

struct group *getgrnam(const char *name) {
  struct group *entry;
  __group_rewind();
  while ((entry = __group_next()) && strcmp(entry->gr_name, name) != 0)
    ;
  __accounts_close();
  return entry;
}
