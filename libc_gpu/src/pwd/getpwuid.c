#include <pwd.h>

#include "../__support/accounts.h"

struct passwd *getpwuid(uid_t uid) {
  struct passwd *entry;
  __passwd_rewind();
  while ((entry = __passwd_next()) && entry->pw_uid != uid)
    ;
  __accounts_close();
  return entry;
}
