#include <pwd.h>

#include "../__support/accounts.h"

void endpwent(void) {
  __accounts_close();
}
