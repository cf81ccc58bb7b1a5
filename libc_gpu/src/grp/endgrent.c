#include <grp.h>

#include "../__support/accounts.h"

void endgrent(void) {
  __accounts_close();
}
