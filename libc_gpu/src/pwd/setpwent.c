#include <pwd.h>

#include "../__support/accounts.h"

void setpwent(void) {
  __passwd_rewind();
}
