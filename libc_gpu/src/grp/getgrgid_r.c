#include <grp.h>

#include "../__support/accounts.h"

int getgrgid_r(gid_t gid, struct group *entry, char *buffer, size_t size, struct group **result) {
  return __group_result(getgrgid(gid), entry, buffer, size, result);
}
