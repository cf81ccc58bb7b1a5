#include <unistd.h>

#include "../__support/identity.h"

int getresgid(gid_t *real, gid_t *effective, gid_t *saved) {
  *real = __identity.group.real;
  *effective = __identity.group.effective;
  *saved = __identity.group.saved;
  return 0;
}
