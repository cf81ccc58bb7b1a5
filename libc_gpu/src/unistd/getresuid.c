#include <unistd.h>

#include "../__support/identity.h"

int getresuid(uid_t *real, uid_t *effective, uid_t *saved) {
  *real = __identity.user.real;
  *effective = __identity.user.effective;
  *saved = __identity.user.saved;
  return 0;
}
