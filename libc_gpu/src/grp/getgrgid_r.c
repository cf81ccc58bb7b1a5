#include <grp.h>

#include "../__support/accounts.h"

int getgrgid_r(gid_t gid, struct group *entry, char *buffer, size_t size, struct group **result) {
  struct group *found = getgrgid(gid);
  int error = found ? __group_copy(found, entry, buffer, size) : 0;
  *result = found && !error ? entry : NULL;
  return error;
}
