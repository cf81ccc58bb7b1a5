#include <pwd.h>
#include <string.h>

#include "../__support/accounts.h"

struct passwd *getpwnam(const char *name) {
  struct passwd *entry;
  __passwd_rewind();
  while ((entry = __passwd_next()) && strcmp(entry->pw_name, name) != 0)
    ;
  __accounts_close();
  return entry;
}
