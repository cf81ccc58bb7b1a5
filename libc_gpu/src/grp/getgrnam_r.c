#include <grp.h>

#include "../__support/accounts.h"

int getgrnam_r(const char *name, struct group *entry, char *buffer, size_t size,
               struct group **result) {
  return __group_result(getgrnam(name), entry, buffer, size, result);
}
