#include <grp.h>

#include "../__support/accounts.h"

int getgrnam_r(const char *name, struct group *entry, char *buffer, size_t size,
               struct group **result) {
  struct group *found = getgrnam(name);
  int error = found ? __group_copy(found, entry, buffer, size) : 0;
  *result = found && !error ? entry : NULL;
  return error;
}
