#include <grp.h>

#include "../__support/accounts.h"

void setgrent(void) {
  __group_rewind();
}
