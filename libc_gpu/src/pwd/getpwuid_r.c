#include <pwd.h>

#include "../__support/accounts.h"

int getpwuid_r(uid_t uid, struct passwd *entry, char *buffer, size_t size, struct passwd **result) {
  struct passwd *found = getpwuid(uid);
  int error = found ? __passwd_copy(found, entry, buffer, size) : 0;
  *result = found && !error ? entry : NULL;
  return error;
}
