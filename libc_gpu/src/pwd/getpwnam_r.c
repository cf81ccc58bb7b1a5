#include <pwd.h>

#include "../__support/accounts.h"

int getpwnam_r(const char *name, struct passwd *entry, char *buffer, size_t size,
               struct passwd **result) {
  struct passwd *found = getpwnam(name);
  int error = found ? __passwd_copy(found, entry, buffer, size) : 0;
  *result = found && !error ? entry : NULL;
  return error;
}
