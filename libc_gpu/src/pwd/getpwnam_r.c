#include <pwd.h>

#include "../__support/accounts.h"

int getpwnam_r(const char *name, struct passwd *entry, char *buffer, size_t size,
               struct passwd **result) {
  return __passwd_result(getpwnam(name), entry, buffer, size, result);
}
