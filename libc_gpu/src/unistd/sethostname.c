#include <errno.h>
#include <unistd.h>

#include "../__support/hostname.h"
#include "../__support/identity.h"

int sethostname(const char *name, size_t length) {
  if (__identity.user.effective != 0) {
    errno = EPERM;
    return -1;
  }
  return __hostname_set(name, length);
}
