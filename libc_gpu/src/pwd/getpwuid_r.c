#include <pwd.h>

#include "../__support/accounts.h"

int getpwuid_r(uid_t uid, struct passwd *entry, char *buffer, size_t size, struct passwd **result) {
  return __passwd_result(getpwuid(uid), entry, buffer, size, result);
}
